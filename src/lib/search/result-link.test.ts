import { describe, expect, it } from 'vitest';
import { resultLink } from './result-link.ts';

const page = 'https://baohiemxahoi.gov.vn/tim-kiem/?q=zalo';

describe('where a search result may lead', () => {
  it('follows paths and addresses of the portal itself', () => {
    expect(resultLink('/van-ban/1624-qd-bhxh/', page)).toBe('/van-ban/1624-qd-bhxh/');
    expect(resultLink('/van-ban/1624-qd-bhxh/#dieu-11', page)).toBe('/van-ban/1624-qd-bhxh/#dieu-11');
    expect(resultLink('https://baohiemxahoi.gov.vn/tin-tuc/a/', page)).toBe('/tin-tuc/a/');
    expect(resultLink('../tin-tuc/a/', page)).toBe('/tin-tuc/a/');
    expect(resultLink('/en/news/a/', 'http://127.0.0.1:4321/en/search/')).toBe('/en/news/a/');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://baohiemxahoi.gov.vn/uuid',
    'https://evil.example/',
    '//evil.example/x',
    '\\\\evil.example/x',
    'http://baohiemxahoi.gov.vn/tin-tuc/a/',
    'https://baohiemxahoi.gov.vn:8443/',
    'https://baohiemxahoi.gov.vn.evil.example/',
    'ms-msdt:/id PCWDiagnostic',
    'file:///etc/passwd',
    'http://[::1',
  ])('refuses %s', (address) => {
    expect(resultLink(address, page)).toBeUndefined();
  });
});
