import { describe, expect, it } from 'vitest';
import { CARD_TITLE_MAX, cardAlt, cardKey, cardPath, cardTitle, cardTree, shareCard } from './share-card.ts';

const card = shareCard({ kicker: 'Quyết định 1624/QĐ-BHXH', title: 'Quyết định ban hành Quy chế hoạt động tài khoản Zalo', date: '2024-09-16', agency: 'Bảo hiểm xã hội Việt Nam' }, 'vi');

describe('share cards', () => {
  it('show the kind and number, the title, the date as the page writes it, and the agency', () => {
    expect(card).toEqual({ kicker: 'Quyết định 1624/QĐ-BHXH', title: 'Quyết định ban hành Quy chế hoạt động tài khoản Zalo', date: '16/09/2024', agency: 'Bảo hiểm xã hội Việt Nam', locale: 'vi' });
    expect(shareCard({ kicker: 'Decision 1624/QĐ-BHXH', title: 'T', date: '2024-09-16T09:30', agency: 'VSS' }, 'en').date).toBe('16 September 2024');
    expect(cardAlt(card)).toBe('Quyết định 1624/QĐ-BHXH — Quyết định ban hành Quy chế hoạt động tài khoản Zalo — 16/09/2024 — Bảo hiểm xã hội Việt Nam');
  });

  it('end a long title with “…” at a word', () => {
    const long = `${'Quy chế phối hợp cung cấp thông tin '.repeat(8)}cuối`;
    const cut = cardTitle(long);
    expect(cut.length).toBeLessThanOrEqual(CARD_TITLE_MAX);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.at(-2)).not.toBe(' ');
  });

  it('have an address that changes with what they show, and only then', () => {
    expect(cardPath(card)).toMatch(/^\/og\/[0-9a-f]{20}\.png$/);
    expect(cardKey(shareCard({ kicker: card.kicker, title: card.title, date: '2024-09-16', agency: card.agency }, 'vi'))).toBe(cardKey(card));
    expect(cardKey({ ...card, title: `${card.title}.` })).not.toBe(cardKey(card));
    expect(cardKey({ ...card, locale: 'en' })).not.toBe(cardKey(card));
  });

  it('carry hostile text as text', () => {
    const tree = cardTree({ ...card, title: '<script>alert(1)</script>' });
    expect(JSON.stringify(tree)).toContain('"children":"<script>alert(1)</script>"');
    expect(JSON.stringify(tree)).not.toMatch(/dangerouslySetInnerHTML|__html/);
  });
});
