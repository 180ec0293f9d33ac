/**
 * Gives every part of a Vietnamese legal text a stable anchor, and builds the
 * table of contents.
 *
 * Conventions in the MDX body (see docs/content-model.md):
 * - `## Chương I. TÊN CHƯƠNG`           → #chuong-i
 * - `### Mục 1. Tên mục` (in a chương)   → #chuong-i-muc-1
 * - `### Điều 11. Tên điều`              → #dieu-11
 * - khoản: an ordered list item `1. …` (or a paragraph `1. …`) inside an
 *   Điều                                  → #dieu-11-khoan-1
 * - điểm: a paragraph `a) …` (đ is written `dd` in anchors)
 *                                         → #dieu-11-khoan-1-diem-a
 * - Documents without articles (official letters) number their parts
 *   `## I. …`, `### 2. …`, `#### 2.1. …`  → #muc-i, #muc-v-2, #muc-v-2-1,
 *   with points under them                 → #muc-v-2-1-diem-b
 * - A decision that promulgates an attached regulation has its own articles
 *   before the attached text, which starts with an `##` heading such as
 *   `## QUY CHẾ …`; the decision's articles are anchored #quyet-dinh-dieu-1
 *   so that #dieu-1 always means the regulation's first article.
 * English translations write Chapter / Section / Article and get the same
 * anchors, so #dieu-11-khoan-1-diem-a points at the same text in both languages.
 * Numbering that skips or repeats is reported as a warning with its line.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, Root } from 'mdast';
import type { Locale } from '../locales.ts';
import { toSlug } from '../vietnamese/text.ts';

export interface TocItem {
  /** 2 for chương / part, 3 for điều or numbered section, 4 below. */
  depth: number;
  slug: string;
  text: string;
}

/**
 * What each anchored part is called, in the language of the text: “Điều 6,
 * khoản 1, điểm a” / “Article 6, clause 1, point a”, for the link beside it.
 */
export type PartNames = Map<string, string>;

/** The words for parts that have no heading of their own. */
const PART_WORDS: Record<Locale, { clause: string; item: string; point: string }> = {
  vi: { clause: 'khoản', item: 'mục', point: 'điểm' },
  en: { clause: 'clause', item: 'item', point: 'point' },
};

/** A heading's short name: its number (“Điều 11”, “Chương I”, “2.1”) or, for an unnumbered heading, its text. */
function headingName(text: string, kind: HeadingKind): string {
  const numbered = /^((?:Chương|Chapter|Mục|Section|Điều|Article)\s+[\dIVXLCDM]+|[IVXLCDM]+|\d+(?:\.\d+)*)\b/iu.exec(text);
  if (kind.kind !== 'other' && numbered) return numbered[1]!;
  return text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text;
}

export interface StructureWarning {
  line: number;
  column: number;
  vi: string;
  en: string;
}

/**
 * The letters used for điểm, in order. Most documents follow the Vietnamese
 * alphabet (… d, đ, e, g …, no f, j, w, z); some use the Latin one (… d, e, f,
 * g …). Either order is accepted, as long as each letter follows the last.
 */
export const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

/** The letters that may follow `previous` (undefined: the first point). */
export function nextPointLetters(previous: string | undefined): string[] {
  if (previous === undefined) return ['a'];
  const next = [POINT_LETTERS, LATIN_LETTERS].map((order) => (order.includes(previous) ? order[order.indexOf(previous) + 1] : undefined));
  return [...new Set(next.filter((l): l is string => l !== undefined))];
}

// English translations use Chapter / Section / Article, and get the same anchors.
const CHAPTER = /^(?:Chương|Chapter)\s+([IVXLCDM]+|\d+)\b\.?\s*(.*)$/iu;
const SECTION_IN_CHAPTER = /^(?:Mục|Section)\s+(\d+)\b/iu;
const ARTICLE = /^(?:Điều|Article)\s+(\d+)\s*[.:]?\s*(.*)$/u;
const ROMAN_PART = /^([IVXLCDM]+)\.\s+\S/u;
const NUMBERED = /^(\d+(?:\.\d+)*)\.?\s+\S/u;
const POINT = /^([a-zđ])\)\s/u;
const CLAUSE_TEXT = /^(\d+)\.\s/u;

export function pointAnchor(letter: string): string {
  return letter === 'đ' ? 'dd' : letter;
}

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

