import { describe, expect, it } from 'vitest';
import { auditSearch, criteriaEvaluateSearch, criteriaSearch, criteriaSetSearch, isUuid, parseSearch, safeRedirect, stringifySearch, unitsSearch } from './search.js';

describe('URL search params', () => {
  it('keeps values as strings (a unit code stays "26734") and drops empty ones', () => {
    expect(parseSearch('?q=26734&asOf=2025-06-30')).toEqual({ q: '26734', asOf: '2025-06-30' });
    expect(stringifySearch({ q: 'ta phoi', asOf: undefined, offset: 50 })).toBe('?q=ta+phoi&offset=50');
    expect(stringifySearch({})).toBe('');
  });

  it('ignores invalid values instead of failing the page', () => {
    expect(unitsSearch.parse({ asOf: '2025-02-30', q: 'Tả Phời' })).toEqual({ asOf: undefined, q: 'Tả Phời' });
    expect(auditSearch.parse({ offset: '50', unitId: 'nope' })).toMatchObject({ offset: 50, unitId: undefined });
    expect(criteriaEvaluateSearch.parse({ unitId: 'nope', year: '2025' })).toEqual({ unitId: undefined, year: 2025 });
    expect(criteriaEvaluateSearch.parse({ year: '25' })).toEqual({ unitId: undefined, year: undefined });
    expect(criteriaSearch.parse({ kind: 'variant', level: 'bogus' })).toMatchObject({ kind: 'variant', level: undefined });
    expect(criteriaSetSearch.parse({ state: 'unverified' })).toEqual({ state: 'unverified' });
  });

  it('recognises ids', () => {
    expect(isUuid('3cf8e489-8d0f-4cd3-94e9-84675aae180c')).toBe(true);
    expect(isUuid('x')).toBe(false);
  });

  it('only redirects to same-site paths after login', () => {
    expect(safeRedirect('/units?asOf=2025-06-30')).toBe('/units?asOf=2025-06-30');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('/login')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
