/**
 * Field builders shared by every content schema.
 *
 * Each builder attaches bilingual metadata (label, hint, option labels) with
 * zod's `.meta()`, so one schema drives validation, TypeScript types, error
 * messages and (later) the CMS configuration.
 */
import { z } from 'zod';
import { formatDate, isRealDate, isVietnamDateTime, vietnamDate } from '../dates.ts';

export interface Bilingual {
  vi: string;
  en: string;
}

declare module 'zod' {
  interface GlobalMeta {
    /** Human label of the field, shown in error messages and the CMS. */
    label?: Bilingual;
    /** What to write, shown in error messages and as CMS hint. */
    hint?: Bilingual;
    /** Labels of the allowed values of an enum field. */
    options?: Record<string, Bilingual>;
    /** Name of the collection a slug field refers to. */
    references?: string;
    /** Whether the field is translated per language (true) or copied (false). */
    translate?: boolean;
    /** A regular expression the value must match, for forms that check as you type (the CMS). */
    pattern?: { regex: string; message: Bilingual };
    /** Where files for a path field are uploaded (`public/<folder>/`). */
    folder?: 'files' | 'media';
    /** An address readers follow (`link`) or load into the page (`image`): held to the URL allowlist (src/lib/content/urls.ts). */
    address?: 'link' | 'image';
    /** A multi-line text rather than a single line. */
    multiline?: boolean;
    /** A calendar date written YYYY-MM-DD. */
    date?: boolean;
    /** A moment: date, time and offset (ISO 8601). */
    datetime?: boolean;
    /** A moment in Vietnam written YYYY-MM-DDTHH:mm (Vietnam local time, no offset). */
    vietnamTime?: boolean;
    /** For dates and moments: how far ahead of today they may be (also checked as the editor types in the CMS). */
    dateRange?: DateRange;
  }
}

/** A pattern as zod refinement + metadata, so forms and validation agree. */
function patterned(regex: RegExp, message: Bilingual) {
  return {
    test: (s: string) => regex.test(s),
    issue: bilingualIssue(message.vi, message.en),
    pattern: { regex: regex.source, message },
  };
}

/** Options for `.refine()`: a custom issue carrying its message in both languages. */
export function bilingualIssue(vi: string, en: string) {
  return { error: en, params: { vi, en } };
}

/** The same, as an issue for `ctx.addIssue()` inside `.superRefine()`. */
export function customIssue(path: (string | number)[], vi: string, en: string) {
  return { code: 'custom' as const, path, message: en, params: { vi, en } };
}

const trimmed = (s: string) => s.trim() === s;

/** Non-empty single-line text with no leading or trailing spaces. */
export function text(label: Bilingual, opts: { max?: number; hint?: Bilingual; translate?: boolean } = {}) {
  const max = opts.max ?? 300;
  return z
    .string()
    .refine((s) => s.trim().length > 0, bilingualIssue('Không được để trống.', 'Must not be empty.'))
    .refine(
      (s) => trimmed(s),
      bilingualIssue('Xoá khoảng trắng ở đầu hoặc cuối.', 'Remove the spaces at the start or end.'),
    )
    .refine(
      (s) => !/[\r\n]/.test(s),
      bilingualIssue('Chỉ được viết trên một dòng.', 'Must fit on one line.'),
    )
    .refine(
      (s) => s.length <= max,
      bilingualIssue(`Dài quá ${max} ký tự; hãy rút gọn.`, `Longer than ${max} characters; shorten it.`),
    )
    .meta({ label, hint: opts.hint, translate: opts.translate ?? true });
}

/** Multi-line plain text (e.g. a reader's question). */
export function longText(label: Bilingual, opts: { max?: number; hint?: Bilingual } = {}) {
  const max = opts.max ?? 5000;
  return z
    .string()
    .refine((s) => s.trim().length > 0, bilingualIssue('Không được để trống.', 'Must not be empty.'))
    .refine(
      (s) => s.length <= max,
      bilingualIssue(`Dài quá ${max} ký tự; hãy rút gọn.`, `Longer than ${max} characters; shorten it.`),
    )
    .meta({ label, hint: opts.hint, translate: true, multiline: true });
}

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export const isIsoDate = isRealDate;

