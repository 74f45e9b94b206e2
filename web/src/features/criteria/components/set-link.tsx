/** A link to a criteria set's page (optionally to one criterion or indicator on it). */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

export function SetLink({ id, hash, children, className }: { id: string; hash?: string; children: ReactNode; className?: string }) {
  return (
    <Link to="/criteria/$id" params={{ id }} hash={hash} className={className}>
      {children}
    </Link>
  );
}

/** The anchor of a criterion or an indicator on the set page. */
export const criterionAnchor = (number: string) => `tc-${number}`;
export const indicatorAnchor = (code: string) => `ct-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
