// Synonym groups (resources/knowledge/synonyms.json) turn lay and clinical words for the same
// thing into one concept token, on both the question and the answers: "chemo pills",
// "targeted therapy" and "TKI" all add `c_targeted-therapy`. Phrases match word by word,
// tolerating a missing or extra small word and one-letter slips in longer words.
import { allowedEdits, editDistance, isStopword, stem, words } from './text.ts';
import type { SynonymGroup } from './types.ts';

type Phrase = { concept: string; tokens: string[] };

/** A concept found in a text, with the (stemmed) words of the text it covers. */
export type Span = { concept: string; words: string[] };
/** `fuzzy: false` for text we wrote ourselves (answers), which has no typing slips: much faster. */
export type Concepts = { find(text: string, fuzzy?: boolean): string[]; spans(text: string, fuzzy?: boolean): Span[] };

const tokensOf = (text: string) => words(text).map(stem);

function same(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || a[0] !== b[0]) return false;
  return editDistance(a, b, 2) <= Math.min(allowedEdits(a), allowedEdits(b));
}

/** Where a phrase that starts at `start` ends in the text (exclusive), or 0 when it does not match there. */
function matchEnd(phrase: string[], text: string[], start: number, fuzzy: boolean): number {
  const eq = fuzzy ? same : (a: string, b: string) => a === b;
  let j = 0;
  let p = start;
  let gaps = 0;
  while (j < phrase.length) {
    if (p < text.length && eq(phrase[j], text[p])) { j++; p++; continue; }
    if (j > 0 && j < phrase.length - 1 && phrase[j].length > 1 && isStopword(phrase[j])) { j++; continue; }
    if (j > 0 && p < text.length && isStopword(text[p]) && gaps < 2) { p++; gaps++; continue; }
    return 0;
  }
  return p;
}

export function buildConcepts(groups: SynonymGroup[]): Concepts {
  const phrases: Phrase[] = [];
  for (const g of groups) {
    for (const term of [g.concept.replace(/-/g, ' '), ...g.terms]) {
      const tokens = tokensOf(term);
      if (tokens.length) phrases.push({ concept: g.concept, tokens });
    }
  }
  const byFirst = new Map<string, Phrase[]>();
  for (const ph of phrases) {
    const key = ph.tokens[0];
    byFirst.set(key, [...(byFirst.get(key) ?? []), ph]);
  }
  const byInitial = new Map<string, string[]>();
  for (const f of byFirst.keys()) byInitial.set(f[0], [...(byInitial.get(f[0]) ?? []), f]);
  const memo = new Map<string, Phrase[]>();
  /** Phrases that may start at this token: exact first word, or a slip of it (same first letter). */
  const startingWith = (tok: string, fuzzy: boolean): Phrase[] => {
    const exact = byFirst.get(tok);
    if (exact) return exact;
    if (tok.length < 5 || !fuzzy) return [];
    let hit = memo.get(tok);
    if (!hit) {
      hit = (byInitial.get(tok[0]) ?? []).filter((f) => same(f, tok)).flatMap((f) => byFirst.get(f)!);
      memo.set(tok, hit);
    }
    return hit;
  };
  function spans(text: string, fuzzy = true): Span[] {
    const tokens = tokensOf(text);
    const out: Span[] = [];
    let coveredTo = 0;
    tokens.forEach((tok, i) => {
      if (i < coveredTo) return;
      const hits = startingWith(tok, fuzzy).map((ph) => ({ ph, end: matchEnd(ph.tokens, tokens, i, fuzzy) })).filter((h) => h.end > 0);
      if (!hits.length) return;
      const longest = Math.max(...hits.map((h) => h.ph.tokens.length));
      for (const h of hits) if (h.ph.tokens.length === longest) out.push({ concept: h.ph.concept, words: tokens.slice(i, h.end) });
      if (longest > 1) coveredTo = Math.max(...hits.map((h) => h.end));
    });
    return out;
  }
  return { spans, find: (text, fuzzy = true) => [...new Set(spans(text, fuzzy).map((s) => s.concept))] };
}

export const conceptToken = (concept: string) => `c_${concept.replace(/[^a-z0-9]+/g, '_')}`;
