import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, HOSTILE } from '../../../tests/fixtures/hostile/corpus.ts';
import { archiveWithholdings, type SettingsRevisionFact } from './archive-withholdings.ts';

const site = readFileSync('content/site.yml', 'utf8');
const withValue = (value: string | undefined) => {
  const without = site.replace(/^taken_down_versions:.*\n/m, '');
  return value === undefined ? without : `${without}taken_down_versions: ${value}\n`;
};
const rev = (date: string, text: string | undefined, pr?: number): SettingsRevisionFact => ({ date, text, pr });
const now = new Date('2026-12-31T00:00:00Z');

describe('when the archived versions of pages taken down stopped being served', () => {
  it('each change from public to hidden, with its pull request, in the order merged', () => {
    const revisions = [
      rev('2026-11-20T03:00:00Z', withValue('hidden'), 32),
      rev('2026-01-01T00:00:00Z', withValue('public')),
      rev('2026-11-01T03:00:00Z', withValue('public'), 31),
      rev('2026-06-01T03:00:00Z', withValue('hidden'), 30),
    ];
    expect(archiveWithholdings(revisions, now)).toEqual([
      { at: '2026-06-01T03:00:00.000Z', pr: 30 },
      { at: '2026-11-20T03:00:00.000Z', pr: 32 },
    ]);
  });

  it('the field left out means hidden (the default); a first revision that hides serves nothing before it', () => {
    expect(archiveWithholdings([rev('2026-01-01T00:00:00Z', withValue(undefined)), rev('2026-02-01T00:00:00Z', withValue('public'))], now)).toEqual([]);
    expect(archiveWithholdings([rev('2026-01-01T00:00:00Z', withValue('public')), rev('2026-02-01T00:00:00Z', withValue(undefined), 5)], now)).toEqual([
      { at: '2026-02-01T00:00:00.000Z', pr: 5 },
    ]);
  });

  it('a revision that does not build (removed, not YAML, another value) changes nothing: the portal served what it served', () => {
    const revisions = [
      rev('2026-01-01T00:00:00Z', withValue('public')),
      rev('2026-02-01T00:00:00Z', undefined, 6),
      rev('2026-03-01T00:00:00Z', withValue('[unclosed'), 7),
      rev('2026-04-01T00:00:00Z', withValue('secret'), 8),
      rev('2026-05-01T00:00:00Z', withValue('public'), 9),
      rev('2026-06-01T00:00:00Z', withValue('hidden'), 10),
    ];
    expect(archiveWithholdings(revisions, now)).toEqual([{ at: '2026-06-01T00:00:00.000Z', pr: 10 }]);
  });

  it('a hostile settings file in the history (tests/fixtures/hostile/yaml/site--*) never throws and, refused by the content check, changes nothing', () => {
    const cases = corpus('yaml', (name) => name.startsWith('site--')).cases;
    expect(cases.length).toBeGreaterThanOrEqual(6);
    for (const name of cases) {
      const hostile = readFileSync(`${HOSTILE}/yaml/${name}`, 'utf8');
      const revisions = [rev('2026-01-01T00:00:00Z', withValue('public')), rev('2026-02-01T00:00:00Z', hostile, 6), rev('2026-03-01T00:00:00Z', withValue('hidden'), 7)];
      expect(archiveWithholdings(revisions, now), name).toEqual([{ at: '2026-03-01T00:00:00.000Z', pr: 7 }]);
    }
  });

  it('nothing after the report is made; public again is not a takedown', () => {
    const revisions = [rev('2026-01-01T00:00:00Z', withValue('public')), rev('2026-12-31T00:00:01Z', withValue('hidden'), 11)];
    expect(archiveWithholdings(revisions, now)).toEqual([]);
    expect(archiveWithholdings([rev('2026-01-01T00:00:00Z', withValue('hidden')), rev('2026-02-01T00:00:00Z', withValue('public'))], now)).toEqual([]);
  });
});
