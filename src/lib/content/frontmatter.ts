/**
 * Splits an entry file into its YAML frontmatter and its body, and parses the
 * YAML keeping source positions, so every problem can be reported with a line.
 *
 * The YAML is held to the limits of ./limits.ts and to plain data: no tags
 * (`!!js/function`, `!foo`), no aliases, no nesting deeper than the limit, no
 * refused characters (./text-characters.ts) typed or written as escapes. Each
 * gives a message with its line; nothing here throws.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, Parser, visit, type Document, type Node } from 'yaml';
import type { ContentIssue } from './issues.ts';
import { MAX_NESTING_DEPTH, MAX_YAML_ALIASES, nestingTooDeepMessage } from './limits.ts';
import { findForbiddenCharacters, forbiddenCharacterMessage, hasForbiddenCharacter, inField, inTheFile, inTheText } from './text-characters.ts';
import { fieldPath } from './zod-messages.ts';

export interface ParsedEntryFile {
  /** Parsed frontmatter (plain data), or undefined when it could not be parsed. */
  data: Record<string, unknown> | undefined;
  /** The body after the closing `---`. */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Finds the line and column where a frontmatter field is written. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
  issues: ContentIssue[];
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

export function parseEntryFile(file: string, source: string): ParsedEntryFile {
  const issues: ContentIssue[] = [];
  const none = { data: undefined, body: source, bodyLine: 1, locate: () => ({ line: 1, column: 1 }), issues };
  const bom = source.startsWith('\uFEFF') ? 1 : 0;
  const text = source.slice(bom);
  const anywhere = () => {
    for (const c of findForbiddenCharacters(text)) issues.push({ file, line: c.line, column: c.column, field: undefined, ...forbiddenCharacterMessage(c.codePoint, inTheFile) });
  };
  if (!OPEN.test(text)) {
    anywhere();
    issues.push({
      file,
      line: 1,
      column: 1,
      field: undefined,
      vi: 'Tệp phải bắt đầu bằng phần thông tin (frontmatter) đặt giữa hai dòng “---”.',
      en: 'The file must start with its frontmatter between two “---” lines.',
    });
    return none;
  }
  const openLen = text.match(OPEN)![0].length;
  const rest = text.slice(openLen);
  const close = CLOSE.exec(rest);
  if (!close) {
    anywhere();
    issues.push({
      file,
      line: 1,
      column: 1,
      field: undefined,
      vi: 'Phần thông tin (frontmatter) mở bằng “---” nhưng không có dòng “---” đóng lại.',
      en: 'The frontmatter opens with “---” but no closing “---” line was found.',
    });
    return none;
  }
  const yamlText = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const yamlFirstLine = 2;
  const bodyLine = yamlFirstLine + countLines(yamlText) + 1;

  // Refused characters outside the YAML (which parseYamlWithPositions checks, naming the field).
  const yamlStart = openLen;
  const yamlEnd = openLen + yamlText.length;
  const bodyStart = text.length - afterClose.length;
  for (const c of findForbiddenCharacters(text)) {
    if (c.index >= yamlStart && c.index < yamlEnd) continue;
    issues.push({ file, line: c.line, column: c.column, field: undefined, ...forbiddenCharacterMessage(c.codePoint, c.index >= bodyStart ? inTheText : inTheFile) });
  }

  const parsed = parseYamlWithPositions(file, yamlText, yamlFirstLine);
  if (!parsed.data) return { ...none, body: afterClose, bodyLine, issues: [...issues, ...parsed.issues] };
  return { data: parsed.data, body: afterClose, bodyLine, locate: parsed.locate, issues: [...issues, ...parsed.issues] };
}

export interface ParsedYaml {
  data: Record<string, unknown> | undefined;
  locate(path: readonly PropertyKey[]): { line: number; column: number };
  issues: ContentIssue[];
}

