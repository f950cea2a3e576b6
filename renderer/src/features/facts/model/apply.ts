// The person's facts = what the records say (mergeDocuments) with the person's reviews on
// top, plus what they added themselves. Pure, so it is unit-tested without a database.
// Rejected facts stay in the list with `review: 'rejected'` (the guidance engine ignores
// them; the screen shows them as "marked wrong" with a way back).
import type { Biomarker, Conflict, Diagnosis, Evidence, Facts, Stage, Treatment } from '../../../../../shared/contract/facts.ts';
import { HISTOLOGIES, STAGE_GROUPS } from '../../../../../shared/contract/facts.ts';
import type { FactReview } from '../../../store/reviews.ts';
import type { Addition } from '../../../store/additions.ts';
import { additionKey, biomarkerKey, conflictKey, DIAGNOSIS_KEY, STAGE_KEY, treatmentKey, uniqueKeys } from './identity.ts';

export type FactKind = 'diagnosis' | 'stage' | 'biomarker' | 'treatment';

export interface FactItem<T> {
  key: string;
  kind: FactKind;
  /** the fact as the app now uses it (the person's correction applied) */
  fact: T;
  /** what the records said, before any correction; null for facts the person added */
  extracted: T | null;
  review?: FactReview;
  /** the id of the person's own addition */
  addedId?: string;
  /** read from a scan and not yet confirmed */
  needsCheck: boolean;
  evidence: Evidence[];
}

export interface ConflictItem { key: string; conflict: Conflict; review?: FactReview }

export interface PersonFacts {
  facts: Facts;
  diagnosis: FactItem<Diagnosis> | null;
  stage: FactItem<Stage> | null;
  biomarkers: FactItem<Biomarker>[];
  treatments: FactItem<Treatment>[];
  conflicts: ConflictItem[];
}

type Meta = { evidence?: Evidence[]; needsCheck?: boolean; review?: FactReview['status'] };

function reviewed<T extends Meta>(fact: T, review: FactReview | undefined): T {
  if (!review) return fact;
  const value = review.status === 'corrected' ? review.value ?? {} : {};
  const evidence = review.evidence?.length ? review.evidence : fact.evidence;
  return { ...fact, ...value, review: review.status, needsCheck: false, ...(evidence ? { evidence } : {}) };
}

function item<T extends Meta>(key: string, kind: FactKind, extracted: T | null, fact: T, review?: FactReview, addedId?: string): FactItem<T> {
  const evidence = fact.evidence ?? [];
  const fromScan = extracted?.needsCheck ?? evidence.some((e) => e.source === 'ocr');
  return { key, kind, fact, extracted, review, addedId, evidence, needsCheck: !review && !addedId && fromScan };
}

const hasDiagnosis = (d: Diagnosis) => !!(d.cancerType || d.histology || d.diagnosisDate);
const hasStage = (s: Stage) => !!(s.group || s.t || s.n || s.m || s.derivedGroup);

export function applyReviews(merged: Facts, reviews: Map<string, FactReview>, additions: Addition[]): PersonFacts {
  const facts: Facts = structuredClone(merged);
  const conflicts = (facts.conflicts ?? []).map((c) => settleConflict(c, reviews.get(conflictKey(c)), facts));

  const dReview = reviews.get(DIAGNOSIS_KEY);
  const diagnosis = reviewed(facts.diagnosis, dReview);
  facts.diagnosis = diagnosis;
  const sReview = reviews.get(STAGE_KEY);
  const stage = reviewed(facts.stage, sReview);
  facts.stage = stage;

  const bKeys = uniqueKeys(facts.biomarkers, biomarkerKey);
  const biomarkers = facts.biomarkers.map((b, i) => item(bKeys[i], 'biomarker', b, reviewed(b, reviews.get(bKeys[i])), reviews.get(bKeys[i])));
  const tKeys = uniqueKeys(facts.treatments, treatmentKey);
  const treatments = facts.treatments.map((t, i) => item(tKeys[i], 'treatment', t, reviewed(t, reviews.get(tKeys[i])), reviews.get(tKeys[i])));
  for (const a of additions) {
    if (a.kind === 'biomarker') biomarkers.push(item(additionKey(a.id), 'biomarker', null, { ...a.fact, review: 'confirmed' }, undefined, a.id));
    else treatments.push(item(additionKey(a.id), 'treatment', null, { ...a.fact, review: 'confirmed' }, undefined, a.id));
  }
  facts.biomarkers = biomarkers.map((b) => b.fact);
  facts.treatments = treatments.map((t) => t.fact);
  if (conflicts.length) facts.conflicts = conflicts.map((c) => c.conflict);

  return {
    facts,
    diagnosis: hasDiagnosis(diagnosis) || dReview ? item(DIAGNOSIS_KEY, 'diagnosis', hasDiagnosis(merged.diagnosis) ? merged.diagnosis : null, diagnosis, dReview) : null,
    stage: hasStage(stage) || sReview ? item(STAGE_KEY, 'stage', hasStage(merged.stage) ? merged.stage : null, stage, sReview) : null,
    biomarkers,
    treatments,
    conflicts,
  };
}

/**
 * A conflict the person settled is marked resolved and the chosen value becomes the fact:
 * the type of cancer, histology or stage member, or — for a biomarker — the result the
 * chosen record gave (its structured value travels with the conflict) in place of the
 * gene's merged entries, with that record's evidence.
 */
function settleConflict(c: Conflict, review: FactReview | undefined, facts: Facts): ConflictItem {
  const key = conflictKey(c);
  if (!review?.chosen) return { key, conflict: c, review };
  const chosen = review.chosen;
  const field = c.field.toLowerCase();
  if (field.endsWith('histology') && (HISTOLOGIES as readonly string[]).includes(chosen)) facts.diagnosis = { ...facts.diagnosis, histology: chosen as Diagnosis['histology'] };
  else if (field.endsWith('cancertype') && (chosen === 'NSCLC' || chosen === 'SCLC')) facts.diagnosis = { ...facts.diagnosis, cancerType: chosen };
  else if (field === 'stage.group' && (STAGE_GROUPS as readonly string[]).includes(chosen)) facts.stage = { ...facts.stage, group: chosen as Stage['group'] };
  else if (/^stage\.[tnm]$/.test(field)) facts.stage = { ...facts.stage, [field.slice(-1)]: chosen };
  else if (field.startsWith('biomarker:') && chosen !== c.chosen) {
    const value = c.values.find((v) => v.value === chosen);
    const gene = c.field.slice('biomarker:'.length).trim();
    if (value?.fact && typeof value.fact.gene === 'string' && value.fact.gene === gene) {
      const fact = { ...(value.fact as unknown as Biomarker), evidence: value.evidence, review: 'confirmed' as const, needsCheck: false };
      facts.biomarkers = [...facts.biomarkers.filter((b) => b.gene !== gene), fact];
    }
  }
  return { key, conflict: { ...c, resolved: true, chosen }, review };
}
