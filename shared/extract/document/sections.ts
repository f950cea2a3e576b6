// Which part of a report each line belongs to. Headings come from vocab/sections.json and are
// recognised at the start of a line: alone on the line ("FINAL DIAGNOSIS", "Plan."), as a
// label before a colon ("Comment: ..."), or as a key–value label followed by a capitalised
// value ("Diagnosis Metastatic carcinoma ..."). A line without a heading inherits the section
// above it, so running page headers and footers never reset it.
//
// API (stable; other extractors import these):
//   assignSections(lines)      → sets `section` on every CtxLine (analyseDocument calls it)
//   headingOf(text)            → { id, rest } when the line opens a section, else null
//   isResultSection(section)   → the section states this patient's results or diagnosis
//   isContextSection(section)  → the section only describes the test, other people, the past or
//                                options (history, family, VUS, gene list, methods, trials, therapy lists,
//                                references, medications): facts there are not this report's findings
import type { CtxLine } from '../context.ts';
import { normOf } from '../context.ts';
import sectionVocab from '../vocab/sections.json' with { type: 'json' };

export type SectionId = Exclude<keyof typeof sectionVocab, '_comment'>;

const escapeLabel = (label: string): string => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*');
const canonLabel = (s: string): string => s.toLowerCase().replace(/\s+/g, '');

/** label (spaces removed, lower case) → section id */
const ID_OF = new Map<string, SectionId>();
const ALL_LABELS: string[] = [];
for (const [id, list] of Object.entries(sectionVocab)) {
  if (id === '_comment') continue;
  for (const label of list as string[]) {
    if (!ID_OF.has(canonLabel(label))) ID_OF.set(canonLabel(label), id as SectionId);
    ALL_LABELS.push(label);
  }
}
// one alternation, longest label first, so the longest heading at the start of a line wins
const LABEL_AT_START = new RegExp(`^(?:${ALL_LABELS.sort((a, b) => b.length - a.length).map(escapeLabel).join('|')})(?![A-Za-z0-9])`, 'i');

const RESULT_SECTIONS = new Set<string>(['diagnosis', 'addendum', 'comment', 'ihc', 'synoptic', 'results', 'impression', 'findings', 'assessment', 'microscopic']);
const CONTEXT_SECTIONS = new Set<string>(['history', 'pmh', 'family', 'social', 'medications', 'allergies', 'vus', 'genes', 'methods', 'trials', 'therapies', 'references', 'comparison']);

export function isResultSection(section: string | null): boolean {
  return section !== null && RESULT_SECTIONS.has(section);
}

export function isContextSection(section: string | null): boolean {
  return section !== null && CONTEXT_SECTIONS.has(section);
}

/** Leading bullets, list numbers and OCR specks in front of a heading. */
function stripLead(text: string): string {
  return text.replace(/^[\s•·«»*+>\-–—#|"'.,]+/, '').replace(/^(?:[0-9]{1,2}|[A-Ha-h])[.)]\s+(?=[A-Za-z])/, '');
}

const isUpper = (s: string): boolean => /[A-Z]/.test(s) && !/[a-z]/.test(s);

export function headingOf(text: string): { id: SectionId; rest: string } | null {
  const t = stripLead(text).trim();
  if (!t) return null;
  // a long line can still open with a "Label:"; the other heading forms are short lines
  const long = t.length > 160;
  const m = LABEL_AT_START.exec(t);
  if (!m) return null;
  const id = ID_OF.get(canonLabel(m[0]))!;
  const rest = t.slice(m[0].length);
  // alone on its line, perhaps with trailing punctuation or an OCR speck
  if (!long && /^[\s:.,;\-–)]*[^A-Za-z0-9]{0,2}$/.test(rest)) return { id, rest: '' };
  // "Label: value" or "Label - value"
  const colon = /^\s*(?:\([^)]{1,30}\)|\/[a-z]{3,12})?\s*[:=]\s*|^\s+[-–]\s+/.exec(rest);
  if (colon) return { id, rest: rest.slice(colon[0].length) };
  if (long) return null;
  // an all-capitals heading line ("CLINICAL TRIALS AND THERAPY CONTEXT")
  if (isUpper(t) && t.length <= 60 && !/\d{2}/.test(t) && isUpper(m[0])) return { id, rest: '' };
  // key–value row: a capitalised label and a capitalised value ("Diagnosis Metastatic ...")
  if (/^[A-Z]/.test(m[0]) && /^\s{1,4}[A-Z0-9(]/.test(rest)) return { id, rest: rest.trim() };
  return null;
}

export function assignSections(lines: CtxLine[]): void {
  let current: string | null = null;
  for (const line of lines) {
    const h = headingOf(normOf(line));
    if (h) current = h.id;
    line.section = current;
  }
}
