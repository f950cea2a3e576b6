// Tumour mutational burden and microsatellite status. TMB is `detected` with its value in
// mut/Mb whether high or low ("TMB-Low (9 mut/Mb)", "bTMB 16 mut/Mb", "Tumor Mutational
// Burden: 1.9-Muts/Mb"); a threshold ("TMB-High >= 10 mut/Mb") is not a value. MSS, MSI-low,
// "microsatellite instability: not detected" and pMMR are MSI `not detected`; MSI-H and
// dMMR (loss of MLH1/PMS2/MSH2/MSH6) are `MSI-H`. Unreported or undeterminable status gives nothing.
import type { Finding } from './drivers.ts';

const TMB = /\b(?:b?TMB|tumou?r\s+mutation(?:al)?\s+burden|blood\s+TMB|mutational\s+burden)\b/i;
// OCR bends the unit ("muuMb", "mutations/megabasc"): an m-word, perhaps a slash, then Mb
const TMB_VALUE = /(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)\s*-?\s*m[a-z]{0,9}\s*(?:\/|per|[lI1])?\s*(?:Mb|megabas\w*|MB)\b/gi;
const NO_VALUE = /\bnot\s+(?:reported|evaluable|assessed|determined|performed|available)\b|\bcannot\s+be\s+(?:determined|assessed|calculated)\b|\bindeterminate\b|\bpending\b|\binsufficient\b|\bfailed\b|\bis\s+calculated\b/i;

// another marker's name ends this one's part of a row: "TMB: 7 mut/Mb MSI: not reported" says nothing against the TMB
const OTHER_THAN_TMB = /\bMSI\b|\bMSS\b|\bmicrosatellite\b|\bmismatch\s+repair\b|\bMMR\b|\bPD-?L1\b/i;
const OTHER_THAN_MSI = /\bb?TMB\b|\btumou?r\s+mutation(?:al)?\s+burden\b|\bPD-?L1\b/i;

/** The cue's own part of the clause (the cue at `at`, length `len`): from its start, or from the cue when
 * another marker comes first, up to where another marker's part begins after it. */
function ownPart(clause: string, at: number, len: number, other: RegExp): string {
  const from = other.test(clause.slice(0, at)) ? at : 0;
  const o = other.exec(clause.slice(at + len));
  return clause.slice(from, o ? at + len + o.index : clause.length);
}

