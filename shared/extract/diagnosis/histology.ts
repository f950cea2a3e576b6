// Histology mentions in one record: every phrase of vocab/histology.json, with how much the
// place it was written counts (a pathology final diagnosis most, a clinic note less, a gene
// list or a family history not at all) and whether its words take it back (negated, only
// suspected, a differential, a rule-out, a relative's, another organ's cancer).
import type { Histology } from '../../contract/facts.ts';
import type { CtxLine, DocContext } from '../context.ts';
import { normOf } from '../context.ts';
import { flowText } from '../document/flow.ts';
import { isContextSection } from '../document/sections.ts';
import { cuesFor } from '../text/cues.ts';
import { documentSite, isLungMention } from '../text/site.ts';
import vocab from '../vocab/histology.json' with { type: 'json' };

export interface HistologyMention {
  histology: Histology;
  /** specificity: a combined tumour over its parts, any named type over plain "NSCLC" */
  rank: number;
  /** only gives the cancer type ("NSCLC", "SCLC") */
  generic: boolean;
  /** how much the place it was written counts; 0 = not at all */
  weight: number;
  /** said to be a transformation of an earlier cancer ("transformation to small cell") */
  transformed: boolean;
  /** why the mention does not count, or null */
  rejected: string | null;
  /** offsets in the record's flowing text */
  start: number;
  end: number;
  line: CtxLine;
  lines: CtxLine[];
  quote: string;
}

// Reports flattened by OCR put ". " where a line broke ("squamous. cell carcinoma"): a space
// inside a phrase may carry a full stop, and "(EPIDERMOID)" may sit inside one.
const tolerant = (re: string): string => re.replace(/\\s\+/g, '(?:\\.?\\s+(?:\\([A-Za-z ]{3,20}\\)\\.?\\s+)?)').replace(/\[\\s-\]\*/g, '[\\s.-]*');
const PATTERNS = vocab.patterns.map((p) => ({ ...p, histology: p.histology as Histology, generic: !!p.generic, re: new RegExp(tolerant(p.re), 'gi') }));
const SUPERSEDED = new RegExp(`(?:${vocab.superseded})(?:\\s+(?:an?|the))?(?:\\s+(?:diagnosis|impression)\\s+of)?\\s*["'(]?\\s*$`, 'i');
const TRANSFORM = /\btransform(?:ed|ation|ing)?\b|\bhistologic(?:al)?\s+(?:transformation|change|switch)\b/i;

/** How much a mention in this kind of report and section counts (0: ignore it). */
function weightOf(kind: DocContext['kind'], section: string | null): number {
  if (isContextSection(section) && section !== 'history' && section !== 'pmh') return 0;
  if (section === 'family' || section === 'social' || section === 'medications' || section === 'allergies') return 0;
  switch (kind) {
    case 'pathology':
      if (section === 'diagnosis' || section === 'addendum' || section === 'synoptic') return 10;
      if (section === 'history' || section === 'submitted-diagnosis' || section === 'specimen') return 1;
      // a frozen section or preliminary read is replaced by the final diagnosis
      if (section === 'frozen') return 3;
      return 6;
    case 'molecular':
      if (section === 'submitted-diagnosis' || section === 'history' || section === 'specimen' || section === null) return 4;
      return section === 'diagnosis' ? 4 : 2;
    case 'imaging':
      return 2;
    case 'lab':
      return 1;
    default:
      if (section === 'pmh') return 2;
      if (section === 'plan') return 3;
      return 5;
  }
}

export function histologyMentions(ctx: DocContext): HistologyMention[] {
  const flow = flowText(ctx.lines, normOf);
  const text = flow.text;
  const docSite = documentSite(text);
  const taken: boolean[] = [];
  const out: HistologyMention[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const start = m.index! + (m[0].length - m[0].trimStart().length);
      const end = m.index! + m[0].length;
      if (end <= start || taken[start] || taken[end - 1]) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      const line = flow.lineAt(start);
      const lines = flow.linesIn(start, end);
      const mention: HistologyMention = {
        histology: p.histology, rank: p.rank, generic: p.generic,
        weight: weightOf(ctx.kind, line.section), transformed: false, rejected: null, start, end,
        line, lines, quote: lines.map((l) => l.text).join(' '),
      };
      mention.rejected = rejection(text, start, end, mention, docSite);
      mention.transformed = TRANSFORM.test(text.slice(Math.max(0, start - 60), Math.min(text.length, end + 20)));
      out.push(mention);
    }
  }
  out.sort((a, b) => a.start - b.start);
  // "large cell carcinoma, consistent with squamous cell carcinoma": the pathologist refines
  // the first name into the second, so only the second counts
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.rejected || b.rejected || a.histology === b.histology) continue;
    if (b.start - a.end <= 60 && REFINED.test(text.slice(a.end, b.start))) a.rejected = 'refined';
  }
  return out;
}

const ASKED = /^[\s)]*\?(?!\s*(?:yes|confirmed)\b)/i;

const REFINED = /^[\s,;:(-]*(?:[a-z]+[\s,]+){0,4}?(?:most\s+)?(?:consistent\s+with|favou?r(?:s|ed|ing)?|c\/w|compatible\s+with|in\s+keeping\s+with|suggestive\s+of|most\s+likely|representing|i\.e\.)/i;

function rejection(text: string, start: number, end: number, m: HistologyMention, docSite: 'lung' | 'other' | null): string | null {
  if (m.weight === 0) return 'section';
  const cues = cuesFor(text, start, end, { scope: 'phrase' });
  if (cues.negated) return 'negated';
  if (cues.hedge === 'uncertain' || cues.hedge === 'differential') return cues.hedge;
  // "Pleomorphic carcinoma? No." / "adenocarcinoma?": asked, not said (the clause ends at the
  // question mark, so the cues above never see it)
  if (ASKED.test(text.slice(end, end + 20))) return 'uncertain';
  if (cues.ruleOut) return 'rule-out';
  if (cues.family || cues.otherPerson) return 'someone else';
  // "diagnosis revised from squamous cell carcinoma to adenosquamous carcinoma"
  if (SUPERSEDED.test(text.slice(Math.max(0, start - 80), start))) return 'superseded';
  // another organ's cancer ("of the scalp", "Gleason 9", "head and neck primary"), or a
  // record that never speaks of a lung cancer at all
  if (!isLungMention(text, start, end, docSite)) return 'other organ';
  return null;
}
