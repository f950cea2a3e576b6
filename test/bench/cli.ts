// The command line end to end, as a person (or score-facts) runs it: the 300-page scan with
// progress, every corpus case, and start-up on a one-page text file. Never with the text cache.
import fs from 'node:fs';
import path from 'node:path';
import { corpusCases, factsCli, fmt, log, median, run, sharedRoot, spread } from './tools.ts';

export interface ScanResult {
  pages: number; seconds: number; firstPageS: number; peakMb: number; growthMb: number; secondsPerPage: number; complete: boolean;
}

/** The 300-page scan through `facts --progress`; with `stopAfter` it is stopped after that many pages (quick runs). */
export async function scan300(stopAfter?: number): Promise<ScanResult> {
  const file = path.join(sharedRoot, 'corpus-bad', 'scanned-300-pages.pdf');
  const rssAt: number[] = [];
  const timeAt: number[] = [];
  let pages = 0;
  const res = await factsCli(['--progress', file], {
    sampleMs: 200,
    onStderrLine: (line, t, rss) => {
      const m = / page (\d+) of (\d+)/.exec(line);
      if (!m) return;
      const n = Number(m[1]);
      pages = Math.max(pages, n);
      rssAt[n] = rss;
      timeAt[n] = t;
      if (n % 25 === 0) log(`  scan300: page ${n} at ${fmt(t, 1)} s, ${fmt(rss, 0)} MB`);
      if (stopAfter && n >= stopAfter) return 'stop';
    },
  });
  const complete = pages === 300 && res.code === 0;
  if (!stopAfter && !complete) throw new Error(`the 300-page scan did not finish (exit ${res.code}): ${res.stderr.slice(-400)}`);
  const avg = (a: number, b: number) => median(rssAt.slice(a, b).filter((v) => v > 0));
  const growth = pages >= 300 ? avg(280, 301) - avg(50, 71) : NaN;
  const last = timeAt[pages] ?? res.seconds;
  // steady pace, start-up and first pages aside
  const from = Math.min(20, Math.floor(pages / 2));
  const secondsPerPage = (last - (timeAt[from] ?? 0)) / Math.max(1, pages - from);
  return { pages, seconds: complete ? res.seconds : NaN, firstPageS: timeAt[1] ?? NaN, peakMb: res.peakRssMb, growthMb: growth, secondsPerPage, complete };
}

export interface CasesResult { cases: number; medianS: number; worstS: number; worstCase: string; total: number }

export async function perCase(limit: number): Promise<CasesResult> {
  const cases = spread(corpusCases(), limit);
  const times: Array<{ name: string; s: number }> = [];
  for (const c of cases) {
    const files = c.sources.map((s) => path.join(c.dir, s.file));
    const r = await factsCli(files);
    if (r.code !== 0) throw new Error(`facts failed on ${c.name}: ${r.stderr.slice(0, 400)}`);
    times.push({ name: c.name, s: r.seconds });
    const ocr = c.sources.reduce((n, s) => n + s.ocrPages.length, 0);
    log(`  ${c.name}: ${fmt(r.seconds)} s (${files.length} files, ${ocr} OCR pages)`);
  }
  const worst = times.reduce((a, b) => (b.s > a.s ? b : a));
  return { cases: cases.length, medianS: median(times.map((t) => t.s)), worstS: worst.s, worstCase: worst.name, total: times.reduce((s, t) => s + t.s, 0) };
}

export interface StartupResult { seconds: number; heavyModules: string[] }

/** `facts` on a one-page text file: process start to exit, and whether pdf.js or OCR were loaded at all. */
export async function startup(dir: string, runs: number): Promise<StartupResult> {
  const txt = path.join(dir, 'note.txt');
  fs.writeFileSync(txt, 'Clinic note\nDiagnosis: adenocarcinoma of the right upper lobe.\n');
  await factsCli([txt]); // disk cache warm, as for a person who has used the app before
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await factsCli([txt]);
    if (r.code !== 0) throw new Error(`facts failed on a text file: ${r.stderr}`);
    times.push(r.seconds);
  }
  // which heavy modules a text file pulls in (module.registerHooks sees ESM imports and require())
  const hook = path.join(dir, 'hook.mjs');
  fs.writeFileSync(hook, `import { registerHooks } from 'node:module';
import fs from 'node:fs';
registerHooks({ resolve(spec, ctx, next) { const r = next(spec, ctx);
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(r.url ?? '');
  if (m && /pdfjs-dist|tesseract|@napi-rs\\/canvas|utif2/.test(m[1])) fs.writeSync(2, 'HEAVY ' + m[1] + '\\n');
  return r; } });
`);
  const r = await run(process.execPath, ['--disable-warning=ExperimentalWarning', '--import', hook, 'electron/cli/facts.ts', txt]);
  const heavy = [...new Set(r.stderr.split('\n').filter((l) => l.startsWith('HEAVY ')).map((l) => l.slice(6)))];
  return { seconds: median(times), heavyModules: heavy };
}
