/** UI strings by language: `ui(locale).news`, and `format()` for strings with {placeholders}. */
import type { Locale } from '../lib/locales.ts';
import en from './en.ts';
import vi, { type UiStrings } from './vi.ts';

const strings: Record<Locale, UiStrings> = { vi, en };

export function ui(locale: Locale): UiStrings {
  return strings[locale];
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export type { UiStrings };
