/** Audit events as a table; each row opens its before/after diff in a row below it. */
import { Fragment, useState } from 'react';
import type { AuditEvent } from '../../../../../src/contracts/audit.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { JsonDiff } from './json-diff-view.js';

export function AuditTable({ rows }: { rows: AuditEvent[] }) {
  const { t, dateTime } = useI18n();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (seq: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(seq)) n.delete(seq);
      else n.add(seq);
      return n;
    });
  return (
    <Table caption={t('audit.title')}>
      <thead>
        <tr>
          <th scope="col">{t('audit.time')}</th>
          <th scope="col">{t('audit.actor')}</th>
          <th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.entity')}</th>
          <th scope="col">{t('audit.unit')}</th>
          <th scope="col">{t('common.details')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => {
          const isOpen = open.has(e.seq);
          const panelId = `audit-${e.seq}`;
          return (
            <Fragment key={e.seq}>
              <tr>
                <Cell label={t('audit.time')}>
                  <time dateTime={e.at}>{dateTime(e.at)}</time>
                </Cell>
                <Cell label={t('audit.actor')}>
                  {e.actor.name ?? e.actor.login ?? t('audit.system')}
                  {e.actor.login && e.actor.name ? <div className="muted">{e.actor.login}</div> : null}
                </Cell>
                <Cell label={t('audit.action')}>
                  <code>{e.action}</code>
                </Cell>
                <Cell label={t('audit.entity')}>
                  {e.entityType}
                  {e.entityId ? <div className="muted mono-small">{e.entityId}</div> : null}
                </Cell>
                <Cell label={t('audit.unit')}>{e.unitName ?? t('common.none')}</Cell>
                <Cell label={t('common.details')}>
                  <button type="button" className="btn btn-small btn-secondary" aria-expanded={isOpen} aria-controls={panelId} onClick={() => toggle(e.seq)}>
                    <span aria-hidden="true">{isOpen ? '▾ ' : '▸ '}</span>
                    {t('audit.showChanges')}
                  </button>
                </Cell>
              </tr>
              <tr id={panelId} hidden={!isOpen} className="audit-detail-row">
                <td colSpan={6}>
                  {isOpen ? (
                    <div className="audit-detail">
                      <JsonDiff before={e.before} after={e.after} caption={t('audit.changes', { seq: e.seq })} />
                      <p className="muted">
                        {e.requestId ? t('error.requestId', { id: e.requestId }) : null}
                        {e.requestId && e.ip ? ' · ' : null}
                        {e.ip ? t('audit.ip', { ip: e.ip }) : null}
                      </p>
                    </div>
                  ) : null}
                </td>
              </tr>
            </Fragment>
          );
        })}
      </tbody>
    </Table>
  );
}
