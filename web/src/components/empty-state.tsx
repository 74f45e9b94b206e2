/** What a list shows when it has nothing: says why and what to do next. */
import type { ReactNode } from 'react';

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <p>{children}</p>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
