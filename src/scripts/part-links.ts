/**
 * The document page's one script: a click on the link beside a part of a
 * legal text (src/lib/content/part-links.ts) copies the part's full address
 * and says so in the page's status line, instead of jumping to it. Without
 * JavaScript, or where the clipboard is refused, the link stays a plain link
 * to the part. A click with a modifier key (new tab, …) is left to the browser.
 */
const copyStatus = document.getElementById('copy-status');

function said(label: string): string {
  const lang = document.documentElement.lang;
  return `${copyStatus?.dataset.copied ?? ''} ${label.charAt(0).toLocaleLowerCase(lang) + label.slice(1)}`;
}

let clearing: ReturnType<typeof setTimeout> | undefined;

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.part-link') : null;
  if (!link || !copyStatus || !navigator.clipboard || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const address = new URL(link.getAttribute('href') ?? '', location.href).href;
  navigator.clipboard.writeText(address).then(
    () => {
      history.replaceState(history.state, '', address);
      copyStatus.textContent = said(link.getAttribute('aria-label') ?? '');
      clearTimeout(clearing);
      clearing = setTimeout(() => (copyStatus.textContent = ''), 6000);
    },
    // The clipboard refused (permissions, an insecure address): go to the part as the plain link does.
    () => (location.hash = new URL(address).hash),
  );
});
