/**
 * Schema of a holiday calendar year file, `content/calendar/<year>.yml`
 * (docs/working-days.md): the public sector's holidays of one year (Labour
 * Code 45/2019/QH14 Art. 111–112), each with its days, the weekdays off, the
 * Saturdays worked in exchange (làm bù) and the notices that fixed them, each
 * with how sure we are of it. The file's year comes from its name: every day it
 * lists must be of that year.
 */
import { z } from 'zod';
import { isoWeekday } from '../dates.ts';
import { bilingualIssue, choice, customIssue, isoDate, SLUG_PATTERN, text, webUrl, type Bilingual } from './fields.ts';
import { bilingualText } from './settings.ts';

export const confidenceLabels = {
  confirmed: { vi: 'đã xác nhận (văn bản chính thức hoặc báo chí dẫn văn bản)', en: 'confirmed (official text, or the press quoting it)' },
  secondary: { vi: 'nguồn thứ cấp (chưa đọc văn bản gốc)', en: 'secondary (the original text not read)' },
  computed: { vi: 'tính theo luật (chưa có thông báo)', en: 'computed from the law (no notice yet)' },
  'awaiting-notice': { vi: 'chờ thông báo (Chính phủ chưa quyết định)', en: 'awaiting the notice (not decided yet)' },
} satisfies Record<string, Bilingual>;

export const noticeConfidenceLabels = {
  confirmed: confidenceLabels.confirmed,
  secondary: confidenceLabels.secondary,
  'not-found': { vi: 'không tìm thấy số văn bản', en: 'the notice’s number was not found' },
} satisfies Record<string, Bilingual>;

const WEEKDAY_NAMES: Bilingual[] = [
  { vi: 'thứ Hai', en: 'Monday' },
  { vi: 'thứ Ba', en: 'Tuesday' },
  { vi: 'thứ Tư', en: 'Wednesday' },
  { vi: 'thứ Năm', en: 'Thursday' },
  { vi: 'thứ Sáu', en: 'Friday' },
  { vi: 'thứ Bảy', en: 'Saturday' },
  { vi: 'Chủ nhật', en: 'Sunday' },
];

/** The day of the week of `iso`, in both languages. */
export function weekdayName(iso: string): Bilingual {
  return WEEKDAY_NAMES[isoWeekday(iso) - 1]!;
}

const day = (label: Bilingual) => isoDate(label);

/** A document that fixed (or underlies) a holiday's days. */
const notice = z
  .strictObject({
    number: text({ vi: 'Số văn bản', en: 'Number' }, { max: 60, translate: false }).optional(),
    title: bilingualText({ vi: 'Văn bản', en: 'Document' }),
    date: day({ vi: 'Ngày ban hành', en: 'Date of issue' }).optional(),
    issuer: bilingualText({ vi: 'Cơ quan ban hành', en: 'Issued by' }),
    url: webUrl({ vi: 'Nguồn', en: 'Source' }).optional(),
    confidence: choice({ vi: 'Độ tin cậy', en: 'Confidence' }, noticeConfidenceLabels),
    note: bilingualText({ vi: 'Ghi chú', en: 'Note' }).optional(),
  })
  .superRefine((n, ctx) => {
    if (n.confidence === 'not-found') {
      if (n.number !== undefined) {
        ctx.addIssue(
          customIssue(['number'], 'Văn bản ghi “không tìm thấy” thì không được có số; bỏ số hoặc đổi độ tin cậy.', 'A notice marked not-found has no number; remove the number or change the confidence.'),
        );
      }
      if (n.note === undefined) {
        ctx.addIssue(customIssue(['note'], 'Ghi rõ đã tìm văn bản nào, ở đâu mà không thấy số.', 'Say which notice was looked for, and where, without finding its number.'));
      }
      return;
    }
    if (n.number === undefined) {
      ctx.addIssue(
        customIssue(['number'], 'Cần số văn bản, ví dụ 9441/TB-BNV; nếu không tìm thấy, ghi confidence: not-found và ghi chú.', 'The notice’s number is needed, for example 9441/TB-BNV; if it was not found, write confidence: not-found and a note.'),
      );
    }
    if (n.confidence === 'secondary') {
      if (n.note === undefined) {
        ctx.addIssue(
          customIssue(['note'], 'Văn bản chỉ biết qua nguồn thứ cấp: ghi rõ nguồn nào dẫn nó và điều gì chưa được kiểm chứng.', 'A notice known only from secondary sources needs a note: which sources quote it and what is not verified.'),
        );
      }
      return;
    }
    if (n.date === undefined) ctx.addIssue(customIssue(['date'], 'Cần ngày ban hành văn bản.', 'The date of issue is needed.'));
    if (n.url === undefined) ctx.addIssue(customIssue(['url'], 'Cần địa chỉ nguồn đã đọc văn bản (https://…).', 'The address where the notice was read is needed (https://…).'));
  })
  .meta({ label: { vi: 'Văn bản', en: 'Notice' } });

