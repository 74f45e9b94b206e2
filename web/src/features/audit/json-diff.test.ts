import { describe, expect, it } from 'vitest';
import { diffJson, flattenJson, showJsonValue } from './json-diff.js';

describe('diffJson', () => {
  it('finds changed, added and removed leaves, nested and in arrays', () => {
    const before = { name: 'Xã A', roles: ['viewer'], scope: [{ id: 1 }], email: 'a@x.vn' };
    const after = { name: 'Xã B', roles: ['viewer', 'help_team'], scope: [{ id: 1 }], status: 'active' };
    expect(diffJson(before, after)).toEqual([
      { path: 'name', kind: 'changed', before: 'Xã A', after: 'Xã B' },
      { path: 'email', kind: 'removed', before: 'a@x.vn' },
      { path: 'roles.1', kind: 'added', after: 'help_team' },
      { path: 'status', kind: 'added', after: 'active' },
    ]);
  });

  it('treats a create (null before) as all added', () => {
    expect(diffJson(null, { a: 1, b: { c: true } })).toEqual([
      { path: 'a', kind: 'added', after: 1 },
      { path: 'b.c', kind: 'added', after: true },
    ]);
  });

  it('reports nothing for equal values and handles scalars and empty containers', () => {
    expect(diffJson({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
    expect(diffJson(1, 2)).toEqual([{ path: '', kind: 'changed', before: 1, after: 2 }]);
    expect([...flattenJson({ a: {}, b: [] }).keys()]).toEqual(['a', 'b']);
    expect(diffJson({ a: {} }, { a: { x: 1 } })).toEqual([
      { path: 'a', kind: 'removed', before: {} },
      { path: 'a.x', kind: 'added', after: 1 },
    ]);
  });

  it('shows strings bare and other values as JSON', () => {
    expect(showJsonValue('Tả Phời')).toBe('Tả Phời');
    expect(showJsonValue(null)).toBe('null');
    expect(showJsonValue([1])).toBe('[1]');
  });
});
