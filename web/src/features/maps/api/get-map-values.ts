/** GET /api/maps/values?year=&setId=&unitId=: what the map colours, per commune in scope. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { mapValuesResponse } from '../../../../../src/contracts/maps.js';
import { apiGet } from '../../../lib/api.js';
import { mapKeys, type MapParams } from './keys.js';

type Params = MapParams & { setId: string };

export function getMapValues(p: Params, signal?: AbortSignal) {
  return apiGet('/api/maps/values', mapValuesResponse, { ...p }, signal);
}

export const mapValuesQueryOptions = (p: Params) => queryOptions({ queryKey: mapKeys.values(p), queryFn: ({ signal }) => getMapValues(p, signal) });

export function useMapValues(p: Params) {
  return useQuery({ ...mapValuesQueryOptions(p), placeholderData: keepPreviousData });
}