/** No date in this portal's content is older than the country's founding year. */
export const EARLIEST_YEAR = 1945;

/**
 * How far after today (in Vietnam, by the clock) a date
 * may be, in whole years: 0 for dates of things that have happened (a news
 * item's date, a document's issue date, the date a question was asked), more
 * for dates of things planned (a scheduled publication, a date of effect).
 */
export interface DateRange {
  yearsAhead: number;
}

/**
 * Today's date in Vietnam by the clock. Not the build's display date
 * (PORTAL_TODAY, PORTAL_NOW): tests and history snapshots build with a day in
 * the past, and content dated after it was still plausible when written. A
 * date plausible today stays plausible later: only the upper bound moves.
 */
function today(): string {
  return vietnamDate(new Date());
}

/** `iso` (YYYY-MM-DD) moved `years` later; 29 February becomes 28 February in a common year. */
function yearsLater(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(y + years, m - 1, d));
  if (moved.getUTCDate() !== d) moved.setUTCDate(0);
  return moved.toISOString().slice(0, 10);
}

/**
 * Why `day` (a real YYYY-MM-DD date) is implausible for a field with `range`, in
 * both languages; undefined when it is plausible. Dates are shown dd/mm/yyyy,
 * as the CMS shows them.
 */
export function implausibleDate(day: string, range: DateRange, now: string = today()): Bilingual | undefined {
  const latest = yearsLater(now, range.yearsAhead);
  const shown = formatDate(day, 'vi');
  const earliest = `01/01/${EARLIEST_YEAR}`;
  const until = formatDate(latest, 'vi');
  const hint = {
    vi: 'Kiểm tra lại ngày, tháng, năm (nhập theo dạng ngày/tháng/năm, ví dụ 16/09/2024).',
    en: 'Check the day, month and year (typed day/month/year, for example 16/09/2024).',
  };
  if (Number(day.slice(0, 4)) < EARLIEST_YEAR) {
    return {
      vi: `ngày ${shown} trước năm ${EARLIEST_YEAR}, không thể đúng. ${hint.vi}`,
      en: `the date ${shown} is before ${EARLIEST_YEAR}, which cannot be right. ${hint.en}`,
    };
  }
  if (day > latest) {
    return range.yearsAhead === 0
      ? {
          vi: `ngày ${shown} còn ở tương lai; ngày này phải từ ${earliest} đến hôm nay (${until}). ${hint.vi}`,
          en: `the date ${shown} is in the future; this date must be between ${earliest} and today (${until}). ${hint.en}`,
        }
      : {
          vi: `ngày ${shown} quá xa trong tương lai; ngày này phải từ ${earliest} đến ${until} (${range.yearsAhead} năm sau hôm nay). ${hint.vi}`,
          en: `the date ${shown} is too far in the future; this date must be between ${earliest} and ${until} (${range.yearsAhead} year${range.yearsAhead === 1 ? '' : 's'} from today). ${hint.en}`,
        };
  }
  return undefined;
}

/**
 * A calendar date written YYYY-MM-DD (kept as a string: no time-zone surprises);
 * with `range`, also a plausible one (from 1945 to `range.yearsAhead` years after today).
 */
