// Page text → facts/1. Two steps, so the app can store per-document results and merge
// them live with the person's corrections: `extractDocument` reads one record,
// `mergeDocuments` combines all of a person's records into one facts/1 object.
import type { DocumentText } from '../contract/document.ts';
import { ocrPagesOf } from '../contract/document.ts';
import type { Biomarker, Facts, Source, Treatment, Diagnosis, Stage } from '../contract/facts.ts';
import { emptyFacts } from '../contract/facts.ts';
import { linesOf, type DocContext } from './context.ts';

/** What one record says, before it is merged with the others. */
export interface DocumentFacts {
  source: Source;
  diagnosis: Diagnosis;
  stage: Stage;
  biomarkers: Biomarker[];
  treatments: Treatment[];
}

export function extractDocument(doc: DocumentText): DocumentFacts {
  const ctx: DocContext = { file: doc.file, lines: linesOf(doc), kind: 'other', date: null };
  const f = emptyFacts();
  return {
    source: { file: doc.file, pages: doc.pageCount, ocrPages: ocrPagesOf(doc), kind: ctx.kind, date: ctx.date },
    diagnosis: f.diagnosis,
    stage: f.stage,
    biomarkers: [],
    treatments: [],
  };
}

export function mergeDocuments(docs: DocumentFacts[]): Facts {
  const f = emptyFacts();
  f.sources = docs.map((d) => d.source);
  return f;
}
