// The extraction process: Electron starts it with utilityProcess.fork so untrusted PDFs
// and pictures are parsed away from the UI and from main. It takes one message at a time
// from main (validated), reads files with the same pipeline as the command line, and
// answers with page text and the record's facts. It never logs record content.
import { FromExtractionSchema, ToExtractionSchema, type FromExtraction } from '../../shared/contract/extraction-protocol.ts';
import { extractDocument } from '../../shared/extract/index.ts';
import { readDocument, CancelledError } from './read-document.ts';
import { OcrPool } from './ocr-pool.ts';
import { messages } from './messages.ts';
import { parentPort, type Port } from './parent-port.ts';
import { memoryCache } from './text-cache.ts';

export function serve(port: Port): void {
  let pool: OcrPool | null = null;
  const ocr = () => (pool ??= new OcrPool());
  const jobs = new Map<string, AbortController>();
  // "read again" and the same record imported twice: answered from memory, not read anew
  const recent = memoryCache();
  const send = (msg: FromExtraction) => {
    const checked = FromExtractionSchema.safeParse(msg);
    if (checked.success) port.post(checked.data);
    // An answer that breaks the contract (a hostile file can yield NaN positions) must still
    // end its job, or main would wait for the stall timer and fail every file in flight.
    else if ('jobId' in msg && msg.type !== 'progress' && msg.type !== 'failed') port.post({ type: 'failed', jobId: msg.jobId, message: messages.failed().message });
  };

  port.onMessage(async (raw) => {
    const parsed = ToExtractionSchema.safeParse(raw);
    if (!parsed.success) return; // main only sends valid messages; anything else is ignored
    const msg = parsed.data;
    if (msg.type === 'cancel') { jobs.get(msg.jobId)?.abort(); return; }
    const abort = new AbortController();
    jobs.set(msg.jobId, abort);
    try {
      if (msg.type === 'read') {
        const hit = await recent.get(msg.bytes, msg.password);
        const document = hit ? { ...hit, file: msg.name } : await readDocument(msg.name, msg.bytes, {
          password: msg.password, signal: abort.signal, ocr,
          onProgress: (progress) => send({ type: 'progress', jobId: msg.jobId, progress }),
        });
        if (!hit) await recent.put(msg.bytes, msg.password, document);
        send({ type: 'progress', jobId: msg.jobId, progress: { phase: 'extracting', page: document.pageCount, pages: document.pageCount } });
        send({ type: 'result', jobId: msg.jobId, document, facts: extractDocument(document) });
      } else {
        const { renderPageToPng } = await import('./render-page.ts'); // pdf.js loads on first use
        const r = await renderPageToPng(msg.bytes, msg.page, msg.scale, msg.turn, msg.password);
        send({ type: 'rendered', jobId: msg.jobId, ...r });
      }
    } catch (e) {
      send({ type: 'failed', jobId: msg.jobId, message: e instanceof CancelledError ? messages.cancelled().message : messages.failed().message });
    } finally {
      jobs.delete(msg.jobId);
    }
  });
  send({ type: 'ready' });
}

serve(parentPort());
