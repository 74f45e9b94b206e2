/** /agencies/$id: one agency, with an edit dialog when the agency's abilities allow it. */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { Notice } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useAgency } from '../../features/agencies/api/get-agency.js';
import { AgencyFacts } from '../../features/agencies/components/agency-facts.js';
import { AgencyForm } from '../../features/agencies/components/agency-form.js';
import { useAssignments } from '../../features/assignments/api/list-assignments.js';
import { AssignmentManager } from '../../features/assignments/components/assignment-manager.js';
import { AgencySelect } from '../../features/agencies/components/agency-select.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import { EmptyState } from '../../components/empty-state.js';
import { todayIso } from '../../lib/format.js';
import '../../i18n/parts/assistance.vi.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../lib/use-page-title.js';

const route = getRouteApi('/app/agencies/$id');

export function AgencyPage(): ReactNode {
  const { t } = useI18n();
  const { id } = route.useParams();
  const query = useAgency(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  usePageTitle(query.data?.name ?? t('agencies.detail'));
  const back = (
    <p className="back-link">
      <Link to="/agencies">
        <span aria-hidden="true">‹ </span>
        {t('common.backToList')}
      </Link>
    </p>
  );
  return (
    <QueryState query={query}>
      {(a) => (
        <>
          <PageHeader
            before={back}
            title={a.name}
            intro={a.isDemo ? <StatusBadge tone="info">{t('common.demo')}</StatusBadge> : undefined}
            actions={
              a.abilities.canEdit ? (
                <Button variant="primary" onClick={() => (setSaved(false), setEditing(true))}>
                  {t('common.edit')}
                </Button>
              ) : null
            }
          />
          {saved ? <Notice>{t('agencies.updated')}</Notice> : null}
          <AgencyFacts agency={a} />
          <AgencyCommunes agencyId={a.id} />
          <Dialog open={editing} onOpenChange={setEditing} title={t('agencies.edit')} wide>
            <AgencyForm
              agency={a}
              unitPicker={(p) => <UnitPicker {...p} />}
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

/** The communes the agency helps (now and before). */
function AgencyCommunes({ agencyId }: { agencyId: string }): ReactNode {
  const { t } = useI18n();
  const today = todayIso();
  const query = useAssignments({ agencyId, limit: 500 });
  return (
    <section className="section" aria-labelledby="agency-communes">
      <h2 id="agency-communes">{t('assign.agencyCommunes')}</h2>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('assign.emptyAgency')}</EmptyState>}>
        {(d) => (
          <AssignmentManager
            rows={d.items}
            today={today}
            split
            showAgency={false}
            caption={t('assign.agencyCommunes')}
            empty={t('assign.emptyAgency')}
            agencySelect={(p) => <AgencySelect {...p} />}
            unitPicker={(p) => <UnitPicker {...p} level="commune" />}
          />
        )}
      </QueryState>
    </section>
  );
}
