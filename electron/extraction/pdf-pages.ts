// One PDF page at a time: its text layer when that holds real text, otherwise a grayscale
// rendering at the resolution of the scan inside it, ready for OCR.
import type { PageText } from '../../shared/contract/document.ts';
import { OPS, Util, type PdfDoc, type PdfPage } from './pdf-open.ts';
import { itemsToLines, meaningfulChars, type PlacedItem } from './text-lines.ts';
import { bitsToGray, resizeBilinear, rgbToGray, toGray, type GrayImage } from './raster.ts';

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
  const scan = chars < SCAN_TEXT_LIMIT ? await largestImage(page) : null;
  if (scan && scan.pixels >= SCAN_IMAGE_PIXELS) {
    const nativeDpi = scan.dpi || scanDpi(scan.w, scan.h, width, height);
    let dpi = Math.min(MAX_OCR_DPI, Math.max(MIN_OCR_DPI, nativeDpi || MIN_OCR_DPI));
    const px = (width / 72) * dpi * (height / 72) * dpi;
    if (px > MAX_OCR_PIXELS) dpi *= Math.sqrt(MAX_OCR_PIXELS / px);
    const renderAt = (d: number) => renderGray(doc, page, d);
    // A page that is one upright scan and nothing else: take the pixels pdf.js has already
    // decoded instead of drawing them again (RGBA canvas, read back, to grey).
    const pixels = scan.wholePage && page.rotate === 0 && dpi >= nativeDpi * 0.999 ? decodedGray(page, scan) : null;
    if (pixels) {
      page.cleanup();
      if (dpi <= nativeDpi * 1.001) {
        // already at a resolution OCR reads well: exactly the scan's pixels
        return { kind: 'scan', pageNumber, width, height, dpi: nativeDpi, render: async () => pixels, renderAt };
      }
      // too coarse for OCR (a 150 dpi scan reads "IIIB" as "IIB"): enlarged like a canvas would
      const w = Math.ceil((width / 72) * dpi), h = Math.ceil((height / 72) * dpi);
      return { kind: 'scan', pageNumber, width, height, dpi, render: async () => resizeBilinear(pixels, w, h), renderAt };
    }
    return { kind: 'scan', pageNumber, width, height, dpi, render: () => renderAt(dpi), renderAt };
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

interface PageImage {
  pixels: number; w: number; h: number;
  /** the finer of its two resolutions as drawn (from the transform in force), 0 if unknown */
  dpi: number;
  /** the page is this one picture, upright, square pixels, edge to edge, nothing else drawn */
  wholePage: boolean;
  objId: string | null;
}

/** What may appear in the operator list of a page that is a single scan and nothing else. */
const PLAIN_SCAN_OPS = new Set([OPS.save, OPS.restore, OPS.transform, OPS.dependency, OPS.paintImageXObject]);

/** The biggest picture drawn on the page: its size, resolution, and whether it is the whole page. */
async function largestImage(page: PdfPage): Promise<PageImage> {
  const ops = await page.getOperatorList();
  let best: PageImage = { pixels: 0, w: 0, h: 0, dpi: 0, wholePage: false, objId: null };
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  let images = 0, plain = true, bestCtm = ctm;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as any[];
    if (!PLAIN_SCAN_OPS.has(fn)) plain = false;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args);
    else if (fn === OPS.paintFormXObjectBegin) { stack.push(ctm); if (Array.isArray(args?.[0])) ctm = Util.transform(ctm, args[0]); }
    else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject && fn !== OPS.paintImageMaskXObject) continue;
    images++;
    // paintImageXObject: [objId, width, height]; inline and mask images carry an object with width/height
    const w = Number(typeof args?.[1] === 'number' ? args[1] : args?.[0]?.width) || 0;
    const h = Number(typeof args?.[2] === 'number' ? args[2] : args?.[0]?.height) || 0;
    if (w * h <= best.pixels) continue;
    // the unit square is the image: its sides are (a, b) and (c, d) in points
    const across = Math.hypot(ctm[0], ctm[1]) / 72, down = Math.hypot(ctm[2], ctm[3]) / 72;
    const dpi = across > 0 && down > 0 ? Math.max(w / across, h / down) : 0;
    best = { pixels: w * h, w, h, dpi, wholePage: false, objId: fn === OPS.paintImageXObject && typeof args?.[0] === 'string' ? args[0] : null };
    bestCtm = ctm;
  }
  if (plain && images === 1 && best.objId) {
    const [x0, y0, x1, y1] = page.view;
    const pw = x1 - x0, ph = y1 - y0;
    const [a, b, c, d, e, f] = bestCtm;
    const near = (u: number, v: number, size: number) => Math.abs(u - v) <= Math.max(1, size * 0.005);
    const square = Math.abs(best.w / a - best.h / d) <= 0.02 * (best.w / a);
    best.wholePage = a > 0 && d > 0 && Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && square
      && near(a, pw, pw) && near(d, ph, ph) && near(e, x0, pw) && near(f, y0, ph);
  }
  return best;
}

/** The pixels pdf.js decoded for the page's picture, as grey; null when they are not in a form we know. */
function decodedGray(page: PdfPage, scan: PageImage): GrayImage | null {
  try {
    const objs = (page as any).objs;
    if (!scan.objId || !objs?.has(scan.objId)) return null;
    const img = objs.get(scan.objId);
    const { width: w, height: h, kind, data } = img ?? {};
    if (w !== scan.w || h !== scan.h || !data || typeof data.length !== 'number') return null;
    if (kind === 2 && data.length >= w * h * 3) return rgbToGray(data, w, h);
    if (kind === 3 && data.length >= w * h * 4) return toGray(data, w, h);
    if (kind === 1 && data.length >= ((w + 7) >> 3) * h) return bitsToGray(data, w, h);
    return null;
  } catch {
    return null;
  }
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
