// What kind of report a record is, decided from its words (never from its file name):
// title phrases near the top of each page weigh most, body words break ties. The cue
// lists are data (vocab/report-kinds.json). Overlapping phrases are counted once, longest
// first, so "molecular pathology consultation" is not also a note because of "consultation".
import type { SourceKind } from '../../contract/facts.ts';
import type { CtxLine } from '../context.ts';
import { headingOf } from './sections.ts';
import kindVocab from '../vocab/report-kinds.json' with { type: 'json' };

type Kind = Exclude<keyof typeof kindVocab.title, never> & SourceKind;

const TITLE_LINES = 14;
const TITLE_WEIGHT = 6;
const MIN_SCORE = 3;

interface CueSet { re: RegExp; kindOf: Map<string, Kind> }

const canon = (s: string): string => s.replace(/\s+/g, '');

/** One alternation of every phrase, longest first: each stretch of text counts once, for the
 * longest phrase there, so "molecular pathology consultation" is not also a "consultation". */
function cues(table: Record<string, string[]>): CueSet {
  const kindOf = new Map<string, Kind>();
  const phrases = Object.entries(table).flatMap(([kind, list]) => list.map((p) => ({ kind: kind as Kind, p })));
  for (const { kind, p } of phrases) if (!kindOf.has(canon(p))) kindOf.set(canon(p), kind);
  const alts = phrases
    .map(({ p }) => p)
    .sort((a, b) => b.length - a.length)
    .map((p) => `${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*')}${/[a-z0-9]$/.test(p) ? '(?![a-z0-9])' : ''}`);
  return { re: new RegExp(`(?<![a-z0-9])(?:${alts.join('|')})`, 'g'), kindOf };
}

const TITLE = cues(kindVocab.title);
const BODY = cues(kindVocab.body);

/** Adds `weight` per phrase found; with `once`, each phrase counts only the first time. */
function score(text: string, set: CueSet, weight: number, into: Map<Kind, number>, once?: Set<string>): void {
  // matchAll starts where the shared regex last stopped: start from the beginning
  set.re.lastIndex = 0;
  for (const m of text.matchAll(set.re)) {
    const key = canon(m[0]);
    const kind = set.kindOf.get(key);
    if (!kind) continue;
    if (once) {
      if (once.has(key)) continue;
      once.add(key);
    }
    into.set(kind, (into.get(kind) ?? 0) + weight);
  }
}

/** Letters, digits and the joiners that phrases use; other punctuation (OCR quotes, specks) is a space. */
const plain = (s: string): string => s.toLowerCase().replace(/[^a-z0-9/&:\-\s]+/g, ' ').replace(/[ \t]+/g, ' ');

export function kindScores(lines: CtxLine[]): Map<Kind, number> {
  const scores = new Map<Kind, number>();
  const byPage = new Map<number, CtxLine[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  const once = new Set<string>();
  for (const pageLines of byPage.values()) {
    // the report's title is the first line near the top that names a kind: it weighs most
    // lines inside a section (a clinical history that mentions a CT) are not titles
    const top = pageLines.slice(0, TITLE_LINES).map((l) => (l.section === null || headingOf(l.text) ? plain(l.text) : ''));
    const first = top.findIndex((t) => { TITLE.re.lastIndex = 0; return TITLE.re.test(t); });
    if (first >= 0) score(top[first]!, TITLE, TITLE_WEIGHT, scores, once);
  }
  const all = lines.map((l) => plain(l.text)).join('\n');
  // every phrase counts once, so a long note does not outvote a short title
  score(all, TITLE, 1, scores, new Set());
  score(all, BODY, 1, scores, new Set());
  return scores;
}

export function reportKind(lines: CtxLine[]): SourceKind {
  const scores = kindScores(lines);
  let best: Kind | null = null;
  let bestScore = 0;
  for (const k of kindVocab.order as Kind[]) {
    const s = scores.get(k) ?? 0;
    if (s > bestScore) { best = k; bestScore = s; }
  }
  // a stray body word or two ("rate plan") does not make a bill or a form a clinical report
  return best && bestScore >= MIN_SCORE ? best : 'other';
}
