/** A commune's help, on the unit page and the commune profile: who helps it (its predecessors' included), recent activities, open obstacles. */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state.js';
import { QueryState } from '../../components/query-state.js';
import { useActivities } from '../../features/activities/api/list-activities.js';
import { ActivityList } from '../../features/activities/components/activity-list.js';
import { AgencySelect } from '../../features/agencies/components/agency-select.js';
import { useAssignments } from '../../features/assignments/api/list-assignments.js';
import { AssignmentManager } from '../../features/assignments/components/assignment-manager.js';
import { useObstacles } from '../../features/obstacles/api/list-obstacles.js';
import { ObstacleTable } from '../../features/obstacles/components/obstacle-table.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import '../../i18n/parts/assistance.vi.js';
import { useI18n } from '../../i18n/index.js';

/** Helpers, recent activities and open obstacles of a commune. */
export function CommuneAssistance({ unitId, today }: { unitId: string; today: string }): ReactNode {
  const { t } = useI18n();
  const assignments = useAssignments({ unitId, limit: 200 });
  const activities = useActivities({ unitId, limit: 5 });
  const obstacles = useObstacles({ unitId, open: true, limit: 20, sort: 'due' });
  return (
    <>
      <section className="section" aria-labelledby="helpers">
        <h2 id="helpers">{t('assign.agency')}</h2>
        <QueryState query={assignments}>
          {(d) => (
            <AssignmentManager
              rows={d.items}
              today={today}
              split
              showUnit={d.items.some((a) => a.viaPredecessor)}
              caption={t('assign.agency')}
              empty={t('assign.emptyUnit')}
              agencySelect={(p) => <AgencySelect {...p} />}
              unitPicker={(p) => <UnitPicker {...p} level="commune" />}
            />
          )}
        </QueryState>
      </section>
      <section className="section" aria-labelledby="recent-acts">
        <div className="section-head">
          <h2 id="recent-acts">{t('act.recent')}</h2>
          <Link to="/assistance/activities" search={{ unitId }}>
            {t('act.seeAll')}
          </Link>
        </div>
        <QueryState query={activities} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('act.emptyUnit')}</EmptyState>}>
          {(d) => <ActivityList rows={d.items} label={t('act.recent')} showUnit={false} />}
        </QueryState>
      </section>
      <section className="section" aria-labelledby="open-obs">
        <div className="section-head">
          <h2 id="open-obs">{t('obs.open')}</h2>
          <Link to="/assistance/obstacles" search={{ unitId }}>
            {t('obs.seeAll')}
          </Link>
        </div>
        <QueryState query={obstacles} isEmpty={(d) => d.items.length === 0} empty={<EmptyState>{t('obs.emptyUnit')}</EmptyState>}>
          {(d) => <ObstacleTable rows={d.items} caption={t('obs.open')} showUnit={false} />}
        </QueryState>
      </section>
    </>
  );
}
