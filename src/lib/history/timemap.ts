/**
 * A Memento TimeMap (RFC 7089, `application/link-format`): the original page
 * and every archived revision of it, with its datetime (RFC 1123, GMT).
 */

export interface Memento {
  uri: string;
  datetime: Date;
}

const httpDate = (d: Date) => d.toUTCString();

export function timemap(original: string, self: string, mementos: readonly Memento[]): string {
  const sorted = [...mementos].sort((a, b) => a.datetime.getTime() - b.datetime.getTime());
  const lines = [`<${original}>; rel="original"`];
  const range = sorted.length > 0 ? `; from="${httpDate(sorted[0]!.datetime)}"; until="${httpDate(sorted.at(-1)!.datetime)}"` : '';
  lines.push(`<${self}>; rel="self"; type="application/link-format"${range}`);
  sorted.forEach((m, i) => {
    const rel = [i === 0 ? 'first' : '', i === sorted.length - 1 ? 'last' : '', 'memento'].filter(Boolean).join(' ');
    lines.push(`<${m.uri}>; rel="${rel}"; datetime="${httpDate(m.datetime)}"`);
  });
  return `${lines.join(',\n')}\n`;
}
