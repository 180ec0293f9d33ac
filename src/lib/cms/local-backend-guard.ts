/**
 * The gate in front of Decap's local backend (decap-server, git mode), which
 * `npm start` serves at /api/v1 on the editor's computer. decap-server
 * writes any path inside the sandbox repository — `.git/config` included,
 * and a `core.fsmonitor` there runs a command at the next commit — and its
 * CORS middleware lets any page on localhost read the answers. So nothing
 * reaches it unless:
 *
 * 1. the request comes from the CMS page itself (`checkRequestHead`): Host is
 *    exactly `localhost:<port>` or `127.0.0.1:<port>` (DNS rebinding sends
 *    another name), Origin — when sent — is that same origin, Sec-Fetch-Site —
 *    when sent — is `same-origin`, the method is POST (a preflight is never
 *    answered) and the body is JSON (the only kind another site cannot send
 *    without a preflight);
 * 2. the body is not larger than the uploads allow (uploads.ts; the shell
 *    refuses it while reading);
 * 3. the call is one the portal's CMS makes (`checkBackendCall`): an allowed
 *    action with exactly its parameters, the sandbox's branch, collections and
 *    slugs of the configuration, every path plain (repo-path.ts) and inside the
 *    content and media folders of the configuration (cms-area.ts), uploads of
 *    allowed kinds whose bytes match (uploads.ts), saves through the editorial
 *    workflow only.
 *
 * Every refusal says, in Vietnamese and English, what was refused and why;
 * Decap shows the `error` string of the answer to the editor.
 */
import { SLUG_PATTERN, type Bilingual } from '../schema/fields.ts';
import { describeEntryPlaces, describeMediaFolders, placeOf, type CmsArea, type Place } from './cms-area.ts';
import { inspectRepoPath, MAX_PATH_LENGTH, shownValue, type PathProblem } from './repo-path.ts';
import { checkUploadBytes, checkUploadFolder, checkUploadName, MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES, megabytes } from './uploads.ts';

/** Where the CMS page looks for its local backend (src/admin/cms.ts). */
export const LOCAL_BACKEND_PATH = '/api/v1';

export interface Refusal extends Bilingual {
  status: 400 | 403 | 404 | 405 | 413 | 422;
}

function refusal(status: Refusal['status'], vi: string, en: string): Refusal {
  return {
    status,
    vi: `Máy chủ biên tập cục bộ đã từ chối yêu cầu: ${vi}`,
    en: `The local CMS server refused the request: ${en}`,
  };
}

/** The answer's body: Decap's proxy client shows `error`; `vi` and `en` for anything else that reads it. */
export function refusalBody(r: Refusal): { error: string; vi: string; en: string } {
  return { error: `${r.vi} / ${r.en}`, vi: r.vi, en: r.en };
}

// ---------------------------------------------------------------- 1. who is asking

export interface RequestHead {
  method: string;
  /** Header names in lower case, as Node gives them. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

const notYou: Bilingual = {
  vi: 'Nếu không phải bạn vừa làm việc này, một trang web khác đã tìm cách ghi vào máy tính của bạn qua hệ thống biên tập: hãy đóng trang đó.',
  en: 'If this was not you, another web page tried to write to your computer through the CMS: close that page.',
};

function isJsonType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [type, ...parameters] = value.split(';').map((part) => part.trim().toLowerCase());
  return type === 'application/json' && parameters.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/** Whether the request comes from the CMS page served by this server on `port`; `undefined` when it does. */
export function checkRequestHead(req: RequestHead, port: number): Refusal | undefined {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' || value === undefined ? value : value.join(', ');
  };
  const own = [`localhost:${port}`, `127.0.0.1:${port}`];
  const admin = `http://localhost:${port}/admin/`;
  const host = header('host');
  if (host === undefined || !own.includes(host)) {
    const shown = host === undefined ? '' : shownValue(host);
    return refusal(
      403,
      `yêu cầu gửi tới tên máy “${shown}”, nhưng máy chủ chỉ nhận yêu cầu gửi tới ${own.join(' hoặc ')} (để chặn tấn công đổi địa chỉ tên miền — DNS rebinding). Hãy mở hệ thống biên tập tại ${admin}. ${notYou.vi}`,
      `it was addressed to the host “${shown}”, but the server only accepts requests addressed to ${own.join(' or ')} (this stops DNS rebinding). Open the CMS at ${admin}. ${notYou.en}`,
    );
  }
  const self = `http://${host}`;
  const origin = header('origin');
  if (origin !== undefined && origin !== self) {
    return refusal(
      403,
      `yêu cầu đến từ trang “${shownValue(origin)}”; chỉ chính trang biên tập (${self}) mới được gửi yêu cầu tới máy chủ này. ${notYou.vi}`,
      `it came from the page “${shownValue(origin)}”; only the CMS page itself (${self}) may send requests to this server. ${notYou.en}`,
    );
  }
  const site = header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') {
    return refusal(
      403,
      `trình duyệt cho biết yêu cầu được gửi từ một trang khác (Sec-Fetch-Site: ${shownValue(site)}); chỉ chính trang biên tập (${self}) mới được gửi yêu cầu tới máy chủ này. ${notYou.vi}`,
      `the browser says it was sent by another site (Sec-Fetch-Site: ${shownValue(site)}); only the CMS page itself (${self}) may send requests to this server. ${notYou.en}`,
    );
  }
  if (req.method === 'OPTIONS') {
    return refusal(
      403,
      `máy chủ không trả lời yêu cầu kiểm tra trước (OPTIONS) của trình duyệt, vì trang biên tập không bao giờ cần đến nó: không trang nào khác được gọi máy chủ biên tập. ${notYou.vi}`,
      `the server does not answer a browser's preflight (OPTIONS): the CMS page never needs one, and no other page may call the CMS server. ${notYou.en}`,
    );
  }
  if (req.method !== 'POST') {
    return refusal(
      405,
      `${LOCAL_BACKEND_PATH} chỉ nhận yêu cầu POST của trang biên tập (nhận được ${shownValue(req.method)}).`,
      `${LOCAL_BACKEND_PATH} only takes the CMS page's POST requests (got ${shownValue(req.method)}).`,
    );
  }
  const type = header('content-type');
  if (!isJsonType(type)) {
    const shown = type === undefined ? '' : shownValue(type);
    return refusal(
      403,
      `nội dung có kiểu “${shown}”; máy chủ chỉ nhận application/json như trang biên tập gửi (biểu mẫu hay văn bản thuần là cách một trang khác gửi yêu cầu mà không cần hỏi trước). ${notYou.vi}`,
      `its body is of type “${shown}”; the server only takes application/json, as the CMS page sends (a form or plain text is how another site sends a request without a preflight). ${notYou.en}`,
    );
  }
  return undefined;
}

