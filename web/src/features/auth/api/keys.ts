/** Query keys of the auth feature. */
export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
  demoAccounts: () => [...authKeys.all, 'demo-accounts'] as const,
};
