// Sentences run across line breaks in reports; key–value rows and headings do not. `flowText`
// joins a document's lines into one string, with a space where a line merely wraps (the next
// line carries on in lower case, or the line stops mid-phrase) and a newline where a new row,
// heading or sentence starts, and maps every offset back to its line. Rules match phrases
// split over two lines this way, and clause-scoped cues still stop at real breaks.
//
// API (stable): flowText(lines, textOf?) → { text, lineAt(offset), linesIn(start, end) }
//   textOf picks each line's text (default: as read; pass normOf to match on plain text).
import type { CtxLine } from '../context.ts';
import { headingOf } from './sections.ts';

export interface FlowText {
  text: string;
  /** the line holding the character at `offset` */
  lineAt(offset: number): CtxLine;
  /** every line that overlaps text.slice(start, end) */
  linesIn(start: number, end: number): CtxLine[];
}

function wraps(line: CtxLine, next: CtxLine, textOf: (l: CtxLine) => string): boolean {
  if (next.page !== line.page) return false;
  const a = textOf(line).trimEnd();
  const b = textOf(next).trimStart();
  if (!a || !b || /[.:;!?]$/.test(a)) return false;
  if (headingOf(b)) return false;
  // the next line carries on: lower case, or the line ends on a joining word or comma
  return /^[a-z(]/.test(b) || /(?:,|-|\b(?:of|with|and|or|the|a|an|for|to|in|by|from|at|on|as|than|per|including|favor|consistent|type))$/i.test(a);
}

export function flowText(lines: CtxLine[], textOf: (l: CtxLine) => string = (l) => l.text): FlowText {
  const starts: number[] = [];
  let text = '';
  lines.forEach((line, i) => {
    if (i > 0) text += wraps(lines[i - 1]!, line, textOf) ? ' ' : '\n';
    starts.push(text.length);
    text += textOf(line);
  });
  const find = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    text,
    lineAt: (offset) => lines[find(offset)]!,
    linesIn: (start, end) => lines.slice(find(start), find(Math.max(start, end - 1)) + 1),
  };
}
