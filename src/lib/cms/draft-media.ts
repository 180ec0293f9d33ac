/**
 * Thumbnails of files uploaded with a draft. Decap CMS stores an uploaded
 * image as its public address (`/media/anh.png`) and, since that address is
 * absolute, shows it by loading it from the site — which is built from the
 * published branch only, so an image saved with a draft (on its `cms/…`
 * branch) answered 404 in the editor. `npm start` answers such an address
 * from the drafts (scripts/lib/draft-media.ts) when the built site has no
 * file there; this module decides which addresses qualify and how the bytes
 * are answered.
 */
import { checkUploadedFile, sniffMediaType } from '../content/media-type.ts';
import { inspectRepoPath } from './repo-path.ts';
import { folderKind } from './uploads.ts';

/** The repository path of a site address in an upload folder (`/media/a.png` → `public/media/a.png`), or undefined. */
export function draftMediaPath(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/')) return undefined;
  const candidate = `public${decoded}`;
  const inspected = inspectRepoPath(candidate);
  if (inspected.problem || inspected.plain !== candidate) return undefined;
  return folderKind(candidate) ? candidate : undefined;
}

/** How a draft's file is answered: only bytes the content check would accept, typed by their content, never sniffed or run. */
export function draftMediaResponse(repoPath: string, bytes: Uint8Array): { type: string; headers: Record<string, string> } | undefined {
  if (checkUploadedFile(repoPath, bytes).length > 0) return undefined;
  const type = sniffMediaType(bytes);
  if (!type) return undefined;
  return {
    type,
    headers: {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      // An SVG opened on its own runs nothing; the CMS only shows it in <img>.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'Cache-Control': 'no-store',
    },
  };
}
