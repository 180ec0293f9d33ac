/**
 * decap-server behind the guard, on a real sandbox repository, with the calls
 * Decap CMS makes for an entry of an i18n `multiple_folders` collection whose
 * only changed file is the English one (issue 11), and the publication gate
 * (publication-gate.ts) with a stand-in for the site's build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmsArea } from '../../src/lib/cms/cms-area.ts';
import { SAVE_NOTES } from '../../src/lib/cms/save-notes.ts';
import { decapConfig } from '../../src/lib/cms/decap-config.ts';
import { SITE_FILE, TAXONOMY_FILE, validateSettings } from '../../src/lib/content/validate.ts';
import { parseDraftTagMessage } from '../../src/lib/history/drafts.ts';
import { mountLocalBackend } from './decap-local-backend.ts';
import type { Publisher } from './publication-gate.ts';
import { prepareSandbox } from './sandbox-repo.ts';
import { writeDraftBranch } from '../../tests/e2e/hand-made-draft.ts';

const sandbox = mkdtempSync(path.join(tmpdir(), 'portal-drafts-'));
const repo = path.join(sandbox, 'repo');
const slug = 'canh-bao-tai-khoan-zalo-gia-mao';

/** Decap's request to save a draft of the news item `slug` with `files` (Decap sends only the files whose text changed). */
function persistRequest(files: { path: string; raw: string }[]) {
  return {
    branch: 'main',
    action: 'persistEntry',
    params: {
      branch: 'main',
      dataFiles: files.map((f) => ({ ...f, slug })),
      assets: [],
      options: { commitMessage: `Update News “${slug}”`, collectionName: 'news', useWorkflow: true, hasSubfolders: true, unpublished: false, status: 'draft' },
    },
  };
}
let port = 0;
/** What the stand-in build does next: each call takes the first outcome (`true`: it fails), then it succeeds. */
const buildOutcomes: boolean[] = [];
let builds = 0;
const publisher: Publisher = {
  exclusive: (work) => work(),
  rebuild: async () => {
    builds++;
    if (buildOutcomes.shift()) throw new Error('build failed (exit code 1): [vite] the build stopped');
  },
};
let close = () => {};

