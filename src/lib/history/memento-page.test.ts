import { describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { bannerHtml, loadedUrls, servedMemento, type MementoBanner } from './memento-page.ts';

const banner: MementoBanner = {
  locale: 'vi',
  datetime: new Date('2026-03-01T17:30:00Z'),
  current: '/van-ban/x/',
  original: 'https://baohiemxahoi.gov.vn/van-ban/x/',
  previous: '/luu-tru/20260201T000000Z/van-ban/x/',
  next: undefined,
  timemap: '/timemap/van-ban/x.txt',
  comparison: '/luu-tru/so-sanh/20260301T173000Z/van-ban/x/',
  stylesheet: '/luu-tru/memento.css',
};

const page =
  '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>X &amp; Y</title>' +
  '<link rel="stylesheet" href="/_astro/a.css"><link rel="alternate" href="/en/x/"><script type="module" src="/_astro/b.js"></script></head>' +
  '<body class="k"><a href="/tin-tuc/">Tin</a><img src="/media/a.png" srcset="/media/a.png 1x, /media/a2.png 2x" alt="Ảnh"><p>Văn bản &lt;cũ&gt;</p></body></html>';

const kept = (url: string) => (url.startsWith('/_astro/') || url.startsWith('/media/') ? `/luu-tru/tep${url}` : undefined);

describe('servedMemento', () => {
  it('adds the banner first in the body and the memento links in the head, leaving every other byte as it was', async () => {
    const served = await servedMemento(page, banner, () => undefined);
    expect(served).toBe(
      page
        .replace('</head>', '<meta name="robots" content="noindex"><link rel="original" href="https://baohiemxahoi.gov.vn/van-ban/x/"><link rel="timemap" type="application/link-format" href="/timemap/van-ban/x.txt"><link rel="stylesheet" href="/luu-tru/memento.css"></head>')
        .replace('<body class="k">', `<body class="k">${bannerHtml(banner)}`),
    );
  });

  it('points what the page loads at the kept copies, not the links a reader follows', async () => {
    const served = await servedMemento(page, banner, kept);
    const doc = parse(served);
    const html = JSON.stringify(doc, (k, v) => (k === 'parentNode' ? undefined : v));
    expect(html).toContain('/luu-tru/tep/_astro/a.css');
    expect(html).toContain('/luu-tru/tep/_astro/b.js');
    expect(html).toContain('/luu-tru/tep/media/a.png 1x, /luu-tru/tep/media/a2.png 2x');
    expect(served).toContain('<a href="/tin-tuc/">Tin</a>');
    expect(served).toContain('<link rel="alternate" href="/en/x/">');
    expect(served).toContain('<p>Văn bản &lt;cũ&gt;</p>');
  });

  it('says the time in Vietnam, the neighbours that exist, and what does not', () => {
    const text = bannerHtml(banner);
    expect(text).toContain('00:30');
    expect(text).toContain('02/03/2026');
    expect(text).toContain('href="/luu-tru/20260201T000000Z/van-ban/x/" rel="prev"');
    expect(text).toContain('Đây là bản mới nhất đã lưu.');
    const english = bannerHtml({ ...banner, locale: 'en', current: undefined, previous: undefined, next: '/en/archive/20260401T000000Z/x/' });
    expect(english).toContain('2 March 2026, 00:30');
    expect(english).toContain('This page is no longer on the portal.');
    expect(english).toContain('This is the first version.');
    expect(english).toContain('rel="next"');
  });

  it('escapes an address that would break out of its attribute', () => {
    expect(bannerHtml({ ...banner, current: '/x/"><script>alert(1)</script>' })).not.toContain('<script>');
  });

  it('refuses a page without a body rather than serving it without its banner', async () => {
    await expect(servedMemento('just text', banner, kept)).rejects.toThrow(/<body>/);
    await expect(servedMemento('<!DOCTYPE html><html><head></head><frameset></frameset></html>', banner, kept)).rejects.toThrow(/<body>/);
  });
});

describe('loadedUrls', () => {
  it('lists the style sheets, scripts and images a page loads, not the links a reader follows', async () => {
    expect((await loadedUrls(page)).sort()).toEqual(['/_astro/a.css', '/_astro/b.js', '/media/a.png', '/media/a2.png']);
  });
});
