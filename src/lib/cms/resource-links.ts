/**
 * A remark plugin for Decap CMS's rich-text editor (`CMS.registerRemarkPlugin`):
 * links are written back as `[text](address)`, never as autolinks.
 *
 * Decap's markdown widget turns the editor's document back into Markdown
 * with remark-stringify 6, which writes a link whose text is its own address
 * (`[https://zalo.me/x](https://zalo.me/x)`, as in the portal's own news) as
 * an autolink, `<https://zalo.me/x>`. MDX reads `<` as the start of a tag, so
 * an ordinary edit of such an entry made a text the content check refuses on
 * a line the editor never touched. The plugin keeps remark-stringify's own
 * link writer and asks it for the `[text](address)` form: a link with a
 * title is never an autolink, and an empty title is not written.
 */

/** A link of the Markdown tree, as remark-stringify 6 sees it. */
interface LinkNode {
  type: 'link';
  url: string;
  title?: string | null;
  children: unknown[];
}

type LinkVisitor = (this: unknown, node: LinkNode) => string;

/** What the plugin needs of a unified 9 processor: remark-stringify 6's compiler, when the processor writes Markdown. */
interface Processor {
  Compiler?: { prototype: { visitors?: Record<string, LinkVisitor> } };
}

const wrapped = Symbol('portal resource links');

export function resourceLinks(this: Processor): void {
  const visitors = this.Compiler?.prototype.visitors;
  const link = visitors?.link;
  // Decap also runs its plugins on processors that only read Markdown: nothing to do there.
  if (!visitors || !link || (link as { [wrapped]?: true })[wrapped]) return;
  const resourceLink: LinkVisitor = function (node) {
    return link.call(this, node.title == null ? { ...node, title: '' } : node);
  };
  (resourceLink as { [wrapped]?: true })[wrapped] = true;
  // The processor's own table of writers: other processors (and the shared prototype) keep theirs.
  this.Compiler!.prototype.visitors = { ...visitors, link: resourceLink };
}
