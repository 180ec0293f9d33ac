/**
 * `npm start`: answers the site addresses of files uploaded with a draft
 * (`/media/…`, `/files/…`) from the drafts' `cms/…` branches of the sandbox,
 * when the built site (the published branch) has no such file, so the CMS
 * shows the thumbnail of an image just saved with a draft. Mounted after the
 * site's static files; which addresses qualify and how they are answered is
 * src/lib/cms/draft-media.ts.
 */
import { spawnSync } from 'node:child_process';
import type { RequestHandler } from 'express';
import { LARGEST_UPLOAD } from '../../src/lib/content/media-type.ts';
import { draftMediaPath, draftMediaResponse } from '../../src/lib/cms/draft-media.ts';

/** The file at `repoPath` on the most recently changed draft branch that has one. */
export function readFromDrafts(repo: string, repoPath: string): Buffer | undefined {
  const refs = spawnSync('git', ['for-each-ref', '--sort=-committerdate', '--format=%(refname)', 'refs/heads/cms/'], { cwd: repo, encoding: 'utf8' });
  if (refs.status !== 0) return undefined;
  for (const ref of refs.stdout.split('\n').filter(Boolean)) {
    const blob = spawnSync('git', ['cat-file', 'blob', `${ref}:${repoPath}`], { cwd: repo, maxBuffer: LARGEST_UPLOAD + 1 });
    if (blob.status === 0) return blob.stdout;
  }
  return undefined;
}

export function draftMedia(repo: string): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const repoPath = draftMediaPath(req.path);
    const bytes = repoPath ? readFromDrafts(repo, repoPath) : undefined;
    const answer = repoPath && bytes ? draftMediaResponse(repoPath, bytes) : undefined;
    if (!answer) return next();
    res.status(200).set(answer.headers).send(bytes);
  };
}
