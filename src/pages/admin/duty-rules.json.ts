/**
 * /admin/duty-rules.json: what the CMS preview of a Q&A entry needs to show
 * its deadlines (src/lib/cms/duty-rules.ts): the working calendar's years and
 * office hours, the Q&A deadline rules, and when each answered question first
 * went live — read by the same loaders as `npm run duties` (the calendar's
 * loader, the rules file's validation, the publication history), at every
 * build, so the preview and the report never disagree. The page fetches it
 * from its own origin (the CMS page's Content-Security-Policy allows no other).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { contentRoot } from '../../content-loader/read-content.ts';
import { loadCalendarData } from '../../lib/calendar/read-calendar.ts';
import { formatIssues } from '../../lib/content/issues.ts';
import type { DutyRules } from '../../lib/cms/duty-rules.ts';
import { QA_DEADLINES_FILE, validateQaDeadlinesFile } from '../../lib/duties/qa-deadlines-file.ts';
import { qaFirstPublications } from '../../../scripts/lib/qa-publications.ts';
import { historyBeginnings } from '../../../scripts/lib/history-begins.ts';

const QA_FOLDER = 'content/qa/vi/';

export const GET: APIRoute = async () => {
  const projectRoot = process.cwd();
  const root = contentRoot(projectRoot);
  const calendar = await loadCalendarData(projectRoot);
  const source = await readFile(path.join(root, path.relative('content', QA_DEADLINES_FILE)), 'utf8');
  const { rules, issues } = validateQaDeadlinesFile(source);
  if (!rules) {
    throw new Error(`Tệp quy tắc thời hạn hỏi đáp có lỗi. / The Q&A deadline rules file has errors.\n${formatIssues(issues)}`);
  }
  // The publication history the build reads (src/site/history.ts): the history repository at its commit when given.
  const historyRepo = process.env.PORTAL_HISTORY_REPO;
  const [historyContent, historyRef] = historyRepo ? [path.join(historyRepo, 'content'), process.env.PORTAL_HISTORY_REF || 'HEAD'] : [root, 'HEAD'];
  const [{ published, inGit }, begins] = await Promise.all([qaFirstPublications(historyContent, historyRef), historyBeginnings(historyContent, historyRef)]);
  const bySlug: Record<string, string> = {};
  for (const [file, when] of published) {
    if (file.startsWith(QA_FOLDER) && file.endsWith('.mdx')) bySlug[file.slice(QA_FOLDER.length, -'.mdx'.length)] = when;
  }
  const historyBegins = begins.get('qa');
  const body: DutyRules = { calendar, qa: rules, published: bySlug, historyKnown: inGit, ...(historyBegins ? { historyBegins } : {}) };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
