/**
 * Schema of the publication-duties file, `content/governance/publication-duties.yml`:
 * the time limits within which the portal must publish what the units supply
 * (portal regulation Art. 4 requires the portal to publish completely and in
 * time; Art. 11 sets the time limit of each kind of information, in working
 * days). Each duty cites the article, clause and point it comes from, with the
 * regulation's own words. Which entries a duty applies to, and which field of
 * theirs starts the count, is the content model's (src/lib/duties/publication-duties.ts).
 */
import { z } from 'zod';
import { bilingualIssue, choice, customIssue, longText, reference, sampleFlag, type Bilingual } from './fields.ts';
import { bilingualText } from './settings.ts';

/** The duties the content model can track, each with its name. Every one appears exactly once in the file. */
export const publicationDutyNames = {
  'documents': { vi: 'Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành', en: 'Legal and guidance documents' },
  'policy-guidance': { vi: 'Hướng dẫn thực hiện chính sách mới', en: 'Guidance on new policy' },
  'contact-details': { vi: 'Thông tin liên hệ', en: 'Contact details' },
  'award': { vi: 'Thông tin khen thưởng', en: 'Awards' },
  'research-programme': { vi: 'Chương trình, đề tài khoa học', en: 'Research programmes' },
  'investment-project': { vi: 'Dự án, hạng mục đầu tư', en: 'Investment projects' },
  'procurement': { vi: 'Mua sắm công, đấu thầu', en: 'Procurement and bidding' },
  'leader-biography': { vi: 'Tiểu sử tóm tắt và nhiệm vụ của lãnh đạo', en: 'Leaders’ short biographies and duties' },
} satisfies Record<string, Bilingual>;
export type PublicationDutyKey = keyof typeof publicationDutyNames;
export const publicationDutyKeys = Object.keys(publicationDutyNames) as PublicationDutyKey[];

/** Points of a Vietnamese legal text are lettered a, b, c, d, đ, e, g, h, i, k, … (no f, j, w, z). */
const POINT = /^[a-eg-ik-vxyđ]$/u;

const citation = z
  .strictObject({
    article: z.number().int().min(1).meta({ label: { vi: 'Điều', en: 'Article' } }),
    clause: z.number().int().min(1).optional().meta({ label: { vi: 'Khoản', en: 'Clause' } }),
    point: z
      .string()
      .refine(
        (s) => POINT.test(s),
        bilingualIssue('Điểm là một chữ cái thường như trong văn bản: a, b, c, d, đ, e, g, h, …', 'A point is one lower-case letter as in the text: a, b, c, d, đ, e, g, h, …'),
      )
      .optional()
      .meta({ label: { vi: 'Điểm', en: 'Point' } }),
    text: longText(
      { vi: 'Nguyên văn quy định', en: 'The regulation’s words' },
      { max: 1200, hint: { vi: 'Trích nguyên văn (tiếng Việt) câu quy định thời hạn.', en: 'Quote (in Vietnamese) the sentence that sets the time limit.' } },
    ),
  })
  .superRefine((c, ctx) => {
    if (c.point && c.clause === undefined) {
      ctx.addIssue(customIssue(['clause'], 'Có điểm thì phải ghi khoản chứa điểm đó.', 'A point needs the clause it belongs to.'));
    }
  })
  .meta({ label: { vi: 'Căn cứ', en: 'Citation' } });

const dutySchema = z
  .strictObject({
    duty: choice({ vi: 'Nghĩa vụ', en: 'Duty' }, publicationDutyNames),
    working_days: z
      .number()
      .int()
      .min(0)
      .max(60)
      .meta({
        label: { vi: 'Số ngày làm việc', en: 'Working days' },
        hint: { vi: '0 nghĩa là ngay trong ngày.', en: '0 means the same day.' },
      }),
    counted_from: bilingualText({ vi: 'Tính từ', en: 'Counted from' }),
    supplier: bilingualText({ vi: 'Đơn vị cung cấp thông tin', en: 'Unit that supplies the information' }),
    time_limit: citation.meta({ label: { vi: 'Quy định thời hạn', en: 'Where the time limit is set' } }),
    requirement: z
      .array(citation)
      .default([])
      .meta({ label: { vi: 'Yêu cầu đăng tải (Điều 4)', en: 'Publication requirement (Art. 4)' } }),
  })
  .meta({ label: { vi: 'Nghĩa vụ đăng tải', en: 'Publication duty' } });

export const publicationDutiesSchema = z
  .strictObject({
    regulation: z
      .strictObject({
        title: bilingualText({ vi: 'Tên quy chế', en: 'Regulation' }),
        document: reference({ vi: 'Văn bản trên cổng', en: 'Document on the portal' }, 'documents'),
      })
      .meta({ label: { vi: 'Quy chế', en: 'Regulation' } }),
    duties: z.array(dutySchema).min(1).meta({ label: { vi: 'Nghĩa vụ', en: 'Duties' } }),
    sample: sampleFlag,
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.duties.forEach((d, i) => {
      const first = seen.get(d.duty);
      if (first !== undefined) {
        ctx.addIssue(
          customIssue(
            ['duties', i, 'duty'],
            `Nghĩa vụ “${d.duty}” đã có ở mục thứ ${first + 1}; mỗi nghĩa vụ chỉ ghi một lần. Xoá một trong hai mục.`,
            `The duty “${d.duty}” is already listed as item ${first + 1}; list each duty once. Remove one of the two.`,
          ),
        );
      } else seen.set(d.duty, i);
    });
    const missing = publicationDutyKeys.filter((k) => !seen.has(k));
    if (missing.length > 0) {
      ctx.addIssue(
        customIssue(
          ['duties'],
          `Thiếu nghĩa vụ: ${missing.map((k) => `${k} (${publicationDutyNames[k].vi})`).join(', ')}. Thêm mỗi nghĩa vụ một mục, với số ngày làm việc và điều khoản quy định.`,
          `Duties missing: ${missing.map((k) => `${k} (${publicationDutyNames[k].en})`).join(', ')}. Add an item for each, with its working days and the article that sets them.`,
        ),
      );
    }
  });

export type PublicationDutyRules = z.infer<typeof publicationDutiesSchema>;
export type PublicationDutyRule = PublicationDutyRules['duties'][number];
export type Citation = z.infer<typeof citation>;
