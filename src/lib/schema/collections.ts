/**
 * The content model: one zod schema per collection, the single source of truth
 * for validation, TypeScript types, error messages and the CMS configuration.
 *
 * Entries live at `content/<collection>/<locale>/<slug>.mdx`; the frontmatter
 * is checked against the schema below and the body is the entry's text.
 * Schemas that use the board-approved lists (columns, sections, Q&A topics)
 * are built from the taxonomy file, so approving a new section needs no code.
 */
import { z } from 'zod';
import {
  bilingualIssue,
  choice,
  customIssue,
  email,
  isoDate,
  longText,
  phone,
  reference,
  sampleFlag,
  sitePath,
  text,
  vietnamDateTime,
  webUrl,
  withdrawnGroup,
  lifecycleFields,
  type Bilingual,
} from './fields.ts';
import type { Taxonomy } from './settings.ts';
import { formatDate } from '../dates.ts';

export const collectionNames = ['pages', 'news', 'documents', 'qa', 'spokespeople', 'units'] as const;
export type CollectionName = (typeof collectionNames)[number];

/** Bilingual names of the collections, for messages and the CMS. */
export const collectionLabels: Record<CollectionName, Bilingual> = {
  pages: { vi: 'Trang giới thiệu', en: 'Pages' },
  news: { vi: 'Tin tức', en: 'News' },
  documents: { vi: 'Văn bản', en: 'Documents' },
  qa: { vi: 'Hỏi đáp', en: 'Questions and answers' },
  spokespeople: { vi: 'Người phát ngôn', en: 'Spokespeople' },
  units: { vi: 'Đơn vị', en: 'Units' },
};

const title = text({ vi: 'Tiêu đề', en: 'Title' }, { max: 300 });
const summary = longText(
  { vi: 'Tóm tắt', en: 'Summary' },
  { max: 600, hint: { vi: 'Một hai câu nêu ý chính; dùng cho danh sách, kết quả tìm kiếm và khi chia sẻ.', en: 'One or two sentences; used in listings, search results and link previews.' } },
);
const order = z
  .number()
  .int()
  .min(0)
  .default(100)
  .meta({ label: { vi: 'Thứ tự', en: 'Order' }, hint: { vi: 'Số nhỏ đứng trước.', en: 'Lower numbers come first.' }, translate: false });

function keyOf(list: { key: string; vi: string; en: string }[]): Record<string, Bilingual> {
  return Object.fromEntries(list.map((x) => [x.key, { vi: x.vi, en: x.en }]));
}

// ---------------------------------------------------------------- pages

export const pageSections = {
  about: { vi: 'Giới thiệu', en: 'About' },
  organisation: { vi: 'Cơ cấu tổ chức', en: 'Organisation' },
  editorial: { vi: 'Ban Biên tập', en: 'Editorial board' },
  contact: { vi: 'Liên hệ', en: 'Contact' },
  spokespeople: { vi: 'Người phát ngôn', en: 'Spokespeople' },
  links: { vi: 'Liên kết', en: 'Links' },
} satisfies Record<string, Bilingual>;

export const pageIncludes = {
  spokespeople: { vi: 'Danh sách người phát ngôn', en: 'List of spokespeople' },
  units: { vi: 'Danh sách đơn vị', en: 'List of units' },
  board: { vi: 'Thành phần Ban Biên tập (từ tệp phân công vai trò)', en: 'Members of the editorial board (from the roles file)' },
} satisfies Record<string, Bilingual>;

