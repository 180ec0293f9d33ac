/**
 * The names inside a ZIP file (DOCX, XLSX, PPTX and OpenDocument files are
 * ZIP files with known entries), read from its central directory without
 * decompressing anything, so a ZIP bomb costs nothing. Also the text of a
 * first, stored `mimetype` entry, which OpenDocument files must have.
 */

export interface ZipDirectory {
  names: string[];
  /** The content of the first entry when it is an uncompressed file named `mimetype` (OpenDocument). */
  mimetype?: string | undefined;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;

/** The central directory of a ZIP file, or undefined when `bytes` is no readable ZIP (ZIP64 included: no office file needs it). */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const latin1 = (at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
  if (u32(0) !== LOCAL_HEADER) return undefined;

  // The end-of-directory record is in the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(end + 10);
  const size = u32(end + 12);
  const start = u32(end + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff || start + size > end) return undefined;

  const names: string[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL_HEADER) return undefined;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength > start + size) return undefined;
    names.push(latin1(at + 46, nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }

  // OpenDocument: the first entry is `mimetype`, stored (method 0), holding the media type.
  let mimetype: string | undefined;
  const firstName = latin1(30, u16(26));
  if (firstName === 'mimetype' && u16(8) === 0) {
    const length = u32(18);
    const data = 30 + u16(26) + u16(28);
    if (length > 0 && length < 200 && data + length <= bytes.length) mimetype = latin1(data, length);
  }
  return { names, mimetype };
}
