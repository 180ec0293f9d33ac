/**
 * What `npm run check:content -- --fix` may change in a file: only the
 * conversion to Unicode NFC, which never alters what the text says. A file
 * holding text in a legacy encoding (TCVN3, VNI) is left as it is: it needs
 * converting by a person, and an automatic change would only hide that.
 */
import { findLegacyEncoding, type LegacyProblem } from '../vietnamese/legacy-encoding.ts';
import { findNonNfc, type NfcProblem } from '../vietnamese/text.ts';

export interface NfcFix {
  /** The new text, when the file is to be rewritten. */
  text: string | undefined;
  /** The first non-NFC characters of each line that changes (or would change). */
  changes: NfcProblem[];
  /** Mangled words that block any change to the file. */
  legacy: LegacyProblem[];
}

export function planNfcFix(source: string): NfcFix {
  const changes = findNonNfc(source);
  const legacy = findLegacyEncoding(source);
  return { text: changes.length > 0 && legacy.length === 0 ? source.normalize('NFC') : undefined, changes, legacy };
}
