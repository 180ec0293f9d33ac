/**
 * Whether an SVG file is a safe picture: opened from the portal's own address,
 * an SVG is a document that can run script, load other sites' resources and
 * show HTML. It is accepted only when a real XML parser (sax, strict, with
 * namespaces) reads it as an SVG made of an ALLOWLIST of static-drawing
 * elements and attributes: no script, no event handler (on…), no animation
 * (which can rewrite a link), no <foreignObject>, no reference outside the file
 * (href/xlink:href not starting with “#”, url(…) not to “#…”, @import), no
 * DOCTYPE (entities) and no processing instruction (xml-stylesheet).
 */
import sax, { type QualifiedAttribute, type QualifiedTag } from 'sax';
import type { Bilingual } from '../schema/fields.ts';

export interface SvgProblem extends Bilingual {
  /** 1-based line and column in the file. */
  line: number;
  column: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Elements that draw, group, describe, or paint without loading anything or running anything. */
const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'metadata', 'style', 'a',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting',
  'feSpotLight', 'feTile', 'feTurbulence',
]);

/** Attributes without a namespace: geometry, painting, text layout, filters, accessibility. */
const ATTRIBUTES = new Set([
  'id', 'class', 'style', 'transform', 'viewBox', 'preserveAspectRatio', 'version', 'baseProfile', 'width', 'height',
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'd', 'points', 'pathLength', 'href',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'opacity', 'color', 'display', 'visibility', 'overflow',
  'clip-path', 'clip-rule', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'paint-order', 'vector-effect',
  'mix-blend-mode', 'isolation', 'color-interpolation', 'color-interpolation-filters', 'color-rendering', 'shape-rendering',
  'text-rendering', 'image-rendering', 'enable-background',
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch', 'text-anchor', 'dominant-baseline',
  'alignment-baseline', 'baseline-shift', 'letter-spacing', 'word-spacing', 'text-decoration', 'writing-mode', 'dx', 'dy',
  'rotate', 'textLength', 'lengthAdjust', 'startOffset', 'method', 'spacing', 'side',
  'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits',
  'patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits', 'markerWidth',
  'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
  'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'operator', 'k1', 'k2', 'k3', 'k4', 'mode',
  'values', 'type', 'tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'flood-color', 'flood-opacity',
  'lighting-color', 'surfaceScale', 'diffuseConstant', 'specularConstant', 'specularExponent', 'kernelMatrix',
  'kernelUnitLength', 'order', 'divisor', 'bias', 'targetX', 'targetY', 'edgeMode', 'preserveAlpha', 'radius', 'scale',
  'xChannelSelector', 'yChannelSelector', 'azimuth', 'elevation', 'pointsAtX', 'pointsAtY', 'pointsAtZ',
  'limitingConeAngle', 'baseFrequency', 'numOctaves', 'seed', 'stitchTiles',
  'role', 'lang', 'tabindex', 'focusable',
]);

/** CSS functions that compute a value without loading anything; url() only as url(#id). */
const CSS_FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'calc', 'min', 'max', 'clamp', 'var',
  'translate', 'translatex', 'translatey', 'rotate', 'scale', 'scalex', 'scaley', 'skew', 'skewx', 'skewy', 'matrix',
  'url',
]);

const fix: Bilingual = {
  vi: 'Xuất lại ảnh dưới dạng SVG thường (Inkscape: “Plain SVG” hoặc “Optimized SVG”; Illustrator: “SVG 1.1”, không nhúng phông chữ), hoặc dùng ảnh PNG.',
  en: 'Export the picture again as plain SVG (Inkscape: “Plain SVG” or “Optimized SVG”; Illustrator: “SVG 1.1” without embedded fonts), or use a PNG image.',
};

const why: Bilingual = {
  vi: 'ảnh SVG mở trực tiếp trên cổng có thể chạy mã hay tải nội dung từ nơi khác',
  en: 'an SVG opened on the portal itself can run code or load content from elsewhere',
};

/**
 * What is wrong with a CSS value (a presentation attribute is read as CSS too),
 * or with a whole style sheet (`sheet`: a style element or attribute), or undefined.
 */
