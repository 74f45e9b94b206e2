/** GET /api/programmes: the national target programmes and their components (all, or those running in a year). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { listProgrammesResponse } from '../../../../../src/contracts/resources.js';
import { apiGet } from '../../../lib/api.js';
import { resourceKeys } from './keys.js';

export function listProgrammes(year: number | undefined, signal?: AbortSignal) {
  return apiGet('/api/programmes', listProgrammesResponse, { year }, signal);
}

export const programmesQueryOptions = (year?: number) =>
  // Reference data: it changes only with a new release of the reference files.
  queryOptions({ queryKey: resourceKeys.programmes(year), queryFn: ({ signal }) => listProgrammes(year, signal), staleTime: 60 * 60_000 });

export function useProgrammes(year?: number) {
  return useQuery(programmesQueryOptions(year));
}
