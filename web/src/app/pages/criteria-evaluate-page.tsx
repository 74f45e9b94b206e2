/**
 * /criteria/$id/evaluate?unitId=&year=: evaluate one commune for a year against a set. The person types indicator
 * values (not saved: a trial calculation), and after each change (short debounce) the server evaluates them; each row
 * shows the target that applies and why, its verification state and the result. From here the steering office can
 * enter or confirm a missing target in an editable set, or copy a national set into a provincial variant to do so.
 */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import type { EvaluateBody, Indicator, SetDetail, TargetRule } from '../../../../src/contracts/criteria.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorMessage, Notice } from '../../components/error-message.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import type { PickerItem } from '../../components/picker.js';
import { QueryState } from '../../components/query-state.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useEvaluation } from '../../features/criteria/api/evaluate.js';
import { useSet } from '../../features/criteria/api/get-set.js';
import { useSets } from '../../features/criteria/api/list-sets.js';
import { SetStatusBadges } from '../../features/criteria/components/badges.js';
import { CloneForm } from '../../features/criteria/components/clone-form.js';
import { EvaluationEntry } from '../../features/criteria/components/evaluation-entry.js';
import { EvaluationSummary } from '../../features/criteria/components/evaluation-summary.js';
import { TargetForm } from '../../features/criteria/components/target-form.js';
import { defaultYear, parseTypedValue } from '../../features/criteria/labels.js';
import { useUnit } from '../../features/units/api/get-unit.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import { useI18n } from '../../i18n/index.js';
import '../../features/criteria/criteria.css';
import { isApiError } from '../../lib/api.js';
import { todayIso } from '../../lib/format.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';

const route = getRouteApi('/app/criteria/$id/evaluate');
const DEBOUNCE_MS = 400;

type Open = { kind: 'target'; ind: Indicator; rule: TargetRule | null; confirm: boolean } | { kind: 'clone' } | null;

export function CriteriaEvaluatePage(): ReactNode {
  const { id } = route.useParams();
  const query = useSet(id);
  return (
    <QueryState query={query}>
      {(set) => <Evaluate set={set} />}
    </QueryState>
  );
}

