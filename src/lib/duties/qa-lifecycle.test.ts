import { describe, expect, it } from 'vitest';
import { parseEntryFile } from '../content/frontmatter.ts';
import { formatIssue } from '../content/issues.ts';
import { qaLifecycleOf } from './qa-lifecycle.ts';

const FILE = 'content/qa/vi/cau-hoi.mdx';
function lifecycleOf(front: string, published?: string) {
  const parsed = parseEntryFile(FILE, `---\ntitle: Câu hỏi\n${front}\n---\nNội dung.\n`);
  return qaLifecycleOf(parsed.data, FILE, parsed.locate, published);
}

describe('qaLifecycleOf: a Q&A entry’s front matter as the lifecycle the deadlines take', () => {
  it('reads the contract’s fields, a unit routed to, and the publication moment it is given', () => {
    const { lifecycle, issues } = lifecycleOf(
      'channel: portal\nreceived: 2026-02-13T17:45\nclassified:\n  at: 2026-02-23T09:00\n  result: out-of-scope\n  reported_back: 2026-02-23T10:00\nrouted_to: [van-phong]\nanswered: 2026-02-24T15:00\nanswered_by: [van-phong]',
      '2026-02-25T08:00',
    );
    expect(issues).toEqual([]);
    expect(lifecycle).toEqual({
      channel: 'portal',
      received: '2026-02-13T17:45',
      classified: { at: '2026-02-23T09:00', result: 'out-of-scope', reported_back: '2026-02-23T10:00' },
      routed_to: ['van-phong'],
      answered: '2026-02-24T15:00',
      published: '2026-02-25T08:00',
    });
    expect(lifecycleOf('channel: zalo\nreceived: 2026-02-13T08:00').lifecycle).toEqual({ channel: 'zalo', received: '2026-02-13T08:00', classified: undefined, routed_to: [], answered: undefined, published: undefined });
  });

  it('says which field of which line to fix, in both languages, with the content schema’s words', () => {
    const [missing] = lifecycleOf('received: 2026-02-13T17:45').issues.map(formatIssue);
    expect(missing).toContain('content/qa/vi/cau-hoi.mdx:2:1  [channel]  (lỗi / error)');
    expect(missing).toContain('vi: Thiếu trường bắt buộc “channel” (Kênh tiếp nhận). Hãy thêm dòng “channel: …”.');
    expect(missing).toContain('en: The required field “channel” (Received through) is missing. Add a line “channel: …”.');
    const wrong = lifecycleOf('channel: fax\nreceived: 2026-02-13 17:45\nrouted_to: [Văn Phòng]\nanswered: 2026-02-12T09:00');
    expect(wrong.lifecycle).toBeUndefined();
    expect(wrong.issues.map((i) => [i.line, i.field, i.en])).toEqual([
      [3, 'channel', '“channel” (Received through): “fax” is not allowed. Choose one of: portal (The portal), zalo (Zalo (official account)), email (E-mail), phone (Telephone), in-person (In person).'],
      [4, 'received', '“received” (Received): Expected a date and Vietnam time written YYYY-MM-DDTHH:mm, for example 2026-02-13T17:45 (5:45 p.m. on 13 February 2026); in the CMS type 13/02/2026 17:45. (found: “2026-02-13 17:45”)'],
      [5, 'routed_to[0]', '“routed_to[0]” (Unit): Expected the slug (file name) of the referenced entry: lower-case ASCII letters, digits and hyphens, for example trung-tam-truyen-thong. (found: “Văn Phòng”)'],
    ]);
  });

  it('holds the entry to the content schema’s checks between the moments, so the register and the content check never disagree', () => {
    const { issues } = lifecycleOf('channel: portal\nreceived: 2026-02-13T17:45\nclassified:\n  at: 2026-02-13T09:00\n  result: unclear\n  reported_back: 2026-02-12T10:00\nanswered: 2026-02-13T17:44');
    expect(issues.map((i) => [i.field, i.en])).toEqual([
      ['classified.at', '“classified.at” (Classified at): The classification (13/02/2026 09:00) cannot be before the question was received (13/02/2026 17:45).'],
      ['classified.reported_back', '“classified.reported_back” (Asker told at): The asker cannot be told (12/02/2026 10:00) before the question was classified (13/02/2026 09:00).'],
      ['answered', '“answered” (Answered): The answer (13/02/2026 17:44) cannot be before the question was received (13/02/2026 17:45).'],
      ['answered_by', '“answered_by” (Answering units): An answered question needs at least one answering unit.'],
    ]);
  });
});
