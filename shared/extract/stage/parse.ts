// Stage words as written → facts/1 values. OCR-tolerant: l, I, i, |, ! read as 1 and O/o as 0
// inside T/N/M values ("Tlc", "NO", "Mic" → T1c, N0, M1c), and [, l, 1 as I inside Roman
// groups ("[IB", "I1B" → IIB). Prefixes are split off (c, p, yc, yp, r, a) and reported.
//
// API: TNM_SEQUENCE, TNM_SINGLE (global regexes), readTnm(match) → {t, n, m, prefixes},
//      GROUP (global regex), readGroup(text) → StageGroup | null

import type { StageGroup } from '../../contract/facts.ts';

const ONE = '[1Il|!i]';
const ZERO = '[0Oo]';
// prefixes: clinical, pathologic, post-therapy (y), recurrence (r); OCR reads c as ¢ or ©
const PRE = '(?:y[cp]|[cpr]|[¢©]|Y[CP]|[CPR])';
// values: digits with their OCR look-alikes, then a sub-letter
const TV = `(?:is|IS|[Xx]|${ZERO}|${ONE}(?:mi|[a-cA-C])?|[2-4](?:[a-cA-C])?)`;
const NV = `(?:[Xx]|${ZERO}|${ONE}[a-bA-B]?|[2-3][a-bA-B]?)`;
// after an N token OCR sometimes drops the 1 of M1a/b/c ("N1 Mc"); M0 always keeps its digit
const MV = `(?:[Xx]|${ZERO}|${ONE}(?:[a-cA-C][12]?)?|[abc](?=[\\s).,;]|$))`;
// a node count or descriptor right after a value: "pN0 (0/15)", "pT1b(m)"
const PAREN = '(?:\\s?\\((?:m|is|sn|\\d{1,2}\\s?/\\s?\\d{1,2})\\))?';
const SEP = '[\\s,.;/]{0,3}';

/** T first, then N and/or M: "cT2aN2M0", "pT1b pN0 (0/15) cM0", "T3 N2 Mic". */
export const TNM_SEQUENCE = new RegExp(
  `(?<![A-Za-z0-9])(${PRE})?\\s?T(${TV})${PAREN}(?:${SEP}(${PRE})?\\s?N(${NV})${PAREN})?(?:${SEP}(${PRE})?\\s?M(${MV}))?(?![A-Za-z0-9])`,
  'g',
);
/** One prefixed N or M ("pN2b", "cN0", "cM1a"), or a prefixed T alone ("pT2a"). */
// synoptic forms put a space after the letter ("pT 2a", "pN 1")
export const TNM_SINGLE = new RegExp(`(?<![A-Za-z0-9])(${PRE})([TNM]) ?(${TV})${PAREN}(?![A-Za-z0-9])`, 'g');
/** A category after its synoptic label: "Primary tumor (pT): T2a", "N category: N1". */
export const TNM_LABELLED = new RegExp(
  `(?:primary\\s+tumou?r|regional\\s+(?:lymph\\s+)?nodes?|distant\\s+metastas[ie]s|\\b[TNM]\\s*(?:category|classification|descriptor))\\s*(?:\\([^)]{1,6}\\))?\\s*[:=-]\\s*(${PRE})?([TNM]) ?(${TV})${PAREN}(?![A-Za-z0-9])`,
  'gi',
);
/** An unprefixed M category, valid only right after a stage group: "stage IV (M1c: liver, bone)". */
export const M_ALONE = new RegExp(`^[\\s(;,:-]{1,4}(?:[cp]?)M(${ONE}[a-cA-C][12]?|${ONE})(?![A-Za-z0-9])`);

function digits(v: string): string {
  return v.replace(/^[Il|!i](?=$|[a-cA-Cm])/, '1').replace(/^[Oo]$/, '0');
}

export function prefixOf(p: string | undefined): string {
  if (!p) return '';
  return p.replace(/[¢©]/, 'c').toLowerCase();
}

export function tValue(v: string): string {
  const d = digits(v);
  if (/^is$/i.test(d)) return 'Tis';
  if (/^x$/i.test(d)) return 'TX';
  return `T${d.replace(/mi$/, 'mi').replace(/[A-C]$/, (c) => c.toLowerCase())}`;
}
export function nValue(v: string): string {
  const d = digits(v);
  return /^x$/i.test(d) ? 'NX' : `N${d.toLowerCase()}`;
}
export function mValue(v: string): string {
  const d = /^[abc]$/.test(v) ? `1${v}` : digits(v);
  return /^x$/i.test(d) ? 'MX' : `M${d.toLowerCase()}`;
}

