// npm run bench [-- --quick] [-- --only text,ocr,pool,scan300,cases,startup]
//
// Speed and memory of the reading pipeline against what this machine can do, measured in
// ONE run so both sides of every ratio share the same background load:
//   text     our text-layer reading vs pdftotext on the corpus's born-digital files
//   ocr      seconds per page, one tesseract.js worker vs native tesseract (OMP_THREAD_LIMIT=1)
//            on the same rendered page images and model; word agreement between the two
//   pool     pages per second on every core: our worker pool vs one native process per core
//   batch    twenty one-file scans read one after another vs a few at once (as facts and the app do)
//   scan300  the 300-page scan through the facts CLI: wall time, first page, peak RSS of the
//            whole process tree, RSS growth from page 50 to 300
//   cases    the facts CLI on every corpus case (no text cache): median and worst seconds
//   startup  the facts CLI on a one-page text file, and whether it loads pdf.js or OCR at all
// Progress goes to stderr, results to stdout, the one-line summary last. Needs only the
// tesseract-ocr and poppler-utils packages besides the project. Not part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from '../../electron/cli/args.ts';
import { effectiveCores, fmt, loadAverage, log, nativeTessdata, now, requireTool, tempDir } from './tools.ts';
import { textVsPdftotext, type TextResult } from './text.ts';
import { batch, poolThroughput, renderOcrPages, singleWorker, type BatchResult, type OcrPageImage, type PoolResult, type SingleResult } from './ocr.ts';
import { perCase, scan300, startup, type CasesResult, type ScanResult, type StartupResult } from './cli.ts';

