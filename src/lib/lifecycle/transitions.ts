/**
 * Every change of state an entry can go through, named once, and whether it
 * takes published content down. A transition takes content down when readers
 * lose something they could reach before — the address, the text, the entry in
 * listings, in search (./states.ts: reachOf) — so it follows from what the site
 * does in each state, never from a separate list. Taking content down needs
 * the takedown chain of Decision 1624 Art. 11.1 e (docs/approval.md).
 */
import { entryStates, reachOf, type EntryState, type Reach } from './states.ts';

interface Words {
  vi: string;
  en: string;
}

interface Named {
  name: string;
  words: Words;
  /** For a change to `absent`: the words when the file was renamed rather than deleted (its old address disappears). */
  renamed?: Words;
}

type Pair = `${EntryState}>${EntryState}`;

const named = {
  'absent>absent': { name: 'none', words: { vi: 'không có mục', en: 'no entry' } },
  'absent>unanswered': {
    name: 'register',
    words: { vi: 'câu hỏi mới vào sổ theo dõi, chưa trả lời: trên cổng không có gì thay đổi', en: 'question registered, not yet answered: nothing changes on the site' },
  },
  'absent>scheduled': { name: 'schedule', words: { vi: 'mục mới, hẹn giờ đăng', en: 'new entry, scheduled' } },
  'absent>published': { name: 'publish', words: { vi: 'mục mới được đăng', en: 'new entry published' } },
  'absent>withdrawn': { name: 'add-withdrawn', words: { vi: 'mục mới ở trạng thái đã rút', en: 'new entry, already withdrawn' } },
  'absent>unpublished': { name: 'add-unpublished', words: { vi: 'mục mới ở trạng thái đã gỡ', en: 'new entry, already unpublished' } },

  'unanswered>absent': {
    name: 'delete-unanswered',
    words: { vi: 'xoá câu hỏi chưa trả lời khỏi sổ theo dõi', en: 'unanswered question deleted from the register' },
    renamed: { vi: 'đổi tên câu hỏi chưa trả lời trong sổ theo dõi', en: 'unanswered question renamed in the register' },
  },
  'unanswered>unanswered': {
    name: 'edit-unanswered',
    words: { vi: 'cập nhật câu hỏi chưa trả lời trong sổ theo dõi: trên cổng không có gì thay đổi', en: 'unanswered question updated in the register: nothing changes on the site' },
  },
  'unanswered>scheduled': { name: 'answer-scheduled', words: { vi: 'câu hỏi được trả lời, hẹn giờ đăng', en: 'question answered, its publication scheduled' } },
  'unanswered>published': { name: 'answer', words: { vi: 'câu hỏi được trả lời và đăng lần đầu', en: 'question answered and published for the first time' } },
  'unanswered>withdrawn': { name: 'answer-withdrawn', words: { vi: 'câu hỏi được trả lời ở trạng thái đã rút', en: 'question answered, already withdrawn' } },
  'unanswered>unpublished': { name: 'answer-unpublished', words: { vi: 'câu hỏi được trả lời ở trạng thái đã gỡ', en: 'question answered, already unpublished' } },

  'scheduled>unanswered': {
    name: 'unanswer-scheduled',
    words: { vi: 'xoá thời điểm trả lời của câu hỏi đang hẹn giờ: câu hỏi trở lại sổ theo dõi', en: 'answer time cleared on a scheduled question: it returns to the register' },
  },
  'scheduled>absent': {
    name: 'cancel',
    words: { vi: 'xoá mục đang hẹn giờ, chưa đăng', en: 'scheduled entry deleted before publication' },
    renamed: { vi: 'đổi tên mục đang hẹn giờ, chưa đăng', en: 'scheduled entry renamed before publication' },
  },
  'scheduled>scheduled': { name: 'edit-scheduled', words: { vi: 'sửa mục đang hẹn giờ', en: 'scheduled entry edited' } },
  'scheduled>published': { name: 'publish-now', words: { vi: 'mục hẹn giờ được đăng ngay', en: 'scheduled entry published now' } },
  'scheduled>withdrawn': { name: 'withdraw-scheduled', words: { vi: 'mục hẹn giờ chuyển sang đã rút', en: 'scheduled entry marked withdrawn' } },
  'scheduled>unpublished': { name: 'unpublish-scheduled', words: { vi: 'mục hẹn giờ chuyển sang đã gỡ', en: 'scheduled entry marked unpublished' } },

  'published>absent': {
    name: 'delete',
    words: { vi: 'xoá tệp đã đăng', en: 'published file deleted' },
    renamed: { vi: 'đổi tên tệp đã đăng (địa chỉ cũ mất)', en: 'published file renamed (its old address disappears)' },
  },
  'published>unanswered': {
    name: 'unanswer',
    words: { vi: 'xoá thời điểm trả lời của câu hỏi đã đăng: câu hỏi rời khỏi cổng', en: 'answer time cleared on a published question: it leaves the site' },
  },
  'published>scheduled': {
    name: 'postpone',
    words: { vi: 'giờ đăng (publish_at) dời sang tương lai: mục đã đăng rời khỏi cổng', en: 'publish_at moved into the future: the published entry leaves the site' },
  },
  'published>published': { name: 'edit', words: { vi: 'sửa mục đã đăng', en: 'published entry edited' } },
  'published>withdrawn': { name: 'withdraw', words: { vi: 'đánh dấu rút (withdrawn)', en: 'marked withdrawn' } },
  'published>unpublished': { name: 'unpublish', words: { vi: 'đánh dấu gỡ bỏ (unpublish)', en: 'marked unpublished' } },

  'withdrawn>absent': {
    name: 'delete-withdrawn',
    words: { vi: 'xoá tệp của mục đã rút: trang lưu để tra cứu mất', en: 'file of a withdrawn entry deleted: the page kept for reference disappears' },
    renamed: { vi: 'đổi tên tệp của mục đã rút (địa chỉ cũ mất)', en: 'file of a withdrawn entry renamed (its old address disappears)' },
  },
  'withdrawn>unanswered': {
    name: 'unanswer-withdrawn',
    words: { vi: 'xoá thời điểm trả lời của câu hỏi đã rút: trang lưu để tra cứu mất', en: 'answer time cleared on a withdrawn question: the page kept for reference disappears' },
  },
  'withdrawn>scheduled': {
    name: 'postpone-withdrawn',
    words: { vi: 'mục đã rút được hẹn giờ lại: trang rời khỏi cổng', en: 'withdrawn entry scheduled again: its page leaves the site' },
  },
  'withdrawn>published': { name: 'reinstate', words: { vi: 'mục đã rút được đăng lại', en: 'withdrawn entry reinstated' } },
  'withdrawn>withdrawn': { name: 'edit-withdrawn', words: { vi: 'sửa mục đã rút', en: 'withdrawn entry edited' } },
  'withdrawn>unpublished': {
    name: 'unpublish-withdrawn',
    words: {
      vi: 'chuyển từ rút (withdraw) sang gỡ bỏ (unpublish): trang thay bằng thông báo đã gỡ',
      en: 'withdrawal changed from withdraw to unpublish: the page is replaced by a removal notice',
    },
  },

  'unpublished>absent': {
    name: 'delete-unpublished',
    words: { vi: 'xoá tệp của mục đã gỡ: thông báo đã gỡ mất', en: 'file of an unpublished entry deleted: its removal notice disappears' },
    renamed: { vi: 'đổi tên tệp của mục đã gỡ: thông báo đã gỡ ở địa chỉ cũ mất', en: 'file of an unpublished entry renamed: the removal notice at its old address disappears' },
  },
  'unpublished>unanswered': {
    name: 'unanswer-unpublished',
    words: { vi: 'xoá thời điểm trả lời của câu hỏi đã gỡ: thông báo đã gỡ mất', en: 'answer time cleared on an unpublished question: its removal notice disappears' },
  },
  'unpublished>scheduled': {
    name: 'postpone-unpublished',
    words: { vi: 'mục đã gỡ được hẹn giờ lại: thông báo đã gỡ mất', en: 'unpublished entry scheduled again: its removal notice disappears' },
  },
  'unpublished>published': { name: 'republish', words: { vi: 'mục đã gỡ được đăng lại', en: 'unpublished entry published again' } },
  'unpublished>withdrawn': {
    name: 'reinstate-withdrawn',
    words: { vi: 'mục đã gỡ chuyển thành đã rút: trang trở lại kèm thông báo', en: 'unpublished entry changed to withdrawn: its page returns with the notice' },
  },
  'unpublished>unpublished': { name: 'edit-unpublished', words: { vi: 'sửa mục đã gỡ', en: 'unpublished entry edited' } },
} as const satisfies Record<Pair, Named>;

export type TransitionName = (typeof named)[Pair]['name'];

export interface Transition {
  from: EntryState;
  to: EntryState;
  name: TransitionName;
  /** What readers could reach before and cannot after. */
  lost: Reach[];
  /** Readers lose something: published content is taken down (Decision 1624 Art. 11.1 e). */
  takesDown: boolean;
  words: Words;
  /** For a change to `absent` by renaming the file. */
  renamed?: Words;
}

export function transitionOf(from: EntryState, to: EntryState): Transition {
  const n: Named = named[`${from}>${to}`];
  const after = new Set(reachOf(to));
  const lost = reachOf(from).filter((r) => !after.has(r));
  return { from, to, name: n.name as TransitionName, lost, takesDown: lost.length > 0, words: n.words, ...(n.renamed ? { renamed: n.renamed } : {}) };
}

/** Every pair of states, before × after, in the order of `entryStates`. */
export const allTransitions: readonly Transition[] = entryStates.flatMap((from) => entryStates.map((to) => transitionOf(from, to)));
