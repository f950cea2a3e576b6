// From a file's bytes to its pages' text, streaming page by page. Used as-is by the
// extraction utility process and by the command line: one pipeline, no copies.
import { createHash } from 'node:crypto';
import type { DocumentText, PageText, Problem, Progress } from '../../shared/contract/document.ts';
import { sniff, decodeText } from './sniff.ts';
import { decodeImage } from './image-decode.ts';
import { ocrPage, ocrPageText } from './ocr-page.ts';
import { OcrCancelledError, OcrTimeoutError, defaultPoolSize, type OcrPool } from './ocr-pool.ts';
import { messages } from './messages.ts';

export interface ReadOptions {
  password?: string;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** each page as soon as it (and every page before it) is read */
  onPage?: (p: PageText) => void;
  /** OCR workers; created by the caller so that many files share one pool */
  ocr: () => OcrPool;
  /** files larger than this are refused before parsing */
  maxBytes?: number;
  maxPages?: number;
  /** pages OCR may work on at once (default: one per core); more only costs memory */
  window?: number;
}

export class CancelledError extends Error {}

export async function readDocument(file: string, bytes: Uint8Array, opts: ReadOptions): Promise<DocumentText> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kind = sniff(bytes);
  const base = { file, sha256, type: kind.type, mime: kind.mime, pages: [] as PageText[], pageCount: 0, problems: [] as Problem[] };
  const maxBytes = opts.maxBytes ?? 512 * 1024 * 1024;
  if (bytes.length > maxBytes) return { ...base, problems: [messages.tooLarge(maxBytes)] };
  switch (kind.type) {
    case 'empty':
      return { ...base, problems: [messages.empty()] };
    case 'unknown':
      return { ...base, problems: [messages.unsupported(kind.label)] };
    case 'text': {
      const page = textPage(decodeText(bytes));
      opts.onProgress?.({ phase: 'done', page: 1, pages: 1, source: 'text' });
      opts.onPage?.(page);
      return { ...base, pages: [page], pageCount: 1 };
    }
    case 'image': {
      const problems: Problem[] = [];
      if (/\.pdf$/i.test(file)) problems.push(messages.renamedImage(kind.label));
      return readImage({ ...base, problems }, bytes, kind.mime!, opts);
    }
    case 'pdf':
      return readPdf(base, bytes, opts);
  }
}

function textPage(text: string): PageText {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const n = Math.max(1, raw.length);
  const lines = raw
    .map((t, i) => ({ text: t.trim(), box: [0, i / n, 1, 1 / n] as [number, number, number, number] }))
    .filter((l) => l.text !== '');
  return { page: 1, source: 'text', text: lines.map((l) => l.text).join('\n'), lines, width: 1, height: n };
}

async function readImage(doc: DocumentText, bytes: Uint8Array, mime: string, opts: ReadOptions): Promise<DocumentText> {
  opts.onProgress?.({ phase: 'opening', page: 0, pages: 0 });
  opts.ocr().warm(); // a picture is always read by OCR: start the engine while it decodes
  let decoded;
  try {
    decoded = await decodeImage(bytes, mime);
  } catch {
    return { ...doc, problems: [...doc.problems, messages.badImage()] };
  }
  const pages: PageText[] = [];
  const problems = [...doc.problems];
  for (let i = 0; i < decoded.length; i++) {
    checkCancelled(opts.signal);
    opts.onProgress?.({ phase: 'ocr', page: i, pages: decoded.length, source: 'ocr' });
    const { image, dpi } = decoded[i];
    const page = await ocrOrProblem(opts, i + 1, image.width, image.height, () => Promise.resolve(image), dpi, problems);
    pages.push(page);
    opts.onPage?.(page);
  }
  opts.onProgress?.({ phase: 'done', page: pages.length, pages: pages.length });
  return withNoTextWarning({ ...doc, pages, pageCount: pages.length, problems });
}

