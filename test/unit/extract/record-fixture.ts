// A record made from plain text, one line per text line, as the reading pipeline would give it.
import type { DocumentText } from '../../../shared/contract/document.ts';

export function docOf(text: string, file = 'record.pdf', source: 'text' | 'ocr' = 'text'): DocumentText {
  const lines = text.split('\n').map((t, i) => ({ text: t, box: [0.05, 0.02 * i, 0.9, 0.015] as [number, number, number, number] }));
  return {
    file, sha256: '0'.repeat(64), type: 'text', mime: 'text/plain',
    pages: [{ page: 1, source, text, lines, width: 612, height: 792 }], pageCount: 1, problems: [],
  };
}
