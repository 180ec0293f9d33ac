/**
 * The English page says when its Vietnamese original was revised after it —
 * against a temporary repository with scripted commits, built in full and
 * then incrementally (only the Vietnamese file changes, yet the English page
 * must show or drop the notice): a minor Vietnamese edit shows nothing, a
 * non-minor one shows the notice with its date and a link to the original,
 * and revising the translation removes it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { englishPath } from '../e2e/site-content.ts';
import { datedGitIn } from '../fixtures/history/scripted-repo.ts';
import { seedBuildCache } from '../seed-build-cache.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'portal-stale-translation-'));
const out = `${repo}-site`;
const cache = `${repo}-cache`;
afterAll(() => {
  for (const dir of [repo, out, cache, `${out}-full`, `${cache}-full`]) rmSync(dir, { recursive: true, force: true });
});

const git = datedGitIn(repo);

function build(site = out, buildCache = cache): string {
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--out', site], {
    encoding: 'utf8',
    env: { ...process.env, PORTAL_CONTENT_DIR: path.join(repo, 'content'), PORTAL_PUBLIC_DIR: path.join(repo, 'public'), PORTAL_CACHE_DIR: seedBuildCache(buildCache), PORTAL_TODAY: '2026-11-25' },
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const SLUG = 'dich-vu-cong-truc-tuyen-bhxh-tren-cong-dich-vu-cong-quoc-gia';
const VI = `content/news/vi/${SLUG}.mdx`;
const EN = `content/news/en/${SLUG}.mdx`;
const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(repo, file), change(readFileSync(path.join(repo, file), 'utf8')));
const englishPage = (site = out) => readFileSync(path.join(site, englishPath('news', SLUG), 'index.html'), 'utf8');
const staleForCms = () => JSON.parse(readFileSync(path.join(out, 'admin/stale-translations.json'), 'utf8'));
const notice = (page: string) => /<section class="notice notice--stale-translation"[\s\S]*?<\/section>/.exec(page)?.[0];

describe('the notice on a stale English page', () => {
  it('appears after a non-minor revision of the original only, and goes when the translation is revised', () => {
    cpSync('content', path.join(repo, 'content'), { recursive: true });
    cpSync('public', path.join(repo, 'public'), { recursive: true });
    git('2026-11-01T03:00:00Z', 'init', '-q', '-b', 'main');
    git('2026-11-01T03:00:00Z', 'add', '.');
    git('2026-11-01T03:00:00Z', 'commit', '-qm', 'Portal content');
    expect(build()).toContain('build: everything');
    expect(notice(englishPage())).toBeUndefined();

    // A minor change of the original (a typo): the translation is still current.
    edit(VI, (t) => t.replace('sample: true\n', 'sample: true\nminor_change: true\n').replace('Người dân, doanh nghiệp', 'Người dân và doanh nghiệp'));
    git('2026-11-10T03:00:00Z', 'commit', '-qam', 'Typo (#20)');
    expect(build()).toContain('build: only what changed');
    expect(notice(englishPage())).toBeUndefined();

    // A real revision of the original, published at 00:30 on 20 November in Vietnam.
    edit(VI, (t) => t.replace('minor_change: true\n', 'change_note: Bổ sung thủ tục mới.\n').replace('Người dân và doanh nghiệp', 'Từ tháng 11, người dân và doanh nghiệp'));
    git('2026-11-19T17:30:00Z', 'commit', '-qam', 'Merge pull request #21 from bhxh-vietnam/cms/news/dich-vu-cong');
    expect(build()).toContain('build: only what changed');
    const shown = notice(englishPage());
    expect(shown).toBeDefined();
    expect(shown).toContain('role="note"');
    expect(shown).toContain('<h2 id="stale-translation-title">This translation may be out of date</h2>');
    expect(shown).toContain('The Vietnamese original of this page was revised on 20 November 2026, after this translation. The Vietnamese version governs.');
    expect(shown).toMatch(new RegExp(`<a href="/tin-tuc/${SLUG}/" hreflang="vi">Read the original \\(in Vietnamese\\)</a>`));
    // Only the English page: the Vietnamese one is the original.
    expect(notice(readFileSync(path.join(out, 'tin-tuc', SLUG, 'index.html'), 'utf8'))).toBeUndefined();
    // The CMS preview's list says the same (src/admin/stale-translation-preview.ts).
    expect(staleForCms()).toEqual({ historyKnown: true, entries: { [`news/${SLUG}`]: { originalRevisedAt: '2026-11-19T17:30:00+00:00', originalAddress: `/tin-tuc/${SLUG}/` } } });
    // The incremental build gives what a full build gives.
    build(`${out}-full`, `${cache}-full`);
    expect(englishPage(`${out}-full`)).toBe(englishPage());

    // The translation is brought up to date: the notice goes.
    edit(EN, (t) => t.replace('People and businesses can', 'Since November, people and businesses can'));
    git('2026-11-21T03:00:00Z', 'commit', '-qam', 'Update the translation (#22)');
    expect(build()).toContain('build: only what changed');
    expect(notice(englishPage())).toBeUndefined();
    expect(englishPage()).toContain('Since November, people and businesses can');
    expect(staleForCms()).toEqual({ historyKnown: true, entries: {} });
  }, 300_000);
});
