// One PDF page at a time: its text layer when that holds real text, otherwise a grayscale
// rendering at the resolution of the scan inside it, ready for OCR.
import type { PageText } from '../../shared/contract/document.ts';
import { OPS, Util, type PdfDoc, type PdfPage } from './pdf-open.ts';
import { itemsToLines, meaningfulChars, type PlacedItem } from './text-lines.ts';
import { toGray, type GrayImage } from './raster.ts';

/** A page whose text layer has fewer letters than this, over a page-sized picture, is a scan. */
const SCAN_TEXT_LIMIT = 200;
/** A picture of at least this many pixels can hold a page of text (a 100 dpi half page). */
const SCAN_IMAGE_PIXELS = 400_000;
/** OCR works best near 300 dpi; more costs time and memory for nothing. */
const MIN_OCR_DPI = 200, MAX_OCR_DPI = 300, MAX_OCR_PIXELS = 12_000_000;

export type PageRead =
  | { kind: 'text'; page: PageText }
  | { kind: 'scan'; pageNumber: number; width: number; height: number; dpi: number; render: () => Promise<GrayImage>; renderAt: (dpi: number) => Promise<GrayImage> }
  | { kind: 'blank'; page: PageText };

export async function readPdfPage(doc: PdfDoc, pageNumber: number): Promise<PageRead> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  // A page whose text runs down or up the page as shown (/Rotate set on portrait content)
  // is read, and later shown, turned so its lines run left to right like the rest.
  let turned = 0;
  let viewport = page.getViewport({ scale: 1 });
  let items = placeItems(content.items as any[], viewport.transform);
  const angle = dominantAngle(items);
  if (angle !== 0) {
    turned = (360 - angle) % 360;
    viewport = page.getViewport({ scale: 1, rotation: (page.rotate + turned) % 360 });
    items = placeItems(content.items as any[], viewport.transform);
  }
  const { width, height } = viewport;
  const lines = itemsToLines(items, width, height);
  const text = lines.map((l) => l.text).join('\n');
  const chars = meaningfulChars(text);
  const scanPixels = chars < SCAN_TEXT_LIMIT ? await largestImagePixels(page) : { pixels: 0, w: 0, h: 0 };
  if (scanPixels.pixels >= SCAN_IMAGE_PIXELS) {
    const nativeDpi = scanDpi(scanPixels.w, scanPixels.h, width, height);
    let dpi = Math.min(MAX_OCR_DPI, Math.max(MIN_OCR_DPI, nativeDpi || MIN_OCR_DPI));
    const px = (width / 72) * dpi * (height / 72) * dpi;
    if (px > MAX_OCR_PIXELS) dpi *= Math.sqrt(MAX_OCR_PIXELS / px);
    return { kind: 'scan', pageNumber, width, height, dpi, render: () => renderGray(doc, page, dpi), renderAt: (d) => renderGray(doc, page, d) };
  }
  const pageText: PageText = { page: pageNumber, source: chars > 0 ? 'text-layer' : 'none', text, lines, width, height, ...(turned ? { turned } : {}) };
  page.cleanup();
  return chars > 0 ? { kind: 'text', page: pageText } : { kind: 'blank', page: pageText };
}

function placeItems(raw: any[], transform: number[]): PlacedItem[] {
  const items: PlacedItem[] = [];
  for (const it of raw) {
    if (typeof it.str !== 'string') continue;
    const tx = Util.transform(transform, it.transform);
    const size = Math.hypot(tx[2], tx[3]);
    const len = Math.hypot(tx[0], tx[1]) || 1;
    items.push({ str: it.str, x: tx[4], y: tx[5], dx: tx[0] / len, dy: tx[1] / len, width: it.width ?? 0, height: size, hasEOL: !!it.hasEOL });
  }
  return items;
}

/** The direction most of the text runs, clockwise from left-to-right, in quarter turns. */
export function dominantAngle(items: PlacedItem[]): number {
  const weight = [0, 0, 0, 0];
  for (const it of items) {
    const deg = (Math.round((Math.atan2(it.dy ?? 0, it.dx ?? 1) * 180) / Math.PI / 90) * 90 + 360) % 360;
    weight[deg / 90] += it.str.trim().length;
  }
  const best = weight.indexOf(Math.max(...weight));
  return weight[best] > weight[0] * 1.5 ? best * 90 : 0;
}

/**
 * The finest resolution a picture has on the page. Fax pages have unequal resolutions
 * (200 x 100 dpi), and a scan may be drawn turned, so take the best of both fits.
 */
export function scanDpi(w: number, h: number, pageW: number, pageH: number): number {
  const inW = pageW / 72, inH = pageH / 72;
  return Math.max(w / inW, h / inH, w / inH, h / inW);
}

/** The biggest picture drawn on the page: its pixel count and size. */
async function largestImagePixels(page: PdfPage): Promise<{ pixels: number; w: number; h: number }> {
  const ops = await page.getOperatorList();
  let best = { pixels: 0, w: 0, h: 0 };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject && fn !== OPS.paintImageMaskXObject) continue;
    const args = ops.argsArray[i] as any[];
    // paintImageXObject: [objId, width, height]; inline and mask images carry an object with width/height
    const w = Number(typeof args?.[1] === 'number' ? args[1] : args?.[0]?.width) || 0;
    const h = Number(typeof args?.[2] === 'number' ? args[2] : args?.[0]?.height) || 0;
    if (w * h > best.pixels) best = { pixels: w * h, w, h };
  }
  return best;
}

async function renderGray(doc: PdfDoc, page: PdfPage, dpi: number): Promise<GrayImage> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const w = Math.ceil(viewport.width), h = Math.ceil(viewport.height);
  const factory = (doc as any).canvasFactory;
  const { canvas, context } = factory.create(w, h);
  try {
    // paper is white: without a fill, transparent areas read as black to OCR
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, w, h);
    await page.render({ canvasContext: context, canvas, viewport, background: '#ffffff' } as any).promise;
    const rgba = context.getImageData(0, 0, w, h).data;
    return toGray(rgba, w, h);
  } finally {
    factory.destroy({ canvas, context });
    page.cleanup();
  }
}
