/**
 * What may stand in content/ and public/: regular files with printable names.
 * A symbolic link is refused (the build would copy whatever it points to on
 * the build machine — a key, a password file — into the public site), and so
 * is anything that is no regular file (a pipe would stall the check). The
 * readers in src/content-loader/read-content.ts never follow a link; these are their
 * messages.
 */
import type { ContentIssue } from './issues.ts';
import { findForbiddenCharacters, forbiddenCharacterMessage, inTheFileName } from './text-characters.ts';

/** `path` with refused characters shown as \u{…}, so printing it cannot reorder or rewrite the terminal. */
export function printablePath(path: string): string {
  let out = '';
  let last = 0;
  for (const c of findForbiddenCharacters(path)) {
    out += `${path.slice(last, c.index)}\\u{${c.codePoint.toString(16).toUpperCase()}}`;
    last = c.index + 1;
  }
  return out + path.slice(last);
}

const at = (path: string) => ({ file: printablePath(path), line: 1, column: 1, field: undefined });

export function symlinkIssue(path: string): ContentIssue {
  return {
    ...at(path),
    vi:
      'Đây là một liên kết tượng trưng (symlink), không phải tệp: không được phép trong content/ và public/, vì khi dựng trang, tệp mà nó trỏ tới trên máy dựng ' +
      '(có thể là khoá bí mật hay mật khẩu) sẽ bị chép vào trang công khai. Thay liên kết bằng chính tệp đó, hoặc xoá nó (git rm).',
    en:
      'This is a symbolic link (symlink), not a file: it is not allowed in content/ or public/, because the build would copy whatever it points to on the build machine ' +
      '(possibly a key or a password) into the public site. Replace the link with the file itself, or delete it (git rm).',
  };
}

export function notAFileIssue(path: string): ContentIssue {
  return {
    ...at(path),
    vi: 'Đây không phải tệp thường (có thể là ống dẫn, socket hay thiết bị): chỉ tệp và thư mục được đặt trong content/ và public/. Xoá nó.',
    en: 'This is no regular file (perhaps a pipe, a socket or a device): only files and folders belong in content/ and public/. Delete it.',
  };
}

/** A file name holding control or text-direction characters (`hoa-don‮fdp.exe` shows as `hoa-donexe.pdf`). */
export function fileNameIssues(path: string): ContentIssue[] {
  const first = findForbiddenCharacters(path)[0];
  return first ? [{ ...at(path), ...forbiddenCharacterMessage(first.codePoint, inTheFileName) }] : [];
}
