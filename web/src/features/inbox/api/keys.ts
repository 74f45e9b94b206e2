/** Query keys of the inbox feature. */
export const inboxKeys = {
  all: ['inbox'] as const,
  list: (p: { overdue?: boolean; limit?: number; offset?: number }) => [...inboxKeys.all, p] as const,
};
