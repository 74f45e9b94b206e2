/** A link to a unit's page, viewed at a given date. */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

export function UnitLink({ id, asOf, children, className }: { id: string; asOf: string | undefined; children: ReactNode; className?: string }) {
  return (
    <Link to="/units/$id" params={{ id }} search={{ asOf }} className={className}>
      {children}
    </Link>
  );
}
