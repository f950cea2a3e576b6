// The report or visit date of a record, and the collection/procedure date of its specimen.
// Labelled dates win, best label first (vocab/date-labels.json): "Date of service",
// "Reported", "Sign-out", a signature "... signed by X on DATE", "Exam date". A label may sit
// at the end of the line before its value, or in a header row above a row of dates
// ("COLLECTED RECEIVED REPORTED" / three dates). Without a label: a date standing alone
// near the top (letters), a date in the title ("MRI brain - 5/23/2024"), then the print
// date. Birth dates and fax stamps are never taken.
import type { CtxLine } from '../context.ts';
import { findDates, type DateHit } from '../text/dates.ts';
import labels from '../vocab/date-labels.json' with { type: 'json' };

export interface DatedLine { iso: string; line: CtxLine; label: string | null }

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s.-]*');
const labelRe = (list: string[]): RegExp =>
  new RegExp(`(?<![A-Za-z])(${[...list].sort((a, b) => b.length - a.length).map(esc).join('|')})(?![A-Za-z])`, 'gi');
const REPORT = labelRe(labels.report.filter((l) => l !== 'signed'));
const COLLECTION = labelRe(labels.collection);
const IGNORE = labelRe(labels.ignore);
const GENERIC = new Set(['date', 'exam', 'seen', 'dos', 'signed']);
const SIGNATURE = /\b(?:signed|attested|verified|finali[sz]ed|read)\b[^\n]{0,90}?\bon\s*$/i;

const canon = (label: string): string => label.toLowerCase().replace(/[\s.-]+/g, ' ').trim();
function rank(list: string[], label: string): number {
  const l = canon(label);
  const i = list.findIndex((x) => canon(x) === l);
  return i < 0 ? list.length : i;
}

const OPTS = (dayFirst: boolean) => ({ dayFirst, monthYear: false });

// the same lines are searched for report and collection dates: find each line's dates once
const cache = new WeakMap<CtxLine, { dayFirst: boolean; hits: DateHit[] }>();
function datesIn(line: CtxLine, dayFirst: boolean): DateHit[] {
  const c = cache.get(line);
  if (c && c.dayFirst === dayFirst) return c.hits;
  const hits = findDates(line.text, OPTS(dayFirst));
  cache.set(line, { dayFirst, hits });
  return hits;
}

/** The label closest before the date on its line, owning it: little text between them. */
function labelBefore(text: string, hit: DateHit, re: RegExp): string | null {
  const before = text.slice(0, hit.index);
  let found: RegExpExecArray | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(before); m; m = re.exec(before)) found = m;
  if (!found) return null;
  const gap = before.slice(found.index + found[0].length);
  if (gap.length > 24 || /\d{1,2}[/.-]\d{1,2}[/.-]\d{2}/.test(gap) || /[A-Za-z]{3,}/.test(gap)) return null;
  // generic words ("Date", "Seen") count at the start of a line or before a colon
  if (GENERIC.has(canon(found[1]!)) && !(/^[^A-Za-z0-9]*$/.test(before.slice(0, found.index)) || /^\s*[:=]/.test(gap))) return null;
  // "Start date", "End date", "Date of birth": another word makes it a different date
  if (canon(found[1]!) === 'date' && /(?:start|end|stop|birth|diagnosis|surgery|admission|collection|procedure)\s*$/i.test(before.slice(0, found.index))) return null;
  return found[1]!;
}

function ignored(text: string, hit: DateHit): boolean {
  const before = text.slice(Math.max(0, hit.index - 30), hit.index);
  IGNORE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = IGNORE.exec(before); m; m = IGNORE.exec(before)) last = m;
  if (!last) return false;
  const gap = before.slice(last.index + last[0].length);
  REPORT.lastIndex = 0;
  COLLECTION.lastIndex = 0;
  return !REPORT.test(gap) && !COLLECTION.test(gap);
}

interface Candidate { iso: string; line: CtxLine; score: number; label: string }

/** Labels in a line that has no date: a header row ("COLLECTED RECEIVED REPORTED"). */
const HEADER_LABELS = labelRe([...labels.report.filter((l) => !GENERIC.has(l)), ...labels.collection, ...labels.ignore]);

function headerLabels(text: string): { label: string; isReport: boolean; isCollection: boolean }[] {
  return [...text.matchAll(HEADER_LABELS)].map((m) => {
    const c = canon(m[1]!);
    return { label: m[1]!, isReport: labels.report.some((l) => canon(l) === c), isCollection: labels.collection.some((l) => canon(l) === c) };
  });
}