export function tmbFinding(clause: string): Finding | null {
  const m = TMB.exec(clause);
  if (!m || NO_VALUE.test(ownPart(clause, m.index, m[0].length, OTHER_THAN_TMB))) return null;
  const text = clause.slice(m.index);
  for (const v of text.matchAll(TMB_VALUE)) {
    const before = text.slice(Math.max(0, v.index! - 6), v.index!);
    if (/(?:>=?|<=?|=>|≥|≤)\s?$|\b(?:of|at\s+least|over)\s+$/i.test(before)) continue;
    return { gene: 'TMB', alteration: 'tmb', result: 'detected', value: +v[1]!, unit: 'mut/Mb', method: 'NGS', start: m.index, end: clause.length };
  }
  // "TMB 12 (high)", "TMB: 3.4, low": a number beside its category, without the unit
  const bare = /^(?:b?TMB|tumou?r\s+mutation(?:al)?\s+burden)\s*[:=]?\s*(\d{1,3}(?:\.\d{1,2})?)(?![\d.%])\s*(?:[(,;-]\s*)?(?:TMB[\s-]*)?(?:high|low|intermediate)\b/i.exec(text);
  if (bare) return { gene: 'TMB', alteration: 'tmb', result: 'detected', value: +bare[1]!, unit: 'mut/Mb', method: 'NGS', start: m.index, end: clause.length };
  // "TMB 6.2, MSS", "TMB: 4." in a note's summary: a bare number right after the name, then the clause or list goes on
  const plain = /^(?:b?TMB|tumou?r\s+mutation(?:al)?\s+burden)\s*[:=]?\s*(\d{1,3}(?:\.\d{1,2})?)(?![\d.%])\s*(?:[,;.]|$)/i.exec(text);
  if (plain) return { gene: 'TMB', alteration: 'tmb', result: 'detected', value: +plain[1]!, unit: 'mut/Mb', method: 'NGS', start: m.index, end: clause.length };
  // "TMB-High" alone: detected, value unknown
  if (/\bTMB[\s-]*(?:high|low|intermediate)\b|\b(?:high|low|intermediate)\s+TMB\b/i.test(text) && !/>=?|<=?|\bthreshold|\bcut-?off/i.test(text)) {
    return { gene: 'TMB', alteration: 'tmb', result: 'detected', value: null, unit: 'mut/Mb', method: 'NGS', start: m.index, end: clause.length };
  }
  return null;
}

const MSI_CUE = /\bMSI\b|\bMSS\b|\bMS-?\s?(?:stable|high|low)\b|\bmicrosatellite\b|\bmismatch\s+repair\b|\b[dp]MMR\b|\bMMR\b/i;
const MSI_NO = /\b(?:cannot\s+be\s+determined|not\s+(?:determined|evaluable|assessed|reported|performed)|indeterminate|pending|insufficient|failed|equivocal)\b/i;
const MSI_HIGH = /\bMSI-?\s?H(?:igh)?\b|\bMS-?\s?high\b|\bmicrosatellite\s+instability[\s-]*(?:\(MSI\)\s*)?(?:[:=-]\s*)?(?:high|detected|present|positive)\b|\bmicrosatellite\s+unstable\b|\bdMMR\b|\b(?:MMR|mismatch\s+repair)\b[^.;]{0,30}?\b(?:deficient|deficiency|loss)\b|\bloss\s+of\s+(?:nuclear\s+)?(?:expression\s+of\s+)?(?:MLH1|MSH2|MSH6|PMS2)\b|\b(?:MSI|MSI\s+status)\s*[:=]\s*(?:high|H)\b/i;
const MSI_STABLE = /\bMSS\b|\bMS-?\s?stable\b|\bmicrosatellite[\s-]+stable\b|\bMSI-?\s?L(?:ow)?\b|\bmicrosatellite\s+(?:instability|status)[\s-]*(?:\(MSI\)\s*)?(?:[:=-]\s*)?(?:stable|not\s+detected|negative|absent|low|none\s+detected)\b|\bpMMR\b|\b(?:MMR|mismatch\s+repair)\b[^.;]{0,30}?\b(?:proficient|intact|retained)\b|\bMSI\s*(?:status)?\s*[:=-]?\s*(?:stable|negative|not\s+detected)\b|\bintact\s+(?:nuclear\s+)?(?:expression\s+of\s+)?(?:MLH1|MSH2|MSH6|PMS2)/i;

const HIGH_DENIED = /^\s*(?:status\s*)?[:=-]?\s*(?:not\s+(?:detected|identified|present|found)|negative|absent|none\s+detected)\b/i;

export function msiFinding(clause: string): Finding | null {
  const m = MSI_CUE.exec(clause);
  if (!m || MSI_NO.test(ownPart(clause, m.index, m[0].length, OTHER_THAN_MSI))) return null;
  const text = clause.slice(m.index);
  let high = MSI_HIGH.exec(text);
  // "MSI-High: not detected", "MSI-H not detected": the high category named, then denied
  const denied = !!high && HIGH_DENIED.test(text.slice(high.index + high[0].length));
  if (denied) high = null;
  const stable = MSI_STABLE.exec(text);
  // a legend naming both ("MSI-H = high; MSS = stable") settles nothing
  if (high && stable) return null;
  if (denied && !stable) return { gene: 'MSI', alteration: null, result: 'not detected', method: 'NGS', start: m.index, end: clause.length };
  if (high) return { gene: 'MSI', alteration: 'MSI-H', result: 'detected', method: /MMR|MLH1|MSH|PMS2/i.test(high[0]) ? 'IHC' : 'NGS', start: m.index, end: clause.length };
  if (stable) return { gene: 'MSI', alteration: null, result: 'not detected', method: /MMR|MLH1|MSH|PMS2/i.test(stable[0]) ? 'IHC' : 'NGS', start: m.index, end: clause.length };
  return null;
}
