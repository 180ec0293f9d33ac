/**
 * Decap CMS's English interface, where its own phrase would puzzle an
 * editor: “Failed to persist entry: …” says “persist” where editors save.
 * `src/admin/cms.ts` registers Decap's `en` phrases merged with these on the
 * English page.
 */
import type { Phrases } from './decap-locale-vi.ts';

export const portalEnglishPhrases: Phrases = {
  ui: {
    toast: {
      onFailToPersist: 'The entry was not saved: %{details}',
    },
  },
};
