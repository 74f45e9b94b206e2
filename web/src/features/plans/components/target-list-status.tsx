/** A target list's status badge (draft / adopted), with the demo mark when the list is demonstration data. */
import type { TargetListSummary } from '../../../../../src/contracts/plans.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useI18n } from '../../../i18n/index.js';

export function TargetListStatus({ list }: { list: Pick<TargetListSummary, 'status' | 'isDemo'> }) {
  const { t } = useI18n();
  return (
    <>
      <StatusBadge tone={list.status === 'adopted' ? 'ok' : 'neutral'}>{t(`pl.status.${list.status}`)}</StatusBadge>
      {list.isDemo ? (
        <>
          {' '}
          <StatusBadge tone="demo">{t('pl.demo')}</StatusBadge>
        </>
      ) : null}
    </>
  );
}
