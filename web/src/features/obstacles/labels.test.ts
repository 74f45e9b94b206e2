import { describe, expect, it } from 'vitest';
import { obstacleStatuses } from '../../../../src/contracts/assistance.js';
import { allowedActions, isOpen, nextLevel, statusLook } from './labels.js';

const none = { canAccept: false, canStart: false, canEscalate: false, canResolve: false, canClose: false, canReopen: false, canReply: false };

describe('obstacle labels', () => {
  it('gives every status a colour and an icon', () => {
    for (const s of obstacleStatuses) expect(statusLook[s].icon).not.toBe('');
    expect(new Set(obstacleStatuses.map((s) => statusLook[s].tone)).size).toBe(obstacleStatuses.length);
  });

  it('lists the allowed actions in workflow order', () => {
    expect(allowedActions(none)).toEqual([]);
    expect(allowedActions({ ...none, canResolve: true, canAccept: true, canEscalate: true })).toEqual(['accept', 'escalate', 'resolve']);
  });

  it('escalates one level at a time, up to the steering committee', () => {
    expect(nextLevel('commune')).toBe('agency');
    expect(nextLevel('department')).toBe('steering_committee');
    expect(nextLevel('steering_committee')).toBeNull();
  });

  it('counts new, accepted and in progress as open', () => {
    expect(obstacleStatuses.filter(isOpen)).toEqual(['new', 'accepted', 'in_progress']);
  });
});
