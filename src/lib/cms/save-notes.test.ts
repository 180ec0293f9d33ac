import { describe, expect, it } from 'vitest';
import hostile from '../../../tests/fixtures/hostile/save-answers/answers.json' with { type: 'json' };
import { SAVE_NOTES, saveNotesOf } from './save-notes.ts';

const note = {
  version: 'vi',
  label: { vi: 'Nội dung, dòng 4', en: 'Text, line 4' },
  message: { vi: 'Khoản “3.” không đúng thứ tự.', en: 'Clause “3.” is out of order.' },
};

describe('saveNotesOf', () => {
  it('reads the notes of a save’s answer in the interface language, their text as it is (shown as text, never markup)', () => {
    const markup = { ...note, message: { vi: '<img src=x onerror=alert(1)>', en: '<script>alert(1)</script>' } };
    expect(saveNotesOf({ [SAVE_NOTES]: [markup] }, 'en')[0]!.message).toBe('<script>alert(1)</script>');
    expect(saveNotesOf({ message: 'entry persisted', [SAVE_NOTES]: [note] }, 'vi')).toEqual([{ version: 'vi', label: 'Nội dung, dòng 4', message: 'Khoản “3.” không đúng thứ tự.' }]);
    expect(saveNotesOf({ message: 'entry persisted', [SAVE_NOTES]: [{ ...note, version: 'en' }] }, 'en')).toEqual([{ version: 'en', label: 'Text, line 4', message: 'Clause “3.” is out of order.' }]);
  });

  it('finds none in an answer without notes', () => {
    for (const answer of [undefined, null, 'entry persisted', { message: 'entry persisted' }, [note]]) expect(saveNotesOf(answer, 'vi')).toEqual([]);
  });

  it('leaves out whatever is not shaped as a note (tests/fixtures/hostile/save-answers/), and lists at most 50', () => {
    expect(hostile.notes.length).toBeGreaterThan(10);
    for (const odd of hostile.notes) expect(saveNotesOf({ [SAVE_NOTES]: [odd, note] }, 'en'), JSON.stringify(odd)).toEqual([saveNotesOf({ [SAVE_NOTES]: [note] }, 'en')[0]]);
    for (const answer of hostile.answers) expect(saveNotesOf(answer, 'vi'), JSON.stringify(answer)).toEqual([]);
    expect(saveNotesOf({ [SAVE_NOTES]: Array.from({ length: 80 }, () => note) }, 'vi')).toHaveLength(50);
    // Inherited, not the answer's own: not read.
    expect(saveNotesOf(Object.create({ [SAVE_NOTES]: [note] }), 'vi')).toEqual([]);
  });
});
