/**
 * Publishes the archive as a GitHub Release tagged `site-<UTC time>-<short sha>`
 * at the published commit, with the archive's files as assets, uploaded in the
 * order given (the signature last). Running again for the same tag changes
 * nothing that is there: the release is reused and only missing assets are
 * uploaded (an asset left half-uploaded by an interrupted run is replaced).
 * Files that are valid only together — the manifest, the record and the
 * signature over both — are uploaded again all together when any of them is
 * missing: a record of one run beside a signature of another would not verify.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Octokit } from 'octokit';
import type { RepoRef } from '../github.ts';

export interface ReleaseRequest {
  tag: string;
  commit: string;
  name: string;
  body: string;
  /** Files to attach, by path, in upload order; the asset is named after the file. */
  files: string[];
  /** Asset names that are valid only together: if one is not complete on the Release, all are uploaded again. */
  together?: string[];
}

export interface ReleaseResult {
  url: string;
  created: boolean;
  uploaded: string[];
  kept: string[];
}

const ASSET_TYPES: Record<string, string> = {
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

async function releaseFor(octokit: Octokit, where: RepoRef, request: ReleaseRequest) {
  const existing = async () => {
    try {
      return (await octokit.rest.repos.getReleaseByTag({ ...where, tag: request.tag })).data;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  };
  const found = await existing();
  if (found) return { release: found, created: false };
  try {
    const { data } = await octokit.rest.repos.createRelease({
      ...where,
      tag_name: request.tag,
      target_commitish: request.commit,
      name: request.name,
      body: request.body,
      make_latest: 'false',
    });
    return { release: data, created: true };
  } catch (error) {
    // Another run created it in the meantime.
    const raced = (error as { status?: number }).status === 422 ? await existing() : undefined;
    if (raced) return { release: raced, created: false };
    throw error;
  }
}

export async function publishRelease(octokit: Octokit, where: RepoRef, request: ReleaseRequest): Promise<ReleaseResult> {
  const { release, created } = await releaseFor(octokit, where, request);
  const assets = await octokit.paginate(octokit.rest.repos.listReleaseAssets, { ...where, release_id: release.id, per_page: 100 });
  // On github.com assets go to uploads.github.com; the release says where (GitHub Enterprise, test servers).
  const uploadBase = release.upload_url.replace(/\/repos\/.*$/, '');
  const uploaded: string[] = [];
  const kept: string[] = [];
  const complete = (name: string) => assets.some((a) => a.name === name && a.state === 'uploaded');
  const together = new Set(request.together ?? []);
  const redoTogether = [...together].some((name) => !complete(name));
  for (const file of request.files) {
    const name = path.basename(file);
    const asset = assets.find((a) => a.name === name);
    if (asset?.state === 'uploaded' && !(redoTogether && together.has(name))) {
      kept.push(name);
      continue;
    }
    if (asset) await octokit.rest.repos.deleteReleaseAsset({ ...where, asset_id: asset.id });
    const data = await readFile(file);
    await octokit.rest.repos.uploadReleaseAsset({
      ...where,
      release_id: release.id,
      name,
      baseUrl: uploadBase,
      // octokit sends the bytes as they are; its type only names strings.
      data: data as unknown as string,
      headers: { 'content-type': ASSET_TYPES[path.extname(name)] ?? 'application/octet-stream', 'content-length': data.length },
    });
    uploaded.push(name);
  }
  return { url: release.html_url, created, uploaded, kept };
}
