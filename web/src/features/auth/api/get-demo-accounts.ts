/** GET /api/auth/demo-accounts: the demo logins shown on the login page when the server is in demo mode. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { demoAccounts, type DemoAccounts } from '../../../../../src/contracts/auth.js';
import { apiGet } from '../../../lib/api.js';
import { authKeys } from './keys.js';

export function getDemoAccounts(signal?: AbortSignal): Promise<DemoAccounts> {
  return apiGet('/api/auth/demo-accounts', demoAccounts, undefined, signal, true);
}

export const demoAccountsQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.demoAccounts(),
    queryFn: ({ signal }) => getDemoAccounts(signal),
    staleTime: Infinity,
    retry: false,
  });

/** Demo accounts; a failure just means no table. */
export function useDemoAccounts() {
  return useQuery(demoAccountsQueryOptions());
}
