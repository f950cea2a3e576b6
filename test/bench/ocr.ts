// OCR against native tesseract on the SAME page images: our pipeline renders each scanned
// page once (exactly as it would for OCR), the grey pixels go to our tesseract.js worker
// (as PGM, the way the pool sends them) and to native tesseract (as an uncompressed TIFF
// carrying the page's dpi), with the same model file, page segmentation and parameters.
import fs from 'node:fs';
import path from 'node:path';
import { openPdf } from '../../electron/extraction/pdf-open.ts';
import { readPdfPage } from '../../electron/extraction/pdf-pages.ts';
import { OcrPool, OCR_PARAMETERS, defaultPoolSize } from '../../electron/extraction/ocr-pool.ts';
import { readDocument } from '../../electron/extraction/read-document.ts';
import { lineOrientation, rotate, type GrayImage } from '../../electron/extraction/raster.ts';
import {
  agreement, corpusCases, fmt, grayTiff, log, median, nativeTesseract, now, overlap, processCpuSeconds, spread, sum, tokens, sharedRoot,
} from './tools.ts';

export interface OcrPageImage { label: string; img: GrayImage; dpi: number; tiff: string }

/** Scanned pages of the corpus (from truth.json's ocrPages) and of the 300-page scan, rendered by our pipeline. */
export async function renderOcrPages(dir: string, corpusPages: number, scanPages: number): Promise<OcrPageImage[]> {
  const wanted: Array<{ file: string; page: number; label: string }> = [];
  const all: typeof wanted = [];
  for (const c of corpusCases()) {
    for (const s of c.sources) for (const p of s.ocrPages) all.push({ file: path.join(c.dir, s.file), page: p, label: `${c.name}/${s.file}#${p}` });
  }
  wanted.push(...spread(all, corpusPages));
  const scan = path.join(sharedRoot, 'corpus-bad', 'scanned-300-pages.pdf');
  const scanAll = Array.from({ length: 300 }, (_, i) => ({ file: scan, page: i + 1, label: `scan300#${i + 1}` }));
  wanted.push(...spread(scanAll, scanPages));
  const out: OcrPageImage[] = [];
  const byFile = new Map<string, typeof wanted>();
  for (const w of wanted) byFile.set(w.file, [...(byFile.get(w.file) ?? []), w]);
  for (const [file, pages] of byFile) {
    const { doc, close } = await openPdf(new Uint8Array(fs.readFileSync(file)));
    try {
      for (const w of pages) {
        const r = await readPdfPage(doc, w.page);
        if (r.kind !== 'scan') { log(`  (${w.label} is not read as a scan; skipped)`); continue; }
        let img = await r.render();
        // a sideways scan is read upright by the pipeline; give both engines the turned page
        if (lineOrientation(img) < -0.1) img = rotate(img, 90);
        const tiff = path.join(dir, `page-${out.length + 1}.tif`);
        fs.writeFileSync(tiff, grayTiff(img, r.dpi));
        out.push({ label: w.label, img, dpi: r.dpi, tiff });
      }
    } finally {
      await close();
    }
  }
  return out;
}

const wordsOf = (r: { lines: Array<{ words?: Array<{ text: string }> }> }) => r.lines.flatMap((l) => (l.words ?? []).map((w) => w.text));

/** Seconds native tesseract spends loading (process start and model), measured on a blank page. */
async function nativeStartup(dir: string, tessdata: string): Promise<{ wall: number; cpu: number }> {
  const blank = path.join(dir, 'blank.tif');
  fs.writeFileSync(blank, grayTiff({ data: new Uint8Array(64 * 64).fill(255), width: 64, height: 64 }, 300));
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await nativeTesseract([blank], tessdata, OCR_PARAMETERS, path.join(dir, 'blank.txt')));
  return { wall: median(runs.map((r) => r.seconds)), cpu: median(runs.map((r) => r.cpuSeconds)) };
}

export interface SingleResult {
  oursPerPage: number; nativePerPage: number; ratio: number;
  /** CPU seconds per page: what the wall times would be on a quiet machine */
  oursCpuPerPage: number; nativeCpuPerPage: number; cpuRatio: number;
  agreement: number; nativeStartup: { wall: number; cpu: number }; workerStart: number;
}

