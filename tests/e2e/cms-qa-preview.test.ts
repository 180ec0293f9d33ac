/**
 * The CMS preview of a Q&A entry on `npm start` shows each step's due moment
 * and state (src/admin/qa-preview.ts): what the table shows is what
 * qaDeadlines computes from the same files — the calendar, the rules, the
 * publication history of the editorial repository — at the present moment in
 * Vietnam; the due date moves as the editor changes the time received; in
 * the Vietnamese and the English interface.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { loadWorkingCalendar } from '../../src/lib/calendar/read-calendar.ts';
import type { WorkingCalendar } from '../../src/lib/calendar/index.ts';
import { parseEntryFile } from '../../src/lib/content/frontmatter.ts';
import { formatVietnamDateTime, vietnamDateTime } from '../../src/lib/dates.ts';
import type { QaDeadlineRules } from '../../src/lib/duties/qa-deadline-rules.ts';
import { QA_DEADLINES_FILE, validateQaDeadlinesFile } from '../../src/lib/duties/qa-deadlines-file.ts';
import { qaDeadlines, type QaLifecycle } from '../../src/lib/duties/qa-deadlines.ts';
import type { Locale } from '../../src/lib/locales.ts';
import { qaFirstPublications } from '../../scripts/lib/qa-publications.ts';
import { historyBeginnings } from '../../scripts/lib/history-begins.ts';
import { launch } from './browser.ts';
import { fieldIds, logIn, openEntry, typeDate } from './cms-editor.ts';
import { cmsSandbox, startPortal, type RunningPortal } from './npm-start.ts';

const sandbox = cmsSandbox();
const repo = path.join(sandbox, 'repo');

let portal: RunningPortal;
let browser: Browser;
let page: Page;
let calendar: WorkingCalendar;
let rules: QaDeadlineRules;
let published: Map<string, string>;
/** When the sandbox's Q&A history begins: a publication due before then is not recorded. */
let historyBegins: string | undefined;

const OPEN = 'luong-huu-khi-dong-bhxh-o-hai-tinh';
const ANSWERED = 'zalo-bhxh-tra-loi-trong-bao-lau';

const ui = {
  vi: { admin: '/admin/', login: 'Đăng nhập', toggle: 'Bật/tắt xem trước' },
  en: { admin: '/en/admin/', login: 'Login', toggle: 'Toggle preview' },
} as const;

/** The entry's lifecycle as the register file holds it, with its first publication from the sandbox's history. */
function lifecycleOf(slug: string): QaLifecycle {
  const file = `content/qa/vi/${slug}.mdx`;
  const d = parseEntryFile(file, readFileSync(path.join(repo, file), 'utf8')).data as Omit<QaLifecycle, 'published'>;
  return { channel: d.channel, received: d.received, classified: d.classified, routed_to: d.routed_to ?? [], answered: d.answered, published: published.get(file) };
}

interface Shown {
  step: string;
  state: string;
  due: string;
  stateText: string;
}

async function shownRows(preview: FrameLocator): Promise<Shown[]> {
  const rows = preview.locator('[data-qa-deadlines] tbody tr');
  await rows.first().waitFor({ timeout: 20_000 });
  return rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      step: tr.getAttribute('data-step') ?? '',
      state: tr.getAttribute('data-state') ?? '',
      due: tr.querySelector('td.qa-deadlines__due')?.textContent ?? '',
      stateText: tr.querySelector('td.qa-deadlines__state strong')?.textContent ?? '',
    })),
  );
}

/** What qaDeadlines gives for the entry at `now`, as the table writes it. */
function expected(entry: QaLifecycle, now: string, locale: Locale): { step: string; state: string; due: string }[] {
  return qaDeadlines(entry, calendar, rules, now, { historyBegins }).map((s) => ({
    step: s.step,
    state: s.kind === 'deadline' ? s.state : s.kind,
    due: s.kind === 'deadline' ? formatVietnamDateTime(s.due, locale) : '—',
  }));
}

async function openPreview(locale: Locale, slug: string): Promise<FrameLocator> {
  await openEntry(page, portal.base, `${ui[locale].admin}#/collections/qa/entries/${slug}`, 'title');
  const frame = page.locator('iframe').first();
  if (!(await frame.isVisible())) await page.locator(`button[title="${ui[locale].toggle}"]`).click();
  const preview = frame.contentFrame();
  await preview.locator('[data-qa-deadlines]').waitFor({ timeout: 20_000 });
  return preview;
}

/** The rows shown agree with qaDeadlines at the moment they were read (computed before and after, in case a due moment passed meanwhile). */
async function expectAgreement(preview: FrameLocator, entry: QaLifecycle, locale: Locale): Promise<Shown[]> {
  const before = vietnamDateTime();
  const shown = await shownRows(preview);
  const after = vietnamDateTime();
  const seen = shown.map(({ step, state, due }) => ({ step, state, due }));
  expect([JSON.stringify(expected(entry, before, locale)), JSON.stringify(expected(entry, after, locale))]).toContain(JSON.stringify(seen));
  return shown;
}

