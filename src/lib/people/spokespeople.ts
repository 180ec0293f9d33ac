/**
 * Who may speak for the agency today (press regulation, Điều 2–3): a
 * spokesperson without an end date, or an authorised person whose written
 * authorisation covers today. Expired authorisations stay as history.
 */
export interface Term {
  role: string;
  valid_from?: string | undefined;
  valid_to?: string | undefined;
  order: number;
}

export function isCurrent(person: Term, today: string): boolean {
  if (person.valid_from && today < person.valid_from) return false;
  if (person.valid_to && today > person.valid_to) return false;
  return true;
}

/** Splits people into current (by order) and former (most recently expired first). */
export function splitByTerm<T extends { data: Term }>(people: T[], today: string): { current: T[]; former: T[] } {
  const current = people.filter((p) => isCurrent(p.data, today)).sort((a, b) => a.data.order - b.data.order);
  const former = people
    .filter((p) => !isCurrent(p.data, today) && (p.data.valid_to ?? '') < today)
    .sort((a, b) => (b.data.valid_to ?? '').localeCompare(a.data.valid_to ?? ''));
  return { current, former };
}
