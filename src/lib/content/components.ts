/**
 * The portal's own components that editors may write in an MDX body, the
 * rules for every tag written there, and the HTML each component becomes.
 *
 * A tag not on the allowlist is refused; so is every attribute that could
 * carry code: `{…}` expressions and spreads, `on…` event handlers,
 * javascript:/vbscript:/data: addresses in any attribute, and in the
 * attributes HTML reads as addresses (`href`, `src`, …) anything the address
 * allowlist of ./urls.ts refuses. Components take literal string attributes
 * from a fixed list of values, and Markdown as their children.
 */
import type { Locale } from '../locales.ts';
import { STRICT_URL_POLICY, unsafeScheme, unsafeUrlMessage, urlRefusal, type UrlPolicy } from './urls.ts';

type Bilingual = { vi: string; en: string };

/** An MDX JSX element as the parser gives it (mdast-util-mdx-jsx's shape). */
export interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: (
    | { type: 'mdxJsxAttribute'; name: string; value?: string | null | { type: 'mdxJsxAttributeValueExpression'; value: string } }
    | { type: 'mdxJsxExpressionAttribute'; value: string }
  )[];
}

export interface EditorComponent {
  /** Every attribute (all required) and the literal values it may take. */
  attributes: Record<string, readonly string[]>;
  /** How it is written, for messages and the editors' documentation. */
  example: string;
  /** The HTML element for these attribute values: a labelled box, the Markdown inside following the label. */
  render(attributes: Record<string, string>, locale: Locale): { tagName: string; className: string[]; role?: string; label: { text: string; className: string[] } };
}

const calloutLabels: Record<string, Bilingual> = {
  note: { vi: 'Lưu ý', en: 'Note' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
};

/** The allowlist: every component an editor may use, by name. */
export const editorComponents: Readonly<Record<string, EditorComponent>> = {
  /** A boxed note or warning: `<Callout type="note">` or `<Callout type="warning">`, Markdown inside. */
  Callout: {
    attributes: { type: ['note', 'warning'] },
    example: '<Callout type="note">…</Callout>',
    render: ({ type }, locale) => ({
      tagName: 'aside',
      className: ['callout', `callout-${type}`],
      role: 'note',
      label: { text: calloutLabels[type!]![locale], className: ['callout-label'] },
    }),
  },
};

export function editorComponent(name: string | null): EditorComponent | undefined {
  return name !== null && Object.hasOwn(editorComponents, name) ? editorComponents[name] : undefined;
}

const allowedList = Object.values(editorComponents)
  .map((c) => c.example)
  .join(', ');

/** Tags that are never allowed, with the reason (they are security holes, not formatting). */
const forbidden: Record<string, Bilingual> = {
  script: {
    vi: 'nó chạy mã JavaScript trong trình duyệt của người đọc. Xoá thẻ này.',
    en: 'it runs JavaScript in readers’ browsers. Delete it.',
  },
  iframe: {
    vi: 'nó nhúng trang của nơi khác, trang đó có thể chạy mã và theo dõi người đọc. Xoá thẻ này và đặt liên kết [chữ](https://…) tới trang đó.',
    en: 'it embeds another site’s page, which can run code and track readers. Delete it and link to the page with [text](https://…).',
  },
  style: {
    vi: 'nó có thể đổi hình thức hoặc che giấu bất kỳ phần nào của trang (ví dụ giả một thông báo). Xoá thẻ này; cách trình bày do cổng quyết định.',
    en: 'it can restyle or hide any part of the page (for example to fake a notice). Delete it; the portal decides how content looks.',
  },
};

function refusedTag(name: string | null): Bilingual {
  const tag = name ? `<${name}>` : '<>';
  const reason = name ? forbidden[name.toLowerCase()] : undefined;
  if (reason) {
    return {
      vi: `Thẻ ${tag} không bao giờ được phép trong nội dung, vì lý do bảo mật: ${reason.vi}`,
      en: `The tag ${tag} is never allowed in content, for security: ${reason.en}`,
    };
  }
  const near = name ? Object.keys(editorComponents).find((c) => c.toLowerCase() === name.toLowerCase()) : undefined;
  return {
    vi:
      `Thẻ ${tag} không được phép trong nội dung. Dùng định dạng Markdown (## tiêu đề, **đậm**, [liên kết](địa-chỉ), danh sách) thay cho thẻ HTML/JSX. ` +
      (near ? `Có phải bạn định viết <${near}> (đúng chữ hoa, chữ thường)?` : `Thành phần được phép: ${allowedList}.`),
    en:
      `The tag ${tag} is not allowed in content. Use Markdown (## headings, **bold**, [links](address), lists) instead of HTML/JSX tags. ` +
      (near ? `Did you mean <${near}> (mind the capitals)?` : `Allowed components: ${allowedList}.`),
  };
}

function shorten(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** Attributes HTML and SVG read as addresses (followed or loaded): their values are held to the address allowlist. */
const ADDRESS_ATTRIBUTES = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'data', 'background', 'xlink:href', 'ping', 'longdesc', 'manifest', 'codebase', 'archive', 'usemap', 'icon', 'lowsrc', 'dynsrc', 'profile', 'classid',
]);

