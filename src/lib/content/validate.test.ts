import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentFiles, readPublicFiles } from '../../content-loader/read-content.ts';
import { formatIssue, isError, type ContentIssue } from './issues.ts';
import { isSettingsFile, ROLES_FILE, SITE_FILE, TAXONOMY_FILE, validateContent, type SourceFile } from './validate.ts';

const settings: SourceFile[] = [
  { file: SITE_FILE, source: readFileSync('content/site.yml', 'utf8') },
  { file: TAXONOMY_FILE, source: readFileSync('content/taxonomy.yml', 'utf8') },
];

const unit = `---
name: Trung tâm Truyền thông
kind: central-unit
address: Số 7 Tràng Thi, Hà Nội
phone: 024 3936 1595
---
`;

const goodNews = `---
title: BHXH Việt Nam ra mắt tài khoản Zalo
summary: Tài khoản Zalo chính thức giúp người dân hỏi đáp về chính sách.
date: 2024-09-16
column: tin-tuc-su-kien
section: hoat-dong-nganh
author: Nguyễn Văn A
source_unit: trung-tam-truyen-thong
tags: [Zalo]
---

Nội dung.
`;

function run(files: Record<string, string>) {
  return validateContent([
    ...settings,
    { file: 'content/units/vi/trung-tam-truyen-thong.mdx', source: unit },
    ...Object.entries(files).map(([file, source]) => ({ file, source })),
  ]);
}

/** The single error a bad entry must get. */
function onlyError(files: Record<string, string>): ContentIssue {
  const errors = run(files).issues.filter(isError);
  expect(errors, errors.map(formatIssue).join('\n')).toHaveLength(1);
  return errors[0]!;
}

const NEWS = 'content/news/vi/zalo.mdx';

describe('the real content', () => {
  it('is accepted by every schema, with no warnings, and links only to pages and files that exist', async () => {
    const content = await readContentFiles(process.cwd());
    const publicFiles = await readPublicFiles(process.cwd());
    const { entries, issues } = validateContent(content.files, { staticPaths: publicFiles.staticPaths });
    expect([...content.issues, ...publicFiles.issues, ...issues].map(formatIssue)).toEqual([]);
    const count = (c: string, l: string) => entries.filter((e) => e.collection === c && e.locale === l).length;
    expect(count('documents', 'vi')).toBeGreaterThanOrEqual(4);
    expect(count('documents', 'en')).toBeGreaterThanOrEqual(4);
    expect(count('news', 'vi')).toBeGreaterThanOrEqual(12);
    expect(count('qa', 'vi')).toBeGreaterThanOrEqual(12);
    expect(count('spokespeople', 'vi')).toBeGreaterThanOrEqual(2);
    expect(count('units', 'vi')).toBeGreaterThanOrEqual(1);
    for (const l of ['vi', 'en']) expect(count('pages', l)).toBeGreaterThanOrEqual(4);
  });

  it('anchors every article, clause and point of Decision 1624', async () => {
    const { entries } = validateContent((await readContentFiles(process.cwd())).files);
    const doc = entries.find((e) => e.collection === 'documents' && e.locale === 'vi' && e.slug === '1624-qd-bhxh')!;
    for (let n = 1; n <= 18; n++) expect(doc.html).toContain(`id="dieu-${n}"`);
    for (let n = 1; n <= 3; n++) expect(doc.html).toContain(`id="quyet-dinh-dieu-${n}"`);
    expect(doc.html).toContain('id="dieu-11-khoan-1-diem-a"');
    expect(doc.toc.some((t) => t.slug === 'chuong-i')).toBe(true);
  });
});

describe('a valid entry', () => {
  it('passes and is rendered', () => {
    const { entries, issues } = run({ [NEWS]: goodNews });
    expect(issues).toEqual([]);
    const news = entries.find((e) => e.collection === 'news')!;
    expect(news.html).toBe('<p>Nội dung.</p>');
    expect(news.data.tags).toEqual(['Zalo']);
  });
});

