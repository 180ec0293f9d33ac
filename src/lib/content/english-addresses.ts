/**
 * English page addresses in English words: an entry's optional
 * `english_address` (src/lib/schema/fields.ts) names its English page
 * (`content/pages/vi/lien-he.mdx` with `english_address: contact` →
 * `/en/contact/`); without one, the English page uses the file name. The
 * field is copied into both language files; the Vietnamese original's value
 * governs, and a translation's copy must say the same.
 */
import type { Locale } from '../locales.ts';
import { entryPath, qaTopicPrefixes, reservedSlugs } from '../routes.ts';
import type { ContentIssue } from './issues.ts';

/** What the checks need of an entry. */
interface AddressedEntry {
  collection: string;
  locale: Locale;
  slug: string;
  file: string;
  data: unknown;
}

/** `collection/slug` → the English address of entries that have one. */
export type EnglishAddresses = ReadonlyMap<string, string>;

const keyOf = (collection: string, slug: string) => `${collection}/${slug}`;

/** Collections whose file names are Vietnamese words; documents are named by their number. */
const WORDED = new Set(['pages', 'news', 'qa']);

/** An entry's `english_address`, if it has a well-formed one. */
export function englishAddressOf(data: unknown): string | undefined {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).english_address : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The English addresses of the entries, from the Vietnamese originals (a translation without one gives its own). */
export function englishAddresses(entries: readonly AddressedEntry[]): EnglishAddresses {
  const out = new Map<string, string>();
  for (const locale of ['en', 'vi'] as const) {
    for (const e of entries) {
      const address = e.locale === locale ? englishAddressOf(e.data) : undefined;
      if (address) out.set(keyOf(e.collection, e.slug), address);
    }
  }
  return out;
}

/** The last part of an entry's English page address. */
export function englishSegment(addresses: EnglishAddresses, collection: string, slug: string): string {
  return addresses.get(keyOf(collection, slug)) ?? slug;
}

/** The slug of the entry whose English page is `/en/<collection>/<segment>/` (or `/en/<segment>/` for pages), if any. */
export function slugOfEnglishSegment(addresses: EnglishAddresses, collection: string, segment: string): string | undefined {
  for (const [key, address] of addresses) if (address === segment && key.startsWith(`${collection}/`)) return key.slice(collection.length + 1);
  return undefined;
}

type Locate = (file: string, path: (string | number)[]) => { line: number; column: number };

/**
 * A translation whose copy differs from its original's; two entries of a collection with the same
 * English address (another's given address, or another's file name used as its address); a page
 * address the portal's own routes take; a question's address that looks like a topic listing.
 */
export function englishAddressIssues(entries: readonly AddressedEntry[], locate: Locate): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const field = 'english_address';
  const at = (e: AddressedEntry) => ({ file: e.file, ...locate(e.file, englishAddressOf(e.data) ? [field] : []), field });
  const originals = new Map(entries.filter((e) => e.locale === 'vi').map((e) => [keyOf(e.collection, e.slug), e]));
  for (const e of entries) {
    if (e.locale === 'vi') continue;
    const original = originals.get(keyOf(e.collection, e.slug));
    if (!original) continue;
    const mine = englishAddressOf(e.data);
    const theirs = englishAddressOf(original.data);
    if (mine !== theirs) {
      issues.push({
        ...at(e),
        vi: `Địa chỉ trang tiếng Anh của bản dịch (${mine ?? 'trống'}) phải giống bản tiếng Việt ${original.file} (${theirs ?? 'trống'}). Sửa ở bản tiếng Việt trong trình biên tập: giá trị được chép sang cả hai tệp.`,
        en: `The English page address of this translation (${mine ?? 'empty'}) must be the same as in the Vietnamese original ${original.file} (${theirs ?? 'empty'}). Change it in the Vietnamese original in the CMS: the value is copied into both files.`,
      });
    }
  }

  // A translated page, news item or question without an English address is at its Vietnamese file name in English:
  // said as a warning where the address is written (documents are usually named by their number, the same in both languages).
  for (const e of entries) {
    if (e.locale === 'vi' || !WORDED.has(e.collection)) continue;
    const original = originals.get(keyOf(e.collection, e.slug));
    if (!original || englishAddressOf(original.data) || englishAddressOf(e.data)) continue;
    const address = entryPath('en', e.collection as 'pages' | 'news' | 'qa', e.slug);
    issues.push({
      file: original.file,
      line: 1,
      column: 1,
      field,
      severity: 'warning',
      vi: `Mục có bản tiếng Anh nhưng chưa có “Địa chỉ trang tiếng Anh”: trang tiếng Anh đang ở ${address}, bằng tên tệp tiếng Việt. Điền vài từ tiếng Anh (ví dụ how-to-ask-a-question) trước khi trang được đăng lần đầu.`,
      en: `This entry has an English translation but no “English page address”: the English page is at ${address}, its Vietnamese file name. Give a few English words (for example how-to-ask-a-question) before the page is first published.`,
    });
  }

  // Every entry with a page in English has one: by its given address, or its file name.
  const taken = new Map<string, AddressedEntry>();
  for (const e of [...originals.values()].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const given = englishAddressOf(e.data);
    const segment = given ?? e.slug;
    const key = keyOf(e.collection, segment);
    const other = taken.get(key);
    if (other) {
      // Told on each entry that gave the address (the one that uses its file name cannot be told apart from a newcomer).
      for (const [mine, theirs] of [[e, other], [other, e]] as const) {
        if (!englishAddressOf(mine.data)) continue;
        issues.push({
          ...at(mine),
          vi: `Trang tiếng Anh của mục này và của ${theirs.file} có cùng địa chỉ “${segment}”. Đặt một địa chỉ trang tiếng Anh khác.`,
          en: `The English page of this entry and that of ${theirs.file} have the same address “${segment}”. Give another English page address.`,
        });
      }
      continue;
    }
    taken.set(key, e);
    if (!given) continue;
    if (e.collection === 'pages' && reservedSlugs.has(given)) {
      issues.push({
        ...at(e),
        vi: `Địa chỉ trang tiếng Anh “${given}” trùng với một đường dẫn của cổng (/en/${given}/); hãy đặt địa chỉ khác.`,
        en: `The English page address “${given}” is taken by one of the portal's own addresses (/en/${given}/); choose another.`,
      });
    }
    const topicLike = e.collection === 'qa' ? qaTopicPrefixes.find((p) => given.startsWith(p)) : undefined;
    if (topicLike) {
      issues.push({
        ...at(e),
        vi: `Địa chỉ trang tiếng Anh “${given}” bắt đầu bằng “${topicLike}”, trùng với địa chỉ danh sách câu hỏi theo chủ đề (/en/questions/topic-…/); hãy đặt địa chỉ khác.`,
        en: `The English page address “${given}” starts with “${topicLike}”, like the addresses of the topic listings (/en/questions/topic-…/); choose another.`,
      });
    }
  }
  return issues;
}
