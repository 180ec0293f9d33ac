/** The moment a build treats as now, which decides the states of entries (./states.ts). */

/**
 * PORTAL_NOW (ISO) if set; else the end of PORTAL_TODAY in Vietnam time (a
 * build "as on that date"); else the clock.
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
