// When a treatment ran, from the words around it: "started 05/06/2023", "C1D1 03/10/25",
// "04/20/2023 to 07/2024 (progression)", "from 01/19/2022 through 03/02/2022", "completed
// 5/27/22", a table row's start and end columns, a timeline bullet's date in front.
// A planned sequence ("x 4 cycles, followed by maintenance") is not an end for progression.
import type { Treatment } from '../../contract/facts.ts';
import { findDates, type DateHit } from './dates.ts';

export interface Timing {
  start: string | null;
  end: string | null;
  endReason: Treatment['endReason'] | null;
}

const RANGE_GAP = /^\s*(?:to|through|thru|until|till|-|–|—|and|\|)?\s*$/i;
const START_CUE = /\b(?:started|starting|start|since|from|began|begun|initiated|initiation|C1\s?D1|cycle\s+1|first\s+dose|commenced)\b[^.;]{0,12}$/i;
const END_CUE = /\b(?:completed|complete|finished|through|thru|until|stopped|discontinued|ended|last\s+dose|held\s+since)\b[^.;]{0,12}$/i;

function reasonOf(text: string): Treatment['endReason'] | null {
  if (/\b(?:progress(?:ion|ed|ive)|PD\b)/i.test(text)) return 'progression';
  if (/\b(?:toxicit\w*|pneumonitis|colitis|hepatitis|intoleran\w*|adverse|grade\s+[34]|side\s+effects?|neuropathy|nephritis|myocarditis|ILD|interstitial\s+lung\s+disease|rash|diarrh\w+|fatigue)\b/i.test(text)) return 'toxicity';
  if (/\bcompleted?\b|\bfinished\b|\bcompletion\b/i.test(text)) return 'completed';
  if (/\b(?:stopped|discontinued|ended)\b/i.test(text)) return 'other';
  return null;
}

/** Start, end and end reason for a mention at `at` in `clause`; `lead` is the statement before the clause (a timeline date). */
export function datesFor(clause: string, at: number, lead: string, dayFirst = false): Timing {
  const dates = findDates(clause, dayFirst);
  let start: DateHit | null = null;
  let end: DateHit | null = null;
  const ends: DateHit[] = [];
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    const next = dates[i + 1];
    const before = clause.slice(Math.max(0, d.index - 30), d.index);
    if (next && RANGE_GAP.test(clause.slice(d.end, next.index)) && !END_CUE.test(before) && next.iso > d.iso) {
      start ??= d;
      end ??= next;
      i++;
      continue;
    }
    if (END_CUE.test(before)) { end ??= d; ends.push(d); continue; }
    if (START_CUE.test(before)) { start = start && START_CUE.test(clause.slice(Math.max(0, start.index - 30), start.index)) ? start : d; continue; }
    start ??= d;
  }
  // "until POD in Jan 2025, after which ... (first cycle 2/11/2025), stopped in March 2025": an
  // end before the start is another course's; with no later end, this one's end is unknown
  if (start && end && ends.includes(end) && end.iso < start.iso.slice(0, end.iso.length)) end = ends.find((e) => e.iso >= start!.iso.slice(0, e.iso.length)) ?? null;
  if (!start && !end) {
    const leadDate = findDates(lead, dayFirst).pop();
    if (leadDate && lead.length - leadDate.end < 40) start = leadDate;
  }
  if (/\bongoing\b|\bcurrently\s+on\b|\bcontinues?\b/i.test(clause) && end && !/\b(?:completed|stopped|discontinued)\b/i.test(clause)) end = null;
  const endReason = end ? reasonOf(clause.slice(end.index - 40 < 0 ? 0 : end.index - 40, end.end + 40)) ?? reasonOf(clause) : null;
  void at;
  return { start: start?.iso ?? null, end: end?.iso ?? null, endReason };
}
