/**
 * The fields the publication duties count from (portal regulation Art. 11):
 * written as a VietnamDateTime, optional where no duty applies, and held to
 * the cross-field rules with messages in both languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlWithPositions } from '../content/frontmatter.ts';
import { documentsSchema, newsSchema, pagesSchema, spokespeopleSchema, unitsSchema } from './collections.ts';
import { isVietnamDateTime, vietnamDateTimeField } from './fields.ts';
import { taxonomySchema } from './settings.ts';

const taxonomy = taxonomySchema.parse(parseYamlWithPositions('content/taxonomy.yml', readFileSync('content/taxonomy.yml', 'utf8')).data);

/** The bilingual messages of a refused value, by field path. */
function refusals(result: { success: boolean; error?: { issues: { path: PropertyKey[]; params?: unknown }[] } }) {
  return (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), ...(i.params as { vi: string; en: string }) }));
}

describe('vietnamDateTimeField: a moment in Vietnam written YYYY-MM-DDTHH:mm', () => {
  const field = vietnamDateTimeField({ vi: 'Lúc', en: 'At' }, undefined, { yearsAhead: 0 });

  it('accepts a real moment to the minute, without offset', () => {
    expect(isVietnamDateTime('2026-09-01T17:00')).toBe(true);
    expect(field.safeParse('2026-09-01T17:00').success).toBe(true);
  });

  it('refuses offsets, seconds, impossible dates and hours, in both languages', () => {
    for (const bad of ['2026-09-01T17:00:00+07:00', '2026-09-01T17:00:00', '2026-09-01', '2026-02-30T08:00', '2026-09-01T24:00', '2026-09-01 17:00']) {
      expect(isVietnamDateTime(bad), bad).toBe(false);
      const [issue] = refusals(field.safeParse(bad));
      expect(issue).toMatchObject({ vi: expect.stringContaining('NNNN-TT-NNTGG:PP'), en: expect.stringContaining('YYYY-MM-DDTHH:mm') });
    }
  });

  it('refuses a moment in the future when the field records what happened', () => {
    const [issue] = refusals(field.safeParse('2099-01-01T08:00'));
    expect(issue!.vi).toContain('còn ở tương lai');
    expect(issue!.en).toContain('is in the future');
  });
});

const document = {
  title: 'Quyết định mẫu',
  number: '100/QĐ-BHXH',
  kind: 'quyet-dinh',
  issuer: 'Bảo hiểm xã hội Việt Nam',
  issued: '2026-08-28',
  status: 'in-force',
  summary: 'Tóm tắt.',
};

describe('documents: cleared_at', () => {
  it('is optional, and accepted on an issued document cleared after its issue', () => {
    expect(documentsSchema.safeParse(document).success).toBe(true);
    expect(documentsSchema.safeParse({ ...document, cleared_at: '2026-09-01T17:00' }).success).toBe(true);
  });

  it('is refused on a draft for comment, which has no working-day time limit', () => {
    const result = documentsSchema.safeParse({ ...document, number: undefined, issued: undefined, status: 'draft', cleared_at: '2026-09-01T17:00' });
    expect(refusals(result)).toEqual([
      expect.objectContaining({ path: 'cleared_at', vi: expect.stringContaining('Dự thảo xin ý kiến'), en: expect.stringContaining('A draft for comment') }),
    ]);
  });

  it('is refused before the date of issue', () => {
    const result = documentsSchema.safeParse({ ...document, cleared_at: '2026-08-27T09:00' });
    expect(refusals(result)).toEqual([
      {
        path: 'cleared_at',
        vi: 'Văn bản không thể được phép công bố (27/08/2026) trước ngày ban hành (28/08/2026). Kiểm tra lại hai ngày này.',
        en: 'A document cannot be cleared for publication (27 August 2026) before its date of issue (28 August 2026). Check both dates.',
      },
    ]);
  });
});

const news = {
  title: 'Tin mẫu',
  summary: 'Tóm tắt.',
  date: '2026-09-10',
  column: 'tin-tuc-su-kien',
  section: 'hoat-dong-nganh',
  author: 'Ban Biên tập',
};

describe('news: publication_duty', () => {
  const schema = newsSchema(taxonomy);

  it('is optional; when given it names a kind the regulation sets a time limit for and the moment it counts from', () => {
    expect(schema.safeParse(news).success).toBe(true);
    expect(schema.safeParse({ ...news, publication_duty: { kind: 'award', from: '2026-09-03T10:00', basis: 'Quyết định 12/QĐ-BHXH' } }).success).toBe(true);
    const unknown = schema.safeParse({ ...news, publication_duty: { kind: 'recruitment', from: '2026-09-03T10:00' } });
    expect(unknown.success).toBe(false);
    expect(refusals(schema.safeParse({ ...news, publication_duty: { kind: 'award' } }))[0]!.path).toBe('publication_duty.from');
  });

  it('cannot count from after the item’s own date', () => {
    const result = schema.safeParse({ ...news, publication_duty: { kind: 'procurement', from: '2026-09-11T08:00' } });
    expect(refusals(result)).toEqual([
      expect.objectContaining({
        path: 'publication_duty.from',
        vi: expect.stringContaining('(11/09/2026) không thể sau ngày đăng của tin (10/09/2026)'),
        en: expect.stringContaining('(11 September 2026) cannot be after the item’s date (10 September 2026)'),
      }),
    ]);
  });
});

describe('pages: appointed (a leader’s biography)', () => {
  const page = { title: 'Phó Tổng Giám đốc Nguyễn Văn An', summary: 'Tiểu sử tóm tắt.', section: 'organisation', appointed: '2026-09-03' };

  it('is accepted on a page in “Organisation”', () => {
    expect(pagesSchema.safeParse(page).success).toBe(true);
  });

  it('is refused on any other page, naming both sections', () => {
    expect(refusals(pagesSchema.safeParse({ ...page, section: 'about' }))).toEqual([
      expect.objectContaining({
        path: 'appointed',
        vi: expect.stringContaining('thuộc nhóm “Giới thiệu”. Chọn nhóm trang “Cơ cấu tổ chức”'),
        en: expect.stringContaining('is in “About”. Choose the section “Organisation”'),
      }),
    ]);
  });
});

describe('units and spokespeople: contact_changed', () => {
  it('is optional and a VietnamDateTime', () => {
    const unit = { name: 'Văn phòng', kind: 'central-unit', address: 'Số 7 Tràng Thi, Hà Nội', phone: '024 3936 1595' };
    expect(unitsSchema.safeParse(unit).success).toBe(true);
    expect(unitsSchema.safeParse({ ...unit, contact_changed: '2026-11-20T16:30' }).success).toBe(true);
    expect(unitsSchema.safeParse({ ...unit, contact_changed: '20/11/2026 16:30' }).success).toBe(false);
    const person = { name: 'Nguyễn Văn An', position: 'Phó Tổng Giám đốc', organisation: 'BHXH Việt Nam', phone: '024 3936 1010', email: 'a@vss.gov.vn', role: 'spokesperson' };
    expect(spokespeopleSchema.safeParse({ ...person, contact_changed: '2026-11-18T09:00' }).success).toBe(true);
  });
});
