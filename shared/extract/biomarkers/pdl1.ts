// PD-L1 in all the ways reports write it → `expression` with the tumour proportion score.
// A number is the value ("TPS 80%", "TPS = 90", "30% of viable tumor cells", "1-49%
// (approximately 10%)", a weak+moderate+strong total); a bound alone ("≥50%", "1-49%",
// "high", "low positive") is detected without a value; below 1 % is not detected. Legends
// that define the categories, cut-offs, cell counts and unevaluable or pending tests give
// nothing. OCR reads "≥50%" as "250%" or "=50%": a score over 100 or "(=50%)" is a bound.
import type { Finding } from './drivers.ts';
import { methodOf } from './cues.ts';

const PDL1 = /\bp?PD[\s-]{0,2}L[\s-]?[1lI](?![0-9])|\bPD[\s-]{0,2}1[1l]\b|\bB7-H1\b|\btumou?r\s+proportion\s+score\b|\bTPS\b|\b22C3\b|\bSP263\b|\bSP142\b|\b28-8\b/i;
const NOT_EVALUABLE = /\b(?:not\s+evaluable|non-?representative|not\s+representative|unrepresentative|fewer\s+than\s+100|less\s+than\s+100\s+(?:viable\s+)?tumou?r\s+cells|inadequate|insufficient|cannot\s+be\s+(?:assessed|determined|evaluated)|pending|requested|ordered|not\s+performed|failed|to\s+follow|sent\s+(?:out|to)|will\s+be|awaiting|unable\s+to|QNS|not\s+(?:yet\s+)?available|testing\s+(?:has|have)\s+been)\b/i;
const NEGATIVE = /<\s?1\s?%|\b(?:TPS|score|PD-?L1)\s*(?:[:=]\s*)?0\s?%|\b0\s?%\s*(?:of\s+)?(?:tumou?r|TPS)|\bno\s+(?:PD-?L1\s+)?expression\b|\bnegative\b|\bnot\s+(?:detected|expressed)\b|\babsent\b|\bTC0\b|(?:<|\b(?:less|fewer)\s+than|\bbelow|\bunder)\s?1\s?(?:%|percent\b|per\s+cent\b)/i;
const LEGEND = /<\s?1\s?%[^.]{0,80}(?:1\s?-\s?49|>=\s?50)|1\s?-\s?49\s?%[^.]{0,60}>=\s?50\s?%|\bcut-?offs?\b|\bthresholds?\b|\bdefined\s+as\b|\binterpretation\s+guide\b/i;
const EXCLUDE_NEAR = /\b(?:tumou?r\s+(?:content|cellularity)|VAF|allele|nuclei|cutoff|cut-off|viable\s+tumou?r\s+cells\s+(?:evaluated|required)|cellularity|necrosis)\b/i;

/** A legend or cut-off text that defines the PD-L1 categories rather than reporting one. */
export function isPdl1Legend(text: string): boolean {
  return LEGEND.test(text);
}

/** Whether a clause is about PD-L1 at all. */
export function mentionsPdl1(clause: string): boolean {
  return PDL1.test(clause);
}

interface Num { value: number; index: number; bound: boolean }

function percents(text: string): Num[] {
  const out: Num[] = [];
  for (const m of text.matchAll(/(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)/gi)) {
    const i = m.index!;
    const before = text.slice(Math.max(0, i - 12), i);
    // part of a range "1-49%" or its lower end
    if (/\d\s?-\s?$/.test(before) || /^\s?-\s?\d/.test(text.slice(i + m[1]!.length, i + m[1]!.length + 4))) continue;
    const value = +m[1]!;
    const bound = />=?\s?$|<=?\s?$|=>\s?$|\(\s?=\s?$|\bat\s+least\s+$|\bover\s+$|\bgreater\s+than\s+$|\bmore\s+than\s+$|\b(?:less|fewer)\s+than\s+$|\bunder\s+$|\bbelow\s+$/i.test(before) || value > 100;
    if (EXCLUDE_NEAR.test(text.slice(Math.max(0, i - 30), i + m[0].length + 25)) && !/\bof\s+(?:viable\s+)?tumou?r\s+cells\b/i.test(text.slice(i, i + 40))) continue;
    out.push({ value, index: i, bound });
  }
  // "TPS=90", "tumor proportion score 45" without a percent sign
  for (const m of text.matchAll(/\b(?:TPS|tumou?r\s+proportion\s+score)\s*(?:of\s+)?[:=]?\s*(\d{1,3}(?:\.\d+)?)(?![\d.]|\s*(?:%|-|to\b|mm|cm|cells))/gi)) {
    const value = +m[1]!;
    if (value <= 100 && !out.some((n) => n.value === value)) out.push({ value, index: m.index! + m[0].length - m[1]!.length, bound: false });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** PD-L1 result of one clause (at most one finding). */
export function pdl1Finding(clause: string): Finding | null {
  const m = PDL1.exec(clause);
  if (!m || NOT_EVALUABLE.test(clause) || LEGEND.test(clause)) return null;
  // only the words after the first PD-L1 cue (the clause may begin with other results); test controls are not results
  const text = clause.slice(m.index).replace(/\b(?:positive|negative)\s+(?:and\s+(?:positive|negative)\s+)?controls?\b/gi, ' ');
  const method = methodOf(clause) ?? 'IHC';
  const base = { gene: 'PD-L1', alteration: 'expression', unit: '%', method, start: m.index, end: clause.length };
  const nums = percents(text);
  // "weak 10%, moderate 20%, strong 30% (total TPS 60%)": the total, or the sum of the intensities
  const total = /\btotal\b[^0-9]{0,20}(\d{1,3})\s?%/i.exec(text);
  if (total) return { ...base, result: +total[1]! >= 1 ? 'detected' : 'not detected', value: +total[1]! };
  const parts = [...text.matchAll(/\b(?:weak|moderate|strong|1\+|2\+|3\+)\s*(?:staining\s*)?[:=]?\s*(\d{1,3})\s?%/gi)];
  if (parts.length >= 2) {
    const sum = parts.reduce((a, p) => a + +p[1]!, 0);
    return { ...base, result: sum >= 1 ? 'detected' : 'not detected', value: sum };
  }
  const exact = nums.filter((n) => !n.bound);
  // a score: prefer the one after "approximately"/"estimated"/TPS, else the first
  const pick = exact.find((n) => /(?:approx\w*|estimated|~|about|TPS|score|=|:)\s*$/i.test(text.slice(Math.max(0, n.index - 16), n.index))) ?? exact[0];
  if (pick) return { ...base, result: pick.value >= 1 ? 'detected' : 'not detected', value: pick.value };
  if (NEGATIVE.test(text)) return { ...base, result: 'not detected', value: null };
  if (nums.some((n) => n.bound) || /\b1\s?-\s?49\s?%|\b(?:high|low|positive|expressed|expression\s+(?:is\s+)?present|TC[1-3]|IC[1-3])\b/i.test(text)) {
    // "PD-L1 expression" alone (a heading, a test name) is not a result
    if (!/\b(?:high|low|positive|present|>=|1\s?-\s?49|TC[1-3]|IC[1-3])|\d\s?%/i.test(text)) return null;
    return { ...base, result: 'detected', value: null };
  }
  return null;
}
