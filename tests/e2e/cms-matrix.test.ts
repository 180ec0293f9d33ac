/**
 * Every ordinary edit, in every collection, through the real Decap UI on
 * `npm start` (issue 11): each is saved, and the files on the draft's `cms/…`
 * branch pass the real content check (the checks of `npm run check:content`).
 *
 * The edit kinds, in the order they are made (each kind reuses the entry the
 * one before left, so one draft branch per entry):
 * - on a published bilingual entry: opened and left without an edit (nothing
 *   is marked changed, nothing asked, nothing saved), an edit of the English
 *   side only, an edit of the Vietnamese side, a withdrawal;
 * - a new bilingual entry, both languages filled in;
 * - a new Vietnamese-only entry, then scheduled (publish_at), then, where the
 *   collection has an image field, an image added, replaced by another upload,
 *   and removed.
 * Which kinds do not apply to a collection is read from its generated CMS
 * fields (a collection without an image field has no image edits) and said
 * in the test's name.
 *
 * The form is filled from the collection's generated CMS fields
 * (src/lib/cms/decap-config.ts): each required field gets the value of
 * `newEntryValues` below, typed as its widget takes it; a required field
 * without a value there fails the test and names it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { decapConfig } from '../../src/lib/cms/decap-config.ts';
import type { DecapField } from '../../src/lib/cms/decap-fields.ts';
import { parseYamlWithPositions } from '../../src/lib/content/frontmatter.ts';
import { collectionNames, type CollectionName } from '../../src/lib/schema/collections.ts';
import { siteSchema, taxonomySchema } from '../../src/lib/schema/settings.ts';
import { launch } from './browser.ts';
import { choose, contentErrorsOn, fieldIds, gitIn, goToEntry, logIn, typeDate, waitUntilSaved } from './cms-editor.ts';
import { cmsSandbox, startPortal, type RunningPortal } from './npm-start.ts';

const settings = (file: string) => parseYamlWithPositions(file, readFileSync(file, 'utf8')).data;
const config = decapConfig(siteSchema.parse(settings('content/site.yml')), taxonomySchema.parse(settings('content/taxonomy.yml')), 'vi');

/** Field values as an editor types them: texts as written, dates dd/mm/yyyy, selects by key, relations by the chosen entry's slug. */
type Values = Record<string, string | string[]>;

/**
 * What an editor writes in a new entry of each collection, by field path
 * (`asker.initials`): `vi` for every required field, `en` for the required
 * fields that are translated. The entry's name (its identifier field) is set
 * per entry below. Q&A's values are kept together here, read against its
 * current schema's fields.
 */
const newEntryValues: Record<CollectionName, { vi: Values; en: Values }> = {
  pages: {
    vi: { summary: 'Trang thử nghiệm các thao tác biên tập.', section: 'about' },
    en: { summary: 'A page to try editing.' },
  },
  news: {
    vi: { summary: 'Tin thử nghiệm các thao tác biên tập.', date: '12/11/2026', column: 'tin-tuc-su-kien', section: 'hoat-dong-nganh', author: 'Văn phòng' },
    en: { summary: 'A news item to try editing.' },
  },
  documents: {
    vi: { number: '25/2026/TT-BHXH', kind: 'thong-tu', issuer: 'Bảo hiểm xã hội Việt Nam', issued: '10/11/2026', status: 'in-force', summary: 'Văn bản thử nghiệm các thao tác biên tập.' },
    en: { issuer: 'Vietnam Social Security', summary: 'A document to try editing.' },
  },
  qa: {
    vi: {
      question: 'Tôi muốn hỏi về thao tác biên tập thử nghiệm.',
      'asker.initials': 'N.T.H.',
      'asker.province': 'Hà Nội',
      topic: readTaxonomyTopic(),
      channel: 'portal',
      received: '05/11/2026 09:30',
      'classified.at': '06/11/2026 10:00',
      'classified.result': 'in-scope',
      routed_to: ['trung-tam-truyen-thong'],
      answered: '12/11/2026 15:00',
      answered_by: ['trung-tam-truyen-thong'],
    },
    en: { question: 'I would like to ask about a trial edit.', 'asker.province': 'Hanoi' },
  },
  spokespeople: {
    vi: { position: 'Phó Giám đốc', organisation: 'Trung tâm Truyền thông', phone: '024 3936 1595', email: 'phatngon@vss.gov.vn', role: 'spokesperson' },
    en: { position: 'Deputy Director', organisation: 'Communication Centre' },
  },
  units: {
    vi: { kind: 'central-unit', address: 'Số 7 Tràng Thi, Hà Nội', phone: '024 3936 1002' },
    en: { address: '7 Trang Thi, Hanoi' },
  },
};

