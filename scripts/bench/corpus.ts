/**
 * A realistic, deterministic corpus for the benchmark, written with the
 * portal's own content model: documents with Chương/Điều/khoản/điểm structure,
 * news and Q&A, about 1,050 words each, half Vietnamese and half their English
 * translations. Words are drawn (by frequency) from the portal's real content;
 * names, places and numbers vary per page so the search index grows like a
 * real one. Same seed and size → byte-identical files.
 */
import { readFileSync } from 'node:fs';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { toSlug } from '../../src/lib/vietnamese/text.ts';

export interface CorpusFile {
  /** Path inside the content folder, e.g. `news/vi/tin-1.mdx`. */
  path: string;
  text: string;
}

export interface CorpusOptions {
  /** Total pages: half Vietnamese entries, half their English translations. */
  pages: number;
  seed?: number;
  /** site.yml and taxonomy.yml to copy (the project's own by default). */
  site: string;
  taxonomy: string;
}

/** The mix of collections among entries (a national portal is mostly news). */
export const MIX = { news: 0.5, qa: 0.3, documents: 0.2 } as const;
export const WORDS_PER_PAGE = 1050;

class Random {
  private rng: ReturnType<typeof xoroshiro128plus>;
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)]!;
  }
}

/** Words with cumulative frequencies, for Zipf-like sampling. */
class Vocabulary {
  private words: string[] = [];
  private cumulative: number[] = [];
  constructor(file: URL) {
    let total = 0;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const [word, count] = line.split(' ');
      if (!word || !count) continue;
      total += Number(count);
      this.words.push(word);
      this.cumulative.push(total);
    }
  }
  word(r: Random): string {
    const x = r.int(1, this.cumulative.at(-1)!);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
}

const vocab = {
  vi: new Vocabulary(new URL('./words.vi.txt', import.meta.url)),
  en: new Vocabulary(new URL('./words.en.txt', import.meta.url)),
};

const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thu', 'Kim', 'Xuân', 'Hồng'];
const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vân', 'Việt', 'Yến', 'Đạt', 'Đông'];
const provinces = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Khánh Hòa', 'Nghệ An', 'Thanh Hóa', 'Quảng Ninh', 'Đắk Lắk', 'Lâm Đồng', 'Bình Định', 'Huế', 'An Giang', 'Đồng Nai', 'Lào Cai', 'Sơn La', 'Cà Mau'];
const kinds = ['quyet-dinh', 'cong-van', 'thong-tu', 'nghi-dinh', 'ke-hoach', 'huong-dan', 'thong-bao', 'quy-che'] as const;
const kindCode: Record<(typeof kinds)[number], string> = {
  'quyet-dinh': 'QĐ-BHXH',
  'cong-van': 'BHXH-TT',
  'thong-tu': 'TT-BTC',
  'nghi-dinh': 'NĐ-CP',
  'ke-hoach': 'KH-BHXH',
  'huong-dan': 'HD-BHXH',
  'thong-bao': 'TB-BHXH',
  'quy-che': 'QC-BHXH',
};
const kindName = {
  vi: { 'quyet-dinh': 'Quyết định', 'cong-van': 'Công văn', 'thong-tu': 'Thông tư', 'nghi-dinh': 'Nghị định', 'ke-hoach': 'Kế hoạch', 'huong-dan': 'Hướng dẫn', 'thong-bao': 'Thông báo', 'quy-che': 'Quy chế' },
  en: { 'quyet-dinh': 'Decision', 'cong-van': 'Official letter', 'thong-tu': 'Circular', 'nghi-dinh': 'Decree', 'ke-hoach': 'Plan', 'huong-dan': 'Guidance', 'thong-bao': 'Notice', 'quy-che': 'Regulation' },
};
const issuers = { vi: ['Bảo hiểm xã hội Việt Nam', 'Bảo hiểm xã hội tỉnh Khánh Hòa', 'Chính phủ', 'Bộ Tài chính'], en: ['Vietnam Social Security', 'Khánh Hòa Social Security', 'The Government', 'Ministry of Finance'] };
const statuses = ['in-force', 'in-force', 'in-force', 'expired', 'not-yet-determined', 'draft'] as const;
const romans = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const points = ['a', 'b', 'c', 'd', 'đ', 'e'];

