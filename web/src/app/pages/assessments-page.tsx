/**
 * /assessments?cycleId=: what waits for the caller (a form to fill, reviews at their step), the assessment cycles,
 * and one cycle's communes; the steering office opens a cycle here.
 */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/error-message.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { PagedList } from '../../components/paged-list.js';
import { QueryState } from '../../components/query-state.js';
import { AgencySelect } from '../../features/agencies/components/agency-select.js';
import { useAssessments } from '../../features/assessments/api/list-assessments.js';
import { useCycles } from '../../features/assessments/api/list-cycles.js';
import { AssessmentTable } from '../../features/assessments/components/assessment-table.js';
import { CycleCloseForm, CycleEditForm } from '../../features/assessments/components/cycle-edit-form.js';
import { CycleForm, type TargetListSlotProps } from '../../features/assessments/components/cycle-form.js';
import { CycleTable } from '../../features/assessments/components/cycle-table.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useSets } from '../../features/criteria/api/list-sets.js';
import { useTargetLists } from '../../features/plans/api/target-lists.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import '../../i18n/parts/assessments.vi.js';
import '../../i18n/parts/value-import-nav.vi.js';
import '../../features/assessments/assessments.css';
import { useI18n } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';

const route = getRouteApi('/app/assessments');
const LIMIT = 50;

export function AssessmentsPage(): ReactNode {
  const { t, dateTime } = useI18n();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [opening, setOpening] = useState(false);
  const [managing, setManaging] = useState<'edit' | 'close' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const offset = search.offset ?? 0;
  const waiting = useAssessments({ waitingForMe: true, limit: 100 });
  const cycles = useCycles({ limit: 100 });
  const ofCycle = useAssessments({ cycleId: search.cycleId, limit: LIMIT, offset }, Boolean(search.cycleId));
  const year = Number(todayIso().slice(0, 4));
  const scope = session.user.scope[0];
  const cycle = cycles.data?.items.find((c) => c.id === search.cycleId);

  return (
    <>
      <PageHeader
        title={t('asm.title')}
        intro={t('asm.intro')}
        actions={
          session.abilities.create.cycle ? (
            <Button variant="primary" onClick={() => (setNotice(null), setOpening(true))}>
              {t('asm.cycle.open')}
            </Button>
          ) : undefined
        }
      />
      {notice ? <Notice>{notice}</Notice> : null}

      <section className="section" aria-labelledby="asm-waiting">
        <h2 id="asm-waiting">{t('asm.waiting')}</h2>
        <QueryState query={waiting} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('asm.waitingEmpty')}</EmptyState>}>
          {(d) => <AssessmentTable rows={d.items} caption={t('asm.waiting')} />}
        </QueryState>
      </section>

      <section className="section" aria-labelledby="asm-cycles">
        <h2 id="asm-cycles">{t('asm.cycles.title')}</h2>
        <QueryState
          query={cycles}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState>{session.abilities.create.cycle ? t('asm.cycles.emptyOffice') : t('asm.cycles.empty')}</EmptyState>}
        >
          {(d) => <CycleTable rows={d.items} />}
        </QueryState>
      </section>

      {search.cycleId ? (
        <section className="section" aria-labelledby="asm-of-cycle">
          <div className="section-head">
            <h2 id="asm-of-cycle">{t('asm.ofCycle', { name: cycle?.name ?? '…' })}</h2>
            <div className="form-actions">
              {cycle?.status === 'open' && session.abilities.create.valueImport ? (
                <Link className="btn btn-secondary btn-small" to="/cycles/$id/import" params={{ id: cycle.id }}>
                  {t('vimp.link')}
                </Link>
              ) : null}
              {cycle?.abilities.canUpdate ? (
                <Button size="small" onClick={() => (setNotice(null), setManaging('edit'))}>
                  {t('asm.cycleEdit.title')}
                </Button>
              ) : null}
              {cycle?.abilities.canClose ? (
                <Button size="small" variant="danger" onClick={() => (setNotice(null), setManaging('close'))}>
                  {t('asm.cycleClose.title')}
                </Button>
              ) : null}
              <Button size="small" variant="quiet" onClick={() => void navigate({ search: {} })}>
                {t('common.close')}
              </Button>
            </div>
          </div>
          {cycle?.targetList ? (
            <p className="muted">{t('asm.cycles.fromList', { doc: cycle.targetList.documentNo ?? '—', title: cycle.targetList.title })}</p>
          ) : null}
          {cycle?.status === 'closed' ? (
            <p className="alert alert-info">
              {t('asm.cycleClose.closedOn', { date: cycle.closedAt ? dateTime(cycle.closedAt) : '—', reason: cycle.closeReason ?? '—' })}
            </p>
          ) : null}
          <PagedList
            query={ofCycle}
            offset={offset}
            limit={LIMIT}
            onPage={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })}
            empty={t('asm.ofCycleEmpty')}
          >
            {(rows) => <AssessmentTable rows={rows} caption={t('asm.ofCycle', { name: cycle?.name ?? '' })} showCycle={false} />}
          </PagedList>
        </section>
      ) : null}

      {cycle ? (
        <Dialog
          open={managing !== null}
          onOpenChange={(o) => setManaging(o ? managing : null)}
          title={managing === 'close' ? t('asm.cycleClose.title') : t('asm.cycleEdit.title')}
          description={managing === 'close' ? t('asm.cycleClose.intro', { name: cycle.name }) : t('asm.cycleEdit.intro', { name: cycle.name })}
          wide={managing === 'edit'}
        >
          {managing === 'close' ? (
            <CycleCloseForm
              cycle={cycle}
              onDone={(c) => {
                setManaging(null);
                setNotice(t('asm.cycleClose.done', { name: c.name }));
              }}
            />
          ) : (
            <CycleEditForm
              cycle={cycle}
              communePicker={(p) => <UnitPicker {...p} level="commune" />}
              onDone={(c) => {
                setManaging(null);
                setNotice(t('asm.cycleEdit.done', { name: c.name, count: c.counts.communes }));
              }}
            />
          )}
        </Dialog>
      ) : null}

      <Dialog open={opening} onOpenChange={setOpening} title={t('asm.cycle.open')} description={t('asm.cycle.intro')} wide>
        <CycleForm
          year={year}
          defaultScope={scope ? { id: scope.unitId, label: scope.name } : null}
          setSelect={(p) => <SetSelect {...p} />}
          agencySelect={(p) => <AgencySelect {...p} />}
          targetListSelect={(p) => <TargetListSelect {...p} />}
          scopePicker={(p) => <UnitPicker {...p} />}
          communePicker={(p) => <UnitPicker {...p} level="commune" />}
          onDone={(c) => {
            setOpening(false);
            setNotice(t('asm.cycle.created', { name: c.name, count: c.counts.communes }));
            void navigate({ search: { cycleId: c.id } });
          }}
        />
      </Dialog>
    </>
  );
}