/** Collections whose text the CMS leaves optional but the values above make necessary, and why. */
const textNeeded: Partial<Record<CollectionName, string>> = {
  qa: 'an answered question needs its answer (a question without text is one not yet answered)',
};

/** The first Q&A topic of the taxonomy (the list the board approves). */
function readTaxonomyTopic(): string {
  const taxonomy = parse(readFileSync('content/taxonomy.yml', 'utf8')) as { qa_topics: { key: string }[] };
  return taxonomy.qa_topics[0]!.key;
}

/** The names of the two new entries of each collection (their identifier field); each makes the entry's slug. */
const newEntryNames: Record<CollectionName, { bilingual: { vi: string; en: string }; viOnly: string }> = {
  pages: { bilingual: { vi: 'Trang thử song ngữ', en: 'A bilingual trial page' }, viOnly: 'Trang thử chỉ tiếng Việt' },
  news: { bilingual: { vi: 'Tin thử song ngữ', en: 'A bilingual trial item' }, viOnly: 'Tin thử chỉ tiếng Việt' },
  documents: { bilingual: { vi: 'Thông tư thử song ngữ', en: 'A bilingual trial circular' }, viOnly: 'Thông tư thử chỉ tiếng Việt' },
  qa: { bilingual: { vi: 'Câu hỏi thử song ngữ', en: 'A bilingual trial question' }, viOnly: 'Câu hỏi thử chỉ tiếng Việt' },
  // A person's name is not translated: the English pane shows the Vietnamese one.
  spokespeople: { bilingual: { vi: 'Trần Văn Song', en: 'Trần Văn Song' }, viOnly: 'Trần Thị Việt' },
  units: { bilingual: { vi: 'Phòng thử song ngữ', en: 'Trial bilingual office' }, viOnly: 'Phòng thử chỉ tiếng Việt' },
};

/** A slug as Decap makes it from a name (ASCII, accents removed). */
function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A form field of the generated configuration with its path (`asker.initials`) and whether an editor must fill it in. */
interface FormField {
  path: string;
  field: DecapField;
  required: boolean;
}

/** The fields of a collection's form, groups opened (lists are left empty by these edits). */
function formFields(fields: DecapField[], prefix = '', parentRequired = true): FormField[] {
  return fields.flatMap((field) => {
    const at = prefix ? `${prefix}.${field.name}` : field.name;
    const required = parentRequired && field.required !== false && field.default === undefined;
    if (field.widget === 'object') return formFields(field.fields ?? [], at, required);
    return [{ path: at, field, required }];
  });
}

/** What an editor must write by hand: required, and not a default (a switch, an order) or a list. */
function mustWrite({ field, required }: FormField): boolean {
  return required && !['boolean', 'number', 'list', 'markdown'].includes(field.widget);
}

const collectionConfig = (name: CollectionName) => config.collections.find((c) => c.name === name)!;
const formOf = (name: CollectionName) => formFields(collectionConfig(name).fields!);

/** A published entry of the collection with both language files, and its first translated one-line field (what the edits change). */
function publishedEntry(collection: CollectionName) {
  const slug = readdirSync(`content/${collection}/vi`)
    .sort()
    .find((f) => existsSync(`content/${collection}/en/${f}`))!
    .replace(/\.mdx$/, '');
  const edited = collectionConfig(collection).fields!.find((f) => f.i18n === true && f.widget === 'string')!.name;
  return { slug, edited };
}

/** The label an editor sees for a relation's value: the chosen entry's display field. */
function relationLabel(field: DecapField, slug: string): string {
  const raw = readFileSync(`content/${field.collection}/vi/${slug}.mdx`, 'utf8');
  const front = parse(raw.split(/^---$/m)[1]!) as Record<string, string>;
  return front[field.display_fields![0]!]!;
}

