// Page text → facts/1. Two steps, so the app can store per-document results and merge
// them live with the person's corrections: `extractDocument` reads one record,
// `mergeDocuments` combines all of a person's records into one facts/1 object.
import type { DocumentText } from '../contract/document.ts';
import { ocrPagesOf } from '../contract/document.ts';
import type { Biomarker, Conflict, Facts, Source, Treatment } from '../contract/facts.ts';
import { emptyFacts } from '../contract/facts.ts';
import { linesOf, type DocContext } from './context.ts';
import { analyseDocument } from './document/analyse.ts';
import { findDiagnosis, mergeDiagnosis, type DocDiagnosis } from './diagnosis/index.ts';
import { findStage, mergeStage, type DocStage } from './stage/index.ts';
import { findBiomarkers, mergeBiomarkers } from './biomarkers/index.ts';
import { findTreatments, mergeTreatments } from './treatments/index.ts';

/** What one record says, before it is merged with the others. */
export interface DocumentFacts {
  source: Source;
  /** what merging needs to know about the record itself (preliminary, amended, ...) */
  report: ReportInfo;
  diagnosis: DocDiagnosis;
  /** the record's own stage reading, with every stage mention for merging */
  stage: DocStage;
  biomarkers: Biomarker[];
  treatments: Treatment[];
}

export interface ReportInfo {
  /** marked preliminary, or with results still pending: a later final report replaces it */
  preliminary: boolean;
  /** an amended or addended report: it overrides the report it amends */
  amended: boolean;
}

export function extractDocument(doc: DocumentText): DocumentFacts {
  const base: DocContext = { file: doc.file, lines: linesOf(doc), kind: 'other', date: null };
  const { ctx, report } = analyseDocument(base);
  return {
    source: { file: doc.file, pages: doc.pageCount, ocrPages: ocrPagesOf(doc), kind: ctx.kind, date: ctx.date },
    report,
    diagnosis: findDiagnosis(ctx),
    stage: findStage(ctx),
    biomarkers: findBiomarkers(ctx),
    treatments: findTreatments(ctx),
  };
}

export function mergeDocuments(docs: DocumentFacts[]): Facts {
  const f = emptyFacts();
  const conflicts: Conflict[] = [];
  f.sources = docs.map((d) => d.source);
  f.diagnosis = mergeDiagnosis(docs, conflicts);
  f.stage = mergeStage(docs, conflicts);
  f.biomarkers = mergeBiomarkers(docs, conflicts);
  f.treatments = mergeTreatments(docs, conflicts);
  return conflicts.length ? { ...f, conflicts } : f;
}
