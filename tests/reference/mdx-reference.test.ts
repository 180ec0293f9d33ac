/**
 * What an editor's MDX means here is what MDX means everywhere: every entry of
 * content/ rendered by the portal's own renderer (src/lib/content/render-body.ts,
 * which never compiles MDX to code) gives the same HTML as @astrojs/mdx gives
 * in an Astro site (through Astro's container API), once the intended
 * differences are set aside:
 *
 * - legal structure: the portal gives Chương/Điều/khoản/điểm their anchors
 *   (`dieu-11-khoan-1-diem-a`), classes (`khoan`, `diem`, `muc`) and a numbered
 *   clause its number as `value`; Astro gives headings a slug of their text. Ids,
 *   those classes, and values equal to the list's own numbering are left out of
 *   the comparison, and so are the portal's anchor links.
 * - table alignment: the portal writes `class="align-right"` where MDX writes
 *   the obsolete `align` attribute (the Nu Html Checker reports it).
 * - typography: the reference runs without Astro's smartypants (not part of MDX):
 *   quotes and dashes stay as the editor typed them, in both.
 *
 * Both are compared as parsed trees (satteri's HTML parser), whitespace between
 * elements collapsed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import type { Element, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { parseEntryFile } from '../../src/lib/content/frontmatter.ts';
import { PART_LINK_CLASS } from '../../src/lib/content/part-links.ts';
import { renderBody } from '../../src/lib/content/render-body.ts';
import { urlPolicyOf } from '../../src/lib/content/urls.ts';
import type { Locale } from '../../src/lib/locales.ts';
import { parse } from 'yaml';

const entries = import.meta.glob('/content/**/*.mdx');
const site = parse(readFileSync('content/site.yml', 'utf8'));
let container: AstroContainer;

beforeAll(async () => {
  container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
});

/** Classes the legal structure gives clauses, points and numbered items (src/lib/content/legal-structure.ts). */
const LEGAL_CLASSES = new Set(['khoan', 'diem', 'muc']);

/** The tree without what differs on purpose, as HTML with collapsed whitespace. */
function normalised(html: string): string {
  const tree = htmlToHast(html) as Root;
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return;
    node.children = node.children.filter((c) => !(c.type === 'element' && Array.isArray(c.properties.className) && c.properties.className.includes(PART_LINK_CLASS)));
    let n = node.type === 'element' && node.tagName === 'ol' ? Number(node.properties.start ?? 1) : 0;
    for (const child of node.children) {
      if (child.type === 'element') {
        const e = child as Element;
        delete e.properties.id;
        // The legal structure's classes, and a list item's number when it is the one the list gives anyway.
        if (Array.isArray(e.properties.className)) {
          e.properties.className = e.properties.className.filter((c) => !LEGAL_CLASSES.has(String(c)));
          if (e.properties.className.length === 0) delete e.properties.className;
        }
        if (e.tagName === 'li' && node.type === 'element' && node.tagName === 'ol') {
          if (e.properties.value !== undefined && Number(e.properties.value) === n) delete e.properties.value;
          n++;
        }
        const align = e.properties.align ?? /^text-align:\s*(\w+);?$/.exec(String(e.properties.style ?? ''))?.[1];
        if (align !== undefined) {
          e.properties.className = [`align-${String(align)}`];
          delete e.properties.align;
          delete e.properties.style;
        }
      }
      visit(child);
    }
  };
  visit(tree);
  return toHtml(tree).replace(/\s+/g, ' ').replace(/> </g, '><').trim();
}

/** Ours and the reference, as normalised HTML from the first place they differ (empty when equal). */
async function compare(file: string, source: string, Content: Parameters<AstroContainer['renderToString']>[0]) {
  const locale = file.split('/').at(-2) as Locale;
  // Documents carry a link beside each part, as the site renders them (src/lib/content/validate.ts).
  const ours = renderBody(parseEntryFile(file, source).body, { locale, urls: urlPolicyOf(site), partLinks: file.includes('/documents/') });
  expect(ours.problems.filter((p) => p.severity === 'error'), file).toEqual([]);
  const [a, b] = [normalised(ours.html), normalised(await container.renderToString(Content))];
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  expect(a.slice(Math.max(0, at - 120), at + 200), `${file}: ours, from character ${at}`).toBe(b.slice(Math.max(0, at - 120), at + 200));
}

describe('every entry renders as @astrojs/mdx renders it', () => {
  it('has entries to compare', () => {
    expect(Object.keys(entries).length).toBeGreaterThan(50);
  });

  it.each(Object.keys(entries).sort())('%s', async (path) => {
    const { default: Content } = (await entries[path]!()) as { default: Parameters<AstroContainer['renderToString']>[0] };
    await compare(path.slice(1), readFileSync(path.slice(1), 'utf8'), Content);
  });
});

describe('a sample of the benchmark corpus renders as @astrojs/mdx renders it', () => {
  // Every 40th entry of a 1,200-page corpus (scripts/bench/corpus.ts), written where Vite can import it.
  const taxonomy = readFileSync('content/taxonomy.yml', 'utf8');
  const sample = generateCorpus({ pages: 1200, seed: 7, site: readFileSync('content/site.yml', 'utf8'), taxonomy }, parse(taxonomy))
    .filter((f) => f.path.endsWith('.mdx'))
    .filter((_, i) => i % 40 === 0);
  const dir = mkdtempSync(path.join(tmpdir(), 'mdx-reference-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has entries of the main collections', () => {
    expect([...new Set(sample.map((f) => f.path.split('/')[0]))]).toEqual(expect.arrayContaining(['news', 'documents', 'qa']));
  });

  it.each(sample.map((f) => f.path))('%s', async (file) => {
    const text = sample.find((f) => f.path === file)!.text;
    const at = path.join(dir, file);
    mkdirSync(path.dirname(at), { recursive: true });
    writeFileSync(at, text);
    const { default: Content } = (await import(/* @vite-ignore */ at)) as { default: Parameters<AstroContainer['renderToString']>[0] };
    await compare(file, text, Content);
  });
});
