/**
 * The Q&A listing, filterable by topic without JavaScript, as the document
 * library is (src/lib/documents/library.ts): the listing of every question and
 * the listing of each topic that has at least one are static pages, paginated
 * like the rest, and the topic filter is made of links to them. Only the
 * questions the site lists (answered and published) are counted.
 */
import { paginate } from '../pagination.ts';

export interface ListedQuestion {
  slug: string;
  topic: string;
}

/** One page of the listing: of every question (`topic` undefined) or of one topic. */
export interface QaListingPage {
  topic: string | undefined;
  page: number;
  totalPages: number;
  /** How many questions the listing has in all its pages. */
  total: number;
  slugs: string[];
}

/** How many listed questions each topic has (topics without any are left out). */
export function topicCounts(questions: readonly ListedQuestion[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of questions) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1);
  return counts;
}

/**
 * Every page of the listing: all questions (always, even with none), then
 * each topic with questions, in the order of `topics` (the taxonomy's order).
 * `questions` are in the listing's order (newest first).
 */
export function qaListingPages(questions: readonly ListedQuestion[], topics: readonly string[], pageSize: number): QaListingPage[] {
  const out: QaListingPage[] = [];
  const add = (topic: string | undefined, list: readonly ListedQuestion[]) => {
    const chunks = paginate(list, pageSize);
    chunks.forEach((chunk, i) => out.push({ topic, page: i + 1, totalPages: chunks.length, total: list.length, slugs: chunk.map((q) => q.slug) }));
  };
  add(undefined, questions);
  for (const topic of topics) {
    const list = questions.filter((q) => q.topic === topic);
    if (list.length > 0) add(topic, list);
  }
  return out;
}
