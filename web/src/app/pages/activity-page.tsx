/** /activities/$id: one activity of a help team, its photos and documents, and its follow-ups. */
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { FileList } from '../../components/file-list.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useActivity } from '../../features/activities/api/get-activity.js';
import { ActivityFacts, FollowUps } from '../../features/activities/components/activity-detail.js';
import '../../i18n/parts/assistance.vi.js';
import { useI18n } from '../../i18n/index.js';

const route = getRouteApi('/app/activities/$id');

export function ActivityPage(): ReactNode {
  const { t, date } = useI18n();
  const { id } = route.useParams();
  const query = useActivity(id);
  const back = (
    <p className="back-link">
      <Link to="/assistance/activities">
        <span aria-hidden="true">‹ </span>
        {t('act.title')}
      </Link>
    </p>
  );
  return (
    <QueryState query={query}>
      {(a) => (
        <>
          <PageHeader
            before={back}
            title={`${t(`act.kind.${a.kind}`)} — ${a.unit.name}, ${date(a.date)}`}
            intro={a.isDemo ? <StatusBadge tone="demo">{t('assist.demo')}</StatusBadge> : undefined}
          />
          <ActivityFacts a={a} />
          <section className="section" aria-labelledby="act-files">
            <h2 id="act-files">{t('act.files')}</h2>
            <FileList files={a.files} />
          </section>
          <section className="section" aria-labelledby="act-fu">
            <h2 id="act-fu">{t('act.followUps')}</h2>
            <FollowUps a={a} />
          </section>
        </>
      )}
    </QueryState>
  );
}
