import { describe, expect, it } from 'vitest';
import { readEntryFile } from './entry-file.ts';
import { lifecycleOf, reachOf, registers, servedFileState, siteBehaviour, stateOf, withdrawalOf } from './states.ts';

const at = (iso: string) => new Date(iso);
const withdrawn = { withdrawn: { kind: 'withdraw' as const, date: '2026-11-01', reason: 'Hết hiệu lực' } };
const unpublished = { withdrawn: { ...withdrawn.withdrawn, kind: 'unpublish' as const } };

describe('stateOf', () => {
  const due = '2026-12-01T08:00:00+07:00';
  it('keeps a scheduled entry off the site until its moment (Vietnam time), on both sides of it', () => {
    expect(stateOf({ publish_at: due }, at('2026-12-01T00:59:59Z'))).toBe('scheduled');
    expect(stateOf({ publish_at: due }, at('2026-12-01T01:00:00Z'))).toBe('published');
  });

  it('is absent without a file, withdrawn or unpublished by the withdrawal’s kind', () => {
    expect(stateOf(null, at('2026-11-02T00:00:00Z'))).toBe('absent');
    expect(stateOf({}, at('2026-11-02T00:00:00Z'))).toBe('published');
    expect(stateOf(withdrawn, at('2026-11-02T00:00:00Z'))).toBe('withdrawn');
    expect(stateOf(unpublished, at('2026-11-02T00:00:00Z'))).toBe('unpublished');
  });

  it('a scheduled entry that is also withdrawn is not on the site until its moment', () => {
    expect(stateOf({ publish_at: due, ...withdrawn }, at('2026-11-02T00:00:00Z'))).toBe('scheduled');
    expect(stateOf({ publish_at: due, ...withdrawn }, at('2026-12-02T00:00:00Z'))).toBe('withdrawn');
  });

  it('gives a translation its Vietnamese original’s state, whatever its own copies of the fields say', () => {
    const moment = at('2027-01-01T00:00:00Z');
    expect(stateOf({}, moment, withdrawn)).toBe('withdrawn');
    expect(stateOf({}, moment, unpublished)).toBe('unpublished');
    expect(stateOf(withdrawn, moment, {})).toBe('published');
    expect(stateOf({ publish_at: due }, moment, { publish_at: '2028-01-01T00:00:00+07:00' })).toBe('scheduled');
    expect(stateOf({ publish_at: '2028-01-01T00:00:00+07:00' }, moment, { publish_at: due })).toBe('published');
    // A missing translation file is absent, whatever its original is.
    expect(stateOf(null, moment, {})).toBe('absent');
  });
});

describe('a question received but not yet answered', () => {
  const moment = at('2026-12-02T03:00:00Z');
  it('is in the register only, whatever else it says; answered, it lives like any entry', () => {
    expect(stateOf(lifecycleOf('qa', { received: '2026-11-23T10:05' }), moment)).toBe('unanswered');
    expect(stateOf(lifecycleOf('qa', { answered: '' }), moment)).toBe('unanswered');
    expect(stateOf(lifecycleOf('qa', { answered: null }), moment)).toBe('unanswered');
    expect(stateOf(lifecycleOf('qa', { answered: '2026-11-30T15:00' }), moment)).toBe('published');
    expect(stateOf(lifecycleOf('qa', { answered: '2026-11-30T15:00', publish_at: '2026-12-05T08:00:00+07:00' }), moment)).toBe('scheduled');
    // Not yet answered wins over a publication time and a withdrawal: there is nothing to publish or withdraw.
    expect(stateOf(lifecycleOf('qa', { publish_at: '2026-11-01T08:00:00+07:00', ...withdrawn }), moment)).toBe('unanswered');
  });

  it('only collections with a register have the state', () => {
    expect(registers).toEqual({ qa: 'answered' });
    expect(stateOf(lifecycleOf('news', {}), moment)).toBe('published');
  });

  it('a translation follows its original: answered in Vietnamese, published in English too', () => {
    expect(stateOf(lifecycleOf('qa', {}), moment, lifecycleOf('qa', { answered: '2026-11-30T15:00' }))).toBe('published');
    expect(stateOf(lifecycleOf('qa', { answered: '2026-11-30T15:00' }), moment, lifecycleOf('qa', {}))).toBe('unanswered');
  });
});

