/**
 * The notes of the local backend's save check (scripts/lib/publication-gate.ts
 * `checkSave`) on an entry it saved, read from its answer to the CMS's save:
 * what the browser's own check cannot see (the entry's text), listed with the
 * browser's notes in the interface language.
 * The answer is read as untrusted data: anything not shaped as a note is left out.
 */
import { isLocale, type Locale } from '../locales.ts';
import type { CmsEntryProblem } from './cms-entry-check.ts';

/** The member of a successful save's answer that holds its notes (decap-server's own answer is `{ message }`). */
export const SAVE_NOTES = 'portalNotes';

/** Most notes listed from one answer. */
const MOST = 50;

function bilingual(value: unknown): value is { vi: string; en: string } {
  return typeof value === 'object' && value !== null && typeof (value as { vi?: unknown }).vi === 'string' && typeof (value as { en?: unknown }).en === 'string';
}

/** The notes in a save's answer, as problems in `interfaceLocale`; none when it has none. */
export function saveNotesOf(answer: unknown, interfaceLocale: Locale): CmsEntryProblem[] {
  if (typeof answer !== 'object' || answer === null || !Object.hasOwn(answer, SAVE_NOTES)) return [];
  const notes: unknown = (answer as Record<string, unknown>)[SAVE_NOTES];
  if (!Array.isArray(notes)) return [];
  const problems: CmsEntryProblem[] = [];
  for (const note of notes.slice(0, MOST)) {
    if (typeof note !== 'object' || note === null) continue;
    const { version, label, message } = note as Record<string, unknown>;
    if (typeof version !== 'string' || !isLocale(version) || !bilingual(label) || !bilingual(message)) continue;
    problems.push({ version, label: label[interfaceLocale], message: message[interfaceLocale] });
  }
  return problems;
}
