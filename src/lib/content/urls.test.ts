import { describe, expect, it } from 'vitest';
import { internalPath, unsafeScheme } from './urls.ts';

describe('unsafeScheme', () => {
  it('sees javascript:, vbscript: and data: however they are disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'jav\tascript:alert(1)',
      'java\nscript:alert(1)',
      'java\u0000script:alert(1)',
      'java\u200Bscript:alert(1)',
      'java&#115;cript:alert(1)',
      'java&#x73;cript:alert(1)',
      'javascript&colon;alert(1)',
    ]) {
      expect(unsafeScheme(url), JSON.stringify(url)).toBe('javascript');
    }
    expect(unsafeScheme('VBScript:msgbox(1)')).toBe('vbscript');
    expect(unsafeScheme('data:text/html;base64,AAAA')).toBe('data');
  });

  it('leaves ordinary addresses alone', () => {
    for (const url of ['https://vss.gov.vn/', '/van-ban/1624-qd-bhxh/#dieu-11', 'mailto:a@vss.gov.vn', 'tel:19009068', '#dieu-1', '/files/javascript-guide.pdf']) {
      expect(unsafeScheme(url), url).toBeUndefined();
    }
  });
});

describe('internalPath', () => {
  it('is the path of a link to the portal, without query and fragment, percent-decoded', () => {
    expect(internalPath('/van-ban/1624-qd-bhxh/#dieu-11')).toBe('/van-ban/1624-qd-bhxh/');
    expect(internalPath('/tim-kiem/?q=bhxh#x')).toBe('/tim-kiem/');
    expect(internalPath('/files/t%C3%A0i-li%E1%BB%87u.pdf')).toBe('/files/tài-liệu.pdf');
    expect(internalPath('/')).toBe('/');
  });

  it('is undefined for every other URL', () => {
    for (const url of ['https://vss.gov.vn/', '//evil.example/', '/\\evil.example', '#dieu-1', 'van-ban/', 'mailto:a@b.vn']) {
      expect(internalPath(url), url).toBeUndefined();
    }
  });
});
