// Turns the facts a condition used into plain `because` lines that say where each was read:
// "EGFR exon 19 deletion detected (03-molecular.pdf, page 2)". Facts without evidence (for
// example from a --facts file) name the source files of the kind that fits, or "(in your records)".
import type { Biomarker, Evidence, Source, SourceKind, Stage, Treatment } from '../contract/facts.ts';
import { effectiveGroup } from './stage.ts';
import type { Context, FactRef } from './types.ts';

const HISTOLOGY_WORDS: Record<string, string> = {
  'NSCLC NOS': 'non-small cell carcinoma, not otherwise specified (NOS)',
};

export function describeBiomarker(b: Biomarker): string {
  const alt = b.alteration && !['expression', 'tmb'].includes(b.alteration.toLowerCase()) ? ` ${b.alteration}` : '';
  const blood = b.specimen === 'plasma' ? ' in a blood test' : '';
  if (b.gene === 'PD-L1') {
    if (b.result === 'not detected') return `PD-L1 below 1%${blood}`;
    if (typeof b.value === 'number') return `PD-L1 ${b.value}%${blood}`;
    return `PD-L1 ${b.result}${blood}`;
  }
  if (b.gene === 'TMB' && typeof b.value === 'number') return `TMB ${b.value} ${b.unit ?? 'mut/Mb'}`;
  if (b.gene === 'MSI') return b.result === 'not detected' ? 'microsatellite stable (MSI not detected)' : `MSI${alt} ${b.result}`;
  return `${b.gene}${alt} ${b.result}${blood}`;
}

function describeTreatment(t: Treatment): string {
  if (t.category === 'surgery' || t.category === 'radiation') return t.start ? `${t.name} (${t.start})` : t.name;
  if (t.start && t.end) return `${t.name} from ${t.start} to ${t.end}`;
  if (t.start) return `${t.name} since ${t.start}`;
  return t.name;
}

function describeStage(stage: Stage, field: 'group' | 't' | 'n' | 'm' | 'basis'): string {
  if (field === 'basis') return `${stage.basis ?? 'unknown'} stage`;
  if (field !== 'group') return String(stage[field]);
  if (stage.group === 'limited' || stage.group === 'extensive') return `${stage.group}-stage`;
  if (stage.group) return `stage ${stage.group}${stage.basis ? ` (${stage.basis})` : ''}`;
  if (stage.derivedGroup) return `stage ${stage.derivedGroup} (worked out from T, N and M)`;
  const g = effectiveGroup(stage);
  return g ? `stage ${g} (from ${stage.m})` : 'stage';
}

export function describe(ref: FactRef): string {
  switch (ref.kind) {
    case 'cancerType':
      return ref.diagnosis.cancerType === 'SCLC' ? 'small cell lung cancer (SCLC)'
        : ref.diagnosis.cancerType === 'NSCLC' ? 'non-small cell lung cancer (NSCLC)' : 'cancer type not stated';
    case 'histology': {
      const h = ref.diagnosis.histology ?? 'type not stated';
      return HISTOLOGY_WORDS[h] ?? h;
    }
    case 'stage': return describeStage(ref.stage, ref.field);
    case 'biomarker': return describeBiomarker(ref.fact);
    case 'negatives': return `${joinAnd(ref.facts.map((b) => b.gene).filter(unique))} ${ref.facts.every((b) => b.result === 'not detected') ? 'not detected' : 'tested'}`;
    case 'treatment': return describeTreatment(ref.fact);
    case 'absent': return ref.text;
  }
}

function evidenceOf(ref: FactRef): Evidence[] {
  switch (ref.kind) {
    case 'cancerType': case 'histology': return ref.diagnosis.evidence ?? [];
    case 'stage': return ref.stage.evidence ?? [];
    case 'biomarker': case 'treatment': return ref.fact.evidence ?? [];
    case 'negatives': return ref.facts.flatMap((b) => (b.evidence ?? []).slice(0, 1));
    case 'absent': return [];
  }
}

function kindsFor(ref: FactRef): SourceKind[] {
  switch (ref.kind) {
    case 'cancerType': case 'histology': return ['pathology', 'note', 'discharge', 'other'];
    case 'stage': return ref.stage.basis === 'pathologic' ? ['pathology', 'note', 'imaging'] : ['note', 'imaging', 'pathology', 'discharge'];
    case 'biomarker': return ref.fact.gene === 'PD-L1' ? ['pathology', 'molecular', 'note'] : ['molecular', 'pathology', 'note'];
    case 'negatives': return ['molecular', 'pathology', 'note'];
    case 'treatment':
      return ref.fact.category === 'surgery' ? ['pathology', 'discharge', 'note', 'treatment-summary']
        : ['treatment-summary', 'note', 'discharge'];
    case 'absent': return [];
  }
}

/** Where a fact was read: "(file, page N)", the files of a fitting kind, or "(in your records)". */
export function whereRead(ref: FactRef, sources: Source[]): string {
  if (ref.kind === 'absent') return '';
  const evidence = evidenceOf(ref);
  if (evidence.length) {
    const places = evidence.map((e) => `${e.file}, page ${e.page}`).filter(unique).slice(0, 2);
    return `(${places.join('; ')})`;
  }
  const date = ref.kind === 'biomarker' ? ref.fact.date : null;
  for (const kind of kindsFor(ref)) {
    let files = sources.filter((s) => s.kind === kind);
    if (date && files.some((s) => s.date === date)) files = files.filter((s) => s.date === date);
    if (files.length === 1) return `(${files[0].file})`;
    if (files.length === 2 || files.length === 3) return `(${files.map((s) => s.file).join(' or ')})`;
    if (files.length > 3) return `(one of your ${files.length} ${kind} reports)`;
  }
  return '(in your records)';
}

export function becauseLine(ref: FactRef, ctx: Context): string {
  const where = whereRead(ref, ctx.sources);
  return where ? `${describe(ref)} ${where}` : describe(ref);
}

/** Because lines for a set of used facts: facts first, absences after, no repeats. */
export function becauseLines(refs: FactRef[], ctx: Context, max = 5): string[] {
  const ordered = [...refs.filter((r) => r.kind !== 'absent'), ...refs.filter((r) => r.kind === 'absent')];
  return ordered.map((r) => becauseLine(r, ctx)).filter(unique).slice(0, max);
}

export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function unique<T>(x: T, i: number, a: T[]): boolean {
  return a.indexOf(x) === i;
}
