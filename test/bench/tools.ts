// Helpers for `npm run bench`: timing, child processes with their memory, the native
// reference tools, word agreement between two readings, and the corpus's files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn, spawnSync } from 'node:child_process';
import { corpus, repoRoot, sharedRoot, truthSources, type TruthSource } from '../support/paths.ts';
import { assets } from '../../electron/extraction/assets.ts';
import type { GrayImage } from '../../electron/extraction/raster.ts';

export { corpus, repoRoot, sharedRoot };

export const now = () => performance.now() / 1000;
export const log = (s: string) => process.stderr.write(`${s}\n`);
export const fmt = (v: number, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : '-');

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function loadAverage(): string {
  return os.loadavg().map((v) => v.toFixed(2)).join(' ');
}

/** Every case folder in the corpus with its truth's sources. */
export function corpusCases(): Array<{ name: string; dir: string; sources: TruthSource[] }> {
  const root = corpus();
  return fs.readdirSync(root)
    .filter((n) => /^case\d+$/.test(n) && fs.existsSync(path.join(root, n, 'truth.json')))
    .sort()
    .map((name) => ({ name, dir: path.join(root, name), sources: truthSources(name) }));
}

/** `count` items spread evenly over `items`, in order (all of them when count ≥ length). */
export function spread<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items;
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(items[Math.floor((i * items.length) / count)]);
  return out;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'records-bench-'));
}

/** tesseract.js's model (LSTM "best_int"), unpacked where native tesseract can read it. */
export function nativeTessdata(dir: string): string {
  const td = path.join(dir, 'tessdata');
  fs.mkdirSync(td, { recursive: true });
  const gz = fs.readFileSync(path.join(assets().langPath, 'eng.traineddata.gz'));
  fs.writeFileSync(path.join(td, 'eng.traineddata'), zlib.gunzipSync(gz));
  return td;
}

export function requireTool(name: string, hint: string): void {
  const r = spawnSync(name, ['-v'], { stdio: 'ignore' });
  if (r.error) throw new Error(`${name} is not installed; the bench compares against it (${hint}).`);
}

/**
 * An uncompressed 8-bit grey TIFF carrying its resolution: the same pixels our OCR workers
 * get as PGM, in the one cheap format where native tesseract also learns each page's dpi
 * (a batch of pages at different resolutions can then run in one native process).
 */
export function grayTiff(img: GrayImage, dpi: number): Uint8Array {
  const entries: Array<[number, number, number, number]> = []; // tag, type, count, value
  const SHORT = 3, LONG = 4, RATIONAL = 5;
  const n = 12, ifdAt = 8, ifdLen = 2 + n * 12 + 4;
  const xresAt = ifdAt + ifdLen, yresAt = xresAt + 8, dataAt = yresAt + 8;
  entries.push(
    [256, LONG, 1, img.width], [257, LONG, 1, img.height], [258, SHORT, 1, 8], [259, SHORT, 1, 1],
    [262, SHORT, 1, 1], [273, LONG, 1, dataAt], [277, SHORT, 1, 1], [278, LONG, 1, img.height],
    [279, LONG, 1, img.width * img.height], [282, RATIONAL, 1, xresAt], [283, RATIONAL, 1, yresAt], [296, SHORT, 1, 2],
  );
  const out = new Uint8Array(dataAt + img.data.length);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, ifdAt, true);
  v.setUint16(ifdAt, n, true);
  entries.forEach(([tag, type, count, value], i) => {
    const e = ifdAt + 2 + i * 12;
    v.setUint16(e, tag, true); v.setUint16(e + 2, type, true); v.setUint32(e + 4, count, true);
    if (type === SHORT) v.setUint16(e + 8, value, true); else v.setUint32(e + 8, value, true);
  });
  v.setUint32(ifdAt + 2 + n * 12, 0, true);
  const res = Math.round(dpi);
  v.setUint32(xresAt, res, true); v.setUint32(xresAt + 4, 1, true);
  v.setUint32(yresAt, res, true); v.setUint32(yresAt + 4, 1, true);
  out.set(img.data, dataAt);
  return out;
}

export interface NativeRun { seconds: number; cpuSeconds: number; pages: Map<number, string[]> }

/**
 * Native tesseract on a list of images in ONE process (model loaded once), single-threaded
 * (OMP_THREAD_LIMIT=1), with the same model, page segmentation and parameters as our
 * workers. Returns wall seconds and each page's words (from TSV, 1-based page numbers).
 */
