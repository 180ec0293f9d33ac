/**
 * Schemas of the two settings files in `content/`:
 * - `site.yml`: who runs the portal (name, address, contact, address of the site);
 * - `taxonomy.yml`: the board-approved lists of columns (chuyên mục) with their
 *   sections (mục), and the topics of questions (portal regulation Điều 3, 7).
 */
import { z } from 'zod';
import { bilingualIssue, choice, customIssue, email, phone, sampleFlag, sitePath, SLUG_PATTERN, text, webUrl, type Bilingual } from './fields.ts';
import { toSlug } from '../vietnamese/text.ts';

/** A text written in both languages, as `{ vi, en }`. */
export const bilingualText = (label: Bilingual) =>
  z.strictObject({ vi: text({ vi: `${label.vi} (tiếng Việt)`, en: `${label.en} (Vietnamese)` }), en: text({ vi: `${label.vi} (tiếng Anh)`, en: `${label.en} (English)` }) }).meta({ label });

const key = z
  .string()
  .refine(
    (s) => SLUG_PATTERN.test(s),
    bilingualIssue(
      'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ tin-hoat-dong.',
      'A key uses only lower-case ASCII letters, digits and hyphens, for example tin-hoat-dong.',
    ),
  )
  .meta({ label: { vi: 'Mã', en: 'Key' } });

/** A host name as a URL shows it: lower case, IDN in punycode (xn--…), no scheme, port or path. */
const hostName = z
  .string()
  .refine(
    (s) => /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(s),
    bilingualIssue(
      'Ghi tên miền bằng chữ thường, không có https://, cổng hay đường dẫn, ví dụ thuvienphapluat.vn (tên miền có dấu viết dạng xn--…).',
      'Write the host name in lower case, without https://, port or path, for example thuvienphapluat.vn (an internationalised name as xn--…).',
    ),
  )
  .meta({ label: { vi: 'Tên miền', en: 'Host name' }, translate: false });

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A time of day on the 24-hour clock, `HH:mm`, Vietnam time. */
const clock = (label: Bilingual) =>
  z
    .string()
    .refine(
      (s) => CLOCK.test(s),
      bilingualIssue('Cần giờ dạng GG:PP theo 24 giờ, ví dụ 07:30 hoặc 17:00.', 'Expected a time written HH:mm on the 24-hour clock, for example 07:30 or 17:00.'),
    )
    .meta({ label, translate: false, pattern: { regex: CLOCK.source, message: { vi: 'Cần giờ dạng GG:PP, ví dụ 07:30.', en: 'Expected HH:mm, for example 07:30.' } } });

/**
 * Office hours (giờ hành chính) on a working day: a question received after
 * the close, or on a day off, counts from the next working day (Decision 1624
 * Điều 13.1; src/lib/calendar/working-days.ts).
 */
const officeHours = z
  .strictObject({
    opens: clock({ vi: 'Giờ mở cửa', en: 'Opens at' }),
    closes: clock({ vi: 'Giờ đóng cửa', en: 'Closes at' }),
  })
  .superRefine((h, ctx) => {
    if (CLOCK.test(h.opens) && CLOCK.test(h.closes) && h.opens >= h.closes) {
      ctx.addIssue(
        customIssue(['closes'], `Giờ đóng cửa (${h.closes}) phải sau giờ mở cửa (${h.opens}).`, `The closing time (${h.closes}) must be after the opening time (${h.opens}).`),
      );
    }
  })
  .meta({
    label: { vi: 'Giờ làm việc', en: 'Office hours' },
    hint: {
      vi: 'Giờ hành chính của cơ quan, ví dụ 07:30 đến 17:00: câu hỏi nhận sau giờ đóng cửa hoặc vào ngày nghỉ được tính từ ngày làm việc tiếp theo.',
      en: 'The agency’s office hours, for example 07:30 to 17:00: a question received after closing or on a day off counts from the next working day.',
    },
  });

/** A place on the web readers are sent to: its name, address and what it is for, in both languages. */
const outsideLink = (label: Bilingual) =>
  z
    .strictObject({
      name: bilingualText({ vi: 'Tên', en: 'Name' }),
      url: webUrl({ vi: 'Địa chỉ', en: 'Address' }),
      description: bilingualText({ vi: 'Dùng để làm gì', en: 'What it is for' }),
    })
    .meta({ label });

