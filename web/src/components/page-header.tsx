/** A page's h1, its one-line purpose and its main actions; also sets the tab title. */
import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-page-title.js';

export function PageHeader({ title, intro, actions, before }: { title: string; intro?: ReactNode; actions?: ReactNode; before?: ReactNode }) {
  usePageTitle(title);
  return (
    <header className="page-header">
      {before}
      <div className="page-header-row">
        <h1>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {intro ? <p className="page-intro">{intro}</p> : null}
    </header>
  );
}