// ---------------------------------------------------------------- 2. how large

/** The request body is larger than `MAX_REQUEST_BYTES` (`size`: its length when it was announced). */
export function tooLargeRefusal(size: number | undefined): Refusal {
  const limit = megabytes(MAX_REQUEST_BYTES);
  const uploads = megabytes(MAX_UPLOAD_BYTES);
  // Just over the limit, both would read the same in MB: then only “over the limit” is said.
  const weighs = size === undefined || megabytes(size).en === limit.en ? undefined : megabytes(size);
  return refusal(
    413,
    `${weighs ? `yêu cầu nặng ${weighs.vi}, quá` : 'yêu cầu vượt quá'} giới hạn ${limit.vi}: các tệp tải lên của một mục cộng lại được tối đa ${uploads.vi} (khi gửi, tệp được mã hoá base64 nên nặng thêm một phần ba). Hãy giảm kích thước tệp (nén PDF, thu nhỏ ảnh) rồi lưu lại.`,
    `${weighs ? `the request weighs ${weighs.en}, more than` : 'the request is larger than'} the limit of ${limit.en}: the files uploaded with one entry may weigh at most ${uploads.en} together (they travel base64-encoded, one third larger). Make the files smaller (compress PDFs, scale images down) and save again.`,
  );
}

/** The body could not be read as JSON. */
export function unreadableBodyRefusal(): Refusal {
  return refusal(
    400,
    'không đọc được nội dung yêu cầu dưới dạng JSON (một đối tượng JSON, mã UTF-8, không nén).',
    'its body could not be read as JSON (a JSON object, UTF-8, uncompressed).',
  );
}

// ---------------------------------------------------------------- 3. what is asked

export interface LocalBackendPolicy {
  area: CmsArea;
  /** The sandbox's published branch, which decap-server works from. */
  branch: string;
}

/** The call is allowed; `paths` are the repository paths it touches, for the file-system checks of the shell. */
export type CallVerdict = { paths: string[] } | { refusal: Refusal };

interface Call {
  action: string;
  policy: LocalBackendPolicy;
  /** Every path accepted so far, with where it lies. */
  places: { at: string; path: string; place: Place }[];
}

type Check = (value: unknown, at: string, call: Call) => Refusal | undefined;

interface Param {
  check: Check;
  optional?: true;
  /** What the parameter is, for "missing" messages. */
  kind: Bilingual;
}
type Params = Readonly<Record<string, Param>>;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function found(value: unknown): Bilingual {
  if (value === null) return { vi: 'null', en: 'null' };
  if (Array.isArray(value)) return { vi: 'một danh sách', en: 'a list' };
  if (typeof value === 'object') return { vi: 'một đối tượng', en: 'an object' };
  if (typeof value === 'string') return { vi: `chuỗi “${shownValue(value)}”`, en: `the string “${shownValue(value)}”` };
  return { vi: String(value), en: String(value) };
}

function wrongType(at: string, kind: Bilingual, value: unknown): Refusal {
  const got = found(value);
  return refusal(422, `tham số “${at}” phải là ${kind.vi}, nhưng nhận được ${got.vi}.`, `the parameter “${at}” must be ${kind.en}, but got ${got.en}.`);
}