describe('bad entries fail with file, line, field, expected and found, in both languages', () => {
  it('1. a missing required field', () => {
    const issue = onlyError({ [NEWS]: goodNews.replace(/^summary:.*\n/m, '') });
    expect(issue).toMatchObject({ file: NEWS, line: 2, field: 'summary' });
    expect(issue.vi).toBe('Thiếu trường bắt buộc “summary” (Tóm tắt). Hãy thêm dòng “summary: …”. Gợi ý: Một hai câu nêu ý chính; dùng cho danh sách, kết quả tìm kiếm và khi chia sẻ.');
    expect(issue.en).toBe('The required field “summary” (Summary) is missing. Add a line “summary: …”. Hint: One or two sentences; used in listings, search results and link previews.');
  });

  it('2. a date in the wrong format', () => {
    const issue = onlyError({ [NEWS]: goodNews.replace('date: 2024-09-16', 'date: 16/9/2024') });
    expect(issue).toMatchObject({ file: NEWS, line: 4, column: 1, field: 'date' });
    expect(issue.vi).toBe('“date” (Ngày đăng): Cần một ngày có thật, viết theo dạng NNNN-TT-NN (năm-tháng-ngày), ví dụ 2024-09-16. (đang ghi: “16/9/2024”)');
    expect(issue.en).toBe('“date” (Date): Expected a real date written YYYY-MM-DD, for example 2024-09-16. (found: “16/9/2024”)');
  });

  it('3. a date that does not exist', () => {
    const issue = onlyError({ [NEWS]: goodNews.replace('date: 2024-09-16', 'date: 2024-02-30') });
    expect(issue).toMatchObject({ line: 4, field: 'date' });
    expect(issue.en).toContain('(found: “2024-02-30”)');
  });

  it('4. a value not in the list', () => {
    const issue = onlyError({ [NEWS]: goodNews.replace('column: tin-tuc-su-kien', 'column: tin-vui') });
    expect(issue).toMatchObject({ line: 5, field: 'column' });
    expect(issue.vi).toBe(
      '“column” (Chuyên mục): giá trị “tin-vui” không hợp lệ. Chọn một trong: tin-tuc-su-kien (Tin tức - Sự kiện), chinh-sach-phap-luat (Chính sách - Pháp luật), thong-tin-bao-chi (Thông tin báo chí).',
    );
    expect(issue.en).toBe(
      '“column” (Column): “tin-vui” is not allowed. Choose one of: tin-tuc-su-kien (News and events), chinh-sach-phap-luat (Policy and law), thong-tin-bao-chi (Press information).',
    );
  });

  it('5. a section from another column', () => {
    const issue = onlyError({ [NEWS]: goodNews.replace('section: hoat-dong-nganh', 'section: thong-cao-bao-chi') });
    expect(issue).toMatchObject({ line: 6, field: 'section' });
    // By the names the editor sees in the CMS's lists, never by their keys (thong-cao-bao-chi).
    expect(issue.vi).toBe(
      '“section” (Mục): Mục “Thông cáo báo chí” không thuộc chuyên mục “Tin tức - Sự kiện”. Chọn một mục của chuyên mục này: “Hoạt động ngành”, “BHXH địa phương”, “Chuyển đổi số”.',
    );
    expect(issue.en).toBe(
      '“section” (Section): Section “Press releases” is not in the column “News and events”. Choose a section of that column: “Activities of the sector”, “Provincial offices”, “Digital transformation”.',
    );
  });

  it('6. a misspelt field name, with a suggestion', () => {
    const issue = onlyError({ [NEWS]: goodNews.replace('tags: [Zalo]', 'tags: [Zalo]\nautor: B') });
    expect(issue).toMatchObject({ line: 10, field: 'autor' });
    expect(issue.vi).toBe('Trường “autor” không có trong mẫu nội dung này. Có phải bạn định viết “author”?');
    expect(issue.en).toBe('There is no field “autor” in this kind of entry. Did you mean “author”?');
  });

  it('7. a text field given a list', () => {
    const issue = onlyError({ [NEWS]: goodNews.replace('author: Nguyễn Văn A', 'author:\n  - A\n  - B') });
    expect(issue).toMatchObject({ line: 7, field: 'author' });
    expect(issue.en).toBe('“author” (Author): expected text, found a list of 2 items.');
  });

  it('8. a reference to a unit that does not exist', () => {
    const issue = onlyError({ [NEWS]: goodNews.replace('source_unit: trung-tam-truyen-thong', 'source_unit: trung-tam-khong-co') });
    expect(issue).toMatchObject({ line: 8, field: 'source_unit' });
    expect(issue.en).toBe(
      'Refers to “trung-tam-khong-co” but there is no entry content/units/vi/trung-tam-khong-co.mdx. Check the spelling of the file name.',
    );
  });

  it('9. an image without a description', () => {
    const issue = onlyError({ [NEWS]: goodNews.replace('tags: [Zalo]', 'tags: [Zalo]\nimage:\n  src: /media/a.jpg\n  alt: ""') });
    expect(issue).toMatchObject({ line: 12, field: 'image.alt' });
    expect(issue.vi).toBe('“image.alt” (Mô tả ảnh (cho người khiếm thị)): Không được để trống. (đang ghi: “”)');
  });

  it('10. text that is not Unicode NFC (TCVN 6909:2001)', () => {
    const decomposed = 'BHXH Việt Nam'.normalize('NFD');
    const issue = onlyError({ [NEWS]: goodNews.replace('author: Nguyễn Văn A', `author: ${decomposed}`) });
    expect(issue).toMatchObject({ line: 7, column: 16, field: undefined });
    expect(issue.en).toContain('is not in Unicode NFC');
    expect(issue.en).toContain('run npm run check:content -- --fix');
  });

  it('11. broken YAML', () => {
    const issue = onlyError({ [NEWS]: goodNews.replace('author: Nguyễn Văn A', 'author: "Nguyễn Văn A') });
    expect(issue.file).toBe(NEWS);
    expect(issue.line).toBeGreaterThanOrEqual(7);
    expect(issue.vi).toMatch(/^YAML không hợp lệ/);
    expect(issue.en).toMatch(/^Invalid YAML: .*Check colons, indentation and quotes\.$/);
  });

  it('12. a file without frontmatter', () => {
    const issue = onlyError({ [NEWS]: 'Chỉ có nội dung.\n' });
    expect(issue).toMatchObject({ line: 1, column: 1 });
    expect(issue.en).toBe('The file must start with its frontmatter between two “---” lines.');
  });

  it('13. a file name that is not a slug', () => {
    const issue = onlyError({ 'content/news/vi/Tin Mới.mdx': goodNews });
    expect(issue.en).toBe('File name “Tin Mới” is not valid: use only lower-case ASCII letters, digits and hyphens, for example dang-ky-bhxh-tu-nguyen.mdx.');
  });

  it('13b. a question named like a topic listing of the Q&A (its address would be taken)', () => {
    const issue = onlyError({ 'content/qa/vi/chu-de-bhyt.mdx': goodNews });
    expect(issue.vi).toBe('Tên tệp câu hỏi “chu-de-bhyt” bắt đầu bằng “chu-de-”, trùng với địa chỉ danh sách câu hỏi theo chủ đề (/hoi-dap/chu-de-…/, /en/questions/topic-…/); hãy đặt tên khác.');
    expect(onlyError({ 'content/qa/vi/topic-bhyt.mdx': goodNews }).en).toContain('starts with “topic-”');
  });

  it('14. an English entry with no Vietnamese original', () => {
    const issue = onlyError({ 'content/news/en/zalo.mdx': goodNews });
    expect(issue.en).toBe('This English entry has no Vietnamese original: content/news/vi/zalo.mdx (same file name) is needed.');
  });

  it('14b. an English entry whose Vietnamese original is there but fails its own check: only the original’s problem', () => {
    const issue = onlyError({ 'content/news/vi/zalo.mdx': goodNews.replace(/\n---\n/, '\n---\n{1+1}\n'), 'content/news/en/zalo.mdx': goodNews });
    expect(issue.file).toBe('content/news/vi/zalo.mdx');
  });

  it('15. an issued document without a number', () => {
    const doc = `---
title: Quyết định
kind: quyet-dinh
issuer: BHXH Việt Nam
issued: 2024-09-16
status: in-force
summary: Tóm tắt.
---
`;
    const issue = onlyError({ 'content/documents/vi/qd.mdx': doc });
    expect(issue).toMatchObject({ field: 'number', line: 2 });
    expect(issue.vi).toBe('“number” (Số ký hiệu): Văn bản đã ban hành cần số ký hiệu; chỉ dự thảo (status: draft) mới được để trống.');
  });

  it('16. an authorised spokesperson without an authorisation or a term', () => {
    const person = `---
name: Trần Văn B
position: Giám đốc Trung tâm Truyền thông
organisation: BHXH Việt Nam
phone: 024 3936 1595
email: b@vss.gov.vn
role: authorised
---
`;
    const errors = run({ 'content/spokespeople/vi/tran-van-b.mdx': person }).issues.filter(isError);
    expect(errors.map((e) => e.field).sort()).toEqual(['authorisation', 'valid_from', 'valid_to']);
    expect(errors.find((e) => e.field === 'authorisation')!.en).toContain('needs the written authorisation (number, date)');
  });

  it('17. a question whose answer predates it, and a full name instead of initials', () => {
    const q = `---
title: Câu hỏi
question: Tôi hỏi.
asker:
  initials: Nguyễn Văn A
  province: Hà Nội
topic: bhyt
channel: portal
received: 2024-09-10T08:00
classified: { at: 2024-09-10T09:00, result: in-scope }
answered: 2024-09-01T10:00
answered_by: [trung-tam-truyen-thong]
---
Trả lời.
`;
    const errors = run({ 'content/qa/vi/cau-hoi.mdx': q }).issues.filter(isError);
    expect(errors.map((e) => [e.field, e.line])).toEqual([
      ['asker.initials', 5],
      ['classified.at', 10],
      ['answered', 11],
    ]);
    expect(errors[0]!.en).toContain('Write only the initials');
  });

  it('18. code in the body: import, expressions and components are refused, never run', () => {
    const body = `${goodNews}\nimport fs from 'node:fs'\n\nTổng: {1 + 1}\n\n<Widget />\n`;
    const errors = run({ [NEWS]: body }).issues.filter(isError);
    expect(errors.map((e) => e.line)).toEqual([14, 16, 18]);
    expect(errors[0]!.en).toBe('Content may not contain import/export statements (JavaScript code). Delete this line.');
    expect(errors[1]!.en).toBe('Content may not contain { } expressions (JavaScript code). Remove the braces or write the text out.');
    expect(errors[2]!.en).toContain('The tag <Widget> is not allowed in content.');
  });

  it('20. a link to an entry that does not exist, and one to a missing attachment', () => {
    const body = `${goodNews}\nXem [văn bản](/van-ban/khong-co/#dieu-1) và [toàn văn](/files/khong-co.pdf).\n`;
    const errors = run({ [NEWS]: body }).issues.filter(isError);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [14, 5],
      [14, 45],
    ]);
    expect(errors[0]!.en).toMatch(/^The link “\/van-ban\/khong-co\/#dieu-1” points to a page that is not on the portal\. Check the path/);
    expect(errors[1]!.vi).toBe(
      'Liên kết “/files/khong-co.pdf” trỏ tới tệp không có: cần tệp public/files/khong-co.pdf. Thêm tệp đó vào public/files/ hoặc sửa tên tệp trong liên kết (phân biệt chữ hoa, chữ thường).',
    );
  });

  it('21. text typed in TCVN3, in the frontmatter or the body', () => {
    const errors = run({ [NEWS]: goodNews.replace('author: Nguyễn Văn A', 'author: NguyÔn V¨n A') }).issues.filter(isError);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 7, column: 9, field: undefined });
    expect(errors[0]!.vi).toBe(
      'Chữ “NguyÔn” có vẻ là văn bản gõ bằng bảng mã cũ TCVN3 (ABC) bị đọc nhầm (có lẽ là “Nguyễn”). Chuyển mã đoạn văn này sang Unicode bằng UniKey: ' +
        'mở “Công cụ chuyển mã” (UniKey Toolkit), chọn nguồn TCVN3 (ABC), đích Unicode, bấm “Chuyển mã”, rồi dán lại. ' +
        'Lệnh npm run check:content -- --fix không sửa được lỗi này.',
    );
  });

  it('22. a Callout and links to real pages are accepted', () => {
    const body = `${goodNews}\n<Callout type="note">\n\nXem [đơn vị](/tin-tuc/zalo/) và [trang chủ](/).\n\n</Callout>\n`;
    const { entries, issues } = run({ [NEWS]: body });
    expect(issues).toEqual([]);
    expect(entries.find((e) => e.file === NEWS)!.html).toContain('<aside class="callout callout-note" role="note"><p class="callout-label">Lưu ý</p>');
  });

  it('19. MDX that cannot be parsed points at the line', () => {
    const issue = onlyError({ [NEWS]: `${goodNews}\nXem <https://vss.gov.vn>\n` });
    expect(issue.line).toBe(14);
    expect(issue.en).toMatch(/^The MDX here cannot be read\. .*write links as \[text\]\(address\)/);
  });
});

