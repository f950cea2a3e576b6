// Shared test helpers: read the real knowledge base and drug table, build facts quickly,
// and analyse conditions statically ("does this condition guarantee that …?").
import fs from 'node:fs';
import path from 'node:path';
import type { Biomarker, Facts, Source, Treatment } from '../../../shared/contract/facts.ts';
import { loadKnowledge } from '../../../shared/guidance/knowledge.ts';
import type { Condition, Knowledge } from '../../../shared/guidance/types.ts';
import { readKnowledgeFiles } from '../../../electron/cli/knowledge-files.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const KNOWLEDGE = path.join(ROOT, 'resources', 'knowledge');

/** The real knowledge files, keyed as the CLI and the renderer key them. */
export const knowledgeFiles = (folders?: string[]): Record<string, string> => readKnowledgeFiles(folders);

let cached: Knowledge | null = null;
export function realKnowledge(): Knowledge {
  cached ??= loadKnowledge(knowledgeFiles());
  return cached;
}

/** Fixture answers (test/unit/guidance/fixtures/answers) with the real synonyms. */
export function fixtureKnowledge(): Knowledge {
  const dir = path.join(import.meta.dirname, 'fixtures', 'answers');
  const files: Record<string, string> = { 'synonyms.json': fs.readFileSync(path.join(KNOWLEDGE, 'synonyms.json'), 'utf8') };
  for (const name of fs.readdirSync(dir)) files[`answers/${name}`] = fs.readFileSync(path.join(dir, name), 'utf8');
  return loadKnowledge(files);
}

export type Drug = { generic: string; brands: string[]; abbreviations: string[]; class: string; category: string; mechanism: string; targets: { gene: string; alterations: string[] }[] };
export const drugTable = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources', 'vocab', 'drugs.json'), 'utf8')) as { drugs: Drug[]; supportive: string[] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Drugs of the table named in a text (generic or brand names). */
export function drugsIn(text: string): Drug[] {
  return drugTable.drugs.filter((d) => [d.generic, ...d.brands].some((n) => new RegExp(`\\b${escape(n)}\\b`, 'i').test(text)));
}
/** Drug-like words (by their stems) that the table does not know. */
export function unknownDrugWords(text: string): string[] {
  const known = new Set(drugTable.drugs.flatMap((d) => [d.generic, ...d.brands, ...d.abbreviations]).flatMap((n) => n.toLowerCase().split(/\s+/)));
  for (const s of drugTable.supportive) s.toLowerCase().split(/\s+/).forEach((w) => known.add(w));
  const words = text.toLowerCase().match(/\b[a-z]+(tinib|rasib|mab|ciclib|platin|taxel|lisib|parib|tecan|rubicin|limus|trexed|citabine|dectin|sertib|metinib|afenib)\b/g) ?? [];
  return [...new Set(words)].filter((w) => !known.has(w));
}

const NOT_MUTATION = ['amplification', 'overexpression', 'expression'];
/** Does a detected biomarker (gene + alteration) fit one of a drug's approved targets? */
export function targetFits(drug: Drug, gene: string, alteration: string | null | undefined): boolean {
  const alt = (alteration ?? '').toLowerCase();
  return drug.targets.some((t) => t.gene === gene && t.alterations.some((a) => {
    const want = a.toLowerCase();
    if (want === 'mutation') return alt !== '' && !NOT_MUTATION.includes(alt);
    if (want.endsWith('x')) return alt.startsWith(want.slice(0, -1));
    return want === alt;
  }));
}

type Spec = { gene?: string | string[]; alteration?: string | string[]; alterationNot?: string[]; result?: string | string[] };
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** True when a condition can only hold if `pred` holds for some leaf in a guaranteed position. */
export function guarantees(cond: Condition, pred: (key: string, value: any) => boolean): boolean {
  const keys = Object.keys(cond);
  if (keys.length > 1) return keys.some((k) => guarantees({ [k]: cond[k] }, pred));
  const [key] = keys;
  const value = cond[key] as any;
  if (key === 'all') return (value as Condition[]).some((c) => guarantees(c, pred));
  if (key === 'any') return (value as Condition[]).every((c) => guarantees(c, pred));
  if (key === 'not') return pred('not', value);
  return pred(key, value);
}

