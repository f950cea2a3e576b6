// Scanned PDF pages are read at the resolution of the scan inside them: the pixels pdf.js
// already decoded when the page is one upright picture (no second drawing), enlarged only
// when the scan is too coarse for OCR, and drawn by the canvas in every other case.
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../../electron/extraction/pdf-open.ts';
import { readPdfPage } from '../../../electron/extraction/pdf-pages.ts';
import { corpus, corpusBad, readBytes } from '../../support/paths.ts';

async function scanPage(file: string, n: number) {
  const { doc, close } = await openPdf(readBytes(file));
  try {
    const r = await readPdfPage(doc, n);
    if (r.kind !== 'scan') throw new Error(`${file} page ${n} is not a scan`);
    const img = await r.render();
    const drawn = await r.renderAt(r.dpi);
    let diff = 0;
    const w = Math.min(img.width, drawn.width), h = Math.min(img.height, drawn.height);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) diff += Math.abs(img.data[y * img.width + x] - drawn.data[y * drawn.width + x]);
    return { dpi: r.dpi, img, drawn, meanDiff: diff / (w * h) };
  } finally {
    await close();
  }
}

describe('scanned PDF pages', () => {
  it('reads a 200 dpi scan at 200 dpi, pixel for pixel what the canvas draws', async () => {
    const p = await scanPage(corpus('case004', '01-pathology.pdf'), 1);
    expect(Math.round(p.dpi)).toBe(200);
    expect([p.img.width, p.img.height]).toEqual([1700, 2200]);
    expect(p.meanDiff).toBeLessThan(0.5);
  });

  it('does not enlarge a 277 dpi scan to 300 dpi', async () => {
    const p = await scanPage(corpus('case015', '04-molecular.pdf'), 1);
    expect(p.dpi).toBeGreaterThan(270);
    expect(p.dpi).toBeLessThan(285);
    expect(p.img.width).toBe(2355);
  });

  it('enlarges a 150 dpi scan to 200 dpi like the canvas would', async () => {
    const p = await scanPage(corpusBad('scanned-300-pages.pdf'), 41);
    expect(p.dpi).toBe(200);
    expect([p.img.width, p.img.height]).toEqual([1700, 2200]);
    expect(p.meanDiff).toBeLessThan(1);
  });

  it('still draws a 1-bit fax page with unequal resolutions (200 x 100 dpi)', async () => {
    const p = await scanPage(corpus('case023', '06-imaging.pdf'), 1);
    expect(Math.round(p.dpi)).toBe(200);
    // the fax's half-height rows are stretched back to the page's shape: taller than wide
    expect(p.img.height).toBeGreaterThan(p.img.width * 1.2);
  });
});
