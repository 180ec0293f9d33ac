/**
 * What a URL written in content is: a scheme that must never reach a reader
 * (javascript:, vbscript:, data:), a path on the portal, or anything else.
 */

/** Characters a browser ignores or strips inside a URL: whitespace, controls, invisible formatting. */
const IGNORED = /[\u0000-\u0020\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u3000\uFEFF]/g;

/** Decodes character references that survived the parser (`&amp;#115;` in the source arrives as `&#115;`). */
function decodeReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(Number.parseInt(dec, 10), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&(tab|newline);/gi, '');
}

/**
 * The dangerous scheme of `url` (`javascript`, `vbscript` or `data`), seen as
 * a browser would: case-insensitively, with whitespace, control characters and
 * character references anywhere in it ignored. `undefined` when it has none.
 */
export function unsafeScheme(url: string): string | undefined {
  const squeezed = decodeReferences(url.replace(IGNORED, '')).replace(IGNORED, '').toLowerCase();
  return /^(javascript|vbscript|data):/.exec(squeezed)?.[1];
}

/** Where an unsafe address was found, in both languages: “trong liên kết” / “in a link”. */
export interface Place {
  vi: string;
  en: string;
}

/** The message for an unsafe address found at `place`. */
export function unsafeUrlMessage(scheme: string, place: Place): { vi: string; en: string } {
  return {
    vi:
      `Địa chỉ “${scheme}:” ${place.vi} không được phép, vì lý do bảo mật: địa chỉ javascript:, vbscript: và data: có thể chạy mã ` +
      'hoặc giả mạo nội dung trong trình duyệt của người đọc (kể cả khi viết hoa hay chèn ký tự ẩn). ' +
      'Dùng địa chỉ https:// hoặc đường dẫn trong cổng, ví dụ /van-ban/….',
    en:
      `A “${scheme}:” address ${place.en} is not allowed, for security: javascript:, vbscript: and data: addresses can run code ` +
      'or forge content in readers’ browsers (also when written in capitals or with hidden characters). ' +
      'Use an https:// address or a path on the portal, for example /van-ban/….',
  };
}

/**
 * The path of a link to the portal itself — a URL starting with one “/” —
 * without its ?query and #fragment, percent-decoded: “/van-ban/x/?a=1#dieu-2”
 * → “/van-ban/x/”. `undefined` for any other URL (https://…, //host/…, #…, mailto:…).
 */
export function internalPath(url: string): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return undefined;
  const path = url.replace(/[?#].*$/s, '');
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
