/** One activity: facts, photos and documents, and its follow-ups with "done" buttons from their abilities. */
import { Link } from '@tanstack/react-router';
import type { Activity } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { formatVnd } from '../../../lib/format.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useUpdateFollowUp } from '../api/update-follow-up.js';
import { followUpLook } from '../labels.js';
import { KindBadge } from './activity-list.js';
import { FileList } from '../../../components/file-list.js';

export function ActivityFacts({ a }: { a: Activity }) {
  const { t, date, dateTime, lang } = useI18n();
  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <dl className="facts">
      <dt>{t('act.kind')}</dt>
      <dd>
        <KindBadge kind={a.kind} />
      </dd>
      <dt>{t('act.date')}</dt>
      <dd>{date(a.date)}</dd>
      <dt>{t('act.unit')}</dt>
      <dd>
        <Link to="/units/$id" params={{ id: a.unit.id }} search={{ asOf: undefined }}>
          {a.unit.name}
        </Link>
      </dd>
      <dt>{t('act.agency')}</dt>
      <dd>
        <Link to="/agencies/$id" params={{ id: a.agency.id }}>
          {a.agency.name}
        </Link>
      </dd>
      <dt>{t('act.participants')}</dt>
      <dd>{a.participants}</dd>
      <dt>{t('act.content')}</dt>
      <dd className="pre-line">{a.content}</dd>
      <dt>{t('act.results')}</dt>
      <dd className="pre-line">{a.results ?? none}</dd>
      <dt>{t('act.supportValue')}</dt>
      <dd>{a.supportValueVnd !== null ? formatVnd(a.supportValueVnd, lang) : none}</dd>
      {a.supportDescription ? (
        <>
          <dt>{t('act.supportDescription')}</dt>
          <dd>{a.supportDescription}</dd>
        </>
      ) : null}
      <dt>{t('act.criteria')}</dt>
      <dd>{a.criteria.length ? a.criteria.join(', ') : none}</dd>
      <dt>{t('act.createdBy')}</dt>
      <dd>
        {a.createdBy?.name ?? none}, {dateTime(a.createdAt)}
      </dd>
    </dl>
  );
}

export function FollowUps({ a }: { a: Activity }) {
  const { t, date } = useI18n();
  const update = useUpdateFollowUp(a.id);
  const keys = useActionKeys();
  if (a.followUps.length === 0) return <p className="empty-state">{t('act.followUpsEmpty')}</p>;
  return (
    <>
      {update.isError ? <ErrorMessage error={update.error} /> : null}
      <Table caption={t('act.followUps')}>
        <thead>
          <tr>
            <th scope="col">{t('act.followUpText')}</th>
            <th scope="col">{t('act.followUpOwner')}</th>
            <th scope="col">{t('act.followUpDue')}</th>
            <th scope="col">{t('obs.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {a.followUps.map((f) => {
            const look = followUpLook(f);
            const next = f.status === 'open' ? 'done' : 'open';
            return (
              <tr key={f.id}>
                <Cell label={t('act.followUpText')}>{f.text}</Cell>
                <Cell label={t('act.followUpOwner')}>{f.ownerName}</Cell>
                <Cell label={t('act.followUpDue')}>{date(f.dueDate)}</Cell>
                <Cell label={t('obs.status')}>
                  <StatusBadge tone={look.tone} icon={look.icon}>
                    {t(look.key)}
                  </StatusBadge>
                </Cell>
                <Cell label={t('common.actions')}>
                  {f.abilities.canUpdate ? (
                    <Button
                      size="small"
                      busy={update.isPending && update.variables?.followUpId === f.id}
                      onClick={() =>
                        update.mutate(
                          { followUpId: f.id, status: next, idempotencyKey: keys.keyFor(`${f.id}:${next}`) },
                          { onSuccess: () => keys.done() },
                        )
                      }
                    >
                      {next === 'done' ? t('act.fu.markDone') : t('act.fu.reopen')}
                    </Button>
                  ) : null}
                </Cell>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </>
  );
}

export { FileList };
