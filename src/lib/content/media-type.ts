/**
 * The files the portal serves from public/ (where editors upload pictures and
 * attachments) are judged by their CONTENT, never by their name: an ALLOWLIST
 * of media types detected from the bytes, and the file's extension must be one
 * of its type's. Everything else — HTML above all, which would run on the
 * portal's own address — is refused with a message.
 *
 * One source of truth: the content check (scripts/check-content.ts and the
 * build) calls `checkUploadedFile` for every file in public/; the CMS
 * configuration takes its size limits from `uploadLimits`; the local CMS
 * server can call `checkUploadedFile` on an upload before writing it.
 *
 * `sniffMediaType` is a small magic-byte sniffer (the `file-type` package is
 * not installed); it reads ZIP and compound-file directories to tell office
 * documents apart, and parses SVG with a real XML parser (./safe-svg.ts).
 */
import type { Bilingual } from '../schema/fields.ts';
import { compoundFileNames, isCompoundFile } from './compound-file.ts';
import type { ContentIssue } from './issues.ts';
import { formatBytes } from './limits.ts';
import { svgProblems } from './safe-svg.ts';
import { findForbiddenCharacters } from './text-characters.ts';
import { readZipDirectory } from './zip-directory.ts';

export interface MediaType {
  /** The media type (IANA), as `sniffMediaType` gives it. */
  mime: string;
  /** The extensions a file of this type may have, lower case, first preferred. */
  extensions: readonly string[];
  /** What editors call it. */
  label: Bilingual;
  /** Pictures go in image fields (public/media/); documents in file fields (public/files/). */
  kind: 'image' | 'document';
  /** The largest file accepted, in bytes. */
  maxBytes: number;
}

const MIB = 1024 * 1024;
const IMAGE_MAX = 5 * MIB;
const DOCUMENT_MAX = 25 * MIB;

/** The allowlist. Adding a type here (with its sniffing below) is a technical change, reviewed as such. */
export const UPLOAD_TYPES: readonly MediaType[] = [
  { mime: 'image/png', extensions: ['png'], label: { vi: 'ảnh PNG', en: 'a PNG image' }, kind: 'image', maxBytes: IMAGE_MAX },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: { vi: 'ảnh JPEG', en: 'a JPEG image' }, kind: 'image', maxBytes: IMAGE_MAX },
  { mime: 'image/gif', extensions: ['gif'], label: { vi: 'ảnh GIF', en: 'a GIF image' }, kind: 'image', maxBytes: IMAGE_MAX },
  { mime: 'image/webp', extensions: ['webp'], label: { vi: 'ảnh WebP', en: 'a WebP image' }, kind: 'image', maxBytes: IMAGE_MAX },
  { mime: 'image/avif', extensions: ['avif'], label: { vi: 'ảnh AVIF', en: 'an AVIF image' }, kind: 'image', maxBytes: IMAGE_MAX },
  { mime: 'image/svg+xml', extensions: ['svg'], label: { vi: 'ảnh SVG', en: 'an SVG image' }, kind: 'image', maxBytes: 1 * MIB },
  { mime: 'application/pdf', extensions: ['pdf'], label: { vi: 'tài liệu PDF', en: 'a PDF document' }, kind: 'document', maxBytes: DOCUMENT_MAX },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: { vi: 'văn bản Word (DOCX)', en: 'a Word document (DOCX)' },
    kind: 'document',
    maxBytes: DOCUMENT_MAX,
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: { vi: 'bảng tính Excel (XLSX)', en: 'an Excel workbook (XLSX)' },
    kind: 'document',
    maxBytes: DOCUMENT_MAX,
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: { vi: 'bản trình chiếu PowerPoint (PPTX)', en: 'a PowerPoint presentation (PPTX)' },
    kind: 'document',
    maxBytes: DOCUMENT_MAX,
  },
  { mime: 'application/msword', extensions: ['doc'], label: { vi: 'văn bản Word cũ (DOC)', en: 'a legacy Word document (DOC)' }, kind: 'document', maxBytes: DOCUMENT_MAX },
  { mime: 'application/vnd.ms-excel', extensions: ['xls'], label: { vi: 'bảng tính Excel cũ (XLS)', en: 'a legacy Excel workbook (XLS)' }, kind: 'document', maxBytes: DOCUMENT_MAX },
  {
    mime: 'application/vnd.ms-powerpoint',
    extensions: ['ppt'],
    label: { vi: 'bản trình chiếu PowerPoint cũ (PPT)', en: 'a legacy PowerPoint presentation (PPT)' },
    kind: 'document',
    maxBytes: DOCUMENT_MAX,
  },
  { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: { vi: 'văn bản OpenDocument (ODT)', en: 'an OpenDocument text (ODT)' }, kind: 'document', maxBytes: DOCUMENT_MAX },
  {
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    label: { vi: 'bảng tính OpenDocument (ODS)', en: 'an OpenDocument spreadsheet (ODS)' },
    kind: 'document',
    maxBytes: DOCUMENT_MAX,
  },
  {
    mime: 'application/vnd.oasis.opendocument.presentation',
    extensions: ['odp'],
    label: { vi: 'bản trình chiếu OpenDocument (ODP)', en: 'an OpenDocument presentation (ODP)' },
    kind: 'document',
    maxBytes: DOCUMENT_MAX,
  },
  { mime: 'text/plain', extensions: ['txt', 'csv'], label: { vi: 'văn bản thuần (TXT, CSV)', en: 'plain text (TXT, CSV)' }, kind: 'document', maxBytes: 5 * MIB },
];

