/**
 * Schema of the Q&A deadline rules, `content/governance/qa-deadlines.yml`:
 * each rule says for which channel and step it holds (and, with `when`, for
 * which classification and number of routed units), from which moment it
 * counts, how many working days it gives, who is responsible, and the passage
 * of the regulation it comes from (portal regulation Art. 11.1 a, Decision
 * 1624/QĐ-BHXH Art. 13.2). Every channel and step is either governed by rules
 * or listed under `no_deadline` with the reason: the file says what applies
 * everywhere, and two rules never claim the same question.
 */
import { z } from 'zod';
import { bilingualIssue, choice, customIssue, reference, SLUG_PATTERN, text, type Bilingual } from '../schema/fields.ts';
import { bilingualText } from '../schema/settings.ts';
import { qaChannels, type QaChannel } from '../schema/collections.ts';

export const qaSteps = {
  classification: { vi: 'Phân loại, trả lời hoặc chuyển xử lý', en: 'Classification and routing' },
  'report-back': { vi: 'Thông báo lại cho người hỏi', en: 'Reporting back to the asker' },
  answer: { vi: 'Trả lời', en: 'Answer' },
  publication: { vi: 'Gửi trả lời và đăng công khai', en: 'Answer sent and published' },
} satisfies Record<string, Bilingual>;
export type QaStep = keyof typeof qaSteps;
export const QA_STEPS = Object.keys(qaSteps) as QaStep[];

export const classificationStates = {
  pending: { vi: 'chưa phân loại', en: 'not yet classified' },
  'in-scope': { vi: 'thuộc phạm vi', en: 'in scope' },
  'out-of-scope': { vi: 'ngoài phạm vi', en: 'out of scope' },
  unclear: { vi: 'không rõ nghĩa', en: 'unclear' },
} satisfies Record<string, Bilingual>;
export type ClassificationState = keyof typeof classificationStates;

export const countingStarts = {
  received: { vi: 'kể từ khi tiếp nhận câu hỏi', en: 'from receipt of the question' },
  classified: { vi: 'kể từ khi câu hỏi được phân loại, chuyển đến đơn vị', en: 'from the classification and routing of the question' },
  answered: { vi: 'kể từ khi nhận câu trả lời', en: 'from receipt of the answer' },
} satisfies Record<string, Bilingual>;
export type CountingStart = keyof typeof countingStarts;

const unitSlug = z
  .string()
  .refine(
    (s) => SLUG_PATTERN.test(s),
    bilingualIssue(
      'Cần tên tệp (slug) của một đơn vị trong content/units/, ví dụ trung-tam-dich-vu-ho-tro-cham-soc-khach-hang.',
      'Expected the slug of a unit in content/units/, for example trung-tam-dich-vu-ho-tro-cham-soc-khach-hang.',
    ),
  )
  .meta({ label: { vi: 'Đơn vị', en: 'Unit' }, references: 'units', translate: false });

/** A sentence or two in each language, on one line: how a text is read, why no deadline applies. */
const explanation = (label: Bilingual) =>
  z
    .strictObject({
      vi: text({ vi: `${label.vi} (tiếng Việt)`, en: `${label.en} (Vietnamese)` }, { max: 1000 }),
      en: text({ vi: `${label.vi} (tiếng Anh)`, en: `${label.en} (English)` }, { max: 1000 }),
    })
    .meta({ label });

const wholeNumber = (label: Bilingual, max: number) => z.number().int().min(0).max(max).meta({ label, translate: false });

/** The passage a rule comes from: document, Điều, khoản, điểm, and its exact words. */
export const citationSchema = z
  .strictObject({
    document: reference({ vi: 'Văn bản (tên tệp trong thư viện văn bản)', en: 'Document (its slug in the document library)' }, 'documents'),
    article: z.number().int().min(1).max(999).meta({ label: { vi: 'Điều', en: 'Article' } }),
    clause: z.number().int().min(1).max(99).optional().meta({ label: { vi: 'Khoản', en: 'Clause' } }),
    point: z
      .string()
      .refine(
        (s) => /^(?:[a-z]|đ)$/.test(s),
        bilingualIssue('Điểm là một chữ cái thường: a, b, c, d, đ, e, …', 'A point is one lower-case letter: a, b, c, d, đ, e, …'),
      )
      .optional()
      .meta({ label: { vi: 'Điểm', en: 'Point' } }),
    passage: bilingualText({ vi: 'Vị trí trong điểm (gạch đầu dòng, ý)', en: 'Place within the point (indent, item)' }).optional(),
    quote: text({ vi: 'Trích nguyên văn', en: 'Exact quotation' }, { max: 600, translate: false }),
  })
  .superRefine((c, ctx) => {
    if (c.point !== undefined && c.clause === undefined) {
      ctx.addIssue(customIssue(['clause'], 'Có điểm thì phải ghi khoản chứa điểm đó.', 'A point needs the clause it belongs to.'));
    }
  })
  .meta({ label: { vi: 'Căn cứ', en: 'Source' } });
export type Citation = z.infer<typeof citationSchema>;

