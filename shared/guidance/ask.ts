// Matches a person's own words to the best general answer. MiniSearch ranks the answers
// (title, keywords, synonym concepts and text); misspellings are corrected against the
// answers' vocabulary first, and synonym groups add concept tokens to both sides. The score
// (0–1) says how much of the question the best answer covers, weighted by how telling each
// word is; below the threshold there is no answer, only the nearest topics.
import MiniSearch from 'minisearch';
import { buildConcepts, conceptToken, type Concepts } from './concepts.ts';
import { allowedEdits, editDistance, terms } from './text.ts';
import type { AnswerDoc, SynonymGroup } from './types.ts';

export type Scored = { id: string; title: string; score: number };
export type Match = { best: Scored | null; alternatives: Scored[] };

export const ANSWER_THRESHOLD = 0.45;
const FIELDS = ['title', 'keywords', 'concepts', 'text'] as const;
const BOOST = { title: 2.5, keywords: 2, concepts: 3, text: 1 };
const CONCEPT_WEIGHT = 1.5;
/** A question word found only in an answer's text, not its title or keywords, counts this much. */
const TEXT_ONLY = 0.6;
/** An answer whose title and keywords share nothing with the question is a weak match. */
const UNANCHORED = 0.7;
/** For how telling a word is, an answer that has it only in its text counts as a quarter of an answer. */
const TEXT_DF = 0.25;
/** How much MiniSearch's own ranking (field boosts, term frequency) tempers the coverage score. */
const RAW_EXP = 0.5;

type Unit = { key: string; words: string[]; corrected: boolean };
type Doc = { id: string; title: string; keywords: string; concepts: string; text: string };

export type Matcher = { match(question: string): Match; concepts: Concepts };

export function buildMatcher(answers: AnswerDoc[], synonyms: SynonymGroup[]): Matcher {
  const concepts = buildConcepts(synonyms);
  const conceptTokens = (text: string, fuzzy = false) => concepts.find(text, fuzzy).map(conceptToken);
  const docs: Doc[] = answers.map((a) => ({
    id: a.id,
    title: [...terms(a.title), ...conceptTokens(a.title)].join(' '),
    keywords: [...terms(a.keywords.join(' . ')), ...a.keywords.flatMap((k) => conceptTokens(k))].join(' '),
    concepts: conceptTokens(`${a.title} . ${a.keywords.join(' . ')}`).join(' '),
    text: [...terms(a.body), ...conceptTokens(a.body)].join(' '),
  }));
  /** How many answers use a word: fully when in a title, keywords or concepts, a quarter when only in the text. */
  const df = new Map<string, number>();
  for (const d of docs) {
    const strongWords = new Set([d.title, d.keywords, d.concepts].join(' ').split(' ').filter(Boolean));
    for (const t of strongWords) df.set(t, (df.get(t) ?? 0) + 1);
    for (const t of new Set(d.text.split(' ').filter(Boolean))) if (!strongWords.has(t)) df.set(t, (df.get(t) ?? 0) + TEXT_DF);
  }
  const byInitial = new Map<string, string[]>();
  for (const t of df.keys()) if (!t.startsWith('c_')) byInitial.set(t[0], [...(byInitial.get(t[0]) ?? []), t]);
  const n = Math.max(docs.length, 1);
  /** BM25's idf: words in nearly every answer ("lung", "cancer") weigh almost nothing. */
  const idf = (t: string) => {
    const f = df.get(t) ?? 0;
    return Math.log(1 + (n - f + 0.5) / (f + 0.5)) * (t.startsWith('c_') ? CONCEPT_WEIGHT : 1);
  };
  const titles = new Map(answers.map((a) => [a.id, a.title]));
  /** Per answer: the words of its title, keywords and concepts (strong), and of its text. */
  const strong = new Map(docs.map((d) => [d.id, new Set([d.title, d.keywords, d.concepts].join(' ').split(' '))]));
  const weak = new Map(docs.map((d) => [d.id, new Set(d.text.split(' '))]));

  const index = new MiniSearch<Doc>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize: (s) => s.split(' ').filter(Boolean),
    processTerm: (t) => t,
  });
  index.addAll(docs);

  function correct(token: string): string {
    if (df.has(token) || /\d/.test(token) || token.length < 5) return token;
    let best = token;
    let bestDistance = allowedEdits(token) + 1;
    for (const v of byInitial.get(token[0]) ?? []) {
      if (Math.abs(v.length - token.length) > 2) continue;
      const d = editDistance(token, v, allowedEdits(token));
      if (d > allowedEdits(token)) continue;
      if (d < bestDistance || (d === bestDistance && (df.get(v) ?? 0) > (df.get(best) ?? 0))) { best = v; bestDistance = d; }
    }
    return best;
  }

  /**
   * The question as units: each concept found, together with the words it covers, is one unit
   * (so "chemo" does not count twice); every other word is a unit of its own.
   */
  function unitsOf(question: string): Unit[] {
    const raw = [...new Set(terms(question))];
    const fixed = new Map(raw.map((t) => [t, correct(t)]));
    const units: Unit[] = [];
    const covered = new Set<string>();
    for (const span of concepts.spans(question, true)) {
      const key = conceptToken(span.concept);
      const words = span.words.filter((w) => fixed.has(w)).map((w) => fixed.get(w)!);
      span.words.forEach((w) => covered.add(w));
      const same = units.find((u) => u.key === key);
      if (same) same.words.push(...words.filter((w) => !same.words.includes(w)));
      else units.push({ key, words: [...new Set(words)], corrected: false });
    }
    for (const t of raw) {
      if (covered.has(t)) continue;
      const c = fixed.get(t)!;
      if (/\d/.test(c) && !df.has(c)) continue;
      if (!units.some((u) => u.key === c)) units.push({ key: c, words: [], corrected: c !== t });
    }
    return units;
  }

  function match(question: string): Match {
    const units = unitsOf(question);
    const total = units.reduce((s, u) => s + idf(u.key), 0);
    if (!units.length || total === 0) return { best: null, alternatives: [] };
    const query = [...new Set(units.flatMap((u) => [u.key, ...u.words]))];
    const results = index.search(query.join(' '), {
      boost: BOOST,
      prefix: (t) => t.length >= 6 && !t.startsWith('c_'),
      combineWith: 'OR',
    });
    if (!results.length) return { best: null, alternatives: [] };
    const top = results[0].score;
    const scored: Scored[] = results.slice(0, 8).map((r) => {
      const id = String(r.id);
      const found = (t: string) => (strong.get(id)!.has(t) ? 1 : weak.get(id)!.has(t) ? TEXT_ONLY : 0);
      const got = units.reduce((s, u) => {
        const direct = idf(u.key) * found(u.key) * (u.corrected ? 0.5 : 1);
        const viaWords = Math.max(0, ...u.words.map((w) => Math.min(idf(w), idf(u.key)) * found(w)));
        return s + Math.max(direct, viaWords);
      }, 0);
      const coverage = got / total;
      const anchored = units.some((u) => strong.get(id)!.has(u.key) || u.words.some((w) => strong.get(id)!.has(w)));
      const confidence = Math.sqrt(coverage) * (anchored ? 1 : UNANCHORED) * Math.pow(r.score / top, RAW_EXP);
      return { id, title: titles.get(id) ?? id, score: round(confidence) };
    });
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0].score >= ANSWER_THRESHOLD ? scored[0] : null;
    return { best, alternatives: scored.slice(best ? 1 : 0, best ? 4 : 3).filter((s) => s.score > 0) };
  }

  return { match, concepts };
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
