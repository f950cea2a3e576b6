// Turn pdf.js text items into lines of text with page-relative boxes. Items come in the
// order the PDF draws them, which for generated reports is reading order (a sidebar or
// second column is drawn as its own run); we keep that order and only break lines where
// the baseline moves or the PDF marks an end of line.
import type { Line } from '../../shared/contract/document.ts';

export interface PlacedItem {
  str: string;
  /** left edge and baseline in viewport units (origin top left) */
  x: number;
  y: number;
  /** advance width and font height in viewport units */
  width: number;
  height: number;
  hasEOL: boolean;
}

export function itemsToLines(items: PlacedItem[], pageWidth: number, pageHeight: number): Line[] {
  const lines: Line[] = [];
  let cur: { parts: string[]; x0: number; x1: number; top: number; bottom: number; base: number; size: number } | null = null;
  const flush = () => {
    if (!cur) return;
    const text = cur.parts.join('').replace(/\s+/g, ' ').trim();
    if (text) {
      lines.push({
        text,
        box: [clamp01(cur.x0 / pageWidth), clamp01(cur.top / pageHeight), clamp01((cur.x1 - cur.x0) / pageWidth), clamp01((cur.bottom - cur.top) / pageHeight)],
      });
    }
    cur = null;
  };
  for (const it of items) {
    const size = Math.max(it.height, 1);
    if (cur && it.str.trim() !== '') {
      const sameLine = Math.abs(it.y - cur.base) <= Math.max(cur.size, size) * 0.5;
      const backwards = it.x < cur.x1 - Math.max(cur.size, size) * 2;
      if (!sameLine || backwards) flush();
    }
    if (!cur) {
      if (it.str.trim() === '') { if (it.hasEOL) flush(); continue; }
      cur = { parts: [], x0: it.x, x1: it.x, top: it.y - size, bottom: it.y + size * 0.25, base: it.y, size };
    }
    // a visible gap between items is a space even when the PDF draws none
    const gap = it.x - cur.x1;
    const last = cur.parts.length ? cur.parts[cur.parts.length - 1] : '';
    if (cur.parts.length && gap > size * 0.15 && !/\s$/.test(last) && !/^\s/.test(it.str)) cur.parts.push(' ');
    cur.parts.push(it.str);
    cur.x0 = Math.min(cur.x0, it.x);
    cur.x1 = Math.max(cur.x1, it.x + it.width);
    cur.top = Math.min(cur.top, it.y - size);
    cur.bottom = Math.max(cur.bottom, it.y + size * 0.25);
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
