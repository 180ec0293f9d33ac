/**
 * What an editor may upload through the local CMS server: how large, which
 * names, and whether the bytes may be served. The allowlist itself — media
 * types told from the content, their extensions and size limits, safe SVG —
 * is defined once in src/lib/content/media-type.ts, which the content check and
 * the build apply to every file in public/ and which gives the CMS fields their
 * `max_file_size`. This module only adapts it to the local backend's requests:
 * uploads travel base64-encoded in the JSON body, one third larger.
 */
import { checkUploadedFile, LARGEST_UPLOAD, uploadLimits, UPLOAD_TYPES } from '../content/media-type.ts';
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

/**
 * The kind of file an upload folder holds: `public/media/` is where image
 * fields (and pictures in the text) upload, `public/files/` where attachment
 * fields do (the fields' `media_folder`, src/lib/cms/decap-fields.ts).
 */
export function folderKind(path: string): 'image' | 'document' | undefined {
  if (path.startsWith('public/media/')) return 'image';
  if (path.startsWith('public/files/')) return 'document';
  return undefined;
}

/**
 * Why the upload at `path` does not belong in its folder, or `undefined`: a PDF
 * chosen in an image field, an image attached as a document. Decap's media
 * dialog shows such a file nowhere yet saves it with the entry; the local
 * server refuses it with this message, which the CMS shows.
 */
export function checkUploadFolder(path: string): Bilingual | undefined {
  const wanted = folderKind(path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const extension = extensionOf(name);
  const type = UPLOAD_TYPES.find((t) => extension !== undefined && t.extensions.includes(extension));
  if (!wanted || !type || type.kind === wanted) return undefined;
  const accepted = uploadLimits(wanted).extensions.map((e) => `.${e}`).join(', ');
  return wanted === 'image'
    ? {
        vi: `Ô ảnh chỉ nhận ảnh (${accepted}): “${name}” là tài liệu. Tài liệu hãy đính kèm ở ô “Tệp đính kèm” của một văn bản; ở đây hãy chọn một tệp ảnh.`,
        en: `An image field takes only images (${accepted}): “${name}” is a document. Attach documents in the “Attachments” field of a document; here choose an image file.`,
      }
    : {
        vi: `Ô tệp đính kèm chỉ nhận tài liệu (${accepted}): “${name}” là ảnh. Ảnh hãy đặt ở một ô ảnh (ví dụ “Ảnh đại diện” của tin) hoặc chèn vào nội dung; ở đây hãy chọn một tài liệu.`,
        en: `An attachment field takes only documents (${accepted}): “${name}” is an image. Put images in an image field (for example a news item’s “Image”) or in the text; here choose a document.`,
      };
}
