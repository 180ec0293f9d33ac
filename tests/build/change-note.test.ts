/**
 * `npm run check:content -- --base <ref>` in a pull request: a published entry
 * changed without a new change note is refused (unless marked minor).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = mkdtempSync(path.join(tmpdir(), 'portal-change-note-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.vn', ...args], { cwd: repo, encoding: 'utf8' });
const { PORTAL_CONTENT_DIR: _unused, ...env } = process.env;
const check = () => spawnSync(process.execPath, [path.resolve('scripts/check-content.ts'), '--base', 'main'], { cwd: repo, encoding: 'utf8', env });

const FILE = 'content/news/vi/canh-bao-tai-khoan-zalo-gia-mao.mdx';

describe('check:content --base', () => {
  it('asks for a change note on an edited published entry, and accepts one (or a minor change)', () => {
    cpSync('content', path.join(repo, 'content'), { recursive: true });
    cpSync('public', path.join(repo, 'public'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'Published content');
    git('checkout', '-qb', 'cms/news/canh-bao');
    const original = readFileSync(path.join(repo, FILE), 'utf8');
    writeFileSync(path.join(repo, FILE), original.replace('Trung tâm Truyền thông đề nghị', 'Trung tâm Truyền thông khuyến cáo'));
    git('commit', '-qam', 'Edit');

    const refused = check();
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(`${FILE}:1:1  [change_note]`);
    expect(refused.stdout).toContain('has no new change note');

    writeFileSync(path.join(repo, FILE), readFileSync(path.join(repo, FILE), 'utf8').replace('sample: true\n', 'sample: true\nchange_note: Sửa từ “đề nghị” thành “khuyến cáo”.\n'));
    git('commit', '-qam', 'Note');
    const accepted = check();
    expect(accepted.stdout).toContain('0 error(s)');
    expect(accepted.status).toBe(0);
  });
});
