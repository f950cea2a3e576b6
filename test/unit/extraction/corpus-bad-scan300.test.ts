// The 300-page scan: finishes with progress for every page, memory stays flat (pages are
// streamed; only a few rendered pages wait for OCR at once), and it can be cancelled.
// The timings against native tools live in `npm run bench`, not here.
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument, CancelledError } from '../../../electron/extraction/read-document.ts';
import { OcrPool } from '../../../electron/extraction/ocr-pool.ts';
import { corpusBad, readBytes } from '../../support/paths.ts';
import type { Progress } from '../../../shared/contract/document.ts';

const pool = new OcrPool();
afterAll(() => pool.terminate());
const MB = 1024 * 1024;

describe('scanned-300-pages.pdf', () => {
  it('can be cancelled part-way', async () => {
    const abort = new AbortController();
    let pages = 0;
    const run = readDocument('scan.pdf', readBytes(corpusBad('scanned-300-pages.pdf')), {
      ocr: () => pool, signal: abort.signal,
      onProgress: (p) => { if (p.phase === 'ocr' && p.page > 0 && ++pages === 3) abort.abort(); },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(pages).toBeLessThan(20);
  }, 120_000);

  it('reads all 300 pages with progress and flat memory', async () => {
    const rssAtPage: number[] = [];
    const progress: Progress[] = [];
    let peak = 0;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 250);
    const t0 = Date.now();
    let first = 0;
    const doc = await readDocument('scan.pdf', readBytes(corpusBad('scanned-300-pages.pdf')), {
      ocr: () => pool,
      onProgress: (p) => {
        progress.push(p);
        if (p.page > 0 && p.phase !== 'done') {
          if (!first) first = Date.now() - t0;
          rssAtPage[p.page] = process.memoryUsage().rss;
        }
      },
    });
    clearInterval(sampler);
    expect(doc.pageCount).toBe(300);
    expect(doc.pages).toHaveLength(300);
    expect(doc.pages.every((p) => p.source === 'ocr')).toBe(true);
    // one progress event per page, in order, then done
    const pageEvents = progress.filter((p) => p.phase === 'ocr' && p.page > 0).map((p) => p.page);
    expect(pageEvents).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(progress.at(-1)!.phase).toBe('done');
    expect(first).toBeLessThan(30_000);
    expect(peak / MB).toBeLessThan(1500);
    // no growth from page 50 to page 300 beyond noise
    const avg = (a: number, b: number) => rssAtPage.slice(a, b).reduce((s, v) => s + v, 0) / (b - a);
    expect((avg(280, 300) - avg(50, 70)) / MB).toBeLessThan(150);
    console.log(`scan300: ${((Date.now() - t0) / 1000).toFixed(0)} s, first page ${(first / 1000).toFixed(1)} s, peak RSS ${(peak / MB).toFixed(0)} MB`);
  }, 900_000);
});
