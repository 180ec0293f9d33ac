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

  it('says which field of which line to fix, in both languages', () => {
    expect(lifecycleOf('received: 2026-02-13T17:45').issues.map(formatIssue)).toEqual([
      [
        'content/qa/vi/cau-hoi.mdx:2:1  [channel]  (lỗi / error)',
        '  vi: Thiếu trường bắt buộc “channel” (Kênh tiếp nhận). Hãy thêm dòng “channel: …”.',
        '  en: The required field “channel” (Channel) is missing. Add a line “channel: …”.',
      ].join('\n'),
    ]);
    const wrong = lifecycleOf('channel: fax\nreceived: 2026-02-13 17:45\nrouted_to: [Văn Phòng]\nanswered: 2026-02-12T09:00');
    expect(wrong.lifecycle).toBeUndefined();
    expect(wrong.issues.map((i) => [i.line, i.field, i.en])).toEqual([
      [3, 'channel', '“channel” (Channel): “fax” is not allowed. Choose one of: portal (the portal), zalo (Zalo), email (e-mail), phone (telephone), in-person (in person).'],
      [4, 'received', '“received” (Received at): Expected a Vietnam date and time written YYYY-MM-DDTHH:mm, for example 2026-02-13T17:45 (no time zone). (found: “2026-02-13 17:45”)'],
      [5, 'routed_to[0]', '“routed_to[0]” (Unit routed to): Expected the slug of a unit, for example trung-tam-dich-vu-ho-tro-cham-soc-khach-hang. (found: “Văn Phòng”)'],
    ]);
  });

  it('refuses a classification, report back or answer before the question was received', () => {
    const { issues } = lifecycleOf('channel: portal\nreceived: 2026-02-13T17:45\nclassified:\n  at: 2026-02-13T09:00\n  result: unclear\n  reported_back: 2026-02-12T10:00\nanswered: 2026-02-13T17:44');
    expect(issues.map((i) => [i.field, i.en])).toEqual([
      ['classified.at', '“classified.at” (Classified at): The classification (2026-02-13T09:00) cannot be before the question was received (2026-02-13T17:45).'],
      ['classified.reported_back', '“classified.reported_back” (Reported back at): The report back (2026-02-12T10:00) cannot be before the question was received (2026-02-13T17:45).'],
      ['answered', '“answered” (Answered at): The answer (2026-02-13T17:44) cannot be before the question was received (2026-02-13T17:45).'],
    ]);
  });
});
