import { describe, expect, it } from 'vitest';
import { changeNoteIssue } from './change-note.ts';

const FILE = 'content/news/vi/zalo.mdx';
const entry = (front: string, body = 'Nội dung.') => `---\ntitle: Zalo BHXH\n${front}---\n\n${body}\n`;

describe('change notes on published entries', () => {
  it('asks for a note when the text changes, naming the field, in both languages', () => {
    const issue = changeNoteIssue(FILE, entry(''), entry('', 'Nội dung đã sửa.'));
    expect(issue).toMatchObject({ file: FILE, line: 1, field: 'change_note' });
    expect(issue!.vi).toContain('chưa có ghi chú thay đổi mới');
    expect(issue!.en).toContain('has no new change note');
  });

  it('accepts a new note, or a minor change', () => {
    expect(changeNoteIssue(FILE, entry(''), entry('change_note: Sửa số điện thoại.\n', 'Khác.'))).toBeUndefined();
    expect(changeNoteIssue(FILE, entry(''), entry('minor_change: true\n', 'Khác.'))).toBeUndefined();
  });

  it('does not accept the previous revision’s note again, and points at it', () => {
    const issue = changeNoteIssue(FILE, entry('change_note: Sửa lần một.\n'), entry('change_note: Sửa lần một.\n', 'Sửa lần hai.'));
    expect(issue).toMatchObject({ line: 3, field: 'change_note' });
  });

  it('needs nothing when only the bookkeeping fields change', () => {
    expect(changeNoteIssue(FILE, entry('change_note: A.\n'), entry('change_note: B.\nminor_change: false\n'))).toBeUndefined();
  });
});