/** “params” + “asset” → “params.asset”; the body itself has no name. */
function child(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`;
}

function objectOf(params: Params): Check {
  return (value, at, call) => {
    if (!isObject(value)) return wrongType(at, { vi: 'một đối tượng', en: 'an object' }, value);
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(params, key)) {
        return refusal(
          403,
          `tham số “${child(at, shownValue(key))}” không được phép với hành động “${call.action}”.`,
          `the parameter “${child(at, shownValue(key))}” is not allowed with the action “${call.action}”.`,
        );
      }
    }
    for (const [key, param] of Object.entries(params)) {
      const item = value[key];
      if (item === undefined) {
        if (param.optional) continue;
        return refusal(
          422,
          `thiếu tham số “${child(at, key)}” (${param.kind.vi}) cho hành động “${call.action}”.`,
          `the action “${call.action}” needs the parameter “${child(at, key)}” (${param.kind.en}).`,
        );
      }
      const refused = param.check(item, child(at, key), call);
      if (refused) return refused;
    }
    return undefined;
  };
}

function listOf(item: Check, kind: Bilingual, min: number, max: number): Check {
  return (value, at, call) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return wrongType(at, kind, value);
    for (const [i, element] of value.entries()) {
      const refused = item(element, `${at}[${i}]`, call);
      if (refused) return refused;
    }
    return undefined;
  };
}

const textKind: Bilingual = { vi: 'một chuỗi', en: 'a string' };
const booleanKind: Bilingual = { vi: 'true hoặc false', en: 'true or false' };

/** A string without control characters other than line breaks, of at most `max` characters. */
function text(max: number): Check {
  return (value, at) => {
    if (typeof value !== 'string' || value.length > max) return wrongType(at, { vi: `một chuỗi tối đa ${max} ký tự`, en: `a string of at most ${max} characters` }, value);
    if (/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/.test(value)) {
      return refusal(403, `“${at}” = “${shownValue(value)}” chứa ký tự điều khiển.`, `“${at}” = “${shownValue(value)}” contains a control character.`);
    }
    return undefined;
  };
}

/** Any string (an entry's text: the content check judges it). */
const anyString: Check = (value, at) => (typeof value === 'string' ? undefined : wrongType(at, textKind, value));

const boolean: Check = (value, at) => (typeof value === 'boolean' ? undefined : wrongType(at, booleanKind, value));

const branch: Check = (value, at, call) => {
  if (typeof value !== 'string') return wrongType(at, textKind, value);
  if (value === call.policy.branch) return undefined;
  const wanted = call.policy.branch;
  return refusal(
    403,
    `“${at}” = “${shownValue(value)}”: máy chủ biên tập cục bộ chỉ làm việc với nhánh “${wanted}” của kho biên tập thử; bản nháp là các nhánh cms/… do chính nó tạo.`,
    `“${at}” = “${shownValue(value)}”: the local CMS server only works with the branch “${wanted}” of the editorial sandbox; drafts are the cms/… branches it makes itself.`,
  );
};

function collectionNames(area: CmsArea): string[] {
  return [...new Set([...area.folderCollections.map((c) => c.name), ...area.files.map((f) => f.collection)])];
}

const collection: Check = (value, at, call) => {
  if (typeof value !== 'string') return wrongType(at, textKind, value);
  const names = collectionNames(call.policy.area);
  if (names.includes(value)) return undefined;
  return refusal(
    403,
    `không có bộ sưu tập “${shownValue(value)}” (${at}) trong cấu hình hệ thống biên tập; chỉ có: ${names.join(', ')}.`,
    `there is no collection “${shownValue(value)}” (${at}) in the CMS configuration; there are: ${names.join(', ')}.`,
  );
};

const statuses = ['draft', 'pending_review', 'pending_publish'];
const status: Check = (value, at) => {
  if (typeof value !== 'string') return wrongType(at, textKind, value);
  if (statuses.includes(value)) return undefined;
  return refusal(
    403,
    `trạng thái “${shownValue(value)}” (${at}) không có trong quy trình biên tập; chỉ có: ${statuses.join(', ')}.`,
    `the status “${shownValue(value)}” (${at}) is not one of the editorial workflow's: ${statuses.join(', ')}.`,
  );
};

/** Saves go through the editorial workflow when the configuration says so: never straight to the published branch. */
const workflowFlag: Check = (value, at, call) => {
  if (typeof value !== 'boolean') return wrongType(at, booleanKind, value);
  if (value === call.policy.area.workflow) return undefined;
  return refusal(
    403,
    `lưu thẳng vào nhánh “${call.policy.branch}” (${at} = ${value}) không được phép: mọi thay đổi đi qua quy trình biên tập (bản nháp → đang xét duyệt → sẵn sàng → công bố).`,
    `saving straight to the branch “${call.policy.branch}” (${at} = ${value}) is not allowed: every change goes through the editorial workflow (draft → in review → ready → publish).`,
  );
};