export const pagesSchema = z.strictObject({
  title,
  summary,
  section: choice({ vi: 'Nhóm trang', en: 'Section' }, pageSections),
  order,
  include: choice(
    { vi: 'Kèm danh sách', en: 'Append a list' },
    pageIncludes,
    { vi: 'Danh sách tự động đặt dưới nội dung trang.', en: 'A generated list shown below the page text.' },
  ).optional(),
  appointed: isoDate(
    { vi: 'Ngày bổ nhiệm (trang tiểu sử lãnh đạo)', en: 'Date of appointment (leader’s biography)' },
    {
      vi: 'Chỉ điền cho trang tiểu sử tóm tắt và nhiệm vụ của một lãnh đạo (nhóm trang “Cơ cấu tổ chức”): ngày lãnh đạo được bổ nhiệm và phân công nhiệm vụ. Trang phải được đăng ngay trong ngày đó (Quy chế Cổng, Điều 11 khoản 1 điểm b).',
      en: 'Only for the page of a leader’s short biography and duties (section “Organisation”): the day the leader was appointed and assigned duties. The page must be published that same day (portal regulation, Art. 11(1)(b)).',
    },
    { yearsAhead: 0 },
  ).optional(),
  sample: sampleFlag,
  withdrawn: withdrawnGroup,
  ...lifecycleFields,
}).superRefine((p, ctx) => {
  if (p.appointed && p.section !== 'organisation') {
    ctx.addIssue(
      customIssue(
        ['appointed'],
        `Ngày bổ nhiệm chỉ dùng cho trang tiểu sử lãnh đạo, thuộc nhóm trang “${pageSections.organisation.vi}”; trang này thuộc nhóm “${pageSections[p.section].vi}”. Chọn nhóm trang “${pageSections.organisation.vi}” hoặc xoá ngày bổ nhiệm.`,
        `The date of appointment is only for a leader’s biography, in the section “${pageSections.organisation.en}”; this page is in “${pageSections[p.section].en}”. Choose the section “${pageSections.organisation.en}” or remove the date of appointment.`,
      ),
    );
  }
});

// ---------------------------------------------------------------- publication duties

/**
 * What starts the working-day count of a publication duty (portal regulation,
 * Art. 11): the kinds of news item the regulation sets a time limit for.
 * The keys are those of content/governance/publication-duties.yml.
 */
export const newsDutyKinds = {
  'policy-guidance': { vi: 'Hướng dẫn chính sách mới (tính từ ngày văn bản, chính sách được ban hành)', en: 'Guidance on a new policy (counted from the policy’s issue)' },
  'award': { vi: 'Thông tin khen thưởng (tính từ khi hoàn thiện thông tin và được phép công bố)', en: 'Award (counted from when the information was complete and cleared)' },
  'research-programme': { vi: 'Chương trình, đề tài khoa học (tính từ khi được phê duyệt hoặc nghiệm thu)', en: 'Research programme (counted from its approval or acceptance)' },
  'investment-project': { vi: 'Dự án, hạng mục đầu tư (tính từ khi được phê duyệt)', en: 'Investment project (counted from its approval)' },
  'procurement': { vi: 'Mua sắm công, đấu thầu (tính từ khi được phê duyệt)', en: 'Procurement and bidding (counted from its approval)' },
} satisfies Record<string, Bilingual>;
export type NewsDutyKind = keyof typeof newsDutyKinds;

const contactChanged = vietnamDateTime(
  { vi: 'Thông tin liên hệ thay đổi lúc', en: 'Contact details changed at' },
  {
    vi: 'Khi sửa địa chỉ, điện thoại, e-mail: ngày giờ (giờ Việt Nam) thông tin thay đổi và được phép công bố. Cổng phải đăng trong 01 ngày làm việc (Quy chế Cổng, Điều 11 khoản 1 điểm a).',
    en: 'When the address, telephone or e-mail changes: the date and time (Vietnam time) the details changed and were cleared for publication. The portal must publish them within 1 working day (portal regulation, Art. 11(1)(a)).',
  },
  { yearsAhead: 0 },
).optional();

// ---------------------------------------------------------------- news

