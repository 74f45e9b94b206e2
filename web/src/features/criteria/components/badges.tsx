/** The criteria status language as badges: colour, icon and word together, never colour alone. */
import type { ReactNode } from 'react';
import type { SetSummary } from '../../../../../src/contracts/criteria.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useI18n } from '../../../i18n/index.js';
import {
  criterionStatusLook,
  indicatorStatusLook,
  targetStateLook,
  type CriterionStatusName,
  type IndicatorStatusName,
  type StatusLook,
  type TargetStateName,
} from '../labels.js';

function Look({ look, children }: { look: StatusLook; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <StatusBadge tone={look.tone} icon={look.icon}>
      {t(look.label)}
      {children}
    </StatusBadge>
  );
}

/** met / not met / not applicable / missing value / target unknown. */
export function IndicatorStatusBadge({ status }: { status: IndicatorStatusName }) {
  return <Look look={indicatorStatusLook[status]} />;
}

export function CriterionStatusBadge({ status }: { status: CriterionStatusName }) {
  return <Look look={criterionStatusLook[status]} />;
}

/** "đã xác minh" / "chưa xác minh" / "dữ liệu minh họa" / "chưa có chỉ tiêu". */
export function TargetStateBadge({ state }: { state: TargetStateName }) {
  return <Look look={targetStateLook[state]} />;
}

/** Draft or published, and the demo flag. */
export function SetStatusBadges({ set }: { set: Pick<SetSummary, 'status' | 'isDemo'> }) {
  const { t } = useI18n();
  return (
    <span className="badge-row">
      {set.status === 'published' ? (
        <StatusBadge tone="ok">{t('criteria.setStatus.published')}</StatusBadge>
      ) : (
        <StatusBadge tone="neutral" icon="✎">
          {t('criteria.setStatus.draft')}
        </StatusBadge>
      )}
      {set.isDemo ? (
        <StatusBadge tone="demo" icon="◇">
          {t('criteria.demoSet')}
        </StatusBadge>
      ) : null}
    </span>
  );
}

/** The target counts of a set as small badges with numbers; only the states that occur. */
export function SetStatsBadges({ stats }: { stats: SetSummary['stats'] }) {
  const { t, number } = useI18n();
  const items: { state: TargetStateName; n: number }[] = [
    { state: 'verified', n: stats.verifiedTargets },
    { state: 'unverified', n: stats.unverifiedTargets },
    { state: 'demo', n: stats.demoTargets },
    { state: 'none', n: stats.indicatorsWithoutTarget },
  ];
  const shown = items.filter((i) => i.n > 0);
  if (shown.length === 0) return <span className="muted">{t('criteria.stats.empty')}</span>;
  return (
    <ul className="stat-badges" aria-label={t('criteria.stats.label')}>
      {shown.map((i) => {
        const look = targetStateLook[i.state];
        return (
          <li key={i.state}>
            <StatusBadge tone={look.tone} icon={look.icon}>
              {t(i.state === 'none' ? 'criteria.stats.none' : 'criteria.stats.targets', { count: number(i.n), state: t(look.label).toLowerCase() })}
            </StatusBadge>
          </li>
        );
      })}
    </ul>
  );
}

/** National set or provincial variant, in words. */
export function SetKind({ set }: { set: Pick<SetSummary, 'isNational' | 'province'> }) {
  const { t } = useI18n();
  return <>{set.isNational ? t('criteria.kind.national') : t('criteria.kind.variantOf', { province: set.province?.name ?? '—' })}</>;
}