// ---------------------------------------------------------------- the browser and the form

const sandbox = cmsSandbox();
const repo = path.join(sandbox, 'repo');
const git = gitIn(repo);

let portal: RunningPortal;
let browser: Browser;
let page: Page;
/** What the page asked the editor (window.confirm, "leave the page?"), since the last look. */
const asked: string[] = [];

/** The number Decap gives a form input (`title-field-12` → 12): they grow in the order of the form. */
const orderOf = (id: string) => Number(id.slice(id.lastIndexOf('-') + 1));

/**
 * The input of the field at `at` (`asker.initials`) in the Vietnamese or the
 * English pane. Inputs are named by the field's last name only; the panes
 * are told apart by the form's last top-level text field (the change note),
 * which each pane has once, and same-named fields by their order in the form.
 */
async function inputOf(collection: CollectionName, at: string, pane: 'vi' | 'en'): Promise<string> {
  const name = at.slice(at.lastIndexOf('.') + 1);
  const last = collectionConfig(collection).fields!.filter((f) => ['string', 'text'].includes(f.widget)).at(-1)!.name;
  const [viEnd] = (await fieldIds(page, last)).map(orderOf);
  const ids = (await fieldIds(page, name)).filter((id) => (orderOf(id) <= viEnd!) === (pane === 'vi'));
  const sameName = formOf(collection).filter((f) => f.path.slice(f.path.lastIndexOf('.') + 1) === name);
  const id = ids[sameName.findIndex((f) => f.path === at)];
  if (!id) throw new Error(`No input for ${collection} ${at} in the ${pane} pane`);
  return id;
}

/** Opens the collapsed group holding `id` (an optional group: the image, the withdrawal). */
async function expandGroupOf(id: string): Promise<void> {
  const input = page.locator(`#${id}`);
  if (await input.isVisible()) return;
  await input.locator('xpath=ancestor::*[.//*[@data-testid="expand-button"]][1]').locator('[data-testid="expand-button"]').first().click();
  await input.waitFor({ state: 'visible' });
}