const holidayKey = z
  .string()
  .refine(
    (s) => SLUG_PATTERN.test(s),
    bilingualIssue('Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ tet-nguyen-dan.', 'A key uses only lower-case ASCII letters, digits and hyphens, for example tet-nguyen-dan.'),
  )
  .meta({ label: { vi: 'Mã ngày lễ', en: 'Holiday key' } });

const holiday = z
  .strictObject({
    key: holidayKey,
    name: bilingualText({ vi: 'Tên ngày lễ', en: 'Holiday name' }),
    /** The holiday's own days as the law or the notice names them (a weekend day too). */
    dates: z.array(day({ vi: 'Ngày lễ', en: 'Holiday date' })).meta({ label: { vi: 'Ngày lễ', en: 'Holiday dates' } }),
    /** For a holiday of the lunar calendar: the solar date of its lunar day (Tết: mùng 1 tháng Giêng; Giỗ Tổ: 10 tháng Ba). */
    lunar: z
      .strictObject({
        date: day({ vi: 'Ngày dương lịch', en: 'Solar date' }),
        day: z.int().min(1).max(30).meta({ label: { vi: 'Ngày âm lịch', en: 'Lunar day' } }),
        month: z.int().min(1).max(12).meta({ label: { vi: 'Tháng âm lịch', en: 'Lunar month' } }),
      })
      .optional()
      .meta({ label: { vi: 'Ngày âm lịch', en: 'Lunar date' } }),
    days_off: z.array(day({ vi: 'Ngày nghỉ', en: 'Day off' })).meta({ label: { vi: 'Ngày thường được nghỉ', en: 'Weekdays off' } }),
    saturdays_worked: z
      .array(day({ vi: 'Thứ Bảy làm bù', en: 'Saturday worked' }))
      .default([])
      .meta({ label: { vi: 'Thứ Bảy làm bù', en: 'Saturdays worked' } }),
    /** Days around the holiday whose arrangement awaits the Prime Minister's decision: no date inside is known. */
    undetermined: z
      .strictObject({ from: day({ vi: 'Từ ngày', en: 'From' }), to: day({ vi: 'Đến ngày', en: 'To' }) })
      .optional()
      .meta({ label: { vi: 'Những ngày chưa xác định', en: 'Undetermined days' } }),
    confidence: choice({ vi: 'Độ tin cậy', en: 'Confidence' }, confidenceLabels),
    notices: z.array(notice).min(1).meta({ label: { vi: 'Văn bản', en: 'Notices' } }),
    /** Reports (press, government portals) that confirm the days, beside the notices. */
    sources: z.array(webUrl({ vi: 'Nguồn', en: 'Source' })).default([]).meta({ label: { vi: 'Nguồn xác nhận', en: 'Confirming sources' } }),
    note: bilingualText({ vi: 'Ghi chú', en: 'Note' }).optional(),
  })
  .meta({ label: { vi: 'Ngày lễ', en: 'Holiday' } });

export type CalendarHoliday = z.infer<typeof holiday>;