export interface Tnm { t: string | null; n: string | null; m: string | null; prefixes: string[] }

export function readTnm(m: RegExpMatchArray): Tnm {
  return {
    t: m[2] ? tValue(m[2]) : null,
    n: m[4] ? nValue(m[4]) : null,
    m: m[6] ? mValue(m[6]) : null,
    prefixes: [prefixOf(m[1]), m[4] ? prefixOf(m[3]) : '', m[6] ? prefixOf(m[5]) : ''],
  };
}

// Roman numerals with OCR look-alikes for I, or Arabic 0–4; a sub-letter; IA's sub-number
const G_NUM = '(IV|[I1l|\\[!]{1,3}V?|[0-4]|one|two|three|four)';
// "stage IIIA", "Stage: 3A", "stage group IIB", "clinical stage IVA", "Stage (AJCC 8th): IB",
// "Stage at diagnosis: IIIB", "anatomic stage/prognostic group: IA2", "staged as IIIA"
// "Clinical stage is IVB", "stage was IIIA at diagnosis": the verb between is allowed too
const STAGE_WORD = '(?<![A-Za-z])stag(?:e|ed(?:\\s+as)?)(?:\\s*/\\s*prognostic)?(?:\\s+group(?:ing)?)?(?:\\s+(?:is|was))?';
const STAGE_LABEL = `(?:\\s*[:=]?\\s*|(?:\\s+(?:at\\s+(?:initial\\s+)?diagnosis|\\([^)\\n]{1,30}\\)|classification|summary)){1,2}\\s*[:=]\\s*)`;
export const GROUP = new RegExp(
  `${STAGE_WORD}${STAGE_LABEL}(?:(?:clinical|pathologic(?:al)?|prognostic|anatomic)\\s+(?:stage\\s*)?)?${G_NUM}\\s?-?\\s?([ABCabc])?\\s?([123])?(?![A-Za-z0-9])`,
  'gi',
);
/** A group written just before the cancer it stages, without the word stage: "IIIA NSCLC". */
export const GROUP_BEFORE_CANCER = /(?<![A-Za-z0-9/-])(IV|III|II|I)([ABC])?([123])?\s+(?=(?:NSCLC|SCLC|non[\s-]*small|small[\s-]*cell|lung\s+(?:cancer|adeno|carcinoma)|adenocarcinoma|squamous)\b)/g;
/** A group written right after T/N/M without the word stage: "T2aN2M0, IIIA", "T4 N3 M0 = IIIC". */
export const GROUP_AFTER_TNM = new RegExp(`^\\s*(?:[,=:]|-{1,2}>?|→)\\s*(IV|I{1,3})([ABCabc])?([123])?(?![A-Za-z0-9])`);

/** "IIIa", "3A", "III-A", "I1B", "[IB", "4" → IIIA, IIIA, IIIA, IIB, IIB, IV */
export function groupValue(num: string, letter?: string, sub?: string): StageGroup | null {
  let roman: string;
  const word = ['zero', 'one', 'two', 'three', 'four'].indexOf(num.toLowerCase());
  if (word > 0) roman = ['0', 'I', 'II', 'III', 'IV'][word]!;
  else if (/^[0-4]$/.test(num)) roman = ['0', 'I', 'II', 'III', 'IV'][+num]!;
  else if (/^IV$/i.test(num) || /V$/i.test(num)) roman = 'IV';
  else roman = 'I'.repeat(Math.min(3, num.length));
  if (roman === '0') return letter ? null : '0';
  const l = (letter ?? '').toUpperCase();
  if (roman === 'IV' && l === 'C') return null;
  if (roman === 'I' && l === 'C') return null;
  const s = roman === 'I' && l === 'A' && sub ? sub : '';
  const g = `${roman}${l}${s}`;
  return (['IA1', 'IA2', 'IA3', 'IA', 'IB', 'I', 'IIA', 'IIB', 'II', 'IIIA', 'IIIB', 'IIIC', 'III', 'IVA', 'IVB', 'IV'] as const).find((x) => x === g) ?? null;
}

export function readGroup(m: RegExpMatchArray): StageGroup | null {
  return groupValue(m[1]!, m[2], m[3]);
}

export const SCLC_GROUP = /\b(limited|extensive)[\s-]*(?:stage|disease|SCLC)\b|\b(LS|ES|LD|ED)[\s-]*SCLC\b|\bstage\s*:?\s*(limited|extensive)\b/gi;

export function sclcGroupOf(m: RegExpMatchArray): 'limited' | 'extensive' {
  const w = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
  return w.startsWith('l') ? 'limited' : 'extensive';
}
