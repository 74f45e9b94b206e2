/** The obstacle status language (colour + icon + word) and the overdue mark (a word, not colour alone). */
import type { Obstacle } from '../../../../../src/contracts/assistance.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useI18n } from '../../../i18n/index.js';
import { statusLook } from '../labels.js';

export function ObstacleStatusBadge({ status }: { status: Obstacle['status'] }) {
  const { t } = useI18n();
  const l = statusLook[status];
  return (
    <StatusBadge tone={l.tone} icon={l.icon}>
      {t(`obs.status.${status}`)}
    </StatusBadge>
  );
}

export function OverdueBadge({ days }: { days: number }) {
  const { t } = useI18n();
  return (
    <StatusBadge tone="bad" icon="⏰">
      {t('obs.overdue', { days })}
    </StatusBadge>
  );
}

export function LevelBadge({ level }: { level: Obstacle['level'] }) {
  const { t } = useI18n();
  return (
    <StatusBadge tone="neutral" icon="▲">
      {t(`obs.level.${level}`)}
    </StatusBadge>
  );
}
