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
  vietnamDateTimeField,
  webUrl,
  withdrawnGroup,
  lifecycleFields,
  englishAddress,
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
  statistics: { vi: 'Thống kê', en: 'Statistics' },
  // Linked from every footer (src/components/Footer.astro): the lowest-ordered page of each.
  asking: { vi: 'Cách gửi câu hỏi', en: 'How to ask a question' },
  terms: { vi: 'Điều khoản sử dụng', en: 'Terms of use' },
  privacy: { vi: 'Quyền riêng tư', en: 'Privacy' },
} satisfies Record<string, Bilingual>;

export const pageIncludes = {
  channels: { vi: 'Các kênh gửi câu hỏi (từ thông tin cơ quan)', en: 'The channels for questions (from the agency details)' },
  spokespeople: { vi: 'Danh sách người phát ngôn', en: 'List of spokespeople' },
  units: { vi: 'Danh sách đơn vị', en: 'List of units' },
  board: { vi: 'Thành phần Ban Biên tập (từ tệp phân công vai trò)', en: 'Members of the editorial board (from the roles file)' },
  statistics: { vi: 'Danh sách báo cáo thống kê (các trang nhóm “Thống kê”)', en: 'List of statistical reports (the pages of the section “Statistics”)' },
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
  english_address: englishAddress(),
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

const contactChanged = vietnamDateTimeField(
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
          from: vietnamDateTimeField(
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
      english_address: englishAddress(),
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
    // The official header (Decree 30/2020/NĐ-CP, Appendix I): the parent body above the issuer, the place before the date.
    parent_issuer: text(
      { vi: 'Cơ quan chủ quản', en: 'Parent body' },
      { max: 160, hint: { vi: 'Dòng trên tên cơ quan ban hành ở đầu văn bản, nếu có (ví dụ Bảo hiểm xã hội Việt Nam).', en: 'The line above the issuer at the head of the document, if any (for example Vietnam Social Security).' } },
    ).optional(),
    issuer: text({ vi: 'Cơ quan ban hành', en: 'Issuer' }, { max: 160 }),
    place: text(
      { vi: 'Địa danh', en: 'Place of issue' },
      { max: 80, hint: { vi: 'Nơi ban hành ghi trước ngày tháng, ví dụ Hà Nội.', en: 'The place written before the date, for example Hanoi.' } },
    ).optional(),
    subject: text(
      { vi: 'Trích yếu công văn', en: 'Subject of an official letter' },
      { max: 400, hint: { vi: 'Dòng “V/v …” dưới số công văn, không ghi “V/v”.', en: 'The “Re: …” line under the letter’s number, without “Re:”.' } },
    ).optional(),
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
    cleared_at: vietnamDateTimeField(
      { vi: 'Thời điểm được phép công bố', en: 'Cleared for publication at' },
      {
        vi: 'Ngày giờ (giờ Việt Nam) văn bản đã hoàn thiện và được phép công bố. Cổng phải đăng trong 01 ngày làm việc kể từ thời điểm này (Quy chế Cổng, Điều 11 khoản 1 điểm a). Để trống với dự thảo và văn bản đăng lại từ trước.',
        en: 'The date and time (Vietnam time) the document was final and cleared for publication. The portal must publish it within 1 working day of that moment (portal regulation, Art. 11(1)(a)). Leave empty for drafts and documents posted from the archive.',
      },
      { yearsAhead: 0 },
    ).optional(),
    english_address: englishAddress(),
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

/** How a question reached the agency (portal reg. Art. 11; Decision 1624 Art. 13 for Zalo). */
export const qaChannels = {
  'portal': { vi: 'Cổng thông tin điện tử', en: 'The portal' },
  'zalo': { vi: 'Zalo (tài khoản chính thức)', en: 'Zalo (official account)' },
  'email': { vi: 'Thư điện tử', en: 'E-mail' },
  'phone': { vi: 'Điện thoại', en: 'Telephone' },
  'in-person': { vi: 'Trực tiếp', en: 'In person' },
} satisfies Record<string, Bilingual>;
export type QaChannel = keyof typeof qaChannels;

/** What the Customer Service Centre found the question to be (portal reg. Art. 11.1). */
export const qaClassifications = {
  'in-scope': { vi: 'Thuộc phạm vi trả lời', en: 'In scope' },
  'out-of-scope': { vi: 'Không thuộc phạm vi', en: 'Out of scope' },
  'unclear': { vi: 'Chưa rõ nội dung', en: 'Unclear' },
} satisfies Record<string, Bilingual>;
export type QaClassification = keyof typeof qaClassifications;

/** Results of classification after which the asker is told the same day (portal reg. Art. 11.1). */
export const reportedBackResults: ReadonlySet<QaClassification> = new Set(['out-of-scope', 'unclear']);

const vietnamMoment = (label: Bilingual, hint?: Bilingual) => vietnamDateTimeField(label, hint, { yearsAhead: 0 });

/** `2026-02-13T17:45` as the editor reads it in messages: 13/02/2026 17:45. */
function shownMoment(moment: string): string {
  return `${moment.slice(8, 10)}/${moment.slice(5, 7)}/${moment.slice(0, 4)} ${moment.slice(11, 16)}`;
}

/** A list of units, by slug (routed to, answered by). */
const unitList = (label: Bilingual, hint: Bilingual) =>
  z
    .array(reference({ vi: 'Đơn vị', en: 'Unit' }, 'units'))
    .default([])
    .meta({ label, hint });

/**
 * The fields of a question's life (issue 12's register: channel, receipt,
 * classification, routing, answer). Part of `qaSchema`, and read alone by
 * the deadlines (src/lib/duties/qa-lifecycle.ts): one definition of each field.
 */
export const qaLifecycleShape = {
  channel: choice({ vi: 'Kênh tiếp nhận', en: 'Received through' }, qaChannels, {
    vi: 'Câu hỏi qua Zalo có thời hạn trả lời riêng (Quyết định 1624, Điều 13).',
    en: 'Questions through Zalo have their own answer deadlines (Decision 1624, Art. 13).',
  }),
  received: vietnamMoment(
    { vi: 'Thời điểm tiếp nhận', en: 'Received' },
    { vi: 'Ngày và giờ câu hỏi đến (giờ Việt Nam); thời hạn tính từ đây.', en: 'The date and time the question arrived (Vietnam time); deadlines count from it.' },
  ),
  classified: z
    .strictObject({
      at: vietnamMoment({ vi: 'Thời điểm phân loại', en: 'Classified at' }),
      result: choice({ vi: 'Kết quả phân loại', en: 'Result' }, qaClassifications),
      reported_back: vietnamMoment(
        { vi: 'Thời điểm báo lại người hỏi', en: 'Asker told at' },
        {
          vi: 'Chỉ với câu hỏi không thuộc phạm vi hoặc chưa rõ: lúc báo lại cho người hỏi (trong ngày, Quy chế cổng, Điều 11).',
          en: 'Only for an out-of-scope or unclear question: when the asker was told (the same day, portal regulation Art. 11).',
        },
      ).optional(),
    })
    .optional()
    .meta({
      label: { vi: 'Phân loại', en: 'Classification' },
      hint: {
        vi: 'Trung tâm Dịch vụ hỗ trợ, chăm sóc khách hàng phân loại trong 2–5 ngày làm việc; để trống cho tới khi phân loại.',
        en: 'The Customer Service Centre classifies within 2–5 working days; leave empty until it is classified.',
      },
    }),
  routed_to: unitList(
    { vi: 'Chuyển đến đơn vị', en: 'Routed to' },
    { vi: 'Các đơn vị được hỏi ý kiến để trả lời; để trống cho tới khi chuyển.', en: 'The units consulted for the answer; empty until it is routed.' },
  ),
  answered: vietnamMoment(
    { vi: 'Thời điểm trả lời', en: 'Answered' },
    {
      vi: 'Để trống khi chưa có câu trả lời: câu hỏi chỉ nằm trong sổ theo dõi, không hiện trên cổng. Khi điền, viết câu trả lời ở phần Nội dung.',
      en: 'Leave empty while there is no answer: the question stays in the register and is not on the portal. Once filled in, write the answer as the Text.',
    },
  ).optional(),
  answered_by: unitList(
    { vi: 'Đơn vị trả lời', en: 'Answering units' },
    { vi: 'Bắt buộc khi đã trả lời.', en: 'Required once answered.' },
  ),
};

/** The fields of `qaLifecycleShape` as parsed. */
export interface QaLifecycleData {
  channel: QaChannel;
  received: string;
  classified?: { at: string; result: QaClassification; reported_back?: string | undefined } | undefined;
  routed_to: string[];
  answered?: string | undefined;
  answered_by: string[];
}

/** The checks between the lifecycle fields (order of the moments, what needs what), with bilingual messages naming the field. */
export function checkQaLifecycle(q: QaLifecycleData, ctx: z.RefinementCtx): void {
  const problem = (path: (string | number)[], vi: string, en: string) => ctx.addIssue(customIssue(path, vi, en));
  const received = shownMoment(q.received);
  if (q.classified) {
    const at = shownMoment(q.classified.at);
    if (q.classified.at < q.received) {
      problem(['classified', 'at'], `Thời điểm phân loại (${at}) không thể trước thời điểm tiếp nhận (${received}).`, `The classification (${at}) cannot be before the question was received (${received}).`);
    }
    if (q.answered && q.classified.at > q.answered) {
      const answered = shownMoment(q.answered);
      problem(['classified', 'at'], `Thời điểm phân loại (${at}) không thể sau thời điểm trả lời (${answered}).`, `The classification (${at}) cannot be after the answer (${answered}).`);
    }
    const told = q.classified.reported_back;
    if (told && !reportedBackResults.has(q.classified.result)) {
      problem(
        ['classified', 'reported_back'],
        'Chỉ báo lại người hỏi khi câu hỏi không thuộc phạm vi hoặc chưa rõ; với câu hỏi thuộc phạm vi, xoá thời điểm báo lại.',
        'The asker is told back only when the question is out of scope or unclear; for an in-scope question, clear this field.',
      );
    } else if (told && told < q.classified.at) {
      problem(['classified', 'reported_back'], `Thời điểm báo lại người hỏi (${shownMoment(told)}) không thể trước thời điểm phân loại (${at}).`, `The asker cannot be told (${shownMoment(told)}) before the question was classified (${at}).`);
    }
  }
  if (q.routed_to.length > 0 && !q.classified) {
    problem(['routed_to'], 'Câu hỏi được chuyển đơn vị sau khi phân loại: điền phần Phân loại (thời điểm, kết quả) trước.', 'A question is routed once it is classified: fill in the classification (when, result) first.');
  }
  if (q.answered) {
    const answered = shownMoment(q.answered);
    if (q.answered < q.received) {
      problem(['answered'], `Thời điểm trả lời (${answered}) không thể trước thời điểm tiếp nhận (${received}).`, `The answer (${answered}) cannot be before the question was received (${received}).`);
    }
    if (!q.classified) {
      problem(['classified'], 'Câu hỏi đã trả lời phải được phân loại trước: điền thời điểm và kết quả phân loại.', 'An answered question was classified first: fill in when it was classified and the result.');
    }
    if (q.answered_by.length === 0) {
      problem(['answered_by'], 'Câu hỏi đã trả lời cần ít nhất một đơn vị trả lời.', 'An answered question needs at least one answering unit.');
    }
  } else if (q.answered_by.length > 0) {
    problem(['answered_by'], 'Chỉ ghi đơn vị trả lời khi đã có thời điểm trả lời; điền thời điểm trả lời hoặc xoá đơn vị.', 'Name the answering units only once the question is answered: fill in when it was answered, or clear the units.');
  }
}

export function qaSchema(taxonomy: Taxonomy) {
  return z
    .strictObject({
      title: text({ vi: 'Tiêu đề câu hỏi', en: 'Question title' }, { max: 200 }),
      question: longText({ vi: 'Nội dung câu hỏi', en: 'Question' }, { max: 4000 }),
      asker: z
        .strictObject({
          initials: z
            .string()
            .refine((s) => INITIALS.test(s), bilingualIssue(initialsMessage.vi, initialsMessage.en))
            .meta({ label: { vi: 'Chữ cái đầu họ tên', en: 'Initials' }, translate: false }),
          province: text({ vi: 'Tỉnh, thành phố', en: 'Province' }, { max: 80 }),
        })
        .meta({
          label: { vi: 'Người hỏi', en: 'Asked by' },
          hint: {
            vi: 'Chỉ chữ cái đầu họ tên và tỉnh, thành phố: không ghi họ tên, số điện thoại, địa chỉ hay số sổ BHXH của người hỏi.',
            en: 'Only the initials and the province: never the asker’s name, telephone, address or social insurance number.',
          },
        }),
      topic: choice({ vi: 'Chủ đề', en: 'Topic' }, keyOf(taxonomy.qa_topics)),
      ...qaLifecycleShape,
      english_address: englishAddress(),
      sample: sampleFlag,
      withdrawn: withdrawnGroup,
      ...lifecycleFields,
    })
    .superRefine((q, ctx) => {
      checkQaLifecycle(q, ctx);
      if (!q.answered && q.withdrawn) {
        ctx.addIssue(
          customIssue(
            ['withdrawn'],
            'Câu hỏi chưa trả lời chưa từng được đăng nên không thể rút hay gỡ; xoá phần Rút hoặc gỡ nội dung.',
            'An unanswered question was never published, so it cannot be withdrawn or unpublished; clear the withdrawal.',
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
