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

interface DecapCms {
  init(options: { config: Record<string, unknown> }): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(collection: string, component: (props: DecapPreviewProps) => unknown): void;
  registerEditorComponent(component: DecapEditorComponent): void;
}

type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

interface Window {
  CMS: DecapCms;
  h: CreateElement;
  CMS_MANUAL_INIT?: boolean;
}
