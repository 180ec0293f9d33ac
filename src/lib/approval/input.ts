/**
 * What the editorial-approval decision is made from: plain data about one pull
 * request, gathered from GitHub (or saved as a scenario file and replayed).
 * This zod schema is the single source of the TypeScript types and of the
 * published JSON Schema (docs/approval-scenario.schema.json).
 */
import { z } from 'zod';

const login = z.string().min(1).describe('A GitHub login, e.g. "nguyen-van-a".');
const isoTime = z.iso.datetime({ offset: true }).describe('An ISO 8601 time with offset, e.g. "2026-11-20T09:30:00+07:00".');

export const changedFileSchema = z
  .strictObject({
    filename: z.string().min(1).describe('Path in the repository after the change.'),
    status: z.enum(['added', 'modified', 'removed', 'renamed', 'copied', 'changed', 'unchanged']).describe('As GitHub reports it.'),
    previous_filename: z.string().optional().describe('For renamed files: the path before.'),
    base_content: z.string().nullable().optional().describe('Text of the file on the base branch (entry files and content/site.yml only; null when absent).'),
    head_content: z.string().nullable().optional().describe('Text of the file at the head commit (entry files and content/site.yml only; null when removed).'),
  })
  .describe('One file the pull request changes.');

export const reviewSchema = z
  .strictObject({
    user: login,
    state: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']),
    commit_id: z.string().min(1).describe('The commit the review was given on.'),
    submitted_at: isoTime,
  })
  .describe('One review, as GitHub lists them (oldest first).');

export const commitSchema = z
  .strictObject({
    sha: z.string().min(1),
    author: login.nullable().describe('The GitHub account of the commit’s author (author.login); null when GitHub ties its author e-mail to no account.'),
    committer: login.nullable().describe('The GitHub account of the commit’s committer (committer.login; "web-flow" for commits made on github.com); null when GitHub ties its e-mail to no account.'),
    co_authors: z.array(z.string()).default([]).describe('The `Co-authored-by:` trailers of the commit message, as written: "Name <e-mail>".'),
  })
  .describe('One commit of the pull request, as GitHub lists them (pulls.listCommits): who wrote it.');

export const approvalInputSchema = z
  .strictObject({
    repository: z.string().optional().describe('owner/name, for the record.'),
    default_branch: z
      .string()
      .min(1)
      .optional()
      .describe('The repository’s default (protected) branch, whose roles file the decision reads; a pull request into any other branch fails. Always recorded by `npm run approval`.'),
    pull_request: z.strictObject({
      number: z.number().int().positive(),
      author: login,
      head_sha: z.string().min(1).describe('The current head commit of the pull request.'),
      base_ref: z.string().min(1).describe('The branch it would merge into, e.g. "main".'),
      labels: z.array(z.string()).default([]),
      body: z.string().nullable().default(null).describe('The pull request description (the urgent reason is read from it).'),
      commit_count: z
        .number()
        .int()
        .nonnegative()
        .describe('How many commits GitHub counts in the pull request (pulls.get: commits). GitHub lists at most 250; when `commits` holds fewer, the decision fails closed.'),
      changed_files: z
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe('How many files GitHub counts as changed; when `files` lists fewer (GitHub lists at most 3,000), the decision fails.'),
    }),
    files: z.array(changedFileSchema),
    commits: z.array(commitSchema).describe('Every commit of the pull request: whoever authored, co-authored or committed one cannot approve it.'),
    reviews: z.array(reviewSchema),
    content_check: z
      .enum(['success', 'failure', 'pending', 'missing'])
      .optional()
      .describe(
        'The `content-check` commit status of the head commit, as posted by the pull request workflow (GitHub Actions): success, failure (failure or error), pending, or missing (none yet). ' +
          'Always recorded by `npm run approval`; absent only in scenarios from before the check existed, where it is not judged.',
      ),
    roles: z
      .strictObject({
        path: z.string().default('content/governance/roles.yml'),
        base_content: z.string().nullable().describe('The roles file as it is on the default branch (never the pull request’s version nor its base branch); null when missing.'),
      })
      .describe('The roles file, read from the protected default branch.'),
    now: isoTime.describe('When the decision is made.'),
  })
  .describe('Everything the editorial-approval decision needs, as plain data: a replayable scenario.');

export type ChangedFile = z.infer<typeof changedFileSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type Commit = z.infer<typeof commitSchema>;
export type ApprovalInput = z.infer<typeof approvalInputSchema>;
export type ApprovalInputSource = z.input<typeof approvalInputSchema>;

/** A message in both languages. */
export interface Reason {
  vi: string;
  en: string;
}

/** One line of the checklist shown on the pull request. */
export interface ChecklistItem {
  done: boolean;
  vi: string;
  en: string;
}

export interface ApprovalDecision {
  decision: 'pass' | 'fail' | 'pending';
  /** Why, in both languages: what holds, what is missing, what blocks. */
  reasons: Reason[];
  /** Who approved what, and what is still needed, for the PR comment. */
  checklist: ChecklistItem[];
  /** Which rule sets applied: content, takedown, technical (several at once for mixed changes). */
  kinds: ('content' | 'takedown' | 'technical')[];
  /** Set when published on the urgent path: the reason, and that the secretary must review afterwards. */
  urgent?: { reason: string; retrospective_review: true };
}
