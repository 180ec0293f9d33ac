/**
 * Renders an entry's MDX body to HTML without ever compiling it to JavaScript.
 *
 * The body is parsed with satteri (the native MDX parser Astro uses), checked,
 * given legal-structure anchors, and serialised to HTML. MDX's code-carrying
 * nodes (import/export, {expressions}) are refused with a message, never
 * evaluated: editor content cannot run code in the build. Tags are refused
 * too, except the portal's own components (./components.ts), which become
 * plain HTML here. Every address (link, image, link definition) is held to
 * the allowlist of ./urls.ts. Links to the portal itself are recorded with
 * their position, so the check between entries needs no second parse.
 *
 * Nothing here throws on any body: nesting is bounded before parsing (the
 * native parser crashes the process on extreme nesting) and after it, with the
 * limits of ./limits.ts.
 */
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { mdxToMdast } from 'satteri';
import type { Locale } from '../locales.ts';
import { checkElement, editorComponent, literalAttributes, type JsxElement } from './components.ts';
import { anchorLegalStructure, type TocItem } from './legal-structure.ts';
import { addPartLinks } from './part-links.ts';
import { MAX_MARKS_PER_BLOCK, MAX_NESTING_DEPTH, nestingTooDeepMessage } from './limits.ts';
import { findForbiddenCharacters, forbiddenCharacterMessage, hasForbiddenCharacter, inTheText } from './text-characters.ts';
import { internalPath, STRICT_URL_POLICY, urlRefusal, type Place, type UrlPolicy } from './urls.ts';

export interface BodyProblem {
  /** 1-based line within the body. */
  line: number;
  column: number;
  vi: string;
  en: string;
  severity: 'error' | 'warning';
}

/** A link (or image, or link definition) to a path on the portal. */
export interface InternalLink {
  /** The URL as written. */
  url: string;
  /** Its path, without ?query and #fragment, percent-decoded. */
  path: string;
  line: number;
  column: number;
}

export interface RenderedBody {
  html: string;
  toc: TocItem[];
  problems: BodyProblem[];
  /** Links to the portal itself (lines within the body), for the check between entries. */
  links: InternalLink[];
}

const CODE_NODES: Record<string, { vi: string; en: string }> = {
  mdxjsEsm: {
    vi: 'Nội dung không được chứa lệnh import/export (mã JavaScript). Hãy xoá dòng này.',
    en: 'Content may not contain import/export statements (JavaScript code). Delete this line.',
  },
  mdxFlowExpression: {
    vi: 'Nội dung không được chứa biểu thức trong ngoặc nhọn { } (mã JavaScript). Xoá ngoặc nhọn hoặc viết bằng chữ.',
    en: 'Content may not contain { } expressions (JavaScript code). Remove the braces or write the text out.',
  },
  mdxTextExpression: {
    vi: 'Nội dung không được chứa biểu thức trong ngoặc nhọn { } (mã JavaScript). Xoá ngoặc nhọn hoặc viết bằng chữ.',
    en: 'Content may not contain { } expressions (JavaScript code). Remove the braces or write the text out.',
  },
};

/** Where an unsafe address sits, for the message. */
function placeOf(node: Nodes): Place {
  if (node.type === 'image' || node.type === 'imageReference') return { vi: 'trong ảnh', en: 'in an image' };
  if (node.type === 'definition') return { vi: `trong định nghĩa liên kết [${node.label ?? node.identifier}]:`, en: `in the link definition [${node.label ?? node.identifier}]:` };
  return { vi: 'trong liên kết', en: 'in a link' };
}

const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference']);

/**
 * Replaces each allowed component (already checked) by a node that
 * mdast-util-to-hast renders as the component's HTML element, with a label
 * first and the Markdown inside after it.
 */
function renderComponents(parent: { children: RootContent[] }, locale: Locale) {
  parent.children = parent.children.map((node) => {
    if ('children' in node) renderComponents(node as { children: RootContent[] }, locale);
    if (node.type !== 'mdxJsxFlowElement') return node;
    const jsx = node as unknown as JsxElement & { children: RootContent[] };
    const html = editorComponent(jsx.name)!.render(literalAttributes(jsx), locale);
    const label: Paragraph = { type: 'paragraph', data: { hProperties: { className: html.label.className } }, children: [{ type: 'text', value: html.label.text }] };
    // Written on one line, the children are phrasing: give them a paragraph.
    const inner = jsx.children.every((c) => PHRASING.has(c.type))
      ? [{ type: 'paragraph', children: jsx.children as PhrasingContent[] } satisfies Paragraph]
      : jsx.children;
    const element = {
      type: 'editorComponent',
      data: { hName: html.tagName, hProperties: { className: html.className, ...(html.role ? { role: html.role } : {}) } },
      children: [label, ...inner],
    };
    return element as unknown as RootContent;
  });
}

