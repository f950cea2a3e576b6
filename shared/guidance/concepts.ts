// Synonym groups (resources/knowledge/synonyms.json) turn lay and clinical words for the same
// thing into one concept token, on both the question and the answers: "chemo pills",
// "targeted therapy" and "TKI" all add `c_targeted-therapy`. Phrases match word by word,
// tolerating a missing or extra small word and one-letter slips in longer words.
import { allowedEdits, editDistance, isStopword, stem, words } from './text.ts';
import type { SynonymGroup } from './types.ts';

type Phrase = { concept: string; tokens: string[] };

export type Concepts = { find(text: string): string[] };

const tokensOf = (text: string) => words(text).map(stem);

function same(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  return editDistance(a, b, 2) <= Math.min(allowedEdits(a), allowedEdits(b));
}

function matchesAt(phrase: string[], text: string[], start: number): boolean {
  let j = 0;
  let p = start;
  let gaps = 0;
  while (j < phrase.length) {
    if (p < text.length && same(phrase[j], text[p])) { j++; p++; continue; }
    if (j > 0 && isStopword(phrase[j])) { j++; continue; }
    if (j > 0 && p < text.length && isStopword(text[p]) && gaps < 2) { p++; gaps++; continue; }
    return false;
  }
  return true;
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
  const firstTokens = [...byFirst.keys()];
  return {
    find(text: string): string[] {
      const tokens = tokensOf(text);
      const found = new Set<string>();
      tokens.forEach((tok, i) => {
        const candidates = byFirst.get(tok) ?? (tok.length >= 5 ? firstTokens.filter((f) => same(f, tok)).flatMap((f) => byFirst.get(f)!) : []);
        for (const ph of candidates) if (!found.has(ph.concept) && matchesAt(ph.tokens, tokens, i)) found.add(ph.concept);
      });
      return [...found];
    },
  };
}

export const conceptToken = (concept: string) => `c_${concept.replace(/[^a-z0-9]+/g, '_')}`;
