/**
 * The head of a Vietnamese administrative document as it is printed (Decree
 * 30/2020/NĐ-CP, Appendix I): on the left the parent body, the issuer and the
 * number (with a letter's subject, “V/v …”); on the right the national name,
 * the motto, and the place and date. Built from the document's fields, never
 * from its text; the national name and motto are the interface's (src/i18n).
 */
import { formatDate } from '../dates.ts';
import type { Locale } from '../locales.ts';

export interface OfficialHeaderFields {
  parent_issuer?: string | undefined;
  issuer: string;
  number?: string | undefined;
  kind: string;
  subject?: string | undefined;
  place?: string | undefined;
  issued?: string | undefined;
}

export interface OfficialHeader {
  /** The issuing side, top to bottom: the parent body (if any), then the issuer. */
  issuers: string[];
  number?: string;
  /** An official letter's subject line (công văn), without its “V/v”. */
  subject?: string;
  /** “Hà Nội, ngày 05 tháng 01 năm 2024” / “Hanoi, 5 January 2024”. */
  dateLine?: string;
}

/**
 * The date as the decree writes it: `ngày 05 tháng 01 năm 2024` — a day below
 * 10 and the months 1 and 2 take a leading zero, other months do not.
 */
export function vietnameseDocumentDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

export function dateLine(iso: string, place: string | undefined, locale: Locale): string {
  if (locale === 'en') return place ? `${place}, ${formatDate(iso, 'en')}` : formatDate(iso, 'en');
  const date = vietnameseDocumentDate(iso);
  return place ? `${place}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1);
}

/** The header of an issued document; undefined for one not yet issued (a draft has no number or date of its own). */
export function officialHeader(fields: OfficialHeaderFields, locale: Locale): OfficialHeader | undefined {
  if (!fields.issued) return undefined;
  return {
    issuers: fields.parent_issuer ? [fields.parent_issuer, fields.issuer] : [fields.issuer],
    ...(fields.number ? { number: fields.number } : {}),
    ...(fields.kind === 'cong-van' && fields.subject ? { subject: fields.subject } : {}),
    dateLine: dateLine(fields.issued, fields.place, locale),
  };
}
