import { describe, expect, it } from 'vitest';
import { approversOf, describeRevision, formatLog } from './log-text.ts';
import type { PublicationRecord, Revision } from './revision.ts';

const base = { commit: '82d93580e7ba812d73a9d0470f4e2c66742019db', date: '2026-03-01T17:30:00Z', path: 'content/news/vi/x.mdx', minor: false } as const;
const record: PublicationRecord = {
  commit: base.commit,
  repository: 'org/portal',
  approvals: [
    { login: 'thu-ky', role: 'secretary', state: 'APPROVED', submitted_at: '', commit_id: '' },
    { login: 'ban-doc', role: 'editor', state: 'COMMENTED', submitted_at: '', commit_id: '' },
    { login: 'pho', role: 'deputy-head', state: 'APPROVED', submitted_at: '', commit_id: '' },
  ],
  archived_at: '2026-03-01T17:31:00Z',
};

describe('describeRevision', () => {
  it('says first published, the change note, minor changes, renames and deletions', () => {
    const added: Revision = { ...base, status: 'added', changeNote: 'ignored' };
    expect(describeRevision(added, [], 'vi')).toBe('Đăng lần đầu');
    expect(describeRevision(added, [], 'en')).toBe('First published');
    expect(describeRevision({ ...base, status: 'modified', changeNote: 'Sửa giờ' }, [], 'vi')).toBe('Sửa giờ');
    expect(describeRevision({ ...base, status: 'modified', minor: true }, [], 'vi')).toBe('Thay đổi nhỏ');
    expect(describeRevision({ ...base, status: 'modified', minor: true, changeNote: 'Typo' }, [], 'en')).toBe('Typo (minor change)');
    expect(describeRevision({ ...base, status: 'modified' }, [], 'en')).toBe('(no change note)');
    expect(describeRevision({ ...base, status: 'renamed', previousPath: 'content/news/vi/y.mdx' }, [], 'en')).toBe(
      'File renamed: content/news/vi/y.mdx → content/news/vi/x.mdx',
    );
    expect(describeRevision({ ...base, status: 'removed' }, [], 'vi')).toBe('Xoá tệp (trang không còn trên cổng)');
    expect(describeRevision(added, [{ ...base, status: 'removed' }], 'en')).toBe('Published again');
  });
});

describe('approversOf', () => {
  it('lists approving reviews with their role, or says the record is missing', () => {
    expect(approversOf(record, 'vi')).toBe('thu-ky (Thư ký Ban Biên tập), pho (Phó Trưởng Ban Biên tập)');
    expect(approversOf(record, 'en')).toBe('thu-ky (Editorial secretary), pho (Deputy Head of the Editorial Board)');
    expect(approversOf(undefined, 'vi')).toBe('chưa ghi nhận');
    expect(approversOf(undefined, 'en')).toBe('not recorded');
    expect(approversOf({ ...record, approvals: [] }, 'en')).toBe('no approvals recorded');
  });
});

describe('formatLog', () => {
  it('prints a heading, then each revision with its time in Vietnam, PR, commit and approvers', () => {
    const text = formatLog({ name: '/tin-tuc/x/', sources: ['content/news/vi/x.mdx'] }, [{ ...base, status: 'added', pr: 12, publication: record }], 'vi');
    expect(text).toBe(
      [
        'Lịch sử sửa đổi: /tin-tuc/x/',
        'Tệp nguồn: content/news/vi/x.mdx',
        'Giờ Việt Nam (UTC+7). 1 lần đăng.',
        '',
        '02/03/2026 00:30  Đăng lần đầu',
        '    PR #12 · commit 82d9358 · người duyệt: thu-ky (Thư ký Ban Biên tập), pho (Phó Trưởng Ban Biên tập)',
      ].join('\n'),
    );
  });

  it('tags each revision with its language when the page has two files', () => {
    const en: Revision = { ...base, path: 'content/news/en/x.mdx', status: 'added' };
    const text = formatLog({ name: '/en/news/x/', sources: ['content/news/en/x.mdx', 'content/news/vi/x.mdx'] }, [en, { ...base, status: 'added' }], 'en');
    expect(text).toContain('2 March 2026 00:30  [en] First published\n    no pull request · commit 82d9358 · approved by: not recorded');
    expect(text).toContain('[vi] First published');
  });
});
