/**
 * Files as Decap CMS writes them, for every collection: every state an editor
 * can reach in the form must be one the content check accepts (issue 11).
 * Decap writes the fields an editor left empty as `null` (relations, dates)
 * or `''` (texts, files), and copies the untranslated fields of a new
 * Vietnamese-only entry into an English file (image path included).
 */
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readContentFiles, readPublicFiles } from '../../content-loader/read-content.ts';
import { collectionNames } from '../schema/collections.ts';
import { unwrap, shapeOf } from '../schema/introspect.ts';
import { contentSchemas } from '../schema/collections.ts';
import { formatIssue, isError } from './issues.ts';
import { validateContent, type SourceFile } from './validate.ts';
import { TAXONOMY_FILE } from './validate.ts';

const content = await readContentFiles(process.cwd());
const publicFiles = await readPublicFiles(process.cwd());
const taxonomy = parse(content.files.find((f) => f.file === TAXONOMY_FILE)!.source);
const schemas = contentSchemas(taxonomy);
const IMAGE = '/media/news/anh-tiep-dan.jpg';
const staticPaths = new Set([...publicFiles.staticPaths, IMAGE]);

/** The content check over the real content with `changed` files replaced or added: its errors. */
function errorsWith(changed: SourceFile[]): string[] {
  const byName = new Map(content.files.map((f) => [f.file, f]));
  for (const f of changed) byName.set(f.file, f);
  return validateContent([...byName.values()], { staticPaths }).issues.filter(isError).map(formatIssue);
}

function split(source: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source)!;
  return { data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}

/** Frontmatter written the way Decap's YAML writer does it. */
function join(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data)}---\n${body}`;
}

describe('an edit in the CMS of a published entry', () => {
  for (const collection of collectionNames) {
    for (const locale of ['vi', 'en'] as const) {
      it(`${collection} (${locale}): writing every optional field left empty as null or '' keeps it valid`, () => {
        const file = content.files.find((f) => f.file.startsWith(`content/${collection}/${locale}/`));
        expect(file, `an entry in content/${collection}/${locale}/`).toBeDefined();
        const { data, body } = split(file!.source);
        const shape = shapeOf(schemas[collection]);
        const empty = Object.keys(shape).filter((k) => unwrap(shape[k]!).optional && !(k in data));
        expect(empty.length).toBeGreaterThan(0);
        const asNull = { ...data, ...Object.fromEntries(empty.map((k) => [k, null])) };
        expect(errorsWith([{ file: file!.file, source: join(asNull, body) }])).toEqual([]);
        const stringFields = empty.filter((k) => ['string', 'enum'].includes(unwrap(shape[k]!).inner._zod.def.type));
        const asBlank = { ...data, ...Object.fromEntries(stringFields.map((k) => [k, ''])) };
        expect(errorsWith([{ file: file!.file, source: join(asBlank, body) }])).toEqual([]);
      });
    }
  }

  it('news (en): the exact file of issue 11 (source_unit: null, publish_at: null) passes', () => {
    const file = 'content/news/en/bhxh-tu-nguyen-cho-lao-dong-tu-do.mdx';
    const { data, body } = split(content.files.find((f) => f.file === file)!.source);
    const edited = { ...data, summary: `${String(data.summary)} Updated.`, source_unit: null, publish_at: null, change_note: null, minor_change: false, image: { src: '', alt: '', caption: '' } };
    expect(errorsWith([{ file, source: join(edited, body) }])).toEqual([]);
  });
});

describe('a new Vietnamese-only entry', () => {
  it('with an image: the English file Decap writes with the copied fields is an untranslated copy, not five errors', () => {
    const vi = {
      title: 'Tiếp công dân tháng 12',
      summary: 'Lịch tiếp công dân của cơ quan trong tháng 12.',
      date: '2026-12-01',
      column: 'tin-tuc-su-kien',
      section: 'hoat-dong-nganh',
      author: 'Nguyễn Văn A',
      source_unit: null,
      image: { src: IMAGE, alt: 'Cán bộ tiếp công dân', caption: null },
      tags: [],
      sample: false,
      withdrawn: null,
      publish_at: null,
      change_note: null,
      minor_change: false,
    };
    const { title, summary, ...copied } = vi;
    void title;
    void summary;
    const en = { ...copied, image: { src: IMAGE } };
    expect(
      errorsWith([
        { file: 'content/news/vi/tiep-cong-dan-thang-12.mdx', source: join(vi, 'Lịch tiếp công dân.\n') },
        { file: 'content/news/en/tiep-cong-dan-thang-12.mdx', source: join(en, '') },
      ]),
    ).toEqual([]);
  });
});
