/**
 * Decap CMS's local backend (decap-server in git mode) mounted at /api/v1 on
 * the portal's own server: entries under review live on `cms/…` branches of
 * `repo`, and publishing merges them into its published branch.
 */
import type { Express } from 'express';
import decapServer from 'decap-server/dist/middlewares.js';

export async function decapRepoMiddleware(app: Express, repo: string): Promise<void> {
  // decap-server reads the repository folder from the environment.
  process.env.GIT_REPO_DIRECTORY = repo;
  await decapServer.registerLocalGit(app, { logLevel: process.env.LOG_LEVEL ?? 'warn' });
}
