/** A user's status in words and icon: active, disabled, or locked until a time. */
import type { User } from '../../../../../src/contracts/users.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useI18n } from '../../../i18n/index.js';

export function UserStatus({ user, now = new Date() }: { user: User; now?: Date }) {
  const { t, dateTime } = useI18n();
  if (user.status === 'disabled') return <StatusBadge tone="bad">{t('status.disabled')}</StatusBadge>;
  if (user.lockedUntil && new Date(user.lockedUntil) > now)
    return (
      <StatusBadge tone="warn" icon="🔒">
        {t('status.locked', { time: dateTime(user.lockedUntil) })}
      </StatusBadge>
    );
  return <StatusBadge tone="ok">{t('status.active')}</StatusBadge>;
}
