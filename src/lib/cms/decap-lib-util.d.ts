/** The part of decap-cms-lib-util (no types of its own) that the preview-link test calls. */
declare module 'decap-cms-lib-util/dist/esm/API.js' {
  /** Whether a commit status of this context is the entry's preview link, given backend.preview_context. */
  export function isPreviewContext(context: string, previewContext: string): boolean;
}
