// A pool of tesseract.js workers, sized to the machine, started only when a scan appears.
// Each worker is a WebAssembly engine in its own thread; a page that takes too long has its
// worker terminated (and replaced on demand) so one bad page cannot stall an import.
import os from 'node:os';
import { createRequire } from 'node:module';
import type { Line, Word } from '../../shared/contract/document.ts';
import { assets } from './assets.ts';
import type { GrayImage } from './raster.ts';
import { toPgm } from './raster.ts';

const localRequire = createRequire(import.meta.url);

export interface OcrResult {
  text: string;
  lines: Line[];
  /** mean confidence of the lines kept, 0–100 */
  confidence: number;
}

export interface OcrPoolOptions {
  /** workers to run at most; default: one per core, at most 4 */
  size?: number;
  /** per-page limit, ms */
  pageTimeoutMs?: number;
  /** lines below this confidence are dropped as noise (speckle on blank scans reads as junk) */
  minLineConfidence?: number;
}

export class OcrTimeoutError extends Error {}
export class OcrCancelledError extends Error {}
export class OcrStartError extends Error {}

/** Loading the engine and model takes about a second, a few under heavy load; longer means it is stuck. */
const START_TIMEOUT_MS = 60_000;

interface TessWorker {
  recognize(image: Uint8Array, options?: object, output?: object): Promise<{ data: any }>;
  setParameters(params: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}

/**
 * What every page is read with (besides its dpi). The bench hands the same to native
 * tesseract so the two engines do the same work on the same images.
 */
export const OCR_PARAMETERS: Readonly<Record<string, string>> = {
  // Automatic page segmentation: reports are tables and columns, not one block of text.
  tessedit_pageseg_mode: '3',
  preserve_interword_spaces: '1',
};

interface Slot { worker: Promise<TessWorker>; busy: boolean; dpi: number }

export function defaultPoolSize(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

export class OcrPool {
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly minConf: number;
  private slots: Slot[] = [];
  private waiting: Array<(slot: Slot) => void> = [];
  private closed = false;
  private busyMs = 0;

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
    this.timeoutMs = options.pageTimeoutMs ?? 120_000;
    this.minConf = options.minLineConfidence ?? 40;
  }

  /** Read one grayscale page image rendered at `dpi` (`params`: tesseract parameters for this page only). */
  async recognize(img: GrayImage, dpi: number, signal?: AbortSignal, params: Record<string, string> = {}): Promise<OcrResult> {
    if (signal?.aborted) throw new OcrCancelledError('cancelled');
    const slot = await this.acquire();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    let started = false;
    try {
      // cancelled while waiting for a worker: give it back untouched
      if (signal?.aborted) throw new OcrCancelledError('cancelled');
      started = true;
      // the page's time limit covers the worker starting too: an engine that never comes up
      // (or dies) costs one page, never the whole import
      const stop = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new OcrTimeoutError('OCR took too long on this page')), this.timeoutMs);
        onAbort = () => reject(new OcrCancelledError('cancelled'));
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      const work = (async () => {
        const worker = await slot.worker;
        if (slot.dpi !== dpi) {
          // tesseract guesses the resolution (and says so on stdout) unless told
          await worker.setParameters({ user_defined_dpi: String(Math.round(dpi)) });
          slot.dpi = dpi;
        }
        const t0 = performance.now();
        try {
          return await worker.recognize(toPgm(img), params, { text: true, blocks: true });
        } finally {
          this.busyMs += performance.now() - t0;
        }
      })();
      work.catch(() => undefined); // if `stop` wins, a late failure has no one to tell
      const result = await Promise.race([work, stop]);
      return toOcrResult(result.data, img.width, img.height, this.minConf);
    } catch (e) {
      // a worker that timed out, was cancelled mid-page or never started may still be busy
      // (or stuck): replace it
      if (started && (e instanceof OcrTimeoutError || e instanceof OcrCancelledError || e instanceof OcrStartError)) this.replace(slot);
      throw e;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      this.release(slot);
    }
  }

  /** Seconds workers have spent reading pages, all workers together (how busy the pool kept them). */
  get busySeconds(): number {
    return this.busyMs / 1000;
  }

  /**
   * Start a worker now, before the first page is ready for it: loading the engine and its
   * model (about half a second) then overlaps rendering the page, and the first result
   * comes that much sooner. Further workers still start only when pages queue up.
   */
  warm(): void {
    if (this.closed || this.slots.length > 0) return;
    const slot: Slot = { worker: startWorker(), busy: false, dpi: 0 };
    slot.worker.catch(() => undefined); // a failed start surfaces on the page that uses it
    this.slots.push(slot);
  }

  async terminate(): Promise<void> {
    this.closed = true;
    const all = this.slots.splice(0);
    await Promise.allSettled(all.map(async (s) => (await s.worker).terminate()));
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new OcrCancelledError('OCR pool closed'));
    const idle = this.slots.find((s) => !s.busy);
    if (idle) { idle.busy = true; return Promise.resolve(idle); }
    if (this.slots.length < this.size) {
      const slot: Slot = { worker: startWorker(), busy: true, dpi: 0 };
      this.slots.push(slot);
      return Promise.resolve(slot);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    if (!this.slots.includes(slot)) return;
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }

  private replace(slot: Slot): void {
    const old = slot.worker;
    old.then((w) => w.terminate()).catch(() => undefined);
    slot.worker = startWorker();
    slot.dpi = 0;
  }
}