export function newsSchema(taxonomy: Taxonomy) {
  const columns = keyOf(taxonomy.columns);
  const sections = keyOf(taxonomy.columns.flatMap((c) => c.sections));
  return z
    .strictObject({
      title,
      summary,
      date: isoDate({ vi: 'Ngày đăng', en: 'Date' }, undefined, { yearsAhead: 1 }),
      column: choice({ vi: 'Chuyên mục', en: 'Column' }, columns),
      section: choice({ vi: 'Mục', en: 'Section' }, sections, {
        vi: 'Mục phải thuộc chuyên mục đã chọn.',
        en: 'The section must belong to the chosen column.',
      }),
      author: text({ vi: 'Tác giả', en: 'Author' }, { max: 120, translate: false }),
      source_unit: reference({ vi: 'Đơn vị cung cấp tin', en: 'Supplying unit' }, 'units').optional(),
      image: z
        .strictObject({
          src: sitePath({ vi: 'Tệp ảnh', en: 'Image file' }, 'media'),
          alt: text(
            { vi: 'Mô tả ảnh (cho người khiếm thị)', en: 'Image description (alt text)' },
            { max: 250, hint: { vi: 'Tả nội dung ảnh cho người không nhìn thấy ảnh.', en: 'Describe the image for people who cannot see it.' } },
          ),
          caption: text({ vi: 'Chú thích ảnh', en: 'Caption' }, { max: 300 }).optional(),
        })
        .optional()
        .meta({ label: { vi: 'Ảnh đại diện', en: 'Image' } }),
      tags: z
        .array(text({ vi: 'Từ khoá', en: 'Tag' }, { max: 60 }))
        .default([])
        .meta({ label: { vi: 'Từ khoá', en: 'Tags' } }),
      publication_duty: z
        .strictObject({
          kind: choice({ vi: 'Loại tin có thời hạn đăng', en: 'Kind of item with a time limit' }, newsDutyKinds),
          from: vietnamDateTime(
            { vi: 'Tính hạn từ (ngày giờ)', en: 'Counted from (date and time)' },
            {
              vi: 'Giờ Việt Nam. Hướng dẫn chính sách: ngày văn bản, chính sách được ban hành; khen thưởng: khi thông tin hoàn thiện và được phép công bố; đề tài khoa học: khi được phê duyệt hoặc nghiệm thu; dự án, mua sắm: khi được phê duyệt.',
              en: 'Vietnam time. Policy guidance: when the policy was issued; award: when the information was complete and cleared; research programme: when it was approved or accepted; project, procurement: when it was approved.',
            },
            { yearsAhead: 0 },
          ),
          basis: text(
            { vi: 'Căn cứ (số, ngày văn bản hoặc quyết định)', en: 'Basis (number and date of the document or decision)' },
            { max: 200 },
          ).optional(),
        })
        .optional()
        .meta({
          label: { vi: 'Thời hạn đăng tải (Quy chế Cổng, Điều 11)', en: 'Publication time limit (portal regulation, Art. 11)' },
          hint: {
            vi: 'Chỉ điền khi tin thuộc loại Quy chế quy định thời hạn đăng: hướng dẫn chính sách mới (10 ngày làm việc), khen thưởng (5), đề tài khoa học (20), dự án đầu tư và mua sắm công (10).',
            en: 'Only for items the regulation sets a time limit for: guidance on a new policy (10 working days), awards (5), research programmes (20), investment projects and procurement (10).',
          },
        }),
      sample: sampleFlag,
      withdrawn: withdrawnGroup,
      ...lifecycleFields,
    })
    .superRefine((entry, ctx) => {
      const column = taxonomy.columns.find((c) => c.key === entry.column);
      if (column && !column.sections.some((s) => s.key === entry.section)) {
        // Named as the editor sees them in the CMS's lists: by their names, not their keys.
        const chosen = taxonomy.columns.flatMap((c) => c.sections).find((s) => s.key === entry.section);
        const allowed = (locale: 'vi' | 'en') => column.sections.map((s) => `“${s[locale]}”`).join(', ');
        ctx.addIssue(
          customIssue(
            ['section'],
            `Mục “${chosen?.vi ?? entry.section}” không thuộc chuyên mục “${column.vi}”. Chọn một mục của chuyên mục này: ${allowed('vi')}.`,
            `Section “${chosen?.en ?? entry.section}” is not in the column “${column.en}”. Choose a section of that column: ${allowed('en')}.`,
          ),
        );
      }
      const duty = entry.publication_duty;
      if (duty && duty.from.slice(0, 10) > entry.date) {
        ctx.addIssue(
          customIssue(
            ['publication_duty', 'from'],
            `Thời điểm tính hạn (${formatDate(duty.from.slice(0, 10), 'vi')}) không thể sau ngày đăng của tin (${formatDate(entry.date, 'vi')}): tin đăng trước sự kiện thì không có thời hạn đăng. Kiểm tra lại ngày, hoặc xoá phần “Thời hạn đăng tải”.`,
            `The moment the time limit counts from (${formatDate(duty.from.slice(0, 10), 'en')}) cannot be after the item’s date (${formatDate(entry.date, 'en')}): an item published before the event has no time limit. Check the date, or remove “Publication time limit”.`,
          ),
        );
      }
    });
}