/**
 * One worker against one single-threaded native process, page by page, in alternating
 * chunks so both see the same background load. Native loads its model once per chunk; that
 * start-up (measured on a blank page) is taken off its time, as our worker's start is off ours.
 */
export async function singleWorker(pages: OcrPageImage[], dir: string, tessdata: string, chunk = 4): Promise<SingleResult> {
  const startup = await nativeStartup(dir, tessdata);
  const pool = new OcrPool({ size: 1, pageTimeoutMs: 600_000 });
  const ours: number[] = [], native: number[] = [], oursCpu: number[] = [], nativeCpu: number[] = [];
  const parts: Array<ReturnType<typeof overlap>> = [];
  let workerStart = 0;
  try {
    const t0 = now();
    await pool.recognize({ data: new Uint8Array(32 * 32).fill(255), width: 32, height: 32 }, 300);
    workerStart = now() - t0;
    for (let c = 0; c * chunk < pages.length; c++) {
      const set = pages.slice(c * chunk, (c + 1) * chunk);
      const oursWords: string[][] = [];
      const runOurs = async () => {
        for (const p of set) {
          const t = now(), c = processCpuSeconds();
          const r = await pool.recognize(p.img, p.dpi);
          ours.push(now() - t);
          oursCpu.push(processCpuSeconds() - c);
          oursWords.push(wordsOf(r));
        }
      };
      let nat: Awaited<ReturnType<typeof nativeTesseract>> | null = null;
      const runNative = async () => { nat = await nativeTesseract(set.map((p) => p.tiff), tessdata, OCR_PARAMETERS, path.join(dir, `list-${c}.txt`)); };
      if (c % 2 === 0) { await runOurs(); await runNative(); } else { await runNative(); await runOurs(); }
      const n = nat as unknown as Awaited<ReturnType<typeof nativeTesseract>>;
      native.push(Math.max(0, n.seconds - startup.wall));
      nativeCpu.push(Math.max(0, n.cpuSeconds - startup.cpu));
      set.forEach((_, i) => parts.push(overlap(tokens(oursWords[i]), tokens(n.pages.get(i + 1) ?? []))));
      const done = Math.min(pages.length, (c + 1) * chunk);
      log(`  single: ${done}/${pages.length} pages, ours ${fmt(sum(ours) / done)} s/page (CPU ${fmt(sum(oursCpu) / done)}), native ${fmt(sum(native) / done)} s/page (CPU ${fmt(sum(nativeCpu) / done)})`);
    }
  } finally {
    await pool.terminate();
  }
  const oursPerPage = sum(ours) / pages.length, nativePerPage = sum(native) / pages.length;
  const oursCpuPerPage = sum(oursCpu) / pages.length, nativeCpuPerPage = sum(nativeCpu) / pages.length;
  return {
    oursPerPage, nativePerPage, ratio: oursPerPage / nativePerPage,
    oursCpuPerPage, nativeCpuPerPage, cpuRatio: oursCpuPerPage / nativeCpuPerPage,
    agreement: agreement(parts), nativeStartup: startup, workerStart,
  };
}

export interface PoolResult {
  workers: number; oursPagesPerS: number; nativePagesPerS: number; ratio: number;
  /** CPU seconds per page on either side (ours includes the main thread) */
  oursCpuPerPage: number; nativeCpuPerPage: number;
  /** share of the pool's worker time spent reading pages (1 = no worker ever waited) */
  busy: number;
}

/**
 * Every core: our pool (one tesseract.js worker thread per core) against one native
 * single-threaded process per core, each process taking its share of the pages. Rounds
 * alternate which goes first (A B, then B A) so a change in background load hits both.
 */
