/**
 * Differences between the live GitHub settings and the desired ones, as
 * readable lines: what `governance plan` prints and `apply` changes.
 */
import type { LabelSettings, ProtectionSettings } from './desired.ts';

/** GET …/protection as GitHub answers it (the parts the portal sets). */
export interface LiveProtection {
  required_status_checks?: { strict?: boolean; checks?: { context: string; app_id: number | null }[] } | null;
  enforce_admins?: { enabled?: boolean } | null;
  required_pull_request_reviews?: {
    dismiss_stale_reviews?: boolean;
    require_code_owner_reviews?: boolean;
    required_approving_review_count?: number;
    require_last_push_approval?: boolean;
    bypass_pull_request_allowances?: { users?: unknown[]; teams?: unknown[]; apps?: unknown[] };
    dismissal_restrictions?: { users?: { login: string }[]; teams?: { slug: string }[]; apps?: ({ slug?: string } | null)[] };
  } | null;
  restrictions?: unknown;
  allow_force_pushes?: { enabled?: boolean } | null;
  allow_deletions?: { enabled?: boolean } | null;
  required_linear_history?: { enabled?: boolean } | null;
  required_conversation_resolution?: { enabled?: boolean } | null;
}

/** The live protection in the shape of the request that would produce it. */
export function asSettings(live: LiveProtection): ProtectionSettings | null {
  const r = live.required_pull_request_reviews;
  return {
    required_status_checks: {
      strict: live.required_status_checks?.strict ?? false,
      checks: (live.required_status_checks?.checks ?? []).map((c) => ({ context: c.context, app_id: c.app_id ?? -1 })),
    },
    enforce_admins: live.enforce_admins?.enabled === true,
    required_pull_request_reviews: {
      dismiss_stale_reviews: r?.dismiss_stale_reviews ?? false,
      require_code_owner_reviews: r?.require_code_owner_reviews ?? false,
      required_approving_review_count: r?.required_approving_review_count ?? 0,
      require_last_push_approval: r?.require_last_push_approval ?? false,
      ...(r?.dismissal_restrictions
        ? {
            dismissal_restrictions: {
              users: (r.dismissal_restrictions.users ?? []).map((u) => u.login),
              teams: (r.dismissal_restrictions.teams ?? []).map((t) => t.slug),
              apps: (r.dismissal_restrictions.apps ?? []).map((a) => a?.slug ?? '?'),
            },
          }
        : {}),
    },
    restrictions: null,
    allow_force_pushes: live.allow_force_pushes?.enabled === true,
    allow_deletions: live.allow_deletions?.enabled === true,
    required_linear_history: live.required_linear_history?.enabled === true,
    required_conversation_resolution: live.required_conversation_resolution?.enabled === true,
  };
}

/** Who may dismiss reviews, in words: the lists, or anyone with write access when unrestricted. */
function dismissers(settings: ProtectionSettings | null): string {
  const d = settings?.required_pull_request_reviews.dismissal_restrictions;
  if (!d) return '(ai có quyền ghi / anyone with write access)';
  const who = [...d.users, ...d.teams.map((t) => `team:${t}`), ...d.apps.map((a) => `app:${a}`)];
  return who.length === 0 ? '(chỉ quản trị viên / administrators only)' : who.join(', ');
}

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) for (const [p, s] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(p, s);
  } else {
    out.set(prefix, JSON.stringify(value));
  }
  return out;
}

/** Lines like `enforce_admins: false → true`; empty when live already matches. */
export function protectionChanges(live: LiveProtection | null, desired: ProtectionSettings): string[] {
  if (!live) return ['(không được bảo vệ / not protected) → ' + JSON.stringify(desired)];
  const current = asSettings(live);
  const withoutDismissers = (s: ProtectionSettings | null) => {
    if (!s) return s;
    const { dismissal_restrictions: _ignored, ...reviews } = s.required_pull_request_reviews;
    return { ...s, required_pull_request_reviews: reviews };
  };
  const before = flatten(withoutDismissers(current));
  const changes = [...flatten(withoutDismissers(desired))].filter(([k, v]) => before.get(k) !== v).map(([k, v]) => `${k}: ${before.get(k) ?? '(none)'} → ${v}`);
  if (dismissers(current) !== dismissers(desired)) changes.push(`required_pull_request_reviews.dismissal_restrictions: ${dismissers(current)} → ${dismissers(desired)}`);
  const bypass = live.required_pull_request_reviews?.bypass_pull_request_allowances;
  if (bypass && [bypass.users, bypass.teams, bypass.apps].some((list) => (list?.length ?? 0) > 0)) {
    changes.push('required_pull_request_reviews.bypass_pull_request_allowances: (some) → (none)');
  }
  return changes;
}

export interface LabelChange {
  action: 'create' | 'update';
  label: LabelSettings;
  line: string;
}

export function labelChanges(live: { name: string; color: string; description: string | null }[], desired: LabelSettings[]): LabelChange[] {
  const changes: LabelChange[] = [];
  for (const label of desired) {
    const found = live.find((l) => l.name === label.name);
    if (!found) changes.push({ action: 'create', label, line: `label “${label.name}”: (none) → #${label.color} “${label.description}”` });
    else if (found.color.toLowerCase() !== label.color || (found.description ?? '') !== label.description) {
      changes.push({ action: 'update', label, line: `label “${label.name}”: #${found.color} “${found.description ?? ''}” → #${label.color} “${label.description}”` });
    }
  }
  return changes;
}
