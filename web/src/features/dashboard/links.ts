/** URLs of the dashboard and of the rows behind a figure (plain strings: the router reads them back with zod). */
export interface DashboardLocation {
  year: number;
  setId?: string | undefined;
  unitId?: string | undefined;
}

function query(p: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}

export const dashboardHref = (l: DashboardLocation) => `/dashboard?${query({ year: l.year, setId: l.setId, unitId: l.unitId })}`;

export const drillHref = (l: DashboardLocation, filter: string) =>
  `/dashboard/communes?${query({ year: l.year, setId: l.setId, unitId: l.unitId, filter })}`;
