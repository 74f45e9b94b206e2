import { describe, expect, it } from 'vitest';
import { assignmentState, splitAssignments } from './labels.js';

const row = (validFrom: string, validTo: string | null, current: boolean) => ({ validFrom, validTo, current });

describe('assignment state', () => {
  it('reads current, ended (validTo exclusive) and upcoming', () => {
    expect(assignmentState(row('2025-07-01', null, true), '2025-08-01')).toBe('current');
    expect(assignmentState(row('2024-01-15', '2025-07-01', false), '2025-07-01')).toBe('ended');
    expect(assignmentState(row('2026-01-01', null, false), '2025-08-01')).toBe('upcoming');
  });

  it('splits current from history, newest first', () => {
    const rows = [row('2024-01-15', '2025-07-01', false), row('2025-07-01', null, true), row('2023-01-01', '2024-01-15', false)];
    const { current, history } = splitAssignments(rows, '2025-08-01');
    expect(current.map((r) => r.validFrom)).toEqual(['2025-07-01']);
    expect(history.map((r) => r.validFrom)).toEqual(['2024-01-15', '2023-01-01']);
  });
});