const ruleSchema = z
  .strictObject({
    id: z
      .string()
      .refine(
        (s) => SLUG_PATTERN.test(s),
        bilingualIssue('Mã quy tắc chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ portal-answer.', 'A rule id uses only lower-case ASCII letters, digits and hyphens, for example portal-answer.'),
      )
      .meta({ label: { vi: 'Mã quy tắc', en: 'Rule id' } }),
    channel: choice({ vi: 'Kênh', en: 'Channel' }, qaChannels),
    step: choice({ vi: 'Bước', en: 'Step' }, qaSteps),
    when: z
      .strictObject({
        classification: z.array(choice({ vi: 'Kết quả phân loại', en: 'Classification' }, classificationStates)).min(1).optional(),
        units: z
          .strictObject({
            min: wholeNumber({ vi: 'Số đơn vị tối thiểu', en: 'Fewest units' }, 99),
            max: wholeNumber({ vi: 'Số đơn vị tối đa', en: 'Most units' }, 99).optional(),
          })
          .optional()
          .meta({ label: { vi: 'Số đơn vị được chuyển', en: 'Number of units routed to' } }),
      })
      .optional()
      .meta({ label: { vi: 'Áp dụng khi', en: 'Applies when' } }),
    counts_from: choice({ vi: 'Tính từ', en: 'Counts from' }, countingStarts),
    working_days: wholeNumber({ vi: 'Số ngày làm việc', en: 'Working days' }, 60),
    target_working_days: wholeNumber({ vi: 'Mục tiêu (ngày làm việc)', en: 'Target (working days)' }, 60).optional(),
    responsible: z
      .strictObject({
        routed: z.boolean().default(false).meta({ label: { vi: 'Các đơn vị được chuyển câu hỏi', en: 'The units the question was routed to' } }),
        units: z.array(unitSlug).min(1).optional().meta({ label: { vi: 'Đơn vị chịu trách nhiệm', en: 'Responsible units' } }),
      })
      .meta({ label: { vi: 'Trách nhiệm', en: 'Responsibility' } }),
    cites: citationSchema,
    reading: explanation({ vi: 'Cách hiểu văn bản', en: 'How the text is read' }).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.target_working_days !== undefined && r.target_working_days >= r.working_days) {
      ctx.addIssue(
        customIssue(
          ['target_working_days'],
          `Mục tiêu (${r.target_working_days} ngày) phải ngắn hơn hạn (${r.working_days} ngày làm việc).`,
          `The target (${r.target_working_days} days) must be shorter than the deadline (${r.working_days} working days).`,
        ),
      );
    }
    const units = r.when?.units;
    if (units?.max !== undefined && units.max < units.min) {
      ctx.addIssue(
        customIssue(['when', 'units', 'max'], `Số đơn vị tối đa (${units.max}) nhỏ hơn tối thiểu (${units.min}).`, `The most units (${units.max}) is below the fewest (${units.min}).`),
      );
    }
    if (!r.responsible.routed && r.responsible.units === undefined) {
      ctx.addIssue(
        customIssue(
          ['responsible'],
          'Cần ghi đơn vị chịu trách nhiệm (units) hoặc routed: true (các đơn vị được chuyển câu hỏi).',
          'Name the responsible units (units) or set routed: true (the units the question was routed to).',
        ),
      );
    }
    if (r.counts_from !== 'received' && r.step === 'classification') {
      ctx.addIssue(customIssue(['counts_from'], 'Bước phân loại chỉ có thể tính từ khi tiếp nhận câu hỏi (received).', 'The classification step can only count from receipt of the question (received).'));
    }
    if (r.counts_from === 'answered' && r.step !== 'publication') {
      ctx.addIssue(
        customIssue(
          ['counts_from'],
          'Chỉ bước đăng công khai (publication) tính từ khi có câu trả lời.',
          'Only the publication step counts from the answer.',
        ),
      );
    }
  })
  .meta({ label: { vi: 'Quy tắc', en: 'Rule' } });
export type QaDeadlineRule = z.infer<typeof ruleSchema>;

const noDeadlineSchema = z
  .strictObject({
    channel: choice({ vi: 'Kênh', en: 'Channel' }, qaChannels),
    steps: z
      .array(choice({ vi: 'Bước', en: 'Step' }, qaSteps))
      .min(1)
      .optional()
      .meta({ label: { vi: 'Các bước', en: 'Steps' }, hint: { vi: 'Bỏ trống: mọi bước.', en: 'Leave out: every step.' } }),
    why: explanation({ vi: 'Lý do', en: 'Reason' }),
    cites: citationSchema.optional(),
  })
  .meta({ label: { vi: 'Không có thời hạn', en: 'No deadline' } });
export type NoDeadline = z.infer<typeof noDeadlineSchema>;

/** Whether two `when` conditions can hold for the same question. */
function overlap(a: QaDeadlineRule['when'], b: QaDeadlineRule['when']): boolean {
  const ca = a?.classification;
  const cb = b?.classification;
  if (ca && cb && !ca.some((c) => cb.includes(c))) return false;
  const ua = a?.units ?? { min: 0 };
  const ub = b?.units ?? { min: 0 };
  const hi = (u: { max?: number | undefined }) => u.max ?? Infinity;
  return Math.max(ua.min, ub.min) <= Math.min(hi(ua), hi(ub));
}

