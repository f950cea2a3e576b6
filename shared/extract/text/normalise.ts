// OCR-tolerant text normalisation shared by every extractor.
//
// API (stable; other extractors import these):
//   normaliseText(s)  → same meaning, plainer characters: Unicode dashes/quotes/spaces folded,
//                        ligatures split, runs of spaces collapsed. Not length-preserving.
//   fixOcrDigits(s)   → LENGTH-PRESERVING: letters OCR confuses with digits (O o → 0, l I | → 1)
//                        replaced where they sit inside a digit run, so indices still map back.
//   fixOcrCodes(s)    → fixes inside short codes such as stage and protein tokens
//                        (`pT1la` → `pT1a`, `V600oE` → `V600E`, `MlC` → `M1C`, `Al` → `A1` after
//                        a stage/group letter). Not length-preserving; use for matching, not offsets.
//   squash(s)         → lower case with all non-alphanumerics removed: compare words that OCR or
//                        layout broke apart ("adeno carcinoma", "Adeno-carcinoma").
//   hasWord(s, w)     → whole-word, case-insensitive test that tolerates broken spacing inside `w`.
//   fixOcrWords(s)    → report words OCR damaged put back ("SQUAOUS" → "SQUAMOUS", "carcipoma" →
//                        "carcinoma", "adenocarcinôma" → "adenocarcinoma"), keeping their case.
//                        Not length-preserving; for matching, never for quotes.

import ocrWords from '../vocab/ocr-words.json' with { type: 'json' };

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\u00A0\u2000-\u200B\u202F\u205F\u3000\t]/g;
const SQUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const DQUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;

export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .replace(SQUOTES, "'")
    .replace(DQUOTES, '"')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/** O/o → 0 and l/I/| → 1 where the character sits in a run of digits (a digit on one side and
 * no letter on the other), so "2O25" and "O3/l5/2025" read as numbers and words are untouched. */
export function fixOcrDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const prev = s[i - 1];
    const next = s[i + 1];
    const map = c === 'O' || c === 'o' ? '0' : c === 'l' || c === 'I' || c === '|' ? '1' : null;
    if (map && ((isDigit(prev) && !isLetter(next)) || (isDigit(next) && !isLetter(prev)))) out += map;
    else out += c;
  }
  return out;
}

/** Repairs inside code-like tokens: a stray `l`/`o` OCR inserts after a digit before a
 * sub-letter (`T1la` → `T1a`, `V600oE` → `V600E`), and `l`/`I` for `1` after a TNM letter (`MlC`). */
export function fixOcrCodes(s: string): string {
  return s
    // "T1la", "pN1la": the 1 read twice (1 then l) before a sub-letter
    .replace(/\b([cpyr]{0,2}[TNM])([0-4])[lI|]([abc])\b/g, '$1$2$3')
    // with a c/p/yp prefix the letter after T/N/M can only be a digit: "pTlb", "cNO", "pMl"
    .replace(/\b([cpyr]{1,2}[TNM])[lI|](?![A-Za-z]{2})/g, '$11')
    .replace(/\b([cpyr]{1,2}[TNM])[Oo](?![A-Za-z]{2})/g, '$10')
    // without a prefix, only next to another TNM token: "T2aNOMO", "TlcN2", "N2 MO"
    .replace(/(T(?:[0-4][abc]?|is|[xX])\s?[cp]?N)[Oo]/g, '$10')
    .replace(/(N[0-3][abc]?\s?[cp]?M)[Oo]\b/g, '$10')
    .replace(/(N[0-3][abc]?\s?[cp]?M)[lI|](?=[abc]?\b)/g, '$11')
    // the 1 of M1a/M1b/M1c dropped after an N token: "N1 Mc" (M0 keeps its digit; only M1 has a sub-letter)
    .replace(/(N[0-3][abc]?\s?[cp]?M)(?=[abc]\b)/g, '$11')
    .replace(/\bT[lI|]([abc]?)(?=\s?[cp]?N[0-3OoxX])/g, 'T1$1')
    // protein change with a stray letter o between the codon digits and the new residue: V600oE
    .replace(/\b([ACDEFGHIKLMNPQRSTVWY])(\d{2,4})o([ACDEFGHIKLMNPQRSTVWY*])(?![A-Za-z])/g, '$1$2$3')
    // "IAl" / "IIIAl": l for 1 after a stage subgroup letter
    .replace(/\b(IA)[lI|](?![A-Za-z])/g, '$11');
}

export function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Whole-word, case-insensitive; spaces or hyphens may appear anywhere inside `word`. */
export function hasWord(s: string, word: string): boolean {
  const parts = word.replace(/\s+/g, '').split('').map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![A-Za-z0-9])${parts.join('[\\s-]?')}(?![A-Za-z0-9])`, 'i');
  return re.test(s);
}

const DICT = ocrWords.words;

/** Edit distance (insert, delete, substitute, swap) up to `max`; larger distances return max + 1. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

function withCaseOf(model: string, word: string): string {
  if (model === model.toUpperCase()) return word.toUpperCase();
  if (model[0] === model[0]!.toUpperCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

export function fixOcrWords(s: string): string {
  const folded = /[^\x00-\x7f]/.test(s) ? s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : s;
  // a word, possibly with digits OCR put in place of letters ("SQUAMOU3")
  return folded.replace(/[A-Za-z][A-Za-z0-9-]{5,}[A-Za-z0-9]/g, (w) => {
    if (w.length < 7 || /\d{2}/.test(w)) return w;
    const known = seen.get(w);
    if (known !== undefined) return known;
    const fixed = repair(w);
    // words repeat across lines and records: remember the answer, within bounds
    if (seen.size > 20000) seen.clear();
    seen.set(w, fixed);
    return fixed;
  });
}

const seen = new Map<string, string>();

function repair(w: string): string {
  const low = w.toLowerCase();
  if (DICT.includes(low)) return w;
  const max = low.length >= 12 ? 2 : 1;
  let best: string | null = null;
  let bestD = max + 1;
  // OCR also reads m as "rn" and d as "cl": try the word with those put back
  const forms = [...new Set([low, low.replace(/rn/g, 'm'), low.replace(/cl/g, 'd')])];
  for (const form of forms) {
    for (const d of DICT) {
      const dist = distance(form, d, max);
      if (dist < bestD) { best = d; bestD = dist; }
    }
  }
  return best ? withCaseOf(w, best) : w;
}
