/** Query keys of the plans feature (target lists and commune plans). */
export const planKeys = {
  all: ['plans'] as const,
  lists: (p: object) => ['plans', 'target-lists', p] as const,
  list: (id: string) => ['plans', 'target-list', id] as const,
  listAll: ['plans', 'target-list'] as const,
  candidates: (id: string, q: string) => ['plans', 'target-list', id, 'candidates', q] as const,
  plans: (p: object) => ['plans', 'plans', p] as const,
  plan: (id: string) => ['plans', 'plan', id] as const,
  summary: (year: number) => ['plans', 'summary', year] as const,
  provinces: (year: number) => ['plans', 'provinces', year] as const,
};
