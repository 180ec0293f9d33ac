import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { symlinkOnTheWay } from './decap-local-backend.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'portal-symlinks-'));
mkdirSync(path.join(repo, '.git'));
writeFileSync(path.join(repo, '.git', 'config'), '');
mkdirSync(path.join(repo, 'public', 'media', 'uploads'), { recursive: true });
writeFileSync(path.join(repo, 'public', 'media', 'uploads', 'real.png'), '');
symlinkSync('../../../.git/config', path.join(repo, 'public', 'media', 'uploads', 'anh.png'));
symlinkSync('../.git', path.join(repo, 'public', 'files'));

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('symlinkOnTheWay', () => {
  it('finds a link as the file itself or as a folder on the way', () => {
    expect(symlinkOnTheWay(repo, 'public/media/uploads/anh.png')).toBe('public/media/uploads/anh.png');
    expect(symlinkOnTheWay(repo, 'public/files/config')).toBe('public/files');
    expect(symlinkOnTheWay(repo, 'public/files')).toBe('public/files');
  });

  it('finds none on real files and folders, existing or not', () => {
    expect(symlinkOnTheWay(repo, 'public/media/uploads/real.png')).toBeUndefined();
    expect(symlinkOnTheWay(repo, 'public/media/uploads/new.png')).toBeUndefined();
    expect(symlinkOnTheWay(repo, 'content/news/vi/new.mdx')).toBeUndefined();
  });
});
