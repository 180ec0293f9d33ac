/**
 * Text put into HTML, SVG or XML by string building (the sitemap, the
 * report's HTML page, the search page's results, the share image): the five
 * characters with a meaning in markup written as entities, so the text is
 * text in an element or a quoted attribute and never markup.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
