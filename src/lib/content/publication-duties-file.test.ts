import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicationDutyKeys } from '../schema/publication-duties.ts';
import { formatIssue } from './issues.ts';
import { provisionText, PUBLICATION_DUTIES_FILE, publicationDutyReferenceIssues, validatePublicationDutiesFile } from './publication-duties-file.ts';
import { SITE_FILE, TAXONOMY_FILE, validateSettings } from './validate.ts';

const real = readFileSync(PUBLICATION_DUTIES_FILE, 'utf8');

/** The one problem a changed file must get, as printed. */
function onlyIssue(source: string): string {
  const { rules, issues } = validatePublicationDutiesFile(source);
  expect(rules).toBeUndefined();
  expect(issues.map(formatIssue)).toHaveLength(1);
  return formatIssue(issues[0]!);
}

describe('the publication-duties file', () => {
  const { rules, issues } = validatePublicationDutiesFile(real);

  it('in this repository is valid and lists every duty once, with the time limits of the regulation', () => {
    expect(issues).toEqual([]);
    expect(rules!.duties.map((d) => d.duty).sort()).toEqual([...publicationDutyKeys].sort());
    const days = Object.fromEntries(rules!.duties.map((d) => [d.duty, d.working_days]));
    expect(days).toEqual({
      'documents': 1,
      'policy-guidance': 10,
      'contact-details': 1,
      'award': 5,
      'research-programme': 20,
      'investment-project': 10,
      'procurement': 10,
      'leader-biography': 0,
    });
  });

  it('quotes each article, clause and point word for word from the portal’s copy of the regulation, with the days its words state', () => {
    const { locate } = validatePublicationDutiesFile(real);
    const regulation = readFileSync(`content/documents/vi/${rules!.regulation.document}.mdx`, 'utf8');
    expect(publicationDutyReferenceIssues(rules!, locate, () => regulation)).toEqual([]);
    expect(provisionText(regulation, { article: 11, clause: 1, point: 'đ' })).toMatch(/^đ\) Vụ Thi đua - Khen thưởng/);
    expect(provisionText(regulation, { article: 4, clause: 2 })).toMatch(/^2\. Bảo đảm phối hợp/);
    expect(provisionText(regulation, { article: 11, clause: 1, point: 'i' })).toBe('');
  });

  it('refuses an invented quotation, a provision the regulation does not have, days the words do not state, and a missing regulation', () => {
    const regulation = readFileSync('content/documents/vi/du-thao-quy-che-cong-thong-tin-dien-tu.mdx', 'utf8');
    const check = (source: string, library: (slug: string) => string | undefined = () => regulation) => {
      const { rules: changed, locate } = validatePublicationDutiesFile(source);
      return publicationDutyReferenceIssues(changed!, locate, library).map(formatIssue);
    };
    expect(check(real.replace('Trong 05 ngày làm việc kể từ khi hoàn thiện', 'Trong 03 ngày làm việc kể từ khi hoàn thiện'))).toEqual([
      [
        `${PUBLICATION_DUTIES_FILE}:81:7  [duties[3].time_limit.text]  (lỗi / error)`,
        '  vi: Không tìm thấy câu trích dẫn “Vụ Thi đua - Khen thưởng: Thông tin khen thưởng đối với tổ chức, cá nhân hoạt độ…” ở Điều 11 khoản 1 điểm đ của văn bản du-thao-quy-che-cong-thong-tin-dien-tu: chép nguyên văn (có thể lược bớt bằng “…”).',
        '  en: The quotation “Vụ Thi đua - Khen thưởng: Thông tin khen thưởng đối với tổ chức, cá nhân hoạt độ…” is not in Điều 11 khoản 1 điểm đ of the document du-thao-quy-che-cong-thong-tin-dien-tu: copy the exact words (leaving parts out with “…”).',
      ].join('\n'),
      [
        `${PUBLICATION_DUTIES_FILE}:70:5  [duties[3].working_days]  (lỗi / error)`,
        '  vi: Số ngày làm việc (5) khác với quy định được trích (03 ngày làm việc): sửa cho khớp với Điều 11 khoản 1 điểm đ.',
        '  en: The working days (5) differ from the quoted rule (03 working days): make them match Điều 11 khoản 1 điểm đ.',
      ].join('\n'),
    ]);
    expect(check(real.replace('      point: e\n', '      point: i\n'))).toEqual([
      expect.stringContaining('[duties[4].time_limit.article]  (lỗi / error)\n  vi: Văn bản du-thao-quy-che-cong-thong-tin-dien-tu không có Điều 11 khoản 1 điểm i: kiểm tra lại điều, khoản, điểm.'),
    ]);
    expect(check(real.replace('working_days: 20', 'working_days: 15'))).toEqual([expect.stringContaining('The working days (15) differ from the quoted rule (20 working days)')]);
    expect(check(real, () => undefined)).toEqual([
      expect.stringContaining('There is no document “du-thao-quy-che-cong-thong-tin-dien-tu” in the document library (content/documents/vi/du-thao-quy-che-cong-thong-tin-dien-tu.mdx)'),
    ]);
  });

  it('is checked with the settings by the content check', () => {
    const settings = [
      { file: SITE_FILE, source: readFileSync(SITE_FILE, 'utf8') },
      { file: TAXONOMY_FILE, source: readFileSync(TAXONOMY_FILE, 'utf8') },
    ];
    expect(validateSettings([...settings, { file: PUBLICATION_DUTIES_FILE, source: real }]).issues).toEqual([]);
    const broken = validateSettings([...settings, { file: PUBLICATION_DUTIES_FILE, source: real.replace('working_days: 20', 'working_days: -20') }]);
    expect(broken.issues.map((i) => i.file)).toEqual([PUBLICATION_DUTIES_FILE]);
  });

  it('refuses a missing duty, naming it in both languages', () => {
    const withoutAwards = real.replace(/ {2}- duty: award\n[\s\S]*?(?= {2}- duty: research-programme)/, '');
    expect(onlyIssue(withoutAwards)).toBe(
      [
        `${PUBLICATION_DUTIES_FILE}:14:1  [duties]  (lỗi / error)`,
        '  vi: “duties” (Nghĩa vụ): Thiếu nghĩa vụ: award (Thông tin khen thưởng). Thêm mỗi nghĩa vụ một mục, với số ngày làm việc và điều khoản quy định.',
        '  en: “duties” (Duties): Duties missing: award (Awards). Add an item for each, with its working days and the article that sets them.',
      ].join('\n'),
    );
  });

  it('refuses a duty listed twice (and so names the one it replaced as missing)', () => {
    const { rules, issues } = validatePublicationDutiesFile(real.replace('- duty: procurement', '- duty: investment-project'));
    expect(rules).toBeUndefined();
    const printed = issues.map(formatIssue);
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatch(/\[duties\[6\]\.duty\][\s\S]*Nghĩa vụ “investment-project” đã có ở mục thứ 6[\s\S]*The duty “investment-project” is already listed as item 6/);
    expect(printed[1]).toContain('Duties missing: procurement (Procurement and bidding).');
  });

  it('refuses an unknown duty, a negative or fractional time limit, a point without its clause and a letter that is not a point', () => {
    expect(onlyIssue(real.replace('- duty: leader-biography', '- duty: recruitment'))).toContain('[duties[7].duty]');
    expect(onlyIssue(real.replace('working_days: 5', 'working_days: 2.5'))).toContain('[duties[3].working_days]');
    expect(onlyIssue(real.replace('working_days: 0', 'working_days: -1'))).toContain('[duties[7].working_days]');
    expect(onlyIssue(real.replace('      clause: 1\n      point: e', '      point: e'))).toContain('A point needs the clause it belongs to.');
    expect(onlyIssue(real.replace('point: g\n      text: "Ban Quản lý Dự án Đầu tư và Xây dựng Ngành Bảo hiểm xã hội và Ban Quản lý các dự án Công nghệ thông tin: Thông tin về dự án, hạng mục đầu tư, mua sắm công (…). Thời gian cung cấp: Trong 10 ngày làm việc kể từ khi dự án, hạng mục đầu tư, đấu thầu được phê duyệt."\n    requirement:\n      - article: 4\n        clause: 2\n        text: "Bảo đảm phối hợp giữa các đơn vị trực thuộc, Bảo hiểm xã hội tỉnh trong việc khai thác, tiếp nhận đầy đủ, phân loại các thông tin; xử lý, xác minh, cập nhật kịp thời các thông tin đó để thực hiện các chức năng, nhiệm vụ, quyền hạn được giao theo quy định của pháp luật."\n  - duty: procurement', 'point: f\n      text: "x"\n  - duty: procurement'))).toContain(
      'A point is one lower-case letter as in the text',
    );
  });

  it('refuses a duty without the words of its article', () => {
    expect(onlyIssue(real.replace('\n        text: "Giới thiệu về Bảo hiểm xã hội Việt Nam, các đơn vị trực thuộc."\n  - duty: award', '\n  - duty: award'))).toMatch(/\[duties\[2\]\.requirement\[0\]\.text\][\s\S]*vi: /);
  });
});