// ---------------------------------------------------------------- documents

export const documentKinds = {
  'luat': { vi: 'Luật', en: 'Law' },
  'nghi-quyet': { vi: 'Nghị quyết', en: 'Resolution' },
  'nghi-dinh': { vi: 'Nghị định', en: 'Decree' },
  'quyet-dinh': { vi: 'Quyết định', en: 'Decision' },
  'thong-tu': { vi: 'Thông tư', en: 'Circular' },
  'chi-thi': { vi: 'Chỉ thị', en: 'Directive' },
  'quy-che': { vi: 'Quy chế', en: 'Regulation' },
  'quy-dinh': { vi: 'Quy định', en: 'Rules' },
  'ke-hoach': { vi: 'Kế hoạch', en: 'Plan' },
  'huong-dan': { vi: 'Hướng dẫn', en: 'Guidance' },
  'cong-van': { vi: 'Công văn', en: 'Official letter' },
  'thong-bao': { vi: 'Thông báo', en: 'Notice' },
  'bao-cao': { vi: 'Báo cáo', en: 'Report' },
} satisfies Record<string, Bilingual>;
export type DocumentKind = keyof typeof documentKinds;

export const documentStatuses = {
  'in-force': { vi: 'Còn hiệu lực', en: 'In force' },
  'expired': { vi: 'Hết hiệu lực', en: 'Expired' },
  'not-yet-determined': { vi: 'Chưa xác định', en: 'Not yet determined' },
  'draft': { vi: 'Dự thảo', en: 'Draft' },
} satisfies Record<string, Bilingual>;
export type DocumentStatus = keyof typeof documentStatuses;

export const relationTypes = {
  'based-on': { vi: 'Căn cứ', en: 'Based on' },
  'replaces': { vi: 'Thay thế', en: 'Replaces' },
  'amends': { vi: 'Sửa đổi, bổ sung', en: 'Amends' },
  'amended-by': { vi: 'Được sửa đổi, bổ sung bởi', en: 'Amended by' },
} satisfies Record<string, Bilingual>;

const DOCUMENT_NUMBER = /^[0-9A-Za-z\u00C0-\u1EF9/&.\-]+$/u;
const documentNumberMessage = {
  vi: 'Số ký hiệu viết như trên văn bản, không có dấu cách, ví dụ 1624/QĐ-BHXH hoặc 89/2020/NĐ-CP.',
  en: 'Write the number as printed on the document, without spaces, for example 1624/QĐ-BHXH or 89/2020/NĐ-CP.',
};
const documentNumber = z
  .string()
  .refine((s) => DOCUMENT_NUMBER.test(s) && /\d/.test(s) && s.includes('/'), bilingualIssue(documentNumberMessage.vi, documentNumberMessage.en))
  .meta({ label: { vi: 'Số ký hiệu', en: 'Number' }, translate: false, pattern: { regex: DOCUMENT_NUMBER.source, message: documentNumberMessage } });

