/**
 * The caller's notifications: newest first, unread ones marked (a bar and bold title, not colour alone), each with its
 * time (vi-VN, Asia/Ho_Chi_Minh), the commune, a due date when there is one, a link to the assessment (opening it
 * marks the notification read) and a "mark read" button.
 */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ListNotificationsResponse } from '../../../../../src/contracts/assessments.js';
import { Button } from '../../../components/button.js';
import { useI18n } from '../../../i18n/index.js';
import { useMarkRead } from '../api/mark-read.js';

type Notification = ListNotificationsResponse['items'][number];

export function NotificationList({ items }: { items: Notification[] }): ReactNode {
  const { t, date, dateTime } = useI18n();
  const mark = useMarkRead();
  return (
    <ul className="ntf-list">
      {items.map((n) => {
        const unread = n.readAt === null;
        const opened = () => {
          if (unread) mark.mutate(n.id);
        };
        return (
          <li key={n.id} className="ntf-item" data-unread={unread}>
            <p className="ntf-title">
              {unread ? <span className="sr-only">{t('ntf.unread')}: </span> : null}
              {n.title}
            </p>
            <p className="ntf-meta">
              <span>{t(`ntf.kind.${n.kind}`)}</span>
              <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
              {n.unit ? <span>{n.unit.name}</span> : null}
              {n.dueDate ? <span>{t('ntf.due', { date: date(n.dueDate) })}</span> : null}
              {unread ? <span aria-hidden="true">● {t('ntf.unread')}</span> : <span>{t('ntf.readAt', { at: dateTime(n.readAt) })}</span>}
            </p>
            <div className="ntf-actions">
              {n.assessmentId ? (
                <Link to="/assessments/$id" params={{ id: n.assessmentId }} onClick={opened}>
                  {t('ntf.openAssessment')}
                </Link>
              ) : null}
              {n.unit ? (
                <Link to="/communes/$unitId" params={{ unitId: n.unit.id }} search={{}} onClick={opened}>
                  {t('ntf.openCommune')}
                </Link>
              ) : null}
              {unread ? (
                <Button size="small" onClick={() => mark.mutate(n.id)} busy={mark.isPending && mark.variables === n.id} aria-label={t('ntf.markReadOf', { title: n.title })}>
                  {t('ntf.markRead')}
                </Button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