export function isoDate(label: Bilingual, hint?: Bilingual, range?: DateRange) {
  return z
    .string()
    .refine(
      isIsoDate,
      bilingualIssue(
        'Cần một ngày có thật, viết theo dạng NNNN-TT-NN (năm-tháng-ngày), ví dụ 2024-09-16.',
        'Expected a real date written YYYY-MM-DD, for example 2024-09-16.',
      ),
    )
    .superRefine((s, ctx) => {
      const why = range && isIsoDate(s) ? implausibleDate(s, range) : undefined;
      if (why) ctx.addIssue(customIssue([], why.vi, why.en));
    })
    .meta({ label, hint, translate: false, date: true, dateRange: range });
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest English address segment: about ten words. */
export const ENGLISH_ADDRESS_MAX = 80;

/**
 * The last part of the address of an entry's English page (`contact` → /en/contact/), in English
 * words; copied into both language files, so either file gives the English page's address.
 */
export function englishAddress() {
  const slug = patterned(SLUG_PATTERN, {
    vi: 'Chỉ dùng chữ thường không dấu, số và dấu gạch ngang giữa các từ tiếng Anh, ví dụ how-to-ask-a-question.',
    en: 'Use only lower-case ASCII letters, digits and hyphens between English words, for example how-to-ask-a-question.',
  });
  return z
    .string()
    .refine(slug.test, slug.issue)
    .refine((s) => s.length <= ENGLISH_ADDRESS_MAX, bilingualIssue(`Tối đa ${ENGLISH_ADDRESS_MAX} ký tự.`, `At most ${ENGLISH_ADDRESS_MAX} characters.`))
    .meta({
      label: { vi: 'Địa chỉ trang tiếng Anh', en: 'English page address' },
      hint: {
        vi: 'Phần cuối địa chỉ của trang tiếng Anh, bằng từ tiếng Anh (ví dụ contact cho /en/contact/). Để trống thì dùng tên tệp. Đổi địa chỉ của một trang đã đăng: địa chỉ cũ sẽ chuyển người đọc sang địa chỉ mới, nhưng các liên kết trong cổng thông tin phải sửa theo.',
        en: 'The last part of the English page’s address, in English words (for example contact for /en/contact/). Left empty, the file name is used. Changing the address of a published page: the old address sends readers on to the new one, but links within the portal must be changed to it.',
      },
      translate: false,
      pattern: slug.pattern,
    })
    .optional();
}

/** The slug of an entry in another (or the same) collection. */
export function reference(label: Bilingual, collection: string) {
  const slug = patterned(SLUG_PATTERN, {
    vi: 'Cần tên tệp (slug) của mục được tham chiếu: chữ thường không dấu, số và dấu gạch ngang, ví dụ trung-tam-truyen-thong.',
    en: 'Expected the slug (file name) of the referenced entry: lower-case ASCII letters, digits and hyphens, for example trung-tam-truyen-thong.',
  });
  return z.string().refine(slug.test, slug.issue).meta({ label, references: collection, translate: false, pattern: slug.pattern });
}

/** One of a fixed list of values, each with a bilingual label. */
export function choice<const K extends string>(label: Bilingual, options: Record<K, Bilingual>, hint?: Bilingual) {
  const keys = Object.keys(options) as [K, ...K[]];
  return z.enum(keys).meta({ label, hint, options, translate: false });
}

/** An e-mail address. */
export function email(label: Bilingual) {
  const address = patterned(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
    vi: 'Cần một địa chỉ e-mail, ví dụ ten@baohiemxahoi.gov.vn.',
    en: 'Expected an e-mail address, for example name@vss.gov.vn.',
  });
  return z.string().refine(address.test, address.issue).meta({ label, translate: false, pattern: address.pattern });
}

/** A telephone number as printed: digits, spaces, dots, parentheses, + and -. */
export function phone(label: Bilingual) {
  const digits = patterned(/^\+?[0-9 ().-]{6,24}$/, {
    vi: 'Cần số điện thoại gồm chữ số (có thể có dấu cách, dấu chấm, dấu gạch, dấu ngoặc, dấu +), ví dụ 024 3936 1595.',
    en: 'Expected a telephone number made of digits (spaces, dots, hyphens, parentheses and + allowed), for example +84 24 3936 1595.',
  });
  return z
    .string()
    .refine((s) => digits.test(s) && /\d{3}/.test(s.replace(/\D/g, '')), digits.issue)
    .meta({ label, translate: false, pattern: digits.pattern });
}

/** An absolute http(s) URL. */
export function webUrl(label: Bilingual) {
  return z
    .string()
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    }, bilingualIssue('Cần địa chỉ web đầy đủ bắt đầu bằng https://', 'Expected a full web address starting with https://'))
    .meta({
      label,
      translate: false,
      address: 'link',
      pattern: { regex: '^https?://\\S+$', message: { vi: 'Cần địa chỉ web đầy đủ bắt đầu bằng https://', en: 'Expected a full web address starting with https://' } },
    });
}