/** What a path parameter must name; `entry-file-or-probe`: also where Decap looks whether a slug is taken. */
type PathTarget = 'entry-or-file' | 'entry-file-or-probe' | 'file' | 'media' | 'content-folder' | 'media-folder';

function targetDescription(target: PathTarget, area: CmsArea): Bilingual {
  switch (target) {
    case 'entry-or-file':
    case 'entry-file-or-probe':
      return { vi: describeEntryPlaces(area, 'tên-tệp'), en: describeEntryPlaces(area, 'slug') };
    case 'file': {
      const files = area.files.map((f) => f.file).join(', ');
      return { vi: files, en: files };
    }
    case 'media': {
      const folders = describeMediaFolders(area);
      return { vi: `một tệp nằm ngay trong ${folders}`, en: `a file directly inside ${folders}` };
    }
    case 'content-folder': {
      const folders = area.folderCollections.map((c) => c.folder).join(', ');
      return { vi: folders, en: folders };
    }
    case 'media-folder': {
      const folders = area.mediaFolders.join(', ');
      return { vi: folders, en: folders };
    }
  }
}

function example(target: PathTarget, area: CmsArea): string {
  const first = area.folderCollections[0];
  if ((target === 'entry-or-file' || target === 'entry-file-or-probe' || target === 'content-folder') && first) {
    return target === 'content-folder' ? first.folder : `${first.folder}/${first.locales ? `${first.locales[0]}/` : ''}ten-bai.${first.extension}`;
  }
  if (target === 'file' && area.files[0]) return area.files[0].file;
  return target === 'media-folder' ? area.uploadFolder : `${area.uploadFolder}/anh-hoi-nghi.jpg`;
}

function pathProblemRefusal(problem: PathProblem, at: string, value: string, target: PathTarget, area: CmsArea): Refusal {
  const shown = shownValue(value);
  const like = example(target, area);
  switch (problem.kind) {
    case 'empty':
      return refusal(403, `“${at}” rỗng; cần một đường dẫn như ${like}.`, `“${at}” is empty; a path such as ${like} is needed.`);
    case 'too-long':
      return refusal(403, `“${at}” dài hơn ${MAX_PATH_LENGTH} ký tự.`, `“${at}” is longer than ${MAX_PATH_LENGTH} characters.`);
    case 'control':
      return refusal(
        403,
        `“${at}” = “${shown}” chứa ký tự điều khiển (như NUL hay xuống dòng), không bao giờ có trong đường dẫn mà hệ thống biên tập dùng.`,
        `“${at}” = “${shown}” contains a control character (such as NUL or a line break), which never appears in a path the CMS uses.`,
      );
    case 'absolute':
      return refusal(
        403,
        `“${at}” = “${shown}” là đường dẫn tuyệt đối (bắt đầu bằng / hoặc tên ổ đĩa như C:); hệ thống biên tập chỉ dùng đường dẫn bên trong kho biên tập thử, như ${like}.`,
        `“${at}” = “${shown}” is an absolute path (starting with / or a drive such as C:); the CMS only uses paths inside the editorial sandbox, such as ${like}.`,
      );
    case 'outside':
      return refusal(
        403,
        `“${at}” = “${shown}” dùng “..” để đi ra ngoài kho biên tập thử; hệ thống biên tập chỉ dùng đường dẫn như ${like}.`,
        `“${at}” = “${shown}” uses “..” to leave the editorial sandbox; the CMS only uses paths such as ${like}.`,
      );
    case 'hidden':
      return refusal(
        403,
        `“${at}” = “${shown}” trỏ vào tệp hoặc thư mục ẩn “${shownValue(problem.name)}” (tên bắt đầu bằng dấu chấm, như .git hay .github): hệ thống biên tập không bao giờ đọc hay ghi ở đó — ghi vào .git có thể chạy lệnh trên máy tính của bạn. ${notYou.vi}`,
        `“${at}” = “${shown}” points into the hidden file or folder “${shownValue(problem.name)}” (a name starting with a dot, such as .git or .github): the CMS never reads or writes there — writing into .git can run commands on your computer. ${notYou.en}`,
      );
    case 'not-plain':
      return refusal(
        403,
        `“${at}” = “${shown}” không được viết thẳng: hệ thống tệp sẽ đọc nó là “${shownValue(problem.plain)}” (vì dấu \\, mã %, đoạn . hay .., dấu chấm hay dấu cách ở cuối tên, hoặc ký tự trông giống mà khác). Hệ thống biên tập chỉ gửi đường dẫn viết thẳng, như ${like}.`,
        `“${at}” = “${shown}” is not written plainly: the file system would read it as “${shownValue(problem.plain)}” (because of a \\, a %-code, a . or .. segment, a dot or space at the end of a name, or a look-alike character). The CMS only sends paths written plainly, such as ${like}.`,
      );
    case 'characters':
      return refusal(
        403,
        `tên “${shownValue(problem.name)}” trong “${at}” có ký tự không được phép: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch dưới và gạch ngang, bắt đầu bằng chữ hoặc số, tối đa 120 ký tự — ví dụ anh-hoi-nghi-2025.jpg. Hãy đổi tên tệp rồi tải lên lại.`,
        `the name “${shownValue(problem.name)}” in “${at}” has characters that are not allowed: use only ASCII letters, digits, dots, underscores and hyphens, starting with a letter or digit, at most 120 characters — for example conference-2025.jpg. Rename the file and upload it again.`,
      );
    case 'device':
      return refusal(
        403,
        `tên “${problem.name}” trong “${at}” là tên thiết bị của Windows (CON, PRN, AUX, NUL, COM1…, LPT1…), không phải tên tệp; hãy đổi tên tệp.`,
        `the name “${problem.name}” in “${at}” is a Windows device name (CON, PRN, AUX, NUL, COM1…, LPT1…), not a file name; rename the file.`,
      );
  }
}