function git(...args: string[]): string {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

async function call(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`http://127.0.0.1:${port}/api/v1`, {
    method: 'POST',
    headers: { Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  await prepareSandbox(process.cwd(), repo, 'main');
  const files = await Promise.all([SITE_FILE, TAXONOMY_FILE].map(async (file) => ({ file, source: await readFile(path.join(repo, file), 'utf8') })));
  const { settings } = validateSettings(files);
  const app = express();
  const server = app.listen(0, '127.0.0.1');
  // Sixty calls at once on a loaded machine: an idle connection closed by the server's 5 s keep-alive timer just as
  // the client (fetch, in this same process) reuses it was answered by ECONNRESET (fresh-clone runs ci36, ci38). A
  // browser sends such a request again; fetch does not for a POST. Idle connections are kept longer than the file runs.
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
  await mountLocalBackend(app, { repo, branch: 'main', port, area: cmsArea(decapConfig(settings!.site, settings!.taxonomy, 'vi')), publisher });
  close = () => server.close();
}, 60_000);

afterAll(() => {
  close();
  rmSync(sandbox, { recursive: true, force: true });
});

describe('an English-only change of a published bilingual entry', () => {
  const en = `content/news/en/${slug}.mdx`;
  const vi = `content/news/vi/${slug}.mdx`;

  it('is saved on its draft branch, and the CMS can read both languages back', async () => {
    const raw = (await readFile(path.join(repo, en), 'utf8')).replace(/^title: .*$/m, 'title: A changed English title');
    const saved = await call(persistRequest([{ path: en, raw }]));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const entry = await call({ branch: 'main', action: 'unpublishedEntry', params: { branch: 'main', id: `news/${slug}` } });
    expect(entry.status).toBe(200);
    expect((entry.body.diffs as { path: string }[]).map((d) => d.path)).toEqual([en]);

    // decap-cms-core's getI18nDataFiles asks for the unchanged Vietnamese file with `id: ''`.
    const unchanged = await call({ branch: 'main', action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'news', slug, path: vi, id: '' } });
    expect(unchanged.status, JSON.stringify(unchanged.body)).toBe(200);
    expect(unchanged.body.data).toBe(await readFile(path.join(repo, vi), 'utf8'));
  });

  it('moves through the workflow and is discarded on its own branch', async () => {
    const moved = await call({ branch: 'main', action: 'updateUnpublishedEntryStatus', params: { branch: 'main', collection: 'news', slug, newStatus: 'pending_publish' } });
    expect(moved.status).toBe(200);
    expect(git('config', `branch.cms/news/${slug}.description`)).toBe('decap-cms/pending_publish');
    const discarded = await call({ branch: 'main', action: 'deleteUnpublishedEntry', params: { branch: 'main', collection: 'news', slug } });
    expect(discarded.status).toBe(200);
    expect(git('branch', '--list', `cms/news/${slug}`)).toBe('');
  });

  it('is never told “done” for a draft that does not exist', async () => {
    for (const action of ['updateUnpublishedEntryStatus', 'publishUnpublishedEntry', 'deleteUnpublishedEntry']) {
      const params = { branch: 'main', collection: 'news', slug, ...(action === 'updateUnpublishedEntryStatus' ? { newStatus: 'pending_publish' } : {}) };
      const answer = await call({ branch: 'main', action, params });
      expect(answer.status, action).toBe(404);
      expect(answer.body.vi).toContain(`news/${slug}`);
      expect(answer.body.en).toContain('no draft');
    }
    // decap-server would have written the status of the missing branch into the configuration.
    expect(spawnSync('git', ['config', `branch.cms/news/${slug}.description`], { cwd: repo }).status).not.toBe(0);
  });
});

describe('many drafts under review', () => {
  it('are all read at once, as the CMS asks when an entry is opened, without a time-out or a checkout', async () => {
    // decap-server reads a draft by checking its branch out and back, one request at a time behind a lock that gives
    // up after 3 s: with a score of drafts, opening any entry in the CMS failed with “Request timed out”.
    const slugs = Array.from({ length: 20 }, (_, i) => `nhieu-ban-nhap-${i}`);
    for (const s of slugs) writeDraftBranch(repo, { collection: 'news', slug: s, files: { [`content/news/vi/${s}.mdx`]: `---\ntitle: Bản nháp ${s}\n---\n` }, status: 'draft' });
    try {
      const reads = slugs.flatMap((s) => [
        { branch: 'main', action: 'unpublishedEntry', params: { branch: 'main', id: `news/${s}` } },
        { branch: 'main', action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'news', slug: s, id: '', path: `content/news/vi/${s}.mdx` } },
        { branch: 'main', action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'news', slug: s, id: '', path: `content/news/en/${s}.mdx` } },
      ]);
      const answers = await Promise.all(reads.map(call));
      expect(answers.filter((a) => a.status !== 200).map((a) => a.body)).toEqual([]);
      expect(answers.filter((_, i) => i % 3 === 1).map((a) => a.body.data)).toEqual(slugs.map((s) => `---\ntitle: Bản nháp ${s}\n---\n`));
      expect(answers.filter((_, i) => i % 3 === 2).map((a) => a.body.data)).toEqual(slugs.map(() => null));
      expect(git('branch', '--show-current')).toBe('main');
    } finally {
      for (const s of slugs) git('branch', '-D', `cms/news/${s}`);
    }
  }, 60_000);

  it("do not hold the server while git looks for a draft's branch", async () => {
    // A status change, publication or discard first asks git whether the draft's branch is there; that ran
    // synchronously, and nothing else was answered meanwhile. Here git, asked about that branch, waits once it
    // has started until another call has been answered (or 10 s, written in its log).
    const bin = mkdtempSync(path.join(tmpdir(), 'portal-slow-git-'));
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(
      path.join(bin, 'git'),
      `#!/bin/sh\ncase "$*" in *refs/heads/cms/news/ban-nhap-cho-git*)\n  : > "${bin}/started"\n  n=0\n  while [ ! -f "${bin}/answered" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n+1)); done\n` +
        `  if [ -f "${bin}/answered" ]; then echo released >> "${bin}/log"; else echo timed-out >> "${bin}/log"; fi;;\nesac\nexec "${realGit}" "$@"\n`,
      { mode: 0o755 },
    );
    const s = 'ban-nhap-cho-git';
    writeDraftBranch(repo, { collection: 'news', slug: s, files: { [`content/news/vi/${s}.mdx`]: `---\ntitle: Bản nháp ${s}\n---\n` }, status: 'draft' });
    const path0 = process.env.PATH;
    process.env.PATH = `${bin}:${path0}`;
    try {
      const statusChange = call({ branch: 'main', action: 'updateUnpublishedEntryStatus', params: { branch: 'main', collection: 'news', slug: s, newStatus: 'pending_review' } });
      while (!existsSync(path.join(bin, 'started'))) await new Promise((resolve) => setTimeout(resolve, 20));
      // Another call (refused by the guard, no git needed) is answered while the draft's git still runs.
      const other = await call({ branch: 'main', action: 'getEntry', params: { branch: 'main', path: 'src/pages/index.astro' } });
      expect(other.status).toBe(403);
      writeFileSync(path.join(bin, 'answered'), '');
      expect((await statusChange).status).toBe(200);
      expect(git('config', `branch.cms/news/${s}.description`)).toBe('decap-cms/pending_review');
      expect(readFileSync(path.join(bin, 'log'), 'utf8')).toBe('released\n');
    } finally {
      process.env.PATH = path0;
      git('branch', '-D', `cms/news/${s}`);
      rmSync(bin, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('the save check', () => {
  const vi = `content/news/vi/${slug}.mdx`;
  const en = `content/news/en/${slug}.mdx`;
  const persist = (files: { path: string; raw: string }[], referer?: string) =>
    fetch(`http://127.0.0.1:${port}/api/v1`, {
      method: 'POST',
      headers: { Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json', ...(referer ? { Referer: referer } : {}) },
      body: JSON.stringify(persistRequest(files)),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: string; vi: string; en: string } }));
  const withBody = (source: string, text: string) => source.replace(/\n---\n/, `\n---\n${text}\n\n`);
  const nothingWritten = () => {
    expect(git('branch', '--list', `cms/news/${slug}`)).toBe('');
    expect(git('status', '--porcelain')).toBe('');
  };

  const mistakes = [
    { name: 'a pasted <script>', text: '<script>alert(1)</script>', vi: 'Thẻ <script> không bao giờ được phép', en: 'The tag <script> is never allowed' },
    { name: 'an expression', text: 'Kết quả là {1+1}.', vi: 'biểu thức trong ngoặc nhọn', en: 'may not contain { } expressions' },
    { name: 'an import line', text: "import Widget from './widget.js'", vi: 'lệnh import/export', en: 'may not contain import/export statements' },
    { name: 'an unknown component', text: '<Widget />', vi: 'Thẻ <Widget> không được phép', en: 'The tag <Widget> is not allowed' },
  ];
  it.each(mistakes)('refuses $name in the text, naming the text field and its line in the interface language, and writes nothing', async ({ text, vi: saysVi, en: saysEn }) => {
    const source = await readFile(path.join(repo, vi), 'utf8');
    const bodyStart = source.split('\n').indexOf('---', 1) + 2;
    const answer = await persist([{ path: vi, raw: withBody(source, text) }], `http://127.0.0.1:${port}/admin/#/collections/news/entries/${slug}`);
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe(answer.body.vi);
    expect(answer.body.vi).toMatch(new RegExp(`^Nội dung của “news/${slug}” chưa đạt kiểm tra của trang \\(1 lỗi\\), nên chưa có gì được lưu; những gì bạn đã nhập vẫn còn trong biểu mẫu`));
    expect(answer.body.vi).toContain(`(1) Bản tiếng Việt, trường “Nội dung”, dòng 1 (${vi}, dòng ${bodyStart}): `);
    expect(answer.body.vi).toContain(saysVi);
    expect(answer.body.en).toContain(`(1) The Vietnamese version, field “Text”, line 1 (${vi}, line ${bodyStart}): `);
    expect(answer.body.en).toContain(saysEn);
    nothingWritten();
  });

  it('answers in English to the English interface, and labels front-matter fields and English files', async () => {
    const source = await readFile(path.join(repo, en), 'utf8');
    const raw = withBody(source.replace(/^title: .*$/m, `title: ${'Long '.repeat(80)}`), 'Some text.\n\n<script>x</script>');
    const answer = await persist([{ path: en, raw }], `http://127.0.0.1:${port}/en/admin/#/collections/news/entries/${slug}`);
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe(answer.body.en);
    expect(answer.body.en).toMatch(/\(2 problems\)/);
    expect(answer.body.en).toContain(`(1) The English version, field “Title” (${en}, line 2): `);
    expect(answer.body.en).toContain(`(2) The English version, field “Text”, line 3 (${en}, line `);
    expect(answer.body.vi).toContain('(2) Bản tiếng Anh, trường “Nội dung”, dòng 3');
    nothingWritten();
  });

  it('never writes through a symbolic link a draft branch made by hand holds', async () => {
    const outside = path.join(sandbox, 'outside.txt');
    writeFileSync(outside, 'untouched');
    writeDraftBranch(repo, { collection: 'news', slug, files: {}, links: { [en]: outside }, status: 'draft' });
    const source = await readFile(path.join(repo, en), 'utf8');
    const answer = await persist([{ path: en, raw: source }]);
    expect(answer.status).toBe(500);
    expect(answer.body.en).toContain(`was not saved: the CMS server could not check its content (${en} is a symbolic link in the content being checked`);
    expect(readFileSync(outside, 'utf8')).toBe('untouched');
    git('branch', '-D', `cms/news/${slug}`);
  });

  const discard = async () =>
    expect((await call({ branch: 'main', action: 'deleteUnpublishedEntry', params: { branch: 'main', collection: 'news', slug } })).status).toBe(200);

  it('lets a save through once the text is fixed', async () => {
    const source = await readFile(path.join(repo, vi), 'utf8');
    const answer = await persist([{ path: vi, raw: withBody(source, 'Kết quả là hai.') }]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({ message: 'entry persisted' });
    expect(git('show', `cms/news/${slug}:${vi}`)).toContain('Kết quả là hai.');
    await discard();
  });

  it('saves a text the build only warns about, and answers with the notes the browser cannot make, by the text field and its line', async () => {
    const source = await readFile(path.join(repo, vi), 'utf8');
    const raw = withBody(source, '## Điều 1. Phạm vi\n\nVăn bản.\n\n## Điều 3. Hiệu lực');
    const answer = await persist([{ path: vi, raw }]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(git('show', `cms/news/${slug}:${vi}`)).toBe(raw.trimEnd());
    expect((answer.body as Record<string, unknown>)[SAVE_NOTES]).toEqual([
      {
        version: 'vi',
        label: { vi: 'Nội dung, dòng 5', en: 'Text, line 5' },
        message: {
          vi: 'Điều 3 không đúng thứ tự: điều tiếp theo phải là Điều 2.',
          en: 'Article 3 is out of order: the next article should be Article 2.',
        },
      },
    ]);
    await discard();
  });

  it("leaves a page put at an address another entry's page had to the CMS page's check: no note of its own, never twice", async () => {
    // Another news item had the English address `a-former-address` in a published revision, then another one.
    const other = 'bhxh-tu-nguyen-cho-lao-dong-tu-do';
    // Both language files hold the address (the CMS copies it).
    const otherFiles = ['vi', 'en'].map((locale) => path.join(repo, 'content', 'news', locale, `${other}.mdx`));
    const published = otherFiles.map((file) => readFileSync(file, 'utf8'));
    for (const address of ['a-former-address', 'its-address-now']) {
      otherFiles.forEach((file, i) => writeFileSync(file, published[i]!.replace(/^english_address: .*$/m, `english_address: ${address}`)));
      git('commit', '--quiet', '--all', '-m', `English address of ${other}: ${address}`);
    }
    const source = await readFile(path.join(repo, vi), 'utf8');
    const raw = source.replace(/^english_address: .*$/m, 'english_address: a-former-address');
    const answer = await persist([{ path: vi, raw }]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    // The CMS page says it, from the former addresses the build serves (src/lib/cms/cms-entry-check.ts; e2e cms-save-check).
    expect(answer.body).toEqual({ message: 'entry persisted' });
    await discard();
    // The other item's text as it was.
    otherFiles.forEach((file, i) => writeFileSync(file, published[i]!));
    git('commit', '--quiet', '--all', '-m', `English address of ${other} as it was`);
  });
});

describe('the publication gate', () => {
  const vi = `content/news/vi/${slug}.mdx`;
  const en = `content/news/en/${slug}.mdx`;

  async function saveDraft(files: { path: string; raw: string }[]) {
    const saved = await call(persistRequest(files));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const ready = await call({ branch: 'main', action: 'updateUnpublishedEntryStatus', params: { branch: 'main', collection: 'news', slug, newStatus: 'pending_publish' } });
    expect(ready.status).toBe(200);
  }
  const publish = () => call({ branch: 'main', action: 'publishUnpublishedEntry', params: { branch: 'main', collection: 'news', slug } });
  /** The published branch, the draft and its status, and the working tree. */
  const state = () => ({
    main: git('rev-parse', 'main'),
    draft: git('branch', '--list', `cms/news/${slug}`),
    status: spawnSync('git', ['config', `branch.cms/news/${slug}.description`], { cwd: repo, encoding: 'utf8' }).stdout.trim(),
    tree: git('status', '--porcelain'),
  });

  it('refuses a draft whose content fails the check, naming file, line and field label, and merges nothing', async () => {
    const source = await readFile(path.join(repo, vi), 'utf8');
    const broken = source.replace(/^title: .*$/m, `title: ${'Dài '.repeat(94)}`).replace(/\n---\n/, '\n---\n<script>alert(1)</script>\n\n{1+1}\n\n');
    // The save check refuses such a save: the draft was saved before it existed, or edited by hand.
    writeDraftBranch(repo, { collection: 'news', slug, files: { [vi]: broken } });
    const before = state();
    builds = 0;
    const answer = await publish();
    expect(answer.status).toBe(422);
    const { vi: saidVi, en: saidEn, error } = answer.body as { vi: string; en: string; error: string };
    expect(error).toBe(`${saidVi} / ${saidEn}`);
    expect(saidVi).toMatch(new RegExp(`^Chưa công bố “news/${slug}”: nội dung chưa đạt kiểm tra của trang \\(\\d lỗi\\)`));
    expect(saidVi).toContain(`${vi}, dòng 2, trường “Tiêu đề”: `);
    expect(saidEn).toContain(`${vi}, line 2, field “Title”: `);
    // The <script> is the body's first line, just after the frontmatter's closing ---.
    const scriptLine = broken.split('\n').indexOf('---', 1) + 2;
    expect(saidVi).toContain(`${vi}, dòng ${scriptLine}, trường “Nội dung”: `);
    expect(saidVi).toContain('<script>');
    expect(saidEn).toContain('Open the draft, fix the problems below');
    expect(state()).toEqual(before);
    expect(builds).toBe(0);
    expect((await call({ branch: 'main', action: 'deleteUnpublishedEntry', params: { branch: 'main', collection: 'news', slug } })).status).toBe(200);
  });

  it('puts everything back when the site does not build after the merge, and keeps the draft', async () => {
    const raw = (await readFile(path.join(repo, en), 'utf8')).replace(/^title: .*$/m, 'title: A title the build will not take');
    await saveDraft([{ path: en, raw }]);
    const before = state();
    expect(before.status).toBe('decap-cms/pending_publish');
    builds = 0;
    buildOutcomes.push(true);
    const answer = await publish();
    expect(answer.status).toBe(500);
    const { vi: saidVi, en: saidEn } = answer.body as { vi: string; en: string };
    expect(saidVi).toContain(`Chưa công bố “news/${slug}”: trang không dựng lại được với bản nháp này, nên việc công bố đã được hoàn tác`);
    expect(saidEn).toContain('The build said: build failed (exit code 1): [vite] the build stopped');
    // Rebuilt once with the draft, once as it was.
    expect(builds).toBe(2);
    expect(state()).toEqual(before);
  });

  it('answers success once the site is rebuilt with the draft', async () => {
    builds = 0;
    const answer = await publish();
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(builds).toBe(1);
    expect(git('show', `main:${en}`)).toContain('title: A title the build will not take');
    expect(git('branch', '--list', `cms/news/${slug}`)).toBe('');
    expect(git('status', '--porcelain')).toBe('');
  });

  it('refuses a draft that changes what another publication changed since it was saved, and merges nothing', async () => {
    const source = await readFile(path.join(repo, en), 'utf8');
    await saveDraft([{ path: en, raw: source.replace(/^title: .*$/m, 'title: The title in the draft') }]);
    // Published meanwhile, some other way.
    writeFileSync(path.join(repo, en), source.replace(/^title: .*$/m, 'title: The title published meanwhile'));
    git('commit', '--quiet', '--all', '-m', 'Another publication');
    const before = state();
    builds = 0;
    const answer = await publish();
    expect(answer.status).toBe(409);
    const { vi: saidVi, en: saidEn } = answer.body as { vi: string; en: string };
    expect(saidVi).toContain(`bản nháp sửa cùng chỗ với một lần công bố khác đã diễn ra sau khi nó được lưu (${en})`);
    expect(saidEn).toContain(`the draft changes the same places as another publication made after it was saved (${en})`);
    expect(state()).toEqual(before);
    expect(builds).toBe(0);
  });
});

describe('drafts kept when published or discarded', () => {
  const vi = `content/news/vi/${slug}.mdx`;
  /** The kept drafts of this entry: tag, the commit it keeps, and the facts of its message. */
  const kept = () =>
    git('for-each-ref', '--sort=refname', '--format=%(refname:short)%00%(*objectname)', `refs/tags/drafts/local/news/${slug}/`)
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [tag = '', head = ''] = line.split('\0');
        const parsed = parseDraftTagMessage(git('for-each-ref', '--format=%(contents)', `refs/tags/${tag}`));
        return { tag, head, facts: parsed.ok ? parsed.facts : undefined };
      });

  it('kept every draft this file discarded or published through the CMS, and none whose publication failed', () => {
    const fates = kept().map((k) => k.facts?.fate);
    // Discarded: the English-only change, the save check's three drafts, the draft the gate refused; published: the one
    // rebuilt; the failed publication and the call on a draft that did not exist kept nothing.
    expect(fates.filter((f) => f === 'discarded')).toHaveLength(5);
    expect(fates.filter((f) => f === 'published')).toHaveLength(1);
    for (const k of kept()) {
      expect(k.tag).toMatch(new RegExp(`^drafts/local/news/${slug}/\\d{8}T\\d{6}Z(-\\d+)?$`));
      expect(k.facts).toMatchObject({ source: 'local', head: k.head, entry: { collection: 'news', slug } });
    }
  });

  it('a discarded draft: its branch is gone, its text stays in a tag that says “discarded”, with where it forked', async () => {
    // The draft the last gate test left (it conflicts with main): discarded first.
    expect((await call({ branch: 'main', action: 'deleteUnpublishedEntry', params: { branch: 'main', collection: 'news', slug } })).status).toBe(200);
    const source = await readFile(path.join(repo, vi), 'utf8');
    const saved = await call(persistRequest([{ path: vi, raw: source.replace(/^title: .*$/m, 'title: Bản nháp sẽ bị huỷ') }]));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const head = git('rev-parse', `cms/news/${slug}`);
    const base = git('merge-base', 'main', head);
    const before = kept().length;
    const discarded = await call({ branch: 'main', action: 'deleteUnpublishedEntry', params: { branch: 'main', collection: 'news', slug } });
    expect(discarded.status).toBe(200);
    expect(git('branch', '--list', `cms/news/${slug}`)).toBe('');
    const now = kept();
    expect(now).toHaveLength(before + 1);
    const tag = now.find((k) => k.head === head)!;
    expect(tag.facts).toMatchObject({ fate: 'discarded', base });
    expect(Date.now() - Date.parse(tag.facts!.closedAt!)).toBeLessThan(60_000);
    expect(git('show', `${tag.tag}:${vi}`)).toContain('title: Bản nháp sẽ bị huỷ');
    expect(git('cat-file', '-p', `refs/tags/${tag.tag}`)).toContain('Kept draft: news/' + slug + ' — đã huỷ / discarded');
  });
});
