import { describe, expect, it } from 'vitest';
import { followUpLook, isVisit } from './labels.js';

describe('activity labels', () => {
  it('counts field visits, guidance and inspections as visits', () => {
    expect(isVisit('field_visit')).toBe(true);
    expect(isVisit('inspection')).toBe(true);
    expect(isVisit('conference')).toBe(false);
  });

  it('marks an open follow-up past its due date as overdue, with a word', () => {
    expect(followUpLook({ status: 'open', overdue: true }).key).toBe('act.fu.overdue');
    expect(followUpLook({ status: 'done', overdue: false }).key).toBe('act.fu.done');
    expect(followUpLook({ status: 'open', overdue: false }).key).toBe('act.fu.open');
  });
});
