/**
 * Which addresses content may hold, as an allowlist: a path on the portal,
 * `https:`, `http:` only to hosts content/site.yml lists, `mailto:` and `tel:`
 * for links; images only from the portal (or hosts site.yml lists). Every
 * other scheme is refused — javascript:, vbscript: and data: with their own
 * reason (they run code), and the rest (ms-msdt:, search-ms:, file:, intent:,
 * jar:, …) because they open programs or files on readers' computers.
 * Addresses are read as a browser reads them: case-insensitively, with
 * invisible characters and character references decoded.
 */
import type { SiteSettings } from '../schema/settings.ts';

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

/** What the site allows besides portal paths and https links: from content/site.yml. */
export interface UrlPolicy {
  /** The portal's own hosts (`url`, `url_en`): images may come from them. */
  siteHosts: readonly string[];
  /** Hosts that may be reached with plain `http:` (`allowed_http_hosts`). */
  httpHosts: readonly string[];
  /** Other hosts images may come from (`allowed_image_hosts`). */
  imageHosts: readonly string[];
}

/** No exceptions at all: what applies when no settings are known. */
export const STRICT_URL_POLICY: UrlPolicy = { siteHosts: [], httpHosts: [], imageHosts: [] };

function hostOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [new URL(url).hostname];
  } catch {
    return [];
  }
}

/** The policy content/site.yml sets. */
export function urlPolicyOf(site: Pick<SiteSettings, 'url' | 'url_en' | 'allowed_http_hosts' | 'allowed_image_hosts'>): UrlPolicy {
  const hosts = (list: readonly string[] | undefined) => (list ?? []).map((h) => h.toLowerCase());
  return {
    siteHosts: [...hostOf(site.url), ...hostOf(site.url_en)],
    httpHosts: hosts(site.allowed_http_hosts),
    imageHosts: hosts(site.allowed_image_hosts),
  };
}

/** Whether an address is followed (a link) or loaded into the page (an image). */
export type UrlUse = 'link' | 'image';

const LINK_SCHEMES = new Set(['mailto', 'tel']);

function shortened(url: string): string {
  const flat = url.replace(IGNORED, '');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/**
 * Why `url`, used as `use` at `place`, is refused under `policy`; undefined
 * when it is allowed. The one check for every address content holds: body
 * links, images, link definitions, component attributes, frontmatter fields.
 */
export function urlRefusal(url: string, use: UrlUse, policy: UrlPolicy, place: Place): { vi: string; en: string } | undefined {
  const squeezed = decodeReferences(url.replace(IGNORED, '')).replace(IGNORED, '');
  const lower = squeezed.toLowerCase();
  if (/^[/\\]{2}/.test(squeezed)) {
    const host = squeezed.slice(2).split(/[/\\?#]/)[0] || 'ten-mien.vn';
    return {
      vi: `Địa chỉ “${shortened(url)}” ${place.vi} không ghi giao thức: viết đầy đủ, ví dụ https://${host}/…, hoặc dùng đường dẫn trong cổng bắt đầu bằng một dấu /.`,
      en: `The address “${shortened(url)}” ${place.en} has no scheme: write it out, for example https://${host}/…, or use a path on the portal starting with a single /.`,
    };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(lower)?.[1];
  if (scheme === undefined) return undefined;
  if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data') return unsafeUrlMessage(scheme, place);
  if (use === 'link' && LINK_SCHEMES.has(scheme)) return undefined;
  if (scheme !== 'https' && scheme !== 'http') {
    return use === 'image'
      ? {
          vi:
            `Địa chỉ “${scheme}:” ${place.vi} không được phép: ảnh chỉ được lấy từ thư mục /media/ của cổng (hoặc từ máy chủ https:// có trong allowed_image_hosts của content/site.yml). ` +
            'Tải ảnh lên từ trình biên tập và dùng đường dẫn /media/….',
          en:
            `The “${scheme}:” address ${place.en} is not allowed: images come only from the portal’s /media/ folder (or from an https:// host listed in allowed_image_hosts in content/site.yml). ` +
            'Upload the image in the CMS and use its /media/… path.',
        }
      : {
          vi:
            `Địa chỉ “${scheme}:” ${place.vi} không được phép: chỉ dùng được đường dẫn trong cổng (ví dụ /van-ban/…), địa chỉ https://, mailto: và tel:. ` +
            'Các loại địa chỉ khác (như ms-msdt:, search-ms:, file:) có thể mở chương trình hay tệp trên máy của người đọc. Dùng địa chỉ https:// của trang cần dẫn tới.',
          en:
            `The “${scheme}:” address ${place.en} is not allowed: only paths on the portal (for example /van-ban/…), https:// addresses, mailto: and tel: may be used. ` +
            'Other kinds of address (such as ms-msdt:, search-ms:, file:) can open programs or files on readers’ computers. Use the https:// address of the page you mean.',
        };
  }
  let parsed: URL;
  try {
    parsed = new URL(squeezed);
  } catch {
    return {
      vi: `Địa chỉ “${shortened(url)}” ${place.vi} không phải địa chỉ web hợp lệ. Kiểm tra lại, ví dụ https://dichvucong.gov.vn/.`,
      en: `The address “${shortened(url)}” ${place.en} is not a valid web address. Check it, for example https://dichvucong.gov.vn/.`,
    };
  }
  const host = parsed.hostname;
  if (parsed.username !== '' || parsed.password !== '') {
    return {
      vi: `Địa chỉ “${shortened(url)}” ${place.vi} có tên người dùng trước dấu @, một cách thường dùng để giả mạo tên miền (trang thật là “${host}”). Xoá phần trước dấu @.`,
      en: `The address “${shortened(url)}” ${place.en} has a user name before an @, a common way to disguise the host (the real site is “${host}”). Delete the part before the @.`,
    };
  }
  if (use === 'image' && !policy.siteHosts.includes(host) && !policy.imageHosts.includes(host)) {
    return {
      vi:
        `Địa chỉ “${scheme}://${host}/…” ${place.vi} lấy ảnh từ máy chủ khác (“${host}”): mỗi lần trang được mở, máy chủ đó biết ai đang đọc gì, và có thể đổi ảnh mà cổng không hay. ` +
        `Tải ảnh lên thư mục /media/ của cổng và dùng đường dẫn /media/…; hoặc người phụ trách kỹ thuật thêm “${host}” vào allowed_image_hosts trong content/site.yml.`,
      en:
        `The address “${scheme}://${host}/…” ${place.en} loads an image from another host (“${host}”): every time the page is opened, that host learns who reads what, and it can change the image without the portal knowing. ` +
        `Upload the image to the portal’s /media/ folder and use its /media/… path; or a technical owner adds “${host}” to allowed_image_hosts in content/site.yml.`,
    };
  }
  if (scheme === 'http' && !policy.httpHosts.includes(host)) {
    return {
      vi:
        `Địa chỉ “http://${host}…” ${place.vi} không được mã hoá (http, không phải https): trên đường truyền, người khác có thể đọc hoặc tráo nội dung. ` +
        `Dùng https://${host}/…; nếu trang đó chỉ có http, người phụ trách kỹ thuật thêm “${host}” vào allowed_http_hosts trong content/site.yml.`,
      en:
        `The address “http://${host}…” ${place.en} is not encrypted (http, not https): on the way, others can read or swap what readers get. ` +
        `Use https://${host}/…; if that site has only http, a technical owner adds “${host}” to allowed_http_hosts in content/site.yml.`,
    };
  }
  return undefined;
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