function labelled(lines: CtxLine[], which: 'report' | 'collection', dayFirst: boolean): Candidate[] {
  const re = which === 'report' ? REPORT : COLLECTION;
  const list = which === 'report' ? labels.report : labels.collection;
  const out: Candidate[] = [];
  lines.forEach((line, i) => {
    const hits = datesIn(line, dayFirst);
    for (const hit of hits) {
      if (ignored(line.text, hit)) continue;
      const label = labelBefore(line.text, hit, re);
      if (label) out.push({ iso: hit.iso, line, score: rank(list, label), label });
      else if (which === 'report' && SIGNATURE.test(line.text.slice(0, hit.index))) {
        out.push({ iso: hit.iso, line, score: rank(list, 'signed'), label: 'signed' });
      }
    }
    const next = lines[i + 1];
    if (!next) return;
    // a date broken over two lines ("Collected September 18," / "2021")
    const joined = `${line.text} ${next.text}`;
    const brokenDate = /(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[,/.-]?\s*$/i.test(line.text) && /^\s*\d/.test(next.text);
    for (const hit of brokenDate ? findDates(joined, OPTS(dayFirst)) : []) {
      if (hit.index >= line.text.length || hit.index + hit.length <= line.text.length + 1) continue;
      const label = labelBefore(joined, hit, re);
      if (label && !ignored(joined, hit)) out.push({ iso: hit.iso, line, score: rank(list, label) + 0.1, label });
    }
    if (hits.length) return;
    const nextHits = datesIn(next, dayFirst);
    if (!nextHits.length) return;
    const heads = headerLabels(line.text);
    // a header row above a row of as many dates: pair them in order
    if (heads.length >= 2 && heads.length === nextHits.length) {
      heads.forEach((h, k) => {
        if (which === 'report' ? h.isReport : h.isCollection) out.push({ iso: nextHits[k]!.iso, line: next, score: rank(list, h.label) + 0.25, label: h.label });
      });
      return;
    }
    // a label at the end of a line, its value first on the next line ("Exam date" / "2024-10-03")
    const tail = /([A-Za-z][A-Za-z .-]*?)\s*:?\s*$/.exec(line.text);
    if (!tail || nextHits[0]!.index > 2) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let last: RegExpExecArray | null = null;
    while ((m = re.exec(tail[1]!))) last = m;
    if (last && last.index + last[0].length >= tail[1]!.length - 1) {
      out.push({ iso: nextHits[0]!.iso, line: next, score: rank(list, last[1]!) + 0.5, label: last[1]! });
    }
  });
  return out.sort((a, b) => a.score - b.score);
}

/** Report/visit date: labelled dates first, then layout habits. */
export function reportDate(lines: CtxLine[], dayFirst: boolean): DatedLine | null {
  const best = labelled(lines, 'report', dayFirst)[0];
  if (best) return { iso: best.iso, line: best.line, label: best.label };
  // a date alone on a line near the top of the first page (letters, discharge letters)
  for (const line of lines.slice(0, 25)) {
    const hits = datesIn(line, dayFirst);
    if (hits.length === 1 && line.text.replace(hits[0]!.text, '').replace(/[^A-Za-z0-9]/g, '').length <= 2) {
      return { iso: hits[0]!.iso, line, label: null };
    }
  }
  // a date in a title line ("MRI brain - 23-May-2024", "Follow-up Visit - 11/13/22")
  for (const line of lines.slice(0, 15)) {
    const m = /\s[-–]\s*(.+)$/.exec(line.text);
    if (!m || /dob|birth|printed|from:/i.test(line.text)) continue;
    const hits = findDates(m[1]!, OPTS(dayFirst));
    if (hits.length === 1 && hits[0]!.index <= 2) return { iso: hits[0]!.iso, line, label: null };
  }
  for (const line of lines) {
    if (!/printed|print date/i.test(line.text)) continue;
    const hits = datesIn(line, dayFirst);
    if (hits.length) return { iso: hits[0]!.iso, line, label: 'printed' };
  }
  return null;
}

/** Collection or procedure date of the report's specimen, when labelled. */
export function collectionDate(lines: CtxLine[], dayFirst: boolean): DatedLine | null {
  const best = labelled(lines, 'collection', dayFirst)[0];
  return best ? { iso: best.iso, line: best.line, label: best.label } : null;
}
