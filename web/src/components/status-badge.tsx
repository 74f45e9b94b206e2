/** One status language: every status has a colour and also an icon and a word, never colour alone. */
import type { ReactNode } from 'react';

/** ok, bad, warn, neutral, info; and for criteria targets: unverified (own colour) and demo (dashed: illustrative). */
export type StatusTone = 'ok' | 'bad' | 'warn' | 'neutral' | 'info' | 'unverified' | 'demo';
const icons: Record<StatusTone, string> = { ok: '✓', bad: '✕', warn: '!', neutral: '–', info: 'i', unverified: '!', demo: '◇' };

export function StatusBadge({ tone, children, icon }: { tone: StatusTone; children: ReactNode; icon?: string }) {
  return (
    <span className={`badge badge-${tone}`}>
      <span className="badge-icon" aria-hidden="true">
        {icon ?? icons[tone]}
      </span>
      {children}
    </span>
  );
}
