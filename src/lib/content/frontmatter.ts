/**
 * Splits an entry file into its YAML frontmatter and its body, and parses the
 * YAML keeping source positions, so every problem can be reported with a line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ContentIssue } from './issues.ts';

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
  if (!OPEN.test(text)) {
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const fallback = () => ({ line: firstLine, column: 1 });

  for (const err of doc.errors) {
    const at = toFileLine(err.pos[0]);
    issues.push({
      file,
      ...at,
      field: undefined,
      vi: `YAML không hợp lệ: ${yamlErrorVi(err.code)} (${err.message.split('\n')[0]}). Kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép.`,
      en: `Invalid YAML: ${err.message.split('\n')[0]}. Check colons, indentation and quotes.`,
    });
  }
  if (doc.errors.length > 0) return { data: undefined, locate: fallback, issues };

  const data: unknown = doc.toJS();
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
  const locate = (path: readonly PropertyKey[]) => {
    const offset = offsetOf(doc, path);
    return offset === undefined ? fallback() : toFileLine(offset);
  };
  return { data: (data ?? {}) as Record<string, unknown>, locate, issues };
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
