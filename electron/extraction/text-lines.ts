// Turn pdf.js text items into lines of text with page-relative boxes. Items come in the
// order the PDF draws them, which for generated reports is reading order (a sidebar or
// second column is drawn as its own run); we keep that order and only break lines where
// the baseline moves or the PDF marks an end of line.
import type { Line } from '../../shared/contract/document.ts';

export interface PlacedItem {
  str: string;
  /** start of the baseline in viewport units (origin top left) */
  x: number;
  y: number;
  /** unit vector of the text direction in the viewport (1, 0 for ordinary text) */
  dx?: number;
  dy?: number;
  /** advance width and font height in viewport units */
  width: number;
  height: number;
  hasEOL: boolean;
}

/** The item's four corners in the viewport, whichever way its text runs. */
function corners(it: PlacedItem): Array<[number, number]> {
  const dx = it.dx ?? 1, dy = it.dy ?? 0;
  const ex = dx * it.width, ey = dy * it.width; // along the baseline
  const ux = dy * it.height, uy = -dx * it.height; // up from the baseline (y grows downward)
  return [[it.x, it.y], [it.x + ex, it.y + ey], [it.x + ux, it.y + uy], [it.x + ex + ux, it.y + ey + uy]];
}

export function itemsToLines(items: PlacedItem[], pageWidth: number, pageHeight: number): Line[] {
  const lines: Line[] = [];
  // u runs along the text, v across it, so grouping works whichever way the text runs
  type Cur = { parts: string[]; u1: number; v: number; size: number; x0: number; y0: number; x1: number; y1: number };
  let cur: Cur | null = null;
  const flush = () => {
    if (!cur) return;
    const text = cur.parts.join('').replace(/\s+/g, ' ').trim();
    if (text) {
      const x0 = clamp01(cur.x0 / pageWidth), y0 = clamp01(cur.y0 / pageHeight);
      lines.push({ text, box: [x0, y0, clamp01(cur.x1 / pageWidth) - x0, clamp01(cur.y1 / pageHeight) - y0] });
    }
    cur = null;
  };
  for (const it of items) {
    const size = Math.max(it.height, 1);
    const dx = it.dx ?? 1, dy = it.dy ?? 0;
    const u = it.x * dx + it.y * dy, v = -it.x * dy + it.y * dx;
    if (cur && it.str.trim() !== '') {
      const sameLine = Math.abs(v - cur.v) <= Math.max(cur.size, size) * 0.5;
      const backwards = u < cur.u1 - Math.max(cur.size, size) * 2;
      if (!sameLine || backwards) flush();
    }
    if (!cur) {
      if (it.str.trim() === '') { if (it.hasEOL) flush(); continue; }
      cur = { parts: [], u1: u, v, size, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    }
    // a visible gap between items is a space even when the PDF draws none
    const gap = u - cur.u1;
    const last = cur.parts.length ? cur.parts[cur.parts.length - 1] : '';
    if (cur.parts.length && gap > size * 0.15 && !/\s$/.test(last) && !/^\s/.test(it.str)) cur.parts.push(' ');
    cur.parts.push(it.str);
    cur.u1 = Math.max(cur.u1, u + it.width);
    if (it.str.trim() !== '') {
      for (const [x, y] of corners(it)) {
        cur.x0 = Math.min(cur.x0, x); cur.y0 = Math.min(cur.y0, y); cur.x1 = Math.max(cur.x1, x); cur.y1 = Math.max(cur.y1, y);
      }
      // descenders sit below the baseline
      cur.y1 = Math.max(cur.y1, it.y + size * 0.25 * Math.abs(dx));
    }
    if (it.hasEOL) flush();
  }
  flush();
  return lines;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Count letters and digits: whitespace and punctuation do not make a text layer real. */
export function meaningfulChars(text: string): number {
  const m = text.match(/[\p{L}\p{N}]/gu);
  return m ? m.length : 0;
}
