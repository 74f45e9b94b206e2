/**
 * The kinds of resource entry (one source of truth): the sources of a mobilised resource and the units of the
 * quantity-counted ones. The zod contract (contracts/resources.ts) and the column enums (db/schema/resources.ts)
 * both take their lists from here.
 */

export const resourceSources = [
  'central_budget',
  'provincial_budget',
  'district_budget',
  'commune_budget',
  'integrated_capital',
  'credit',
  'enterprise',
  'people_cash',
  'people_in_kind',
  'people_labour',
  'people_land',
  'other',
] as const;

/** Labour days (ngày công) and donated land (m²): counted in quantities; VND is their optional equivalent. */
export const quantityUnits = ['labour_day', 'm2'] as const;
