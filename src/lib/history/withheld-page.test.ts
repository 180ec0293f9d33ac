import { describe, expect, it } from 'vitest';
import { withheldPage } from './withheld-page.ts';

const at = new Date('2026-03-01T02:05:00Z');

describe('withheldPage', () => {
  it('says, in the page’s language, that the copy is kept in the archive and not served, when it was kept, and links the removal notice and home', () => {
    const vi = withheldPage({ locale: 'vi', datetime: at, notice: '/tin-tuc/da-go/', stylesheet: '/luu-tru/memento.css' });
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain('<meta name="robots" content="noindex">');
    expect(vi).toContain('<h1>Bản lưu này không còn được phục vụ trên cổng</h1>');
    expect(vi).toContain('Bản lưu lúc <time datetime="2026-03-01T09:05+07:00">');
    expect(vi).toContain('<a href="/tin-tuc/da-go/">Trang ở địa chỉ này hiện nay</a>');
    expect(vi).toContain('<a href="/">Trang chủ</a>');
    const en = withheldPage({ locale: 'en', datetime: at, notice: undefined, stylesheet: '/luu-tru/memento.css' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('This archived copy is no longer served on the portal');
    expect(en).toContain('<a href="/en/">Home page</a>');
    expect(en).not.toContain('This address on the portal now');
  });

  it('escapes the addresses it is given', () => {
    const html = withheldPage({ locale: 'vi', datetime: at, notice: '/x/"><script>alert(1)</script>/', stylesheet: '/a.css' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });
});
