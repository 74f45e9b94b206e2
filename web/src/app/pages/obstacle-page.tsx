/**
 * /obstacles/$id: one obstacle: its facts (status, level, assignee, due date, overdue), the workflow buttons from its
 * abilities (accept, start, escalate, resolve with answer and document, close, reopen), the thread and a reply form.
 */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import type { ObstacleAction } from '../../../../src/contracts/assistance.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { Notice } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { AgencySelect } from '../../features/agencies/components/agency-select.js';
import { useObstacle } from '../../features/obstacles/api/get-obstacle.js';
import { ObstacleFacts } from '../../features/obstacles/components/obstacle-facts.js';
import { ObstacleThread, ReplyForm } from '../../features/obstacles/components/obstacle-thread.js';
import { TransitionForm } from '../../features/obstacles/components/transition-form.js';
import { allowedActions, nextLevel } from '../../features/obstacles/labels.js';
import '../../i18n/parts/assistance.vi.js';
import { useI18n } from '../../i18n/index.js';

const route = getRouteApi('/app/obstacles/$id');

export function ObstaclePage(): ReactNode {
  const { t } = useI18n();
  const { id } = route.useParams();
  const query = useObstacle(id);
  const [action, setAction] = useState<ObstacleAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const back = (
    <p className="back-link">
      <Link to="/assistance/obstacles">
        <span aria-hidden="true">‹ </span>
        {t('obs.title')}
      </Link>
    </p>
  );
  return (
    <QueryState query={query}>
      {(o) => {
        const actions = allowedActions(o.abilities);
        const up = nextLevel(o.level);
        const title = (a: ObstacleAction) => (a === 'escalate' && up ? t('obs.escalateTo', { level: t(`obs.level.${up}`) }) : t(`obs.action.${a}`));
        return (
          <>
            <PageHeader before={back} title={o.title} intro={o.isDemo ? <StatusBadge tone="demo">{t('assist.demo')}</StatusBadge> : undefined} />
            {notice ? <Notice>{notice}</Notice> : null}
            <ObstacleFacts o={o} />
            <section className="section" aria-labelledby="obs-actions">
              <h2 id="obs-actions">{t('obs.actions')}</h2>
              {actions.length ? (
                <div className="row-actions">
                  {actions.map((a) => (
                    <Button key={a} variant={a === 'resolve' ? 'primary' : 'secondary'} onClick={() => (setNotice(null), setAction(a))}>
                      {title(a)}
                    </Button>
                  ))}
                </div>
              ) : (
                <p className="muted">{t('obs.noActions')}</p>
              )}
            </section>
            <section className="section" aria-labelledby="obs-thread">
              <h2 id="obs-thread">{t('obs.thread')}</h2>
              <ObstacleThread o={o} />
              {o.abilities.canReply ? <ReplyForm o={o} /> : null}
            </section>
            <Dialog open={action !== null} onOpenChange={(v) => (v ? null : setAction(null))} title={action ? title(action) : ''} wide>
              {action ? (
                <TransitionForm
                  obstacle={o}
                  action={action}
                  agencySelect={(p) => <AgencySelect {...p} />}
                  onDone={(n) => {
                    setAction(null);
                    setNotice(t('obs.transitioned', { status: t(`obs.status.${n.status}`), level: t(`obs.level.${n.level}`) }));
                  }}
                />
              ) : null}
            </Dialog>
          </>
        );
      }}
    </QueryState>
  );
}
