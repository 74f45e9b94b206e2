/** Query keys of the signals feature. */
export const signalKeys = {
  all: ['signals'] as const,
  noVisit: (p: object) => [...signalKeys.all, 'no-visit', p] as const,
  noHelper: (p: object) => [...signalKeys.all, 'no-helper', p] as const,
  overdue: (p: object) => [...signalKeys.all, 'overdue-obstacles', p] as const,
  scorecards: (p: object) => [...signalKeys.all, 'scorecards', p] as const,
};