/** Parses a YAML mapping whose first line is line `firstLine` of `file`. */
export function parseYamlWithPositions(file: string, yamlText: string, firstLine = 1): ParsedYaml {
  const issues: ContentIssue[] = [];
  let lineCounter = new LineCounter();
  const toFileLine = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const fallback = () => ({ line: firstLine, column: 1 });

  // Nesting is measured on the syntax tokens, before the document is built (building it recurses).
  const tooDeep = firstTooDeep(yamlText, lineCounter);
  if (tooDeep !== undefined) {
    for (const c of findForbiddenCharacters(yamlText)) issues.push({ file, ...toFileLine(c.index), field: undefined, ...forbiddenCharacterMessage(c.codePoint, inTheFile) });
    issues.push({ file, ...toFileLine(tooDeep), field: undefined, ...nestingTooDeepMessage({ vi: 'Các trường YAML', en: 'YAML fields are' }) });
    return { data: undefined, locate: fallback, issues };
  }
  lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (node: Node | undefined) => (node?.range ? toFileLine(node.range[0]) : fallback());
  const fieldOf = (path: (string | number)[] | undefined) => (path && path.length > 0 ? fieldPath(path) : undefined);

  // Refused characters as typed, each with the field it is in.
  for (const c of findForbiddenCharacters(yamlText)) {
    const field = fieldOf(pathAt(doc, c.index));
    issues.push({ file, ...toFileLine(c.index), field, ...forbiddenCharacterMessage(c.codePoint, field ? inField(field) : inTheFile) });
  }

  // The parser gives up on nesting it cannot follow (it reports that as resource exhaustion): one message, not its echoes.
  const exhausted = doc.errors.find((err) => err.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) {
    issues.push({ file, ...toFileLine(exhausted.pos[0]), field: undefined, ...nestingTooDeepMessage({ vi: 'Các trường YAML', en: 'YAML fields are' }) });
    return { data: undefined, locate: fallback, issues };
  }
  for (const err of doc.errors) {
    issues.push({
      file,
      ...toFileLine(err.pos[0]),
      field: undefined,
      vi: `YAML không hợp lệ: ${yamlErrorVi(err.code)} (${err.message.split('\n')[0]}). Kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép.`,
      en: `Invalid YAML: ${err.message.split('\n')[0]}. Check colons, indentation and quotes.`,
    });
  }
  if (doc.errors.length > 0) return { data: undefined, locate: fallback, issues };

  // Plain data only: no tags, no aliases.
  const structure = structureIssues(doc);
  for (const s of structure) issues.push({ file, ...at(s.node), field: fieldOf(s.path), vi: s.vi, en: s.en });
  if (structure.length > 0) return { data: undefined, locate: fallback, issues };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // Nothing above lets toJS fail; should it still, the file is refused with a message, never a stack trace.
    const detail = error instanceof Error ? error.message : String(error);
    issues.push({ file, ...fallback(), field: undefined, vi: `Không đọc được YAML (${detail}).`, en: `The YAML cannot be read (${detail}).` });
    return { data: undefined, locate: fallback, issues };
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    issues.push({
      file,
      line: firstLine,
      column: 1,
      field: undefined,
      vi: 'Phần thông tin phải là danh sách “tên: giá trị”.',
      en: 'The data must be a list of “name: value” pairs.',
    });
    return { data: undefined, locate: fallback, issues };
  }

  // Refused characters written as escapes (“\x01”, “\u202E” in a double-quoted string): only the parsed value shows them.
  visit(doc, {
    Scalar(_key, node, ancestors) {
      if (typeof node.value !== 'string' || !hasForbiddenCharacter(node.value)) return;
      const written = node.range ? yamlText.slice(node.range[0], node.range[1]) : '';
      if (hasForbiddenCharacter(written)) return;
      const path = pathOf(ancestors, node);
      const field = fieldOf(path);
      const codePoint = findForbiddenCharacters(node.value)[0]!.codePoint;
      issues.push({ file, ...at(node), field, ...forbiddenCharacterMessage(codePoint, field ? inField(field) : inTheFile, true) });
    },
  });

  const locate = (path: readonly PropertyKey[]) => {
    const offset = offsetOf(doc, path);
    return offset === undefined ? fallback() : toFileLine(offset);
  };
  return { data: (data ?? {}) as Record<string, unknown>, locate, issues };
}

interface StructureIssue {
  node: Node;
  path: (string | number)[];
  vi: string;
  en: string;
}

