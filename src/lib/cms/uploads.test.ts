import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUploadedFile, LARGEST_UPLOAD } from '../content/media-type.ts';
import { base64Length, checkUploadBytes, checkUploadFolder, checkUploadName, MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES, uploadExtensions } from './uploads.ts';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

/** The hostile files the content check refuses (tests/fixtures/hostile/uploads/). */
const HOSTILE_UPLOADS = 'tests/fixtures/hostile/uploads';

describe('the upload limits', () => {
  it('let one file of the largest allowed size travel base64-encoded with its entry', () => {
    expect(MAX_UPLOAD_BYTES).toBe(LARGEST_UPLOAD);
    expect(MAX_REQUEST_BYTES).toBeGreaterThan(base64Length(MAX_UPLOAD_BYTES));
    expect(MAX_REQUEST_BYTES).toBeLessThan(base64Length(MAX_UPLOAD_BYTES) + 2 * 1024 * 1024);
    expect(base64Length(3)).toBe(4);
    expect(base64Length(4)).toBe(8);
  });
});

describe('checkUploadName', () => {
  it('accepts every extension of the allowlist, in any case', () => {
    expect(uploadExtensions).toContain('png');
    expect(uploadExtensions).toContain('pdf');
    for (const extension of uploadExtensions) {
      expect(checkUploadName(`tep.${extension}`)).toBeUndefined();
      expect(checkUploadName(`TEP.${extension.toUpperCase()}`)).toBeUndefined();
    }
  });

  it('refuses names without an extension and kinds that can carry code', () => {
    expect(checkUploadName('README')?.en).toBe(`The upload “README” has no extension saying what kind of file it is. Accepted: ${uploadExtensions.map((e) => `.${e}`).join(', ')}.`);
    for (const name of ['x.html', 'x.htm', 'x.js', 'x.mjs', 'x.xhtml', 'x.xml', 'x.exe', 'x.sh', 'x.zip', 'x.mdx', 'x.png.html', 'config', 'x.constructor', 'x.__proto__']) {
      expect(checkUploadName(name), name).toBeDefined();
    }
    expect(checkUploadName('trang.html')?.vi).toContain('Không nhận tệp loại .html (“trang.html”)');
  });
});

describe('checkUploadBytes: the content check’s judgement, before the file is written', () => {
  it('refuses every hostile file of the corpus with the content check’s own message', () => {
    const files = readdirSync(HOSTILE_UPLOADS).filter((f) => f !== 'expected.json');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const repoPath = `public/media/uploads/${file}`;
      const content = readFileSync(path.join(HOSTILE_UPLOADS, file));
      const refused = checkUploadBytes(repoPath, content);
      expect(refused, file).toBeDefined();
      expect(refused!.en, file).toBe(checkUploadedFile(repoPath, content).map((i) => i.en).join(' '));
    }
  });

  it('accepts a real image and a safe SVG, refuses an HTML page named .png and an empty file', () => {
    expect(checkUploadBytes('public/media/og.png', readFileSync('public/og-image.png'))).toBeUndefined();
    expect(checkUploadBytes('public/media/icon.svg', readFileSync('public/favicon.svg'))).toBeUndefined();
    expect(checkUploadBytes('public/media/anh.png', bytes('<html><script>alert(1)</script>'))?.en).toContain('anh.png');
    expect(checkUploadBytes('public/media/a.png', new Uint8Array(0))?.en).toBe('The upload “a.png” is empty (0 bytes).');
  });
});

describe('checkUploadFolder: each file field takes only the kind of file it means', () => {
  it('public/media/ (image fields) takes images, public/files/ (attachments) takes documents', () => {
    expect(checkUploadFolder('public/media/news/anh.png')).toBeUndefined();
    expect(checkUploadFolder('public/media/uploads/so-do.svg')).toBeUndefined();
    expect(checkUploadFolder('public/files/quyet-dinh.pdf')).toBeUndefined();
    expect(checkUploadFolder('public/files/bieu-mau.docx')).toBeUndefined();
  });

  it('refuses a PDF chosen in an image field, and an image attached as a document, saying where each belongs', () => {
    expect(checkUploadFolder('public/media/news/quyet-dinh.pdf')).toEqual({
      vi: 'Ô ảnh chỉ nhận ảnh (.png, .jpg, .jpeg, .gif, .webp, .avif, .svg): “quyet-dinh.pdf” là tài liệu. Tài liệu hãy đính kèm ở ô “Tệp đính kèm” của một văn bản; ở đây hãy chọn một tệp ảnh.',
      en: 'An image field takes only images (.png, .jpg, .jpeg, .gif, .webp, .avif, .svg): “quyet-dinh.pdf” is a document. Attach documents in the “Attachments” field of a document; here choose an image file.',
    });
    expect(checkUploadFolder('public/files/anh.jpg')?.en).toMatch(/^An attachment field takes only documents \(\.pdf.*“anh\.jpg” is an image\. Put images in an image field/);
  });
});