/** No file larger than this is read at all. */
export const LARGEST_UPLOAD = Math.max(...UPLOAD_TYPES.map((t) => t.maxBytes));

/** A file larger than any allowed type may be: refused without reading it. */
export function uploadTooLargeIssue(path: string, size: number): ContentIssue {
  const name = path.split('/').pop()!;
  const shown = formatBytes(size);
  const limit = formatBytes(LARGEST_UPLOAD);
  return {
    file: path,
    line: 1,
    column: 1,
    field: undefined,
    vi: `Tệp ${name} quá lớn (${shown.vi}): cổng không nhận tệp nào lớn hơn ${limit.vi}. Nén hoặc chia nhỏ tệp rồi tải lên lại.`,
    en: `The file ${name} is too large (${shown.en}): the portal takes no file larger than ${limit.en}. Compress or split it and upload it again.`,
  };
}

/** The largest file and the extensions a CMS field of `kind` accepts: image fields take images, attachment fields documents. */
export function uploadLimits(kind: 'image' | 'document'): { maxBytes: number; extensions: string[] } {
  const types = UPLOAD_TYPES.filter((t) => t.kind === kind);
  return { maxBytes: Math.max(...types.map((t) => t.maxBytes)), extensions: types.flatMap((t) => t.extensions) };
}

const OOXML: Record<string, string> = {
  'word/document.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'ppt/presentation.xml': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const LEGACY_OFFICE: Record<string, string> = {
  WordDocument: 'application/msword',
  Workbook: 'application/vnd.ms-excel',
  Book: 'application/vnd.ms-excel',
  'PowerPoint Document': 'application/vnd.ms-powerpoint',
};
const ODF = new Set(['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.presentation']);

const startsWith = (bytes: Uint8Array, signature: string, at = 0) => [...signature].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The UTF-8 text of `bytes`, or undefined when they are not UTF-8 (binary). */
function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The start of an HTML document as browsers sniff it (WHATWG MIME Sniffing, “identifying a resource with an unknown MIME type”). */
const HTML_START = /^\s*(?:<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p|<!--)(?:[\s>])/i;
const SVG_START = /^\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg[\s>/]/i;

/**
 * The media type of a file from its bytes: one of UPLOAD_TYPES' `mime`, or
 * `text/html` and `application/xml` (known, never allowed), or undefined.
 */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'image/webp';
  if (startsWith(bytes, 'ftyp', 4)) {
    // ISO base media file: AVIF when its major or a compatible brand is avif/avis.
    const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
    for (let at = 8; at + 4 <= Math.min(boxSize, bytes.length); at += 4) {
      if (at === 12) continue; // the minor version
      if (startsWith(bytes, 'avif', at) || startsWith(bytes, 'avis', at)) return 'image/avif';
    }
    return undefined;
  }
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  if (startsWith(bytes, 'PK\x03\x04')) {
    const zip = readZipDirectory(bytes);
    if (!zip) return undefined;
    if (zip.mimetype && ODF.has(zip.mimetype)) return zip.mimetype;
    if (!zip.names.includes('[Content_Types].xml')) return undefined;
    return Object.entries(OOXML).find(([entry]) => zip.names.includes(entry))?.[1];
  }
  if (isCompoundFile(bytes)) {
    const names = compoundFileNames(bytes);
    return names && Object.entries(LEGACY_OFFICE).find(([stream]) => names.includes(stream))?.[1];
  }
  const text = utf8(bytes);
  if (text === undefined) return undefined;
  if (SVG_START.test(text.replace(/^\uFEFF/, ''))) return 'image/svg+xml';
  if (HTML_START.test(text.replace(/^\uFEFF/, ''))) return 'text/html';
  if (/^\uFEFF?\s*</.test(text)) return 'application/xml';
  return findForbiddenCharacters(text.replace(/\r(?!\n)/g, '\n')).length === 0 ? 'text/plain' : undefined;
}