/** What the portal does with the archived versions of a page taken down (src/lib/history/mementos.ts `servedVersions`). */
const takenDownVersionOptions = {
  hidden: { vi: 'Không phục vụ trên cổng (chỉ giữ trong kho lưu trữ)', en: 'Not served on the portal (kept in the archive only)' },
  public: { vi: 'Vẫn phục vụ trên cổng, có dòng báo đã gỡ', en: 'Still served on the portal, marked as taken down' },
};
export type TakenDownVersions = keyof typeof takenDownVersionOptions;

export const siteSchema = z.strictObject({
  name: bilingualText({ vi: 'Tên cơ quan', en: 'Agency name' }),
  short_name: bilingualText({ vi: 'Tên viết tắt', en: 'Short name' }),
  portal_name: bilingualText({ vi: 'Tên cổng thông tin', en: 'Portal name' }),
  url: webUrl({ vi: 'Địa chỉ cổng (tiếng Việt)', en: 'Portal address (Vietnamese)' }),
  url_en: webUrl({ vi: 'Địa chỉ cổng tiếng Anh', en: 'English portal address' }).optional(),
  address: bilingualText({ vi: 'Địa chỉ trụ sở', en: 'Head office address' }),
  phone: phone({ vi: 'Điện thoại', en: 'Telephone' }),
  fax: phone({ vi: 'Fax', en: 'Fax' }).optional(),
  email: email({ vi: 'E-mail', en: 'E-mail' }),
  responsible: bilingualText({ vi: 'Người chịu trách nhiệm', en: 'Responsible person' }),
  office_hours: officeHours,
  licence: bilingualText({ vi: 'Giấy phép', en: 'Licence' }).optional(),
  logo: sitePath({ vi: 'Biểu trưng (logo)', en: 'Emblem (logo)' }, 'media', {
    vi: 'Ảnh SVG hoặc PNG trong /media/, hiện ở đầu mọi trang bên tên cơ quan.',
    en: 'An SVG or PNG image in /media/, shown at the top of every page beside the agency’s name.',
  }).optional(),
  ask_channels: z
    .array(outsideLink({ vi: 'Kênh', en: 'Channel' }))
    .default([])
    .meta({
      label: { vi: 'Kênh gửi câu hỏi ngoài điện thoại và e-mail', en: 'Channels for questions besides telephone and e-mail' },
      hint: {
        vi: 'Các kênh chính thức người dân dùng để hỏi (Zalo, ứng dụng…), liệt kê trên trang “Cách gửi câu hỏi” sau số điện thoại và e-mail ở trên.',
        en: 'The official channels people ask through (Zalo, apps…), listed on the page “How to ask a question” after the telephone and e-mail above.',
      },
    }),
  services: z
    .array(outsideLink({ vi: 'Dịch vụ', en: 'Service' }))
    .default([])
    .meta({
      label: { vi: 'Dịch vụ công', en: 'Public services' },
      hint: { vi: 'Liên kết tới dịch vụ công trực tuyến và tra cứu, hiện trên trang chủ.', en: 'Links to online public services and look-ups, shown on the home page.' },
    }),
  cms: z
    .strictObject({
      repo: text({ vi: 'Kho mã nguồn GitHub (chủ/tên)', en: 'GitHub repository (owner/name)' }, { max: 140, translate: false }).refine(
        (s) => /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(s),
        bilingualIssue('Ghi kho GitHub dạng chủ/tên, ví dụ bhxh-vietnam/cong-thong-tin.', 'Write the GitHub repository as owner/name, for example vss/portal.'),
      ),
      branch: text({ vi: 'Nhánh xuất bản', en: 'Published branch' }, { max: 100, translate: false }).default('main'),
      auth_base_url: webUrl({ vi: 'Máy chủ đăng nhập OAuth', en: 'OAuth login server' }).optional(),
      auth_endpoint: text({ vi: 'Đường dẫn đăng nhập', en: 'Login path' }, { max: 100, translate: false }).optional(),
    })
    .meta({ label: { vi: 'Trình biên tập (Decap CMS)', en: 'Editor (Decap CMS)' } }),
  /** Exceptions to the address allowlist (src/lib/content/urls.ts): technical changes, reviewed as such. */
  allowed_http_hosts: z
    .array(hostName)
    .default([])
    .meta({
      label: { vi: 'Tên miền được dẫn bằng http://', en: 'Hosts that may be linked with http://' },
      hint: {
        vi: 'Để trống. Chỉ thêm tên miền của trang chính thức không có https; liên kết http:// tới nơi khác bị từ chối.',
        en: 'Leave empty. Add only the host of an official site that has no https; http:// links elsewhere are refused.',
      },
      translate: false,
    }),
  allowed_image_hosts: z
    .array(hostName)
    .default([])
    .meta({
      label: { vi: 'Tên miền được lấy ảnh', en: 'Hosts images may come from' },
      hint: {
        vi: 'Để trống. Ảnh lấy từ máy chủ khác cho máy chủ đó biết ai đang đọc; chỉ thêm máy chủ ảnh của chính cơ quan.',
        en: 'Leave empty. An image from another host tells that host who is reading; add only the agency’s own image host.',
      },
      translate: false,
    }),
  taken_down_versions: choice(
    { vi: 'Bản lưu của nội dung đã gỡ', en: 'Archived versions of content taken down' },
    takenDownVersionOptions,
    {
      vi: 'Khi một trang bị gỡ (gỡ bỏ, xoá, hoãn đăng, xoá bản dịch), các bản đã lưu của nó vẫn được giữ trong kho lưu trữ. “Không phục vụ trên cổng” để người đọc không mở được chúng ở /luu-tru/ nữa; “Vẫn phục vụ” để chúng tiếp tục đọc được, có dòng báo trang không còn trên cổng.',
      en: 'When a page is taken down (unpublished, deleted, scheduled again, its translation deleted), its archived versions stay in the archive’s store. “Not served on the portal” stops readers opening them under /luu-tru/; “Still served” keeps them readable, with a banner saying the page is no longer on the portal.',
    },
  ).default('hidden'),
  /** The contact details are illustrative, not the agency's confirmed ones. */
  sample: sampleFlag,
});
export type SiteSettings = z.infer<typeof siteSchema>;

