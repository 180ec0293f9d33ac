import { describe, expect, it } from 'vitest';
import { SAVE_NOTES, saveNotesOf } from './save-notes.ts';

const note = {
  version: 'vi',
  label: { vi: 'Nội dung, dòng 4', en: 'Text, line 4' },
  message: { vi: 'Khoản “3.” không đúng thứ tự.', en: 'Clause “3.” is out of order.' },
};

describe('saveNotesOf', () => {
  it('reads the notes of a save’s answer in the interface language', () => {
    expect(saveNotesOf({ message: 'entry persisted', [SAVE_NOTES]: [note] }, 'vi')).toEqual([{ version: 'vi', label: 'Nội dung, dòng 4', message: 'Khoản “3.” không đúng thứ tự.' }]);
    expect(saveNotesOf({ message: 'entry persisted', [SAVE_NOTES]: [{ ...note, version: 'en' }] }, 'en')).toEqual([{ version: 'en', label: 'Text, line 4', message: 'Clause “3.” is out of order.' }]);
  });

  it('finds none in an answer without notes', () => {
    for (const answer of [undefined, null, 'entry persisted', { message: 'entry persisted' }, [note]]) expect(saveNotesOf(answer, 'vi')).toEqual([]);
  });

  it('leaves out whatever is not shaped as a note, and lists at most 50', () => {
    const odd = [
      null,
      'text',
      { ...note, version: 'fr' },
      { ...note, version: '__proto__' },
      { ...note, label: 'Nội dung' },
      { ...note, message: { vi: 'chỉ tiếng Việt' } },
      { ...note, message: { vi: 1, en: 2 } },
    ];
    expect(saveNotesOf({ [SAVE_NOTES]: [...odd, note] }, 'en')).toHaveLength(1);
    expect(saveNotesOf({ [SAVE_NOTES]: 'not a list' }, 'vi')).toEqual([]);
    expect(saveNotesOf({ [SAVE_NOTES]: Array.from({ length: 80 }, () => note) }, 'vi')).toHaveLength(50);
    // Inherited, not the answer's own: not read.
    expect(saveNotesOf(Object.create({ [SAVE_NOTES]: [note] }), 'vi')).toEqual([]);
  });
});
