import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatIssue, isError } from '../content/issues.ts';
import { SITE_FILE, TAXONOMY_FILE, validateContent } from '../content/validate.ts';

const settings = [
  { file: SITE_FILE, source: readFileSync('content/site.yml', 'utf8') },
  { file: TAXONOMY_FILE, source: readFileSync('content/taxonomy.yml', 'utf8') },
];

const news = (frontmatter: string) => `---
title: Tiếp công dân tháng 12
summary: Lịch tiếp công dân của cơ quan.
column: tin-tuc-su-kien
section: hoat-dong-nganh
author: Nguyễn Văn A
${frontmatter}
---

Nội dung.
`;

const question = (received: string, answered: string) => `---
title: Hỏi về thẻ BHYT
question: Tôi cần làm gì?
asker: { initials: N.T.H., province: Hà Nội }
topic: bhxh-bat-buoc
channel: portal
received: ${received}
classified: { at: ${received}, result: in-scope }
answered: ${answered}
answered_by: [trung-tam-truyen-thong]
---

Trả lời.
`;

const unit = { file: 'content/units/vi/trung-tam-truyen-thong.mdx', source: '---\nname: Trung tâm Truyền thông\nkind: central-unit\naddress: Số 7 Tràng Thi, Hà Nội\nphone: 024 3936 1595\n---\n' };

function errors(file: string, source: string) {
  return validateContent([...settings, unit, { file, source }]).issues.filter(isError);
}

describe('implausible dates are refused with the field’s label, in both languages', () => {
  beforeEach(() => {
    // 2 December 2026 in Vietnam (still 1 December in UTC).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T06:00:00+07:00'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('today is the clock’s date in Vietnam, not the build’s display date (PORTAL_TODAY: tests and history snapshots build a past day)', () => {
    const saved = process.env.PORTAL_TODAY;
    process.env.PORTAL_TODAY = '2026-03-10';
    try {
      expect(errors('content/qa/vi/a.mdx', question('2026-11-30T09:00', '2026-12-02T08:00'))).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.PORTAL_TODAY;
      else process.env.PORTAL_TODAY = saved;
    }
  });

  it('1906-12-02 (what typing 12/02/2026 stored) in a news item', () => {
    const [error, ...rest] = errors('content/news/vi/a.mdx', news('date: 1906-12-02'));
    expect(rest.map(formatIssue)).toEqual([]);
    expect(error).toMatchObject({ field: 'date', line: 7 });
    expect(error!.vi).toBe(
      '“date” (Ngày đăng): ngày 02/12/1906 trước năm 1945, không thể đúng. Kiểm tra lại ngày, tháng, năm (nhập theo dạng ngày/tháng/năm, ví dụ 16/09/2024). (đang ghi: “1906-12-02”)',
    );
    expect(error!.en).toContain('“date” (Date): the date 02/12/1906 is before 1945, which cannot be right.');
  });

  it('a news item up to a year ahead is accepted (it may be scheduled), not later', () => {
    expect(errors('content/news/vi/a.mdx', news('date: 2027-12-02'))).toEqual([]);
    const [error] = errors('content/news/vi/a.mdx', news('date: 2027-12-03'));
    expect(error!.vi).toContain('“date” (Ngày đăng): ngày 03/12/2027 quá xa trong tương lai; ngày này phải từ 01/01/1945 đến 02/12/2027');
  });

  it('a question cannot be received or answered in the future (in Vietnam time)', () => {
    expect(errors('content/qa/vi/a.mdx', question('2026-11-30T09:00', '2026-12-02T08:00')).map(formatIssue)).toEqual([]);
    const [error, ...rest] = errors('content/qa/vi/a.mdx', question('2026-11-30T09:00', '2026-12-03T08:00'));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ field: 'answered' });
    expect(error!.en).toContain('“answered” (Answered): the date 03/12/2026 is in the future; this date must be between 01/01/1945 and today (02/12/2026).');
  });

  it('publish_at may be up to a year ahead, in Vietnam time', () => {
    expect(errors('content/news/vi/a.mdx', news('date: 2026-12-01\npublish_at: 2027-12-02T23:00:00+07:00'))).toEqual([]);
    // 2027-12-02T17:30Z is already 3 December in Vietnam.
    const [error] = errors('content/news/vi/a.mdx', news('date: 2026-12-01\npublish_at: 2027-12-02T17:30:00Z'));
    expect(error).toMatchObject({ field: 'publish_at' });
    expect(error!.vi).toContain('“publish_at” (Hẹn giờ đăng): ngày 03/12/2027 quá xa trong tương lai');
  });
});
