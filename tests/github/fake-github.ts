/**
 * A local HTTP server that answers like api.github.com for the endpoints the
 * portal calls, with GitHub's own example responses as the shape of every
 * answer (tests/github/fixtures/github-examples.json, from GitHub's OpenAPI
 * description) and the state a test gives it. It records every request, so a
 * test can assert the calls that were made. Never the real API.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { components } from '@octokit/openapi-types';

type Schemas = components['schemas'];

const { examples } = JSON.parse(readFileSync(new URL('./fixtures/github-examples.json', import.meta.url), 'utf8')) as {
  examples: Record<string, unknown>;
};

/** A fresh copy of GitHub's example response for an operation. */
function example<T>(operation: string): T {
  const value = examples[operation];
  if (value === undefined) throw new Error(`no example response for ${operation}`);
  return structuredClone(value) as T;
}

export interface FakePull {
  number: number;
  author: string;
  title?: string;
  /** The head branch; `cms/pr-<number>` when not given. */
  head_ref?: string;
  /** Set once merged: by whom, when, and the merge (or squash) commit. */
  merged?: { by: string; at: string; commit: string };
  /** When it was opened (GitHub's `created_at`); the example's moment when not given. */
  created_at?: string;
  /** Set when closed without merging (rejected, or discarded in Decap CMS): when. */
  closed?: { at: string };
  /** The base branch's commit as GitHub last recorded it for the pull request (`base.sha`). */
  base_sha?: string;
  head_sha: string;
  base_ref: string;
  labels: string[];
  body: string | null;
  files: { filename: string; status: string; previous_filename?: string }[];
  reviews: { user: string; state: string; commit_id: string; submitted_at: string }[];
  /** Its commits, oldest first. */
  commits: FakeCommit[];
}

/** A commit of a pull request: the accounts of its author and committer (null: an e-mail GitHub ties to no account). */
export interface FakeCommit {
  sha: string;
  author: string | null;
  committer: string | null;
  message?: string;
}

/** GitHub lists at most this many commits of a pull request (REST “List commits on a pull request”). */
const LISTED_COMMITS = 250;

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface FakeGitHubState {
  owner: string;
  repo: string;
  /** The repository's default branch (GET /repos/{owner}/{repo}). */
  defaultBranch: string;
  visibility: 'public' | 'private' | 'internal';
  ownerType: 'Organization' | 'User';
  /** Whether the repository's plan offers push rulesets (Team or Enterprise, private or internal repositories). */
  pushRulesets: boolean;
  pulls: Map<number, FakePull>;
  /** The account the token belongs to (who opens a pull request); `octocat` when not given. */
  viewer?: string;
  /** File texts by `<ref>:<path>`; a ref is a branch name or a commit sha. */
  contents: Map<string, string>;
  checkRuns: Schemas['check-run'][];
  comments: Map<number, Schemas['issue-comment'][]>;
  labels: Schemas['label'][];
  protection: Map<string, Schemas['branch-protection']>;
  releases: Schemas['release'][];
  /** Uploaded release assets: release id → name → bytes. */
  assets: Map<number, Map<string, Buffer>>;
  /** Commit sha → pull request numbers that merged it. */
  commitPulls: Map<string, number[]>;
  environments: Map<string, Schemas['environment']>;
  /** Environment name → its custom deployment branch policies. */
  branchPolicies: Map<string, Schemas['deployment-branch-policy'][]>;
  rulesets: Schemas['repository-ruleset'][];
  /** Commit statuses, oldest first, with the commit each was posted on. */
  statuses: { sha: string; status: Schemas['status'] }[];
}

/** A commit status to add: what the pull request workflow (or anyone with a token) posts. */
export interface FakeStatus {
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description?: string;
  target_url?: string;
  /** Who posted it: `github-actions[bot]` for a workflow's GITHUB_TOKEN, a person's login for their own token. */
  creator?: string;
}

/** GitHub's most per page, and the most files it lists for one pull request. */
const MAX_PER_PAGE = 100;
export const MAX_LISTED_FILES = 3000;