/** Names of entries that hold macros (VBA or OpenDocument Basic): code that runs when the document is opened. */
function macroEntry(bytes: Uint8Array): string | undefined {
  if (isCompoundFile(bytes)) return compoundFileNames(bytes)?.find((n) => /^(Macros|_VBA_PROJECT_CUR|_VBA_PROJECT|VBA)$/.test(n));
  if (startsWith(bytes, 'PK\x03\x04')) return readZipDirectory(bytes)?.names.find((n) => /(^|\/)vbaProject\.bin$|^(Basic|Scripts)\//i.test(n));
  return undefined;
}

const allowedList: Bilingual = {
  vi: 'ảnh PNG, JPEG, GIF, WebP, AVIF, SVG (không có mã), tài liệu PDF, Word, Excel, PowerPoint (DOCX, XLSX, PPTX, DOC, XLS, PPT), OpenDocument (ODT, ODS, ODP) và văn bản thuần TXT, CSV',
  en: 'PNG, JPEG, GIF, WebP, AVIF and SVG (without code) images, PDF, Word, Excel and PowerPoint documents (DOCX, XLSX, PPTX, DOC, XLS, PPT), OpenDocument files (ODT, ODS, ODP) and plain TXT, CSV text',
};

/**
 * Every reason to refuse the file at `path` (as shown: “public/media/a.png”)
 * with content `bytes`; empty when it may be served. SVG problems carry their
 * line; every other issue points at the file.
 */
export function checkUploadedFile(path: string, bytes: Uint8Array): ContentIssue[] {
  const name = path.split('/').pop()!;
  const at = { file: path, line: 1, column: 1, field: undefined };
  const extension = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase();
  const mime = sniffMediaType(bytes);
  if (mime === 'text/html' || extension === 'html' || extension === 'htm' || extension === 'xhtml') {
    return [
      {
        ...at,
        vi:
          `Tệp ${name} là trang HTML: không được đưa lên cổng, vì trang HTML chạy mã trên chính địa chỉ của cổng (có thể lấy cắp phiên đăng nhập của biên tập viên hay giả mạo trang). ` +
          'Đưa nội dung vào một mục của cổng, hoặc lưu thành tệp PDF.',
        en:
          `The file ${name} is an HTML page: it may not be put on the portal, because an HTML page runs code on the portal’s own address (it can steal editors’ sessions or fake pages). ` +
          'Put the text in an entry of the portal, or save it as a PDF file.',
      },
    ];
  }
  const type = UPLOAD_TYPES.find((t) => t.mime === mime);
  if (!type) {
    return [
      {
        ...at,
        vi: `Loại tệp ${name} không được phép: theo nội dung, đây không phải ${allowedList.vi}. Loại tệp được xác định theo nội dung, không theo tên. Lưu tệp sang một trong các định dạng đó rồi tải lên lại.`,
        en: `The file ${name} is of a type that is not allowed: by its content it is none of ${allowedList.en}. The type is told from the content, not the name. Save the file in one of those formats and upload it again.`,
      },
    ];
  }
  const issues: ContentIssue[] = [];
  if (extension === undefined || !type.extensions.includes(extension)) {
    const wanted = type.extensions.map((e) => `.${e}`).join(', ');
    issues.push({
      ...at,
      vi: `Tệp ${name} có ${extension ? `đuôi “.${extension}”` : 'tên không có đuôi'} nhưng nội dung là ${type.label.vi}: đuôi tệp phải khớp nội dung (${wanted}), để trình duyệt không hiểu nhầm tệp. Đổi tên tệp, hoặc tải lên đúng tệp.`,
      en: `The file ${name} has ${extension ? `the extension “.${extension}”` : 'no extension'} but its content is ${type.label.en}: the extension must match the content (${wanted}), so that browsers do not mistake the file. Rename it, or upload the right file.`,
    });
  }
  if (bytes.length > type.maxBytes) {
    const size = formatBytes(bytes.length);
    const limit = formatBytes(type.maxBytes);
    issues.push({
      ...at,
      vi: `Tệp ${name} quá lớn (${size.vi}); ${type.label.vi} được tối đa ${limit.vi}. Nén hoặc thu nhỏ tệp (ảnh: giảm kích thước điểm ảnh; PDF: “Tối ưu hoá” khi lưu) rồi tải lên lại.`,
      en: `The file ${name} is too large (${size.en}); ${type.label.en} may be at most ${limit.en}. Compress or shrink it (images: fewer pixels; PDF: “optimise” when saving) and upload it again.`,
    });
  }
  const macros = macroEntry(bytes);
  if (macros) {
    issues.push({
      ...at,
      vi: `Tệp ${name} chứa macro (${macros}): mã chạy trên máy người đọc khi mở tài liệu, nên không được phép. Lưu lại thành tài liệu không có macro (DOCX, XLSX, PPTX hoặc PDF).`,
      en: `The file ${name} contains macros (${macros}): code that runs on readers’ computers when they open it, so it is not allowed. Save it again as a document without macros (DOCX, XLSX, PPTX or PDF).`,
    });
  }
  if (type.mime === 'image/svg+xml') {
    for (const p of svgProblems(new TextDecoder().decode(bytes))) {
      issues.push({ file: path, line: p.line, column: p.column, field: undefined, vi: `Ảnh SVG ${name}: ${p.vi}`, en: `SVG image ${name}: ${p.en}` });
    }
  }
  return issues;
}
