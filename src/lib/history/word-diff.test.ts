import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff.ts';

const plain = { color: false, locale: 'vi' } as const;

describe('wordDiff', () => {
  it('marks changed words inside their line, Vietnamese words whole', () => {
    expect(wordDiff('Đường dây nóng hoạt động từ 7 giờ.\n', 'Đường dây nóng hoạt động từ 7 giờ 30, cả thứ Bảy.\n', plain)).toEqual({
      text: 'Đường dây nóng hoạt động từ 7 giờ{+ 30, cả thứ Bảy+}.',
      changed: true,
    });
    expect(wordDiff('Số điện thoại cũ\n', 'Số điện thoại mới\n', plain).text).toBe('Số điện thoại [-cũ-]{+mới+}');
  });

  it('marks whole added or removed lines, never matching words across unrelated lines', () => {
    const before = ['---', 'title: A', 'date: 2026-03-02', '---', ''].join('\n');
    const after = ['---', 'title: A', 'date: 2026-03-02', 'withdrawn:', '  date: 2026-03-12', '---', ''].join('\n');
    expect(wordDiff(before, after, plain).text).toBe(['---', 'title: A', 'date: 2026-03-02', '{+withdrawn:+}', '{+  date: 2026-03-12+}', '---'].join('\n'));
    expect(wordDiff('a\nb\n', 'a\n', plain).text).toBe('a\n[-b-]');
  });

  it('folds long unchanged stretches, saying how many lines it hides, in the chosen language', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `dòng ${i + 1}`);
    const changed = lines.map((l, i) => (i === 10 ? 'dòng mười một' : l));
    expect(wordDiff(lines.join('\n'), changed.join('\n'), plain).text).toBe(
      ['⋯ 8 dòng không đổi', 'dòng 9', 'dòng 10', 'dòng [-11-]{+mười một+}', 'dòng 12', 'dòng 13', '⋯ 7 dòng không đổi'].join('\n'),
    );
    expect(wordDiff(lines.join('\n'), changed.join('\n'), { color: false, locale: 'en', context: 0 }).text).toBe(
      ['⋯ 10 unchanged line(s)', 'dòng [-11-]{+mười một+}', '⋯ 9 unchanged line(s)'].join('\n'),
    );
  });

  it('colours instead of marking, for a terminal', () => {
    const { text } = wordDiff('giờ cũ\n', 'giờ mới\n', { color: true, locale: 'vi' });
    expect(text).toBe('giờ \x1b[31;9mcũ\x1b[0m\x1b[32;4mmới\x1b[0m');
    expect(text).not.toContain('[-');
  });

  it('shows line breaks that came or went, and says when nothing changed', () => {
    expect(wordDiff('một hai\n', 'một\nhai\n', plain).text).toBe('một[- -]{+↵+}\nhai');
    expect(wordDiff('x\n', 'x\n', plain)).toEqual({ text: '', changed: false });
    expect(wordDiff('', 'mới\n', plain).text).toBe('{+mới+}');
  });
});