describe('an English file Decap CMS wrote before anyone translated the entry', () => {
  // Decap copies the fields that are the same in every language into the English file.
  const stub = `---
date: 2024-09-16
column: tin-tuc-su-kien
section: hoat-dong-nganh
author: Nguyễn Văn A
sample: false
---
`;

  it('is not published, with a warning saying so in both languages, and is no error', () => {
    const { entries, issues } = run({ [NEWS]: goodNews, 'content/news/en/zalo.mdx': stub });
    expect(entries.filter((e) => e.collection === 'news').map((e) => e.locale)).toEqual(['vi']);
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'content/news/en/zalo.mdx',
        severity: 'warning',
        vi: expect.stringContaining('Bản tiếng Anh chưa được dịch'),
        en: expect.stringContaining('The English version has not been translated yet'),
      }),
    ]);
  });

  it('is checked like any entry as soon as one translated field is written', () => {
    const error = onlyError({ [NEWS]: goodNews, 'content/news/en/zalo.mdx': stub.replace('author:', 'title: Zalo\nauthor:') });
    expect(error).toMatchObject({ file: 'content/news/en/zalo.mdx', field: 'summary' });
  });
});

describe('the roles file content/governance/roles.yml', () => {
  const roles = readFileSync(ROLES_FILE, 'utf8');
  const boardPage = '---\ntitle: Ban Biên tập\nsummary: Thành phần Ban Biên tập.\nsection: editorial\ninclude: board\n---\n\nNội dung.\n';
  const PAGE = 'content/pages/vi/ban-bien-tap.mdx';

  it('is a settings file, not an entry', () => {
    const { settings, issues } = run({ [ROLES_FILE]: roles, [PAGE]: boardPage });
    expect(issues).toEqual([]);
    expect(settings!.roles!.people.length).toBeGreaterThan(0);
    expect(isSettingsFile(ROLES_FILE)).toBe(true);
  });

  it('is optional, unless a page lists the board from it', () => {
    expect(run({}).issues).toEqual([]);
    expect(onlyError({ [PAGE]: boardPage })).toMatchObject({
      file: PAGE,
      line: 5,
      field: 'include',
      en: 'This page lists the editorial board (include: board) but there is no content/governance/roles.yml. Add the roles file (see docs/approval.md) or remove the include line.',
    });
  });

  it('is checked with file, line and both languages', () => {
    const error = onlyError({ [ROLES_FILE]: roles.replace('to: 2027-12-31', 'to: 2025-12-31'), [PAGE]: boardPage });
    expect(error).toMatchObject({ file: ROLES_FILE, line: 76, column: 7, field: 'delegations[0].term.to' });
    expect(error.vi).toContain('Ngày kết thúc 2025-12-31 trước ngày bắt đầu 2026-01-05.');
  });
});

