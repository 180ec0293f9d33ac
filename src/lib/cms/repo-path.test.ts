import { describe, expect, it } from 'vitest';
import { inspectRepoPath, shownValue, type PathProblem } from './repo-path.ts';

function kind(raw: string): PathProblem['kind'] | undefined {
  return inspectRepoPath(raw).problem?.kind;
}

describe('inspectRepoPath', () => {
  it('accepts the plain paths the CMS sends', () => {
    for (const raw of [
      'content/news/vi/dang-ky-bhxh-tu-nguyen.mdx',
      'content/site.yml',
      'public/media/uploads/anh-hoi-nghi-2025.jpg',
      'public/files/quyet-dinh_1624.pdf',
      'public/media',
    ]) {
      expect(inspectRepoPath(raw), raw).toEqual({ plain: raw });
    }
  });

  it('finds the hidden folder however the way into it is written', () => {
    const cases: [string, string][] = [
      ['.git/config', '.git'],
      ['.git', '.git'],
      ['public/media/../../.git/config', '.git'],
      ['public/media/..%2f..%2f.git/config', '.git'],
      ['public/media/..%252f..%252f.git/config', '.git'],
      ['public/media/%2e%2e/%2e%2e/.git/config', '.git'],
      ['PUBLIC/MEDIA/../.Git/config', '.Git'],
      ['content\\..\\.git\\hooks\\pre-commit', '.git'],
      ['content/../.GIT/hooks/pre-commit', '.GIT'],
      ['.github/workflows/x.yml', '.github'],
      ['content/news/vi/.hidden.mdx', '.hidden.mdx'],
      ['public/media/.env', '.env'],
      // Windows drops trailing dots and spaces: “.git.” and “.git ” are “.git”.
      ['.git./config', '.git'],
      ['.git /config', '.git'],
      ['public/media/.. /.. /.git/config', '.git'],
      // Look-alikes that NFKC folds into a dot: fullwidth full stop, one-dot leader.
      ['\uFF0Egit/config', '.git'],
      ['\u2024git/config', '.git'],
      ['public/media/\uFF0E\uFF0E/\uFF0E\uFF0E/.git/config', '.git'],
      // A hidden name on the way counts even when “..” leaves it again.
      ['.git/../content/news/vi/a.mdx', '.git'],
    ];
    for (const [raw, name] of cases) {
      expect(inspectRepoPath(raw).problem, raw).toEqual({ kind: 'hidden', name });
    }
  });

  it('refuses absolute paths, paths that leave the repository, control characters', () => {
    for (const raw of ['/etc/passwd', 'C:\\x', 'C:x', 'c:/Windows/system32', '\\\\server\\share\\x', '//server/share', '%2fetc/passwd', '\uFF0Fetc/passwd']) {
      expect(kind(raw), raw).toBe('absolute');
    }
    for (const raw of ['..', '../x', 'public/media/../../../etc/passwd', 'content/%2e%2e/%2e%2e/x', '..\\..\\x']) {
      expect(kind(raw), raw).toBe('outside');
    }
    for (const raw of ['public/media/a\u0000.png', 'public/media/a%00.png', 'content/news/vi/a\n.mdx', 'public/media/a\u0085.png', 'public/media/a\u007F.png']) {
      expect(kind(raw), JSON.stringify(raw)).toBe('control');
    }
    expect(kind('')).toBe('empty');
    expect(kind('.')).toBe('empty');
    expect(kind(`public/media/${'a'.repeat(500)}.png`)).toBe('too-long');
  });

  it('refuses paths the file system reads differently from how they are written', () => {
    const cases: [string, string][] = [
      ['content/../content/news/vi/a.mdx', 'content/news/vi/a.mdx'],
      ['content/./news/vi/a.mdx', 'content/news/vi/a.mdx'],
      ['content//news/vi/a.mdx', 'content/news/vi/a.mdx'],
      ['content\\news\\vi\\a.mdx', 'content/news/vi/a.mdx'],
      ['content/news/vi/a.mdx.', 'content/news/vi/a.mdx'],
      ['content/news/vi/a.mdx ', 'content/news/vi/a.mdx'],
      ['public/media/a%2epng', 'public/media/a.png'],
      ['public/media/', 'public/media'],
      ['\uFF43ontent/news/vi/a.mdx', 'content/news/vi/a.mdx'],
    ];
    for (const [raw, plain] of cases) {
      expect(inspectRepoPath(raw).problem, raw).toEqual({ kind: 'not-plain', plain });
    }
  });

  it('refuses names outside plain ASCII, and Windows device names', () => {
    const cases: [string, string][] = [
      ['public/media/ảnh hội nghị.jpg', 'ảnh hội nghị.jpg'],
      ['public/media/a b.jpg', 'a b.jpg'],
      ['public/media/-rf.png', '-rf.png'],
      ['public/media/a:b.png', 'a:b.png'],
      ['public/media/a.png::$DATA', 'a.png::$DATA'],
      ['public/media/GIT~1', 'GIT~1'],
      ['public/media/a\u202Egnp.exe', 'a\u202Egnp.exe'],
      ['public/media/a\u200B.png', 'a\u200B.png'],
    ];
    for (const [raw, name] of cases) {
      expect(inspectRepoPath(raw).problem, raw).toEqual({ kind: 'characters', name });
    }
    for (const raw of ['public/media/nul.png', 'public/media/CON.pdf', 'public/media/Com1.jpg', 'public/media/lpt9', 'aux/x.png']) {
      expect(kind(raw), raw).toBe('device');
    }
    expect(kind('public/media/console.png')).toBeUndefined();
  });
});

describe('shownValue', () => {
  it('makes control and invisible characters visible and cuts long values', () => {
    expect(shownValue('a\u0000b\u202Ec')).toBe('a\\u{0000}b\\u{202E}c');
    expect(shownValue('x'.repeat(200))).toHaveLength(118);
  });
});