/** A path to a file served by the portal, e.g. /files/1624-QD-BHXH.pdf. */
export function sitePath(label: Bilingual, folder: 'files' | 'media', hint?: Bilingual) {
  return z
    .string()
    .refine(
      // Each name ASCII and not starting with a dot: no `..`, no hidden files (`/media/.env`), no empty steps.
      (s) => new RegExp(`^/${folder}(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$`).test(s),
      bilingualIssue(
        `Cần đường dẫn tới tệp trong thư mục /${folder}/, ví dụ /${folder}/ten-tep.pdf (không dấu, không dấu cách, tên không bắt đầu bằng dấu chấm).`,
        `Expected a path to a file in /${folder}/, for example /${folder}/file-name.pdf (ASCII, no spaces, no name starting with a dot).`,
      ),
    )
    .meta({ label, hint, translate: false, folder, address: folder === 'media' ? 'image' : 'link' });
}

/** Marks an entry as invented sample content rather than an official statement. */
export const sampleFlag = z
  .boolean()
  .default(false)
  .meta({
    label: { vi: 'Nội dung mẫu', en: 'Sample content' },
    hint: {
      vi: 'Bật nếu nội dung không lấy từ nguồn chính thức; trang sẽ hiện nhãn “Nội dung mẫu”.',
      en: 'Turn on when the content is not from an official source; the page then shows a “sample content” label.',
    },
    translate: false,
  });

/** A path on the portal itself, e.g. /van-ban/1624-qd-bhxh/ (never “//host/…”, which leaves the portal). */
export function internalPath(label: Bilingual) {
  const path = patterned(/^\/(?!\/)[A-Za-z0-9._~/#-]*$/, {
    vi: 'Cần đường dẫn trong cổng, bắt đầu bằng /, ví dụ /van-ban/1624-qd-bhxh/.',
    en: 'Expected a path on the portal starting with /, for example /en/documents/1624-qd-bhxh/.',
  });
  return z.string().refine(path.test, path.issue).meta({ label, translate: true, pattern: path.pattern, address: 'link' });
}

export const withdrawalKinds = {
  withdraw: { vi: 'Rút: giữ trang, kèm thông báo đã rút', en: 'Withdraw: keep the page with a withdrawal notice' },
  unpublish: { vi: 'Gỡ bỏ: thay trang bằng thông báo đã gỡ', en: 'Unpublish: replace the page with a removal notice' },
} satisfies Record<string, Bilingual>;

/**
 * Taking an entry down is an edit that goes through review like any change
 * (Decision 1624 Art. 11: the deputy head decides), never a deletion.
 */
export const withdrawnGroup = z
  .strictObject({
    kind: choice({ vi: 'Cách gỡ', en: 'Kind' }, withdrawalKinds),
    date: isoDate({ vi: 'Ngày rút hoặc gỡ', en: 'Date of withdrawal' }, undefined, { yearsAhead: 1 }),
    reason: longText({ vi: 'Lý do', en: 'Reason' }, { max: 1000 }),
    replaced_by: internalPath({ vi: 'Trang thay thế', en: 'Replacement page' }).optional(),
  })
  .optional()
  .meta({
    label: { vi: 'Rút hoặc gỡ nội dung', en: 'Withdraw or unpublish' },
    hint: {
      vi: 'Chỉ điền khi cần gỡ nội dung đã đăng; thay đổi này cũng phải được Phó Trưởng Ban quyết định.',
      en: 'Fill in only to take published content down; this change too needs the deputy head’s decision.',
    },
  });

/** True when `s` is an ISO 8601 date and time with a time-zone offset (or Z). */
export function isIsoDateTime(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && isIsoDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s));
}

/**
 * A moment: date and time with its offset, e.g. 2026-12-01T08:00:00+07:00
 * (Vietnam time); with `range`, its date in Vietnam is held to it as for `isoDate`.
 */
