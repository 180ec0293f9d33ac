import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compoundFileNames } from './compound-file.ts';
import { checkUploadedFile, sniffMediaType, uploadLimits, UPLOAD_TYPES } from './media-type.ts';
import { svgProblems } from './safe-svg.ts';
import { readZipDirectory } from './zip-directory.ts';

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])));
const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

/** A ZIP file of stored entries (no compression, no CRC: only the directories are read). */
function zip(entries: [string, string][]): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  for (const [name, data] of entries) {
    const offset = local.length;
    const header = [...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(0)];
    local.push(...u32(0x04034b50), ...header, ...bytes(name, data));
    central.push(...u32(0x02014b50), ...u16(20), ...header, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...bytes(name));
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(central.length), ...u32(local.length), ...u16(0)];
  return Uint8Array.from([...local, ...central, ...end]);
}

/** A compound file (512-byte sectors) whose directory holds `names`: sector 0 is the FAT, the directory follows. */
function compoundFile(names: string[]): Uint8Array {
  const entries = ['Root Entry', ...names];
  const dirSectors = Math.ceil(entries.length / 4);
  const file = new Uint8Array(512 * (2 + dirSectors));
  const view = new DataView(file.buffer);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint32(0x2c, 1, true);
  view.setUint32(0x30, 1, true);
  view.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = 512;
  for (let i = 0; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true);
  for (let s = 1; s <= dirSectors; s++) view.setUint32(fat + s * 4, s === dirSectors ? 0xfffffffe : s + 1, true);
  entries.forEach((name, i) => {
    const at = 1024 + i * 128;
    for (let c = 0; c < name.length; c++) view.setUint16(at + c * 2, name.charCodeAt(c), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    file[at + 0x42] = i === 0 ? 5 : 2;
  });
  return file;
}

const OOXML_TYPES = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const svg = (inner: string, attributes = '') => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attributes}>${inner}</svg>`);

describe('sniffMediaType: the type from the bytes', () => {
  it('knows the raster images, PDF and the portal’s own files', () => {
    expect(sniffMediaType(readFileSync('public/og-image.png'))).toBe('image/png');
    expect(sniffMediaType(readFileSync('public/favicon.svg'))).toBe('image/svg+xml');
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(sniffMediaType(bytes('GIF89a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(sniffMediaType(bytes('RIFF', u32(20), 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(bytes(u32(0x1c000000), 'ftypavif', u32(0), 'mif1miaf'))).toBe('image/avif');
    expect(sniffMediaType(bytes(u32(0x1c000000), 'ftypmif1', u32(0), 'mif1avif'))).toBe('image/avif');
    expect(sniffMediaType(bytes(u32(0x18000000), 'ftypisom', u32(0), 'mp41'))).toBeUndefined();
    expect(sniffMediaType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('tells office documents apart by the entries of their ZIP or compound file', () => {
    const ooxml = (part: string) => zip([['[Content_Types].xml', OOXML_TYPES], [part, '<x/>']]);
    expect(sniffMediaType(ooxml('word/document.xml'))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffMediaType(ooxml('xl/workbook.xml'))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffMediaType(ooxml('ppt/presentation.xml'))).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(sniffMediaType(zip([['word/document.xml', '<x/>']]))).toBeUndefined();
    expect(sniffMediaType(zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<x/>']]))).toBe('application/vnd.oasis.opendocument.text');
    expect(sniffMediaType(zip([['mimetype', 'application/epub+zip']]))).toBeUndefined();
    expect(sniffMediaType(compoundFile(['WordDocument', '1Table']))).toBe('application/msword');
    expect(sniffMediaType(compoundFile(['Workbook']))).toBe('application/vnd.ms-excel');
    expect(sniffMediaType(compoundFile(['Current User', 'PowerPoint Document', 'Pictures', 'SummaryInformation']))).toBe('application/vnd.ms-powerpoint');
    expect(sniffMediaType(compoundFile(['SummaryInformation']))).toBeUndefined();
  });

  it('reads directories without trusting them', () => {
    expect(readZipDirectory(zip([['a.txt', 'x'], ['b/c.xml', 'y']]))?.names).toEqual(['a.txt', 'b/c.xml']);
    const truncated = zip([['a.txt', 'x']]).subarray(0, 40);
    expect(readZipDirectory(truncated)).toBeUndefined();
    expect(compoundFileNames(compoundFile(['WordDocument', 'Macros', 'a', 'b', 'c']))).toEqual(['Root Entry', 'WordDocument', 'Macros', 'a', 'b', 'c']);
    expect(compoundFileNames(compoundFile(['WordDocument']).subarray(0, 600))).toBeUndefined();
  });

  it('calls HTML, other markup and binary what they are, and accepts plain UTF-8 text', () => {
    expect(sniffMediaType(bytes('\n  <!DOCTYPE html><p>x'))).toBe('text/html');
    expect(sniffMediaType(bytes('<script>alert(1)</script>'))).toBe('text/html');
    expect(sniffMediaType(bytes('<?xml version="1.0"?><rss/>'))).toBe('application/xml');
    expect(sniffMediaType(new TextEncoder().encode('Mã;Tên\r\n1;Bảo hiểm xã hội\r\n'))).toBe('text/plain');
    expect(sniffMediaType(bytes('MZ', [0x90, 0, 3, 0]))).toBeUndefined();
    expect(sniffMediaType(bytes('a\u0000b'))).toBeUndefined();
  });
});

describe('checkUploadedFile', () => {
  it('accepts every allowed type under its own extension, and the portal’s own public/ files', () => {
    expect(checkUploadedFile('public/og-image.png', readFileSync('public/og-image.png'))).toEqual([]);
    expect(checkUploadedFile('public/favicon.svg', readFileSync('public/favicon.svg'))).toEqual([]);
    expect(checkUploadedFile('public/files/a.docx', zip([['[Content_Types].xml', OOXML_TYPES], ['word/document.xml', '<x/>']]))).toEqual([]);
    expect(checkUploadedFile('public/files/a.XLS', compoundFile(['Workbook']))).toEqual([]);
    expect(checkUploadedFile('public/files/so-lieu.csv', new TextEncoder().encode('a,b\n1,2\n'))).toEqual([]);
    expect(checkUploadedFile('public/media/a.jpeg', bytes([0xff, 0xd8, 0xff, 0xdb]))).toEqual([]);
  });

  it('refuses legacy office documents with macros', () => {
    const issues = checkUploadedFile('public/files/bao-cao.xls', compoundFile(['Workbook', '_VBA_PROJECT_CUR']));
    expect(issues.map((i) => i.en)).toEqual([
      'The file bao-cao.xls contains macros (_VBA_PROJECT_CUR): code that runs on readers’ computers when they open it, so it is not allowed. Save it again as a document without macros (DOCX, XLSX, PPTX or PDF).',
    ]);
  });

  it('refuses a file over its type’s limit', () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(bytes('\x89PNG\r\n\x1a\n'));
    expect(checkUploadedFile('public/media/lon.png', big).map((i) => i.en)).toEqual([
      'The file lon.png is too large (6 MB); a PNG image may be at most 5 MB. Compress or shrink it (images: fewer pixels; PDF: “optimise” when saving) and upload it again.',
    ]);
  });

  it('refuses a file without an extension or with the wrong one', () => {
    expect(checkUploadedFile('public/files/README', new TextEncoder().encode('Đọc kỹ.')).map((i) => i.en.slice(0, 80))).toEqual([
      'The file README has no extension but its content is plain text (TXT, CSV): the e',
    ]);
  });

  it('gives the CMS the same limits', () => {
    expect(uploadLimits('image')).toEqual({ maxBytes: 5 * 1024 * 1024, extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg'] });
    expect(uploadLimits('document').maxBytes).toBe(25 * 1024 * 1024);
    expect(uploadLimits('document').extensions).toEqual(UPLOAD_TYPES.filter((t) => t.kind === 'document').flatMap((t) => t.extensions));
    expect(uploadLimits('document').extensions).not.toContain('png');
  });
});

describe('svgProblems: an allowlist of SVG elements and attributes, read by an XML parser', () => {
  it('accepts drawings with gradients, text, symbols, internal references, classes and safe CSS', () => {
    const drawing = svg(
      '<title>Biểu trưng</title><defs><linearGradient id="g" gradientTransform="rotate(90)"><stop offset="0" stop-color="#0a4a85"/></linearGradient>' +
        '<clipPath id="c"><circle cx="5" cy="5" r="5"/></clipPath><symbol id="s"><path d="M0 0h10v10z"/></symbol></defs>' +
        '<style>.a{fill:url(#g);stroke:rgb(0 0 0 / 50%)} /* nền */</style>' +
        '<g class="a" clip-path="url(#c)" transform="translate(1 1) scale(0.5)"><use href="#s"/><use xlink:href="#s" xmlns:xlink="http://www.w3.org/1999/xlink"/>' +
        '<text x="5" y="5" font-family="Arial, sans-serif" style="font-weight: 700; fill: var(--c, #fff)" data-name="chữ" aria-label="BHXH">BHXH</text></g>',
      ' role="img" xml:space="preserve"',
    );
    expect(svgProblems(new TextDecoder().decode(drawing))).toEqual([]);
  });

  it('refuses CSS escapes, other functions, url() out of the file and @ rules, also in presentation attributes', () => {
    const en = (inner: string, attributes = '') => svgProblems(new TextDecoder().decode(svg(inner, attributes))).map((p) => p.en.split(' is not allowed')[0]);
    expect(en('<rect fill="u\\72l(https://evil.example/)"/>')).toEqual(['A “\\” (CSS escape) in the attribute “fill” on <rect>']);
    expect(en('<rect style="background: image-set(\'https://evil.example/x.png\' 1x)"/>')).toEqual(['The CSS function “image-set(…)” in the attribute “style” on <rect>']);
    expect(en('<rect filter="url( \'https://evil.example/f.svg#f\' )"/>')).toEqual(['A “url(…)” reference outside the file in the attribute “filter” on <rect>']);
    expect(en('<style>@font-face{font-family:x;src:local(x)}</style>')).toEqual(['An “@” rule (such as @import) in a <style> element']);
    expect(en('<image href="data:image/png;base64,AAAA"/>')).toEqual(['The element <image>']);
    expect(en('<rect/>', ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"')).toEqual([
      'The namespace declaration xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"',
    ]);
  });

  it('refuses an svg in no namespace (browsers do not show it as a picture)', () => {
    expect(svgProblems('<svg viewBox="0 0 1 1"><rect/></svg>')[0]!.en).toMatch(/^The element <svg> in no namespace \(the <svg> tag needs xmlns="http:\/\/www.w3.org\/2000\/svg"\) is not allowed/);
  });
});
