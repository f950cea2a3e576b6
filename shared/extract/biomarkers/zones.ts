// Parts of a record whose words are not this patient's results: variants of uncertain
// significance, gene lists, methods, trial and therapy listings, references, family
// history. A heading opens a zone and the next heading (or page) closes it; single lines
// that are references, trial rows or bare gene lists are skipped wherever they stand.
// Where the document analyser has set `line.section`, its context sections count too.
import type { CtxLine } from '../context.ts';
import { findGenes } from './genes.ts';

export type Zone = 'vus' | 'genes' | 'methods' | 'trials' | 'therapies' | 'references' | 'family' | 'pmh' | 'medications' | 'allergies' | 'plan' | 'history' | null;

const HEADINGS: [Exclude<Zone, null> | 'other', RegExp][] = [
  ['vus', /^(?:(?:variants?|alterations?)(?:\(s\))?\s+of\s+(?:uncertain|unknown|undetermined)\s+(?:clinical\s+)?significance|vus\b|uncertain\s+significance|tier\s+(?:3|iii)\b)/i],
  ['genes', /^(?:genes?\s+(?:assayed|tested|analy[sz]ed|included|evaluated|interrogated|in\s+(?:this\s+)?panel)|(?:full\s+)?gene\s+list|panel\s+genes|list\s+of\s+genes)/i],
  ['methods', /^(?:methods?(?:\s+and\s+limitations)?|methodology|limitations|disclaimers?|test\s+(?:description|information|background)|assay\s+(?:description|information)|about\s+(?:the|this)\s+(?:test|assay)|technical\s+(?:notes?|information)|interpretive\s+criteria|reference\s+ranges?|background)\b/i],
  ['trials', /^(?:(?:potential\s+|relevant\s+)?clinical\s+trials?|trial\s+matches|relevant\s+trials)\b/i],
  ['therapies', /^(?:(?:therapy|therapeutic|treatment)\s+(?:implications|associations|context|options)|(?:fda[- ]approved|approved|relevant)\s+therapies|drug\s+associations|therapies\s+with)/i],
  ['references', /^(?:references?|citations|literature\s+cited|bibliography)\b/i],
  ['family', /^(?:family\s+(?:history|hx)|fhx|fh)\b/i],
  ['pmh', /^(?:past\s+medical\s+history|medical\s+history|pmh|past\s+history|comorbidities|past\s+surgical\s+history|surgical\s+history|psh)\b/i],
  ['medications', /^(?:(?:current|home|discharge|outpatient|active)\s+)?(?:medications|meds|medication\s+list)\b/i],
  ['allergies', /^(?:(?:drug\s+)?allerg(?:y|ies)|adverse\s+(?:drug\s+)?reactions)\b/i],
  ['plan', /^(?:plan|p\s*\(plan\)|assessment\s+(?:and|&)\s+plan|a\/p|recommendations?|next\s+steps)\b/i],
  ['other', /^(?:results?|genomic\s+findings|biomarker\s+findings|alteration\s+details|pertinent\s+(?:negatives|findings)|interpretation|(?:final\s+)?diagnos[ie]s|comments?|impression|assessment|summary|findings|addendum|pathology\s+and\s+biomarkers|biomarkers?|oncologic(?:al)?\s+history|oncology\s+history|treatment\s+(?:history|course|summary)|history\s+of\s+present\s+illness|interval\s+history|hpi|subjective|objective|social\s+history|physical\s+exam(?:ination)?|exam|vitals|labs?|laboratory(?:\s+data)?|review\s+of\s+systems|hospital\s+course|procedures?|course|specimen|gross|microscopic|staging|indication|clinical\s+(?:history|indication))\b/i],
];

const CONTEXT_SECTIONS: Record<string, Zone> = {
  vus: 'vus', genes: 'genes', methods: 'methods', trials: 'trials', therapies: 'therapies', references: 'references',
  family: 'family', pmh: 'pmh', medications: 'medications', allergies: 'allergies', plan: 'plan',
};