/** Written form of a tag: `tag:yaml.org,2002:js/function` → `!!js/function`. */
function tagAsWritten(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/**
 * The offset of the first collection nested deeper than MAX_NESTING_DEPTH, from
 * the parser's syntax tokens (built without recursion); undefined when none is.
 */
function firstTooDeep(yamlText: string, lines: LineCounter): number | undefined {
  type Token = { type?: string; offset?: number; value?: unknown; key?: unknown; items?: { key?: unknown; value?: unknown }[] };
  let first: number | undefined;
  for (const token of new Parser(lines.addNewLine).parse(yamlText)) {
    const stack: [Token | undefined, number][] = [[token as Token, 0]];
    while (stack.length > 0) {
      const [t, depth] = stack.pop()!;
      if (!t || typeof t !== 'object') continue;
      const collection = t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
      const here = collection ? depth + 1 : depth;
      if (here > MAX_NESTING_DEPTH) {
        if (first === undefined || (t.offset ?? 0) < first) first = t.offset ?? 0;
        continue;
      }
      if (t.type === 'document') stack.push([t.value as Token, here]);
      for (const item of t.items ?? []) stack.push([item.key as Token, here], [item.value as Token, here]);
    }
  }
  return first;
}

/** Tags, and aliases beyond MAX_YAML_ALIASES, walking without recursion. */
function structureIssues(doc: Document): StructureIssue[] {
  const found: StructureIssue[] = [];
  let aliases = 0;
  let firstAlias: { node: Node & { source: string }; path: (string | number)[] } | undefined;
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (!isNode(node)) continue;
    if (isAlias(node)) {
      aliases++;
      if ((node.range?.[0] ?? 0) < (firstAlias?.node.range?.[0] ?? Infinity)) firstAlias = { node, path };
      continue;
    }
    if (node.tag !== undefined) {
      const tag = tagAsWritten(node.tag);
      found.push({
        node,
        path,
        vi: `Thẻ kiểu YAML “${tag}” không được phép: nội dung chỉ gồm chữ, số, danh sách và nhóm trường, còn thẻ kiểu (!…) có thể khiến chương trình đọc tệp hiểu giá trị thành mã hay một kiểu khác. Xoá “${tag}” và viết giá trị bình thường (trong dấu nháy kép nếu cần).`,
        en: `The YAML tag “${tag}” is not allowed: content holds only text, numbers, lists and groups of fields, and a tag (!…) can make a program that reads the file take the value as code or another type. Delete “${tag}” and write the plain value (in double quotes if needed).`,
      });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        stack.push({ node: pair.key, path }, { node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  if (firstAlias && aliases > MAX_YAML_ALIASES) {
    // One message for the file: an alias bomb has hundreds of them.
    const name = firstAlias.node.source;
    found.push({
      ...firstAlias,
      vi: `Bí danh YAML “*${name}” không được phép (tệp có ${aliases} bí danh): vài bí danh lồng nhau có thể nở thành hàng tỉ giá trị và làm treo máy. Viết đầy đủ giá trị thay cho mỗi bí danh.`,
      en: `The YAML alias “*${name}” is not allowed (the file has ${aliases} alias${aliases === 1 ? '' : 'es'}): a few nested aliases can expand into billions of values and stall the machine. Write the value out instead of each alias.`,
    });
  }
  // Stack order is not file order: report in the order they are written.
  return found.sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
}

/** The field path of a node from `visit`'s ancestors (a key scalar gets its own pair's path). */
function pathOf(ancestors: readonly unknown[], node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let i = 0; i < ancestors.length; i++) {
    const a = ancestors[i];
    const next = ancestors[i + 1] ?? node;
    if (isMap(a)) {
      const pair = next as { key?: unknown };
      if (pair && typeof pair === 'object' && 'key' in pair && isScalar(pair.key)) path.push(String(pair.key.value));
    } else if (isSeq(a)) {
      const index = a.items.indexOf(next as never);
      if (index >= 0) path.push(index);
    }
  }
  return path;
}

/** The path of the deepest field whose key or value holds `offset`; undefined outside every field. */
function pathAt(doc: Document, offset: number): (string | number)[] | undefined {
  const inside = (n: unknown) => isNode(n) && n.range !== undefined && n.range !== null && offset >= n.range[0] && offset < n.range[2];
  let node: unknown = doc.contents;
  const path: (string | number)[] = [];
  for (let guard = 0; guard <= MAX_NESTING_DEPTH + 1; guard++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => inside(p.key) || inside(p.value));
      if (!pair) break;
      path.push(isScalar(pair.key) ? String(pair.key.value) : '?');
      if (inside(pair.key)) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(inside);
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else {
      break;
    }
  }
  return path.length > 0 ? path : undefined;
}

function countLines(s: string): number {
  if (s.length === 0) return 0;
  return s.split('\n').length - (s.endsWith('\n') ? 1 : 0);
}

/**
 * The offset of the deepest YAML node along `path` (the key itself for a map
 * entry, so a missing or wrong value points at its name; the parent when the
 * field is missing altogether).
 */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let best: number | undefined = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return best;
      const keyNode = pair.key as Node;
      best = keyNode.range?.[0] ?? best;
      node = pair.value as Node | null;
      if (node && isSeq(node)) best = keyNode.range?.[0] ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return best;
      best = item.range?.[0] ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

function yamlErrorVi(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'một tên trường xuất hiện hai lần';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'thụt lề hoặc ký tự sai';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'thiếu dấu hai chấm sau tên trường hoặc giá trị nhiều dòng chưa đặt trong ngoặc';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return 'có ký tự không đúng chỗ';
    default:
      return 'cú pháp sai';
  }
}

/** Where a frontmatter field is written in one of `files` (line 1 of a file not among them). */
export function fieldLocator(files: readonly { file: string; source: string }[]): (file: string, path: readonly PropertyKey[]) => { line: number; column: number } {
  const sources = new Map(files.map((f) => [f.file, f.source]));
  return (file, path) => {
    const source = sources.get(file);
    return source === undefined ? { line: 1, column: 1 } : parseEntryFile(file, source).locate(path);
  };
}