/** The schema of `content/calendar/<year>.yml`, for that year. */
export function calendarYearSchema(year: number) {
  return z
    .strictObject({
      year: z.int().meta({ label: { vi: 'Năm', en: 'Year' } }),
      holidays: z.array(holiday).min(1).meta({ label: { vi: 'Ngày lễ', en: 'Holidays' } }),
    })
    .superRefine((file, ctx) => {
      if (file.year !== year) {
        ctx.addIssue(
          customIssue(['year'], `Tệp của năm ${year} ghi year: ${file.year}; sửa cho khớp tên tệp.`, `The file for ${year} says year: ${file.year}; make it match the file name.`),
        );
      }
      const placed = new Map<string, Bilingual>();
      const place = (date: string, what: Bilingual, path: (string | number)[]) => {
        const before = placed.get(date);
        if (before !== undefined) {
          ctx.addIssue(
            customIssue(path, `Ngày ${date} đã được ghi (${before.vi}); mỗi ngày chỉ ghi một lần.`, `The date ${date} is already listed (${before.en}); list each date once.`),
          );
        }
        placed.set(date, what);
      };
      const inYear = (date: string, path: (string | number)[]) => {
        if (date.slice(0, 4) !== String(year)) {
          ctx.addIssue(
            customIssue(
              path,
              `Ngày ${date} không thuộc năm ${year}: tệp content/calendar/${year}.yml chỉ ghi ngày của năm ${year}; ghi ngày này vào tệp của năm ${date.slice(0, 4)}.`,
              `The date ${date} is not in ${year}: content/calendar/${year}.yml lists only dates of ${year}; put it in the file for ${date.slice(0, 4)}.`,
            ),
          );
          return false;
        }
        return true;
      };
      const keys = new Set<string>();
      file.holidays.forEach((h, i) => {
        const at = (...rest: (string | number)[]) => ['holidays', i, ...rest];
        if (keys.has(h.key)) {
          ctx.addIssue(customIssue(at('key'), `Mã “${h.key}” bị trùng; mỗi ngày lễ cần một mã riêng.`, `The key “${h.key}” is used twice; every holiday needs its own key.`));
        }
        keys.add(h.key);
        const seenDates = new Set<string>();
        h.dates.forEach((d, j) => {
          inYear(d, at('dates', j));
          if (seenDates.has(d)) {
            ctx.addIssue(customIssue(at('dates', j), `Ngày ${d} được ghi hai lần.`, `The date ${d} is listed twice.`));
          }
          seenDates.add(d);
        });
        if (h.lunar) inYear(h.lunar.date, at('lunar', 'date'));
        h.days_off.forEach((d, j) => {
          if (!inYear(d, at('days_off', j))) return;
          if (isoWeekday(d) > 5) {
            const w = weekdayName(d);
            ctx.addIssue(
              customIssue(
                at('days_off', j),
                `Ngày ${d} là ${w.vi}, vốn đã là ngày nghỉ: chỉ ghi các ngày từ thứ Hai đến thứ Sáu được nghỉ. Một ngày lễ rơi vào cuối tuần thì ghi ngày nghỉ bù (Bộ luật Lao động Điều 111.3).`,
                `${d} is a ${w.en}, already a day off: list only the Monday–Friday days off. For a holiday on a weekend, list the day off given in lieu (Labour Code Art. 111.3).`,
              ),
            );
          }
          place(d, { vi: `ngày nghỉ của ${h.name.vi}`, en: `a day off of ${h.name.en}` }, at('days_off', j));
        });
        h.saturdays_worked.forEach((d, j) => {
          if (!inYear(d, at('saturdays_worked', j))) return;
          if (isoWeekday(d) !== 6) {
            const w = weekdayName(d);
            ctx.addIssue(
              customIssue(
                at('saturdays_worked', j),
                `Ngày ${d} là ${w.vi}, không phải thứ Bảy: chỉ ghi các ngày thứ Bảy làm bù theo thông báo.`,
                `${d} is a ${w.en}, not a Saturday: list only the Saturdays worked in exchange that the notice names.`,
              ),
            );
          }
          place(d, { vi: `ngày làm bù của ${h.name.vi}`, en: `a Saturday worked for ${h.name.en}` }, at('saturdays_worked', j));
        });
        if (h.confidence === 'awaiting-notice') {
          if (!h.undetermined) {
            ctx.addIssue(
              customIssue(
                at('undetermined'),
                'Ngày lễ chờ thông báo cần khoảng ngày chưa xác định (undetermined: from, to) để không ngày nào trong đó bị đoán.',
                'A holiday awaiting its notice needs its undetermined span (undetermined: from, to), so that no day inside is guessed.',
              ),
            );
          }
        } else {
          if (h.undetermined) {
            ctx.addIssue(
              customIssue(
                at('undetermined'),
                'Chỉ ngày lễ còn chờ thông báo (confidence: awaiting-notice) mới có khoảng ngày chưa xác định; khi đã có thông báo, bỏ mục này.',
                'Only a holiday awaiting its notice (confidence: awaiting-notice) has undetermined days; once the notice is out, remove the span.',
              ),
            );
          }
          if (h.dates.length === 0) {
            ctx.addIssue(customIssue(at('dates'), 'Cần ít nhất một ngày lễ.', 'At least one holiday date is needed.'));
          }
        }
        if (h.undetermined) {
          const { from, to } = h.undetermined;
          const fromOk = inYear(from, at('undetermined', 'from'));
          const toOk = inYear(to, at('undetermined', 'to'));
          if (fromOk && toOk && from > to) {
            ctx.addIssue(customIssue(at('undetermined', 'to'), `Ngày kết thúc ${to} trước ngày bắt đầu ${from}.`, `The end ${to} is before the start ${from}.`));
          }
        }
      });
    });
}

export type CalendarYearFile = z.infer<ReturnType<typeof calendarYearSchema>>;
