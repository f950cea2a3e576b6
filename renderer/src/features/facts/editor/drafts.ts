// Form drafts for each kind of fact, and their translation to facts/1 values. Forms hold
// strings (what the person typed); only `toValue` decides what reaches the facts.
import type { Biomarker, Diagnosis, Stage, Treatment } from '../../../../../shared/contract/facts.ts';
import { HISTOLOGIES, STAGE_GROUPS, TREATMENT_CATEGORIES } from '../../../../../shared/contract/facts.ts';

export type Draft = Record<string, string>;

const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
const isoOrNull = (s: string | undefined) => (s && /^\d{4}-\d{2}(-\d{2})?$/.test(s.trim()) ? s.trim() : null);

/** small-cell histologies are SCLC; carcinoid is neither; every other lung carcinoma is NSCLC */
export function cancerTypeFor(histology: string): Diagnosis['cancerType'] {
  if (histology === 'small cell carcinoma' || histology === 'combined small cell carcinoma') return 'SCLC';
  if (histology === 'carcinoid' || !histology) return null;
  return 'NSCLC';
}

export function diagnosisDraft(d?: Diagnosis | null): Draft {
  return { histology: d?.histology ?? '', cancerType: d?.cancerType ?? '', diagnosisDate: d?.diagnosisDate ?? '' };
}
export function diagnosisValue(d: Draft): Partial<Diagnosis> {
  const histology = (HISTOLOGIES as readonly string[]).includes(d.histology) ? (d.histology as Diagnosis['histology']) : null;
  const cancerType = d.cancerType === 'NSCLC' || d.cancerType === 'SCLC' ? d.cancerType : null;
  return { histology, cancerType, diagnosisDate: isoOrNull(d.diagnosisDate) };
}

const tnm = (s: string | undefined, letter: string) => {
  const v = orNull(s)?.toUpperCase().replace(/^[CPY]+(?=[TNM])/, '') ?? null;
  return v && !v.startsWith(letter) ? `${letter}${v}` : v;
};
export function stageDraft(s?: Stage | null): Draft {
  return { group: s?.group ?? '', t: s?.t ?? '', n: s?.n ?? '', m: s?.m ?? '', basis: s?.basis ?? '' };
}
export function stageValue(d: Draft): Partial<Stage> {
  const group = (STAGE_GROUPS as readonly string[]).includes(d.group) ? (d.group as Stage['group']) : null;
  const basis = d.basis === 'clinical' || d.basis === 'pathologic' ? d.basis : null;
  return { group, t: tnm(d.t, 'T'), n: tnm(d.n, 'N'), m: tnm(d.m, 'M'), basis };
}

const GENE_ALIASES: Record<string, string> = { HER2: 'ERBB2', 'PDL1': 'PD-L1', 'PD L1': 'PD-L1', NTRK: 'NTRK1' };
export function normaliseGene(g: string): string {
  const up = g.trim().toUpperCase();
  return GENE_ALIASES[up] ?? up;
}
export function biomarkerDraft(b?: Biomarker | null): Draft {
  return { gene: b?.gene ?? '', result: b?.result ?? 'detected', alteration: b?.alteration ?? '', value: b?.value?.toString() ?? '', date: b?.date ?? '' };
}
export function biomarkerValue(d: Draft): Biomarker | null {
  const gene = normaliseGene(d.gene ?? '');
  if (!gene) return null;
  const result = d.result === 'not detected' || d.result === 'equivocal' ? d.result : 'detected';
  const num = d.value && d.value.trim() !== '' && Number.isFinite(Number(d.value)) ? Number(d.value) : null;
  const alteration = gene === 'PD-L1' ? 'expression' : gene === 'TMB' ? 'tmb' : orNull(d.alteration);
  const unit = num === null ? null : gene === 'PD-L1' ? '%' : gene === 'TMB' ? 'mut/Mb' : null;
  return { gene, result, alteration, value: num, unit, date: isoOrNull(d.date) };
}

export function treatmentDraft(t?: Treatment | null): Draft {
  return { name: t?.name ?? '', category: t?.category ?? 'other', start: t?.start ?? '', end: t?.end ?? '', endReason: t?.endReason ?? '' };
}
export function treatmentValue(d: Draft): Treatment | null {
  const name = (d.name ?? '').trim().toLowerCase();
  if (!name) return null;
  const category = (TREATMENT_CATEGORIES as readonly string[]).includes(d.category) ? (d.category as Treatment['category']) : 'other';
  const endReason = ['completed', 'progression', 'toxicity', 'other'].includes(d.endReason) ? (d.endReason as Treatment['endReason']) : null;
  return { name, category, start: isoOrNull(d.start), end: isoOrNull(d.end), endReason };
}
