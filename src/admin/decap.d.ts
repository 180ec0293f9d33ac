/** The small part of Decap CMS's browser API (window.CMS, window.h) the admin page uses. */

interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  toJS(): unknown;
}

interface DecapPreviewProps {
  entry: ImmutableLike;
  fields: { toJS(): { name: string; label?: string; widget?: string; options?: { label: string; value: string }[] }[] };
  widgetFor(name: string): unknown;
  getAsset(path: string): { toString(): string } | undefined;
  /** The entry's collection (`get('name')`). */
  collection?: ImmutableLike;
  /** The language the preview shows (with i18n: the one chosen in the editor's left pane). */
  locale?: string;
}

interface DecapEditorComponent {
  id: string;
  label: string;
  fields: Record<string, unknown>[];
  pattern: RegExp;
  fromBlock(match: RegExpMatchArray): Record<string, string>;
  toBlock(data: Record<string, string>): string;
  toPreview(data: Record<string, string>): string;
}

/** Decap's phrase tree (decap-cms-locales): nested objects of polyglot strings. */
interface DecapPhrases {
  [key: string]: string | DecapPhrases;
}

/**
 * A listener of one of Decap's events. `preSave` runs before an entry is
 * written: a handler that throws stops the save, and Decap shows the error in
 * its "failed to save" notice.
 */
interface DecapEventListener {
  name: 'preSave' | 'postSave' | 'prePublish' | 'postPublish' | 'preUnpublish' | 'postUnpublish';
  handler(data: { entry: ImmutableLike; author: { login?: string; name?: string } }): unknown;
}

interface DecapCms {
  init(options: { config: Record<string, unknown> }): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(collection: string, component: (props: DecapPreviewProps) => unknown): void;
  registerEditorComponent(component: DecapEditorComponent): void;
  registerLocale(locale: string, phrases: DecapPhrases): void;
  registerEventListener(listener: DecapEventListener): void;
  /** A remark (unified 9) plugin for the markdown widget's reading and writing of Markdown. */
  registerRemarkPlugin(plugin: (this: never) => void): void;
  /** A registered backend (`proxy` is the local one); Decap makes its instance with `init`. */
  getBackend(name: string): { init(...args: unknown[]): unknown } | undefined;
}

/** React's createElement: `type` is a tag name or a component (e.g. one made with `window.createClass`). */
type CreateElement = (type: string | object, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

interface Window {
  CMS: DecapCms;
  h: CreateElement;
  CMS_MANUAL_INIT?: boolean;
}
