// What kind of report a record is, decided from its words (never from its file name):
// title phrases near the top of each page weigh most, body words break ties. The cue
// lists are data (vocab/report-kinds.json). Overlapping phrases are counted once, longest
// first, so "molecular pathology consultation" is not also a note because of "consultation".
import type { SourceKind } from '../../contract/facts.ts';
import type { CtxLine } from '../context.ts';
import kindVocab from '../vocab/report-kinds.json' with { type: 'json' };

type Kind = Exclude<keyof typeof kindVocab.title, never> & SourceKind;

const TITLE_LINES = 14;
const TITLE_WEIGHT = 6;
const MIN_SCORE = 3;

interface Cue { kind: Kind; re: RegExp }

function cues(table: Record<string, string[]>): Cue[] {
  return Object.entries(table)
    .flatMap(([kind, list]) => list.map((p) => ({ kind: kind as Kind, p })))
    .sort((a, b) => b.p.length - a.p.length)
    .map(({ kind, p }) => ({
      kind,
      re: new RegExp(`(?<![a-z0-9])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*')}${/[a-z0-9]$/.test(p) ? '(?![a-z0-9])' : ''}`, 'g'),
    }));
}

const TITLE = cues(kindVocab.title);
const BODY = cues(kindVocab.body);

/** Scores phrases in `text`, each stretch of characters counted once (longest phrase first). */
function score(text: string, list: Cue[], weight: number, into: Map<Kind, number>, capPer?: Map<string, number>): void {
  const taken: boolean[] = [];
  for (const { kind, re } of list) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      if (taken[at]) continue;
      for (let i = at; i < at + m[0].length; i++) taken[i] = true;
      const key = `${kind}:${re.source}`;
      if (capPer) {
        const seen = capPer.get(key) ?? 0;
        if (seen >= 1) continue;
        capPer.set(key, seen + 1);
      }
      into.set(kind, (into.get(kind) ?? 0) + weight);
    }
  }
}

/** Letters, digits and the joiners that phrases use; other punctuation (OCR quotes, specks) is a space. */
const plain = (s: string): string => s.toLowerCase().replace(/[^a-z0-9/&:\-\s]+/g, ' ').replace(/[ \t]+/g, ' ');

export function kindScores(lines: CtxLine[]): Map<Kind, number> {
  const scores = new Map<Kind, number>();
  const byPage = new Map<number, CtxLine[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  const once = new Map<string, number>();
  for (const pageLines of byPage.values()) {
    // the report's title is the first line near the top that names a kind: it weighs most
    const top = pageLines.slice(0, TITLE_LINES).map((l) => plain(l.text));
    const first = top.findIndex((t) => TITLE.some(({ re }) => { re.lastIndex = 0; return re.test(t); }));
    if (first >= 0) score(top[first]!, TITLE, TITLE_WEIGHT, scores, once);
  }
  const all = lines.map((l) => plain(l.text)).join('\n');
  score(all, TITLE, 1, scores, new Map());
  // body cues count once each, so a long note does not outvote a short title
  score(all, BODY, 1, scores, new Map());
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
