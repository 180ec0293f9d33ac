/**
 * The GitHub settings that make the editorial approval chain real, as data:
 * branch protection of the default branch and the labels the editorial flow
 * uses (the approval app's environment: environment.ts; the workflow files'
 * push ruleset: workflow-ruleset.ts). `npm run governance -- plan|apply`
 * compares them with what is live.
 */

/**
 * GitHub Actions' app id. Every workflow's GITHUB_TOKEN is this app, on every
 * branch, so a check from it proves nothing: any workflow an editor pushes can
 * post one. The required check comes from the agency's own app instead.
 */
export const GITHUB_ACTIONS_APP_ID = 15368;
export const APPROVAL_CHECK = 'editorial-approval';

/**
 * The commit status of the pull request workflow's content check (`npm run
 * check:content`, the same checks as the build), on each pull request's head
 * commit. Posted with that workflow's GITHUB_TOKEN, so it comes from GitHub
 * Actions; the approval check reads only this poster's status of that name.
 */
export const CONTENT_CHECK = 'content-check';
/** The same workflow's link to its readable list of problems: what Decap CMS shows the editor (backend.preview_context). */
export const CONTENT_CHECK_REPORT = 'content-check/report';
/** Who posts a workflow's commit statuses: its GITHUB_TOKEN's bot account. */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

/** Who may dismiss reviews, as PUT …/protection takes it: logins, team slugs, app slugs. */
export interface DismissalRestrictions {
  users: string[];
  teams: string[];
  apps: string[];
}

/** The body of PUT /repos/{owner}/{repo}/branches/{branch}/protection that the portal wants. */
export interface ProtectionSettings {
  required_status_checks: { strict: boolean; checks: { context: string; app_id: number }[] };
  enforce_admins: boolean;
  required_pull_request_reviews: {
    dismiss_stale_reviews: boolean;
    require_code_owner_reviews: boolean;
    required_approving_review_count: number;
    require_last_push_approval: boolean;
    /** Absent: anyone with write access may dismiss a review (GitHub offers no restriction on personal repositories). */
    dismissal_restrictions?: DismissalRestrictions;
  };
  restrictions: null;
  allow_force_pushes: boolean;
  allow_deletions: boolean;
  required_linear_history: boolean;
  required_conversation_resolution: boolean;
}

/**
 * `appId`: the agency's approval app (.github/governance.yml).
 * `restrictDismissals`: false for a repository owned by a person, where GitHub
 * cannot restrict who dismisses reviews.
 */
export function desiredProtection(appId: number, { restrictDismissals }: { restrictDismissals: boolean }): ProtectionSettings {
  if (appId === GITHUB_ACTIONS_APP_ID) throw new Error(`The approval check cannot be required from GitHub Actions (${GITHUB_ACTIONS_APP_ID}): every workflow can post as it.`);
  return {
    // Only the check posted by the agency's approval app counts: editors' tokens can post statuses,
    // and every workflow on every branch can post check runs as GitHub Actions.
    // The content check is required from GitHub Actions, which posts it (pull-request.yml): an editor's
    // token cannot stand in for it, and forging it takes a workflow file, which the workflow push
    // ruleset refuses and the approval chain treats as a technical change (owner and head). Even a
    // forged success lets nothing broken go live: the publish build runs the same checks and stops.
    // Not "strict": Decap cannot bring a branch up to date, and the check is re-run on each change.
    required_status_checks: {
      strict: false,
      checks: [
        { context: APPROVAL_CHECK, app_id: appId },
        { context: CONTENT_CHECK, app_id: GITHUB_ACTIONS_APP_ID },
      ],
    },
    // For administrators too, with nobody allowed to bypass: Decap writes files straight to
    // the branch when a merge is refused, and that must fail as well.
    enforce_admins: true,
    required_pull_request_reviews: {
      dismiss_stale_reviews: true,
      // The technical paths (.github/CODEOWNERS) need their owners' review.
      require_code_owner_reviews: true,
      required_approving_review_count: 1,
      require_last_push_approval: false,
      // Dismissing a changes-request lifts its block: only administrators may (empty lists; they always can).
      ...(restrictDismissals ? { dismissal_restrictions: { users: [], teams: [], apps: [] } } : {}),
    },
    restrictions: null,
    allow_force_pushes: false,
    allow_deletions: false,
    required_linear_history: false,
    required_conversation_resolution: false,
  };
}

export interface LabelSettings {
  name: string;
  color: string;
  description: string;
}

/** Decap's editorial-workflow status labels (prefix `decap-cms/`), and the approval chain's own. */
export function desiredLabels(urgentLabel: string, retrospectiveLabel: string): LabelSettings[] {
  return [
    { name: 'decap-cms/draft', color: 'cfd3d7', description: 'Bản nháp / Draft (Decap CMS)' },
    { name: 'decap-cms/pending_review', color: 'fbca04', description: 'Đang xét duyệt — chờ Thư ký / In review — awaiting the secretary (Decap CMS)' },
    { name: 'decap-cms/pending_publish', color: '0e8a16', description: 'Sẵn sàng — chờ Ban Biên tập / Ready — awaiting the board (Decap CMS)' },
    { name: urgentLabel, color: 'b60205', description: 'Đăng khẩn cấp, cần lý do / Urgent publication, reason required' },
    { name: retrospectiveLabel, color: 'd93f0b', description: 'Thư ký duyệt lại sau khi đăng khẩn / Secretary to review after urgent publication' },
  ];
}
