import { describe, expect, it } from 'vitest';
import { buildMoment, visibilityOf, withdrawalOf } from './publication.ts';

const at = (iso: string) => new Date(iso);

describe('buildMoment', () => {
  it('takes PORTAL_NOW, else the end of PORTAL_TODAY in Vietnam, else the clock', () => {
    expect(buildMoment({ PORTAL_NOW: '2026-12-01T08:00:00+07:00' }).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(buildMoment({ PORTAL_TODAY: '2026-12-01' }).toISOString()).toBe('2026-12-01T16:59:59.000Z');
    expect(buildMoment({}, at('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(() => buildMoment({ PORTAL_NOW: 'soon' })).toThrow('PORTAL_NOW');
  });
});

describe('visibilityOf', () => {
  const due = '2026-12-01T08:00:00+07:00';
  it('keeps a scheduled entry off the site until its moment (Vietnam time), on both sides of it', () => {
    expect(visibilityOf({ publish_at: due }, at('2026-12-01T00:59:59Z'))).toBe('scheduled');
    expect(visibilityOf({ publish_at: due }, at('2026-12-01T01:00:00Z'))).toBe('published');
  });

  it('withdraws or unpublishes, and the Vietnamese original governs its translation', () => {
    const withdrawn = { withdrawn: { kind: 'withdraw' as const, date: '2026-11-01', reason: 'Hết hiệu lực' } };
    expect(visibilityOf(withdrawn, at('2026-11-02T00:00:00Z'))).toBe('withdrawn');
    expect(visibilityOf({}, at('2026-11-02T00:00:00Z'), withdrawn)).toBe('withdrawn');
    expect(visibilityOf({}, at('2026-11-02T00:00:00Z'), { withdrawn: { ...withdrawn.withdrawn, kind: 'unpublish' } })).toBe('unpublished');
    expect(visibilityOf({ publish_at: due }, at('2027-01-01T00:00:00Z'), { publish_at: '2028-01-01T00:00:00+07:00' })).toBe('scheduled');
  });

  it('shows the translation’s own reason when it has one', () => {
    const original = { withdrawn: { kind: 'withdraw' as const, date: '2026-11-01', reason: 'Văn bản đã hết hiệu lực.' } };
    expect(withdrawalOf({}, original)?.reason).toBe('Văn bản đã hết hiệu lực.');
    expect(withdrawalOf({ withdrawn: { ...original.withdrawn, reason: 'The document has expired.' } }, original)?.reason).toBe('The document has expired.');
    expect(withdrawalOf({}, {})).toBeUndefined();
  });
});
