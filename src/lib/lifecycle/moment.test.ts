import { describe, expect, it } from 'vitest';
import { buildMoment } from './moment.ts';

describe('buildMoment', () => {
  it('takes PORTAL_NOW, else the end of PORTAL_TODAY in Vietnam, else the clock', () => {
    expect(buildMoment({ PORTAL_NOW: '2026-12-01T08:00:00+07:00' }).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(buildMoment({ PORTAL_TODAY: '2026-12-01' }).toISOString()).toBe('2026-12-01T16:59:59.000Z');
    expect(buildMoment({}, new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(() => buildMoment({ PORTAL_NOW: 'soon' })).toThrow('PORTAL_NOW');
  });
});
