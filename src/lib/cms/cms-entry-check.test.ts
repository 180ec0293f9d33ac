import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_FILE, TAXONOMY_FILE, validateSettings } from '../content/validate.ts';
import { urlPolicyOf } from '../content/urls.ts';
import { checkCmsEntry, entryFileText, refusalNotice, translationAsWritten, visibleLabel, warningNotice, type EntryRules } from './cms-entry-check.ts';
import { contentSchemas } from '../schema/collections.ts';

const { settings } = validateSettings([SITE_FILE, TAXONOMY_FILE].map((file) => ({ file, source: readFileSync(file, 'utf8') })));
const rules: EntryRules = { taxonomy: settings!.taxonomy, urls: urlPolicyOf(settings!.site), formerAddresses: [] };

const vi = {
  title: 'Đăng ký BHXH tự nguyện',
  summary: 'Người lao động tự do đăng ký tham gia BHXH tự nguyện trực tuyến.',
  date: '2026-11-20',
  column: 'tin-tuc-su-kien',
  section: 'hoat-dong-nganh',
  author: 'Phòng Truyền thông',
  body: 'Từ tháng 12, thủ tục được thực hiện hoàn toàn trực tuyến.',
};
const en = { ...vi, title: 'Registering for voluntary social insurance', summary: 'Self-employed workers can register online.', body: 'From December the procedure is online.' };

describe('the build’s checks, in the CMS before a save', () => {
  it('finds nothing wrong with a valid bilingual entry', () => {
    expect(checkCmsEntry('news', 'dang-ky', { vi, en }, rules, 'vi').errors).toEqual([]);
  });

  it('refuses a 376-character title, naming the field by its label in the interface language', () => {
    const problems = checkCmsEntry('news', 'dang-ky', { vi: { ...vi, title: 'Đ'.repeat(376) }, en }, rules, 'vi').errors;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ version: 'vi', label: 'Tiêu đề' });
    expect(problems[0]!.message).toMatch(/^Dài quá \d+ ký tự/);
    expect(problems[0]!.message).not.toContain('“title”');
    const inEnglish = checkCmsEntry('news', 'dang-ky', { vi, en: { ...en, title: 'T'.repeat(376) } }, rules, 'en').errors;
    expect(inEnglish[0]).toMatchObject({ version: 'en', label: 'Title' });
    expect(inEnglish[0]!.message).toMatch(/^Longer than \d+ characters/);
  });

  it('applies the cross-field rules: a section must belong to its column, named by its visible names', () => {
    const problems = checkCmsEntry('news', 'dang-ky', { vi: { ...vi, section: 'thong-cao-bao-chi' } }, rules, 'vi').errors;
    expect(problems).toEqual([
      expect.objectContaining({ version: 'vi', label: 'Mục', message: expect.stringMatching(/^Mục “Thông cáo báo chí” không thuộc chuyên mục “Tin tức - Sự kiện”/) }),
    ]);
    expect(problems[0]!.message).not.toContain('thong-cao-bao-chi');
  });

  it('refuses what the build refuses in fields: a missing required field, an address the allowlist refuses', () => {
    const { author: _author, ...noAuthor } = vi;
    const problems = checkCmsEntry('news', 'dang-ky', { vi: { ...noAuthor, image: { src: 'javascript:alert(1)', alt: 'Ảnh' } } }, rules, 'vi').errors;
    expect(problems.map((p) => p.label).sort()).toEqual(['Tác giả', 'Ảnh đại diện › Tệp ảnh']);
  });

  it('says a required field is empty as a form says it, not "add a line …" as for whoever edits the file', () => {
    const { author: _author, ...noAuthor } = vi;
    const [vietnamese] = checkCmsEntry('news', 'dang-ky', { vi: noAuthor }, rules, 'vi').errors;
    expect(vietnamese).toEqual({ version: 'vi', label: 'Tác giả', message: 'Trường bắt buộc này còn trống. Hãy điền vào.' });
    const [english] = checkCmsEntry('news', 'dang-ky', { vi: noAuthor }, rules, 'en').errors;
    expect(english).toEqual({ version: 'vi', label: 'Author', message: 'This required field is empty. Fill it in.' });
  });

  it('skips an English version nobody has translated yet, as the build does', () => {
    const copied = { date: vi.date, column: vi.column, section: vi.section, author: vi.author, body: '' };
    expect(checkCmsEntry('news', 'dang-ky', { vi, en: copied }, rules, 'vi').errors).toEqual([]);
  });

  it('writes the file as Decap does: the fields as YAML frontmatter, then the text', () => {
    expect(entryFileText({ title: 'A: b', body: 'Text' })).toBe('---\ntitle: "A: b"\n---\nText\n');
  });

  it('names nested and listed fields by the labels of each step', () => {
    const schema = contentSchemas(rules.taxonomy).news;
    expect(visibleLabel(schema, 'image.alt', 'en')).toBe('Image › Image description (alt text)');
    expect(visibleLabel(schema, 'tags[1]', 'vi')).toBe('Từ khoá thứ 2');
  });

  it('says in the interface language that nothing was saved, and where each problem is', () => {
    const notice = refusalNotice([{ version: 'en', label: 'Title', message: 'Title: must be at most 200.' }], 'en');
    expect(notice.heading).toMatch(/^Not saved: the entry has 1 error /);
    expect(notice.lines).toEqual(['English version — Title: Title: must be at most 200.']);
    expect(notice.reason).toBe('1 error, listed at the bottom left of the screen.');
    expect(refusalNotice([{ version: 'vi', label: 'Tiêu đề', message: '…' }], 'vi').lines).toEqual(['Bản tiếng Việt — Tiêu đề: …']);
  });
});

