/**
 * A readable word-level diff of two versions of a source file: lines are
 * paired first (jsdiff's diffLines), then words are compared within each
 * changed stretch (diffWordsWithSpace), so words are never matched across
 * unrelated lines. Changes are coloured on a terminal, otherwise marked
 * `[-removed-]{+added+}` (git's --word-diff=plain); long unchanged stretches
 * are folded. Pure.
 */
import { diffLines, diffWordsWithSpace, type Change } from 'diff';
import type { Locale } from '../locales.ts';

export interface WordDiffOptions {
  /** ANSI colours (red struck-through removed, green underlined added) instead of markers. */
  color: boolean;
  locale: Locale;
  /** Unchanged lines kept around each change (default 2). */
  context?: number;
}

const marks = {
  plain: { removed: ['[-', '-]'], added: ['{+', '+}'] },
  color: { removed: ['\x1b[31;9m', '\x1b[0m'], added: ['\x1b[32;4m', '\x1b[0m'] },
} as const;

type Style = (typeof marks)[keyof typeof marks];

/** A stretch of one line: unchanged, or removed or added. */
export interface WordPart {
  text: string;
  kind?: 'added' | 'removed';
}

/** One line of the comparison: its stretches, and whether anything in it changed. */
export interface DiffLine {
  parts: WordPart[];
  changed: boolean;
}

/** Lines of `text` without the empty one after a final newline. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Words of one changed stretch, marked inside their lines; a removed or added line break shows as ↵. */
function wordLines(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [{ parts: [], changed: true }];
  for (const part of diffWordsWithSpace(before.replace(/\n$/, ''), after.replace(/\n$/, ''))) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : undefined;
    part.value.split('\n').forEach((piece, i) => {
      if (i > 0) {
        if (kind) lines[lines.length - 1]!.parts.push({ text: '↵', kind });
        lines.push({ parts: [], changed: true });
      }
      if (piece) lines[lines.length - 1]!.parts.push(kind ? { text: piece, kind } : { text: piece });
    });
  }
  return lines;
}

/**
 * `before` → `after` line by line, the words within each changed stretch
 * compared; undefined when they are the same.
 */
export function diffLinesAndWords(before: string, after: string): DiffLine[] | undefined {
  const parts: Change[] = diffLines(before, after);
  if (!parts.some((p) => p.added || p.removed)) return undefined;
  const lines: DiffLine[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      lines.push(...wordLines(part.value, next.value));
      i++;
    } else if (part.added || part.removed) {
      const kind = part.added ? 'added' : 'removed';
      for (const line of linesOf(part.value)) lines.push({ parts: [{ text: line, kind }], changed: true });
    } else {
      for (const line of linesOf(part.value)) lines.push({ parts: [{ text: line }], changed: false });
    }
  }
  return lines;
}

/** The diff of `before` → `after`; `changed` is false when they are the same. */
export function wordDiff(before: string, after: string, options: WordDiffOptions): { text: string; changed: boolean } {
  const style: Style = options.color ? marks.color : marks.plain;
  const lines = diffLinesAndWords(before, after);
  if (!lines) return { text: '', changed: false };
  const shown = lines.map((line) => ({ text: line.parts.map((p) => (p.kind ? `${style[p.kind][0]}${p.text}${style[p.kind][1]}` : p.text)).join(''), changed: line.changed }));
  return { text: fold(shown, options.context ?? 2, options.locale), changed: true };
}

interface Line {
  text: string;
  changed: boolean;
}

/** Keeps changed lines and `context` lines around them; says how many unchanged lines each gap hides. */
function fold(lines: readonly Line[], context: number, locale: Locale): string {
  const keep = lines.map(() => false);
  lines.forEach((line, i) => {
    if (!line.changed) return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true;
  });
  const out: string[] = [];
  let hidden: string[] = [];
  const gap = () => {
    // Folding a single line would hide nothing: show it.
    if (hidden.length === 1) out.push(hidden[0]!);
    else if (hidden.length > 1) out.push(locale === 'vi' ? `⋯ ${hidden.length} dòng không đổi` : `⋯ ${hidden.length} unchanged line(s)`);
    hidden = [];
  };
  lines.forEach((line, i) => {
    if (!keep[i]) return void hidden.push(line.text);
    gap();
    out.push(line.text);
  });
  gap();
  return out.join('\n');
}