function badSlugRefusal(slug: string, at: string): Refusal {
  return refusal(
    403,
    `tên tệp (slug) “${shownValue(slug)}” trong “${at}” không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ dang-ky-bhxh-tu-nguyen. Hãy sửa tiêu đề của mục rồi lưu lại.`,
    `the slug (file name) “${shownValue(slug)}” in “${at}” is not valid: use only lower-case ASCII letters, digits and hyphens, for example dang-ky-bhxh-tu-nguyen. Change the entry's title and save again.`,
  );
}

/** A path parameter: plain, and where `target` says inside the CMS's area. */
function repoPath(target: PathTarget): Check {
  return (value, at, call) => {
    if (typeof value !== 'string') return wrongType(at, { vi: 'một đường dẫn', en: 'a path' }, value);
    const { area } = call.policy;
    const { problem } = inspectRepoPath(value);
    if (problem) return pathProblemRefusal(problem, at, value, target, area);
    if (target === 'content-folder' || target === 'media-folder') {
      const folders = target === 'content-folder' ? area.folderCollections.map((c) => c.folder) : area.mediaFolders;
      if (folders.includes(value)) return undefined;
    } else {
      const place = placeOf(value, area);
      const entryTarget = target === 'entry-or-file' || target === 'entry-file-or-probe';
      if (place?.kind === 'bad-slug' && entryTarget) return badSlugRefusal(place.slug, at);
      const fits =
        (entryTarget && (place?.kind === 'entry' || place?.kind === 'file')) ||
        (target === 'entry-file-or-probe' && place?.kind === 'slug-probe') ||
        (target === 'file' && place?.kind === 'file') ||
        (target === 'media' && place?.kind === 'media');
      if (place && fits) {
        call.places.push({ at, path: value, place });
        return undefined;
      }
    }
    const where = targetDescription(target, area);
    return refusal(
      403,
      `“${at}” = “${shownValue(value)}” nằm ngoài những chỗ hệ thống biên tập dùng cho tham số này: ${where.vi}.`,
      `“${at}” = “${shownValue(value)}” is outside the places the CMS uses for this parameter: ${where.en}.`,
    );
  };
}