/**
 * A worker, or an OcrStartError within START_TIMEOUT_MS: tesseract.js never settles its
 * promise when loading the model or initialising fails, or when the thread dies, and an
 * import must not wait on that forever.
 */
function startWorker(): Promise<TessWorker> {
  const starting = createTessWorker();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrStartError('the OCR engine did not start')), START_TIMEOUT_MS);
    timer.unref?.();
  });
  return Promise.race([starting, late]).then(
    (w) => { clearTimeout(timer); return w; },
    (e) => {
      clearTimeout(timer);
      starting.then((w) => w.terminate(), () => undefined).catch(() => undefined); // should it come up after all
      throw e instanceof OcrStartError ? e : new OcrStartError(String(e?.message ?? e));
    },
  );
}

async function createTessWorker(): Promise<TessWorker> {
  const { createWorker, OEM } = localRequire('tesseract.js');
  const a = assets();
  const worker: TessWorker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: a.langPath,
    gzip: true,
    cacheMethod: 'none', // never read or write a traineddata cache beside the user's files
    workerPath: a.tesseractWorkerPath,
    corePath: a.tesseractCorePath,
    errorHandler: () => undefined, // errors reach us as rejected recognize() promises
  });
  await worker.setParameters({ ...OCR_PARAMETERS, debug_file: '/dev/null' });
  return worker;
}

type Bbox = { x0: number; y0: number; x1: number; y1: number };
const box = (b: Bbox, w: number, h: number): [number, number, number, number] =>
  [b.x0 / w, b.y0 / h, (b.x1 - b.x0) / w, (b.y1 - b.y0) / h];

/** tesseract.js blocks → our lines with words, boxes relative to the page image. */
export function toOcrResult(data: any, width: number, height: number, minConf: number): OcrResult {
  const lines: Line[] = [];
  for (const block of data?.blocks ?? []) {
    for (const para of block.paragraphs ?? []) {
      for (const line of para.lines ?? []) {
        const words: Word[] = (line.words ?? [])
          .filter((w: any) => String(w.text).trim() !== '')
          .map((w: any) => ({ text: String(w.text), box: box(w.bbox, width, height), confidence: round(w.confidence) }));
        const text = words.map((w) => w.text).join(' ').trim();
        if (!text || line.confidence < minConf || !hasReadableWord(words)) continue;
        lines.push({ text, box: box(line.bbox, width, height), confidence: round(line.confidence), words });
      }
    }
  }
  const confidence = lines.length ? round(lines.reduce((s, l) => s + (l.confidence ?? 0), 0) / lines.length) : 0;
  return { text: lines.map((l) => l.text).join('\n'), lines, confidence };
}

/** Noise reads as scattered punctuation and single letters; a real line has a word. */
function hasReadableWord(words: Word[]): boolean {
  return words.some((w) => /[\p{L}\p{N}]{2,}/u.test(w.text) && (w.confidence ?? 0) >= 30);
}

const round = (v: number) => Math.round(Math.max(0, Math.min(100, Number(v) || 0)) * 10) / 10;