async function readPdf(doc: DocumentText, bytes: Uint8Array, opts: ReadOptions): Promise<DocumentText> {
  opts.onProgress?.({ phase: 'opening', page: 0, pages: 0 });
  // pdf.js (and the canvas it draws with) load on the first PDF, not at start-up: the command
  // line on a text file, and the extraction process until a PDF arrives, never pay for them
  const [{ openPdf, PdfOpenError, structuralDamage, activeContent }, { readPdfPage }] = await Promise.all([import('./pdf-open.ts'), import('./pdf-pages.ts')]);
  const problems: Problem[] = [];
  const active = activeContent(bytes);
  if (active.javascript) problems.push(messages.javascript());
  if (active.attachments) problems.push(messages.attachment());
  let opened;
  try {
    opened = await openPdf(bytes, opts.password);
  } catch (e) {
    if (e instanceof PdfOpenError) return { ...doc, problems: [...problems, e.problem] };
    throw e;
  }
  const damage = structuralDamage(bytes);
  if (damage) problems.push(messages.damaged(damage));
  const { doc: pdf, close } = opened;
  const total = Math.min(pdf.numPages, opts.maxPages ?? 5000);
  if (pdf.numPages > total) problems.push(messages.tooManyPages(total));
  const pages: PageText[] = [];
  const window = (opts.window ?? defaultPoolSize()) + 1;
  // OCR runs in worker threads while this thread keeps reading and rendering the next pages;
  // at most (workers + 1) rendered pages wait in memory, so a 300-page scan stays flat.
  const pending: Array<Promise<PageText>> = [];
  let done = 0;
  let sawScan = false, firstScan: Promise<PageText> | null = null;
  const emit = (p: PageText) => {
    pages.push(p);
    done++;
    opts.onPage?.(p);
    opts.onProgress?.({ phase: p.source === 'ocr' ? 'ocr' : 'reading', page: done, pages: total, source: p.source });
  };
  try {
    for (let n = 1; n <= total; n++) {
      checkCancelled(opts.signal);
      let read;
      try {
        read = await readPdfPage(pdf, n);
      } catch {
        problems.push(messages.pageFailed(n));
        pending.push(Promise.resolve({ page: n, source: 'none', text: '', lines: [], width: 612, height: 792 }));
        read = null;
      }
      if (read?.kind === 'scan') {
        const r = read;
        opts.ocr().warm();
        // The first scanned page is read on its own, so it is not sharing the machine with
        // the next pages and a second engine starting up: the first result shows sooner (on
        // two cores, one page's time sooner; the rest wait about one page once).
        if (firstScan) { await firstScan.catch(() => undefined); firstScan = null; }
        const task = ocrOrProblem(opts, n, r.width, r.height, r.render, r.dpi, problems);
        if (!sawScan) { sawScan = true; firstScan = task; }
        pending.push(task);
      } else if (read) {
        pending.push(Promise.resolve(read.page));
      }
      while (pending.length > 0 && (pending.length >= window || n === total)) emit(await pending.shift()!);
    }
    while (pending.length) emit(await pending.shift()!);
  } catch (e) {
    // let in-flight OCR settle before the document is destroyed under it
    await Promise.allSettled(pending);
    throw e;
  } finally {
    await close();
  }
  opts.onProgress?.({ phase: 'done', page: pages.length, pages: total });
  return withNoTextWarning({ ...doc, pages, pageCount: pdf.numPages, problems });
}

async function ocrOrProblem(
  opts: ReadOptions, n: number, width: number, height: number,
  render: () => Promise<import('./raster.ts').GrayImage>, dpi: number, problems: Problem[],
): Promise<PageText> {
  const empty: PageText = { page: n, source: 'ocr', text: '', lines: [], width, height, confidence: 0 };
  let image;
  try {
    image = await render();
  } catch {
    problems.push(messages.pageFailed(n));
    return empty;
  }
  try {
    const r = await ocrPage(opts.ocr(), image, dpi, opts.signal);
    return ocrPageText(n, width, height, r);
  } catch (e) {
    if (e instanceof OcrCancelledError) throw new CancelledError('cancelled');
    problems.push(e instanceof OcrTimeoutError ? messages.pageTimeout(n) : messages.pageFailed(n));
    return empty;
  }
}

function withNoTextWarning(doc: DocumentText): DocumentText {
  const anyText = doc.pages.some((p) => p.text.trim() !== '');
  if (anyText || doc.problems.some((p) => p.fatal)) return doc;
  return { ...doc, problems: [...doc.problems, messages.noText(doc.pages.length)] };
}

function checkCancelled(signal?: AbortSignal) {
  if (signal?.aborted) throw new CancelledError('cancelled');
}
