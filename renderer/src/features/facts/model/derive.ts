// From stored page text to the person's facts. Extraction runs here in the renderer (it is
// pure) rather than being stored at import time, so records read before an extractor
// improvement still benefit from it. Each record's result is cached by its content hash.
import type { DocumentText } from '../../../../../shared/contract/document.ts';
import { ocrPagesOf } from '../../../../../shared/contract/document.ts';
import { emptyFacts, type Facts, type Source } from '../../../../../shared/contract/facts.ts';
import { extractDocument, mergeDocuments, type DocumentFacts } from '../../../../../shared/extract/index.ts';

const cache = new Map<string, DocumentFacts | null>();

/** One record's facts, or null when the extractor cannot handle it (its text stays searchable). */
export function factsOfDocument(doc: DocumentText): DocumentFacts | null {
  const key = `${doc.sha256}:${doc.file}`;
  if (!cache.has(key)) {
    let facts: DocumentFacts | null;
    try {
      facts = extractDocument(doc);
    } catch {
      // a record the extractor cannot handle must never take the app down; the person can
      // still search it and add its facts by hand
      facts = null;
    }
    cache.set(key, facts);
  }
  return cache.get(key)!;
}

const sourceOf = (doc: DocumentText): Source => ({ file: doc.file, pages: doc.pageCount, ocrPages: ocrPagesOf(doc), kind: 'other', date: null });

export function mergedFacts(docs: DocumentText[]): Facts {
  const perDoc = docs.map(factsOfDocument).filter((d): d is DocumentFacts => d !== null);
  try {
    return mergeDocuments(perDoc);
  } catch {
    return { ...emptyFacts(), sources: docs.map(sourceOf) };
  }
}