function lowerFirst(sentence: string): string {
  // An abbreviation keeps its capitals: “SVG image …”, “PDF …”.
  if (/^\p{Lu}{2}/u.test(sentence)) return sentence;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/** An upload: a media path with an allowed name, base64 bytes of the kind the name says. */
const asset: Check = (value, at, call) => {
  const refused = objectOf({
    path: { check: repoPath('media'), kind: { vi: 'một đường dẫn', en: 'a path' } },
    content: { check: anyString, kind: { vi: 'nội dung base64', en: 'base64 content' } },
    encoding: {
      check: (v, where) => (v === 'base64' ? undefined : wrongType(where, { vi: '“base64”', en: '“base64”' }, v)),
      kind: { vi: '“base64”', en: '“base64”' },
    },
  })(value, at, call);
  if (refused) return refused;
  const { path, content } = value as { path: string; content: string };
  const name = path.slice(path.lastIndexOf('/') + 1);
  const badName = checkUploadName(name);
  if (badName) return refusal(403, `“${at}.path”: ${lowerFirst(badName.vi)}`, `“${at}.path”: ${lowerFirst(badName.en)}`);
  const wrongFolder = checkUploadFolder(path);
  if (wrongFolder) return refusal(403, `“${at}.path”: ${lowerFirst(wrongFolder.vi)}`, `“${at}.path”: ${lowerFirst(wrongFolder.en)}`);
  if (content.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(content)) {
    return refusal(
      403,
      `nội dung tệp “${name}” (${at}.content) không phải dữ liệu base64 hợp lệ.`,
      `the content of “${name}” (${at}.content) is not valid base64.`,
    );
  }
  const badBytes = checkUploadBytes(path, Buffer.from(content, 'base64'));
  if (badBytes) return refusal(403, `“${at}.content”: ${lowerFirst(badBytes.vi)}`, `“${at}.content”: ${lowerFirst(badBytes.en)}`);
  return undefined;
};

const commitMessage: Param = { check: text(2000), kind: { vi: 'lời ghi chú khi lưu', en: 'a commit message' } };
const commitOptions: Param = { check: objectOf({ commitMessage }), kind: { vi: 'các tuỳ chọn lưu', en: 'the save options' } };
const branchParam: Param = { check: branch, kind: { vi: 'tên nhánh', en: 'a branch name' } };
const collectionParam: Param = { check: collection, kind: { vi: 'tên bộ sưu tập', en: 'a collection name' } };
const slugParam: Param = { check: text(200), kind: { vi: 'tên tệp (slug) của mục', en: "the entry's slug" } };
const pathParam = (target: PathTarget): Param => ({ check: repoPath(target), kind: { vi: 'một đường dẫn', en: 'a path' } });
/** decap-server ignores the `id` of data and media files; Decap sends the file's path or its hash. */
const fileIdParam: Param = { check: text(MAX_PATH_LENGTH), kind: { vi: 'mã của tệp', en: "the file's id" } };

/** `collection` and `slug` name an entry of the configuration: a valid slug of a folder collection, or a file of a file collection. */
function entryKeyRefusal(collectionName: string, slug: string, at: string, call: Call): Refusal | undefined {
  const { area } = call.policy;
  if (area.folderCollections.some((c) => c.name === collectionName)) return SLUG_PATTERN.test(slug) ? undefined : badSlugRefusal(slug, at);
  const names = area.files.filter((f) => f.collection === collectionName).map((f) => f.name);
  if (names.includes(slug)) return undefined;
  return refusal(
    403,
    `“${shownValue(slug)}” (${at}) không phải tệp nào của bộ sưu tập “${collectionName}”; các tệp có: ${names.join(', ')}.`,
    `“${shownValue(slug)}” (${at}) is not a file of the collection “${collectionName}”; its files are: ${names.join(', ')}.`,
  );
}

/** Every path accepted so far belongs to the entry `collection`/`slug`. */
function pathsBelongTo(collectionName: string, slug: string, call: Call): Refusal | undefined {
  for (const { at, path, place } of call.places) {
    if (place.kind === 'media') continue;
    if (place.kind !== 'bad-slug' && place.collection === collectionName && place.slug === slug) continue;
    return refusal(
      403,
      `“${at}” = “${path}” không phải tệp của mục “${collectionName}/${slug}” mà yêu cầu này nói tới.`,
      `“${at}” = “${path}” is not a file of the entry “${collectionName}/${slug}” this request is about.`,
    );
  }
  return undefined;
}

interface Action {
  params: Params | undefined;
  /** Checks between parameters, once each has passed. */
  between?: (params: Json, call: Call) => Refusal | undefined;
}

const keyed: Params = { branch: branchParam, collection: collectionParam, slug: slugParam };
const byKey = (params: Json, call: Call) =>
  entryKeyRefusal(params.collection as string, params.slug as string, 'params.slug', call) ??
  pathsBelongTo(params.collection as string, params.slug as string, call);

/**
 * The actions the portal's CMS sends to its local backend (Decap's proxy
 * client, decap-cms-backend-proxy), with their exact parameters. Not here:
 * `deleteFile` (the CMS never sends it), `entry` in persistEntry (the old
 * form of `dataFiles`), `newPath` (renaming, which only nested collections
 * do), `cmsLabelPrefix` (the configuration sets none), and the notes actions
 * decap-server does not implement.
 */
const actions: Readonly<Record<string, Action>> = {
  info: { params: undefined },
  entriesByFolder: {
    params: {
      branch: branchParam,
      folder: pathParam('content-folder'),
      extension: { check: text(20), kind: { vi: 'phần mở rộng', en: 'an extension' } },
      depth: {
        check: (v, at) => (Number.isInteger(v) ? undefined : wrongType(at, { vi: 'một số nguyên', en: 'a whole number' }, v)),
        kind: { vi: 'độ sâu', en: 'a depth' },
      },
    },
    between: (params, call) => {
      const c = call.policy.area.folderCollections.find((f) => f.folder === params.folder)!;
      const depth = c.locales ? 2 : 1;
      if (params.extension === c.extension && params.depth === depth) return undefined;
      return refusal(
        403,
        `thư mục ${c.folder} chỉ được liệt kê với phần mở rộng “${c.extension}” và độ sâu ${depth} (nhận được “${shownValue(String(params.extension))}”, ${String(params.depth)}).`,
        `the folder ${c.folder} is only listed with the extension “${c.extension}” and depth ${depth} (got “${shownValue(String(params.extension))}”, ${String(params.depth)}).`,
      );
    },
  },
  entriesByFiles: {
    params: {
      branch: branchParam,
      files: {
        check: listOf(
          objectOf({ path: pathParam('file'), label: { check: text(200), optional: true, kind: textKind } }),
          { vi: 'một danh sách tệp', en: 'a list of files' },
          1,
          100,
        ),
        kind: { vi: 'danh sách tệp', en: 'a list of files' },
      },
    },
  },
  // Decap also asks for `<folder>/<slug>.mdx`, without the language folder, to see whether a new slug is taken.
  getEntry: { params: { branch: branchParam, path: pathParam('entry-file-or-probe') } },
  unpublishedEntries: { params: { branch: branchParam } },
  unpublishedEntry: {
    params: {
      branch: branchParam,
      id: { check: text(300), optional: true, kind: { vi: 'mã của mục', en: "the entry's id" } },
      collection: { ...collectionParam, optional: true },
      slug: { ...slugParam, optional: true },
    },
    between: (params, call) => {
      // Decap names an entry under review by `id` (“collection/slug”) or by collection and slug.
      if (typeof params.id === 'string') {
        const cut = params.id.indexOf('/');
        const name = params.id.slice(0, cut);
        const refused = cut > 0 ? collection(name, 'params.id', call) : wrongType('params.id', { vi: '“bộ-sưu-tập/tên-tệp”', en: '“collection/slug”' }, params.id);
        return refused ?? entryKeyRefusal(name, params.id.slice(cut + 1), 'params.id', call);
      }
      if (typeof params.collection === 'string' && typeof params.slug === 'string') return byKey(params, call);
      return wrongType('params', { vi: 'id, hoặc collection và slug', en: 'id, or collection and slug' }, params);
    },
  },
  unpublishedEntryDataFile: { params: { ...keyed, id: fileIdParam, path: pathParam('entry-or-file') }, between: byKey },
  unpublishedEntryMediaFile: { params: { ...keyed, id: fileIdParam, path: pathParam('media') }, between: byKey },
  deleteUnpublishedEntry: { params: keyed, between: byKey },
  persistEntry: {
    params: {
      branch: branchParam,
      dataFiles: {
        check: listOf(
          objectOf({ path: pathParam('entry-or-file'), slug: slugParam, raw: { check: anyString, kind: { vi: 'nội dung tệp', en: "the file's text" } } }),
          { vi: 'một danh sách tệp của mục', en: "a list of the entry's files" },
          1,
          10,
        ),
        kind: { vi: 'các tệp của mục', en: "the entry's files" },
      },
      assets: { check: listOf(asset, { vi: 'một danh sách tệp tải lên', en: 'a list of uploads' }, 0, 50), kind: { vi: 'các tệp tải lên', en: 'the uploads' } },
      options: {
        check: objectOf({
          commitMessage,
          collectionName: collectionParam,
          useWorkflow: { check: workflowFlag, kind: booleanKind },
          status: { check: status, optional: true, kind: textKind },
          newEntry: { check: boolean, optional: true, kind: booleanKind },
          unpublished: { check: boolean, optional: true, kind: booleanKind },
          hasSubfolders: { check: boolean, optional: true, kind: booleanKind },
        }),
        kind: { vi: 'các tuỳ chọn lưu', en: 'the save options' },
      },
    },
    between: (params, call) => {
      // decap-server names the draft branch cms/<collectionName>/<slug of the first file>.
      const name = (params.options as Json).collectionName as string;
      const files = params.dataFiles as Json[];
      const slug = files[0]!.slug as string;
      const refused = entryKeyRefusal(name, slug, 'params.dataFiles[0].slug', call);
      if (refused) return refused;
      for (const [i, file] of files.entries()) {
        if (file.slug === slug) continue;
        const other = shownValue(String(file.slug));
        return refusal(
          403,
          `“params.dataFiles[${i}].slug” = “${other}” khác “${slug}” của tệp đầu tiên: mỗi lần lưu chỉ ghi một mục.`,
          `“params.dataFiles[${i}].slug” = “${other}” differs from the first file's “${slug}”: one save writes one entry.`,
        );
      }
      return pathsBelongTo(name, slug, call);
    },
  },
  updateUnpublishedEntryStatus: { params: { ...keyed, newStatus: { check: status, kind: textKind } }, between: byKey },
  publishUnpublishedEntry: { params: keyed, between: byKey },
  getMedia: { params: { branch: branchParam, mediaFolder: pathParam('media-folder') } },
  getMediaFile: { params: { branch: branchParam, path: pathParam('media') } },
  persistMedia: { params: { branch: branchParam, asset: { check: asset, kind: { vi: 'tệp tải lên', en: 'the upload' } }, options: commitOptions } },
  deleteFiles: {
    params: {
      branch: branchParam,
      paths: { check: listOf(repoPath('media'), { vi: 'một danh sách đường dẫn', en: 'a list of paths' }, 1, 50), kind: { vi: 'các đường dẫn', en: 'the paths' } },
      options: commitOptions,
    },
  },
  getDeployPreview: { params: keyed, between: byKey },
};

/** The actions the local backend accepts. */
export const allowedActions: readonly string[] = Object.keys(actions);

/** Whether the JSON body `body` is a call the portal's CMS makes, within `policy`. */
export function checkBackendCall(body: unknown, policy: LocalBackendPolicy): CallVerdict {
  const call: Call = { action: '', policy, places: [] };
  if (!isObject(body)) return { refusal: wrongType('body', { vi: 'một đối tượng JSON', en: 'a JSON object' }, body) };
  if (typeof body.action !== 'string') return { refusal: wrongType('action', textKind, body.action) };
  const action = Object.hasOwn(actions, body.action) ? actions[body.action] : undefined;
  if (!action) {
    return {
      refusal: refusal(
        403,
        `hành động “${shownValue(body.action)}” không có trong danh sách được phép (${allowedActions.join(', ')}).`,
        `the action “${shownValue(body.action)}” is not on the allowed list (${allowedActions.join(', ')}).`,
      ),
    };
  }
  call.action = body.action;
  // Decap's client repeats the branch beside the action; `info` has no parameters at all.
  const top: Params = {
    action: { check: () => undefined, kind: textKind },
    branch: { ...branchParam, optional: true },
    ...(action.params ? { params: { check: objectOf(action.params), kind: { vi: 'các tham số', en: 'the parameters' } } } : {}),
  };
  const refused = objectOf(top)(body, '', call) ?? action.between?.(body.params as Json, call);
  if (refused) return { refusal: refused };
  return { paths: call.places.map((p) => p.path).concat(pathsOfFolders(body.params, call)) };
}

/** The folders a listing call names (they are not in `places`, which holds files). */
function pathsOfFolders(params: unknown, call: Call): string[] {
  if (!isObject(params)) return [];
  if (call.action === 'entriesByFolder') return [params.folder as string];
  if (call.action === 'getMedia') return [params.mediaFolder as string];
  return [];
}

/**
 * The call as decap-server must receive it, once `checkBackendCall` let it
 * through. For an i18n (`multiple_folders`) entry whose draft changes only
 * some of its language files — an English-only edit — decap-cms-core
 * (`getI18nDataFiles`) asks for each unchanged file with `id: ''`.
 * decap-server's schema refuses an empty id (422 “"params.id" is not allowed
 * to be empty”); the CMS then drops the Vietnamese file, regroups the entry
 * around the English one under the slug `en/<slug>`, shows “Loading…” for
 * ever, and names the draft `cms/<collection>/en/<slug>` in every later call
 * (status, publish, discard), a branch that does not exist. decap-server reads
 * a data file by its path on the draft branch and ignores the id, so the path
 * stands in for the missing id.
 */
export function forDecapServer(body: unknown): unknown {
  if (!isObject(body) || body.action !== 'unpublishedEntryDataFile' || !isObject(body.params) || body.params.id !== '') return body;
  return { ...body, params: { ...body.params, id: body.params.path } };
}

/** The calls that change an entry under review: its draft branch must exist, or decap-server reports a success that did nothing. */
const draftActions = ['updateUnpublishedEntryStatus', 'publishUnpublishedEntry', 'deleteUnpublishedEntry'];

/** The draft branch a call changes (`cms/<collection>/<slug>`, as decap-server names it), for a call `checkBackendCall` allowed. */
export function draftBranchOf(body: unknown): { branch: string; collection: string; slug: string } | undefined {
  if (!isObject(body) || typeof body.action !== 'string' || !draftActions.includes(body.action) || !isObject(body.params)) return undefined;
  const { collection, slug } = body.params as { collection: string; slug: string };
  return { branch: `cms/${collection}/${slug}`, collection, slug };
}

/** The draft a call names does not exist (any more). */
export function noDraftRefusal(collection: string, slug: string): Refusal {
  return refusal(
    404,
    `không có bản nháp nào của mục “${collection}/${slug}” (nhánh cms/${collection}/${slug}): có thể nó đã được công bố hoặc huỷ. Hãy tải lại trang Quy trình biên tập.`,
    `there is no draft of the entry “${collection}/${slug}” (branch cms/${collection}/${slug}): it may have been published or discarded already. Reload the Workflow page.`,
  );
}

/** A path the call touches goes through a symbolic link in the sandbox: writing there could land anywhere. */
export function symlinkRefusal(path: string, link: string): Refusal {
  return refusal(
    403,
    `đường dẫn “${shownValue(path)}” đi qua liên kết tượng trưng “${shownValue(link)}” trong kho biên tập thử, nên có thể ghi ra chỗ khác (như .git). Hãy xoá liên kết đó khỏi kho (git rm) — nội dung của cổng không dùng liên kết tượng trưng.`,
    `the path “${shownValue(path)}” goes through the symbolic link “${shownValue(link)}” in the editorial sandbox, so it could write somewhere else (such as .git). Remove that link from the repository (git rm) — the portal's content never uses symbolic links.`,
  );
}