/** Every problem with one JSX element (not its children); empty for a well-formed allowed component. `urls`: see renderBody. */
export function checkElement(node: JsxElement, urls: UrlPolicy = STRICT_URL_POLICY): Bilingual[] {
  const tag = node.name ? `<${node.name}>` : '<>';
  const component = editorComponent(node.name);
  const problems: Bilingual[] = [];
  if (!component) problems.push(refusedTag(node.name));
  else if (node.type === 'mdxJsxTextElement') {
    problems.push({
      vi: `Thẻ ${tag} phải đứng thành một khối riêng: đặt thẻ mở và thẻ đóng ${tag.replace('<', '</')} trên các dòng riêng, có dòng trống trước và sau.`,
      en: `${tag} must stand as a block of its own: put the opening tag and the closing ${tag.replace('<', '</')} on lines of their own, with a blank line before and after.`,
    });
  }

  // Attributes as written; a `{…}` value is kept as undefined (reported once, below).
  const given = new Map<string, string | null | undefined>();
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      const code = `{${shorten(attribute.value)}}`;
      problems.push({
        vi: `Thẻ ${tag} chứa biểu thức ${code} (mã JavaScript) giữa các thuộc tính, không được phép. Xoá nó và viết từng thuộc tính trong dấu nháy kép, ví dụ type="note".`,
        en: `The tag ${tag} contains the expression ${code} (JavaScript code) among its attributes, which is not allowed. Delete it and write each attribute in double quotes, for example type="note".`,
      });
      continue;
    }
    const { name, value } = attribute;
    const literal = typeof value === 'object' && value !== null ? undefined : (value ?? null);
    given.set(name, literal);
    const scheme = literal ? unsafeScheme(literal) : undefined;
    const lowerName = name.toLowerCase();
    const place = { vi: `trong thuộc tính “${name}” của thẻ ${tag}`, en: `in the attribute “${name}” of ${tag}` };
    const refusedAddress =
      literal && !scheme && ADDRESS_ATTRIBUTES.has(lowerName) ? urlRefusal(literal, 'link', urls, place) : undefined;
    if (/^on/i.test(name)) {
      problems.push({
        vi: `Thuộc tính “${name}” trên thẻ ${tag} không được phép, vì lý do bảo mật: thuộc tính on… chạy mã JavaScript khi người đọc thao tác trên trang. Xoá thuộc tính này.`,
        en: `The attribute “${name}” on ${tag} is not allowed, for security: on… attributes run JavaScript when readers interact with the page. Delete it.`,
      });
    } else if (literal === undefined) {
      problems.push({
        vi: `Giá trị của thuộc tính “${name}” trên thẻ ${tag} là biểu thức { } (mã JavaScript), không được phép. Viết giá trị trong dấu nháy kép, ví dụ type="note".`,
        en: `The value of the attribute “${name}” on ${tag} is a { } expression (JavaScript code), which is not allowed. Write the value in double quotes, for example type="note".`,
      });
    } else if (scheme) {
      problems.push(unsafeUrlMessage(scheme, place));
    } else if (refusedAddress) {
      problems.push(refusedAddress);
    } else if (component && !Object.hasOwn(component.attributes, name)) {
      const names = Object.keys(component.attributes).join(', ');
      problems.push({
        vi: `Thẻ ${tag} không có thuộc tính “${name}”. Thuộc tính được phép: ${names}.`,
        en: `${tag} has no attribute “${name}”. Allowed attributes: ${names}.`,
      });
    }
  }

  for (const [name, values] of Object.entries(component?.attributes ?? {})) {
    const choices = values.map((v) => `"${v}"`).join(', ');
    const value = given.get(name);
    if (!given.has(name)) {
      problems.push({
        vi: `Thẻ ${tag} cần thuộc tính ${name}, ví dụ <${node.name} ${name}="${values[0]}">; giá trị được phép: ${choices}.`,
        en: `${tag} needs the attribute ${name}, for example <${node.name} ${name}="${values[0]}">; allowed values: ${choices}.`,
      });
    } else if (value !== undefined && (value === null || !values.includes(value))) {
      problems.push({
        vi: `Thuộc tính ${name} của thẻ ${tag} phải là một trong: ${choices} (đang ghi: ${value === null ? 'không có giá trị' : `"${value}"`}).`,
        en: `The attribute ${name} of ${tag} must be one of: ${choices} (found: ${value === null ? 'no value' : `"${value}"`}).`,
      });
    }
  }
  return problems;
}

/** The literal attributes of an element that passed `checkElement`. */
export function literalAttributes(node: JsxElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of node.attributes) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') out[a.name] = a.value;
  return out;
}
