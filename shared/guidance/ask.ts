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

export const ANSWER_THRESHOLD = 0.4;
const FIELDS = ['title', 'keywords', 'concepts', 'text'] as const;
const BOOST = { title: 2.5, keywords: 2, concepts: 3, text: 1 };
const CONCEPT_WEIGHT = 1.5;

type Doc = { id: string; title: string; keywords: string; concepts: string; text: string };

export type Matcher = { match(question: string): Match; concepts: Concepts };

export function buildMatcher(answers: AnswerDoc[], synonyms: SynonymGroup[]): Matcher {
  const concepts = buildConcepts(synonyms);
  const conceptTokens = (text: string) => concepts.find(text).map(conceptToken);
  const docs: Doc[] = answers.map((a) => ({
    id: a.id,
    title: [...terms(a.title), ...conceptTokens(a.title)].join(' '),
    keywords: [...terms(a.keywords.join(' . ')), ...a.keywords.flatMap((k) => conceptTokens(k))].join(' '),
    concepts: conceptTokens(`${a.title} . ${a.keywords.join(' . ')}`).join(' '),
    text: [...terms(a.body), ...conceptTokens(a.body)].join(' '),
  }));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(FIELDS.flatMap((f) => d[f].split(' ')).filter(Boolean))) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = [...df.keys()].filter((t) => !t.startsWith('c_'));
  const n = Math.max(docs.length, 1);
  const idf = (t: string) => Math.log(1 + n / (1 + (df.get(t) ?? 0))) * (t.startsWith('c_') ? CONCEPT_WEIGHT : 1);
  const titles = new Map(answers.map((a) => [a.id, a.title]));

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
    for (const v of vocab) {
      if (Math.abs(v.length - token.length) > 2) continue;
      const d = editDistance(token, v, allowedEdits(token));
      if (d < bestDistance || (d === bestDistance && (df.get(v) ?? 0) > (df.get(best) ?? 0))) { best = v; bestDistance = d; }
    }
    return best;
  }

  function match(question: string): Match {
    const qTerms = [...new Set(terms(question).map(correct))];
    const qConcepts = conceptTokens(question);
    const query = [...qTerms, ...qConcepts];
    const weighed = [...new Set(query)].filter((t) => !/^\d+$/.test(t));
    const total = weighed.reduce((s, t) => s + idf(t), 0);
    if (!query.length || total === 0) return { best: null, alternatives: [] };
    const results = index.search(query.join(' '), {
      boost: BOOST,
      prefix: (t) => t.length >= 6 && !t.startsWith('c_'),
      combineWith: 'OR',
    });
    if (!results.length) return { best: null, alternatives: [] };
    const top = results[0].score;
    const scored: Scored[] = results.slice(0, 8).map((r) => {
      const matched = new Set(r.queryTerms);
      const got = weighed.filter((t) => matched.has(t)).reduce((s, t) => s + idf(t), 0);
      const coverage = got / total;
      const strength = 1 - Math.exp(-got / 2.5);
      const confidence = Math.sqrt(coverage) * strength * Math.sqrt(r.score / top);
      return { id: String(r.id), title: titles.get(String(r.id)) ?? String(r.id), score: round(confidence) };
    });
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0].score >= ANSWER_THRESHOLD ? scored[0] : null;
    return { best, alternatives: scored.slice(best ? 1 : 0, best ? 4 : 3).filter((s) => s.score > 0) };
  }

  return { match, concepts };
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
