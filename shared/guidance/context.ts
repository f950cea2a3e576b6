// Builds the engine's view of a person's facts: facts the person rejected are dropped,
// and fields that two records disagree about (unresolved conflicts) are marked, so that
// conditions treat them as unknown instead of guessing.
import type { Biomarker, Conflict, Facts, Treatment } from '../contract/facts.ts';
import type { Conflicted, Context } from './types.ts';

const visible = <T extends { review?: string }>(x: T): boolean => x.review !== 'rejected';

export function buildContext(facts: Facts): Context {
  const d = facts.diagnosis;
  const diagnosisRejected = d.review === 'rejected';
  const stageRejected = facts.stage.review === 'rejected';
  const stage = stageRejected
    ? { ...facts.stage, group: null, t: null, n: null, m: null, basis: null, derivedGroup: null }
    : facts.stage;
  return {
    facts,
    sources: facts.sources ?? [],
    diagnosis: {
      cancerType: diagnosisRejected ? null : d.cancerType,
      histology: diagnosisRejected ? null : d.histology,
      ref: d,
    },
    stage,
    stageRejected,
    biomarkers: (facts.biomarkers ?? []).filter(visible).map(normaliseBiomarker),
    treatments: (facts.treatments ?? []).filter(visible).map(normaliseTreatment),
    conflicted: readConflicts(facts.conflicts ?? []),
  };
}

function normaliseBiomarker(b: Biomarker): Biomarker {
  return b.gene === b.gene.toUpperCase() ? b : { ...b, gene: b.gene.toUpperCase() };
}

function normaliseTreatment(t: Treatment): Treatment {
  const name = t.name.trim().toLowerCase();
  return name === t.name ? t : { ...t, name };
}

export function emptyConflicted(): Conflicted {
  return { cancerType: false, histology: false, stage: false, t: false, n: false, m: false, genes: new Set(), treatments: new Set() };
}

/** Reads conflict field names such as `diagnosis.histology`, `stage.group`, `biomarker:PD-L1`, `treatment:osimertinib`. */
export function readConflicts(conflicts: Conflict[]): Conflicted {
  const c = emptyConflicted();
  for (const conflict of conflicts) {
    if (conflict.resolved) continue;
    const field = conflict.field.trim();
    const lower = field.toLowerCase();
    const after = field.split(/[:.]/).slice(1).join('.').trim();
    if (lower.startsWith('biomarker')) c.genes.add(after.split(/[ .]/)[0].toUpperCase());
    else if (lower.startsWith('treatment')) c.treatments.add(after.toLowerCase());
    else if (lower.includes('histology')) c.histology = true;
    else if (lower.includes('cancertype')) c.cancerType = true;
    else if (/stage\.t$/.test(lower)) c.t = true;
    else if (/stage\.n$/.test(lower)) c.n = true;
    else if (/stage\.m$/.test(lower)) c.m = true;
    else if (lower.startsWith('stage')) c.stage = true;
  }
  return c;
}
