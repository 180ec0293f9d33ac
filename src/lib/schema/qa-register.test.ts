/**
 * The Q&A register's lifecycle in the schema: a question's times follow one
 * another, and each field is filled only at its step (docs/content-model.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { qaSchema } from './collections.ts';
import { isVietnamDateTime } from './fields.ts';
import { taxonomySchema } from './settings.ts';

const schema = qaSchema(taxonomySchema.parse(parse(readFileSync('content/taxonomy.yml', 'utf8'))));

const received = {
  title: 'Lương hưu khi đóng ở hai tỉnh?',
  question: 'Lương hưu tính thế nào?',
  asker: { initials: 'N.V.Đ.', province: 'Nghệ An' },
  topic: 'bhxh-bat-buoc',
  channel: 'portal',
  received: '2026-02-13T17:45',
};
const classified = { ...received, classified: { at: '2026-02-23T09:30', result: 'in-scope' }, routed_to: ['bhxh-viet-nam'] };
const answered = { ...classified, answered: '2026-02-26T15:00', answered_by: ['bhxh-viet-nam'] };

/** The issues of `entry`: field path and both messages. */
function issues(entry: Record<string, unknown>) {
  const result = schema.safeParse(entry);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), ...(i as unknown as { params: { vi: string; en: string } }).params }));
}

describe('a Q&A entry’s life in the register', () => {
  it('is accepted at every step: received, classified and routed, answered', () => {
    expect(issues(received)).toEqual([]);
    expect(issues(classified)).toEqual([]);
    expect(issues(answered)).toEqual([]);
    expect(schema.parse(received)).toMatchObject({ routed_to: [], answered_by: [] });
  });

  it('writes Vietnam times as YYYY-MM-DDTHH:mm, refusing offsets, seconds and impossible times', () => {
    expect(['2026-02-13T17:45', '2024-02-29T00:00'].every(isVietnamDateTime)).toBe(true);
    expect(['2026-02-13T17:45:00+07:00', '2026-02-13 17:45', '2026-02-13T24:00', '2025-02-29T10:00', '2026-02-13'].some(isVietnamDateTime)).toBe(false);
    const [problem] = issues({ ...received, received: '2026-02-13T17:45:00+07:00' });
    expect(problem).toMatchObject({ path: 'received', vi: expect.stringContaining('dạng NNNN-TT-NNTGG:PP'), en: expect.stringContaining('YYYY-MM-DDTHH:mm') });
  });

  it('refuses an answer before the question was received, and a classification after the answer', () => {
    expect(issues({ ...answered, answered: '2026-02-13T17:00', classified: { at: '2026-02-13T17:45', result: 'in-scope' } })).toEqual([
      {
        path: 'classified.at',
        vi: 'Thời điểm phân loại (13/02/2026 17:45) không thể sau thời điểm trả lời (13/02/2026 17:00).',
        en: 'The classification (13/02/2026 17:45) cannot be after the answer (13/02/2026 17:00).',
      },
      {
        path: 'answered',
        vi: 'Thời điểm trả lời (13/02/2026 17:00) không thể trước thời điểm tiếp nhận (13/02/2026 17:45).',
        en: 'The answer (13/02/2026 17:00) cannot be before the question was received (13/02/2026 17:45).',
      },
    ]);
    expect(issues({ ...classified, classified: { at: '2026-02-13T08:00', result: 'in-scope' } }).map((i) => i.path)).toEqual(['classified.at']);
  });

  it('tells the asker back only of an out-of-scope or unclear question, and not before classifying it', () => {
    const told = (result: string, reported_back: string) => issues({ ...received, classified: { at: '2026-02-23T09:30', result, reported_back } });
    expect(told('out-of-scope', '2026-02-23T10:00')).toEqual([]);
    expect(told('unclear', '2026-02-23T10:00')).toEqual([]);
    expect(told('in-scope', '2026-02-23T10:00')).toEqual([
      {
        path: 'classified.reported_back',
        vi: 'Chỉ báo lại người hỏi khi câu hỏi không thuộc phạm vi hoặc chưa rõ; với câu hỏi thuộc phạm vi, xoá thời điểm báo lại.',
        en: 'The asker is told back only when the question is out of scope or unclear; for an in-scope question, clear this field.',
      },
    ]);
    expect(told('unclear', '2026-02-23T09:00').map((i) => i.en)).toEqual(['The asker cannot be told (23/02/2026 09:00) before the question was classified (23/02/2026 09:30).']);
  });

  it('names answering units only with the answer, and needs them, and the classification, once answered', () => {
    expect(issues({ ...classified, answered_by: ['bhxh-viet-nam'] }).map((i) => [i.path, i.en])).toEqual([
      ['answered_by', 'Name the answering units only once the question is answered: fill in when it was answered, or clear the units.'],
    ]);
    const { classified: _c, routed_to: _r, ...unclassified } = answered;
    expect(issues({ ...unclassified, answered_by: [] }).map((i) => [i.path, i.vi])).toEqual([
      ['classified', 'Câu hỏi đã trả lời phải được phân loại trước: điền thời điểm và kết quả phân loại.'],
      ['answered_by', 'Câu hỏi đã trả lời cần ít nhất một đơn vị trả lời.'],
    ]);
  });

  it('routes a question only once it is classified, and never withdraws one that was never published', () => {
    expect(issues({ ...received, routed_to: ['bhxh-viet-nam'] }).map((i) => i.path)).toEqual(['routed_to']);
    expect(issues({ ...received, withdrawn: { kind: 'withdraw', date: '2026-03-01', reason: 'Trùng.' } }).map((i) => i.path)).toEqual(['withdrawn']);
  });

  it('knows the channels of the regulations and no other', () => {
    for (const channel of ['portal', 'zalo', 'email', 'phone', 'in-person']) expect(issues({ ...received, channel })).toEqual([]);
    expect(issues({ ...received, channel: 'facebook' }).map((i) => i.path)).toEqual(['channel']);
  });
});