function cssProblem(css: string, sheet: boolean): Bilingual | undefined {
  const flat = css.replace(/\/\*[\s\S]*?\*\//g, '');
  if (flat.includes('\\')) return { vi: 'Dấu “\\” (mã thoát CSS)', en: 'A “\\” (CSS escape)' };
  if (sheet && flat.includes('@')) return { vi: 'Quy tắc “@” (như @import)', en: 'An “@” rule (such as @import)' };
  for (const m of flat.matchAll(/([A-Za-z_-][\w-]*)\s*\(\s*(['"]?)\s*(.?)/g)) {
    const name = m[1]!.toLowerCase();
    if (!CSS_FUNCTIONS.has(name)) return { vi: `Hàm CSS “${name}(…)”`, en: `The CSS function “${name}(…)”` };
    if (name === 'url' && m[3] !== '#') return { vi: 'Tham chiếu “url(…)” ra ngoài tệp', en: 'A “url(…)” reference outside the file' };
  }
  return undefined;
}

/** Every problem of an SVG file's text, each once (the first place it occurs); empty for a safe picture. */
export function svgProblems(text: string): SvgProblem[] {
  const problems: SvgProblem[] = [];
  const seen = new Set<string>();
  const parser = sax.parser(true, { xmlns: true, position: true, strictEntities: true });
  const add = (key: string, what: Bilingual) => {
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({
      line: parser.line + 1,
      column: parser.column + 1,
      vi: `${what.vi} không được phép, vì ${why.vi}. ${fix.vi}`,
      en: `${what.en} is not allowed, because ${why.en}. ${fix.en}`,
    });
  };
  let broken = false;
  let sawRoot = false;
  const open: string[] = [];

  parser.onerror = (error) => {
    if (!broken) {
      const detail = error.message.split('\n')[0]!;
      problems.push({
        line: parser.line + 1,
        column: parser.column + 1,
        vi: `Tệp không phải XML hợp lệ (${detail}), nên không kiểm tra được là ảnh an toàn. ${fix.vi}`,
        en: `The file is not well-formed XML (${detail}), so it cannot be checked as a safe picture. ${fix.en}`,
      });
    }
    broken = true;
    parser.error = null;
  };
  parser.ondoctype = () => add('doctype', { vi: 'Khai báo <!DOCTYPE> (có thể định nghĩa thực thể chèn mã)', en: 'A <!DOCTYPE> declaration (it can define entities that inject markup)' });
  parser.onprocessinginstruction = ({ name }) => {
    if (name.toLowerCase() === 'xml' && !sawRoot) return;
    add(`pi:${name}`, { vi: `Chỉ thị xử lý <?${name} …?>`, en: `The processing instruction <?${name} …?>` });
  };
  parser.onopentag = (tag: QualifiedTag) => {
    sawRoot = true;
    open.push(tag.local);
    // A refused element is reported once; its attributes are not looked at.
    if (tag.uri !== SVG_NS) {
      add(`ns:${tag.name}`, tag.uri === ''
        ? { vi: `Phần tử <${tag.name}> không thuộc không gian tên SVG (thẻ <svg> cần xmlns="${SVG_NS}")`, en: `The element <${tag.name}> in no namespace (the <svg> tag needs xmlns="${SVG_NS}")` }
        : { vi: `Phần tử <${tag.name}>, không phải phần tử SVG (không gian tên ${tag.uri}),`, en: `The element <${tag.name}>, which is no SVG element (namespace ${tag.uri}),` });
      return;
    }
    if (!ELEMENTS.has(tag.local)) {
      add(`el:${tag.local}`, { vi: `Phần tử <${tag.local}>`, en: `The element <${tag.local}>` });
      return;
    }
    for (const attribute of Object.values(tag.attributes)) checkAttribute(tag, attribute);
  };
  parser.onclosetag = () => {
    open.pop();
  };
  const styleText = (text: string) => {
    if (open.at(-1) !== 'style') return;
    const problem = cssProblem(text, true);
    if (problem) add(`css:${problem.en}`, { vi: `${problem.vi} trong phần tử <style>`, en: `${problem.en} in a <style> element` });
  };
  parser.ontext = styleText;
  parser.oncdata = styleText;

  function checkAttribute(tag: QualifiedTag, a: QualifiedAttribute) {
    const on = { vi: `trên <${tag.local}>`, en: `on <${tag.local}>` };
    if (a.uri === XMLNS_NS) {
      const expected = a.name === 'xmlns' ? SVG_NS : a.name === 'xmlns:xlink' ? XLINK_NS : undefined;
      if (a.value !== expected) add(`xmlns:${a.name}`, { vi: `Khai báo không gian tên ${a.name}="${a.value}"`, en: `The namespace declaration ${a.name}="${a.value}"` });
      return;
    }
    const isHref = (a.uri === '' && a.local === 'href') || (a.uri === XLINK_NS && a.local === 'href');
    const known = (a.uri === '' && (ATTRIBUTES.has(a.local) || /^(data|aria)-[a-z0-9-]+$/.test(a.local))) || isHref || (a.uri === XML_NS && (a.local === 'space' || a.local === 'lang'));
    if (!known) {
      const handler = a.uri === '' && /^on/i.test(a.local);
      add(`attr:${a.name}`, handler
        ? { vi: `Thuộc tính sự kiện “${a.name}” ${on.vi} (nó chạy mã JavaScript)`, en: `The event-handler attribute “${a.name}” ${on.en} (it runs JavaScript)` }
        : { vi: `Thuộc tính “${a.name}” ${on.vi}`, en: `The attribute “${a.name}” ${on.en}` });
      return;
    }
    if (isHref && !a.value.trim().startsWith('#')) {
      add(`href:${a.value}`, { vi: `Tham chiếu ${a.name}="${a.value.slice(0, 60)}" ${on.vi} ra ngoài tệp`, en: `The reference ${a.name}="${a.value.slice(0, 60)}" ${on.en} outside the file` });
      return;
    }
    // Words, not CSS: names, labels, languages.
    if (a.uri !== '' || /^(id|class|role|lang|data-.*|aria-.*)$/.test(a.local)) return;
    const problem = cssProblem(a.value, a.local === 'style');
    if (problem) add(`css:${problem.en}`, { vi: `${problem.vi} trong thuộc tính “${a.name}” ${on.vi}`, en: `${problem.en} in the attribute “${a.name}” ${on.en}` });
  }

  parser.write(text).close();
  return problems;
}