describe('the archive signing keys content/governance/archive-signing-keys.yml', () => {
  it('is a settings file, checked with file, line and both languages', () => {
    const KEYS = 'content/governance/archive-signing-keys.yml';
    expect(isSettingsFile(KEYS)).toBe(true);
    expect(run({ [KEYS]: readFileSync(KEYS, 'utf8') }).issues).toEqual([]);
    const error = onlyError({ [KEYS]: 'keys:\n  - id: 0123456789abcdef\n    valid_from: "2026-01-01T00:00:00+07:00"\n    public_key: not a key\n' });
    expect(error).toMatchObject({ file: KEYS, line: 4, field: 'keys[0].public_key' });
    expect(error.vi).toContain('Cần khoá công khai Ed25519 dạng PEM');
  });
});

describe('file fields', () => {
  it('must name a file the portal has in public/, said with the field and how to fix it', () => {
    const withImage = goodNews.replace('tags: [Zalo]', 'tags: [Zalo]\nimage:\n  src: /media/news/khong-co.jpg\n  alt: Ảnh minh hoạ');
    const errors = validateContent([...settings, { file: 'content/units/vi/trung-tam-truyen-thong.mdx', source: unit }, { file: NEWS, source: withImage }], {
      staticPaths: new Set(['/media/news/co.jpg', '/media/site/logo.svg']),
    }).issues.filter(isError);
    expect(errors).toEqual([
      expect.objectContaining({
        file: NEWS,
        line: 11,
        field: 'image.src',
        vi: 'Không có tệp /media/news/khong-co.jpg trong thư mục public/media/news/ của cổng. Tải tệp lên từ ô này trong trình biên tập, hoặc sửa đường dẫn.',
        en: "There is no file /media/news/khong-co.jpg in the portal's public/media/news/ folder. Upload it from this field in the CMS, or correct the path.",
      }),
    ]);
    const present = validateContent([...settings, { file: 'content/units/vi/trung-tam-truyen-thong.mdx', source: unit }, { file: NEWS, source: withImage.replace('khong-co', 'co') }], {
      staticPaths: new Set(['/media/news/co.jpg', '/media/site/logo.svg']),
    });
    expect(present.issues.filter(isError)).toEqual([]);
  });
});

