/**
 * An octokit client for the portal's GitHub tools. The API address comes from
 * GITHUB_API_URL (set by GitHub Actions, and by tests to a local server), the
 * token from GITHUB_TOKEN or GH_TOKEN.
 */
import { Octokit } from 'octokit';

export interface RepoRef {
  owner: string;
  repo: string;
}

export function parseRepo(text: string | undefined): RepoRef {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text ?? '');
  if (!m) throw new Error(`Cần kho dạng chủ/tên (--repo owner/name), nhận được “${text ?? ''}” / Expected --repo owner/name, got “${text ?? ''}”.`);
  return { owner: m[1]!, repo: m[2]! };
}

export function githubClient(env: NodeJS.ProcessEnv = process.env): Octokit {
  const auth = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  if (!auth) throw new Error('Cần mã truy cập GitHub trong GITHUB_TOKEN / A GitHub token is needed in GITHUB_TOKEN.');
  return new Octokit({
    auth,
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    userAgent: 'cong-thong-tin-portal',
    // Retries and rate-limit waits are for the real API; a test server answers at once.
    retry: { enabled: env.GITHUB_API_URL === undefined || env.GITHUB_API_URL.startsWith('https://') },
    throttle: { enabled: false },
  });
}

/** The text of a file at `ref`, or null when it does not exist there. */
export async function fileAt(octokit: Octokit, where: RepoRef, path: string, ref: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...where, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}
