/**
 * A page's description for search engines and share cards (`<meta
 * name="description">`, `og:description`): at most 200 characters, cut at a
 * word and ended with an ellipsis, so that it is shown whole rather than cut
 * mid-word by whoever displays it.
 */
export const DESCRIPTION_LENGTH = 200;

export function metaDescription(text: string, max = DESCRIPTION_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.–—-]+$/u, '')}…`;
}