const SECTIONS = ['text', 'ocr', 'pool', 'batch', 'scan300', 'cases', 'startup'] as const;
type Section = (typeof SECTIONS)[number];
const USAGE = `usage: npm run bench -- [--quick] [--only ${SECTIONS.join(',')}]`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { quick: 'boolean', only: 'string', help: 'boolean' });
  if (args.error || args.positional.length) { process.stderr.write(`${args.error ?? 'No files are taken.'}\n${USAGE}\n`); return 2; }
  if (args.flags.help) { process.stdout.write(`${USAGE}\n`); return 0; }
  const only = args.flags.only ? String(args.flags.only).split(',').map((s) => s.trim()) : [...SECTIONS];
  const bad = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (bad.length) { process.stderr.write(`Unknown section ${bad.join(', ')}.\n${USAGE}\n`); return 2; }
  const want = (s: Section) => only.includes(s);
  const quick = !!args.flags.quick;
  const size = quick
    ? { textFiles: 20, textRounds: 1, corpusOcr: 6, scanOcr: 2, poolRounds: 1, batchFiles: 6, scanStop: 30, cases: 6, startupRuns: 3 }
    : { textFiles: Infinity, textRounds: 3, corpusOcr: 24, scanOcr: 8, poolRounds: 2, batchFiles: 20, scanStop: undefined, cases: Infinity, startupRuns: 5 };

  if (want('text')) requireTool('pdftotext', 'apt-get install poppler-utils');
  if (want('ocr') || want('pool')) requireTool('tesseract', 'apt-get install tesseract-ocr');
  const loadStart = loadAverage();
  const t0 = now();
  const cores = os.availableParallelism();
  const coresStart = await effectiveCores(cores);
  log(`bench${quick ? ' (quick)' : ''}: ${cores} cores giving ${fmt(coresStart, 1)} cores of work, load ${loadStart}`);
  const dir = tempDir();
  let text: TextResult | null = null, single: SingleResult | null = null, pool: PoolResult | null = null;
  let scan: ScanResult | null = null, cases: CasesResult | null = null, start: StartupResult | null = null, many: BatchResult | null = null;
  try {
    if (want('startup')) {
      log('startup: facts on a one-page text file');
      start = await startup(dir, size.startupRuns);
    }
    if (want('text')) {
      log('text: born-digital files, ours vs pdftotext');
      text = await textVsPdftotext(size.textFiles, size.textRounds);
    }
    if (want('ocr') || want('pool')) {
      log('ocr: rendering scanned pages once for both engines');
      const pages: OcrPageImage[] = await renderOcrPages(dir, size.corpusOcr, size.scanOcr);
      const tessdata = nativeTessdata(dir);
      if (want('ocr')) single = await singleWorker(pages, dir, tessdata);
      if (want('pool')) pool = await poolThroughput(pages, dir, tessdata, size.poolRounds);
    }
    if (want('batch')) {
      log('batch: scanned files one at a time vs a few at once');
      many = await batch(size.batchFiles);
    }
    if (want('scan300')) {
      log(`scan300: facts --progress on the 300-page scan${size.scanStop ? ` (stopped after ${size.scanStop} pages)` : ''}`);
      scan = await scan300(size.scanStop);
    }
    if (want('cases')) {
      log('cases: facts per corpus case, no text cache');
      cases = await perCase(size.cases);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const loadEnd = loadAverage();
  const coresEnd = await effectiveCores(cores);

  const out = (s: string) => process.stdout.write(`${s}\n`);
  const check = (ok: boolean) => (ok ? 'met' : 'NOT met');
  out(`machine: ${cores} cores giving ${fmt(coresStart, 1)} cores of work at start and ${fmt(coresEnd, 1)} at end (a busy loop on 1 thread vs ${cores}); load average at start ${loadStart}, at end ${loadEnd}; ${fmt(now() - t0, 0)} s`);
  if (start) {
    out(`startup: facts on a one-page text file ${fmt(start.seconds)} s (median); heavy modules loaded: ${start.heavyModules.join(', ') || 'none'}  [≤ 1 s: ${check(start.seconds <= 1)}]`);
  }
  if (text) {
    out(`text: ${text.files} born-digital files (${text.pages} pages): ours ${fmt(text.oursS)} s, pdftotext ${fmt(text.pdftotextS)} s per pass = ${fmt(text.ratio, 1)}x  [≤ 3x: ${check(text.ratio <= 3)}]`);
  }
  if (single) {
    out(`ocr: one worker ${fmt(single.oursPerPage)} s/page, native tesseract ${fmt(single.nativePerPage)} s/page (its ${fmt(single.nativeStartup.wall)} s model load per chunk taken off) = ${fmt(single.ratio)}x; CPU ${fmt(single.oursCpuPerPage)} vs ${fmt(single.nativeCpuPerPage)} s/page = ${fmt(single.cpuRatio)}x; word agreement ${fmt(single.agreement, 3)}; our worker starts in ${fmt(single.workerStart)} s  [≤ 1.3x: ${check(single.ratio <= 1.3)}]`);
  }
  if (pool) {
    out(`pool: ${pool.workers} workers ${fmt(pool.oursPagesPerS)} pages/s, ${pool.workers} native processes ${fmt(pool.nativePagesPerS)} pages/s = ${fmt(pool.ratio)}x; CPU ${fmt(pool.oursCpuPerPage)} vs ${fmt(pool.nativeCpuPerPage)} s/page; our workers busy ${fmt(100 * pool.busy, 0)}% of the time  [≥ 0.9x: ${check(pool.ratio >= 0.9)}]`);
  }
  if (many) {
    out(`batch: ${many.files} scanned files (${many.pages} pages): one at a time ${fmt(many.oneAtATimeS)} s (first ${fmt(many.firstOneAtATimeS)} s), ${many.together} at a time ${fmt(many.togetherS)} s (first ${fmt(many.firstTogetherS)} s) = ${fmt(many.oneAtATimeS / many.togetherS)}x faster together`);
  }
  if (scan) {
    out(`scan300: ${scan.pages} pages${scan.complete ? ` in ${fmt(scan.seconds, 0)} s` : ' (stopped early)'}, ${fmt(scan.secondsPerPage)} s/page steady, first page ${fmt(scan.firstPageS, 1)} s, peak RSS ${fmt(scan.peakMb, 0)} MB (process tree), growth page 50→300 ${fmt(scan.growthMb, 0)} MB  [first ≤ 5 s: ${check(scan.firstPageS <= 5)}; peak ≤ 1200 MB: ${check(scan.peakMb <= 1200)}${scan.complete ? `; no growth: ${check(scan.growthMb < 50)}` : ''}]`);
  }
  if (cases) {
    out(`cases: ${cases.cases} cases, median ${fmt(cases.medianS)} s, worst ${fmt(cases.worstS)} s (${cases.worstCase}), all ${fmt(cases.total, 0)} s`);
  }
  const parts = ['bench'];
  if (text) parts.push(`text_vs_pdftotext ${fmt(text.ratio, 1)}x`);
  if (single) parts.push(`ocr_vs_native ${fmt(single.ratio)}x`, `ocr_cpu_vs_native ${fmt(single.cpuRatio)}x`, `ocr_s_page ${fmt(single.oursPerPage)}`, `ocr_agree ${fmt(single.agreement, 3)}`);
  if (pool) parts.push(`pool_vs_native ${fmt(pool.ratio)}x`);
  if (many) parts.push(`batch${many.files}_s ${fmt(many.oneAtATimeS, 0)}/${fmt(many.togetherS, 0)}`);
  if (scan) {
    if (scan.complete) parts.push(`scan300_s ${fmt(scan.seconds, 0)}`);
    else parts.push(`scan${scan.pages}_s_page ${fmt(scan.secondsPerPage)}`);
    parts.push(`scan300_first_s ${fmt(scan.firstPageS, 1)}`, `scan300_peak_mb ${fmt(scan.peakMb, 0)}`);
    if (scan.complete) parts.push(`scan300_growth_mb ${fmt(scan.growthMb, 0)}`);
  }
  if (cases) parts.push(`case_median_s ${fmt(cases.medianS, 1)}`, `case_worst_s ${fmt(cases.worstS, 1)}`);
  if (start) parts.push(`startup_s ${fmt(start.seconds)}`);
  parts.push(`cores ${fmt(Math.min(coresStart, coresEnd), 1)}`, `load ${loadEnd.split(' ')[0]}`);
  if (quick) parts.push('quick');
  out(parts.join(' '));
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`bench failed: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
