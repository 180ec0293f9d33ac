import { describe, expect, it } from 'vitest';
import { approvalInputSchema } from './input.ts';
import { URGENT_LABEL, URGENT_LABELS, urgentReason, urgentRequest } from './urgent.ts';

const input = (labels: string[], body: string | null) =>
  approvalInputSchema.parse({
    pull_request: { number: 1, author: 'a', head_sha: 'abc', base_ref: 'main', labels, body, commit_count: 1 },
    files: [],
    commits: [{ sha: 'abc', author: 'a', committer: 'a' }],
    reviews: [],
    roles: { base_content: null },
    now: '2026-11-20T10:00:00+07:00',
  });

describe('urgent publication', () => {
  it('is asked for with the urgent label or its Vietnamese alias', () => {
    expect(URGENT_LABEL).toBe('urgent');
    expect(URGENT_LABELS).toEqual(['urgent', 'khan-cap']);
    expect(urgentRequest(input(['tin-tuc'], null))).toEqual({ requested: false });
    expect(urgentRequest(input(['khan-cap'], 'Urgent reason: wrong rates'))).toEqual({ requested: true, label: 'khan-cap', reason: 'wrong rates' });
    expect(urgentRequest(input(['Urgent'], null))).toEqual({ requested: true, label: 'Urgent', reason: undefined });
  });

  it('reads the reason from a line of the description, in either language', () => {
    expect(urgentReason('Mô tả.\n\nLý do khẩn cấp: đính chính số liệu sai\n')).toBe('đính chính số liệu sai');
    expect(urgentReason('> urgent reason:   a correction  ')).toBe('a correction');
    expect(urgentReason('* Lý do khẩn cấp: x'.normalize('NFD'))).toBe('x');
  });

  it('finds no reason when the line is missing or empty', () => {
    expect(urgentReason(null)).toBeUndefined();
    expect(urgentReason('Cần đăng gấp.')).toBeUndefined();
    expect(urgentReason('Lý do khẩn cấp:   \nUrgent reason:')).toBeUndefined();
    expect(urgentReason('The urgent reason: is in the text')).toBeUndefined();
  });
});
