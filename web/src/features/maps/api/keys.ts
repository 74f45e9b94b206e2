/** Query keys of the maps feature: outlines and values per year/unit, boundary sets. */
export interface MapParams {
  year: number;
  unitId?: string | undefined;
}

export const mapKeys = {
  all: ['maps'] as const,
  boundaries: (p: MapParams) => [...mapKeys.all, 'boundaries', p] as const,
  values: (p: MapParams & { setId: string }) => [...mapKeys.all, 'values', p] as const,
  sets: (year?: number) => [...mapKeys.all, 'sets', year ?? null] as const,
};
