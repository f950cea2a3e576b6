// Progress in plain words. `page` is the page just finished (0 before any).
import type { JobProgress } from './importer.ts';
import type { RecordView } from '../../store/records.ts';

export function progressText(p: JobProgress): string {
  switch (p.phase) {
    case 'waiting': return 'Waiting to be read…';
    case 'opening': return 'Opening the file…';
    case 'reading': return `Reading: ${p.page} of ${p.pages} ${p.pages === 1 ? 'page' : 'pages'} done`;
    case 'ocr': return `Reading a scanned page as a picture (OCR): ${p.page} of ${p.pages} ${p.pages === 1 ? 'page' : 'pages'} done. Scans take a little longer.`;
    case 'extracting': return 'Looking for facts in the text…';
    case 'done': return 'Finishing…';
  }
}

/** what was read, for a finished record */
export function readSummary(r: RecordView): string {
  const { pageCount, ocrPages, type } = r.meta;
  if (type === 'text') return 'Read as a text file.';
  const pages = `${pageCount} ${pageCount === 1 ? 'page' : 'pages'}`;
  if (!ocrPages.length) return `Read: ${pages}, all with a text layer.`;
  if (ocrPages.length === pageCount) return `Read: ${pages}, from ${type === 'image' ? 'a picture' : 'scans'} with text recognition (OCR). Facts from ${pageCount === 1 ? 'it' : 'them'} are marked “please check”.`;
  return `Read: ${pages}; ${ocrPages.length} scanned ${ocrPages.length === 1 ? 'page was' : 'pages were'} read with text recognition (OCR).`;
}
