/**
 * Renders an entry's MDX body to HTML without ever compiling it to JavaScript.
 *
 * The body is parsed with satteri (the native MDX parser Astro uses), checked,
 * given legal-structure anchors, and serialised to HTML. MDX's code-carrying
 * nodes (import/export, {expressions}, JSX components) are refused with a
 * message, never evaluated: editor content cannot run code in the build.
 */
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { mdxToMdast } from 'satteri';
import { anchorLegalStructure, type TocItem } from './legal-structure.ts';

export interface BodyProblem {
  /** 1-based line within the body. */
  line: number;
  column: number;
  vi: string;
  en: string;
  severity: 'error' | 'warning';
}

export interface RenderedBody {
  html: string;
  toc: TocItem[];
  problems: BodyProblem[];
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

function jsxProblem(name: string | null | undefined) {
  const tag = name ? `<${name}>` : '<>';
  return {
    vi: `Thẻ ${tag} không được phép trong nội dung. Dùng định dạng Markdown (## tiêu đề, **đậm**, [liên kết](địa-chỉ), danh sách) thay cho thẻ HTML/JSX.`,
    en: `The tag ${tag} is not allowed in content. Use Markdown (## headings, **bold**, [links](address), lists) instead of HTML/JSX tags.`,
  };
}

function unsafeUrl(url: string): boolean {
  return /^\s*(javascript|vbscript|data):/i.test(url);
}

/** Parses MDX and returns the tree, or the parser's complaint with its position. */
function parse(body: string): { tree?: Root; problem?: BodyProblem } {
  try {
    return { tree: mdxToMdast(body) as unknown as Root };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    const detail = (m?.[3] ?? message).replace(/\s*\(mdx[^)]*\)\s*$/, '');
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

export function renderBody(body: string): RenderedBody {
  const problems: BodyProblem[] = [];
  const { tree, problem } = parse(body);
  if (!tree) return { html: '', toc: [], problems: [problem!] };

  const at = (node: Nodes) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const visit = (node: Nodes) => {
    const code = CODE_NODES[node.type];
    if (code) {
      problems.push({ ...at(node), ...code, severity: 'error' });
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      problems.push({ ...at(node), ...jsxProblem(node.name), severity: 'error' });
      return;
    }
    if (node.type === 'heading' && node.depth === 1) {
      problems.push({
        ...at(node),
        severity: 'error',
        vi: 'Không dùng tiêu đề cấp 1 (“# …”) trong thân bài: tiêu đề của mục đã là cấp 1. Dùng “## …” trở xuống.',
        en: 'Do not use a level-1 heading (“# …”) in the body: the entry’s title is the level-1 heading. Use “## …” or lower.',
      });
    }
    if ((node.type === 'link' || node.type === 'image') && unsafeUrl(node.url)) {
      problems.push({
        ...at(node),
        severity: 'error',
        vi: 'Liên kết javascript:, vbscript: hoặc data: không được phép. Dùng địa chỉ https:// hoặc đường dẫn trong cổng.',
        en: 'javascript:, vbscript: and data: links are not allowed. Use an https:// address or a path on the portal.',
      });
    }
    if (node.type === 'image' && !node.alt?.trim()) {
      problems.push({
        ...at(node),
        severity: 'error',
        vi: 'Ảnh cần mô tả cho người khiếm thị: viết ![mô tả ảnh](đường-dẫn).',
        en: 'Images need a description for people who cannot see them: write ![description](path).',
      });
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  if (problems.some((p) => p.severity === 'error')) return { html: '', toc: [], problems };

  const { toc, warnings } = anchorLegalStructure(tree, body);
  for (const w of warnings) problems.push({ ...w, severity: 'warning' });

  const hast = toHast(tree) as HastRoot;
  const html = toHtml(hast);
  return { html, toc, problems };
}
