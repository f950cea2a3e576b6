// OCR one page image the way a careful person would read it: skip a blank scan, turn a
// sideways scan upright first, and try the page the other way up when it reads as nonsense.
import type { PageText } from '../../shared/contract/document.ts';
import type { OcrPool, OcrResult } from './ocr-pool.ts';
import { inkShare, lineOrientation, rotate, type GrayImage } from './raster.ts';

/** Below this share of ink a scan is an empty page (speckle and scanner noise only). */
const BLANK_INK = 0.002;
/** Blank rows minus blank columns below this: the lines of text run up the page. */
const SIDEWAYS = -0.1;
/** Mean confidence below this on an upright page is worth a look upside down. */
const DOUBTFUL = 50;
/**
 * A sideways page read at this confidence is the right way round: the wrong turn reads as
 * noise (about 45 on the corpus's sideways scans, against 83-90 the right way), so the
 * other turn is tried only when the first is unsure. Saves a whole OCR pass per such page.
 */
const SURE = 70;

export interface OcrPageResult extends OcrResult {
  turned: number;
}

export async function ocrPage(pool: OcrPool, img: GrayImage, dpi: number, signal?: AbortSignal): Promise<OcrPageResult> {
  if (inkShare(img) < BLANK_INK) return { text: '', lines: [], confidence: 0, turned: 0 };
  const tries = lineOrientation(img) < SIDEWAYS ? [90, 270] : [0];
  let best: OcrPageResult | null = null;
  for (const turn of tries) {
    const r = { ...(await pool.recognize(rotate(img, turn), dpi, signal)), turned: turn };
    if (!best || score(r) > score(best)) best = r;
    if (tries.length > 1 && best.confidence >= SURE) break;
  }
  if (best && tries[0] === 0 && best.confidence < DOUBTFUL) {
    const flipped = { ...(await pool.recognize(rotate(img, 180), dpi, signal)), turned: 180 };
    if (score(flipped) > score(best)) best = flipped;
  }
  return best!;
}

/** Confident words, not just confident noise: confidence weighted by how much was read. */
function score(r: OcrResult): number {
  const words = r.lines.reduce((n, l) => n + (l.words?.length ?? 0), 0);
  return r.confidence * Math.log1p(words);
}

export function ocrPageText(page: number, width: number, height: number, r: OcrPageResult): PageText {
  const turnedSideways = r.turned === 90 || r.turned === 270;
  return {
    page,
    source: 'ocr',
    text: r.text,
    lines: r.lines,
    confidence: r.confidence,
    // boxes are relative to the page as we read it (turned upright)
    width: turnedSideways ? height : width,
    height: turnedSideways ? width : height,
    ...(r.turned ? { turned: r.turned } : {}),
  };
}
