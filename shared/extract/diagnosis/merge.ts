// The person's diagnosis across records. Pathology that is final outranks everything; a
// preliminary report is replaced by a final one; an amended report replaces what it amends.
// Between final pathology reports that disagree, the earliest diagnostic one stands (a later
// biopsy showing small cell in an EGFR-driven adenocarcinoma is a transformation, not a new
// diagnosis: the original histology is kept and the later one is recorded as a conflict so
// the person sees both). Named types outrank bare "NSCLC"/"SCLC" from any source.
// The diagnosis date is the earliest collection/procedure date of a specimen that showed it.
import type { Conflict, Diagnosis, Evidence } from '../../contract/facts.ts';
import type { DocumentFacts } from '../index.ts';
import { cancerTypeOf, type DocDiagnosis } from './find.ts';

interface Candidate { doc: DocumentFacts; dx: DocDiagnosis; order: number }

/** Pathology that is final, then other pathology, then notes and summaries, then the rest. */
function tier(c: Candidate): number {
  const kind = c.doc.source.kind;
  if (kind === 'pathology') return c.doc.report.preliminary ? 2 : 4;
  if (kind === 'molecular') return c.doc.report.preliminary ? 1 : 3;
  return c.doc.report.preliminary ? 1 : 3;
}

const dateOf = (c: Candidate): string => c.doc.source.date ?? '9999';

export function mergeDiagnosis(docs: DocumentFacts[], conflicts: Conflict[]): Diagnosis {
  const all: Candidate[] = docs
    .map((doc, order) => ({ doc, dx: doc.diagnosis as DocDiagnosis, order }))
    .filter((c) => c.dx.histology);
  if (!all.length) return { cancerType: null, histology: null, diagnosisDate: earliestDate(docs) };
  const specific = all.filter((c) => !c.dx.generic);
  const pool = specific.length ? specific : all;
  const top = Math.max(...pool.map(tier));
  let best = pool.filter((c) => tier(c) === top);
  // an amended report overrides the reports it amends
  if (best.some((c) => c.doc.report.amended) && top >= 4) best = best.filter((c) => c.doc.report.amended || c.dx.strength >= 10);
  // strongest statement, then the earliest report (the diagnosis, not a later transformation)
  best.sort((a, b) => b.dx.strength - a.dx.strength || dateOf(a).localeCompare(dateOf(b)) || a.order - b.order);
  let chosen = best[0]!;
  if (top < 4) {
    // no final pathology: the histology most records agree on, by summed strength
    const votes = new Map<string, number>();
    for (const c of pool) votes.set(c.dx.histology!, (votes.get(c.dx.histology!) ?? 0) + c.dx.strength + tier(c));
    const winner = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    chosen = pool.filter((c) => c.dx.histology === winner).sort((a, b) => tier(b) - tier(a) || b.dx.strength - a.dx.strength)[0]!;
  }
  const histology = chosen.dx.histology!;
  recordConflicts(pool, chosen, conflicts);
  const evidence: Evidence[] = pool.filter((c) => c.dx.histology === histology).flatMap((c) => c.dx.evidence ?? []);
  const needsCheck = evidence.length > 0 && evidence.every((e) => e.source === 'ocr');
  return {
    cancerType: cancerTypeOf(histology),
    histology,
    diagnosisDate: diagnosisDate(docs, histology) ?? earliestDate(docs),
    evidence: evidence.slice(0, 5),
    ...(needsCheck ? { needsCheck: true } : {}),
  };
}

/** Final pathology or strong statements that name another type are shown side by side. */
function recordConflicts(pool: Candidate[], chosen: Candidate, conflicts: Conflict[]): void {
  const histology = chosen.dx.histology!;
  const strong = (c: Candidate): boolean => tier(c) >= 3 && c.dx.strength >= 5 && !c.doc.report.preliminary;
  const others = pool.filter((c) => c.dx.histology !== histology && strong(c));
  const transformed = pool.filter((c) => c.dx.transformedTo && c.dx.transformedTo !== histology);
  if (!others.length && !transformed.length) return;
  const values = new Map<string, Evidence[]>();
  values.set(histology, chosen.dx.evidence ?? []);
  for (const c of others) values.set(c.dx.histology!, [...(values.get(c.dx.histology!) ?? []), ...(c.dx.evidence ?? [])]);
  for (const c of transformed) values.set(c.dx.transformedTo!, [...(values.get(c.dx.transformedTo!) ?? []), ...(c.dx.evidence ?? [])]);
  if (values.size < 2) return;
  conflicts.push({
    field: transformed.length && !others.length ? 'diagnosis.histology.transformation' : 'diagnosis.histology',
    values: [...values.entries()].map(([value, evidence]) => ({ value, evidence })),
    chosen: histology,
  });
}

/** Earliest collection/procedure date of a pathology record that showed this histology,
 * else the earliest stated diagnosis date anywhere. */
function diagnosisDate(docs: DocumentFacts[], histology: string): string | null {
  const path = docs
    .filter((d) => d.source.kind === 'pathology' && d.diagnosis.histology && cancerTypeOf(d.diagnosis.histology) === cancerTypeOf(histology as DocDiagnosis['histology']))
    .map((d) => d.diagnosis.diagnosisDate)
    .filter((d): d is string => !!d)
    .sort();
  return path[0] ?? null;
}

function earliestDate(docs: DocumentFacts[]): string | null {
  const dates = docs.map((d) => d.diagnosis.diagnosisDate).filter((d): d is string => !!d).sort();
  return dates[0] ?? null;
}
