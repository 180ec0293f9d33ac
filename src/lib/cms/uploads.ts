/**
 * What an editor may upload through the CMS: how large, which kinds of file,
 * and whether the bytes are what the name says.
 *
 * The size is defined once here: Decap's file and image fields refuse larger
 * files as the editor picks them (`max_file_size`, decap-fields.ts), and the
 * local backend refuses larger requests (uploads travel base64-encoded in the
 * JSON body, one third larger).
 *
 * The bytes check is deliberately small — the signature of each allowed kind
 * — and lives in one function, `checkUploadBytes`, where the portal's full
 * content sniffer plugs in.
 */
import type { Bilingual } from '../schema/fields.ts';

/** The largest file an editor may upload, and the most the uploads of one entry may weigh together (Decap sends them all with each save). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Room for an entry's text and the request's JSON around the uploads. */
const TEXT_ALLOWANCE_BYTES = 1024 * 1024;

/** Length of `bytes` bytes once base64-encoded. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** The largest request body the local backend reads. */
export const MAX_REQUEST_BYTES = base64Length(MAX_UPLOAD_BYTES) + TEXT_ALLOWANCE_BYTES;

/** “25 MB”, “1,2 MB” / “1.2 MB”, rounded up (a file just over a limit never reads as the limit). */
export function megabytes(bytes: number): Bilingual {
  const mb = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return { vi: `${String(mb).replace('.', ',')} MB`, en: `${mb} MB` };
}

interface UploadKind {
  /** What the kind is called in messages. */
  name: Bilingual;
  /** Whether `bytes` start like a file of this kind. */
  signature: (bytes: Uint8Array) => boolean;
}

function startsWith(bytes: Uint8Array, ...expected: number[]): boolean {
  return expected.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  return [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));
}

const jpeg: UploadKind = { name: { vi: 'ảnh JPEG', en: 'a JPEG image' }, signature: (b) => startsWith(b, 0xff, 0xd8, 0xff) };
/** Office Open XML and OpenDocument files are ZIP archives. */
const zipDocument = (name: Bilingual): UploadKind => ({ name, signature: (b) => startsWith(b, 0x50, 0x4b, 0x03, 0x04) });
/** Word 97–2003, Excel 97–2003, PowerPoint 97–2003: OLE compound files. */
const oleDocument = (name: Bilingual): UploadKind => ({ name, signature: (b) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1) });

/**
 * The kinds of file the CMS accepts, by extension: raster images and
 * documents. Not SVG or HTML (they can carry script that would run on the
 * portal's address), not archives or programs.
 */
export const uploadKinds: Readonly<Record<string, UploadKind>> = {
  jpg: jpeg,
  jpeg,
  png: { name: { vi: 'ảnh PNG', en: 'a PNG image' }, signature: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  gif: { name: { vi: 'ảnh GIF', en: 'a GIF image' }, signature: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a') },
  webp: { name: { vi: 'ảnh WebP', en: 'a WebP image' }, signature: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
  avif: { name: { vi: 'ảnh AVIF', en: 'an AVIF image' }, signature: (b) => ascii(b, 4, 'ftypavif') || ascii(b, 4, 'ftypavis') },
  pdf: { name: { vi: 'tài liệu PDF', en: 'a PDF document' }, signature: (b) => ascii(b, 0, '%PDF-') },
  docx: zipDocument({ vi: 'tài liệu Word', en: 'a Word document' }),
  xlsx: zipDocument({ vi: 'bảng tính Excel', en: 'an Excel workbook' }),
  pptx: zipDocument({ vi: 'bản trình chiếu PowerPoint', en: 'a PowerPoint presentation' }),
  odt: zipDocument({ vi: 'văn bản OpenDocument', en: 'an OpenDocument text' }),
  ods: zipDocument({ vi: 'bảng tính OpenDocument', en: 'an OpenDocument spreadsheet' }),
  odp: zipDocument({ vi: 'bản trình chiếu OpenDocument', en: 'an OpenDocument presentation' }),
  doc: oleDocument({ vi: 'tài liệu Word 97–2003', en: 'a Word 97–2003 document' }),
  xls: oleDocument({ vi: 'bảng tính Excel 97–2003', en: 'an Excel 97–2003 workbook' }),
  ppt: oleDocument({ vi: 'bản trình chiếu PowerPoint 97–2003', en: 'a PowerPoint 97–2003 presentation' }),
};

const allowedList = Object.keys(uploadKinds).map((e) => `.${e}`).join(', ');

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
  if (!Object.hasOwn(uploadKinds, extension)) {
    return {
      vi: `Không nhận tệp loại .${extension} (“${name}”): chỉ nhận ảnh và tài liệu ${allowedList}. SVG và HTML có thể chứa mã chạy trên cổng nên không được nhận; hãy chuyển sang PNG hoặc PDF.`,
      en: `Files of type .${extension} (“${name}”) are not accepted: only the images and documents ${allowedList}. SVG and HTML can carry code that would run on the portal, so they are refused; convert to PNG or PDF.`,
    };
  }
  return undefined;
}

/**
 * Whether the bytes of the upload `name` are the kind its extension says.
 * This is the single place where the uploads' content is judged; today it
 * checks each kind's signature.
 */
export function checkUploadBytes(name: string, bytes: Uint8Array): Bilingual | undefined {
  const refused = checkUploadName(name);
  if (refused) return refused;
  if (bytes.length === 0) {
    return { vi: `Tệp tải lên “${name}” rỗng (0 byte).`, en: `The upload “${name}” is empty (0 bytes).` };
  }
  if (bytes.length > MAX_UPLOAD_BYTES) {
    const size = megabytes(bytes.length);
    const max = megabytes(MAX_UPLOAD_BYTES);
    return {
      vi: `Tệp “${name}” nặng ${size.vi}, quá giới hạn ${max.vi} cho mỗi tệp. Hãy giảm kích thước (nén PDF, thu nhỏ ảnh) rồi tải lên lại.`,
      en: `The file “${name}” weighs ${size.en}, over the limit of ${max.en} per file. Make it smaller (compress the PDF, scale the image down) and upload it again.`,
    };
  }
  const kind = uploadKinds[extensionOf(name)!]!;
  if (!kind.signature(bytes)) {
    return {
      vi: `Nội dung tệp “${name}” không phải ${kind.name.vi} như phần mở rộng cho biết. Hãy mở tệp bằng chương trình của nó, lưu lại đúng định dạng rồi tải lên lại.`,
      en: `The content of “${name}” is not ${kind.name.en} as its extension says. Open the file in its program, save it again in that format and upload it again.`,
    };
  }
  return undefined;
}
