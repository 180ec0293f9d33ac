import { describe, expect, it } from 'vitest';
import { qaListingPages, topicCounts } from './listing.ts';

const q = (slug: string, topic: string) => ({ slug, topic });
const questions = [q('a', 'bhyt'), q('b', 'bhtn'), q('c', 'bhyt'), q('d', 'bhyt')];

describe('the Q&A listing by topic', () => {
  it('has a listing of every question and one per topic with questions, in the taxonomy’s order, keeping the listing’s order', () => {
    const pages = qaListingPages(questions, ['bhxh-bat-buoc', 'bhyt', 'bhtn'], 10);
    expect(pages.map((p) => [p.topic, p.slugs])).toEqual([
      [undefined, ['a', 'b', 'c', 'd']],
      ['bhyt', ['a', 'c', 'd']],
      ['bhtn', ['b']],
    ]);
  });

  it('paginates each listing like the rest, and keeps one (empty) page of all questions when there are none', () => {
    const pages = qaListingPages(questions, ['bhyt', 'bhtn'], 2);
    expect(pages.filter((p) => p.topic === 'bhyt').map((p) => [p.page, p.totalPages, p.total, p.slugs])).toEqual([
      [1, 2, 3, ['a', 'c']],
      [2, 2, 3, ['d']],
    ]);
    expect(qaListingPages([], ['bhyt'], 10)).toEqual([{ topic: undefined, page: 1, totalPages: 1, total: 0, slugs: [] }]);
  });

  it('counts the questions of each topic', () => {
    expect(topicCounts(questions)).toEqual(new Map([['bhyt', 3], ['bhtn', 1]]));
  });
});