type Lang = 'vi' | 'en';

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

function sentence(r: Random, lang: Lang, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(vocab[lang].word(r));
  if (r.int(0, 3) === 0) out.splice(r.int(0, out.length), 0, `${r.pick(surnames)} ${r.pick(middles)} ${r.pick(givens)}`);
  if (r.int(0, 4) === 0) out.splice(r.int(0, out.length), 0, r.pick(provinces));
  if (r.int(0, 5) === 0) out.splice(r.int(0, out.length), 0, String(r.int(1, 9999)));
  return `${capitalise(out.join(' '))}.`;
}

function paragraph(r: Random, lang: Lang, words: number): string {
  const out: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, r.int(10, 24));
    out.push(sentence(r, lang, n));
    left -= n;
  }
  return out.join(' ');
}

function title(r: Random, lang: Lang): string {
  return capitalise(Array.from({ length: r.int(7, 12) }, () => vocab[lang].word(r)).join(' '));
}

function date(r: Random, from = 2015, to = 2026): string {
  const y = r.int(from, to);
  const m = r.int(1, y === 2026 ? 10 : 12);
  return `${y}-${String(m).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** ~`words` words of legal structure: chapters, articles, clauses, points. */
function legalBody(r: Random, lang: Lang, words: number): string {
  const parts: string[] = [];
  let left = words;
  let article = 0;
  const chapters = r.int(2, 4);
  for (let c = 0; c < chapters && left > 0; c++) {
    parts.push(`## ${lang === 'vi' ? 'Chương' : 'Chapter'} ${romans[c]}. ${title(r, lang).toLocaleUpperCase(lang)}`);
    const articles = r.int(2, 4);
    for (let a = 0; a < articles && left > 0; a++) {
      article++;
      parts.push(`### ${lang === 'vi' ? 'Điều' : 'Article'} ${article}. ${title(r, lang)}`);
      const clauses = r.int(1, 4);
      for (let k = 1; k <= clauses && left > 0; k++) {
        const n = r.int(25, 60);
        parts.push(`${k}. ${paragraph(r, lang, n)}`);
        left -= n;
        if (r.int(0, 2) === 0) {
          for (let p = 0; p < r.int(2, 5); p++) {
            const m = r.int(15, 35);
            parts.push(`   ${points[p]}) ${paragraph(r, lang, m)}`);
            left -= m;
          }
        }
      }
    }
  }
  return parts.join('\n\n');
}

function proseBody(r: Random, lang: Lang, words: number): string {
  const parts: string[] = [];
  let left = words;
  while (left > 0) {
    if (r.int(0, 3) === 0) parts.push(`## ${title(r, lang)}`);
    const n = Math.min(left, r.int(60, 140));
    parts.push(paragraph(r, lang, n));
    left -= n;
    if (r.int(0, 5) === 0) {
      for (let i = 0; i < 3; i++) parts.push(`- ${sentence(r, lang, r.int(6, 12))}`);
      left -= 27;
    }
  }
  return parts.join('\n\n');
}

interface Taxonomy {
  columns: { key: string; sections: { key: string }[] }[];
  qa_topics: { key: string }[];
}

