/**
 * What stands at the address of a kept version the portal no longer serves
 * (site.yml `taken_down_versions: hidden`; `servedVersions`, mementos.ts): a
 * plain, self-contained page in the page's language saying that the version
 * is kept in the agency's archive and not served, because the page was taken
 * down — instead of a bare "not found" for a reader who follows a link or a
 * citation to it. It says nothing of what the page said (not its title
 * either), and links what the portal has at the page's own address when it
 * has a page there (the notice that says when and why the page was removed),
 * and the home page.
 */
import type { Locale } from '../locales.ts';
import { escapeMarkup } from '../markup-text.ts';
import { homePath } from '../routes.ts';
import { archivePage, vietnamTime } from './archive-markup.ts';

export interface Withheld {
  locale: Locale;
  /** When the deploy that kept the version ran. */
  datetime: Date;
  /** The page's own address when the portal has a page there (its removal notice), else undefined. */
  notice: string | undefined;
  stylesheet: string;
}

const words = {
  vi: {
    title: 'Bản lưu này không còn được phục vụ trên cổng',
    body: 'Trang này đã được gỡ khỏi cổng. Bản lưu lúc {datetime} (giờ Việt Nam) vẫn được giữ trong hồ sơ lưu trữ của cơ quan, nhưng theo quyết định của cơ quan không còn được đưa lên cổng.',
    notice: 'Trang ở địa chỉ này hiện nay',
    home: 'Trang chủ',
  },
  en: {
    title: 'This archived copy is no longer served on the portal',
    body: 'This page has been taken down from the portal. The copy kept at {datetime} (Vietnam time) remains in the agency’s archive, but by the agency’s decision it is no longer served on the portal.',
    notice: 'This address on the portal now',
    home: 'Home page',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export function withheldPage(w: Withheld): string {
  const t = words[w.locale];
  const link = (href: string, text: string) => `<li><a href="${escapeMarkup(href)}">${escapeMarkup(text)}</a></li>`;
  return archivePage({
    locale: w.locale,
    title: t.title,
    stylesheet: w.stylesheet,
    main: `<h1>${escapeMarkup(t.title)}</h1>
<p>${escapeMarkup(t.body).replace('{datetime}', vietnamTime(w.datetime, w.locale))}</p>
<ul class="memento-links">
${w.notice ? link(w.notice, t.notice) : ''}${link(homePath(w.locale), t.home)}
</ul>`,
  });
}
