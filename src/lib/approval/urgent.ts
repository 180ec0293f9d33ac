/**
 * Urgent publication: a pull request labelled `urgent` (or `khan-cap`) with
 * a reason in its description may be published on the head of the board's
 * approval alone, and the secretary reviews it afterwards (like GOV.UK's
 * force-publish, which lists such editions for a second look).
 */
import type { ApprovalInput } from './input.ts';

/** The label that asks for urgent publication. */
export const URGENT_LABEL = 'urgent';
/** Added to a pull request published on the urgent path, for the secretary's review afterwards. */
export const RETROSPECTIVE_LABEL = 'retrospective-review';
/** Labels accepted for it (the Vietnamese alias: khẩn cấp). */
export const URGENT_LABELS: readonly string[] = [URGENT_LABEL, 'khan-cap'];
/** How the reason is written in the pull request description: a line starting with one of these. */
export const URGENT_REASON_PREFIXES: readonly string[] = ['Lý do khẩn cấp:', 'Urgent reason:'];

export type UrgentRequest = { requested: false } | { requested: true; label: string; reason: string | undefined };

/** The first non-empty urgent reason in the description, NFC. */
export function urgentReason(body: string | null): string | undefined {
  if (!body) return undefined;
  for (const raw of body.normalize('NFC').split(/\r?\n/)) {
    const line = raw.trim().replace(/^[-*>]\s*/, '');
    for (const prefix of URGENT_REASON_PREFIXES) {
      if (line.toLowerCase().startsWith(prefix.toLowerCase())) {
        const reason = line.slice(prefix.length).trim();
        if (reason) return reason;
      }
    }
  }
  return undefined;
}

export function urgentRequest(input: ApprovalInput): UrgentRequest {
  const label = input.pull_request.labels.find((l) => URGENT_LABELS.includes(l.trim().toLowerCase()));
  if (label === undefined) return { requested: false };
  return { requested: true, label, reason: urgentReason(input.pull_request.body) };
}
