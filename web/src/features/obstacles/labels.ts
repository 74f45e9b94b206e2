/** Pure helpers of the obstacles feature: the status language, the actions an obstacle offers, the next level. */
import '../../i18n/parts/assistance.vi.js';
import '../../styles/assistance.css';
import { obstacleLevels, type ObstacleAbilities, type ObstacleAction, type ObstacleLevel, type ObstacleStatus } from '../../../../src/contracts/assistance.js';
import type { StatusTone } from '../../components/status-badge.js';

/** Each status with its colour and its icon; the word comes from obs.status.<status>. */
export const statusLook: Record<ObstacleStatus, { tone: StatusTone; icon: string }> = {
  new: { tone: 'info', icon: '●' },
  accepted: { tone: 'unverified', icon: '✓' },
  in_progress: { tone: 'warn', icon: '…' },
  resolved: { tone: 'ok', icon: '✓' },
  closed: { tone: 'neutral', icon: '–' },
};

const abilityOf: Record<ObstacleAction, keyof ObstacleAbilities> = {
  accept: 'canAccept',
  start: 'canStart',
  escalate: 'canEscalate',
  resolve: 'canResolve',
  close: 'canClose',
  reopen: 'canReopen',
};

/** The actions the obstacle's abilities allow, in workflow order. */
export function allowedActions(a: ObstacleAbilities): ObstacleAction[] {
  return (Object.keys(abilityOf) as ObstacleAction[]).filter((k) => a[abilityOf[k]]);
}

/** The level an escalation moves to, or null at the top. */
export function nextLevel(level: ObstacleLevel): ObstacleLevel | null {
  return obstacleLevels[obstacleLevels.indexOf(level) + 1] ?? null;
}

/** Open = still waiting for someone (new, accepted, in progress). */
export function isOpen(status: ObstacleStatus): boolean {
  return status === 'new' || status === 'accepted' || status === 'in_progress';
}
