// The document as extraction sees it: every line with its page, how it was read, where it
// sits, and which part of the report it belongs to. Rules read lines from here and cite
// them as evidence, so every fact points back to the words it came from.
import type { Box, DocumentText, PageSource } from '../contract/document.ts';
import type { Evidence, SourceKind } from '../contract/facts.ts';
import { fixOcrWords, normaliseText } from './text/normalise.ts';

export interface CtxLine {
  /** as read */
  text: string;
  page: number;
  /** position in the document's line list */
  index: number;
  source: PageSource;
  confidence?: number;
  box?: Box;
  /** the report section this line belongs to, e.g. `diagnosis`, `history`, `vus`; null when unknown */
  section: string | null;
}

export interface DocContext {
  file: string;
  lines: CtxLine[];
  kind: SourceKind;
  /** report or visit date, YYYY-MM-DD */
  date: string | null;
  /** the record writes numeric dates day-first (DD/MM/YYYY); pass to findDates/parseDate */
  dayFirst?: boolean;
  /** labelled collection/procedure date of the record's specimen, YYYY-MM-DD */
  collected?: string | null;
}

/** Lines longer than this are a whole report flattened into one line (plain-text exports,
 * OCR dumps that turned line breaks into ". "): they are cut back into sentence-sized lines
 * so that headings start lines again and evidence quotes stay short. */
const LONG_LINE = 300;

function splitLong(text: string): string[] {
  if (text.length <= LONG_LINE) return [text];
  // after ". " / "; " and before an upper-case heading word, a list number or a bullet
  return text.split(/(?<=[.;])\s+(?=[A-Z0-9(\-•*])|(?<=\S)\s+(?=-\s[A-Z])/).filter((t) => t.trim());
}

export function linesOf(doc: DocumentText): CtxLine[] {
  const out: CtxLine[] = [];
  for (const p of doc.pages) {
    for (const l of p.lines) {
      for (const text of splitLong(l.text)) {
        out.push({ text, page: p.page, index: out.length, source: p.source, confidence: l.confidence ?? p.confidence, box: l.box, section: null });
      }
    }
  }
  return out;
}

/** Evidence for a fact read from `line` (and optionally the lines after it). */
export function evidenceOf(ctx: DocContext, line: CtxLine, quote?: string, more: CtxLine[] = []): Evidence {
  const all = [line, ...more];
  const box = unionBox(all.filter((l) => l.page === line.page).map((l) => l.box).filter((b): b is Box => !!b));
  const confs = all.map((l) => l.confidence).filter((c): c is number => typeof c === 'number');
  const ocr = all.some((l) => l.source === 'ocr');
  return {
    file: ctx.file,
    page: line.page,
    quote: (quote ?? all.map((l) => l.text).join(' ')).slice(0, 400),
    source: line.source === 'ocr' ? 'ocr' : line.source === 'text' ? 'text' : 'text-layer',
    ...(ocr && confs.length ? { confidence: Math.min(...confs) } : {}),
    ...(box ? { box } : {}),
    date: ctx.date,
  };
}

function unionBox(boxes: Box[]): Box | undefined {
  if (!boxes.length) return undefined;
  let x0 = 1, y0 = 1, x1 = 0, y1 = 0;
  for (const [x, y, w, h] of boxes) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x + w); y1 = Math.max(y1, y + h);
  }
  return [x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0)];
}

const norms = new WeakMap<CtxLine, string>();

/** The line's text made plain for matching: Unicode folded, OCR-damaged report words put back.
 * Quote `line.text` (the words as read) in evidence, never this. */
export function normOf(line: CtxLine): string {
  let n = norms.get(line);
  if (n === undefined) {
    n = fixOcrWords(normaliseText(line.text));
    norms.set(line, n);
  }
  return n;
}
