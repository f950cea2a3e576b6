// Cues around a mention: is it negated, hedged, a rule-out, history, about someone else,
// planned rather than given, or pending? Rules decide what a cue means for their fact
// (e.g. "favor adenocarcinoma" is accepted as adenocarcinoma; "suspicious for" is not).
//
// API (stable; other extractors import these):
//   cuesFor(text, start, end, opts?) → Cues for the mention text.slice(start, end), looking only
//                               inside its clause (clauses end at . ; newline, "but", "however").
//                               opts.scope 'phrase' keeps negation and uncertainty to the mention's
//                               comma-delimited phrase ("no necrosis, consistent with X" is not a
//                               negated X); 'clause' (default) lets "negative for A, B and C" reach C.
//                               Words after the mention are read only up to the next comma either way.
//   clauseAround(text, start, end) → [from, to] bounds of that clause.
//   CUE_WORDS                   → the cue lists, as data, for rules that need their own scope.
// Each flag is independent; `hedge` is 'favor' (accepted in pathology: favor, consistent with,
// compatible with, most likely, in keeping with), 'uncertain' (suspicious for, concerning for,
// possible, cannot be excluded, ...), 'differential' (differential includes, versus) or null.
import cueData from '../vocab/cues.json' with { type: 'json' };

export interface Cues {
  negated: boolean;
  hedge: 'favor' | 'uncertain' | 'differential' | null;
  /** "rule out", "r/o", "to evaluate for", "to exclude" */
  ruleOut: boolean;
  /** history of, prior, previous, remote, status post */
  history: boolean;
  /** a relative: family history, mother, brother, ... */
  family: boolean;
  /** spouse, caregiver, partner: someone else in the room */
  otherPerson: boolean;
  /** plan, will start, recommend, consider, options, candidate for */
  planned: boolean;
  /** started, received, completed, given, on, cycle */
  given: boolean;
  /** pending, sent out, to follow, awaiting */
  pending: boolean;
}

export const CUE_WORDS: Readonly<Record<keyof typeof cueData, readonly string[]>> = cueData;

function words(list: readonly string[]): RegExp {
  const alts = list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![A-Za-z])(?:${alts.join('|')})(?![A-Za-z])`, 'gi');
}

const RE = {
  negPre: words(cueData.negationBefore),
  negPost: words(cueData.negationAfter),
  favor: words(cueData.hedgeFavor),
  uncertain: words(cueData.hedgeUncertain),
  uncertainPost: words(cueData.hedgeUncertainAfter),
  differential: words(cueData.differential),
  ruleOut: words(cueData.ruleOut),
  history: words(cueData.history),
  family: words(cueData.family),
  other: words(cueData.otherPerson),
  planned: words(cueData.planned),
  given: words(cueData.given),
  pending: words(cueData.pending),
};

const BREAK = /[.;:\n!?]\s|[;\n]|\s(?:but|however|although|though|whereas|except)\s/gi;

/** Clause bounds around text.slice(start, end), looking at most WINDOW characters each way. */
const WINDOW = 400;

export function clauseAround(text: string, start: number, end: number): [number, number] {
  const lo = Math.max(0, start - WINDOW);
  const hi = Math.min(text.length, end + WINDOW);
  const part = text.slice(lo, hi);
  let from = lo;
  let to = hi;
  for (const m of part.matchAll(BREAK)) {
    const at = lo + m.index!;
    // a full stop inside a number or an abbreviation is not a break
    if (m[0][0] === '.' && /\b(?:vs|dr|e\.g|i\.e|approx|no|st|fig)$/i.test(text.slice(Math.max(0, at - 6), at))) continue;
    // a sentence starts with a capital: ". sufficient for" is a line break OCR turned into a stop
    if (m[0][0] === '.' && /^[a-z]/.test(text.slice(at + m[0].length, at + m[0].length + 1))) continue;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) { to = at; break; }
  }
  return [from, to];
}

const NEVER_SMOKER = /\bnever[\s-]*(?:smok\w*|a\s+smoker|used\s+tobacco)\b/gi;

const has = (re: RegExp, s: string): boolean => { re.lastIndex = 0; return re.test(s); };

export interface CueOptions {
  /** how far negation and uncertainty before the mention reach: its comma-delimited phrase or its clause */
  scope?: 'phrase' | 'clause';
  /** characters read before the mention (default 80) */
  reach?: number;
}

/** Cues for the mention text.slice(start, end). */
export function cuesFor(text: string, start: number, end: number, opts: CueOptions = {}): Cues {
  const reach = opts.reach ?? 80;
  const [from, to] = clauseAround(text, start, end);
  const before = text.slice(Math.max(from, start - reach), start);
  const after = text.slice(end, Math.min(to, end + reach));
  // the mention's own phrase: back to the last comma or bracket, forward to the next one
  const near = opts.scope === 'phrase' ? before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf('('), before.lastIndexOf(')')) + 1) : before;
  const afterNear = after.split(/[,(;]/)[0]!;
  const clause = text.slice(from, to);
  const hedge = has(RE.differential, before) || has(RE.differential, after) ? 'differential'
    : has(RE.uncertain, near) || has(RE.uncertainPost, afterNear) ? 'uncertain'
      : has(RE.favor, before) ? 'favor' : null;
  return {
    // "never" negates, but "a never-smoker with stage IV …" is a smoking history, not a denial
    negated: has(RE.negPre, near.replace(NEVER_SMOKER, ' ')) || has(RE.negPost, afterNear),
    hedge,
    ruleOut: has(RE.ruleOut, before),
    history: has(RE.history, before),
    family: has(RE.family, clause),
    otherPerson: has(RE.other, clause),
    planned: has(RE.planned, before) || has(RE.planned, after),
    given: has(RE.given, clause),
    pending: has(RE.pending, clause),
  };
}
