import { describe, expect, it } from 'vitest';
import { monthDueOn } from './due-month.ts';

describe('the month due for its report', () => {
  it('is the month whose period (26th → 25th) ended yesterday, on the 26th only', () => {
    expect(monthDueOn('2026-11-26')).toBe('2026-11');
    expect(monthDueOn('2027-01-26')).toBe('2027-01');
    expect(monthDueOn('2026-11-25')).toBeUndefined();
    expect(monthDueOn('2026-11-27')).toBeUndefined();
    expect(monthDueOn('2026-11-2')).toBeUndefined();
  });
});