function clean(s: string): string {
  return s.replace(/^[\s•·«»*+>#~_=\-|"'.,©®]+/, '').trim();
}

/** The zone a heading line opens, 'other' for a heading that closes zones, or null. */
export function headingZone(text: string): Exclude<Zone, null> | 'other' | null {
  const t = clean(text);
  if (!t || t.length > 110) return null;
  for (const [zone, re] of HEADINGS) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length);
    // a heading stands alone, ends in a colon, or is a capitalised label before its value
    if (/^[\s:.)(\-–]*$/.test(rest) || /^\s*(?:\([^)]{0,40}\))?\s*[:\-–]/.test(rest) || t === t.toUpperCase() || zone === 'vus') return zone;
    if (/^\s+[A-Z0-9]/.test(rest) && zone !== 'other') return zone;
    return zone === 'other' && /^\s+[A-Z]/.test(rest) ? 'other' : null;
  }
  return null;
}

const REFERENCE_LINE = /\bet\s+al\b|\b(?:N\s?Engl\s?J|J\s?Clin\s?Oncol|Lancet|JAMA|Ann\s?Oncol|Nat(?:ure)?\s?Med|Cancer\s?Discov|J\s?Thorac)\b|doi:|PMID/i;
const TRIAL_LINE = /\bNCT\s?\d{6,8}\b/i;

/** A line listing panel genes: mostly gene-like symbols, no result words. */
export function isGeneListLine(text: string): boolean {
  const tokens = text.split(/[\s,;]+/).filter((t) => /[A-Za-z0-9]/.test(t));
  if (tokens.length < 5) return false;
  if (/\b(?:detected|negative|positive|not|no|mutation|wild|identified|amplif|fusion|rearrang|equivocal|%)\b/i.test(text)) return false;
  // a result line names variants or values ("EGFR L858R; TP53 R273C; TMB 3 Muts/Mb; MSS")
  if (/\b[A-Z]\d{2,4}[A-Z*](?![A-Za-z0-9])|\bp\.|\bexon\b|\bmuts?\b|mut\s?\/|\bMSS\b|\bMSI\b|\bTPS\b|\d\s?%/i.test(text)) return false;
  const symbolish = tokens.filter((t) => /^[A-Z][A-Z0-9-]{1,9}[,.]?$/.test(t)).length;
  return symbolish / tokens.length >= 0.7 && (findGenes(text).length >= 1 || symbolish >= 6);
}

/** Whether a single line is reference, trial-listing or gene-list text wherever it stands. */
export function isBoilerplateLine(text: string): boolean {
  return REFERENCE_LINE.test(text) || TRIAL_LINE.test(text) || isGeneListLine(text) || /^regions?\s+with\s+(?:insufficient|low)\s+coverage/i.test(clean(text));
}

// Tumour-wide results never sit in a VUS table: a line that opens with one ends the table.
const SIGNATURE_RESULT = /^(?:tumou?r\s+mutational\s+burden|TMB|microsatellite|MSI|MSS|mismatch\s+repair|PD-?L1)\b/i;

/** The zone of every line, by index; `honour` names the analyser's sections taken as zones too. */
export function zonesOf(lines: CtxLine[], honour: ReadonlySet<string> = new Set(Object.keys(CONTEXT_SECTIONS))): Zone[] {
  const out: Zone[] = [];
  let zone: Zone = null;
  let page = -1;
  for (const line of lines) {
    if (line.page !== page) { zone = null; page = line.page; }
    const h = headingZone(line.text);
    // an inline VUS sentence ("Variants of uncertain significance: ATM p.R2034Q.") covers its own line only
    const inline = h === 'vus' && /:\s*\S/.test(line.text);
    if (inline) { out.push('vus'); continue; }
    if (h) zone = h === 'other' ? null : h;
    else if (zone === 'vus' && (/^(?:electronically\s+signed|signed|reviewed|attested|regions?\s+with)/i.test(clean(line.text)) || SIGNATURE_RESULT.test(clean(line.text)))) zone = null;
    let fromAnalyser = line.section && honour.has(line.section) ? CONTEXT_SECTIONS[line.section] ?? null : null;
    if (fromAnalyser === 'vus' && SIGNATURE_RESULT.test(clean(line.text))) fromAnalyser = null;
    out.push(zone ?? fromAnalyser);
  }
  return out;
}

/** Zones whose words never give a biomarker result. */
export const BIOMARKER_SKIP: ReadonlySet<Zone> = new Set<Zone>(['vus', 'genes', 'methods', 'trials', 'therapies', 'references', 'family']);
