/**
 * Characters that never belong in content text: invisible controls and the
 * characters that reorder text on screen. They are refused in every field,
 * every body and every settings file, wherever they come from (typed, pasted,
 * or written as an escape such as `"\x01"` in YAML or `&#x202E;` in Markdown).
 *
 * Refused:
 * - characters XML 1.0 does not allow (C0 controls other than tab, line feed
 *   and carriage return; lone surrogates; U+FFFE, U+FFFF): one of them makes
 *   the RSS feed invalid, so no feed reader shows the portal's news;
 * - a carriage return that does not end a line (CRLF line endings, as Windows
 *   editors write them, are accepted);
 * - DEL and the C1 controls (U+0080–U+009F): invisible, never typed on purpose;
 * - bidirectional formatting characters: the embeddings and overrides
 *   (U+202A–U+202E), the isolates (U+2066–U+2069), and the marks (U+200E LRM,
 *   U+200F RLM, U+061C ALM). Overrides and isolates reorder what the reader
 *   sees (a hotline number shown as 1900 9068 can be 1900 8609 when copied or
 *   dialled from a link); the marks are refused too because in the portal's
 *   two left-to-right languages they have no use, and two of them are enough
 *   to swap digit groups in a number. Right-to-left letters themselves
 *   (Arabic, Hebrew) are not refused: they show as written.
 */
import type { Bilingual } from '../schema/fields.ts';

export interface ForbiddenCharacter {
  /** Offset in the text, in UTF-16 code units. */
  index: number;
  /** 1-based line and column (in code units) within the text. */
  line: number;
  column: number;
  /** The code unit (a lone surrogate) or code point found. */
  codePoint: number;
}

type Kind = 'control' | 'bidi' | 'noncharacter';

const BIDI: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

const C0 = [
  'NULL', 'START OF HEADING', 'START OF TEXT', 'END OF TEXT', 'END OF TRANSMISSION', 'ENQUIRY', 'ACKNOWLEDGE', 'BELL',
  'BACKSPACE', 'CHARACTER TABULATION', 'LINE FEED', 'LINE TABULATION', 'FORM FEED', 'CARRIAGE RETURN', 'SHIFT OUT', 'SHIFT IN',
  'DATA LINK ESCAPE', 'DEVICE CONTROL ONE', 'DEVICE CONTROL TWO', 'DEVICE CONTROL THREE', 'DEVICE CONTROL FOUR', 'NEGATIVE ACKNOWLEDGE', 'SYNCHRONOUS IDLE', 'END OF TRANSMISSION BLOCK',
  'CANCEL', 'END OF MEDIUM', 'SUBSTITUTE', 'ESCAPE', 'INFORMATION SEPARATOR FOUR', 'INFORMATION SEPARATOR THREE', 'INFORMATION SEPARATOR TWO', 'INFORMATION SEPARATOR ONE',
];

/** What kind of forbidden character `text[i]` is, or undefined for an allowed one. */
function kindAt(text: string, i: number): Kind | undefined {
  const c = text.charCodeAt(i);
  if (c < 0x20) {
    if (c === 0x09 || c === 0x0a) return undefined;
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) return undefined;
    return 'control';
  }
  if (c < 0x7f) return undefined;
  if (c <= 0x9f) return 'control';
  if (c in BIDI) return 'bidi';
  if (c === 0xfffe || c === 0xffff) return 'noncharacter';
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? undefined : 'noncharacter';
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const previous = text.charCodeAt(i - 1);
    return previous >= 0xd800 && previous <= 0xdbff ? undefined : 'noncharacter';
  }
  return undefined;
}

const QUICK = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/;

/** True when `text` holds a character refused in content. */
export function hasForbiddenCharacter(text: string): boolean {
  if (!QUICK.test(text)) return false;
  for (let i = 0; i < text.length; i++) if (kindAt(text, i)) return true;
  return false;
}