const documentSlug = z
  .string()
  .refine(
    (s) => SLUG_PATTERN.test(s),
    bilingualIssue(
      'Cần tên tệp (slug) của văn bản trong thư viện: chữ thường không dấu, số và dấu gạch ngang, ví dụ 1624-qd-bhxh.',
      'Expected the slug of a document in the library: lower-case ASCII letters, digits and hyphens, for example 1624-qd-bhxh.',
    ),
  );

export const qaDeadlineRulesSchema = z
  .strictObject({
    documents: z
      .record(documentSlug, bilingualText({ vi: 'Tên ngắn của văn bản', en: 'Short name of the document' }))
      .meta({ label: { vi: 'Văn bản được trích dẫn', en: 'Cited documents' } }),
    rules: z.array(ruleSchema).min(1).meta({ label: { vi: 'Quy tắc', en: 'Rules' } }),
    no_deadline: z.array(noDeadlineSchema).default([]).meta({ label: { vi: 'Không có thời hạn', en: 'No deadline' } }),
  })
  .superRefine((file, ctx) => {
    file.rules.forEach((r, i) => {
      const first = file.rules.findIndex((q) => q.id === r.id);
      if (first < i) {
        ctx.addIssue(customIssue(['rules', i, 'id'], `Mã quy tắc “${r.id}” đã dùng ở quy tắc thứ ${first + 1}.`, `The rule id “${r.id}” is already used by rule ${first + 1}.`));
      }
      file.rules.slice(0, i).forEach((q, j) => {
        if (q.channel === r.channel && q.step === r.step && overlap(q.when, r.when)) {
          ctx.addIssue(
            customIssue(
              ['rules', i, 'when'],
              `Quy tắc “${r.id}” trùng phạm vi áp dụng với quy tắc “${q.id}” (thứ ${j + 1}) cho cùng kênh và bước; hãy tách điều kiện when để mỗi câu hỏi chỉ thuộc một quy tắc.`,
              `Rule “${r.id}” applies to the same questions as rule “${q.id}” (number ${j + 1}) for the same channel and step; split their when conditions so each question falls under one rule.`,
            ),
          );
        }
      });
    });
    const named = (c: Citation | undefined, path: (string | number)[]) => {
      if (c && !(c.document in file.documents)) {
        ctx.addIssue(
          customIssue(
            [...path, 'document'],
            `Văn bản “${c.document}” chưa có tên ngắn trong mục documents ở đầu tệp; hãy thêm.`,
            `The document “${c.document}” has no short name under documents at the top of the file; add it.`,
          ),
        );
      }
    };
    file.rules.forEach((r, i) => named(r.cites, ['rules', i, 'cites']));
    file.no_deadline.forEach((n, i) => named(n.cites, ['no_deadline', i, 'cites']));
    const stepsOf = (n: NoDeadline) => n.steps ?? (Object.keys(qaSteps) as QaStep[]);
    file.no_deadline.forEach((n, i) => {
      for (const step of stepsOf(n)) {
        const ruled = file.rules.find((r) => r.channel === n.channel && r.step === step);
        if (ruled) {
          ctx.addIssue(
            customIssue(
              ['no_deadline', i],
              `Bước ${step} của kênh ${n.channel} đã có quy tắc “${ruled.id}”; không thể vừa có vừa không có thời hạn.`,
              `The ${step} step of the ${n.channel} channel already has rule “${ruled.id}”; it cannot both have and lack a deadline.`,
            ),
          );
        }
        const earlier = file.no_deadline.findIndex((m) => m.channel === n.channel && stepsOf(m).includes(step));
        if (earlier < i) {
          ctx.addIssue(
            customIssue(['no_deadline', i], `Bước ${step} của kênh ${n.channel} đã ghi ở mục thứ ${earlier + 1}.`, `The ${step} step of the ${n.channel} channel is already listed in item ${earlier + 1}.`),
          );
        }
      }
    });
    for (const channel of Object.keys(qaChannels) as QaChannel[]) {
      const missing = (Object.keys(qaSteps) as QaStep[]).filter(
        (step) => !file.rules.some((r) => r.channel === channel && r.step === step) && !file.no_deadline.some((n) => n.channel === channel && stepsOf(n).includes(step)),
      );
      if (missing.length > 0) {
        ctx.addIssue(
          customIssue(
            ['no_deadline'],
            `Kênh ${channel} chưa nói gì về bước ${missing.join(', ')}: thêm quy tắc (rules) có trích dẫn điều khoản, hoặc ghi vào no_deadline kèm lý do.`,
            `The ${channel} channel says nothing about the step(s) ${missing.join(', ')}: add rules citing their article, or list them under no_deadline with the reason.`,
          ),
        );
      }
    }
  });
export type QaDeadlineRules = z.infer<typeof qaDeadlineRulesSchema>;
