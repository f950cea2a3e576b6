// node test/bench/variants.ts [--pages N] [--engine native|wasm] [--dpi 200,240] [--param k=v[;k=v]]...
//
// Before changing how pages are rendered or which parameters OCR runs with: read the same
// scanned corpus pages as now (the baseline) and with each variant, and print seconds per
// page and word agreement with the baseline (and, for wasm, with native tesseract at the
// baseline). A variant that is faster and agrees ≥ 0.99 reads the same words; then check the
// facts with ../shared/tools/score-facts before adopting it.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from '../../electron/cli/args.ts';
import { openPdf } from '../../electron/extraction/pdf-open.ts';
import { readPdfPage } from '../../electron/extraction/pdf-pages.ts';
import { OcrPool, OCR_PARAMETERS } from '../../electron/extraction/ocr-pool.ts';
import { lineOrientation, rotate, type GrayImage } from '../../electron/extraction/raster.ts';
import { agreement, corpusCases, fmt, grayTiff, log, nativeTessdata, nativeTesseract, now, overlap, processCpuSeconds, spread, tempDir, tokens } from './tools.ts';

interface Variant { name: string; dpiCap?: number; params: Record<string, string> }

async function main() {
  const args = parseArgs(process.argv.slice(2), { pages: 'string', engine: 'string', dpi: 'string', param: 'string' });
  if (args.error) throw new Error(args.error);
  const engine = (args.flags.engine as string) ?? 'native';
  const count = Number(args.flags.pages ?? 16);
  const variants: Variant[] = [{ name: 'baseline', params: {} }];
  for (const d of String(args.flags.dpi ?? '').split(',').filter(Boolean)) variants.push({ name: `dpi≤${d}`, dpiCap: Number(d), params: {} });
  for (const set of String(args.flags.param ?? '').split('|').filter(Boolean)) {
    variants.push({ name: set, params: Object.fromEntries(set.split(';').map((kv) => kv.split('=') as [string, string])) });
  }
  const all: Array<{ file: string; page: number }> = [];
  for (const c of corpusCases()) for (const s of c.sources) for (const p of s.ocrPages) all.push({ file: path.join(c.dir, s.file), page: p });
  const wanted = spread(all, count);
  const dir = tempDir();
  const tessdata = nativeTessdata(dir);
  const pool = engine === 'wasm' ? new OcrPool({ size: 1, pageTimeoutMs: 600_000 }) : null;
  try {
    const caps = [...new Set(variants.map((v) => v.dpiCap ?? 0))];
    // pages[cap] = rendered images at that cap (0 = as the pipeline renders now)
    const pages = new Map<number, Array<{ img: GrayImage; dpi: number; tiff: string }>>();
    for (const cap of caps) pages.set(cap, []);
    for (const w of wanted) {
      const { doc, close } = await openPdf(new Uint8Array(fs.readFileSync(w.file)));
      try {
        const r = await readPdfPage(doc, w.page);
        if (r.kind !== 'scan') continue;
        for (const cap of caps) {
          const dpi = cap ? Math.min(cap, r.dpi) : r.dpi;
          const again = cap ? await readPdfPage(doc, w.page) : r;
          if (again.kind !== 'scan') continue;
          let img = await (cap ? renderAt(again, dpi) : again.render());
          if (lineOrientation(img) < -0.1) img = rotate(img, 90);
          const tiff = path.join(dir, `p${pages.get(cap)!.length}-${cap}.tif`);
          fs.writeFileSync(tiff, grayTiff(img, dpi));
          pages.get(cap)!.push({ img, dpi, tiff });
        }
      } finally { await close(); }
    }
    log(`${pages.get(0)!.length} pages, engine ${engine}`);
    const words: Array<string[][]> = [];
    for (const v of variants) {
      const set = pages.get(v.dpiCap ?? 0)!;
      const params = { ...OCR_PARAMETERS, ...v.params };
      const t = now();
      let got: string[][];
      let cpu = 0;
      if (pool) {
        const c0 = processCpuSeconds();
        got = [];
        for (const p of set) {
          const r = await pool.recognize(p.img, p.dpi, undefined, v.params);
          got.push(r.lines.flatMap((l) => (l.words ?? []).map((x) => x.text)));
        }
        cpu = processCpuSeconds() - c0;
      } else {
        const n = await nativeTesseract(set.map((p) => p.tiff), tessdata, params, path.join(dir, 'list.txt'));
        cpu = n.cpuSeconds;
        got = set.map((_, i) => n.pages.get(i + 1) ?? []);
      }
      const s = (now() - t) / set.length;
      words.push(got);
      const agree = agreement(got.map((g, i) => overlap(tokens(g), tokens(words[0][i]))));
      process.stdout.write(`${v.name.padEnd(40)} ${fmt(s)} s/page (CPU ${fmt(cpu / set.length)} s/page)  agreement with baseline ${fmt(agree, 3)}  words ${got.flat().length}\n`);
    }
  } finally {
    await pool?.terminate();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The page rendered at `dpi` instead of the pipeline's choice. */
function renderAt(r: Extract<Awaited<ReturnType<typeof readPdfPage>>, { kind: 'scan' }>, dpi: number): Promise<GrayImage> {
  return r.renderAt ? r.renderAt(dpi) : r.render();
}

main().catch((e) => { process.stderr.write(`${e?.stack ?? e}\n`); process.exitCode = 1; });
