/** Decap CMS's interface phrases, one module per language (the `decap-cms-locales` package, bundled in `decap-cms`). */
declare module 'decap-cms-locales/dist/esm/*/index.js' {
  const phrases: import('./decap-locale-vi.ts').Phrases;
  export default phrases;
}
