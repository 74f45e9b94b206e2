/** Resources entries as a table (cards on a phone), with edit / delete from each entry's abilities. */
import type { ResourceEntry } from '../../../../../src/contracts/resources.js';
import { Button } from '../../../components/button.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import '../../../i18n/parts/resources.vi.js';
import { useI18n } from '../../../i18n/index.js';
import { formatQuantity } from '../money.js';
import { Amount } from './amount.js';

interface Props {
  rows: ResourceEntry[];
  onEdit: (e: ResourceEntry) => void;
  onDelete: (e: ResourceEntry) => void;
}

export function EntryList({ rows, onEdit, onDelete }: Props) {
  const { t, lang } = useI18n();
  return (
    <Table caption={t('res.entriesCaption')}>
      <thead>
        <tr>
          <th scope="col">{t('res.unit')}</th>
          <th scope="col">{t('res.year')}</th>
          <th scope="col">{t('res.source')}</th>
          <th scope="col">{t('res.component')}</th>
          <th scope="col">{t('res.workName')}</th>
          <th scope="col" className="res-num">{t('res.planned')}</th>
          <th scope="col" className="res-num">{t('res.allocated')}</th>
          <th scope="col" className="res-num">{t('res.disbursed')}</th>
          <th scope="col"><span className="sr-only">{t('common.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id}>
            <Cell label={t('res.unit')}>
              {e.unit.name}
              {e.viaPredecessor ? <span className="res-short">{t('res.viaPredecessor')}</span> : null}
              {e.isDemo ? (
                <>
                  {' '}
                  <StatusBadge tone="demo">{t('res.demo')}</StatusBadge>
                </>
              ) : null}
            </Cell>
            <Cell label={t('res.year')}>{e.year}</Cell>
            <Cell label={t('res.source')}>
              {t(`res.source.${e.source}`)}
              {e.quantity !== null && e.quantityUnit ? (
                <span className="res-short">
                  {t(`res.quantity.${e.quantityUnit}`)}: {formatQuantity(e.quantity, lang)}
                </span>
              ) : null}
            </Cell>
            <Cell label={t('res.component')}>{e.component ? `${e.component.programme.shortName} — ${e.component.name}` : <span className="muted">{t('res.noComponent')}</span>}</Cell>
            <Cell label={t('res.workName')}>
              {e.criterion ? `${t('res.criterion')} ${e.criterion}` : null}
              {e.criterion && e.workName ? ' · ' : null}
              {e.workName}
              {e.files.length > 0 ? (
                <span className="res-short">
                  {e.files.map((f) => (
                    <a key={f.id} href={f.url} target="_blank" rel="noreferrer">
                      {f.originalName}{' '}
                    </a>
                  ))}
                </span>
              ) : null}
              {e.sourceNote && !e.isDemo ? <span className="res-short">{t('res.sourceNote')}: {e.sourceNote}</span> : null}
            </Cell>
            <Cell label={t('res.planned')} className="res-num"><Amount vnd={e.plannedVnd} /></Cell>
            <Cell label={t('res.allocated')} className="res-num"><Amount vnd={e.allocatedVnd} /></Cell>
            <Cell label={t('res.disbursed')} className="res-num"><Amount vnd={e.disbursedVnd} /></Cell>
            <Cell label={t('common.actions')}>
              {e.abilities.canEdit ? (
                <Button size="small" onClick={() => onEdit(e)} aria-label={`${t('res.editAction')}: ${e.unit.name} ${e.year}`}>
                  {t('res.editAction')}
                </Button>
              ) : null}{' '}
              {e.abilities.canDelete ? (
                <Button size="small" variant="quiet" onClick={() => onDelete(e)} aria-label={`${t('res.delete')}: ${e.unit.name} ${e.year}`}>
                  {t('res.delete')}
                </Button>
              ) : null}
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
