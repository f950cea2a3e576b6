// Text handling for question matching: folding, words, a light stemmer, stopwords, and
// edit distance for misspellings. Documents and questions go through the same steps.

const STOPWORDS = new Set(`a about above after again all am an and any anything are aren as at be because been before
being below between both but by can could couldn did didn do does doesn doing don down during each else even ever every
few for from further get gets getting go going got had has have having he her here hers him his how however i if in into
is isn it its itself just let like ll me might more most much must my myself need no nor not now of off often on once
one only or other our ours out over own really said same say says she should so some something still such than that
the their them then there these they thing things this those through to too under until up us use used very was
wasn way we well were what whats when where which while who whom why will with would wouldn you your yours yourself
ve re s t d m o y
dad mom mum mother father wife husband son daughter sister brother aunt uncle grandma grandpa grandmother grandfather
law friend partner someone somebody honestly basically actually please thanks thank hi hello ok okay yeah also
doctor doctors oncologist oncologists team tell told ask asked asking know knew mean means meaning want wants wanted
keep keeps kept talk talking talked read heard hear think thought try trying
best better good great bad lot lots
dont cant wont didnt doesnt isnt arent wasnt werent havent hasnt shouldnt im ive id youre theyre weve thats whats heres theres
understand brought bring came come comes gone went anything everything nothing anyone everyone ago since
month months week weeks day days year years today yesterday last next soon already probably maybe
lung lungs cancer cancers stop stops stopped start starts started driver drivers driving new body`.split(/\s+/));

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Compound terms written many ways become one word, so "CAR-T", "car t" and "cart" meet. */
const COMPOUNDS: [RegExp, string][] = [
  [/\bcar[\s-]*t\b/g, 'cart'], [/\bpd[\s-]*l[\s-]*1\b/g, 'pdl1'], [/\bpd[\s-]*1\b/g, 'pd1'], [/\bher[\s-]*2\b/g, 'her2'],
  [/\bt[\s-]cells?\b/g, 'tcell'], [/\bnon[\s-]*small\b/g, 'nonsmall'], [/\bc[\s-]met\b/g, 'cmet'], [/\bt[\s-]?dxd\b/g, 'tdxd'],
  [/\bco[\s-]pays?\b/g, 'copay'], [/\bfollow[\s-]?ups?\b/g, 'followup'], [/\bre[\s-]biops/g, 'rebiops'], [/\bst\.?\s*john'?s\b/g, 'stjohns'],
  [/\be[\s-]cig/g, 'ecig'], [/\bx[\s-]ray/g, 'xray'],
  [/\b(ros|ntrk|brca|ctla|erbb|nrg|her)[\s-]([1-4])\b/g, '$1$2'],
];

/** Words of a text, folded; apostrophes dropped ("what's" → "whats"), hyphens split. */
export function words(text: string): string[] {
  let t = fold(text);
  for (const [re, to] of COMPOUNDS) t = t.replace(re, to);
  return t.replace(/'/g, '').match(/[a-z0-9]+/g) ?? [];
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** A light suffix stemmer: enough that "therapies", "therapy" and "tested", "testing", "tests" meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(ch|sh|x|ss|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|ys)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) {
    w = w.slice(0, -3);
    // "coming", "taking" → "come", "take", so they meet the bare words
    if (w.length <= 4 && /[^aeiou][aeiou][^aeiouwxy]$/.test(w)) w = `${w}e`;
  } else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Content terms: words minus stopwords, stemmed. Single letters are dropped. */
export function terms(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !isStopword(w)).map(stem).filter((w) => !isStopword(w));
}

/** Damerau–Levenshtein distance (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = new Array(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length];
}

/** How many edits a misspelling of a word this long may have. */
export function allowedEdits(word: string): number {
  if (/\d/.test(word)) return 0;
  return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}