export function isoDateTime(label: Bilingual, hint?: Bilingual, range?: DateRange) {
  return z
    .string()
    .refine(
      isIsoDateTime,
      bilingualIssue(
        'Cần ngày giờ có múi giờ, dạng NNNN-TT-NNTGG:PP:GG+07:00, ví dụ 2026-12-01T08:00:00+07:00 (8 giờ sáng giờ Việt Nam).',
        'Expected a date and time with its time zone, written YYYY-MM-DDTHH:MM:SS+07:00, for example 2026-12-01T08:00:00+07:00 (8 a.m. Vietnam time).',
      ),
    )
    .superRefine((s, ctx) => {
      const why = range && isIsoDateTime(s) ? implausibleDate(vietnamDate(new Date(s)), range) : undefined;
      if (why) ctx.addIssue(customIssue([], why.vi, why.en));
    })
    .meta({ label, hint, translate: false, datetime: true, dateRange: range });
}

/** True when `s` is a moment in Vietnam written YYYY-MM-DDTHH:mm (src/lib/dates.ts). */
export { isVietnamDateTime };

/**
 * A moment in Vietnam as the registers of the agency write it: date and time,
 * Vietnam local time (UTC+7), no offset, e.g. 2026-02-13T17:45 (a question
 * received at 17:45). With `range`, its date is held to it as for `isoDate`.
 * The CMS shows and reads it dd/mm/yyyy hh:mm (src/lib/cms/vietnam-date.ts).
 */
export function vietnamDateTimeField(label: Bilingual, hint?: Bilingual, range?: DateRange) {
  return z
    .string()
    .refine(
      isVietnamDateTime,
      bilingualIssue(
        'Cần ngày và giờ Việt Nam, dạng NNNN-TT-NNTGG:PP, ví dụ 2026-02-13T17:45 (17 giờ 45, ngày 13/02/2026); trong CMS nhập 13/02/2026 17:45.',
        'Expected a date and Vietnam time written YYYY-MM-DDTHH:mm, for example 2026-02-13T17:45 (5:45 p.m. on 13 February 2026); in the CMS type 13/02/2026 17:45.',
      ),
    )
    .superRefine((s, ctx) => {
      const why = range && isVietnamDateTime(s) ? implausibleDate(s.slice(0, 10), range) : undefined;
      if (why) ctx.addIssue(customIssue([], why.vi, why.en));
    })
    .meta({ label, hint, translate: false, vietnamTime: true, dateRange: range });
}

/**
 * Fields every entry has for its life on the site: when it may appear, and
 * what changed (Decision 1624 Art. 12 keeps every revision; the page shows its
 * history with these notes).
 */
export const lifecycleFields = {
  publish_at: isoDateTime(
    { vi: 'Hẹn giờ đăng', en: 'Publish at' },
    {
      vi: 'Để trống để đăng ngay khi được duyệt. Nếu điền, mục chỉ xuất hiện trên cổng từ thời điểm này (giờ Việt Nam).',
      en: 'Leave empty to publish as soon as it is approved. If set, the entry appears on the portal only from this moment (Vietnam time).',
    },
    { yearsAhead: 1 },
  ).optional(),
  change_note: text(
    { vi: 'Ghi chú thay đổi', en: 'Change note' },
    {
      max: 300,
      hint: {
        vi: 'Bắt buộc khi sửa nội dung đã đăng (trừ khi đánh dấu là thay đổi nhỏ): nói ngắn gọn đã thay đổi gì; hiện trong lịch sử của trang.',
        en: 'Required when changing published content (unless marked minor): say briefly what changed; shown in the page’s history.',
      },
    },
  ).optional(),
  minor_change: z
    .boolean()
    .default(false)
    .meta({
      label: { vi: 'Thay đổi nhỏ', en: 'Minor change' },
      hint: {
        vi: 'Chỉ cho sửa lỗi chính tả, định dạng: không cần ghi chú thay đổi và không hiện trong lịch sử công khai.',
        en: 'Only for typos and formatting: needs no change note and is not shown in the public history.',
      },
      translate: false,
    }),
};
