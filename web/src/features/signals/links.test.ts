import { describe, expect, it } from 'vitest';
import { rowsLink } from './links.js';

describe('rowsLink', () => {
  it('maps each scorecard query to the list page with the same parameters', () => {
    expect(rowsLink('/api/activities?agencyId=a1&visit=true&from=2025-01-01&to=2025-12-31')).toEqual({
      to: '/assistance/activities',
      search: { agencyId: 'a1', visit: 'true', from: '2025-01-01', to: '2025-12-31' },
    });
    expect(rowsLink('/api/obstacles?assigneeAgencyId=a1&resolvedFrom=2025-01-01&resolvedTo=2025-12-31')?.to).toBe('/assistance/obstacles');
    expect(rowsLink('/api/assignments?agencyId=a1&from=2025-01-01&to=2025-12-31')?.to).toBe('/assistance');
  });

  it('refuses an unknown API path', () => {
    expect(rowsLink('/api/users?x=1')).toBeNull();
  });
});
