/** A failure an archivist or the build can cause or fix, said in Vietnamese and English. */
import { printableLines } from '../printable.ts';

export interface BilingualMessage {
  vi: string;
  en: string;
}

export class HistoryError extends Error {
  readonly messages: BilingualMessage;

  constructor(messages: BilingualMessage) {
    super(`${messages.vi}\n${messages.en}`);
    this.name = 'HistoryError';
    this.messages = messages;
  }
}

/**
 * How errors are printed by the tools: one line per language, as `check:content`
 * does. The messages name addresses and files someone else chose: control
 * characters in them are shown escaped (printableLines; line breaks stay).
 */
export function formatBilingual(message: BilingualMessage): string {
  return `vi: ${printableLines(message.vi)}\nen: ${printableLines(message.en)}`;
}