type Handler = (
  match: RegExpMatchArray,
  req: { query: Record<string, string>; body: unknown; raw: Buffer; url: URL },
) => { status: number; body?: unknown; headers?: Record<string, string> };

/** One page of a list, with GitHub's `link` header to the next and last pages. */
function page<T>(items: T[], url: URL, query: Record<string, string>): { status: number; body: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Number(query.per_page ?? 30) || 30, MAX_PER_PAGE);
  const number = Math.max(Number(query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const at = (n: number) => {
    const u = new URL(url);
    u.searchParams.set('page', String(n));
    return u.toString();
  };
  const links = [...(number < last ? [`<${at(number + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`] : [])];
  return { status: 200, body: items.slice((number - 1) * perPage, number * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

export class FakeGitHub {
  readonly state: FakeGitHubState;
  readonly calls: RecordedCall[] = [];
  private server?: Server;
  private nextId = 1000;
  url = '';

  constructor(owner = 'bhxh-vietnam', repo = 'cong-thong-tin') {
    this.state = {
      owner,
      repo,
      defaultBranch: 'main',
      visibility: 'public',
      ownerType: 'Organization',
      pushRulesets: false,
      pulls: new Map(),
      contents: new Map(),
      checkRuns: [],
      comments: new Map(),
      labels: [],
      protection: new Map(),
      releases: [],
      assets: new Map(),
      commitPulls: new Map(),
      environments: new Map(),
      branchPolicies: new Map(),
      rulesets: [],
      statuses: [],
    };
  }

  /** Posts a commit status on `sha` (as POST /repos/{owner}/{repo}/statuses/{sha} would), in the `status` schema of @octokit/openapi-types. */
  addStatus(sha: string, st: FakeStatus): Schemas['status'] {
    const id = this.nextId++;
    const at = new Date(Date.UTC(2026, 10, 20, 2, 0, this.state.statuses.length)).toISOString().replace('.000Z', 'Z');
    const status: Schemas['status'] = {
      url: `${this.url}/repos/${this.state.owner}/${this.state.repo}/statuses/${sha}`,
      avatar_url: null,
      id,
      node_id: Buffer.from(`status:${id}`).toString('base64'),
      state: st.state,
      description: st.description ?? null,
      target_url: st.target_url ?? null,
      context: st.context,
      created_at: at,
      updated_at: at,
      creator: this.user(st.creator ?? 'github-actions[bot]'),
    };
    this.state.statuses.push({ sha, status });
    return status;
  }

  /** Calls other than reads: what a run changed. */
  writes(): RecordedCall[] {
    return this.calls.filter((c) => c.method !== 'GET');
  }

  private user(login: string): Schemas['simple-user'] {
    const u = example<Schemas['issue-comment']>('issues/create-comment').user!;
    return { ...u, login, id: this.idOf(login), type: login.endsWith('[bot]') ? 'Bot' : 'User', html_url: `https://github.com/${login}` };
  }

  private idOf(login: string): number {
    let h = 7;
    for (const c of login) h = (h * 31 + c.charCodeAt(0)) % 1_000_000;
    return h;
  }

  /** A commit as GitHub lists it (the `commit` schema of @octokit/openapi-types: GitHub's description has no example for this list). */
  private commit(c: FakeCommit): Schemas['commit'] {
    const api = `${this.url}/repos/${this.state.owner}/${this.state.repo}`;
    const gitUser = (login: string | null, role: string) => ({
      name: login ?? `Unlinked ${role}`,
      email: login ? `${this.idOf(login)}+${login}@users.noreply.github.com` : `${role}@unlinked.example`,
      date: '2026-11-20T01:00:00Z',
    });
    return {
      url: `${api}/commits/${c.sha}`,
      sha: c.sha,
      node_id: Buffer.from(`commit:${c.sha}`).toString('base64'),
      html_url: `https://github.com/${this.state.owner}/${this.state.repo}/commit/${c.sha}`,
      comments_url: `${api}/commits/${c.sha}/comments`,
      commit: {
        url: `${api}/git/commits/${c.sha}`,
        author: gitUser(c.author, 'author'),
        committer: gitUser(c.committer, 'committer'),
        message: c.message ?? 'Cập nhật nội dung',
        comment_count: 0,
        tree: { sha: c.sha.split('').reverse().join(''), url: `${api}/git/trees/${c.sha.split('').reverse().join('')}` },
        verification: { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null },
      },
      author: c.author === null ? null : this.user(c.author),
      committer: c.committer === null ? null : this.user(c.committer),
      parents: [],
    };
  }

  private label(name: string): Schemas['label'] {
    return this.state.labels.find((l) => l.name === name) ?? { ...example<Schemas['label']>('issues/create-label'), name, id: this.nextId++ };
  }

  /** Closed once merged or closed without merging; open until then. */
  private stateOf(p: FakePull): 'open' | 'closed' {
    return p.merged || p.closed ? 'closed' : 'open';
  }

  /** A pull request as GitHub answers for it (GET /pulls/{n}), from its state. */
  private pullBody(p: FakePull): Schemas['pull-request'] {
    const s = this.state;
    const body = example<Schemas['pull-request']>('pulls/get');
    body.number = p.number;
    body.user = this.user(p.author);
    body.head = { ...body.head, sha: p.head_sha, ref: p.head_ref ?? `cms/pr-${p.number}` };
    body.base = { ...body.base, ref: p.base_ref };
    body.changed_files = p.files.length;
    body.labels = p.labels.map((name) => this.label(name));
    body.body = p.body;
    body.html_url = `https://github.com/${s.owner}/${s.repo}/pull/${p.number}`;
    if (p.title !== undefined) body.title = p.title;
    body.state = this.stateOf(p);
    if (p.created_at !== undefined) body.created_at = p.created_at;
    body.closed_at = p.merged?.at ?? p.closed?.at ?? null;
    body.merged = p.merged !== undefined;
    body.merged_at = p.merged?.at ?? null;
    body.merged_by = p.merged ? this.user(p.merged.by) : null;
    body.merge_commit_sha = p.merged?.commit ?? null;
    body.commits = p.commits.length;
    return body;
  }

  private routes(): [string, RegExp, Handler][] {
    const s = this.state;
    const repo = `/repos/${s.owner}/${s.repo}`;
    const esc = repo.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const pull = (n: string) => {
      const p = s.pulls.get(Number(n));
      if (!p) throw new NotFound();
      return p;
    };
    return [
      ['GET', new RegExp(`^${esc}/pulls/(\\d+)$`), ([, n]) => ({ status: 200, body: this.pullBody(pull(n!)) })],
      // Opening a pull request (npm run report -- --propose): by the token's account, `viewer`.
      ['POST', new RegExp(`^${esc}/pulls$`), (_m, { body }) => {
        const b = body as { head: string; base: string; title: string; body?: string };
        const number = Math.max(0, ...s.pulls.keys()) + 1;
        const p: FakePull = { number, author: s.viewer ?? 'octocat', title: b.title, head_ref: b.head, head_sha: '0'.repeat(40), base_ref: b.base, labels: [], body: b.body ?? null, files: [], reviews: [], commits: [] };
        s.pulls.set(number, p);
        return { status: 201, body: this.pullBody(p) };
      }],
      // Paginated like GitHub (per_page up to 100, a Link header to the next page), and cut at 250 commits.
      ['GET', new RegExp(`^${esc}/pulls/(\\d+)/commits$`), ([, n], { query, url }) =>
        page(pull(n!).commits.slice(0, LISTED_COMMITS).map((c) => this.commit(c)), url, query)],
      // GitHub lists at most 3,000 files of a pull request, 100 a page; `changed_files` (above) counts them all.
      ['GET', new RegExp(`^${esc}/pulls/(\\d+)/files$`), ([, n], { query, url }) => {
        const template = example<Schemas['diff-entry'][]>('pulls/list-files')[0]!;
        const files = pull(n!).files.slice(0, MAX_LISTED_FILES).map((f) => ({ ...template, ...f, sha: `sha-${f.filename}` }));
        return page(files, url, query);
      }],
      ['GET', new RegExp(`^${esc}/pulls$`), (_m, { query, url }) => {
        const template = example<Schemas['pull-request-simple'][]>('pulls/list')[0]!;
        const state = query.state ?? 'open';
        const pulls = [...s.pulls.values()]
          .filter((p) => state === 'all' || this.stateOf(p) === state)
          .filter((p) => query.base === undefined || p.base_ref === query.base)
          .map((p) => ({
            ...template,
            number: p.number,
            title: p.title ?? template.title,
            user: this.user(p.author),
            state: this.stateOf(p),
            body: p.body,
            created_at: p.created_at ?? template.created_at,
            updated_at: p.merged?.at ?? p.closed?.at ?? p.created_at ?? template.updated_at,
            closed_at: p.merged?.at ?? p.closed?.at ?? null,
            merged_at: p.merged?.at ?? null,
            merge_commit_sha: p.merged?.commit ?? null,
            html_url: `https://github.com/${s.owner}/${s.repo}/pull/${p.number}`,
            labels: p.labels.map((name) => this.label(name)),
            head: { ...template.head, sha: p.head_sha, ref: p.head_ref ?? `cms/pr-${p.number}`, label: `${s.owner}:${p.head_ref ?? `cms/pr-${p.number}`}` },
            base: { ...template.base, ref: p.base_ref, label: `${s.owner}:${p.base_ref}`, ...(p.base_sha ? { sha: p.base_sha } : {}) },
          }));
        return page(pulls, url, query);
      }],
      ['GET', new RegExp(`^${esc}$`), () => {
        const body = example<Schemas['full-repository']>('repos/get');
        body.name = s.repo;
        body.full_name = `${s.owner}/${s.repo}`;
        body.owner = { ...body.owner, login: s.owner, type: s.ownerType };
        body.default_branch = s.defaultBranch;
        body.visibility = s.visibility;
        body.private = s.visibility !== 'public';
        body.html_url = `https://github.com/${s.owner}/${s.repo}`;
        return { status: 200, body };
      }],
      ['GET', new RegExp(`^${esc}/pulls/(\\d+)/reviews$`), ([, n]) => {
        const template = example<Schemas['pull-request-review'][]>('pulls/list-reviews')[0]!;
        return {
          status: 200,
          body: pull(n!).reviews.map((r) => ({ ...template, id: this.nextId++, user: this.user(r.user), state: r.state, commit_id: r.commit_id, submitted_at: r.submitted_at })),
        };
      }],
      ['GET', new RegExp(`^${esc}/contents/(.+)$`), ([, p], { query }) => {
        const path = decodeURIComponent(p!);
        const text = s.contents.get(`${query.ref ?? 'main'}:${path}`);
        if (text === undefined) throw new NotFound();
        const body = example<Schemas['content-file']>('repos/get-content');
        return { status: 200, body: { ...body, name: path.split('/').pop()!, path, size: Buffer.byteLength(text), encoding: 'base64', content: Buffer.from(text).toString('base64') } };
      }],
      ['POST', new RegExp(`^${esc}/check-runs$`), (_m, { body }) => {
        const run = { ...example<Schemas['check-run']>('checks/create'), ...(body as object), id: this.nextId++ } as Schemas['check-run'];
        s.checkRuns.push(run);
        return { status: 201, body: run };
      }],
      ['GET', new RegExp(`^${esc}/issues/(\\d+)/comments$`), ([, n]) => ({ status: 200, body: s.comments.get(Number(n)) ?? [] })],
      ['POST', new RegExp(`^${esc}/issues/(\\d+)/comments$`), ([, n], { body }) => {
        const comment = { ...example<Schemas['issue-comment']>('issues/create-comment'), id: this.nextId++, body: (body as { body: string }).body, user: this.user('github-actions[bot]') };
        s.comments.set(Number(n), [...(s.comments.get(Number(n)) ?? []), comment]);
        return { status: 201, body: comment };
      }],
      ['PATCH', new RegExp(`^${esc}/issues/comments/(\\d+)$`), ([, id], { body }) => {
        const comment = [...s.comments.values()].flat().find((c) => c.id === Number(id));
        if (!comment) throw new NotFound();
        comment.body = (body as { body: string }).body;
        return { status: 200, body: comment };
      }],
      ['POST', new RegExp(`^${esc}/issues/(\\d+)/labels$`), ([, n], { body }) => {
        const p = pull(n!);
        for (const name of (body as { labels: string[] }).labels) if (!p.labels.includes(name)) p.labels.push(name);
        return { status: 200, body: p.labels.map((name) => this.label(name)) };
      }],
      ['GET', new RegExp(`^${esc}/branches/([^/]+)/protection$`), ([, branch]) => {
        const p = s.protection.get(decodeURIComponent(branch!));
        if (!p) return { status: 404, body: { message: 'Branch not protected', documentation_url: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection', status: '404' } };
        return { status: 200, body: p };
      }],
      ['PUT', new RegExp(`^${esc}/branches/([^/]+)/protection$`), ([, branch], { body }) => {
        const name = decodeURIComponent(branch!);
        const stored = protectionFromRequest(example<Schemas['branch-protection']>('repos/get-branch-protection'), body as ProtectionRequest, `https://api.github.com${repo}/branches/${name}/protection`, (login) => this.user(login));
        s.protection.set(name, stored);
        return { status: 200, body: stored };
      }],
      ['GET', new RegExp(`^${esc}/environments/([^/]+)$`), ([, name]) => {
        const environment = s.environments.get(decodeURIComponent(name!));
        if (!environment) throw new NotFound();
        return { status: 200, body: environment };
      }],
      ['PUT', new RegExp(`^${esc}/environments/([^/]+)$`), ([, encoded], { body }) => {
        const name = decodeURIComponent(encoded!);
        const b = (body ?? {}) as { deployment_branch_policy?: Schemas['deployment-branch-policy-settings'] };
        const policy = b.deployment_branch_policy ?? null;
        if (policy && policy.protected_branches === policy.custom_branch_policies) {
          return { status: 422, body: { message: 'Validation Failed', errors: ['protected_branches and custom_branch_policies cannot have the same value'] } };
        }
        const environment = {
          ...example<Schemas['environment']>('repos/get-environment'),
          ...(s.environments.get(name) ?? { id: this.nextId++ }),
          name,
          url: `https://api.github.com/repos/${s.owner}/${s.repo}/environments/${name}`,
          protection_rules: [],
          deployment_branch_policy: policy,
        };
        s.environments.set(name, environment);
        if (!policy?.custom_branch_policies) s.branchPolicies.delete(name);
        return { status: 200, body: environment };
      }],
      // 404 unless the environment uses custom branch policies, as GitHub answers.
      ['GET', new RegExp(`^${esc}/environments/([^/]+)/deployment-branch-policies$`), ([, encoded], { query, url }) => {
        const name = decodeURIComponent(encoded!);
        if (!s.environments.get(name)?.deployment_branch_policy?.custom_branch_policies) throw new NotFound();
        const all = s.branchPolicies.get(name) ?? [];
        const one = page(all, url, query);
        return { ...one, body: { total_count: all.length, branch_policies: one.body } };
      }],
      ['POST', new RegExp(`^${esc}/environments/([^/]+)/deployment-branch-policies$`), ([, encoded], { body }) => {
        const name = decodeURIComponent(encoded!);
        if (!s.environments.get(name)?.deployment_branch_policy?.custom_branch_policies) throw new NotFound();
        const b = body as { name: string; type?: 'branch' | 'tag' };
        const policy = { ...example<Schemas['deployment-branch-policy']>('repos/create-deployment-branch-policy'), id: this.nextId++, name: b.name, type: b.type ?? 'branch' };
        s.branchPolicies.set(name, [...(s.branchPolicies.get(name) ?? []), policy]);
        return { status: 200, body: policy };
      }],
      ['DELETE', new RegExp(`^${esc}/environments/([^/]+)/deployment-branch-policies/(\\d+)$`), ([, encoded, id]) => {
        const name = decodeURIComponent(encoded!);
        const all = s.branchPolicies.get(name) ?? [];
        if (!all.some((p) => p.id === Number(id))) throw new NotFound();
        s.branchPolicies.set(name, all.filter((p) => p.id !== Number(id)));
        return { status: 204 };
      }],
      ['GET', new RegExp(`^${esc}/rulesets$`), (_m, { query, url }) => {
        const template = example<Schemas['repository-ruleset'][]>('repos/get-repo-rulesets')[0]!;
        // The list gives each ruleset without its rules, conditions and bypass actors.
        const summaries = s.rulesets.map(({ id, name, target, enforcement, node_id, created_at, updated_at }) => ({ ...template, id, name, target, enforcement, node_id, created_at, updated_at, source: `${s.owner}/${s.repo}` }));
        return page(summaries, url, query);
      }],
      ['GET', new RegExp(`^${esc}/rulesets/(\\d+)$`), ([, id]) => {
        const ruleset = s.rulesets.find((r) => r.id === Number(id));
        if (!ruleset) throw new NotFound();
        return { status: 200, body: ruleset };
      }],
      ['POST', new RegExp(`^${esc}/rulesets$`), (_m, { body }) => this.saveRuleset(undefined, body as Partial<Schemas['repository-ruleset']>)],
      ['PUT', new RegExp(`^${esc}/rulesets/(\\d+)$`), ([, id], { body }) => {
        const ruleset = s.rulesets.find((r) => r.id === Number(id));
        if (!ruleset) throw new NotFound();
        return this.saveRuleset(ruleset, body as Partial<Schemas['repository-ruleset']>);
      }],
      ['GET', new RegExp(`^${esc}/labels$`), () => ({ status: 200, body: s.labels })],
      ['POST', new RegExp(`^${esc}/labels$`), (_m, { body }) => {
        const b = body as { name: string; color: string; description?: string };
        if (s.labels.some((l) => l.name === b.name)) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] } };
        const label = { ...example<Schemas['label']>('issues/create-label'), id: this.nextId++, name: b.name, color: b.color, description: b.description ?? null };
        s.labels.push(label);
        return { status: 201, body: label };
      }],
      ['PATCH', new RegExp(`^${esc}/labels/(.+)$`), ([, name], { body }) => {
        const label = s.labels.find((l) => l.name === decodeURIComponent(name!));
        if (!label) throw new NotFound();
        Object.assign(label, body);
        return { status: 200, body: label };
      }],
      ['GET', new RegExp(`^${esc}/commits/([0-9a-f]+)/pulls$`), ([, sha]) => {
        const numbers = s.commitPulls.get(sha!) ?? [];
        const template = example<Schemas['pull-request-simple'][]>('repos/list-pull-requests-associated-with-commit')[0]!;
        return {
          status: 200,
          body: numbers.map((number) => {
            const p = s.pulls.get(number);
            return {
              ...template,
              number,
              user: this.user(p?.author ?? 'octocat'),
              title: p?.title ?? template.title,
              html_url: `https://github.com/${s.owner}/${s.repo}/pull/${number}`,
              state: p?.merged ? 'closed' : 'open',
              merged_at: p?.merged?.at ?? null,
              merge_commit_sha: p?.merged?.commit ?? null,
            };
          }),
        };
      }],
      // Newest first, like GitHub (REST “List commit statuses for a reference”); no example in GitHub's description.
      ['GET', new RegExp(`^${esc}/commits/([^/]+)/statuses$`), ([, ref], { query, url }) => {
        const sha = decodeURIComponent(ref!);
        return page(s.statuses.filter((x) => x.sha === sha).map((x) => x.status).reverse(), url, query);
      }],
      // GitHub's description has no example for this list: it is { total_count, check_runs } of check-run objects.
      ['GET', new RegExp(`^${esc}/commits/([^/]+)/check-runs$`), ([, ref], { query }) => {
        const runs = s.checkRuns.filter((r) => r.head_sha === decodeURIComponent(ref!) && (query.check_name === undefined || r.name === query.check_name));
        return { status: 200, body: { total_count: runs.length, check_runs: runs } };
      }],
      ['POST', new RegExp(`^${esc}/releases$`), (_m, { body }) => {
        const b = body as { tag_name: string; name?: string; body?: string; target_commitish?: string };
        if (s.releases.some((r) => r.tag_name === b.tag_name)) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] } };
        const id = this.nextId++;
        const release = {
          ...example<Schemas['release']>('repos/create-release'),
          id,
          tag_name: b.tag_name,
          name: b.name ?? b.tag_name,
          body: b.body ?? null,
          target_commitish: b.target_commitish ?? 'main',
          html_url: `https://github.com/${s.owner}/${s.repo}/releases/tag/${b.tag_name}`,
          assets: [],
          upload_url: `${this.url}/repos/${s.owner}/${s.repo}/releases/${id}/assets{?name,label}`,
        };
        s.releases.push(release);
        return { status: 201, body: release };
      }],
      ['GET', new RegExp(`^${esc}/releases/tags/(.+)$`), ([, tag]) => {
        const release = s.releases.find((r) => r.tag_name === decodeURIComponent(tag!));
        if (!release) throw new NotFound();
        return { status: 200, body: release };
      }],
      ['GET', new RegExp(`^${esc}/releases/(\\d+)/assets$`), ([, id]) => {
        const release = s.releases.find((r) => r.id === Number(id));
        if (!release) throw new NotFound();
        return { status: 200, body: release.assets };
      }],
      ['DELETE', new RegExp(`^${esc}/releases/assets/(\\d+)$`), ([, id]) => {
        const release = s.releases.find((r) => r.assets.some((a) => a.id === Number(id)));
        if (!release) throw new NotFound();
        const asset = release.assets.find((a) => a.id === Number(id))!;
        release.assets = release.assets.filter((a) => a !== asset);
        s.assets.get(release.id)?.delete(asset.name);
        return { status: 204 };
      }],
      ['POST', new RegExp(`^${esc}/releases/(\\d+)/assets$`), ([, id], { query, raw }) => {
        const release = s.releases.find((r) => r.id === Number(id));
        if (!release) throw new NotFound();
        const name = query.name!;
        const files = s.assets.get(release.id) ?? new Map<string, Buffer>();
        if (files.has(name)) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] } };
        files.set(name, raw);
        s.assets.set(release.id, files);
        const asset = { ...example<Schemas['release-asset']>('repos/upload-release-asset'), id: this.nextId++, name, size: raw.length };
        release.assets.push(asset);
        return { status: 201, body: asset };
      }],
    ];
  }

  /**
   * Creates or updates a ruleset. A push ruleset on a repository whose plan
   * lacks push rulesets is refused with 422 (GitHub refuses it; the exact
   * wording of its message is not documented).
   */
  private saveRuleset(existing: Schemas['repository-ruleset'] | undefined, body: Partial<Schemas['repository-ruleset']>): { status: number; body: unknown } {
    const s = this.state;
    if ((body.target ?? existing?.target) === 'push' && !s.pushRulesets) {
      return { status: 422, body: { message: 'Validation Failed', errors: ['Push rulesets are not available for this repository'], documentation_url: 'https://docs.github.com/rest/repos/rules' } };
    }
    const ruleset = { ...example<Schemas['repository-ruleset']>('repos/create-repo-ruleset'), ...existing, ...body, id: existing?.id ?? this.nextId++, source: `${s.owner}/${s.repo}` } as Schemas['repository-ruleset'];
    if (!body.conditions && !existing?.conditions) delete ruleset.conditions;
    s.rulesets = [...s.rulesets.filter((r) => r.id !== ruleset.id), ruleset];
    return { status: existing ? 200 : 201, body: ruleset };
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.url);
    const query = Object.fromEntries(url.searchParams);
    const type = req.headers['content-type'] ?? '';
    const body = raw.length > 0 && type.includes('json') ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined;
    this.calls.push({ method: req.method ?? 'GET', path: url.pathname, query, body });
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3; format=json', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    if (!req.headers.authorization) return send(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });
    for (const [method, pattern, handler] of this.routes()) {
      if (method !== req.method) continue;
      const match = url.pathname.match(pattern);
      if (!match) continue;
      try {
        const out = handler(match, { query, body, raw, url });
        return send(out.status, out.body, out.headers);
      } catch (error) {
        if (error instanceof NotFound) return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
        throw error;
      }
    }
    send(404, { message: `Not Found (the fake GitHub has no ${req.method} ${url.pathname})`, documentation_url: 'https://docs.github.com/rest' });
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