describe('addresses in frontmatter fields and settings files (the allowlist of urls.ts)', () => {
  const UNIT = 'content/units/vi/trung-tam-truyen-thong.mdx';
  const siteWith = (extra: string) => settings.map((f) => (f.file === SITE_FILE ? { ...f, source: `${f.source}${extra}` } : f));
  const unitWith = (website: string) => unit.replace('phone: 024 3936 1595\n', `phone: 024 3936 1595\nwebsite: ${website}\n`);

  it('refuses a plain http website unless content/site.yml lists its host', () => {
    const refused = validateContent([...settings, { file: UNIT, source: unitWith('http://truyenthong.example/') }]).issues.filter(isError);
    expect(refused.map((i) => [i.file, i.line, i.field])).toEqual([[UNIT, 6, 'website']]);
    expect(refused[0]!.en).toBe(
      'The address “http://truyenthong.example…” in the field “website” is not encrypted (http, not https): on the way, others can read or swap what readers get. Use https://truyenthong.example/…; if that site has only http, a technical owner adds “truyenthong.example” to allowed_http_hosts in content/site.yml.',
    );
    const allowed = validateContent([...siteWith('allowed_http_hosts: [truyenthong.example]\n'), { file: UNIT, source: unitWith('http://truyenthong.example/') }]);
    expect(allowed.issues.map(formatIssue)).toEqual([]);
  });

  it('holds the site’s own addresses to the same rule', () => {
    const source = settings.find((f) => f.file === SITE_FILE)!.source.replace('auth_base_url: https://', 'auth_base_url: http://');
    const { issues } = validateContent([...settings.filter((f) => f.file !== SITE_FILE), { file: SITE_FILE, source }]);
    expect(issues.map((i) => [i.file, i.field, i.en.slice(0, 60)])).toEqual([[SITE_FILE, 'cms.auth_base_url', 'The address “http://cms-auth.baohiemxahoi.gov.vn…” in the fi']]);
  });

  it('checks the host names site.yml lists', () => {
    const { issues } = validateContent(siteWith('allowed_image_hosts: [https://anh.example/]\n'));
    expect(issues.map((i) => [i.field, i.en])).toEqual([
      [
        'allowed_image_hosts[0]',
        '“allowed_image_hosts[0]” (Host name): Write the host name in lower case, without https://, port or path, for example thuvienphapluat.vn (an internationalised name as xn--…). (found: “https://anh.example/”)',
      ],
    ]);
  });

  it('takes images from a host site.yml lists', () => {
    const withImage = goodNews.replace('Nội dung.', '![Biểu đồ](https://anh.example/bieu-do.png)');
    expect(run({ [NEWS]: withImage }).issues.filter(isError)[0]!.en).toMatch(/loads an image from another host \(“anh.example”\)/);
    const allowed = validateContent([...siteWith('allowed_image_hosts: [anh.example]\n'), { file: UNIT, source: unit }, { file: NEWS, source: withImage }]);
    expect(allowed.issues.map(formatIssue)).toEqual([]);
  });
});

