import { describe, expect, it } from 'vitest';
import { internalPath, STRICT_URL_POLICY, unsafeScheme, urlPolicyOf, urlRefusal } from './urls.ts';

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

describe('urlRefusal: an allowlist of schemes', () => {
  const place = { vi: 'trong liên kết', en: 'in a link' };
  const refused = (url: string, use: 'link' | 'image' = 'link', policy = STRICT_URL_POLICY) => urlRefusal(url, use, policy, place)?.en;

  it('allows portal paths, fragments, https, mailto and tel links', () => {
    for (const url of ['/van-ban/1624-qd-bhxh/#dieu-11', '#dieu-1', 'van-ban/', '?q=1', 'https://dichvucong.gov.vn/', 'HTTPS://VSS.GOV.VN', 'mailto:bbt@vss.gov.vn', 'tel:19009068']) {
      expect(refused(url), url).toBeUndefined();
    }
  });

  it('refuses every other scheme, however it is written', () => {
    for (const [url, scheme] of [
      ['ms-msdt:/id PCWDiagnostic /skip force', 'ms-msdt'],
      ['search-ms:query=hoadon&crumb=location:\\\\evil.example\\share', 'search-ms'],
      ['file:///etc/passwd', 'file'],
      ['FILE://server/share/x.exe', 'file'],
      ['intent://scan/#Intent;scheme=zxing;end', 'intent'],
      ['jar:https://evil.example/x.jar!/', 'jar'],
      ['ms-&#x6D;sdt:x', 'ms-msdt'],
      ['fi\u200Ble:///c:/', 'file'],
      ['ftp://files.example/', 'ftp'],
      ['sms:19009068', 'sms'],
    ] as [string, string][]) {
      expect(refused(url), url).toMatch(new RegExp(`^The “${scheme}:” address in a link is not allowed: only paths on the portal`));
    }
    expect(refused('JavaScript:alert(1)')).toMatch(/^A “javascript:” address in a link is not allowed, for security/);
  });

  it('refuses plain http unless site.yml lists the host', () => {
    expect(refused('http://vanban.chinhphu.vn/x')).toMatch(/^The address “http:\/\/vanban.chinhphu.vn…” in a link is not encrypted/);
    expect(refused('http://vanban.chinhphu.vn/x', 'link', { ...STRICT_URL_POLICY, httpHosts: ['vanban.chinhphu.vn'] })).toBeUndefined();
  });

  it('refuses protocol-relative addresses and addresses with a user name', () => {
    expect(refused('//evil.example/x')).toMatch(/^The address “\/\/evil.example\/x” in a link has no scheme: write it out, for example https:\/\/evil.example/);
    expect(refused('/\\evil.example/x')).toMatch(/has no scheme/);
    expect(refused('https://vss.gov.vn@evil.example/')).toMatch(/has a user name before an @, a common way to disguise the host \(the real site is “evil.example”\)/);
  });

  it('takes images only from the portal and the hosts site.yml lists, and never over plain http unless listed', () => {
    const policy = urlPolicyOf({ url: 'https://baohiemxahoi.gov.vn', url_en: 'https://vss.gov.vn', allowed_http_hosts: [], allowed_image_hosts: ['anh.baohiemxahoi.gov.vn'] });
    expect(refused('/media/anh.png', 'image', policy)).toBeUndefined();
    expect(refused('https://vss.gov.vn/media/anh.png', 'image', policy)).toBeUndefined();
    expect(refused('https://anh.baohiemxahoi.gov.vn/a.png', 'image', policy)).toBeUndefined();
    expect(refused('https://tracker.example/pixel.gif', 'image', policy)).toMatch(/loads an image from another host \(“tracker.example”\)/);
    expect(refused('http://anh.baohiemxahoi.gov.vn/a.png', 'image', policy)).toMatch(/is not encrypted/);
    expect(refused('http://tracker.example/pixel.gif', 'image', policy)).toMatch(/loads an image from another host/);
    expect(refused('mailto:a@b.vn', 'image', policy)).toMatch(/^The “mailto:” address in a link is not allowed: images come only from the portal’s \/media\/ folder/);
  });

  it('refuses an https address that is no address', () => {
    expect(refused('https://')).toMatch(/is not a valid web address/);
  });
});