function Evaluate({ set }: { set: SetDetail }) {
  const { t, number } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useSession();
  const today = todayIso();
  const year = search.year ?? defaultYear(set, today);
  const unitId = search.unitId;
  // Values live in the page, not the URL; they stay while the set, commune or year changes.
  const [values, setValues] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The name chosen in the picker, for when the commune cannot be read at another year's end.
  const [pickedName, setPickedName] = useState<string | null>(null);
  // Communes as they were at the end of the year (or today, for the current year).
  const asOf = `${year}-12-31` > today ? today : `${year}-12-31`;
  const unit = useUnit(unitId, asOf);
  const sets = useSets({ limit: 200 });

  const kinds = useMemo(() => new Map(set.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i.kind] as const))), [set]);
  const { sent, invalid } = useMemo(() => {
    const sent: EvaluateBody['values'] = {};
    const invalid: Record<string, boolean> = {};
    for (const [code, text] of Object.entries(values)) {
      const kind = kinds.get(code);
      if (!kind) continue;
      const p = parseTypedValue(kind, text);
      if (!p.ok) invalid[code] = true;
      else if (p.value !== null) sent[code] = p.value;
    }
    return { sent, invalid };
  }, [values, kinds]);
  const debounced = useDebouncedValue(sent, DEBOUNCE_MS);
  const body: EvaluateBody | null = unitId ? { unitId, year, values: debounced } : null;
  const evaluation = useEvaluation(set.id, body);
  const result = evaluation.data;
  const stale = evaluation.isFetching || debounced !== sent;

  const firstYear = Number(set.validFrom.slice(0, 4));
  const lastYear = Math.max(set.validTo ? Number(set.validTo.slice(0, 4)) : Number(today.slice(0, 4)) + 1, year);
  const years = Array.from({ length: Math.max(1, lastYear - Math.min(firstYear, year) + 1) }, (_, i) => Math.min(firstYear, year) + i);
  const chosen: PickerItem[] = unitId ? [{ id: unitId, label: unit.data?.name ?? (result?.unit.id === unitId ? result.unit.name : null) ?? pickedName ?? '…' }] : [];
  const editable = set.abilities.canEdit || set.abilities.canConfirmTarget;
  const gaps = result ? (result.counts.target_unknown ?? 0) : 0;
  const scope = session.user.scope[0];

  return (
    <>
      <PageHeader
        title={t('criteria.evaluate.title')}
        before={
          <nav aria-label={t('criteria.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/criteria">{t('criteria.title')}</Link>
              </li>
              <li>
                <Link to="/criteria/$id" params={{ id: set.id }}>
                  {set.code}
                </Link>
              </li>
              <li aria-current="page">{t('criteria.evaluate.crumb')}</li>
            </ol>
          </nav>
        }
        intro={t('criteria.evaluate.intro')}
      />
      <div className="filters eval-controls">
        <SelectField
          label={t('criteria.evaluate.set')}
          className="filter-grow"
          value={set.id}
          onChange={(e) => void navigate({ to: '/criteria/$id/evaluate', params: { id: e.target.value }, search: (s) => s })}
          options={(sets.data?.items ?? [set]).map((s) => ({
            value: s.id,
            // The code first: a variant's name starts like its national set's, so on a phone only the code tells them apart.
            label: `${s.code} — ${t('criteria.set.versionN', { version: s.version })}${s.status === 'draft' ? ` (${t('criteria.setStatus.draft').toLowerCase()})` : ''} — ${s.name}`,
          }))}
        />
        <UnitPicker
          label={t('criteria.evaluate.unit')}
          hint={t('criteria.evaluate.unitHint')}
          level="commune"
          asOf={asOf}
          value={chosen}
          onChange={(items) => {
            setPickedName(items[0]?.label ?? null);
            void navigate({ search: (s) => ({ ...s, unitId: items[0]?.id }) });
          }}
        />
        <SelectField
          label={t('criteria.evaluate.year')}
          value={String(year)}
          onChange={(e) => void navigate({ search: (s) => ({ ...s, year: Number(e.target.value) }) })}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </div>
      <p className="eval-set-line">
        <SetStatusBadges set={set} /> <span className="muted">{t('criteria.evaluate.notSaved')}</span>
      </p>
      {set.isDemo ? (
        <div className="alert alert-demo" role="note">
          <span aria-hidden="true">◇ </span>
          {t('criteria.demoNotice')}
        </div>
      ) : null}
      {notice ? <Notice>{notice}</Notice> : null}

      {!unitId ? (
        <EmptyState>{t('criteria.evaluate.chooseUnit')}</EmptyState>
      ) : (
        <>
          {evaluation.isError ? (
            isApiError(evaluation.error) && evaluation.error.code === 'NOT_FOUND' ? (
              <div className="alert alert-error" role="alert">
                <span aria-hidden="true">⚠ </span>
                {t('criteria.evaluate.unitNotFound', { year })}
              </div>
            ) : (
              <ErrorMessage error={evaluation.error} onRetry={() => void evaluation.refetch()} />
            )
          ) : null}
          {result ? <EvaluationSummary result={result} updating={stale} /> : evaluation.isPending ? <p className="loading">{t('criteria.evaluate.updating')}</p> : null}
          {gaps > 0 && !editable && set.abilities.canClone ? (
            <div className="alert alert-info eval-clone-hint">
              <p>{t('criteria.evaluate.cloneHint', { count: number(gaps) })}</p>
              <Button variant="primary" onClick={() => (setNotice(null), setOpen({ kind: 'clone' }))}>
                {t('criteria.evaluate.cloneAction')}
              </Button>
            </div>
          ) : null}
          {result ? (
            <EvaluationEntry
              set={set}
              result={result}
              values={values}
              invalid={invalid}
              onChange={(code, text) => setValues((v) => ({ ...v, [code]: text }))}
              onTarget={editable ? (ind, rule, confirm) => (setNotice(null), setOpen({ kind: 'target', ind, rule, confirm })) : undefined}
            />
          ) : null}
        </>
      )}

      <Dialog
        open={open?.kind === 'target'}
        onOpenChange={(o) => (o ? null : setOpen(null))}
        title={open?.kind === 'target' && open.confirm ? t('criteria.target.confirmTitle') : t('criteria.target.editTitle')}
        description={t('criteria.target.dialogIntro')}
        wide
      >
        {open?.kind === 'target' ? (
          <TargetForm
            set={set}
            indicator={open.ind}
            initial={open.rule ? { match: open.rule.match, value: open.rule.value, source: open.rule.source, note: open.rule.note } : null}
            confirm={open.confirm}
            onDone={() => {
              setOpen(null);
              setNotice(t('criteria.evaluate.targetSaved', { code: open.ind.code }));
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={open?.kind === 'clone'} onOpenChange={(o) => (o ? null : setOpen(null))} title={t('criteria.clone.title')} description={t('criteria.clone.intro')} wide>
        <CloneForm
          set={set}
          provincePicker={(p) => <UnitPicker {...p} level="province" />}
          defaultProvince={scope ? { id: scope.unitId, label: scope.name } : null}
          onDone={(s) => {
            setOpen(null);
            setNotice(t('criteria.evaluate.cloned', { name: s.name }));
            void navigate({ to: '/criteria/$id/evaluate', params: { id: s.id }, search: (x) => x });
          }}
        />
      </Dialog>
    </>
  );
}