export const documentsSchema = z
  .strictObject({
    title,
    number: documentNumber.optional(),
    kind: choice({ vi: 'Loại văn bản', en: 'Kind' }, documentKinds),
    issuer: text({ vi: 'Cơ quan ban hành', en: 'Issuer' }, { max: 160 }),
    issued: isoDate({ vi: 'Ngày ban hành', en: 'Issued' }, undefined, { yearsAhead: 0 }).optional(),
    effective: isoDate({ vi: 'Ngày hiệu lực', en: 'Effective from' }, undefined, { yearsAhead: 5 }).optional(),
    status: choice({ vi: 'Tình trạng hiệu lực', en: 'Status' }, documentStatuses),
    signer: z
      .strictObject({
        name: text({ vi: 'Họ tên người ký', en: 'Signer’s name' }, { max: 120, translate: false }),
        position: text({ vi: 'Chức vụ người ký', en: 'Signer’s position' }, { max: 200 }),
      })
      .optional()
      .meta({ label: { vi: 'Người ký', en: 'Signer' } }),
    summary,
    attachments: z
      .array(
        z.strictObject({
          title: text({ vi: 'Tên tệp đính kèm', en: 'Attachment title' }),
          file: sitePath({ vi: 'Tệp', en: 'File' }, 'files'),
        }),
      )
      .default([])
      .meta({ label: { vi: 'Tệp đính kèm', en: 'Attachments' } }),
    relations: z
      .array(
        z
          .strictObject({
            type: choice({ vi: 'Quan hệ', en: 'Relation' }, relationTypes),
            document: reference({ vi: 'Văn bản trên cổng', en: 'Document on the portal' }, 'documents').optional(),
            number: documentNumber.optional(),
            title: text({ vi: 'Tên văn bản', en: 'Document title' }, { max: 400 }).optional(),
          })
          .superRefine((r, ctx) => {
            if (!r.document && !r.title) {
              ctx.addIssue(
                customIssue(
                  [],
                  'Cần chỉ ra văn bản liên quan: chọn một văn bản trên cổng (document) hoặc ghi tên văn bản (title).',
                  'Say which document this is: pick a document on the portal (document) or write its title (title).',
                ),
              );
            }
          }),
      )
      .default([])
      .meta({ label: { vi: 'Văn bản liên quan', en: 'Related documents' } }),
    cleared_at: vietnamDateTime(
      { vi: 'Thời điểm được phép công bố', en: 'Cleared for publication at' },
      {
        vi: 'Ngày giờ (giờ Việt Nam) văn bản đã hoàn thiện và được phép công bố. Cổng phải đăng trong 01 ngày làm việc kể từ thời điểm này (Quy chế Cổng, Điều 11 khoản 1 điểm a). Để trống với dự thảo và văn bản đăng lại từ trước.',
        en: 'The date and time (Vietnam time) the document was final and cleared for publication. The portal must publish it within 1 working day of that moment (portal regulation, Art. 11(1)(a)). Leave empty for drafts and documents posted from the archive.',
      },
      { yearsAhead: 0 },
    ).optional(),
    sample: sampleFlag,
    withdrawn: withdrawnGroup,
    ...lifecycleFields,
  })
  .superRefine((d, ctx) => {
    if (d.status !== 'draft') {
      if (!d.number) {
        ctx.addIssue(
          customIssue(
            ['number'],
            'Văn bản đã ban hành cần số ký hiệu; chỉ dự thảo (status: draft) mới được để trống.',
            'An issued document needs its number; only drafts (status: draft) may leave it blank.',
          ),
        );
      }
      if (!d.issued) {
        ctx.addIssue(
          customIssue(
            ['issued'],
            'Văn bản đã ban hành cần ngày ban hành; chỉ dự thảo (status: draft) mới được để trống.',
            'An issued document needs its date of issue; only drafts (status: draft) may leave it blank.',
          ),
        );
      }
    }
    if (d.cleared_at && d.status === 'draft') {
      ctx.addIssue(
        customIssue(
          ['cleared_at'],
          'Dự thảo xin ý kiến không có thời hạn 01 ngày làm việc: thời gian lấy ý kiến do lãnh đạo quyết định (Quy chế Cổng, Điều 11 khoản 1 điểm a). Xoá “Thời điểm được phép công bố”, hoặc đổi tình trạng nếu văn bản đã ban hành.',
          'A draft for comment has no 1-working-day time limit: leadership sets the comment period (portal regulation, Art. 11(1)(a)). Remove “Cleared for publication at”, or change the status if the document has been issued.',
        ),
      );
    }
    if (d.cleared_at && d.issued && d.cleared_at.slice(0, 10) < d.issued) {
      ctx.addIssue(
        customIssue(
          ['cleared_at'],
          `Văn bản không thể được phép công bố (${formatDate(d.cleared_at.slice(0, 10), 'vi')}) trước ngày ban hành (${formatDate(d.issued, 'vi')}). Kiểm tra lại hai ngày này.`,
          `A document cannot be cleared for publication (${formatDate(d.cleared_at.slice(0, 10), 'en')}) before its date of issue (${formatDate(d.issued, 'en')}). Check both dates.`,
        ),
      );
    }
    if (d.issued && d.effective && d.effective < d.issued) {
      ctx.addIssue(
        customIssue(
          ['effective'],
          `Ngày hiệu lực (${d.effective}) không thể trước ngày ban hành (${d.issued}).`,
          `The effective date (${d.effective}) cannot be before the date of issue (${d.issued}).`,
        ),
      );
    }
  });