/** Published criteria sets (code, version, name) for a new cycle. */
function SetSelect({ label, value, onChange, error }: { label: string; value: string | null; onChange: (id: string | null) => void; error?: string | undefined }) {
  const { t } = useI18n();
  const sets = useSets({ limit: 200, status: 'published' });
  return (
    <SelectField
      label={label}
      required
      value={value ?? ''}
      error={error}
      onChange={(e) => onChange(e.target.value || null)}
      options={[
        { value: '', label: sets.isPending ? t('app.loading') : t('asm.cycle.chooseSet') },
        ...(sets.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} — ${t('criteria.set.versionN', { version: s.version })} — ${s.name}` })),
      ]}
    />
  );
}

/** Adopted target lists of the cycle's year (document number, title, communes) to open a cycle on their communes. */
function TargetListSelect({ label, hint, year, value, onChange, error }: TargetListSlotProps) {
  const { t } = useI18n();
  const valid = Number.isInteger(year) && year >= 2010 && year <= 2050;
  const lists = useTargetLists({ year: valid ? year : undefined, status: 'adopted' });
  const items = valid ? (lists.data?.items ?? []).filter((l) => l.year === year) : [];
  const first = lists.isPending ? t('app.loading') : items.length ? t('asm.cycle.chooseTargetList') : t('asm.cycle.noTargetList', { year: valid ? year : '—' });
  return (
    <SelectField
      label={label}
      hint={hint}
      required
      value={value ?? ''}
      error={error}
      onChange={(e) => onChange(e.target.value || null)}
      options={[
        { value: '', label: first },
        ...items.map((l) => ({ value: l.id, label: t('asm.cycle.targetListOption', { doc: l.documentNo ?? '—', title: l.title, count: l.counts.total }) })),
      ]}
    />
  );
}
