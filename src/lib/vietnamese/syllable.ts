/**
 * Whether a word is one well-formed Vietnamese syllable: an optional initial
 * consonant, a rhyme from the language's closed list, at most one tone mark,
 * and the spelling rules (k/gh/ngh before i, e, ê; c/g/ng elsewhere; a stop
 * final p, t, c, ch only with the sắc or nặng tone). Used to tell real
 * Vietnamese from text mangled by a legacy encoding, which decodes into a
 * syllable while the mangled form is none.
 */

const TONE_MARKS: Record<string, 'sac' | 'huyen' | 'hoi' | 'nga' | 'nang'> = {
  '\u0301': 'sac',
  '\u0300': 'huyen',
  '\u0309': 'hoi',
  '\u0303': 'nga',
  '\u0323': 'nang',
};

/** Every rhyme (vần) without its tone mark. */
const RHYMES: ReadonlySet<string> = new Set(
  `a ac ach ai am an ang anh ao ap at au ay
   ăc ăm ăn ăng ăp ăt
   âc âm ân âng âp ât âu ây
   e ec em en eng eo ep et
   ê êch êm ên ênh êp êt êu
   i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
   o oc oi om on ong op ot oong ooc
   oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
   ô ôc ôi ôm ôn ông ôp ôt
   ơ ơi ơm ơn ơp ơt
   u ua uc ui um un ung up ut
   uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uyn uynh uyt uyu
   uôc uôi uôm uôn uông uôt
   ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
   y yêm yên yêt yêu`.split(/\s+/),
);

/** Initial consonants; a bare "p" only occurs in loanwords and is left out. */
const ONSETS = ['', ...'ngh ng gh gi kh nh ph qu th tr ch b c d đ g h k l m n r s t v x'.split(' ')];

function spellingAllowed(onset: string, rhyme: string): boolean {
  const front = /^[ieêy]/.test(rhyme);
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return front;
  // The /kw/ sound is spelt "qu", never "c" + u: cua, but quân, not cuân.
  if (onset === 'c') return !front && !/^u[âêyơ]/.test(rhyme);
  if (onset === 'ng') return !/^[ieê]/.test(rhyme);
  if (onset === 'g') return !/^[eê]/.test(rhyme);
  if (onset === 'qu') return !/^[uo]/.test(rhyme);
  return true;
}

/** Splits `base` (lower case, toneless, NFC) into an onset and a rhyme, trying every onset that fits ("gi" + "ữ", "g" + "ìn"). */
function split(base: string): { onset: string; rhyme: string } | undefined {
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rhyme = base.slice(onset.length);
    if (RHYMES.has(rhyme) && spellingAllowed(onset, rhyme)) return { onset, rhyme };
  }
  return undefined;
}

/** Lower case, Capitalised or UPPER CASE: the only ways a Vietnamese word is written. */
function casedLikeAWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (word === lower || word === word.toUpperCase()) return true;
  const [first = '', ...rest] = [...word];
  return first === first.toUpperCase() && rest.join('') === rest.join('').toLowerCase();
}

export function isVietnameseSyllable(word: string): boolean {
  if (!word || !casedLikeAWord(word)) return false;
  let tone: string | undefined;
  let base = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    const mark = TONE_MARKS[ch];
    if (mark) {
      if (tone) return false;
      tone = mark;
    } else {
      base += ch;
    }
  }
  const parts = split(base.normalize('NFC'));
  if (!parts) return false;
  // A stop final (p, t, c, ch) takes only the sắc or nặng tone.
  if (/(?:p|t|c|ch)$/.test(parts.rhyme) && tone !== 'sac' && tone !== 'nang') return false;
  return true;
}
