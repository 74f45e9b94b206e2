/** /units/$id?asOf=: one unit at a date: facts, attributes, children, predecessors, successors, lineage. */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { useUnit } from '../../features/units/api/get-unit.js';
import '../../i18n/parts/assistance.vi.js';
import '../../i18n/parts/assessments-nav.vi.js';
import { AsOfPicker } from '../../features/units/components/as-of-picker.js';
import { LineageView } from '../../features/units/components/lineage-view.js';
import { SetAttributeForm } from '../../features/units/components/set-attribute-form.js';
import {
  AttributeTable,
  ChildrenList,
  SuccessionTable,
  UnitBreadcrumb,
  UnitFacts,
} from '../../features/units/components/unit-detail.js';
import { useI18n } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { CommuneAssistance } from './commune-assistance.js';

const route = getRouteApi('/app/units/$id');

export function UnitPage(): ReactNode {
  const { t, date } = useI18n();
  const { id } = route.useParams();
  const { asOf } = route.useSearch();
  const navigate = route.useNavigate();
  const query = useUnit(id, asOf);
  const today = todayIso();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  usePageTitle(query.data?.name ?? t('units.title'));

  return (
    <QueryState query={query}>
      {(unit) => (
        <>
          <PageHeader
            title={unit.name}
            before={<UnitBreadcrumb unit={unit} asOf={asOf} />}
            intro={t('unitPage.viewAsOf', { date: date(asOf ?? today) })}
          />
          <div className="filters">
            <AsOfPicker value={asOf} today={today} onChange={(d) => void navigate({ search: { asOf: d } })} />
          </div>
          <UnitFacts unit={unit} />

          <section className="section" aria-labelledby="attrs">
            <div className="section-head">
              <h2 id="attrs">{t('unitPage.attributes')}</h2>
              {unit.abilities.canSetAttribute ? (
                <Button variant="primary" onClick={() => (setSaved(false), setEditing(true))}>
                  {t('unitPage.setAttribute')}
                </Button>
              ) : null}
            </div>
            {saved ? <Notice>{t('unitPage.attributeSaved')}</Notice> : null}
            {unit.attributes.length > 0 ? (
              <AttributeTable rows={unit.attributes} caption={t('unitPage.attributesCurrent')} />
            ) : (
              <EmptyState>{t('unitPage.attributesEmpty')}</EmptyState>
            )}
            <h3>{t('unitPage.attributesHistory')}</h3>
            {unit.attributeHistory.length > 0 ? (
              <AttributeTable rows={unit.attributeHistory} caption={t('unitPage.attributesHistory')} history />
            ) : (
              <EmptyState>{t('unitPage.historyEmpty')}</EmptyState>
            )}
          </section>

          {unit.level === 'commune' ? (
            <>
              <p className="profile-link">
                <Link to="/communes/$unitId" params={{ unitId: unit.id }} className="btn btn-secondary">
                  {t('prof.open')}
                </Link>
              </p>
              <CommuneAssistance unitId={unit.id} today={today} />
            </>
          ) : null}

          <section className="section" aria-labelledby="children">
            <h2 id="children">{t('unit.children')}</h2>
            <ChildrenList unit={unit} asOf={asOf} />
          </section>

          <section className="section" aria-labelledby="preds">
            <h2 id="preds">{t('unitPage.predecessors')}</h2>
            <SuccessionTable links={unit.predecessors} direction="predecessor" empty={t('unitPage.predecessorsEmpty')} />
          </section>

          <section className="section" aria-labelledby="succs">
            <h2 id="succs">{t('unitPage.successors')}</h2>
            <SuccessionTable links={unit.successors} direction="successor" empty={t('unitPage.successorsEmpty')} />
          </section>

          <section className="section" aria-labelledby="lineage">
            <h2 id="lineage">{t('unitPage.lineage')}</h2>
            <p className="muted">{t('unitPage.lineageIntro')}</p>
            <LineageView unitId={unit.id} />
          </section>

          <Dialog open={editing} onOpenChange={setEditing} title={t('unitPage.setAttribute')} description={t('unitPage.setAttributeIntro')}>
            <SetAttributeForm
              unitId={unit.id}
              today={asOf ?? today}
              onDone={() => {
                setEditing(false);
                setSaved(true);
              }}
            />
          </Dialog>
        </>
      )}
    </QueryState>
  );
}
