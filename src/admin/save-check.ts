/**
 * Runs the build's checks on an entry when Decap CMS is about to save it
 * (its `preSave` event): an entry the content check would refuse is not
 * saved. The editor gets Decap's "not saved" notice and, until the next
 * successful save or until closed, a panel listing each problem by the
 * field's label in the interface language (src/lib/cms/cms-entry-check.ts).
 * When the local backend refuses a save (the text is checked there), the same
 * panel lists its problems (`showSaveRefusal`). An entry the check would only
 * warn about is saved; once it is (Decap's `postSave` event, which follows a
 * save that happened), the panel lists the warnings, as a status, not an alert,
 * with the local backend's notes on the saved entry (its text:
 * `heardSaveAnswer`), which the browser cannot check.
 */
import { API_ERROR } from '../lib/cms/backend-error.ts';
import { checkCmsEntry, refusalNotice, warningNotice, type CmsEntryData, type EntryRules, type CmsEntryProblem } from '../lib/cms/cms-entry-check.ts';
import type { Locale } from '../lib/locales.ts';
import { collectionNames, type CollectionName } from '../lib/schema/collections.ts';
import { saveNotesOf } from '../lib/cms/save-notes.ts';

/** The error that stops Decap's save; Decap prints it with `String()`, so it prints its message only. */
class EntryRefused extends Error {
  override toString(): string {
    return this.message;
  }
}

/** The panel of problems that stopped a save, and the panel of warnings of an entry that was saved. */
const panelIds = { alert: 'cms-entry-problems', status: 'cms-entry-notes' } as const;

function closePanel(): void {
  for (const id of Object.values(panelIds)) document.getElementById(id)?.remove();
}

function showPanel(heading: string, lines: string[], locale: Locale, role: 'alert' | 'status' = 'alert'): void {
  closePanel();
  const panel = document.createElement('section');
  panel.id = panelIds[role];
  panel.className = role === 'alert' ? 'cms-problems' : 'cms-problems cms-notes';
  panel.setAttribute('role', role);
  const title = document.createElement('h2');
  title.textContent = heading;
  const list = document.createElement('ul');
  for (const line of lines) {
    const item = document.createElement('li');
    item.textContent = line;
    list.append(item);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = locale === 'vi' ? 'Đóng' : 'Close';
  close.addEventListener('click', closePanel);
  panel.append(title, list, close);
  document.body.append(panel);
}

/**
 * The local backend refused a save (its save check, scripts/lib/publication-gate.ts,
 * or its guard): the same panel lists what it said — its first line as the
 * heading, each further line an item — and stays once Decap's notice is gone.
 */
export function showSaveRefusal(error: unknown, locale: Locale): void {
  if (!(error instanceof Error) || error.name !== API_ERROR) return;
  const [heading = '', ...lines] = error.message.split('\n');
  showPanel(heading, lines, locale);
}

/** The local backend's answer to the save under way: its notes on the entry are shown with the browser's once saved. */
let heardAnswer: unknown;

/** The local backend answered a save (it comes before Decap's `postSave`). */
export function heardSaveAnswer(answer: unknown): void {
  heardAnswer = answer;
}

let rules: Promise<EntryRules> | undefined;

function loadRules(): Promise<EntryRules> {
  rules ??= fetch('/admin/entry-rules.json').then((r) => {
    if (!r.ok) throw new Error(`/admin/entry-rules.json: HTTP ${r.status}`);
    return r.json() as Promise<EntryRules>;
  });
  return rules.catch((error: unknown) => {
    rules = undefined;
    throw error;
  });
}

function isCollection(name: unknown): name is CollectionName {
  return (collectionNames as readonly unknown[]).includes(name);
}

export function registerSaveCheck(locale: Locale): void {
  /** The warnings of the entry being saved, shown once it is saved. */
  let pendingWarnings: CmsEntryProblem[] = [];
  // The warnings are about the entry saved: they go when the editor leaves the entry (for a list, or a new entry);
  // they stay when Decap moves from a new entry's form to the entry it saved.
  window.addEventListener('hashchange', () => {
    if (!location.hash.includes('/entries/')) document.getElementById(panelIds.status)?.remove();
  });
  window.CMS.registerEventListener({
    name: 'postSave',
    handler: () => {
      const warnings = [...pendingWarnings, ...saveNotesOf(heardAnswer, locale)];
      pendingWarnings = [];
      heardAnswer = undefined;
      if (warnings.length === 0) return;
      const notice = warningNotice(warnings, locale);
      showPanel(notice.heading, notice.lines, locale, 'status');
    },
  });
  window.CMS.registerEventListener({
    name: 'preSave',
    handler: async ({ entry }) => {
      pendingWarnings = [];
      heardAnswer = undefined;
      const collection = entry.get('collection');
      if (!isCollection(collection)) return undefined;
      const vi = (entry.get('data') as ImmutableLike | undefined)?.toJS() as CmsEntryData | undefined;
      const en = (entry.getIn(['i18n', 'en', 'data']) as ImmutableLike | undefined)?.toJS() as CmsEntryData | undefined;
      let problems;
      const slug = entry.get('slug') ? String(entry.get('slug')) : undefined;
      try {
        const rules = await loadRules();
        const said = checkCmsEntry(collection, slug, { vi, en }, rules, locale);
        problems = said.errors;
        pendingWarnings = said.warnings;
      } catch (error) {
        // The check could not run (its rules did not load): say so, and let the save go on;
        // the publication gate, the pull request's check and the build still judge the entry.
        showPanel(
          locale === 'vi' ? 'Chưa kiểm tra được mục trước khi lưu; mục vẫn được lưu và sẽ được kiểm tra khi công bố.' : 'The entry could not be checked before saving; it is saved and will be checked before publication.',
          [String(error)],
          locale,
        );
        return undefined;
      }
      if (problems.length === 0) {
        closePanel();
        return undefined;
      }
      const notice = refusalNotice(problems, locale);
      showPanel(notice.heading, notice.lines, locale);
      throw new EntryRefused(notice.reason);
    },
  });
}