/** A condition guarantees a detected biomarker that fits the drug's targets, or that the person is on the drug. */
export function pairedWith(cond: Condition, drug: Drug): boolean {
  return guarantees(cond, (key, value) => {
    if (key === 'treatment') return list(value.name).includes(drug.generic);
    if (key !== 'biomarker') return false;
    const spec = value as Spec;
    if (!list(spec.result).includes('detected')) return false;
    const genes = list(spec.gene);
    if (spec.alteration !== undefined) {
      return genes.every((g) => list(spec.alteration).every((a) => targetFits(drug, g, a.replace(/\*$/, 'A'))));
    }
    const notMutation = spec.alterationNot && NOT_MUTATION.slice(0, 2).every((a) => spec.alterationNot!.includes(a));
    return !!notMutation && genes.every((g) => drug.targets.some((t) => t.gene === g && t.alterations.includes('mutation')));
  });
}

/** A condition guarantees the histology is not squamous. */
export function excludesSquamous(cond: Condition): boolean {
  return guarantees(cond, (key, value) => {
    if (key === 'histology') return !list(value).includes('squamous cell carcinoma');
    if (key === 'not') return 'histology' in value && list(value.histology).includes('squamous cell carcinoma');
    return false;
  });
}

export function guaranteesLeaf(cond: Condition, leaf: string, test: (value: any) => boolean): boolean {
  return guarantees(cond, (key, value) => key === leaf && test(value));
}

// ---------------------------------------------------------------- facts builders

export type Profile = {
  cancerType?: 'NSCLC' | 'SCLC' | null;
  histology?: string | null;
  stage?: string | null;
  t?: string | null; n?: string | null; m?: string | null;
  basis?: 'clinical' | 'pathologic' | null;
  biomarkers?: Biomarker[];
  treatments?: Treatment[];
  sources?: Source[];
};

export const bm = (gene: string, alteration: string | null, result: Biomarker['result'] = 'detected', extra: Partial<Biomarker> = {}): Biomarker =>
  ({ gene, ...(alteration ? { alteration } : {}), result, ...extra });
export const pdl1 = (value: number): Biomarker =>
  value < 1 ? { gene: 'PD-L1', alteration: 'expression', result: 'not detected', value: 0, unit: '%' }
    : { gene: 'PD-L1', alteration: 'expression', result: 'detected', value, unit: '%' };
export const tx = (name: string, category: Treatment['category'], start: string | null = '2025-01-01', end: string | null = null, extra: Partial<Treatment> = {}): Treatment =>
  ({ name, category, start, end, ...extra });

export const DEFAULT_SOURCES: Source[] = [
  { file: '01-pathology.pdf', pages: 2, ocrPages: [], kind: 'pathology', date: '2025-01-05' },
  { file: '02-molecular.pdf', pages: 4, ocrPages: [], kind: 'molecular', date: '2025-01-20' },
  { file: '03-note.pdf', pages: 2, ocrPages: [], kind: 'note', date: '2025-01-25' },
];

export function facts(p: Profile): Facts {
  const histology = p.histology === undefined ? 'adenocarcinoma' : p.histology;
  const cancerType = p.cancerType !== undefined ? p.cancerType
    : histology === 'carcinoid' ? null : histology?.includes('small cell') ? 'SCLC' : 'NSCLC';
  return {
    format: 'facts/1',
    sources: p.sources ?? DEFAULT_SOURCES,
    diagnosis: { cancerType, histology: histology as Facts['diagnosis']['histology'], diagnosisDate: '2025-01-05' },
    stage: { group: (p.stage === undefined ? 'IVA' : p.stage) as Facts['stage']['group'], t: p.t ?? null, n: p.n ?? null, m: p.m ?? null, basis: p.basis ?? 'clinical' },
    biomarkers: p.biomarkers ?? [],
    treatments: p.treatments ?? [],
  };
}

/** EGFR/ALK/ROS1/KRAS/BRAF/MET/RET/NTRK/ERBB2/NRG1 all negative, plus PD-L1. */
export function broadNegative(pd: number): Biomarker[] {
  return [
    bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected'), bm('ROS1', 'fusion', 'not detected'),
    bm('KRAS', null, 'not detected'), bm('BRAF', null, 'not detected'), bm('MET', 'exon 14 skipping', 'not detected'),
    bm('RET', 'fusion', 'not detected'), bm('NTRK1', 'fusion', 'not detected'), bm('NTRK2', 'fusion', 'not detected'),
    bm('NTRK3', 'fusion', 'not detected'), bm('ERBB2', null, 'not detected'), bm('NRG1', 'fusion', 'not detected'), pdl1(pd),
  ];
}