const labelled = z.strictObject({ key, vi: text({ vi: 'Tên tiếng Việt', en: 'Vietnamese name' }), en: text({ vi: 'Tên tiếng Anh', en: 'English name' }) });

export const taxonomySchema = z
  .strictObject({
    columns: z
      .array(labelled.extend({ sections: z.array(labelled).min(1) }))
      .min(1)
      .meta({ label: { vi: 'Chuyên mục', en: 'Columns' } }),
    qa_topics: z.array(labelled).min(1).meta({ label: { vi: 'Chủ đề hỏi đáp', en: 'Q&A topics' } }),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    const keys = [...t.columns.flatMap((c) => [c.key, ...c.sections.map((s) => s.key)])];
    for (const k of keys) {
      if (seen.has(k)) {
        ctx.addIssue(
          customIssue(['columns'], `Mã “${k}” bị trùng; mỗi chuyên mục và mục cần một mã riêng.`, `The key “${k}” is used twice; every column and section needs its own key.`),
        );
      }
      seen.add(k);
    }
    // English listing addresses name a topic by its English name (src/lib/routes.ts, qaTopicWord).
    const words = new Map<string, string>();
    t.qa_topics.forEach((topic, i) => {
      const word = toSlug(topic.en);
      const other = words.get(word);
      if (other !== undefined) {
        ctx.addIssue(
          customIssue(
            ['qa_topics', i, 'en'],
            `Tên tiếng Anh “${topic.en}” cho cùng địa chỉ danh sách (/en/questions/topic-${word}/) với chủ đề “${other}”; đặt tên tiếng Anh khác.`,
            `The English name “${topic.en}” gives the same listing address (/en/questions/topic-${word}/) as the topic “${other}”; choose another English name.`,
          ),
        );
      } else words.set(word, topic.en);
    });
  });
export type Taxonomy = z.infer<typeof taxonomySchema>;