describe('the content check’s warnings, shown once the entry is saved', () => {
  const copied = { date: vi.date, column: vi.column, section: vi.section, author: vi.author, body: '' };

  it('has none for a translated entry with its English page address, nor for one in Vietnamese only', () => {
    expect(checkCmsEntry('news', 'dang-ky', { vi: { ...vi, english_address: 'voluntary-registration' }, en }, rules, 'vi').warnings).toEqual([]);
    expect(checkCmsEntry('news', 'dang-ky', { vi }, rules, 'vi').warnings).toEqual([]);
  });

  it('says that a translated news item without an English page address is at its Vietnamese file name, by the field’s label', () => {
    const [warning, ...more] = checkCmsEntry('news', 'dang-ky', { vi, en }, rules, 'vi').warnings;
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ version: 'vi', label: 'Địa chỉ trang tiếng Anh' });
    expect(warning!.message).toContain('/en/news/dang-ky/');
    const [english] = checkCmsEntry('news', 'dang-ky', { vi, en }, rules, 'en').warnings;
    expect(english).toMatchObject({ version: 'vi', label: 'English page address' });
    expect(english!.message).toMatch(/^This entry has an English translation but no “English page address”/);
  });

  it('gives none beside errors: a refused save lists only what refuses it', () => {
    const said = checkCmsEntry('news', 'dang-ky', { vi: { ...vi, title: 'Đ'.repeat(376) }, en }, rules, 'vi');
    expect(said.errors.map((e) => e.label)).toEqual(['Tiêu đề']);
    expect(said.warnings).toEqual([]);
  });

  it('waits for a new entry’s file name before saying where its English page is (never a made-up address)', () => {
    expect(checkCmsEntry('news', undefined, { vi, en }, rules, 'vi').warnings).toEqual([]);
    expect(checkCmsEntry('news', undefined, { vi, en: copied }, rules, 'vi').warnings.map((w) => w.version)).toEqual(['en']);
  });

  it('says that an English version nobody has translated yet is not published (and no address warning for it)', () => {
    const warnings = checkCmsEntry('news', 'dang-ky', { vi, en: copied }, rules, 'en').warnings;
    expect(warnings).toEqual([expect.objectContaining({ version: 'en', label: '', message: expect.stringMatching(/^The English version has not been translated yet/) })]);
  });

  it('judges the address the Vietnamese original gives (copied into both files), not what the English pane shows', () => {
    const warnings = checkCmsEntry('news', 'dang-ky', { vi, en: { ...en, english_address: 'voluntary-registration' } }, rules, 'en').warnings;
    expect(warnings.map((w) => w.label)).toEqual(['English page address']);
  });

  it('says that the page is at an address another entry’s page had, from the former addresses the build served', () => {
    const withFormer: EntryRules = {
      ...rules,
      formerAddresses: [
        { path: '/en/news/voluntary-registration/', locale: 'en', collection: 'news', slug: 'dang-ky-cu', now: '/en/news/registering-online/' },
        { path: '/tin-tuc/dang-ky/', locale: 'vi', collection: 'news', slug: 'dang-ky', now: '/tin-tuc/dang-ky-moi/' },
      ],
    };
    const entry = { vi: { ...vi, english_address: 'voluntary-registration' }, en };
    const [warning, ...more] = checkCmsEntry('news', 'dang-ky', entry, withFormer, 'vi').warnings;
    expect(more).toEqual([]);
    expect(warning).toEqual({
      version: 'vi',
      label: 'Địa chỉ trang tiếng Anh',
      message: expect.stringMatching(/^Địa chỉ \/en\/news\/voluntary-registration\/ của trang này từng là địa chỉ của trang khác \(content\/news\/vi\/dang-ky-cu\.mdx, nay ở \/en\/news\/registering-online\/\)/),
    });
    const [english] = checkCmsEntry('news', 'dang-ky', entry, withFormer, 'en').warnings;
    expect(english).toMatchObject({ version: 'vi', label: 'English page address', message: expect.stringMatching(/^This page's address \/en\/news\/voluntary-registration\/ was another page's/) });
    // Its own former address, another entry's address it does not take, a new entry (no file name yet): nothing.
    expect(checkCmsEntry('news', 'dang-ky', { vi: { ...vi, english_address: 'registering' }, en }, withFormer, 'vi').warnings).toEqual([]);
    expect(checkCmsEntry('news', undefined, entry, withFormer, 'vi').warnings).toEqual([]);
    // Rules from a deploy before they listed former addresses (a cached copy): checked without them, not refused.
    const { formerAddresses: _, ...older } = withFormer;
    expect(checkCmsEntry('news', 'dang-ky', entry, older as EntryRules, 'vi')).toEqual({ errors: [], warnings: [] });
  });

  it('says the entry was saved and what to look at, in the interface language', () => {
    const notice = warningNotice([{ version: 'vi', label: 'English page address', message: 'Give a few English words.' }], 'en');
    expect(notice.heading).toBe('Saved. The content check has 1 note on this entry; look at it before publishing:');
    expect(notice.lines).toEqual(['Vietnamese version — English page address: Give a few English words.']);
    expect(warningNotice([{ version: 'en', label: '', message: '…' }, { version: 'vi', label: 'Tiêu đề', message: '…' }], 'vi')).toEqual({
      heading: 'Đã lưu. Bước kiểm tra nội dung có 2 lưu ý cho mục này; hãy xem trước khi công bố:',
      lines: ['Bản tiếng Anh: …', 'Bản tiếng Việt — Tiêu đề: …'],
    });
  });
});

