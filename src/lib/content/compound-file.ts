/**
 * The names of the streams and storages in a Compound File Binary file (the
 * container of legacy Word .doc, Excel .xls and PowerPoint .ppt files,
 * [MS-CFB]), read from its directory: enough to tell which program's document
 * it is and whether it carries macros.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const DIRECTORY_ENTRY = 128;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Every entry name in the file's directory, or undefined when it is no readable compound file. */
export function compoundFileNames(bytes: Uint8Array): string[] | undefined {
  if (!isCompoundFile(bytes) || bytes.length < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  if (view.getUint16(0x1c, true) !== 0xfffe) return undefined;
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize);
  const sectorAt = (n: number) => (n + 1) * sectorSize;
  const readable = (n: number) => n < sectors && sectorAt(n) + sectorSize <= bytes.length;

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const n = u32(0x4c + i * 4);
    if (n !== FREE && n !== END_OF_CHAIN) fatSectors.push(n);
  }
  let difat = u32(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && guard < sectors; guard++) {
    if (!readable(difat)) return undefined;
    for (let i = 0; i < sectorSize / 4 - 1; i++) {
      const n = u32(sectorAt(difat) + i * 4);
      if (n !== FREE && n !== END_OF_CHAIN) fatSectors.push(n);
    }
    difat = u32(sectorAt(difat) + sectorSize - 4);
  }
  const next = (n: number): number | undefined => {
    const fatSector = fatSectors[Math.floor(n / (sectorSize / 4))];
    if (fatSector === undefined || !readable(fatSector)) return undefined;
    return u32(sectorAt(fatSector) + (n % (sectorSize / 4)) * 4);
  };

  // The directory: a chain of sectors holding 128-byte entries.
  const names: string[] = [];
  let sector = u32(0x30);
  for (let guard = 0; sector !== END_OF_CHAIN; guard++) {
    if (guard > sectors || !readable(sector)) return undefined;
    for (let at = sectorAt(sector); at < sectorAt(sector) + sectorSize; at += DIRECTORY_ENTRY) {
      const type = bytes[at + 0x42];
      const length = view.getUint16(at + 0x40, true);
      if (type === 0 || length < 2 || length > 64) continue;
      let name = '';
      for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
      names.push(name);
    }
    const following = next(sector);
    if (following === undefined) return undefined;
    sector = following;
  }
  return names;
}