// ---------------------------------------------------------------- questions and answers

const INITIALS = /^\p{Lu}(\.\p{Lu})*\.?$/u;
const initialsMessage = {
  vi: 'Chỉ ghi chữ cái đầu của họ tên, viết hoa, cách nhau bằng dấu chấm, ví dụ N.T.H. (không ghi họ tên đầy đủ).',
  en: 'Write only the initials, in capitals, separated by dots, for example N.T.H. (never the full name).',
};

export function qaSchema(taxonomy: Taxonomy) {
  return z
    .strictObject({
      title: text({ vi: 'Tiêu đề câu hỏi', en: 'Question title' }, { max: 200 }),
      question: longText({ vi: 'Nội dung câu hỏi', en: 'Question' }, { max: 4000 }),
      asked: isoDate({ vi: 'Ngày hỏi', en: 'Asked on' }, undefined, { yearsAhead: 0 }),
      asker: z
        .strictObject({
          initials: z
            .string()
            .refine((s) => INITIALS.test(s), bilingualIssue(initialsMessage.vi, initialsMessage.en))
            .meta({ label: { vi: 'Chữ cái đầu họ tên', en: 'Initials' }, translate: false }),
          province: text({ vi: 'Tỉnh, thành phố', en: 'Province' }, { max: 80 }),
        })
        .meta({ label: { vi: 'Người hỏi', en: 'Asked by' } }),
      topic: choice({ vi: 'Chủ đề', en: 'Topic' }, keyOf(taxonomy.qa_topics)),
      answered: isoDate({ vi: 'Ngày trả lời', en: 'Answered on' }, undefined, { yearsAhead: 0 }),
      answered_by: z
        .array(reference({ vi: 'Đơn vị trả lời', en: 'Answering unit' }, 'units'))
        .min(1)
        .meta({ label: { vi: 'Đơn vị trả lời', en: 'Answering units' } }),
      sample: sampleFlag,
      withdrawn: withdrawnGroup,
      ...lifecycleFields,
    })
    .superRefine((q, ctx) => {
      if (q.answered < q.asked) {
        ctx.addIssue(
          customIssue(
            ['answered'],
            `Ngày trả lời (${q.answered}) không thể trước ngày hỏi (${q.asked}).`,
            `The answer date (${q.answered}) cannot be before the date asked (${q.asked}).`,
          ),
        );
      }
    });
}

// ---------------------------------------------------------------- spokespeople

export const spokespersonRoles = {
  spokesperson: { vi: 'Người phát ngôn', en: 'Spokesperson' },
  authorised: { vi: 'Người được ủy quyền phát ngôn', en: 'Authorised spokesperson' },
} satisfies Record<string, Bilingual>;

