// From a record's lines to statements and clauses. A statement is one line, or several
// when a sentence or a list wraps onto the next line ("Negative for ALK, ROS1, RET," /
// "NTRK1 and NTRK3 rearrangements."); table rows stay apart. Clauses are what a result
// statement says about one thing: split at ";" and sentence ends, never inside brackets.
// Offsets map every clause back to the lines it came from, for evidence.
// Character normalisation is the shared one (text/normalise.ts); statement joining and
// clause splitting are ours, and the treatment reader uses them too.
import type { CtxLine } from '../context.ts';
import { fixOcrWords } from './ocr.ts';
import { normaliseText } from '../text/normalise.ts';
import { findGenes } from './genes.ts';

export interface Statement {
  /** normalised text of the lines, joined by one space */
  text: string;
  lines: CtxLine[];
  /** offset in `text` where each line starts */
  starts: number[];
}

export interface Clause {
  text: string;
  /** offset of the clause in its statement */
  from: number;
  st: Statement;
}

/** Plainer characters (the shared normaliser), OCR-damaged key words repaired; bullets and table bars become spaces. */
export function cleanLine(s: string): string {
  const t = normaliseText(s)
    .replace(/`/g, "'")
    .replace(/\u2265/g, '>=').replace(/\u2264/g, '<=')
    .replace(/[|\u00A6]/g, ' ')
    // dot leaders join a table label to its value ("TMB ........ 5 mut/Mb", "RET ... no fusion"): a colon, not sentence ends
    .replace(/\s*\.{4,}\s*|\s+\.{3}\s+/g, ': ')
    .replace(/^[\s•·«»*+>#~_=-]+(?=\S)/, '')
    // a section rule closing a heading ("== NO ALTERATIONS DETECTED =====")
    .replace(/\s*[=~_*#-]{4,}\s*$/, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return fixOcrWords(t);
}

const BULLET = /^\s*[•·«»*+>~]/;
const ENDS_SENTENCE = /[.!?]["')\]]?$/;
// a comma, an open bracket, a word broken by a hyphen ("non-"), a dangling preposition; not an empty table cell (" -")
const JOIN_AFTER = /(?:[,/&(]|[A-Za-z]-|\b(?:and|or|with|of|for|in|to|the|by|at|per|as|from|including|nor|but|not|no|vs))$/i;
const CONTINUES = /^(?:[a-z(,;%)]|(?:negative|positive|detected|not|wild|expression|rearrangements?|fusions?|amplification|mutations?|alterations?|identified|present|absent)\b)/i;

const DATE = String.raw`(?:\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}[\s-]?[A-Za-z]{3,9}[\s-]?\d{2,4}|[A-Za-z]{3,9}\.?\s\d{1,2},?\s\d{4}|[A-Za-z]{3,9}\s\d{4})`;
const DATES_ONLY = new RegExp(String.raw`^${DATE}(?:\s*(?:-|to|through|\|)?\s*${DATE})?(?:\s+(?:ongoing|present|\d+\s+cycles?|x\s?\d+))?\s*[.;,]?\s*$`, 'i');

// a key is a gene-like symbol as written (upper case: "hotspot" is no key) or a score's name
// (not a roman numeral: "Tier II" ends a row)
const KEY_SYMBOL = /\b(?!(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})\b)[A-Z][A-Z0-9]{1,6}\d?\s*:?$/;
// a line that already holds its value (a variant, a percentage, a result word) is a whole row
const HAS_VALUE = /\d\s?%|\b[A-Z]\d{2,4}[A-Z]\b|\bp\.|\bc\.\d|\b(?:detected|negative|positive|wild[\s-]?type)\b/i;
const KEY_END = /(?:\bPD-?L1(?:\s*\([^)]*\))?|\bTPS|\bTMB|\bMSI(?:\s+status)?|\bscore|\bburden|\bresult)\s*:?$/i;
const VALUE_START = /^(?:(?:not\s+)?detected|negative|positive|wild[\s-]?type|equivocal|none\b|no\s+(?:mutation|alteration|fusion|rearrangement)|p\.|c\.\d|exon\s?\d|ex\d|[A-Z]\d{2,4}[A-Z]\b|fusion|amplifi|rearrange|stable|MSS|MSI-|[<>=]*\s?\d{1,3}(?:\.\d+)?\s?(?:%|mut))/i;

function unbalanced(s: string): boolean {
  let n = 0;
  for (const c of s) { if (c === '(') n++; else if (c === ')' && n > 0) n--; }
  return n > 0;
}

// a negative that leads into a list of genes ("no alteration detected in:", "Negative for:")
const NEG_LIST_LEAD = /\b(?:not\s+(?:been\s+)?(?:detected|identified)|negative|no\s+(?:[\w-]+\s+){0,4}?(?:detected|identified|found))\s*(?:in|for|of)?\s*:\s*(.*)$/i;

// a heading that is itself a negative, over rows of genes ("NO ALTERATIONS DETECTED (pertinent genes)", "Not detected:")
const NEG_HEADING = /^(?:no\s+(?:[\w-]+\s+){0,3}?(?:alterations?|mutations?|variants?|fusions?)\s+(?:were\s+)?(?:detected|identified|found)|(?:negative|not\s+detected)(?:\s+(?:results?|findings|genes?))?)\s*(?:\([a-z][a-z\s,-]{0,38}\))?\s*:?$/i;

/** Whether a (cleaned) line is a negative heading that leads into gene rows. */
export function isNegativeHeading(s: string): boolean {
  return NEG_HEADING.test(s);
}

/** A line of gene symbols only, each maybe with a bracketed note: "ERBB2, NTRK1 (fusion)". */
function geneRow(s: string): boolean {
  const bare = s.replace(/\([^()]{0,50}\)/g, ' ').replace(/\b(?:and|or)\b/g, ' ');
  const tokens = bare.split(/[\s,;&+]+/).filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => findGenes(t).map((g) => g.text).join('') === t.replace(/[|]/g, ''));
}

/** Whether `next` continues the sentence that `cur` left open; `st` is the statement so far. */
function continues(cur: string, next: string, nextRaw: string, st = cur): boolean {
  if (!cur || !next || BULLET.test(nextRaw)) return false;
  // a negative's gene list wrapped onto rows of its own ("no alteration detected in:" / "ALK ROS1" / "RET")
  const lead = NEG_LIST_LEAD.exec(st);
  if (lead && (!lead[1] || geneRow(lead[1])) && geneRow(next)) return true;
  if (NEG_HEADING.test(st) && geneRow(next)) return true;
  if (ENDS_SENTENCE.test(cur)) return false;
  if (JOIN_AFTER.test(cur) || unbalanced(cur)) return true;
  if (/:$/.test(cur) && /\b(?:negative|not detected|wild-type|no)\b/i.test(cur)) return true;
  if (/^[a-z]/.test(next)) return true;
  // a key on one line and its value on the next ("EGFR" / "NOT DETECTED", "PD-L1 TPS" / "80%")
  if ((KEY_SYMBOL.test(cur) || KEY_END.test(cur)) && !HAS_VALUE.test(cur) && VALUE_START.test(next)) return true;
  // a dose or count carried over ("+ pembrolizumab" / "200 mg IV every 3 weeks")
  if (/^\d+(?:\.\d+)?\s?(?:mg|mcg|g\/|AUC|Gy|cGy|fractions?|fx|cycles?|weeks?|days?|months?)\b/i.test(next)) return true;
  // a table row's date columns on a line of their own ("2024-01-13 2024-10-13 4 cycles")
  if (DATES_ONLY.test(next)) return true;
  return CONTINUES.test(next) && /^[a-z(,;%)]/.test(next);
}

// both finders read the same lines: clean each once
const CLEAN = new WeakMap<CtxLine, string>();
function cleaned(line: CtxLine): string {
  let t = CLEAN.get(line);
  if (t === undefined) { t = cleanLine(line.text); CLEAN.set(line, t); }
  return t;
}

/** The statements of a record, in order; `keep` drops lines (e.g. gene-list pages) first. */
export function statementsOf(lines: CtxLine[], keep: (l: CtxLine) => boolean = () => true): Statement[] {
  const out: Statement[] = [];
  let cur: Statement | null = null;
  let last = '';
  for (const line of lines) {
    if (!keep(line)) { cur = null; continue; }
    const text = cleaned(line);
    if (!text) continue;
    if (cur && cur.lines[cur.lines.length - 1]!.page === line.page && continues(last, text, line.text, cur.text)) {
      const joinHyphen = /[A-Za-z]-$/.test(cur.text) && /^[a-z]/.test(text);
      cur.starts.push(cur.text.length + (joinHyphen ? 0 : 1));
      cur.text += (joinHyphen ? '' : ' ') + text;
      cur.lines.push(line);
    } else {
      cur = { text, lines: [line], starts: [0] };
      out.push(cur);
    }
    last = text;
  }
  return out;
}

/** The lines a span of a statement came from. */
export function linesIn(st: Statement, from: number, to: number): CtxLine[] {
  const out: CtxLine[] = [];
  for (let i = 0; i < st.lines.length; i++) {
    const a = st.starts[i]!;
    const b = i + 1 < st.starts.length ? st.starts[i + 1]! : st.text.length + 1;
    if (a < Math.max(to, from + 1) && b > from) out.push(st.lines[i]!);
  }
  return out.length ? out : [st.lines[0]!];
}

const ABBREV = /(?:\b(?:p|c|g|e\.g|i\.e|vs|dr|no|approx|fig|st|mr|ms|al|ca|inc|ltd|ref|ed|vol|pt)|\b[A-Z]|\d)$/i;

/** Clauses of a statement: split at ";" and sentence ends outside brackets, and at mid-line bullets. */
export function clausesOf(st: Statement): Clause[] {
  const s = st.text;
  const out: Clause[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number, next: number) => {
    const raw = s.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, from: start + lead, st });
    start = next;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === '•') push(i, i + 1);
    else if (depth === 0 && c === ';') push(i, i + 1);
    else if (depth === 0 && (c === '.' || c === '!' || c === '?') && /\s/.test(s[i + 1] ?? ' ')) {
      const before = s.slice(Math.max(0, i - 8), i);
      if (c === '.' && ABBREV.test(before) && /^\s+[a-z0-9(]/.test(s.slice(i + 1, i + 4))) continue;
      if (c === '.' && /\b(?:p|c)$/.test(before)) continue;
      push(i, i + 1);
    }
  }
  push(s.length, s.length);
  return out;
}
