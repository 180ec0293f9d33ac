/**
 * Markup shared by the archive's own pages (comparison-page.ts,
 * withheld-page.ts) and the memento banner (memento-page.ts): a deploy's time
 * as Vietnam time, and the plain, self-contained page the archive writes.
 */
import { formatVietnamDateTime, vietnamDateTime } from '../dates.ts';
import type { Locale } from '../locales.ts';
import { escapeMarkup } from '../markup-text.ts';

/** `at` as a `<time>` element: Vietnam time, written as the interface writes it. */
export function vietnamTime(at: Date, locale: Locale): string {
  const moment = vietnamDateTime(at);
  return `<time datetime="${moment}+07:00">${escapeMarkup(formatVietnamDateTime(moment, locale))}</time>`;
}

/** A self-contained archive page in `locale`, kept out of search engines (`noindex`); `main` is its content's markup. */
export function archivePage(p: { locale: Locale; title: string; stylesheet: string; main: string }): string {
  return `<!DOCTYPE html>
<html lang="${p.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeMarkup(p.title)}</title>
<link rel="stylesheet" href="${escapeMarkup(p.stylesheet)}">
</head>
<body class="memento-comparison">
<main>
${p.main}
</main>
</body>
</html>
`;
}