export const spokespeopleSchema = z
  .strictObject({
    name: text({ vi: 'Họ và tên', en: 'Name' }, { max: 120, translate: false }),
    position: text({ vi: 'Chức vụ', en: 'Position' }, { max: 200 }),
    organisation: text({ vi: 'Cơ quan', en: 'Organisation' }, { max: 200 }),
    phone: phone({ vi: 'Điện thoại', en: 'Telephone' }),
    email: email({ vi: 'E-mail', en: 'E-mail' }),
    role: choice({ vi: 'Vai trò', en: 'Role' }, spokespersonRoles),
    authorisation: z
      .strictObject({
        number: documentNumber,
        date: isoDate({ vi: 'Ngày ký văn bản ủy quyền', en: 'Date of the authorisation' }, undefined, { yearsAhead: 0 }),
        scope: text({ vi: 'Nội dung được ủy quyền', en: 'Scope of the authorisation' }, { max: 400 }).optional(),
      })
      .optional()
      .meta({ label: { vi: 'Văn bản ủy quyền', en: 'Written authorisation' } }),
    valid_from: isoDate({ vi: 'Hiệu lực từ ngày', en: 'Valid from' }, undefined, { yearsAhead: 1 }).optional(),
    valid_to: isoDate({ vi: 'Hiệu lực đến ngày', en: 'Valid to' }, undefined, { yearsAhead: 10 }).optional(),
    contact_changed: contactChanged,
    order,
    sample: sampleFlag,
    withdrawn: withdrawnGroup,
    ...lifecycleFields,
  })
  .superRefine((p, ctx) => {
    if (p.role === 'authorised') {
      if (!p.authorisation) {
        ctx.addIssue(
          customIssue(
            ['authorisation'],
            'Người được ủy quyền phát ngôn cần văn bản ủy quyền (số, ngày) — Quy chế phát ngôn, Điều 2.',
            'An authorised spokesperson needs the written authorisation (number, date) — press regulation, Article 2.',
          ),
        );
      }
      for (const field of ['valid_from', 'valid_to'] as const) {
        if (!p[field]) {
          ctx.addIssue(
            customIssue(
              [field],
              'Ủy quyền phát ngôn có thời hạn: cần ngày bắt đầu (valid_from) và ngày kết thúc (valid_to).',
              'An authorisation to speak is for a limited term: it needs a start (valid_from) and an end (valid_to).',
            ),
          );
        }
      }
    }
    if (p.valid_from && p.valid_to && p.valid_to < p.valid_from) {
      ctx.addIssue(
        customIssue(
          ['valid_to'],
          `Ngày kết thúc (${p.valid_to}) không thể trước ngày bắt đầu (${p.valid_from}).`,
          `The end date (${p.valid_to}) cannot be before the start date (${p.valid_from}).`,
        ),
      );
    }
  });

// ---------------------------------------------------------------- units

export const unitKinds = {
  'headquarters': { vi: 'Cơ quan BHXH Việt Nam', en: 'Head office' },
  'central-unit': { vi: 'Đơn vị trực thuộc', en: 'Central unit' },
  'provincial': { vi: 'BHXH tỉnh, thành phố', en: 'Provincial office' },
} satisfies Record<string, Bilingual>;

export const unitsSchema = z.strictObject({
  name: text({ vi: 'Tên đơn vị', en: 'Name' }, { max: 200 }),
  kind: choice({ vi: 'Loại đơn vị', en: 'Kind of unit' }, unitKinds),
  address: text({ vi: 'Địa chỉ', en: 'Address' }, { max: 300 }),
  phone: phone({ vi: 'Điện thoại', en: 'Telephone' }),
  email: email({ vi: 'E-mail', en: 'E-mail' }).optional(),
  website: webUrl({ vi: 'Trang web', en: 'Website' }).optional(),
  contact_changed: contactChanged,
  order,
  sample: sampleFlag,
  withdrawn: withdrawnGroup,
  ...lifecycleFields,
});

// ---------------------------------------------------------------- all together

export function contentSchemas(taxonomy: Taxonomy) {
  return {
    pages: pagesSchema,
    news: newsSchema(taxonomy),
    documents: documentsSchema,
    qa: qaSchema(taxonomy),
    spokespeople: spokespeopleSchema,
    units: unitsSchema,
  } satisfies Record<CollectionName, z.ZodType>;
}

export type ContentSchemas = ReturnType<typeof contentSchemas>;
export type PageData = z.infer<typeof pagesSchema>;
export type NewsData = z.infer<ReturnType<typeof newsSchema>>;
export type DocumentData = z.infer<typeof documentsSchema>;
export type QaData = z.infer<ReturnType<typeof qaSchema>>;
export type SpokespersonData = z.infer<typeof spokespeopleSchema>;
export type UnitData = z.infer<typeof unitsSchema>;