const nestedParts = { vi: 'Trích dẫn, danh sách, thành phần và định dạng', en: 'Quotes, lists, components and formatting are' };

/** Thematic break (`- - -`, `***`): not list markers. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const CONTAINER_MARKER = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const NESTING_MARKS = /[*_~<]/g;

/**
 * What makes a body too deep to hand to the parser at all: a line opening more
 * than MAX_NESTING_DEPTH quotes or lists at once (`>>>>…`, `- - - … x`), or a
 * block holding more than MAX_MARKS_PER_BLOCK characters that open nested
 * formatting. Cheap upper bounds, checked before the parser runs; the parsed
 * tree is then held to MAX_NESTING_DEPTH exactly.
 */
function nestingBeforeParsing(body: string): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const lines = body.split('\n');
  let blockStart = 0;
  let marks = 0;
  const closeBlock = (end: number) => {
    if (marks > MAX_MARKS_PER_BLOCK) {
      problems.push({
        line: blockStart + 1,
        column: 1,
        severity: 'error',
        vi:
          `Đoạn từ dòng này có ${marks} ký tự định dạng (*, _, ~, <), quá giới hạn ${MAX_MARKS_PER_BLOCK} cho một đoạn, để không đoạn nào làm hỏng việc kiểm tra và dựng trang. ` +
          'Chia đoạn bằng dòng trống, bớt định dạng, hoặc đưa bảng lớn vào tệp đính kèm.',
        en:
          `The block starting on this line holds ${marks} formatting characters (*, _, ~, <), over the limit of ${MAX_MARKS_PER_BLOCK} per block, so that no block can break the check and the build. ` +
          'Split it with blank lines, use less formatting, or attach a large table as a file.',
      });
    }
    blockStart = end + 1;
    marks = 0;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      closeBlock(i);
      return;
    }
    marks += line.match(NESTING_MARKS)?.length ?? 0;
    let rest = line;
    let depth = 0;
    let column = 1;
    while (!THEMATIC_BREAK.test(rest)) {
      const m = CONTAINER_MARKER.exec(rest);
      if (!m) break;
      depth++;
      if (depth > MAX_NESTING_DEPTH) {
        problems.push({ line: i + 1, column, severity: 'error', ...nestingTooDeepMessage(nestedParts) });
        break;
      }
      column += m[0].length;
      rest = rest.slice(m[0].length);
    }
  });
  closeBlock(lines.length);
  return problems;
}

/** The first node deeper than MAX_NESTING_DEPTH, found without recursion; undefined when none is. */
function tooDeep(tree: Root): Nodes | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_NESTING_DEPTH) return node;
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** Parses MDX and returns the tree, or the parser's complaint with its position. */
function parse(body: string): { tree?: Root; problem?: BodyProblem } {
  try {
    return { tree: mdxToMdast(body) as unknown as Root };
  } catch (error) {
    if (error instanceof RangeError) return { problem: { line: 1, column: 1, severity: 'error', ...nestingTooDeepMessage(nestedParts) } };
    const message = error instanceof Error ? error.message : String(error);
    const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    // Drop the parser's rule id and its MDX advice (“use {/* text */}”): expressions are refused here too.
    const detail = (m?.[3] ?? message).replace(/\s*\(mdx[^)]*\)\s*$/, '').replace(/\s*\(note: .*\)\s*$/s, '');
    return {
      problem: {
        line: m ? Number(m[1]) : 1,
        column: m ? Number(m[2]) : 1,
        severity: 'error',
        vi:
          'Không đọc được nội dung MDX ở đây. Ký tự “<” và “{” có nghĩa đặc biệt: viết liên kết dạng [chữ](địa-chỉ), ' +
          `không dùng thẻ HTML hay chú thích <!-- -->. Chi tiết: ${detail}`,
        en:
          'The MDX here cannot be read. “<” and “{” are special: write links as [text](address), ' +
          `and do not use HTML tags or <!-- --> comments. Detail: ${detail}`,
      },
    };
  }
}

const ALIGNMENTS = new Set(['left', 'center', 'right']);

/**
 * A Markdown table's column alignment (`:--`, `:-:`, `--:`) as a class
 * (`align-right`, styled by portal.css) instead of HTML's obsolete `align`
 * attribute, which the Nu Html Checker reports; the pages' security policy
 * allows no style attribute.
 */
