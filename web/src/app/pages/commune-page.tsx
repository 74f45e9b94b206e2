/**
 * /communes/$unitId?year=: a commune's profile — its recognised level and status for the year, the criteria table
 * (values, verdicts, targets, gaps), its history across years (predecessors' included), recognition decisions, and the
 * help it gets (helpers, activities, obstacles).
 */
import { getRouteApi, Link } from '@tanstack/react-router';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/error-message.js';
import { SelectField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useCommuneProfile } from '../../features/profile/api/get-profile.js';
import { ProfileCriteria } from '../../features/profile/components/profile-criteria.js';
import { StatusHistory } from '../../features/profile/components/status-history.js';
import { useRecognitions } from '../../features/recognitions/api/list-recognitions.js';
import { RecognitionForm } from '../../features/recognitions/components/recognition-form.js';
import { RecognitionList } from '../../features/recognitions/components/recognition-list.js';
import '../../i18n/parts/assessments.vi.js';
import '../../features/assessments/assessments.css';
import { useI18n } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { CommuneAssistance } from './commune-assistance.js';

// The resources section (issue 6) is its own chunk: the profile's first paint does not wait for it.
const CommuneResources = lazy(() => import('../../features/resources/components/commune-resources.js'));
// The plans section (issue 6), likewise.
const CommunePlansSection = lazy(() => import('./commune-plans-section.js'));

const route = getRouteApi('/app/communes/$unitId');

export function CommunePage(): ReactNode {
  const { t, number, dateTime } = useI18n();
  const { unitId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const query = useCommuneProfile(unitId, search.year);
  const recognitions = useRecognitions(unitId);
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(query.data?.unit.name ?? t('prof.title'));
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);

  return (
    <QueryState query={query}>
      {(p) => (
        <>
          <PageHeader
            title={t('prof.titleOf', { name: p.unit.name })}
            before={
              <p className="back-link">
                <Link to="/units/$id" params={{ id: p.unit.id }}>
                  <span aria-hidden="true">‹ </span>
                  {t('prof.unitPage')}
                </Link>
              </p>
            }
            intro={p.unit.parentName ? t('prof.parent', { name: p.unit.parentName }) : undefined}
          />
          <div className="filters">
            <SelectField
              label={t('prof.year')}
              value={String(p.year)}
              onChange={(e) => void navigate({ search: { year: Number(e.target.value) } })}
              options={[...new Set([p.year, ...years])].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }))}
            />
          </div>
          {notice ? <Notice>{notice}</Notice> : null}

          <div className="asm-facts">
            <dl className="facts">
              <div>
                <dt>{t('prof.level')}</dt>
                <dd>
                  {p.level ? (
                    <StatusBadge tone="ok" icon="★">
                      {t(`criteria.level.${p.level}`)}
                    </StatusBadge>
                  ) : (
                    <span className="muted">{t('prof.noLevel')}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('prof.status', { year: p.year })}</dt>
                <dd>
                  {p.status ? (
                    <>
                      <strong>{t('asm.criteriaMetValue', { met: number(p.status.criteriaMet), applicable: number(p.status.criteriaApplicable) })}</strong>{' '}
                      {p.status.meetsStandard ? (
                        <StatusBadge tone="ok">{t('asm.meetsStandard')}</StatusBadge>
                      ) : (
                        <StatusBadge tone="bad">{t('asm.notMeetsStandard')}</StatusBadge>
                      )}{' '}
                      <span className="muted small">
                        {t(p.status.basis === 'appraised' ? 'prof.basis.appraised' : 'prof.basis.self')} · {dateTime(p.status.computedAt)}
                      </span>
                    </>
                  ) : (
                    <span className="muted">{t('prof.noStatus')}</span>
                  )}
                </dd>
              </div>
              {p.status && p.status.missing.length > 0 ? (
                <div>
                  <dt>{t('asm.missingCriteria')}</dt>
                  <dd>{p.status.missing.join(', ')}</dd>
                </div>
              ) : null}
              {p.assessment ? (
                <div>
                  <dt>{t('prof.assessment')}</dt>
                  <dd>
                    <Link to="/assessments/$id" params={{ id: p.assessment.id }}>
                      {p.assessment.cycle.name}
                    </Link>
                  </dd>
                </div>
              ) : null}
            </dl>
          </div>

          <section className="section" aria-labelledby="prof-criteria">
            <h2 id="prof-criteria">{t('prof.criteria', { year: p.year })}</h2>
            {p.criteria.length > 0 ? <ProfileCriteria profile={p} /> : <EmptyState>{t('prof.criteriaEmpty', { year: p.year })}</EmptyState>}
          </section>

          <section className="section" aria-labelledby="prof-history">
            <h2 id="prof-history">{t('prof.history')}</h2>
            {p.history.length > 0 ? <StatusHistory rows={p.history} /> : <EmptyState>{t('prof.historyEmpty')}</EmptyState>}
          </section>

          <section className="section" aria-labelledby="prof-rec">
            <div className="section-head">
              <h2 id="prof-rec">{t('rec.title')}</h2>
              {recognitions.data?.canRecord ? (
                <Button variant="primary" onClick={() => (setNotice(null), setRecording(true))}>
                  {t('rec.record')}
                </Button>
              ) : null}
            </div>
            <QueryState query={recognitions} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('rec.empty')}</EmptyState>}>
              {(d) => <RecognitionList rows={d.items} />}
            </QueryState>
          </section>

          <p className="muted">
            {t('prof.assistanceCounts', { helpers: number(p.assistance.helpers), activities: number(p.assistance.activities), obstacles: number(p.assistance.openObstacles) })}
          </p>
          <CommuneAssistance unitId={p.unit.id} today={today} />
          <Suspense fallback={null}>
            <CommunePlansSection unitId={p.unit.id} year={p.year} active={!p.unit.validTo || p.unit.validTo > today} />
          </Suspense>
          <Suspense fallback={null}>
            <CommuneResources unitId={p.unit.id} />
          </Suspense>

          <Dialog open={recording} onOpenChange={setRecording} title={t('rec.record')} description={t('rec.intro')}>
            <RecognitionForm
              unitId={p.unit.id}
              existing={recognitions.data?.items ?? []}
              year={p.year}
              onDone={() => {
                setRecording(false);
                setNotice(t('rec.recorded'));
              }}
            />
          </Dialog>
        </>
      )}
    </QueryState>
  );
}
