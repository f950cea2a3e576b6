// OCR damages the very words results hinge on ("not deteicted", "Migrdsateliite",
// "rearrangment"). Words close to a result key word (same first letter, a small edit
// distance) are replaced by it before any rule reads the line. Short words are left alone:
// at four letters a two-letter slip turns one real word into another.

const KEYWORDS = [
  'detected', 'identified', 'negative', 'positive', 'rearrangement', 'rearrangements', 'rearranged', 'amplification',
  'amplified', 'mutation', 'mutations', 'microsatellite', 'instability', 'expression', 'proportion', 'deletion',
  'insertion', 'skipping', 'equivocal', 'translocation', 'alterations', 'alteration', 'pathogenic', 'significance',
  'uncertain', 'mutational', 'megabase', 'overexpression', 'immunohistochemistry', 'pembrolizumab', 'carboplatin',
  'pemetrexed', 'osimertinib', 'paclitaxel', 'etoposide', 'durvalumab', 'atezolizumab', 'nivolumab', 'cisplatin',
  'lobectomy', 'segmentectomy', 'pneumonectomy', 'radiation', 'chemoradiation', 'radiotherapy', 'stereotactic',
];

const BY_FIRST = new Map<string, string[]>();
for (const k of KEYWORDS) {
  const list = BY_FIRST.get(k[0]!) ?? [];
  list.push(k);
  BY_FIRST.set(k[0]!, list);
}
// real words near a key word, never to be "repaired" into it
const LEGIT = [
  'detects', 'detecting', 'detection', 'detectable', 'identify', 'identifies', 'identifying', 'negatives', 'positives',
  'positivity', 'negativity', 'mutated', 'mutants', 'expressed', 'expressing', 'deleted', 'deletions', 'insertions',
  'inserted', 'amplify', 'amplifies', 'rearrange', 'translocations', 'significant', 'pathogenicity', 'uncertainty',
  'radiating', 'radiated', 'irradiation', 'expressions', 'proportions', 'equivocally', 'skipped', 'instabilities',
  'alternative', 'alternatives', 'alternatively', 'alternate', 'alternating',
];
const EXACT = new Set([...KEYWORDS, ...LEGIT]);

/** Levenshtein distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The key word `word` is an OCR slip of, or null. */
export function keywordFor(word: string): string | null {
  const w = word.toLowerCase();
  if (w.length < 7 || EXACT.has(w)) return null;
  const max = w.length >= 11 ? 3 : 2;
  let best: string | null = null;
  let bestD = max + 1;
  for (const k of BY_FIRST.get(w[0]!) ?? []) {
    const d = distance(w, k, max);
    if (d < bestD || (d === bestD && best && k.length === w.length)) { best = k; bestD = d; }
  }
  // a slip must still look like the word: most of its letters in place
  return best && bestD <= max && bestD < best.length / 3 ? best : null;
}

/** Letters OCR read as digits inside a word: "n0t", "Mutati0nal", "P0SITIVE", "lNTERPRETATl0N".
 * Only words that are otherwise letters; stage codes ("N0", "ypN0", "T0N0") keep their zeros,
 * since a zero counts only between letters or beside a lower-case one. */
export function fixOcrDigits(s: string): string {
  const words = s.replace(/(?<![A-Za-z0-9])[A-Za-z0l]*0[A-Za-z0l]*(?![A-Za-z0-9])|(?<![A-Za-z0-9])[A-Z]+l[A-Z]+(?![A-Za-z0-9])/g, (w) => {
    if (/^[A-Z0l]+$/.test(w) && (w.match(/[A-Z]/g) ?? []).length >= 4) {
      return w.replace(/l/g, 'I').replace(/(?<=[A-Z])0(?=[A-Z])/g, 'O');
    }
    if (/[a-z]0|0[a-z]/.test(w)) return w.replace(/0/g, 'o');
    return w;
  });
  // "N0 mutation detected": a stage N0 is never followed by a result noun, a "No" is
  return words.replace(/\bN0(?=\s+(?:pathogenic\s+|reportable\s+)?(?:mutations?|variants?|alterations?|fusions?|rearrangements?|amplifications?|evidence)\b)/g, 'No');
}

/** Repairs OCR slips of key words in a line, keeping the case style of what was written. */
export function fixOcrWords(s: string): string {
  return fixOcrDigits(s).replace(/[A-Za-z][A-Za-z']{6,}/g, (w) => {
    if (/'/.test(w)) return w;
    const k = keywordFor(w);
    if (!k) return w;
    return w === w.toUpperCase() ? k.toUpperCase() : /^[A-Z]/.test(w) ? k[0]!.toUpperCase() + k.slice(1) : k;
  });
}