function setId(node: Nodes, id: string, extra: Record<string, unknown> = {}) {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  data.hProperties = { ...(data.hProperties ?? {}), id, ...extra };
}

function hasId(node: Nodes): boolean {
  return Boolean((node.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id);
}

type HeadingKind =
  | { kind: 'chapter'; num: string }
  | { kind: 'chapter-section'; num: string }
  | { kind: 'article'; num: number }
  | { kind: 'roman'; num: string }
  | { kind: 'numbered'; nums: string[] }
  | { kind: 'other' };

export function classifyHeading(text: string): HeadingKind {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = CHAPTER.exec(t))) return { kind: 'chapter', num: m[1]!.toLowerCase() };
  if ((m = SECTION_IN_CHAPTER.exec(t))) return { kind: 'chapter-section', num: m[1]! };
  if ((m = ARTICLE.exec(t))) return { kind: 'article', num: Number(m[1]) };
  if ((m = ROMAN_PART.exec(t))) return { kind: 'roman', num: m[1]!.toLowerCase() };
  if ((m = NUMBERED.exec(t))) return { kind: 'numbered', nums: m[1]!.split('.') };
  return { kind: 'other' };
}

export function anchorLegalStructure(tree: Root, source: string, locale: Locale = 'vi'): { toc: TocItem[]; warnings: StructureWarning[]; names: PartNames } {
  const toc: TocItem[] = [];
  const warnings: StructureWarning[] = [];
  const names: PartNames = new Map();
  const words = PART_WORDS[locale];
  const used = new Set<string>();

  const warn = (node: Nodes, vi: string, en: string) =>
    warnings.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, vi, en });

  const unique = (node: Nodes, id: string): string => {
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
    warn(node, `Nhãn “${id}” bị trùng; kiểm tra lại số chương, điều, khoản, điểm.`, `The anchor “${id}” is used twice; check the numbering of chapters, articles, clauses and points.`);
    let n = 2;
    while (used.has(`${id}-${n}`)) n++;
    used.add(`${id}-${n}`);
    return `${id}-${n}`;
  };

  // A decision with an attached regulation: the first "other" h2 after an article.
  const top = tree.children;
  let seenArticle = false;
  let attachedStart = -1;
  top.forEach((node, i) => {
    if (node.type !== 'heading') return;
    const kind = classifyHeading(textOf(node)).kind;
    if (kind === 'article') seenArticle = true;
    else if (kind === 'other' && node.depth === 2 && seenArticle && attachedStart < 0) attachedStart = i;
  });

  let prefix = attachedStart >= 0 ? 'quyet-dinh-' : '';
  let chapterId: string | undefined;
  let lastChapterSection = 0;
  let articleId: string | undefined;
  let lastArticle = 0;
  let romanId: string | undefined;
  let numberedId: string | undefined;
  let clauseId: string | undefined;
  let lastClause = 0;
  let lastPoint: string | undefined;

  /** Where points attach right now. */
  const pointParent = () => clauseId ?? articleId ?? numberedId ?? romanId;

  const onPoint = (para: Paragraph) => {
    const m = POINT.exec(textOf(para));
    const parent = pointParent();
    if (!m || !parent || hasId(para)) return false;
    const letter = m[1]!;
    const expected = nextPointLetters(lastPoint);
    if (!expected.includes(letter)) {
      const list = expected.map((l) => `“${l})”`).join(' / ') || '?';
      warn(
        para,
        `Điểm “${letter})” không đúng thứ tự: điểm tiếp theo phải là ${list}.`,
        `Point “${letter})” is out of order: the next point should be ${list}.`,
      );
    }
    lastPoint = letter;
    const id = unique(para, `${parent}-diem-${pointAnchor(letter)}`);
    setId(para, id, { className: ['diem'] });
    names.set(id, `${names.get(parent) ?? parent}, ${words.point} ${letter}`);
    return true;
  };

  const clauseNumber = (item: ListItem, list: List, index: number): number => {
    const offset = item.position?.start.offset;
    if (offset !== undefined) {
      const m = /^\s*(\d+)[.)]/.exec(source.slice(offset, offset + 12));
      if (m) return Number(m[1]);
    }
    return (list.start ?? 1) + index;
  };

  const onClause = (node: Nodes, num: number, parent: string) => {
    if (num !== lastClause + 1) {
      warn(
        node,
        `Khoản “${num}.” không đúng thứ tự: khoản tiếp theo phải là “${lastClause + 1}.”.`,
        `Clause “${num}.” is out of order: the next clause should be “${lastClause + 1}.”.`,
      );
    }
    lastClause = num;
    lastPoint = undefined;
    const id = unique(node, articleId ? `${parent}-khoan-${num}` : `${parent}-${num}`);
    clauseId = id;
    names.set(id, `${names.get(parent) ?? parent}, ${articleId ? words.clause : words.item} ${num}`);
    return id;
  };

  const walkBlocks = (children: Nodes[]) => {
    for (const node of children) {
      if (node.type === 'paragraph') {
        if (!onPoint(node)) {
          const m = CLAUSE_TEXT.exec(textOf(node));
          const parent = articleId ?? numberedId ?? romanId;
          if (m && parent && articleId) setId(node, onClause(node, Number(m[1]), parent), { className: ['khoan'] });
        }
      } else if (node.type === 'list' && node.ordered) {
        const parent = articleId ?? numberedId ?? romanId;
        node.children.forEach((item, i) => {
          if (parent) {
            const num = clauseNumber(item, node, i);
            const id = onClause(item, num, parent);
            setId(item, id, { className: [articleId ? 'khoan' : 'muc'], value: num });
          }
          const keepClause = clauseId;
          walkBlocks(item.children as Nodes[]);
          clauseId = keepClause;
        });
      } else if (node.type === 'list' || node.type === 'blockquote') {
        for (const child of node.children) walkBlocks((child.type === 'listItem' ? child.children : [child]) as Nodes[]);
      }
    }
  };

  top.forEach((node, i) => {
    if (i === attachedStart) {
      prefix = '';
      chapterId = articleId = romanId = numberedId = clauseId = undefined;
      lastArticle = 0;
    }
    if (node.type !== 'heading') {
      walkBlocks([node]);
      return;
    }
    const heading = node as Heading;
    const text = textOf(heading).trim();
    const kind = classifyHeading(text);
    let id: string;
    let depth = Math.min(Math.max(heading.depth, 2), 4);
    clauseId = undefined;
    lastClause = 0;
    lastPoint = undefined;
    switch (kind.kind) {
      case 'chapter':
        id = `${prefix}chuong-${kind.num}`;
        chapterId = id;
        lastChapterSection = 0;
        articleId = undefined;
        depth = 2;
        break;
      case 'chapter-section':
        if (Number(kind.num) !== lastChapterSection + 1) {
          warn(heading, `Mục ${kind.num} không đúng thứ tự.`, `Section ${kind.num} is out of order.`);
        }
        lastChapterSection = Number(kind.num);
        id = `${chapterId ?? prefix.replace(/-$/, '')}-muc-${kind.num}`.replace(/^-/, '');
        articleId = undefined;
        depth = 3;
        break;
      case 'article':
        if (kind.num !== lastArticle + 1) {
          warn(
            heading,
            `Điều ${kind.num} không đúng thứ tự: điều tiếp theo phải là Điều ${lastArticle + 1}.`,
            `Article ${kind.num} is out of order: the next article should be Article ${lastArticle + 1}.`,
          );
        }
        lastArticle = kind.num;
        id = `${prefix}dieu-${kind.num}`;
        articleId = id;
        depth = chapterId ? 3 : 2;
        break;
      case 'roman':
        id = `muc-${kind.num}`;
        romanId = id;
        numberedId = undefined;
        articleId = undefined;
        depth = 2;
        break;
      case 'numbered':
        if (articleId) {
          id = toSlug(text) || 'muc';
        } else {
          id = `${romanId ?? 'muc'}-${kind.nums.join('-')}`;
          numberedId = id;
          depth = Math.min(2 + kind.nums.length, 4);
        }
        break;
      default:
        id = toSlug(text).slice(0, 80).replace(/-+$/, '') || 'muc';
        if (heading.depth <= 2) {
          romanId = numberedId = undefined;
          articleId = undefined;
        }
    }
    id = unique(heading, id);
    setId(heading, id);
    toc.push({ depth, slug: id, text });
    const name = headingName(text, kind);
    // A section of a chapter is named with it (“Chương II, Mục 1”); the decision's own articles keep their plain names.
    names.set(id, kind.kind === 'chapter-section' && chapterId ? `${names.get(chapterId)}, ${name}` : name);
  });

  return { toc, warnings, names };
}

