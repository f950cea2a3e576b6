// Records for the diagnosis/stage/document tests, written in our own words: plain text, one
// line per text line, pages split at form feeds, read as a text layer unless told it was OCR.
import type { DocumentText } from '../../../shared/contract/document.ts';
import { extractDocument, mergeDocuments, type DocumentFacts } from '../../../shared/extract/index.ts';
import { linesOf, type DocContext } from '../../../shared/extract/context.ts';
import { analyseDocument } from '../../../shared/extract/document/analyse.ts';

export function recordOf(text: string, file = 'record.pdf', source: 'text-layer' | 'ocr' = 'text-layer'): DocumentText {
  const pages = text.split('\f').map((pageText, p) => {
    const lines = pageText.split('\n').map((t, i) => ({ text: t, box: [0.05, 0.02 * i, 0.9, 0.015] as [number, number, number, number], ...(source === 'ocr' ? { confidence: 88 } : {}) }));
    return { page: p + 1, source, text: pageText, lines, width: 612, height: 792, ...(source === 'ocr' ? { confidence: 88 } : {}) };
  });
  return { file, sha256: '0'.repeat(64), type: 'pdf', mime: 'application/pdf', pages, pageCount: pages.length, problems: [] };
}

export function contextOf(text: string): DocContext {
  const doc = recordOf(text);
  return analyseDocument({ file: doc.file, lines: linesOf(doc), kind: 'other', date: null }).ctx;
}

export function one(text: string, source: 'text-layer' | 'ocr' = 'text-layer'): DocumentFacts {
  return extractDocument(recordOf(text, 'record.pdf', source));
}

export function merged(...texts: string[]) {
  return mergeDocuments(texts.map((t, i) => extractDocument(recordOf(t, `r${i + 1}.pdf`))));
}
