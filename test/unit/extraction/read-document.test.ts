// The reading pipeline on real records: born-digital, scanned, mixed, /Rotate, sideways
// scans and fax pages from the synthetic corpus, plus pictures and text made here.
// Expectations come from each case's truth.json (pages, ocrPages) and from properties any
// good reading has (confidence, boxes on the page) — never from hard-coded facts.
import { afterAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readDocument } from '../../../electron/extraction/read-document.ts';
import { OcrPool } from '../../../electron/extraction/ocr-pool.ts';
import { exifRotation } from '../../../electron/extraction/image-decode.ts';
import { corpus, readBytes, truthSources } from '../../support/paths.ts';
import type { DocumentText } from '../../../shared/contract/document.ts';

const localRequire = createRequire(import.meta.url);
const pool = new OcrPool({ size: 2 });
afterAll(() => pool.terminate());
const read = (file: string, bytes: Uint8Array, password?: string) => readDocument(file, bytes, { ocr: () => pool, password });

async function readCase(caseName: string, file: string): Promise<DocumentText> {
  return read(file, readBytes(corpus(caseName, file)));
}

function expectMatchesTruth(doc: DocumentText, caseName: string) {
  const truth = truthSources(caseName).find((s) => s.file === doc.file)!;
  expect(doc.pageCount).toBe(truth.pages);
  expect(doc.pages.filter((p) => p.source === 'ocr').map((p) => p.page)).toEqual(truth.ocrPages);
}

function expectBoxesOnPage(doc: DocumentText) {
  for (const p of doc.pages) for (const l of p.lines) {
    const [x, y, w, h] = l.box;
    expect(x).toBeGreaterThanOrEqual(0); expect(y).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(1.0001); expect(y + h).toBeLessThanOrEqual(1.0001);
  }
}

describe('PDF records from the corpus', () => {
  it('reads a born-digital note from its text layer', async () => {
    const doc = await readCase('case001', '04-note.pdf');
    expectMatchesTruth(doc, 'case001');
    expect(doc.pages.every((p) => p.source === 'text-layer')).toBe(true);
    expect(doc.problems).toEqual([]);
    expectBoxesOnPage(doc);
  });

  it('OCRs a scanned report with confidence and word boxes', async () => {
    const doc = await readCase('case004', '01-pathology.pdf');
    expectMatchesTruth(doc, 'case004');
    const [p] = doc.pages;
    expect(p.confidence).toBeGreaterThan(70);
    expect(p.text.length).toBeGreaterThan(300);
    expect(p.lines.some((l) => (l.words?.length ?? 0) > 3)).toBe(true);
    expectBoxesOnPage(doc);
  }, 120_000);

  it('reads a mixed file page by page: text layer first, then a scanned page', async () => {
    const doc = await readCase('case002', '01-imaging.pdf');
    expectMatchesTruth(doc, 'case002');
    expect(doc.pages.map((p) => p.source)).toEqual(['text-layer', 'ocr']);
  }, 120_000);

  it('reads a page with /Rotate set, turned so its lines run left to right', async () => {
    const doc = await readCase('case005', '02-pathology.pdf');
    expectMatchesTruth(doc, 'case005');
    const [p] = doc.pages;
    expect(p.turned).toBeDefined();
    expect(p.lines.length).toBeGreaterThan(10);
    // lines of text are wide and short once the page is upright
    const wide = p.lines.filter((l) => l.box[2] > l.box[3] * 2).length;
    expect(wide / p.lines.length).toBeGreaterThan(0.9);
    expectBoxesOnPage(doc);
  });

  it('turns a page scanned sideways upright before reading it', async () => {
    const doc = await readCase('case037', '01-imaging.pdf');
    expectMatchesTruth(doc, 'case037');
    const [p] = doc.pages;
    expect([90, 270]).toContain(p.turned);
    expect(p.confidence).toBeGreaterThan(70);
  }, 120_000);

  it('reads a 1-bit fax page (CCITT, 200 x 100 dpi)', async () => {
    const doc = await readCase('case023', '06-imaging.pdf');
    expectMatchesTruth(doc, 'case023');
    expect(doc.pages[0].confidence).toBeGreaterThan(50);
    expect(doc.pages[0].text.split(/\s+/).length).toBeGreaterThan(80);
  }, 120_000);
});

describe('pictures and text', () => {
  function renderText(lines: string[]): any {
    const { createCanvas } = localRequire('@napi-rs/canvas');
    const canvas = createCanvas(1700, 1100);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 1700, 1100);
    ctx.fillStyle = '#111'; ctx.font = '44px sans-serif';
    lines.forEach((l, i) => ctx.fillText(l, 120, 160 + i * 90));
    return canvas;
  }
  const words = ['SPECIMEN RIGHT UPPER LOBE BIOPSY', 'DIAGNOSIS INVASIVE CARCINOMA', 'SIGNED BY THE PATHOLOGIST'];

  it('OCRs a PNG photo of a page', async () => {
    const png = new Uint8Array(await renderText(words).encode('png'));
    const doc = await read('photo.png', png);
    expect(doc.type).toBe('image');
    expect(doc.pages[0].source).toBe('ocr');
    expect(doc.pages[0].text.toUpperCase()).toContain('INVASIVE CARCINOMA');
  }, 120_000);

  it('OCRs a JPEG named .pdf and says it was read as a picture', async () => {
    const jpg = new Uint8Array(await renderText(words).encode('jpeg', 90));
    const doc = await read('scan.pdf', jpg);
    expect(doc.problems.map((p) => p.code)).toContain('renamed-image');
    expect(doc.pages[0].text.toUpperCase()).toContain('PATHOLOGIST');
  }, 120_000);

  it('OCRs every page of a TIFF', async () => {
    const UTIF = localRequire('utif2');
    const canvas = renderText(words);
    const rgba = canvas.getContext('2d').getImageData(0, 0, 1700, 1100).data;
    const tiff = new Uint8Array(UTIF.encodeImage(rgba, 1700, 1100));
    const doc = await read('fax.tif', tiff);
    expect(doc.type).toBe('image');
    expect(doc.pageCount).toBe(1);
    expect(doc.pages[0].text.toUpperCase()).toContain('SPECIMEN');
  }, 120_000);

  it('reads a text file as one page of text', async () => {
    const doc = await read('note.txt', new TextEncoder().encode('Clinic note\r\n\r\nAssessment: stable.\n'));
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0].source).toBe('text');
    expect(doc.pages[0].text).toBe('Clinic note\nAssessment: stable.');
  });

  it('reads the EXIF orientation of phone photos', () => {
    // SOI, APP1 "Exif\0\0", little-endian TIFF header, one IFD entry: Orientation (0x0112) = 6
    const exif = [0x45, 0x78, 0x69, 0x66, 0, 0, 0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0];
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, exif.length + 2, ...exif, 0xff, 0xda, 0, 2]);
    expect(exifRotation(jpeg)).toBe(90);
    expect(exifRotation(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBe(0);
  });
});
