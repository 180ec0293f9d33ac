/** A failure an archivist or the build can cause or fix, said in Vietnamese and English. */

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

/** How errors are printed by the tools: one line per language, as `check:content` does. */
export function formatBilingual(message: BilingualMessage): string {
  return `vi: ${message.vi}\nen: ${message.en}`;
}
