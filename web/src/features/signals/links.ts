/** Pure helpers of the signals feature: the page that lists the rows behind a scorecard number. */
import '../../i18n/parts/assistance.vi.js';
import '../../styles/assistance.css';

export type RowsPage = '/assistance' | '/assistance/activities' | '/assistance/obstacles';
const pages: Record<string, RowsPage> = {
  '/api/assignments': '/assistance',
  '/api/activities': '/assistance/activities',
  '/api/obstacles': '/assistance/obstacles',
};

/**
 * The scorecards answer with API queries ("/api/activities?agencyId=…&visit=true&from=…&to=…"); the list pages take
 * the same parameters in their URL, so a number links to the page with the same query. Null for an unknown API path.
 */
export function rowsLink(apiQuery: string): { to: RowsPage; search: Record<string, string> } | null {
  const u = new URL(apiQuery, 'http://x');
  const to = pages[u.pathname];
  if (!to) return null;
  return { to, search: Object.fromEntries(u.searchParams) };
}