/** Every refused character in `text`, with its line and column. */
export function findForbiddenCharacters(text: string): ForbiddenCharacter[] {
  if (!QUICK.test(text)) return [];
  const found: ForbiddenCharacter[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (kindAt(text, i)) found.push({ index: i, line, column: i - lineStart + 1, codePoint: text.charCodeAt(i) });
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return found;
}

/** The code point as Unicode writes it, with its name: “U+202E (RIGHT-TO-LEFT OVERRIDE)”. */
export function characterName(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    codePoint < 0x20 ? C0[codePoint]
    : codePoint === 0x7f ? 'DELETE'
    : codePoint <= 0x9f ? 'C1 CONTROL'
    : BIDI[codePoint] ?? (codePoint >= 0xd800 && codePoint <= 0xdfff ? 'LONE SURROGATE' : 'NONCHARACTER');
  return `${hex} (${name})`;
}

/** Where the character was found, in both languages: “trong trường “title”” / “in the field “title””. */
export interface Where {
  vi: string;
  en: string;
}

export const inTheText: Where = { vi: 'trong nội dung', en: 'in the text' };
export const inTheFile: Where = { vi: 'trong tệp', en: 'in the file' };
export const inTheFileName: Where = { vi: 'trong tên tệp', en: 'in the file name' };
export const inField = (field: string): Where => ({ vi: `trong trường “${field}”`, en: `in the field “${field}”` });

/**
 * The message for one refused character. `escaped`: it was written as an
 * escape (`\u202E`, `&#x202E;`), so the editor cannot see it as a character.
 */
export function forbiddenCharacterMessage(codePoint: number, where: Where, escaped = false): Bilingual {
  const name = characterName(codePoint);
  const written = escaped ? { vi: ', viết dưới dạng mã thoát (\\x…, \\u… hoặc &#…;)', en: ', written as an escape (\\x…, \\u… or &#…;)' } : { vi: '', en: '' };
  if (codePoint in BIDI) {
    return {
      vi:
        `Ký tự điều khiển hướng chữ ${name} ${where.vi}${written.vi} không được phép, vì lý do bảo mật: nó đảo thứ tự hiển thị chữ và số, ` +
        'nên người đọc có thể thấy một số điện thoại hay một địa chỉ khác với số, địa chỉ thật. Xoá ký tự vô hình này (thường lọt vào khi sao chép; gõ lại đoạn chữ nếu không thấy nó).',
      en:
        `The text-direction control ${name} ${where.en}${written.en} is not allowed, for security: it reorders how letters and digits are shown, ` +
        'so readers can see a telephone number or an address other than the real one. Delete this invisible character (it usually comes with copied text; retype the passage if you cannot see it).',
    };
  }
  if (codePoint === 0x0d) {
    return {
      vi: `Ký tự về đầu dòng ${name} đứng một mình ${where.vi}${written.vi}: chỉ được dùng xuống dòng bình thường (LF hoặc CRLF). Lưu lại tệp với kiểu xuống dòng LF hoặc CRLF, hoặc gõ lại dòng này.`,
      en: `A lone ${name} ${where.en}${written.en}: only ordinary line endings (LF or CRLF) are allowed. Save the file with LF or CRLF line endings, or retype this line.`,
    };
  }
  if (codePoint >= 0xd800) {
    return {
      vi: `${name} ${where.vi}${written.vi} không phải một ký tự văn bản: nó làm hỏng bản tin RSS (XML) và tệp tải về. Xoá nó, hoặc gõ lại đoạn chữ này.`,
      en: `${name} ${where.en}${written.en} is not a text character: it breaks the RSS feed (XML) and downloads. Delete it, or retype the passage.`,
    };
  }
  return {
    vi:
      `Ký tự điều khiển vô hình ${name} ${where.vi}${written.vi} không được phép: nó không hiện ra với người đọc, làm hỏng bản tin RSS ` +
      'và có thể che giấu nội dung. Xoá ký tự này (thường lọt vào khi sao chép từ Word hoặc PDF; gõ lại đoạn chữ nếu không thấy nó).',
    en:
      `The invisible control character ${name} ${where.en}${written.en} is not allowed: readers cannot see it, it breaks the RSS feed ` +
      'and it can hide content. Delete it (it usually comes with text copied from Word or PDF; retype the passage if you cannot see it).',
  };
}