export function generateCorpus(options: CorpusOptions, taxonomy: Taxonomy): CorpusFile[] {
  const r = new Random(options.seed ?? 42);
  const files: CorpusFile[] = [
    { path: 'site.yml', text: options.site },
    { path: 'taxonomy.yml', text: options.taxonomy },
  ];
  const units: string[] = [];
  for (let u = 1; u <= 20; u++) {
    const slug = `don-vi-${u}`;
    units.push(slug);
    for (const lang of ['vi', 'en'] as const) {
      const name = lang === 'vi' ? `Bảo hiểm xã hội ${r.pick(provinces)} ${u}` : `Social Security Office ${u}`;
      files.push({
        path: `units/${lang}/${slug}.mdx`,
        text: `---\nname: ${yamlString(name)}\nkind: provincial\naddress: ${yamlString(`Số ${u} đường ${r.pick(givens)}`)}\nphone: 024 3936 ${String(1000 + u)}\norder: ${u}\nsample: true\n---\n`,
      });
    }
  }

  const entries = Math.max(3, Math.floor(options.pages / 2));
  for (let i = 0; i < entries; i++) {
    const x = i / entries;
    const collection = x < MIX.news ? 'news' : x < MIX.news + MIX.qa ? 'qa' : 'documents';
    const seedOfEntry = r.int(0, 2 ** 30);
    for (const lang of ['vi', 'en'] as const) {
      // The same per-entry seed for both languages keeps metadata identical.
      const e = new Random(seedOfEntry);
      const t = title(e, 'vi');
      const slug = `${toSlug(t).split('-').slice(0, 6).join('-')}-${i}`;
      // The English page's address in English words, as editors give it (copied into both files).
      const englishWords = toSlug(title(new Random(seedOfEntry + 1), 'en')).split('-').slice(0, 6).join('-').slice(0, 60).replace(/-+$/, '');
      const englishAddress = `${englishWords}-${i}`;
      const own = new Random(seedOfEntry + (lang === 'en' ? 1 : 0));
      const words = WORDS_PER_PAGE;
      let front: string[];
      let body: string;
      if (collection === 'news') {
        const column = e.pick(taxonomy.columns);
        front = [
          `title: ${yamlString(title(own, lang))}`,
          `summary: ${yamlString(sentence(own, lang, 28))}`,
          `date: ${date(e)}`,
          `column: ${column.key}`,
          `section: ${e.pick(column.sections).key}`,
          `author: ${yamlString(`${e.pick(surnames)} ${e.pick(middles)} ${e.pick(givens)}`)}`,
          `source_unit: ${e.pick(units)}`,
          `tags: [${yamlString(vocab[lang].word(own))}]`,
        ];
        body = proseBody(own, lang, words - 40);
      } else if (collection === 'qa') {
        const received = date(e, 2018, 2026);
        const unit = e.pick(units);
        front = [
          `title: ${yamlString(`${title(own, lang)}?`)}`,
          `question: ${yamlString(paragraph(own, lang, 90))}`,
          `asker:\n  initials: ${e.pick(['N.V.A.', 'T.T.H.', 'L.M.', 'P.Q.T.'])}\n  province: ${yamlString(e.pick(provinces))}`,
          `topic: ${e.pick(taxonomy.qa_topics).key}`,
          `channel: ${e.pick(['portal', 'zalo', 'email'])}`,
          `received: ${received}T08:30`,
          `classified:\n  at: ${received}T10:00\n  result: in-scope`,
          `routed_to: [${unit}]`,
          `answered: ${received}T16:00`,
          `answered_by: [${unit}]`,
        ];
        body = proseBody(own, lang, words - 120);
      } else {
        const kind = e.pick(kinds);
        const status = e.pick(statuses);
        const issuedDate = date(e);
        const issuerIndex = e.int(0, issuers.vi.length - 1);
        const number = `${e.int(1, 4000)}/${issuedDate.slice(0, 4)}/${kindCode[kind]}`;
        front = [
          `title: ${yamlString(`${kindName[lang][kind]} ${title(own, lang).toLocaleLowerCase(lang)}`)}`,
          ...(status === 'draft' ? [] : [`number: ${yamlString(number)}`, `issued: ${issuedDate}`]),
          `kind: ${kind}`,
          `issuer: ${yamlString(issuers[lang][issuerIndex]!)}`,
          `status: ${status}`,
          `signer:\n  name: ${yamlString(`${e.pick(surnames)} ${e.pick(middles)} ${e.pick(givens)}`)}\n  position: ${yamlString(lang === 'vi' ? 'Phó Tổng Giám đốc' : 'Deputy General Director')}`,
          `summary: ${yamlString(sentence(own, lang, 30))}`,
        ];
        body = legalBody(own, lang, words - 60);
      }
      files.push({ path: `${collection}/${lang}/${slug}.mdx`, text: `---\n${front.join('\n')}\nenglish_address: ${englishAddress}\nsample: true\n---\n\n${body}\n` });
    }
  }
  return files;
}