describe('a question in the Q&A register, as the Customer Service Centre enters it', () => {
  const question = {
    title: 'Gia hạn thẻ BHYT hộ gia đình qua mạng được không?',
    question: 'Thẻ BHYT của bố mẹ tôi sắp hết hạn. Tôi gia hạn qua VssID được không?',
    asker: { initials: 'P.T.M.', province: 'Hồ Chí Minh' },
    topic: 'bhyt',
    channel: 'email',
    received: '2026-12-01T20:10',
  };
  // What Decap writes for the fields left empty: an empty group, empty lists, an empty date, no text.
  const leftEmpty = { classified: { at: '', result: '', reported_back: '' }, routed_to: [], answered: '', answered_by: [], body: '' };

  it('saves a question received but not yet answered: no answer, no answering unit, no text', () => {
    expect(checkCmsEntry('qa', 'gia-han', { vi: { ...question, ...leftEmpty } }, rules, 'vi').errors).toEqual([]);
    const en = { title: 'Can a household health insurance card be renewed online?', question: 'Can I renew it through VssID?', asker: { initials: 'P.T.M.', province: 'Ho Chi Minh City' }, body: '' };
    expect(checkCmsEntry('qa', 'gia-han', { vi: { ...question, ...leftEmpty }, en }, rules, 'en').errors).toEqual([]);
  });

  it('refuses an answer time without the answer, its classification or its units, each named by its label', () => {
    const problems = checkCmsEntry('qa', 'gia-han', { vi: { ...question, ...leftEmpty, answered: '2026-12-02T09:00' } }, rules, 'vi').errors;
    expect(problems.map((p) => p.label).sort()).toEqual(['Phân loại', 'Thời điểm trả lời', 'Đơn vị trả lời']);
    expect(problems.find((p) => p.label === 'Thời điểm trả lời')!.message).toMatch(/^Câu hỏi đã có thời điểm trả lời \(answered\) nhưng chưa có câu trả lời/);
  });

  it('accepts the question once answered, with its answer', () => {
    const answered = { ...question, classified: { at: '2026-12-02T08:30', result: 'in-scope' }, routed_to: ['trung-tam-dich-vu-ho-tro-cham-soc-khach-hang'], answered: '2026-12-02T10:00', answered_by: ['trung-tam-dich-vu-ho-tro-cham-soc-khach-hang'], body: 'Được. Ông/bà gia hạn trên VssID.' };
    expect(checkCmsEntry('qa', 'gia-han', { vi: answered }, rules, 'vi').errors).toEqual([]);
  });
});

describe('a translation as Decap writes it', () => {
  it('holds the original’s values of the fields that are not translated', () => {
    const schema = contentSchemas(rules.taxonomy).news;
    expect(translationAsWritten(schema, vi, { ...en, author: 'Communications', section: 'chuyen-doi-so' })).toEqual({ ...en, author: vi.author, section: vi.section });
  });
});