export async function poolThroughput(pages: OcrPageImage[], dir: string, tessdata: string, rounds: number): Promise<PoolResult> {
  const workers = defaultPoolSize();
  const pool = new OcrPool({ size: workers, pageTimeoutMs: 600_000 });
  let oursS = 0, nativeS = 0, oursCpu = 0, nativeCpu = 0, busy = 0;
  try {
    // start every worker first: start-up is the first-page figure, not throughput
    await Promise.all(Array.from({ length: workers }, () => pool.recognize({ data: new Uint8Array(32 * 32).fill(255), width: 32, height: 32 }, 300)));
    const runOurs = async () => {
      const t = now(), c = processCpuSeconds(), b = pool.busySeconds;
      await Promise.all(pages.map((p) => pool.recognize(p.img, p.dpi)));
      oursCpu += processCpuSeconds() - c;
      busy += pool.busySeconds - b;
      return now() - t;
    };
    const runNative = async () => {
      const t = now();
      const shares = Array.from({ length: workers }, (_, w) => pages.filter((_, i) => i % workers === w).map((p) => p.tiff));
      const runs = await Promise.all(shares.map((s, w) => (s.length ? nativeTesseract(s, tessdata, OCR_PARAMETERS, path.join(dir, `pool-${w}.txt`)) : null)));
      nativeCpu += sum(runs.map((r) => r?.cpuSeconds ?? 0));
      return now() - t;
    };
    for (let r = 0; r < rounds; r++) {
      let o: number, n: number;
      if (r % 2 === 0) { o = await runOurs(); n = await runNative(); } else { n = await runNative(); o = await runOurs(); }
      oursS += o; nativeS += n;
      log(`  pool round ${r + 1}/${rounds}: ours ${fmt(pages.length / o)} pages/s, native ${fmt(pages.length / n)} pages/s (${workers} workers/processes)`);
    }
  } finally {
    await pool.terminate();
  }
  const oursPagesPerS = (pages.length * rounds) / oursS, nativePagesPerS = (pages.length * rounds) / nativeS;
  const n = pages.length * rounds;
  return { workers, oursPagesPerS, nativePagesPerS, ratio: oursPagesPerS / nativePagesPerS, oursCpuPerPage: oursCpu / n, nativeCpuPerPage: nativeCpu / n, busy: busy / (workers * oursS) };
}

export interface BatchResult { files: number; pages: number; together: number; oneAtATimeS: number; togetherS: number; firstOneAtATimeS: number; firstTogetherS: number }

/** Scanned files of the corpus whose every page needs OCR, spread over the cases. */
export function scannedFiles(count: number): string[] {
  const all: string[] = [];
  for (const c of corpusCases()) for (const s of c.sources) if (s.ocrPages.length === s.pages) all.push(path.join(c.dir, s.file));
  return spread(all, count);
}

/**
 * "A person drops twenty scanned reports": the same files read one after another and a few
 * at once sharing the pool (how `facts` and the app's importer read them). A one-page scan
 * keeps one worker busy, so one file at a time leaves cores idle.
 */
export async function batch(count: number): Promise<BatchResult> {
  const files = scannedFiles(count);
  const bytes = files.map((f) => new Uint8Array(fs.readFileSync(f)));
  const pool = new OcrPool({ pageTimeoutMs: 600_000 });
  let pages = 0;
  const readOne = async (i: number) => {
    const doc = await readDocument(path.basename(files[i]), bytes[i], { ocr: () => pool });
    return doc.pageCount;
  };
  try {
    await Promise.all(Array.from({ length: pool.size }, () => pool.recognize({ data: new Uint8Array(32 * 32).fill(255), width: 32, height: 32 }, 300)));
    let t = now(), first = 0;
    for (let i = 0; i < files.length; i++) { pages += await readOne(i); if (!first) first = now() - t; }
    const oneAtATimeS = now() - t, firstOneAtATimeS = first;
    log(`  batch: ${files.length} files one at a time ${fmt(oneAtATimeS)} s`);
    t = now(); first = 0;
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(files.length, pool.size + 1) }, async () => {
      while (next < files.length) { const i = next++; await readOne(i); if (!first) first = now() - t; }
    }));
    const togetherS = now() - t;
    log(`  batch: ${files.length} files ${pool.size + 1} at a time ${fmt(togetherS)} s`);
    return { files: files.length, pages, together: pool.size + 1, oneAtATimeS, togetherS, firstOneAtATimeS, firstTogetherS: first };
  } finally {
    await pool.terminate();
  }
}