function alignmentAsClass(node: HastRoot | HastRoot['children'][number]): void {
  if (node.type === 'element' && (node.tagName === 'th' || node.tagName === 'td') && node.properties.align !== undefined) {
    const align = String(node.properties.align);
    delete node.properties.align;
    if (ALIGNMENTS.has(align)) node.properties.className = [`align-${align}`];
  }
  if ('children' in node) for (const child of node.children) alignmentAsClass(child);
}

/**
 * Checks and renders a body. `urls`: what content/site.yml allows besides
 * portal paths and https links (none by default); `partLinks`: a link beside every anchored part of a legal text (documents;
 * ./part-links.ts).
 */
export function renderBody(body: string, options: { locale?: Locale; urls?: UrlPolicy; partLinks?: boolean } = {}): RenderedBody {
  const problems: BodyProblem[] = [];
  const links: InternalLink[] = [];
  const urls = options.urls ?? STRICT_URL_POLICY;
  const early = nestingBeforeParsing(body);
  if (early.length > 0) return { html: '', toc: [], problems: early, links };
  const { tree, problem } = parse(body);
  if (!tree) return { html: '', toc: [], problems: [problem!], links };

  const at = (node: Nodes) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const error = (node: Nodes, message: { vi: string; en: string }) => problems.push({ ...at(node), ...message, severity: 'error' });
  const deepest = tooDeep(tree);
  if (deepest) {
    error(deepest, nestingTooDeepMessage(nestedParts));
    return { html: '', toc: [], problems, links };
  }
  /** Refused characters that only the parsed text shows (written as `&#x202E;`): typed ones are reported with the file's text. */
  const escapedCharacters = (node: Nodes) => {
    const texts = [node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' ? node.value : undefined, 'alt' in node ? node.alt : undefined, 'title' in node ? node.title : undefined, 'url' in node ? node.url : undefined];
    const written = () => body.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
    for (const t of texts) {
      if (typeof t !== 'string' || !hasForbiddenCharacter(t) || hasForbiddenCharacter(written())) continue;
      error(node, forbiddenCharacterMessage(findForbiddenCharacters(t)[0]!.codePoint, inTheText, true));
      return;
    }
  };
  const visit = (node: Nodes) => {
    escapedCharacters(node);
    const code = CODE_NODES[node.type];
    if (code) {
      error(node, code);
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const message of checkElement(node as unknown as JsxElement, urls)) error(node, message);
    }
    if (node.type === 'heading' && node.depth === 1) {
      error(node, {
        vi: 'Không dùng tiêu đề cấp 1 (“# …”) trong thân bài: tiêu đề của mục đã là cấp 1. Dùng “## …” trở xuống.',
        en: 'Do not use a level-1 heading (“# …”) in the body: the entry’s title is the level-1 heading. Use “## …” or lower.',
      });
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const refusal = urlRefusal(node.url, node.type === 'image' || isImageDefinition(node) ? 'image' : 'link', urls, placeOf(node));
      if (refusal) error(node, refusal);
      const path = internalPath(node.url);
      if (path !== undefined) links.push({ url: node.url, path, ...at(node) });
    }
    if ((node.type === 'image' || node.type === 'imageReference') && !node.alt?.trim()) {
      error(node, {
        vi: 'Ảnh cần mô tả cho người khiếm thị: viết ![mô tả ảnh](đường-dẫn).',
        en: 'Images need a description for people who cannot see them: write ![description](path).',
      });
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  const imageLabels = new Set<string>();
  const collectImageLabels = (node: Nodes) => {
    if (node.type === 'imageReference') imageLabels.add(node.identifier);
    if ('children' in node) for (const child of node.children as Nodes[]) collectImageLabels(child);
  };
  const isImageDefinition = (node: Nodes) => node.type === 'definition' && imageLabels.has(node.identifier);
  collectImageLabels(tree);
  visit(tree);
  if (problems.some((p) => p.severity === 'error')) return { html: '', toc: [], problems, links };

  const locale = options.locale ?? 'vi';
  const { toc, warnings, names } = anchorLegalStructure(tree, body, locale);
  for (const w of warnings) problems.push({ ...w, severity: 'warning' });

  renderComponents(tree, locale);
  const hast = toHast(tree) as HastRoot;
  alignmentAsClass(hast);
  if (options.partLinks) addPartLinks(hast, names, locale);
  const html = toHtml(hast);
  return { html, toc, problems, links };
}
