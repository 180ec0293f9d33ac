/**
 * Whether an entry is on the site at a given moment: scheduled entries wait for
 * their `publish_at`; withdrawn ones stay with a notice but leave listings and
 * search; unpublished ones leave a page saying they were removed (as GOV.UK
 * does). The Vietnamese original governs its translation.
 */

export type Visibility = 'scheduled' | 'published' | 'withdrawn' | 'unpublished';

export interface LifecycleData {
  publish_at?: string | undefined;
  withdrawn?: { kind: 'withdraw' | 'unpublish'; date: string; reason: string; replaced_by?: string | undefined } | undefined;
}

/**
 * The moment the build treats as now: PORTAL_NOW (ISO) if set; else the end of
 * PORTAL_TODAY in Vietnam time (a build "as on that date"); else the clock.
 */
export function buildMoment(env: Record<string, string | undefined> = process.env, now: Date = new Date()): Date {
  if (env.PORTAL_NOW) {
    const t = Date.parse(env.PORTAL_NOW);
    if (Number.isNaN(t)) throw new Error(`PORTAL_NOW must be an ISO date and time, got “${env.PORTAL_NOW}”.`);
    return new Date(t);
  }
  if (env.PORTAL_TODAY) return new Date(`${env.PORTAL_TODAY}T23:59:59+07:00`);
  return now;
}

/** `entry` may have its own lifecycle fields; `original` (the Vietnamese entry) decides when given. */
export function visibilityOf(entry: LifecycleData, moment: Date, original?: LifecycleData): Visibility {
  const governing = original ?? entry;
  if (governing.publish_at && Date.parse(governing.publish_at) > moment.getTime()) return 'scheduled';
  const withdrawn = governing.withdrawn;
  if (!withdrawn) return 'published';
  return withdrawn.kind === 'unpublish' ? 'unpublished' : 'withdrawn';
}

/** The withdrawal to show on a page: the translation's own reason when it has one, else the original's. */
export function withdrawalOf(entry: LifecycleData, original?: LifecycleData): LifecycleData['withdrawn'] {
  const governing = (original ?? entry).withdrawn;
  if (!governing) return undefined;
  return { ...governing, reason: entry.withdrawn?.reason ?? governing.reason, replaced_by: entry.withdrawn?.replaced_by ?? governing.replaced_by };
}