export async function nativeTesseract(images: string[], tessdata: string, params: Record<string, string>, listFile: string): Promise<NativeRun> {
  fs.writeFileSync(listFile, images.join('\n') + '\n');
  const args = [listFile, 'stdout', '--tessdata-dir', tessdata, '-l', 'eng', '--oem', '1'];
  for (const [k, v] of Object.entries(params)) args.push('-c', `${k}=${v}`);
  // the `tsv` config file lives in the system tessdata folder, not ours: ask for TSV directly
  args.push('-c', 'tessedit_create_tsv=1');
  const t0 = now();
  // through sh, whose /proc stat then holds the CPU time of its waited-for child (cutime, cstime)
  const script = 'tesseract "$@" 2>/dev/null; s=$?; cat /proc/$$/stat >&2; exit $s';
  const r = await run('/bin/sh', ['-c', script, 'sh', ...args], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  const seconds = now() - t0;
  if (r.code !== 0) throw new Error(`tesseract failed (${r.code}): ${r.stderr.slice(0, 400)}`);
  return { seconds, cpuSeconds: childCpuSeconds(r.stderr), pages: tsvWords(r.stdout) };
}

/** cutime + cstime from a /proc/PID/stat line, in seconds (clock ticks are 1/100 s on Linux). */
function childCpuSeconds(stat: string): number {
  const line = stat.trim().split('\n').pop() ?? '';
  const f = line.slice(line.lastIndexOf(')') + 2).split(' ');
  // fields after the command name start at field 3 (state); cutime and cstime are fields 16 and 17
  return (Number(f[16 - 3]) + Number(f[17 - 3])) / 100;
}

/** CPU seconds this process has used (all threads: OCR workers are threads). */
export function processCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export function tsvWords(tsv: string): Map<number, string[]> {
  const pages = new Map<number, string[]>();
  for (const line of tsv.split('\n')) {
    const c = line.split('\t');
    if (c[0] !== '5' || c.length < 12) continue;
    const page = Number(c[1]);
    const text = c.slice(11).join('\t').trim();
    if (!text) continue;
    if (!pages.has(page)) pages.set(page, []);
    pages.get(page)!.push(text);
  }
  return pages;
}

/** Words as compared: lower case, outer punctuation off, at least one letter or digit. */
export function tokens(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const t = w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (/[\p{L}\p{N}]/u.test(t)) out.push(t);
  }
  return out;
}

/** Shared words (as multisets) between two readings, and how many each has. */
export function overlap(a: string[], b: string[]): { common: number; a: number; b: number } {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const c = counts.get(w) ?? 0;
    if (c > 0) { common++; counts.set(w, c - 1); }
  }
  return { common, a: a.length, b: b.length };
}

/** Dice agreement over many pages: 2·shared / (words in A + words in B). */
export function agreement(parts: Array<{ common: number; a: number; b: number }>): number {
  const c = sum(parts.map((p) => p.common)), n = sum(parts.map((p) => p.a + p.b));
  return n ? (2 * c) / n : 1;
}

export interface RunResult { code: number | null; stdout: string; stderr: string; seconds: number; peakRssMb: number }

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** called with each complete stderr line as it arrives, with seconds since spawn and the process tree's RSS (MB); return 'stop' to end the process */
  onStderrLine?: (line: string, t: number, rssMb: number) => void | 'stop';
  /** sample the process tree's resident memory this often (ms); 0 = do not */
  sampleMs?: number;
}

/** Run a command, timing it from spawn to exit, with the peak resident memory of its whole process tree. */
export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(cmd, args, { cwd: opts.cwd ?? repoRoot, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '', partial = '', peak = 0;
    const sample = () => {
      const rss = child.pid ? treeRssMb(child.pid) : 0;
      peak = Math.max(peak, rss);
      return rss;
    };
    const timer = opts.sampleMs ? setInterval(sample, opts.sampleMs) : undefined;
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      const s = d.toString('utf8');
      err += s;
      if (!opts.onStderrLine) return;
      partial += s;
      const lines = partial.split('\n');
      partial = lines.pop()!;
      const t = now() - t0;
      for (const l of lines) {
        if (opts.onStderrLine(l, t, sample()) === 'stop') child.kill('SIGTERM');
      }
    });
    child.on('error', (e) => { clearInterval(timer); reject(e); });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err, seconds: now() - t0, peakRssMb: peak });
    });
  });
}

/** Resident memory (MB) of a process and all its descendants, from /proc (Linux). */
export function treeRssMb(pid: number): number {
  let kb = 0;
  const seen = new Set<number>();
  const visit = (p: number) => {
    if (seen.has(p)) return;
    seen.add(p);
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch { return; }
    for (const tid of safeList(`/proc/${p}/task`)) {
      try {
        for (const c of fs.readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim().split(/\s+/)) if (c) visit(Number(c));
      } catch { /* thread gone */ }
    }
  };
  visit(pid);
  return kb / 1024;
}

function safeList(dir: string): string[] {
  try { return fs.readdirSync(dir); } catch { return []; }
}

/** The facts CLI exactly as `npm run facts` runs it, minus npm itself; never with the text cache. */
export function factsCli(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const env = { ...process.env, ...opts.env };
  delete env.RECORDS_TEXT_CACHE;
  return run(process.execPath, ['--disable-warning=ExperimentalWarning', path.join(repoRoot, 'electron/cli/facts.ts'), ...args], { ...opts, env });
}

/**
 * How many cores' worth of work the machine gives right now: the same busy loop on one
 * thread, then on `threads` at once. Other virtual machines on the same host can take cores
 * away without showing in this machine's process list; this says when that happened.
 */
export async function effectiveCores(threads: number): Promise<number> {
  const { Worker } = await import('node:worker_threads');
  const code = `const { parentPort } = require('node:worker_threads');
    let x = 0; for (let i = 0; i < 4e8; i++) x = (x + i * 7) % 1000003; parentPort.postMessage(x);`;
  const spin = (n: number) => Promise.all(Array.from({ length: n }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(code, { eval: true });
    w.once('message', () => { void w.terminate(); resolve(); });
    w.once('error', reject);
  })));
  let t = now();
  await spin(1);
  const one = now() - t;
  t = now();
  await spin(threads);
  const many = now() - t;
  return (threads * one) / many;
}