describe('the files and links content/site.yml names (emblem, channels, services)', () => {
  const site = settings.find((f) => f.file === SITE_FILE)!.source;
  const withSite = (source: string) => [...settings.filter((f) => f.file !== SITE_FILE), { file: SITE_FILE, source }];
  const logoLine = site.split('\n').findIndex((l) => l.startsWith('logo:')) + 1;

  it('names the line of an emblem that is not in public/, in both languages', () => {
    const missing = validateContent(withSite(site), { staticPaths: new Set(['/favicon.svg']) }).issues;
    expect(missing.map((i) => [i.file, i.line, i.field])).toEqual([[SITE_FILE, logoLine, 'logo']]);
    expect(missing[0]!.en).toBe('There is no file /media/site/logo.svg (public/media/site/logo.svg): upload it (an SVG or PNG image) or correct the path.');
    expect(missing[0]!.vi).toMatch(/^Không có tệp \/media\/site\/logo\.svg/);
    expect(validateContent(withSite(site), { staticPaths: new Set(['/media/site/logo.svg']) }).issues).toEqual([]);
  });

  it('refuses an emblem outside /media/', () => {
    for (const path of ['/../package.json', '/favicon.svg', 'https://anh.example/logo.svg']) {
      const { issues } = validateContent(withSite(site.replace('logo: /media/site/logo.svg', `logo: ${path}`)));
      expect(issues.map((i) => [i.line, i.field]), path).toEqual([[logoLine, 'logo']]);
    }
  });

  it('holds the channels’ and services’ addresses to the allowlist', () => {
    const script = validateContent(withSite(site.replace('url: https://dichvucong.gov.vn', 'url: javascript:alert(1)'))).issues;
    expect(script.map((i) => i.field)).toEqual(['services[0].url']);
    const plain = validateContent(withSite(site.replace('url: https://zalo.me/bhxhvietnam', 'url: http://zalo.me/bhxhvietnam'))).issues;
    expect(plain.map((i) => [i.field, i.en.slice(0, 60)])).toEqual([['ask_channels[0].url', 'The address “http://zalo.me…” in the field “ask_channels[0].']]);
  });
});

describe('limits: no file can crash or stall the check', () => {
  it('refuses an entry or a settings file over 1 MiB, before parsing it', () => {
    const huge = `${goodNews}${'Nội dung rất dài. '.repeat(60_000)}\n`;
    const entry = onlyError({ [NEWS]: huge });
    expect(entry).toMatchObject({ file: NEWS, line: 1, column: 1 });
    expect(entry.en).toMatch(/^The file is too large \(1\.\d MB\); a content file may hold at most 1 MB, so that no file can stall the check and the build\./);
    expect(entry.vi).toMatch(/^Tệp quá lớn \(1,\d MB\); mỗi tệp nội dung được tối đa 1 MB/);
    const site = validateContent(settings.map((f) => (f.file === SITE_FILE ? { ...f, source: `${f.source}#${'x'.repeat(1024 * 1024)}\n` } : f)));
    expect(site.issues.map((i) => [i.file, i.line, i.en.slice(0, 25)])).toEqual([[SITE_FILE, 1, 'The file is too large (1 ']]);
  });
});
