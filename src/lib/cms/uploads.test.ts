import { describe, expect, it } from 'vitest';
import { base64Length, checkUploadBytes, checkUploadName, MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES, uploadKinds } from './uploads.ts';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

/** The first bytes of a real file of each accepted kind. */
const samples: Record<string, Uint8Array> = {
  jpg: bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'),
  jpeg: bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0x10, 'Exif'),
  png: bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'IHDR'),
  gif: bytes('GIF89a', 1, 0, 1, 0),
  webp: bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '),
  avif: bytes(0, 0, 0, 0x1c, 'ftypavif', 0, 0, 0, 0),
  pdf: bytes('%PDF-1.7\n'),
  docx: bytes('PK', 3, 4, 0x14, 0),
  xlsx: bytes('PK', 3, 4, 0x14, 0),
  pptx: bytes('PK', 3, 4, 0x14, 0),
  odt: bytes('PK', 3, 4, 0x14, 0),
  ods: bytes('PK', 3, 4, 0x14, 0),
  odp: bytes('PK', 3, 4, 0x14, 0),
  doc: bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0),
  xls: bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0),
  ppt: bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0),
};

describe('the upload limits', () => {
  it('let one file of the largest size travel base64-encoded with its entry', () => {
    expect(MAX_UPLOAD_BYTES).toBe(25 * 1024 * 1024);
    expect(MAX_REQUEST_BYTES).toBeGreaterThan(base64Length(MAX_UPLOAD_BYTES));
    expect(MAX_REQUEST_BYTES).toBeLessThan(base64Length(MAX_UPLOAD_BYTES) + 2 * 1024 * 1024);
    expect(base64Length(3)).toBe(4);
    expect(base64Length(4)).toBe(8);
  });
});

describe('checkUploadName', () => {
  it('accepts the images and documents of the list, in any case', () => {
    for (const extension of Object.keys(uploadKinds)) {
      expect(checkUploadName(`tep.${extension}`)).toBeUndefined();
      expect(checkUploadName(`TEP.${extension.toUpperCase()}`)).toBeUndefined();
    }
  });

  it('refuses names without an extension and kinds that can carry code', () => {
    expect(checkUploadName('README')?.en).toBe('The upload “README” has no extension saying what kind of file it is. Accepted: .jpg, .jpeg, .png, .gif, .webp, .avif, .pdf, .docx, .xlsx, .pptx, .odt, .ods, .odp, .doc, .xls, .ppt.');
    for (const name of ['x.svg', 'x.html', 'x.htm', 'x.js', 'x.mjs', 'x.xhtml', 'x.xml', 'x.exe', 'x.sh', 'x.zip', 'x.mdx', 'x.png.html', 'config', 'x.constructor', 'x.__proto__']) {
      expect(checkUploadName(name), name).toBeDefined();
    }
    expect(checkUploadName('anh.svg')).toEqual({
      vi: 'Không nhận tệp loại .svg (“anh.svg”): chỉ nhận ảnh và tài liệu .jpg, .jpeg, .png, .gif, .webp, .avif, .pdf, .docx, .xlsx, .pptx, .odt, .ods, .odp, .doc, .xls, .ppt. SVG và HTML có thể chứa mã chạy trên cổng nên không được nhận; hãy chuyển sang PNG hoặc PDF.',
      en: 'Files of type .svg (“anh.svg”) are not accepted: only the images and documents .jpg, .jpeg, .png, .gif, .webp, .avif, .pdf, .docx, .xlsx, .pptx, .odt, .ods, .odp, .doc, .xls, .ppt. SVG and HTML can carry code that would run on the portal, so they are refused; convert to PNG or PDF.',
    });
  });
});

describe('checkUploadBytes', () => {
  it('accepts each kind whose bytes start like it', () => {
    for (const [extension, sample] of Object.entries(samples)) {
      expect(checkUploadBytes(`tep.${extension}`, sample), extension).toBeUndefined();
    }
    expect(Object.keys(samples).sort()).toEqual(Object.keys(uploadKinds).sort());
  });

  it('refuses bytes of another kind than the name says', () => {
    const html = bytes('<html><script>alert(1)</script>');
    for (const extension of Object.keys(uploadKinds)) {
      expect(checkUploadBytes(`tep.${extension}`, html), extension).toBeDefined();
    }
    expect(checkUploadBytes('anh.png', samples.pdf!)).toEqual({
      vi: 'Nội dung tệp “anh.png” không phải ảnh PNG như phần mở rộng cho biết. Hãy mở tệp bằng chương trình của nó, lưu lại đúng định dạng rồi tải lên lại.',
      en: 'The content of “anh.png” is not a PNG image as its extension says. Open the file in its program, save it again in that format and upload it again.',
    });
  });

  it('refuses empty files, files over the limit and names it refuses anyway', () => {
    expect(checkUploadBytes('a.png', new Uint8Array(0))?.en).toBe('The upload “a.png” is empty (0 bytes).');
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(samples.png!);
    expect(checkUploadBytes('a.png', big)).toEqual({
      vi: 'Tệp “a.png” nặng 25,1 MB, quá giới hạn 25 MB cho mỗi tệp. Hãy giảm kích thước (nén PDF, thu nhỏ ảnh) rồi tải lên lại.',
      en: 'The file “a.png” weighs 25.1 MB, over the limit of 25 MB per file. Make it smaller (compress the PDF, scale the image down) and upload it again.',
    });
    expect(checkUploadBytes('a.svg', bytes('<svg/>'))).toBeDefined();
  });
});
