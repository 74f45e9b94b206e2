/** Query keys of recognition decisions. */
export const recognitionKeys = {
  all: ['recognitions'] as const,
  unit: (unitId: string) => [...recognitionKeys.all, unitId] as const,
};
