import { describe, expect, it } from 'vitest';
import { escapeMarkup } from './markup-text.ts';

describe('text in markup', () => {
  it('writes the five markup characters as entities and leaves the rest', () => {
    expect(escapeMarkup(`<a href="x" title='y'>Q&A</a> — Hỏi đáp`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Q&amp;A&lt;/a&gt; — Hỏi đáp');
    expect(escapeMarkup('&amp;')).toBe('&amp;amp;');
  });
});
