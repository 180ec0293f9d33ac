/**
 * Who wrote a pull request: the accounts that authored, co-authored or
 * committed any of its commits. None of them can approve it — the two steps
 * of the chain judge someone else's text (Decision 1624 Art. 11.1: the editor
 * proposes, the secretary reviews, the board decides). A commit GitHub cannot
 * tie to an account, or a commit list GitHub cut short, could hide a
 * reviewer's own work, so the decision fails closed on them.
 */
import type { ApprovalInput, Commit, Reason } from './input.ts';
import { shortSha } from './time.ts';

/** GitHub lists at most this many commits of a pull request (REST pulls.listCommits). */
export const MAX_LISTED_COMMITS = 250;

/** The `Co-authored-by:` trailers of a commit message, as written ("Name <e-mail>"). */
export function coAuthorTrailers(message: string): string[] {
  return [...message.matchAll(/^co-authored-by:[ \t]*(.+?)[ \t]*$/gim)].map((m) => m[1]!);
}

/**
 * The GitHub login a co-author trailer names, when its e-mail is the
 * account's GitHub address (`12345+login@users.noreply.github.com` or
 * `login@users.noreply.github.com`); other addresses name no account.
 */
export function coAuthorLogin(trailer: string): string | undefined {
  return /<(?:\d+\+)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))@users\.noreply\.github\.com>\s*$/i.exec(trailer)?.[1];
}

/** What one person did in the pull request's commits. */
export interface Writer {
  login: string;
  /** “authored commit abc1234”, in both languages (the first commit found). */
  did: Reason;
}

function did(how: 'author' | 'committer' | 'co-author', sha: string): Reason {
  const c = shortSha(sha);
  return {
    author: { vi: `là tác giả commit ${c}`, en: `authored commit ${c}` },
    committer: { vi: `đã đưa lên (commit) commit ${c}`, en: `committed commit ${c}` },
    'co-author': { vi: `là đồng tác giả commit ${c}`, en: `co-authored commit ${c}` },
  }[how];
}

/** Everyone who wrote part of the pull request, by lower-case login. */
export function writersOf(commits: readonly Commit[]): Map<string, Writer> {
  const out = new Map<string, Writer>();
  const add = (login: string | null | undefined, how: 'author' | 'committer' | 'co-author', sha: string) => {
    if (login && !out.has(login.toLowerCase())) out.set(login.toLowerCase(), { login, did: did(how, sha) });
  };
  for (const c of commits) {
    add(c.author, 'author', c.sha);
    add(c.committer, 'committer', c.sha);
    for (const t of c.co_authors) add(coAuthorLogin(t), 'co-author', c.sha);
  }
  return out;
}

/** Why the commits cannot be trusted to say who wrote the pull request (fail closed), or nothing. */
export function commitProblems(input: ApprovalInput): Reason[] {
  const problems: Reason[] = [];
  const { commit_count: count } = input.pull_request;
  if (input.commits.length < count || count > MAX_LISTED_COMMITS) {
    problems.push({
      vi:
        `Pull request có ${count} commit nhưng GitHub chỉ liệt kê được ${input.commits.length} (tối đa ${MAX_LISTED_COMMITS}): không biết chắc ai đã viết nó, nên không phê duyệt nào được tính. ` +
        `Chia thành các pull request nhỏ hơn (dưới ${MAX_LISTED_COMMITS} commit), hoặc gộp (squash) các commit.`,
      en:
        `The pull request has ${count} commits but GitHub lists only ${input.commits.length} (at most ${MAX_LISTED_COMMITS}): who wrote it cannot be known for sure, so no approval can count. ` +
        `Split it into smaller pull requests (under ${MAX_LISTED_COMMITS} commits), or squash its commits.`,
    });
  }
  const unknown = input.commits.filter((c) => !c.author || !c.committer);
  if (unknown.length > 0) {
    const shas = unknown.slice(0, 5).map((c) => shortSha(c.sha)).join(', ') + (unknown.length > 5 ? ` (+${unknown.length - 5})` : '');
    problems.push({
      vi:
        `GitHub không gắn được tác giả hoặc người đưa lên của commit ${shas} với tài khoản nào, nên không biết người duyệt có tự viết phần đó không. ` +
        'Người viết thêm địa chỉ e-mail của commit vào tài khoản GitHub của mình (Settings → Emails), hoặc làm lại commit từ tài khoản của mình.',
      en:
        `GitHub ties the author or committer of commit ${shas} to no account, so whether a reviewer wrote it cannot be known. ` +
        'The person who wrote it adds the commit’s e-mail address to their GitHub account (Settings → Emails), or makes the commit again from their account.',
    });
  }
  return problems;
}
