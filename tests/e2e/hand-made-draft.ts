/**
 * A draft branch written with git straight into the editorial sandbox, as
 * decap-server would have written it (`cms/<collection>/<slug>`, its status
 * in the branch's description) but without going through the CMS: a draft
 * saved before the save check existed, or edited by hand. The local backend
 * refuses to save a broken entry, so tests of the publication gate make their
 * broken drafts this way. The working tree and the checked-out branch are
 * left alone (a temporary index).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface HandMadeDraft {
  collection: string;
  slug: string;
  /** Repository path → the file's new text. */
  files: Record<string, string>;
  /** Repository path → where a symbolic link there points (what a hand-made branch may hold). */
  links?: Record<string, string>;
  /** The workflow column: decap-server keeps it as `decap-cms/<status>`. */
  status?: 'draft' | 'pending_review' | 'pending_publish';
  /** The branch the draft starts from. */
  from?: string;
}

export function writeDraftBranch(repo: string, draft: HandMadeDraft): string {
  const branch = `cms/${draft.collection}/${draft.slug}`;
  const scratch = mkdtempSync(path.join(tmpdir(), 'hand-made-draft-'));
  const env = {
    ...process.env,
    GIT_INDEX_FILE: path.join(scratch, 'index'),
    GIT_AUTHOR_NAME: 'Hand-made draft',
    GIT_AUTHOR_EMAIL: 'draft@localhost',
    GIT_COMMITTER_NAME: 'Hand-made draft',
    GIT_COMMITTER_EMAIL: 'draft@localhost',
  };
  const git = (args: string[], input?: string) => {
    const r = spawnSync('git', args, { cwd: repo, env, input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  try {
    const from = draft.from ?? 'main';
    git(['read-tree', from]);
    for (const [file, text] of Object.entries(draft.files)) {
      const blob = git(['hash-object', '-w', '--stdin'], text);
      git(['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`]);
    }
    for (const [file, target] of Object.entries(draft.links ?? {})) {
      const blob = git(['hash-object', '-w', '--stdin'], target);
      git(['update-index', '--add', '--cacheinfo', `120000,${blob},${file}`]);
    }
    const commit = git(['commit-tree', git(['write-tree']), '-p', from, '-m', `Update ${draft.collection} “${draft.slug}” (by hand)`]);
    git(['update-ref', `refs/heads/${branch}`, commit]);
    git(['config', `branch.${branch}.description`, `decap-cms/${draft.status ?? 'pending_publish'}`]);
    return branch;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
