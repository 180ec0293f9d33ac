import { describe, expect, it } from 'vitest';
import { planNfcFix } from './nfc-fix.ts';

describe('planNfcFix', () => {
  it('converts decomposed text to NFC and lists what changes', () => {
    const source = `title: ${'Việt Nam'.normalize('NFD')}\n\nĐã đúng.\n`;
    expect(planNfcFix(source)).toEqual({
      text: 'title: Việt Nam\n\nĐã đúng.\n',
      changes: [{ line: 1, column: 10, found: 'ệ'.normalize('NFD'), expected: 'ệ' }],
      legacy: [],
    });
  });

  it('changes nothing in a file that is already NFC', () => {
    expect(planNfcFix('Bảo hiểm xã hội\n').text).toBeUndefined();
  });

  it('never touches a file with TCVN3 or VNI text: that needs converting by a person', () => {
    const source = `title: ${'Việt'.normalize('NFD')}\n\nB¶o hiÓm x· héi\n`;
    const plan = planNfcFix(source);
    expect(plan.text).toBeUndefined();
    expect(plan.changes).toHaveLength(1);
    expect(plan.legacy).toEqual([{ line: 3, column: 1, word: 'B¶o', encoding: 'TCVN3', decoded: 'Bảo' }]);
  });
});