class NotFound extends Error {}

/** The body of PUT …/branches/{branch}/protection (the subset the portal sends). */
export interface ProtectionRequest {
  required_status_checks: { strict: boolean; checks: { context: string; app_id?: number }[] } | null;
  enforce_admins: boolean | null;
  required_pull_request_reviews: {
    dismiss_stale_reviews?: boolean;
    require_code_owner_reviews?: boolean;
    required_approving_review_count?: number;
    require_last_push_approval?: boolean;
    dismissal_restrictions?: { users?: string[]; teams?: string[]; apps?: string[] };
  } | null;
  restrictions: null;
  allow_force_pushes?: boolean;
  allow_deletions?: boolean;
  required_linear_history?: boolean;
  required_conversation_resolution?: boolean;
}

/** What GitHub answers to GET protection after a PUT with `request`, shaped like its example response. */
function protectionFromRequest(template: Schemas['branch-protection'], request: ProtectionRequest, url: string, user: (login: string) => Schemas['simple-user']): Schemas['branch-protection'] {
  const out: Schemas['branch-protection'] = { url, required_signatures: template.required_signatures };
  if (request.required_status_checks) {
    out.required_status_checks = {
      url: `${url}/required_status_checks`,
      strict: request.required_status_checks.strict,
      contexts: request.required_status_checks.checks.map((c) => c.context),
      checks: request.required_status_checks.checks.map((c) => ({ context: c.context, app_id: c.app_id ?? null })),
      contexts_url: `${url}/required_status_checks/contexts`,
    };
  }
  out.enforce_admins = { url: `${url}/enforce_admins`, enabled: request.enforce_admins === true };
  if (request.required_pull_request_reviews) {
    const r = request.required_pull_request_reviews;
    out.required_pull_request_reviews = {
      url: `${url}/required_pull_request_reviews`,
      dismiss_stale_reviews: r.dismiss_stale_reviews ?? false,
      require_code_owner_reviews: r.require_code_owner_reviews ?? false,
      required_approving_review_count: r.required_approving_review_count ?? 0,
      require_last_push_approval: r.require_last_push_approval ?? false,
    };
    // An empty object lifts the restriction; lists (even empty ones) set it. Teams and apps are not modelled.
    const d = r.dismissal_restrictions;
    if (d && (d.users || d.teams || d.apps)) {
      if ((d.teams?.length ?? 0) > 0 || (d.apps?.length ?? 0) > 0) throw new Error('the fake GitHub models dismissal restrictions for users only');
      out.required_pull_request_reviews.dismissal_restrictions = {
        url: `${url}/dismissal_restrictions`,
        users_url: `${url}/dismissal_restrictions/users`,
        teams_url: `${url}/dismissal_restrictions/teams`,
        users: (d.users ?? []).map(user),
        teams: [],
        apps: [],
      };
    }
  }
  out.allow_force_pushes = { enabled: request.allow_force_pushes === true };
  out.allow_deletions = { enabled: request.allow_deletions === true };
  out.required_linear_history = { enabled: request.required_linear_history === true };
  out.required_conversation_resolution = { enabled: request.required_conversation_resolution === true };
  out.lock_branch = { enabled: false };
  out.allow_fork_syncing = { enabled: false };
  return out;
}
