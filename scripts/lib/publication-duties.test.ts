/**
 * The shell reads the publication history from a real Git repository: every
 * revision of the Vietnamese entries on the published branch (first-parent),
 * with its front matter, and refuses a shallow clone.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitIn } from '../../tests/fixtures/history/scripted-repo.ts';
import { HistoryError } from '../../src/lib/history/history-error.ts';
import { publicationDutiesReport } from '../../src/lib/duties/publication-duties-report.ts';
import { publicationDutyResults, readPublicationHistory } from './publication-duties.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-publication-duties-'));
const repo = path.join(work, 'repo');

const unit = (extra: string) => `---\nname: Văn phòng\nkind: central-unit\naddress: Hà Nội\nphone: 024 3936 1595\n${extra}---\n`;

function commit(file: string, text: string | null, date: string, message: string): void {
  const full = path.join(repo, file);
  if (text === null) rmSync(full);
  else {
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  const git = gitIn(repo, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

beforeAll(() => {
  mkdirSync(repo);
  gitIn(repo)('init', '-q', '-b', 'main');
  commit('content/units/vi/van-phong.mdx', unit(''), '2026-11-02T10:00:00+07:00', 'Văn phòng');
  commit('content/units/en/van-phong.mdx', unit(''), '2026-11-02T11:00:00+07:00', 'Office (English)');
  commit('content/units/vi/van-phong.mdx', unit('contact_changed: 2026-11-25T09:00\n'), '2026-11-25T10:30:00+07:00', 'New telephone');
  commit('content/news/vi/tin-go.mdx', '---\ntitle: Tin\n---\n', '2026-11-26T09:00:00+07:00', 'Tin');
  commit('content/news/vi/tin-go.mdx', null, '2026-11-27T09:00:00+07:00', 'Remove');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('readPublicationHistory', () => {
  it('gives each Vietnamese entry its revisions, oldest first, with the front matter of each (null for a removal)', async () => {
    const history = await readPublicationHistory(repo);
    expect([...history.keys()].sort()).toEqual(['content/news/vi/tin-go.mdx', 'content/units/vi/van-phong.mdx']);
    expect(history.get('content/units/vi/van-phong.mdx')).toEqual([
      { date: '2026-11-02T10:00:00+07:00', data: { name: 'Văn phòng', kind: 'central-unit', address: 'Hà Nội', phone: '024 3936 1595' } },
      { date: '2026-11-25T10:30:00+07:00', data: { name: 'Văn phòng', kind: 'central-unit', address: 'Hà Nội', phone: '024 3936 1595', contact_changed: '2026-11-25T09:00' } },
    ]);
    expect(history.get('content/news/vi/tin-go.mdx')!.map((r) => r.data)).toEqual([{ title: 'Tin' }, null]);
  });

  it('has nothing published outside a Git repository or before the first commit', async () => {
    const plain = path.join(work, 'plain');
    mkdirSync(plain);
    expect(await readPublicationHistory(plain)).toEqual(new Map());
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    gitIn(empty)('init', '-q', '-b', 'main');
    expect(await readPublicationHistory(empty)).toEqual(new Map());
  });

  it('reads another ref', async () => {
    const first = gitIn(repo)('rev-list', '--max-parents=0', 'HEAD').trim();
    const history = await readPublicationHistory(repo, first);
    expect(history.get('content/units/vi/van-phong.mdx')).toHaveLength(1);
  });

  it('refuses a shallow clone in both languages: first publications would be wrong', async () => {
    const clone = path.join(work, 'shallow');
    gitIn(work)('clone', '-q', '--depth', '1', `file://${repo}`, clone);
    const error = await readPublicationHistory(clone).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HistoryError);
    expect((error as HistoryError).message).toContain('shallow clone');
    expect((error as HistoryError).message).toContain('bản sao nông');
  });
});

describe('publicationDutyResults: the project’s own content, published in two steps', () => {
  const project = path.join(work, 'project');
  const unitFile = 'content/units/vi/trung-tam-dich-vu-ho-tro-cham-soc-khach-hang.mdx';

  beforeAll(() => {
    mkdirSync(project);
    cpSync('content', path.join(project, 'content'), { recursive: true });
    cpSync('public', path.join(project, 'public'), { recursive: true });
    const changed = readFileSync(path.join(project, unitFile), 'utf8');
    expect(changed).toContain('contact_changed: 2026-12-02T16:45\n');
    // First everything but the contact change, on Sunday 22/11; then the change, on Thursday 3/12 at 09:00.
    writeFileSync(path.join(project, unitFile), changed.replace('contact_changed: 2026-12-02T16:45\n', ''));
    const first = gitIn(project, { GIT_AUTHOR_DATE: '2026-11-22T12:00:00+07:00', GIT_COMMITTER_DATE: '2026-11-22T12:00:00+07:00' });
    first('init', '-q', '-b', 'main');
    first('add', '-A');
    first('commit', '-q', '-m', 'Content');
    writeFileSync(path.join(project, unitFile), changed);
    const second = gitIn(project, { GIT_AUTHOR_DATE: '2026-12-03T09:00:00+07:00', GIT_COMMITTER_DATE: '2026-12-03T09:00:00+07:00' });
    second('commit', '-q', '-am', 'New contact details of the Customer Service Centre');
  });

  it('judges every duty of the sample content from the history', async () => {
    const { results } = await publicationDutyResults({ root: project, now: '2026-12-04T09:00', within: 0, all: true });
    const byFile = Object.fromEntries(results.map((r) => [r.file, [r.state, r.due, r.published]]));
    expect(byFile).toEqual({
      // Changed 18/11, due 19/11, before the history began (the import of 22/11, which carried the entry): not recorded, not late.
      'content/spokespeople/vi/tran-thi-binh.mdx': ['unrecorded', '2026-11-19T17:00', undefined],
      [unitFile]: ['on-time', '2026-12-03T17:00', '2026-12-03T09:00'],
      'content/news/vi/bhxh-khanh-hoa-nhan-co-thi-dua-2026.mdx': ['on-time', '2026-12-04T17:00', '2026-11-22T12:00'],
      // Scheduled for 10/12: not live yet.
      'content/news/vi/de-tai-khoa-hoc-chuyen-doi-so-bhxh-2027.mdx': ['due', '2026-12-28T17:00', undefined],
      'content/pages/vi/pho-tong-giam-doc-nguyen-van-an.mdx': ['on-time', '2026-11-26T17:00', '2026-11-22T12:00'],
    });
  });

  it('prints what needs attention, in each language; the unrecorded duty only in the full listing', async () => {
    const options = { root: project, now: '2026-12-04T09:00', within: 0 };
    const attention = await publicationDutyResults(options);
    expect(publicationDutiesReport(attention.results, attention.rules, 'en')).toEqual([
      'The portal’s publication duties (Regulation on operating the VSS Electronic Information Portal (2021 draft), Art. 4, 11):',
      '  Nothing to report.',
    ]);
    const all = await publicationDutyResults({ ...options, all: true });
    expect(publicationDutiesReport(all.results, all.rules, 'en')).toContain(
      '  [unrecorded] “Trần Thị Bình” (content/spokespeople/vi/tran-thi-binh.mdx): counted from 18 November 2026, 09:00, due 19 November 2026, 17:00; published before the portal’s history begins (22 November 2026); the time is not recorded.',
    );
    const soon = await publicationDutyResults({ ...options, within: 20 });
    expect(publicationDutiesReport(soon.results, soon.rules, 'vi')).toContain('  [đến hạn] “Phê duyệt đề tài khoa học cấp Bộ về chuyển đổi số trong thu bảo hiểm xã hội” (content/news/vi/de-tai-khoa-hoc-chuyen-doi-so-bhxh-2027.mdx): tính từ 30/11/2026 14:00, hạn 28/12/2026 17:00; chưa đăng.');
  });
});