beforeAll(async () => {
  portal = await startPortal(sandbox);
  calendar = await loadWorkingCalendar();
  rules = validateQaDeadlinesFile(readFileSync(QA_DEADLINES_FILE, 'utf8')).rules!;
  published = (await qaFirstPublications(path.join(repo, 'content'))).published;
  historyBegins = (await historyBeginnings(path.join(repo, 'content'))).get('qa');
  browser = await launch(['--lang=en-US']);
  // The browser's own zone is not Vietnam's: the preview counts in Vietnam time all the same.
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'America/New_York' });
  page.on('dialog', (d) => void d.accept());
  page.on('pageerror', (e) => process.stderr.write(`[pageerror] ${e.message}\n`));
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(tmpdir(), `cms-qa-preview-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`) }).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('the Q&A preview in the Vietnamese interface', () => {
  it('shows an open question’s due dates and states as qaDeadlines computes them', async () => {
    await logIn(page, portal.base, ui.vi.admin, ui.vi.login);
    const preview = await openPreview('vi', OPEN);
    const shown = await expectAgreement(preview, lifecycleOf(OPEN), 'vi');
    // Checked by hand against content/calendar/2026.yml: received Monday 23/11/2026 10:05; Tuesday 24/11 is
    // Vietnamese Culture Day (off); 7 working days: 25, 26, 27, 30/11, 1, 2, 3/12 → 3/12/2026 at the close, 17:00.
    expect(shown.find((r) => r.step === 'answer')!.due).toBe('03/12/2026 17:00');
    // Classified 25/11 08:45, within 5 working days (by 1/12): on time, in words.
    expect(shown.find((r) => r.step === 'classification')).toMatchObject({ due: '01/12/2026 17:00', state: 'on-time', stateText: 'Đúng hạn' });
    expect(await preview.locator('[data-qa-deadlines] caption').textContent()).toBe('Thời hạn xử lý câu hỏi (tính theo ngày làm việc, giờ Việt Nam)');
    expect(await preview.locator('[data-step="answer"] td').nth(2).textContent()).toContain('Điều 11, khoản 1, điểm a');
    expect(await preview.locator('[data-step="answer"] td').nth(3).textContent()).toBe('bhxh-viet-nam');
  });

  it('moves the due date when the time received changes', async () => {
    const [received] = await fieldIds(page, 'received');
    await typeDate(page, received!, '23/11/2026 17:01');
    const preview = page.locator('iframe').first().contentFrame();
    // After the close of office hours: counted from Wednesday 25/11, so the 7th working day is Friday 4/12.
    await expect.poll(() => preview.locator('[data-step="answer"] td.qa-deadlines__due').textContent(), { timeout: 10_000 }).toBe('04/12/2026 17:00');
    await expectAgreement(preview, { ...lifecycleOf(OPEN), received: '2026-11-23T17:01' }, 'vi');
  });

  it('shows an answered question’s steps done on time, and no deadline where the regulations set none', async () => {
    const preview = await openPreview('vi', ANSWERED);
    const shown = await expectAgreement(preview, lifecycleOf(ANSWERED), 'vi');
    // Zalo, two units: 4 working days from Monday 6/10/2025 10:30 → Friday 10/10/2025 17:00; answered 8/10.
    expect(shown.find((r) => r.step === 'answer')).toMatchObject({ due: '10/10/2025 17:00', state: 'on-time', stateText: 'Đúng hạn' });
    expect(shown.find((r) => r.step === 'classification')).toMatchObject({ due: '—', state: 'no-deadline', stateText: 'Không có thời hạn' });
  });
});

describe('the Q&A preview in the English interface', () => {
  it('shows the same due dates and states, dates in words', async () => {
    await logIn(page, portal.base, ui.en.admin, ui.en.login);
    const open = await openPreview('en', OPEN);
    const shown = await expectAgreement(open, lifecycleOf(OPEN), 'en');
    expect(shown.find((r) => r.step === 'answer')!.due).toBe('3 December 2026, 17:00');
    expect(shown.find((r) => r.step === 'classification')).toMatchObject({ state: 'on-time', stateText: 'On time' });
    expect(await open.locator('[data-qa-deadlines] caption').textContent()).toBe('Deadlines of the question (in working days, Vietnam time)');
    const answered = await openPreview('en', ANSWERED);
    const rows = await expectAgreement(answered, lifecycleOf(ANSWERED), 'en');
    expect(rows.find((r) => r.step === 'answer')).toMatchObject({ due: '10 October 2025, 17:00', stateText: 'On time' });
    expect(await answered.locator('[data-step="answer"] td').nth(2).textContent()).toContain('Art. 13.2 b');
  });
});

describe('when the rules cannot be loaded', () => {
  it('says so in the preview, in the interface language, instead of showing dates', async () => {
    await page.route('**/admin/duty-rules.json', (route) => route.fulfill({ status: 503, body: '' }));
    try {
      await logIn(page, portal.base, ui.vi.admin, ui.vi.login);
      const preview = await openPreview('vi', OPEN);
      const alert = preview.locator('[data-qa-deadlines] [role=alert]');
      await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('Không tải được lịch ngày làm việc và quy tắc thời hạn (/admin/duty-rules.json: HTTP 503)');
      expect(await preview.locator('[data-qa-deadlines] table').count()).toBe(0);
    } finally {
      await page.unroute('**/admin/duty-rules.json');
    }
  });
});
