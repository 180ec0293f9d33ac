/**
 * What an editor may upload through the local CMS server: how large, which
 * names, and whether the bytes may be served. The allowlist itself — media
 * types told from the content, their extensions and size limits, safe SVG —
 * is defined once in src/lib/content/media-type.ts, which the content check and
 * the build apply to every file in public/ and which gives the CMS fields their
 * `max_file_size`. This module only adapts it to the local backend's requests:
 * uploads travel base64-encoded in the JSON body, one third larger.
 */
import { checkUploadedFile, LARGEST_UPLOAD, UPLOAD_TYPES } from '../content/media-type.ts';
import type { Bilingual } from '../schema/fields.ts';

/** The largest file an editor may upload, and the most the uploads of one entry may weigh together (Decap sends them all with each save). */
export const MAX_UPLOAD_BYTES = LARGEST_UPLOAD;

/** Room for an entry's text and the request's JSON around the uploads. */
const TEXT_ALLOWANCE_BYTES = 1024 * 1024;

/** Length of `bytes` bytes once base64-encoded. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** The largest request body the local backend reads. */
export const MAX_REQUEST_BYTES = base64Length(MAX_UPLOAD_BYTES) + TEXT_ALLOWANCE_BYTES;

/** “25 MB”, “1,2 MB” / “1.2 MB”, rounded up (a request just over a limit never reads as the limit). */
export function megabytes(bytes: number): Bilingual {
  const mb = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return { vi: `${String(mb).replace('.', ',')} MB`, en: `${mb} MB` };
}

/** Every extension of the allowlist, lower case. */
export const uploadExtensions: readonly string[] = UPLOAD_TYPES.flatMap((t) => t.extensions);

const allowedList = uploadExtensions.map((e) => `.${e}`).join(', ');

function extensionOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
}

/** Why the name `name` (a plain file name, see repo-path.ts) cannot be uploaded, or `undefined`. */
export function checkUploadName(name: string): Bilingual | undefined {
  const extension = extensionOf(name);
  if (extension === undefined) {
    return {
      vi: `Tệp tải lên “${name}” không có phần mở rộng cho biết loại tệp. Chỉ nhận: ${allowedList}.`,
      en: `The upload “${name}” has no extension saying what kind of file it is. Accepted: ${allowedList}.`,
    };
  }
  if (!uploadExtensions.includes(extension)) {
    return {
      vi: `Không nhận tệp loại .${extension} (“${name}”): chỉ nhận ảnh và tài liệu ${allowedList}. HTML và chương trình có thể chạy mã trên cổng nên không được nhận; hãy chuyển sang PNG hoặc PDF.`,
      en: `Files of type .${extension} (“${name}”) are not accepted: only the images and documents ${allowedList}. HTML and programs can run code on the portal, so they are refused; convert to PNG or PDF.`,
    };
  }
  return undefined;
}

/**
 * Why the upload at `path` (in the repository, e.g. `public/media/uploads/a.png`)
 * with content `bytes` may not be written, or `undefined`: the same judgement
 * the content check makes of every file in public/ (checkUploadedFile).
 */
export function checkUploadBytes(path: string, bytes: Uint8Array): Bilingual | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (bytes.length === 0) {
    return { vi: `Tệp tải lên “${name}” rỗng (0 byte).`, en: `The upload “${name}” is empty (0 bytes).` };
  }
  const issues = checkUploadedFile(path, bytes);
  if (issues.length === 0) return undefined;
  return { vi: issues.map((i) => i.vi).join(' '), en: issues.map((i) => i.en).join(' ') };
}
