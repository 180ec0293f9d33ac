import { describe, expect, it } from 'vitest';
import { isCurrent, splitByTerm } from './spokespeople.ts';

const p = (slug: string, role: string, valid_from?: string, valid_to?: string, order = 100) => ({ slug, data: { role, valid_from, valid_to, order } });

describe('spokespeople', () => {
  it('are current inside their term, inclusive', () => {
    const authorised = p('a', 'authorised', '2026-07-01', '2027-06-30').data;
    expect(isCurrent(authorised, '2026-06-30')).toBe(false);
    expect(isCurrent(authorised, '2026-07-01')).toBe(true);
    expect(isCurrent(authorised, '2027-06-30')).toBe(true);
    expect(isCurrent(authorised, '2027-07-01')).toBe(false);
    expect(isCurrent(p('s', 'spokesperson').data, '2026-11-22')).toBe(true);
  });

  it('keep expired authorisations as history, most recent first', () => {
    const people = [
      p('old', 'authorised', '2024-01-01', '2024-12-31'),
      p('now', 'authorised', '2026-07-01', '2027-06-30', 20),
      p('main', 'spokesperson', undefined, undefined, 10),
      p('older', 'authorised', '2023-01-01', '2023-06-30'),
      p('future', 'authorised', '2027-01-01', '2027-12-31'),
    ];
    const { current, former } = splitByTerm(people, '2026-11-22');
    expect(current.map((x) => x.slug)).toEqual(['main', 'now']);
    expect(former.map((x) => x.slug)).toEqual(['old', 'older']);
  });
});