describe('withdrawalOf', () => {
  it('shows the translation’s own reason when it has one', () => {
    const original = { withdrawn: { kind: 'withdraw' as const, date: '2026-11-01', reason: 'Văn bản đã hết hiệu lực.' } };
    expect(withdrawalOf({}, original)?.reason).toBe('Văn bản đã hết hiệu lực.');
    expect(withdrawalOf({ withdrawn: { ...original.withdrawn, reason: 'The document has expired.' } }, original)?.reason).toBe('The document has expired.');
    expect(withdrawalOf({}, {})).toBeUndefined();
    // The translation's own kind and date do not count: the original's do.
    expect(withdrawalOf({ withdrawn: { kind: 'unpublish', date: '2030-01-01', reason: 'Gone.' } }, original)).toEqual({ kind: 'withdraw', date: '2026-11-01', reason: 'Gone.', replaced_by: undefined });
  });
});

describe('what the site does in each state', () => {
  it('serves, lists and indexes only what readers may see', () => {
    expect(siteBehaviour).toEqual({
      absent: { page: 'none', listed: false, searchable: false },
      unanswered: { page: 'none', listed: false, searchable: false },
      scheduled: { page: 'none', listed: false, searchable: false },
      published: { page: 'entry', listed: true, searchable: true },
      withdrawn: { page: 'entry-with-notice', listed: false, searchable: false },
      unpublished: { page: 'removal-notice', listed: false, searchable: false },
    });
    expect(reachOf('published')).toEqual(['address', 'text', 'listed', 'searchable']);
    expect(reachOf('withdrawn')).toEqual(['address', 'text']);
    expect(reachOf('unpublished')).toEqual(['address']);
    expect(reachOf('scheduled')).toEqual([]);
    expect(reachOf('unanswered')).toEqual([]);
    expect(reachOf('absent')).toEqual([]);
  });

  it('a file the site serves is published while it is on the branch', () => {
    expect([servedFileState(true), servedFileState(false)]).toEqual(['published', 'absent']);
  });
});

describe('readEntryFile', () => {
  const file = (front: string, body = 'Nội dung.') => `---\ntitle: Tin\n${front}---\n\n${body}\n`;
  it('reads the lifecycle fields with the build’s own schemas, and the rest apart', () => {
    const r = readEntryFile('content/news/vi/a.mdx', file('publish_at: 2026-12-01T08:00:00+07:00\nwithdrawn:\n  kind: unpublish\n  date: 2026-11-20\n  reason: Sai.\n'))!;
    expect(r.lifecycle).toEqual({ publish_at: '2026-12-01T08:00:00+07:00', withdrawn: { kind: 'unpublish', date: '2026-11-20', reason: 'Sai.' } });
    expect(r.substance).toBe(readEntryFile('content/news/vi/a.mdx', file(''))!.substance);
    expect(r.substance).not.toBe(readEntryFile('content/news/vi/a.mdx', file('', 'Khác.'))!.substance);
  });

  it('cannot read a file without frontmatter or with a lifecycle field the build would refuse', () => {
    expect(readEntryFile('content/news/vi/a.mdx', 'no frontmatter')).toBeUndefined();
    expect(readEntryFile('content/news/vi/a.mdx', file('publish_at: tomorrow\n'))).toBeUndefined();
    expect(readEntryFile('content/news/vi/a.mdx', file('withdrawn:\n  kind: hide\n  date: 2026-11-20\n  reason: x\n'))).toBeUndefined();
  });
});