/** Picks `label` in a relation field once the CMS has found it (relations search the other collection as one types). */
async function chooseFound(id: string, label: string): Promise<void> {
  await page.click(`#${id}`, { force: true });
  await page.keyboard.type(label);
  // The option in the open menu (react-select's), not a value already chosen with that label in another field.
  await page.locator('[class*="-option"]').filter({ hasText: new RegExp(`^${escape(label)}$`) }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Writes `value` into the field at `at` of `pane` as its widget takes it. */
async function write(collection: CollectionName, at: string, value: string | string[], pane: 'vi' | 'en'): Promise<void> {
  const { field } = formOf(collection).find((f) => f.path === at)!;
  const id = await inputOf(collection, at, pane);
  await expandGroupOf(id);
  switch (field.widget) {
    case 'string':
    case 'text':
      await page.fill(`#${id}`, String(value));
      return;
    case 'vietnam-date':
    case 'vietnam-datetime':
    case 'vietnam-time':
      await typeDate(page, id, String(value));
      return;
    case 'select':
      await choose(page, id, field.options!.find((o) => o.value === value)!.label);
      return;
    case 'relation':
      for (const slug of [value].flat()) await chooseFound(id, relationLabel(field, slug));
      return;
    default:
      throw new Error(`The matrix does not write ${field.widget} fields (${collection} ${at})`);
  }
}

/** Types `text` at the end of a Markdown body (0: the Vietnamese pane's, 1: the English pane's). */
async function writeBody(pane: 0 | 1, text: string): Promise<void> {
  await page.locator('[contenteditable=true]').nth(pane).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/**
 * Saves, waits until `file` on `branch` matches `expected`, and runs the content
 * check on the branch, as the pull request runs it (against the published `main`).
 */
async function save(branch: string, file: string, expected: RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const saved = () => git('show', `${branch}:${file}`);
  await expect
    .poll(saved, { timeout: 20_000, message: `${file} on ${branch}; the CMS says: ${await page.locator('#cms-entry-problems, [class*=Toast]').allTextContents().catch(() => [])}` })
    .toMatch(expected);
  await waitUntilSaved(page);
  expect(await contentErrorsOn(repo, branch, 'main')).toEqual([]);
  return saved();
}

/** What an entry's file says: its fields and its text, whatever the YAML's line wrapping. */
function entryOf(raw: string): { data: unknown; body: string } {
  const [, front, ...body] = raw.split(/^---$/m);
  return { data: parse(front!), body: body.join('---').trim() };
}

/** The two files of an entry. */
const filesOf = (collection: CollectionName, slug: string) => ({ vi: `content/${collection}/vi/${slug}.mdx`, en: `content/${collection}/en/${slug}.mdx` });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  portal = await startPortal(sandbox);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('dialog', (d) => {
    asked.push(d.message() || d.type());
    // Decap offers to restore its local backup of an entry it did not finish saving. A new entry is
    // begun from an empty form, as an editor starting another one declines. (Seen in fresh clones
    // after a new Q&A entry's save: the file is on its branch, but the CMS's next request answers
    // 404 and it neither reopens the entry nor forgets the backup — an open problem, see the issue.)
    // Decap's own Vietnamese for its editor.editor.confirmLoadBackup.
    if (d.message().startsWith('Một bản sao lưu trên máy đã được phục hồi') && page.url().endsWith('/new')) void d.dismiss();
    else void d.accept();
  });
  await logIn(page, portal.base, '/admin/', 'Đăng nhập');
}, 180_000);

afterEach(async (context) => {
  // A failed step leaves a picture of the page to read the CMS's own message from.
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(tmpdir(), `cms-matrix-${context.task.name.slice(0, 50).replace(/\W+/g, '-')}.png`) }).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

it('the values table gives every field an editor must fill in, in the collections’ current schemas', () => {
  for (const collection of collectionNames) {
    const form = formOf(collection).filter(mustWrite);
    const identifier = collectionConfig(collection).identifier_field!;
    const missing = form.filter((f) => f.path !== identifier && !(f.path in newEntryValues[collection].vi)).map((f) => f.path);
    const missingEnglish = form.filter((f) => f.path !== identifier && f.field.i18n === true && !(f.path in newEntryValues[collection].en)).map((f) => f.path);
    const unknown = [...Object.keys(newEntryValues[collection].vi), ...Object.keys(newEntryValues[collection].en)].filter((p) => !formOf(collection).some((f) => f.path === p));
    expect({ collection, missing, missingEnglish, unknown }).toEqual({ collection, missing: [], missingEnglish: [], unknown: [] });
  }
});

for (const collection of collectionNames) {
  const form = formOf(collection);
  const identifier = collectionConfig(collection).identifier_field!;
  const hasImage = form.some((f) => f.field.widget === 'image');
  const bodyRequired = collectionConfig(collection).fields!.find((f) => f.name === 'body')!.required !== false;
  const withdrawal = ['withdrawn.kind', 'withdrawn.date', 'withdrawn.reason'];
  const hasWithdrawal = withdrawal.every((p) => form.some((f) => f.path === p));
  const hasSchedule = form.some((f) => f.path === 'publish_at');

  describe(`${collection}: every edit kind, saved and checked`, () => {
    describe('a published bilingual entry', () => {
      const { slug, edited } = publishedEntry(collection);
      const branch = `cms/${collection}/${slug}`;
      const files = filesOf(collection, slug);
      const address = `/admin/#/collections/${collection}/entries/${slug}`;

      it(`${slug}: opened and left without an edit, nothing is marked changed, asked or saved`, async () => {
        await goToEntry(page, portal.base, address, edited);
        // The widgets have drawn and loaded what they show (relations load their options).
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(1000);
        expect(await page.getByRole('button', { name: 'Lưu', exact: true }).isEnabled()).toBe(false);
        asked.length = 0;
        await page.locator(`a[href$="#/collections/${collection}"]`).first().click();
        await page.locator(`a[href*="#/collections/${collection}/entries/"]`).first().waitFor({ timeout: 20_000 });
        expect(asked).toEqual([]);
        expect(git('branch', '--list', branch)).toBe('');
      });

      it(`${slug}: an edit of the English side only (${edited})`, async () => {
        await goToEntry(page, portal.base, address, edited);
        await page.locator(`#${await inputOf(collection, edited, 'en')}`).press('End');
        await page.keyboard.type(' (revised)');
        // A change of a published entry says what changed (the pull request's check asks for it).
        await write(collection, 'change_note', 'Revised the English wording.', 'en');
        await save(branch, files.en, / \(revised\)/);
        // Only the English file says something new. (Decap writes both files on every save, the
        // Vietnamese one re-wrapped in its own YAML style: same fields, same values, same text.)
        const changed = git('diff', '--name-only', 'main', branch).split('\n');
        expect(changed).toContain(files.en);
        expect(changed.filter((f) => f !== files.en && f !== files.vi)).toEqual([]);
        expect(entryOf(git('show', `${branch}:${files.vi}`))).toEqual(entryOf(git('show', `main:${files.vi}`)));
      });

      it(`${slug}: an edit of the Vietnamese side (${edited})`, async () => {
        await goToEntry(page, portal.base, address, edited);
        await page.locator(`#${await inputOf(collection, edited, 'vi')}`).press('End');
        await page.keyboard.type(' mới');
        await write(collection, 'change_note', 'Sửa lời văn.', 'vi');
        await save(branch, files.vi, / mới/);
        // The English edit saved before is still there.
        expect(git('show', `${branch}:${files.en}`)).toContain(' (revised)');
      });

      it.skipIf(!hasWithdrawal)(`${slug}: withdrawn (kind, date, the reason in both languages)`, async () => {
        await goToEntry(page, portal.base, address, edited);
        await write(collection, 'withdrawn.kind', 'withdraw', 'vi');
        await write(collection, 'withdrawn.date', '01/12/2026', 'vi');
        await write(collection, 'withdrawn.reason', 'Nội dung đã thay đổi.', 'vi');
        // The reason is translated: the English page tells its readers too. Without it the save is
        // refused, with a message naming the English pane's field, and nothing is written.
        await page.getByRole('button', { name: 'Lưu', exact: true }).click();
        await expect.poll(() => page.locator('#cms-entry-problems').textContent().catch(() => ''), { timeout: 10_000 }).toMatch(/Bản tiếng Anh — Rút hoặc gỡ nội dung › Lý do: Trường bắt buộc này còn trống\. Hãy điền vào\./);
        expect(git('show', `${branch}:${files.vi}`)).not.toMatch(/kind: withdraw/);
        await write(collection, 'withdrawn.reason', 'The content has changed.', 'en');
        const saved = await save(branch, files.vi, /kind: withdraw/);
        expect(saved).toMatch(/date: ["']?2026-12-01/);
        expect(git('show', `${branch}:${files.en}`)).toContain('The content has changed.');
      });
    });

    it(`a new bilingual entry, both languages filled in${bodyRequired ? '' : ' (its text is optional: written anyway)'}`, async () => {
      const names = newEntryNames[collection].bilingual;
      const slug = slugOf(names.vi);
      await goToEntry(page, portal.base, `/admin/#/collections/${collection}/new`, identifier);
      await write(collection, identifier, names.vi, 'vi');
      for (const [at, value] of Object.entries(newEntryValues[collection].vi)) await write(collection, at, value, 'vi');
      await writeBody(0, 'Nội dung thử nghiệm.');
      if (form.find((f) => f.path === identifier)!.field.i18n === true) await write(collection, identifier, names.en, 'en');
      for (const [at, value] of Object.entries(newEntryValues[collection].en)) await write(collection, at, value, 'en');
      await writeBody(1, 'Trial text.');
      const files = filesOf(collection, slug);
      await save(`cms/${collection}/${slug}`, files.en, /Trial text\./);
      expect(git('show', `cms/${collection}/${slug}:${files.en}`)).toContain(names.en);
      expect(git('show', `cms/${collection}/${slug}:${files.vi}`)).toContain('Nội dung thử nghiệm.');
    });

    describe('a new Vietnamese-only entry', () => {
      const name = newEntryNames[collection].viOnly;
      const slug = slugOf(name);
      const branch = `cms/${collection}/${slug}`;
      const files = filesOf(collection, slug);
      const address = `/admin/#/collections/${collection}/entries/${slug}`;

      it(`${slug}: written in Vietnamese only (the English file Decap writes holds only the copied fields)`, async () => {
        await goToEntry(page, portal.base, `/admin/#/collections/${collection}/new`, identifier);
        await write(collection, identifier, name, 'vi');
        for (const [at, value] of Object.entries(newEntryValues[collection].vi)) await write(collection, at, value, 'vi');
        if (bodyRequired || textNeeded[collection]) await writeBody(0, 'Nội dung thử nghiệm.');
        await save(branch, files.vi, new RegExp(escape(name)));
        const english = git('show', `${branch}:${files.en}`);
        for (const { path: at } of form.filter((f) => f.field.i18n === true)) {
          const value = at === identifier ? name : newEntryValues[collection].vi[at];
          if (typeof value === 'string') expect(english, at).not.toContain(value);
        }
      });

      it.skipIf(!hasSchedule)(`${slug}: scheduled (publish_at typed dd/mm/yyyy hh:mm, Vietnam time)`, async () => {
        await goToEntry(page, portal.base, address, identifier);
        await write(collection, 'publish_at', '15/12/2026 08:00', 'vi');
        await save(branch, files.vi, /publish_at: ["']?2026-12-15T08:00:00\+07:00/);
      });

      const noImage = hasImage ? '' : ' — does not apply: the collection has no image field';
      describe(`image edits${noImage}`, () => {
        const image = form.find((f) => f.field.widget === 'image');
        const group = image?.path.slice(0, image.path.lastIndexOf('.')) ?? '';
        const upload = async (name: string) => {
          await page.locator('input[type=file]').first().setInputFiles({ name, mimeType: 'image/png', buffer: readFileSync('public/og-image.png') });
          // Decap's own Vietnamese for “choose selected”.
          await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click({ timeout: 20_000 });
        };

        it.skipIf(!hasImage)(`${slug}: image added (uploaded with the draft, with its description); its thumbnail shows when opened again`, async () => {
          await goToEntry(page, portal.base, address, identifier);
          await expandGroupOf(await inputOf(collection, `${group}.alt`, 'vi'));
          await page.getByRole('button', { name: 'Chọn một hình' }).first().click();
          await upload('anh-ma-tran-1.png');
          await write(collection, `${group}.alt`, 'Ảnh thử nghiệm', 'vi');
          await save(branch, files.vi, /src: \/media\/anh-ma-tran-1\.png/);
          expect(git('ls-tree', '-r', '--name-only', branch, 'public/media')).toContain('public/media/anh-ma-tran-1.png');
          await goToEntry(page, portal.base, address, identifier);
          const thumbnails = page.locator('img[src*="anh-ma-tran-1.png"]');
          await thumbnails.first().waitFor({ state: 'attached', timeout: 20_000 });
          const loaded = () => thumbnails.evaluateAll((imgs) => imgs.some((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
          await expect.poll(loaded, { timeout: 10_000 }).toBe(true);
          const served = await fetch(`${portal.base}/media/anh-ma-tran-1.png`);
          expect(served.status).toBe(200);
          expect(served.headers.get('content-type')).toBe('image/png');
        });

        it.skipIf(!hasImage)(`${slug}: image replaced by another upload; the first one is no longer referenced`, async () => {
          await goToEntry(page, portal.base, address, identifier);
          await expandGroupOf(await inputOf(collection, `${group}.alt`, 'vi'));
          await page.getByRole('button', { name: 'Chọn hình khác' }).first().click();
          await upload('anh-ma-tran-2.png');
          const saved = await save(branch, files.vi, /src: \/media\/anh-ma-tran-2\.png/);
          expect(saved).not.toContain('anh-ma-tran-1.png');
          expect(git('show', `${branch}:${files.en}`)).not.toContain('anh-ma-tran-1.png');
        });

        it.skipIf(!hasImage)(`${slug}: image removed (file and description cleared)`, async () => {
          await goToEntry(page, portal.base, address, identifier);
          await expandGroupOf(await inputOf(collection, `${group}.alt`, 'vi'));
          await page.getByRole('button', { name: 'Gỡ bỏ hình' }).first().click();
          await page.fill(`#${await inputOf(collection, `${group}.alt`, 'vi')}`, '');
          await save(branch, files.vi, /^(?![\s\S]*anh-ma-tran)/);
          expect(git('show', `${branch}:${files.en}`)).not.toContain('anh-ma-tran');
        });
      });
    });
  });
}
