/**
 * The one place a Q&A entry's front matter becomes the `QaLifecycle` the
 * deadlines are computed from (the fields of the issue 12 contract: channel,
 * received, classified, routed_to, answered). Other fields of the entry are
 * left to the content schema; these are checked here so `npm run duties`
 * never computes a deadline from a malformed moment, and says which field of
 * which file to fix, with its line, in Vietnamese and English.
 */
import { z } from 'zod';
import type { ParsedYaml } from '../content/frontmatter.ts';
import type { ContentIssue } from '../content/issues.ts';
import { checkData } from '../content/yaml-file.ts';
import { isVietnamDateTime, type VietnamDateTime } from '../dates.ts';
import { bilingualIssue, choice, customIssue, SLUG_PATTERN, type Bilingual } from '../schema/fields.ts';
import { classificationStates, qaChannels } from './qa-deadline-rules.ts';
import type { QaLifecycle } from './qa-deadlines.ts';

const moment = (label: Bilingual) =>
  z
    .string()
    .refine(
      isVietnamDateTime,
      bilingualIssue(
        'Cần ngày giờ Việt Nam dạng NNNN-TT-NNTGG:PP, ví dụ 2026-02-13T17:45 (không ghi múi giờ).',
        'Expected a Vietnam date and time written YYYY-MM-DDTHH:mm, for example 2026-02-13T17:45 (no time zone).',
      ),
    )
    .meta({ label, translate: false });

const unit = z
  .string()
  .refine(
    (s) => SLUG_PATTERN.test(s),
    bilingualIssue(
      'Cần tên tệp (slug) của một đơn vị, ví dụ trung-tam-dich-vu-ho-tro-cham-soc-khach-hang.',
      'Expected the slug of a unit, for example trung-tam-dich-vu-ho-tro-cham-soc-khach-hang.',
    ),
  )
  .meta({ label: { vi: 'Đơn vị được chuyển', en: 'Unit routed to' }, translate: false });

/** The results of a classification: every classification state but `pending`. */
const classificationResults = {
  'in-scope': classificationStates['in-scope'],
  'out-of-scope': classificationStates['out-of-scope'],
  unclear: classificationStates.unclear,
};

/** The lifecycle fields of a Q&A entry; its other fields pass through unchecked here. */
export const qaLifecycleFields = z
  .object({
    channel: choice({ vi: 'Kênh tiếp nhận', en: 'Channel' }, qaChannels),
    received: moment({ vi: 'Thời điểm tiếp nhận', en: 'Received at' }),
    classified: z
      .strictObject({
        at: moment({ vi: 'Thời điểm phân loại', en: 'Classified at' }),
        result: choice({ vi: 'Kết quả phân loại', en: 'Classification' }, classificationResults),
        reported_back: moment({ vi: 'Thời điểm thông báo lại người hỏi', en: 'Reported back at' }).optional(),
      })
      .optional()
      .meta({ label: { vi: 'Phân loại', en: 'Classification' } }),
    routed_to: z.array(unit).default([]).meta({ label: { vi: 'Các đơn vị được chuyển', en: 'Routed to' } }),
    answered: moment({ vi: 'Thời điểm trả lời', en: 'Answered at' }).optional(),
  })
  .superRefine((q, ctx) => {
    const before = (path: (string | number)[], at: VietnamDateTime | undefined, label: Bilingual) => {
      if (at !== undefined && at < q.received) {
        ctx.addIssue(
          customIssue(path, `${label.vi} (${at}) không thể trước thời điểm tiếp nhận (${q.received}).`, `${label.en} (${at}) cannot be before the question was received (${q.received}).`),
        );
      }
    };
    before(['classified', 'at'], q.classified?.at, { vi: 'Thời điểm phân loại', en: 'The classification' });
    before(['classified', 'reported_back'], q.classified?.reported_back, { vi: 'Thời điểm thông báo lại', en: 'The report back' });
    before(['answered'], q.answered, { vi: 'Thời điểm trả lời', en: 'The answer' });
  });

/**
 * The lifecycle of the entry whose front matter is `data` (in `file`, with
 * `locate` giving a field's line), with `published` from the publication
 * history; or the problems that keep it from being read.
 */
export function qaLifecycleOf(
  data: unknown,
  file: string,
  locate: ParsedYaml['locate'],
  published?: VietnamDateTime,
): { lifecycle?: QaLifecycle; issues: ContentIssue[] } {
  const { value, issues } = checkData(qaLifecycleFields, data, file, locate);
  if (!value) return { issues };
  const classified = value.classified && { at: value.classified.at, result: value.classified.result, reported_back: value.classified.reported_back };
  return {
    lifecycle: { channel: value.channel, received: value.received, classified, routed_to: value.routed_to, answered: value.answered, published },
    issues,
  };
}
