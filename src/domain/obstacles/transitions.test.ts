import { describe, expect, it } from 'vitest';
import { obstacleActions, obstacleLevels, obstacleStatuses } from '../../contracts/assistance.js';
import { allowedActions, decide, nextLevel, transitionTable, type Side } from './transitions.js';

const all: Side[] = ['raiser', 'assignee', 'office'];

describe('obstacle transition table', () => {
  it('walks the happy path new → accepted → in_progress → resolved → closed', () => {
    let s = { status: 'new' as const, level: 'agency' as const } as { status: (typeof obstacleStatuses)[number]; level: (typeof obstacleLevels)[number] };
    for (const [action, side, to] of [
      ['accept', 'assignee', 'accepted'],
      ['start', 'assignee', 'in_progress'],
      ['resolve', 'assignee', 'resolved'],
      ['close', 'raiser', 'closed'],
    ] as const) {
      const d = decide(s, action, [side], 'trả lời');
      expect(d).toEqual({ ok: true, next: { status: to, level: 'agency' } });
      if (d.ok) s = d.next;
    }
  });

  it('escalates one level at a time back to "new", and not above the steering committee', () => {
    expect(nextLevel('commune')).toBe('agency');
    expect(nextLevel('agency')).toBe('department');
    expect(nextLevel('department')).toBe('steering_committee');
    expect(nextLevel('steering_committee')).toBeNull();
    expect(decide({ status: 'in_progress', level: 'department' }, 'escalate', ['assignee'])).toEqual({
      ok: true,
      next: { status: 'new', level: 'steering_committee' },
    });
    const top = decide({ status: 'accepted', level: 'steering_committee' }, 'escalate', ['office']);
    expect(top.ok).toBe(false);
    if (!top.ok) expect(top.error).toBe('INVALID_TRANSITION');
  });

  it('names who may act: the assignee handles, the raiser closes and reopens, the office does both', () => {
    expect(allowedActions({ status: 'new', level: 'agency' }, ['assignee'])).toEqual(['accept', 'start', 'escalate']);
    expect(allowedActions({ status: 'new', level: 'agency' }, ['raiser'])).toEqual(['close']);
    expect(allowedActions({ status: 'resolved', level: 'agency' }, ['raiser'])).toEqual(['close', 'reopen']);
    expect(allowedActions({ status: 'resolved', level: 'agency' }, ['assignee'])).toEqual([]);
    expect(allowedActions({ status: 'in_progress', level: 'commune' }, ['office'])).toEqual(['escalate', 'resolve', 'close']);
    expect(allowedActions({ status: 'closed', level: 'agency' }, [])).toEqual([]);
    const d = decide({ status: 'new', level: 'agency' }, 'accept', ['raiser']);
    expect(d.ok ? null : d.error).toBe('FORBIDDEN');
  });

  it('requires the answer to resolve and a reason to reopen', () => {
    const r = decide({ status: 'in_progress', level: 'agency' }, 'resolve', ['assignee'], '  ');
    expect(r.ok ? null : r.error).toBe('VALIDATION');
    const o = decide({ status: 'closed', level: 'agency' }, 'reopen', ['raiser'], null);
    expect(o.ok ? null : o.error).toBe('VALIDATION');
    expect(decide({ status: 'closed', level: 'agency' }, 'reopen', ['raiser'], 'chưa xong')).toEqual({
      ok: true,
      next: { status: 'in_progress', level: 'agency' },
    });
  });

  it('refuses every action from a state it does not list, whoever asks', () => {
    for (const status of obstacleStatuses) {
      for (const action of obstacleActions) {
        const d = decide({ status, level: 'commune' }, action, all, 'x');
        expect(d.ok, `${status} × ${action}`).toBe(transitionTable[action].from.includes(status));
      }
    }
  });
});
