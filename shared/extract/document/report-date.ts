// The report or visit date of a record, and the collection/procedure date of its specimen.
// Labelled dates win ("Date of service", "Reported", "Signed out ... on"), in the order of
// vocab/date-labels.json; a label may sit on the line before its value (column layouts).
// Without a label: a date standing alone near the top (letters), a date in the title line,
// the signature date, then the print date. Birth dates and fax stamps are never taken.
import type { CtxLine } from '../context.ts';
import { findDates, type DateHit } from '../text/dates.ts';
import labels from '../vocab/date-labels.json' with { type: 'json' };

export interface DatedLine { iso: string; line: CtxLine; label: string | null }

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s.-]*');
const labelRe = (list: string[]): RegExp =>
  new RegExp(`(?<![A-Za-z])(${list.sort((a, b) => b.length - a.length).map(esc).join('|')})(?![A-Za-z])`, 'gi');
const REPORT = labelRe([...labels.report]);
const COLLECTION = labelRe([...labels.collection]);
const IGNORE = labelRe([...labels.ignore]);
const rank = (list: string[], label: string): number => {
  const l = label.toLowerCase().replace(/[\s.-]+/g, ' ').trim();
  const i = list.indexOf(l);
  return i < 0 ? list.length : i;
};

/** The label (of `re`) closest before the date on its line, with nothing but punctuation,
 * spaces or other label text between them. */
function labelBefore(text: string, hit: DateHit, re: RegExp): string | null {
  const before = text.slice(0, hit.index);
  let found: RegExpExecArray | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(before); m; m = re.exec(before)) found = m;
  if (!found) return null;
  const gap = before.slice(found.index + found[0].length);
  // the label must own the date: little text between, and no other date in the gap
  if (gap.length > 24 || /\d{1,2}[/.-]\d{1,2}[/.-]\d{2}/.test(gap)) return null;
  return found[1]!;
}

function ignored(text: string, hit: DateHit): boolean {
  const before = text.slice(Math.max(0, hit.index - 30), hit.index);
  IGNORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  while ((m = IGNORE.exec(before))) last = m;
  if (!last) return false;
  // a report label after the ignored word takes the date back ("DOB ... Reported 1/2/24")
  const gap = before.slice(last.index + last[0].length);
  REPORT.lastIndex = 0;
  COLLECTION.lastIndex = 0;
  return !REPORT.test(gap) && !COLLECTION.test(gap);
}

interface Candidate { iso: string; line: CtxLine; score: number; label: string | null }

function labelled(lines: CtxLine[], re: RegExp, list: string[], dayFirst: boolean): Candidate[] {
  const out: Candidate[] = [];
  lines.forEach((line, i) => {
    const hits = findDates(line.text, { dayFirst, monthYear: false });
    for (const hit of hits) {
      if (ignored(line.text, hit)) continue;
      const label = labelBefore(line.text, hit, re);
      if (label) out.push({ iso: hit.iso, line, score: rank(list, label), label });
    }
    // a label alone at the end of a line, its value first on the next line ("COLLECTED" / "1/31/23")
    const next = lines[i + 1];
    re.lastIndex = 0;
    const tail = /([A-Za-z][A-Za-z .-]*?)\s*:?\s*$/.exec(line.text);
    if (next && tail && !hits.length) {
      re.lastIndex = 0;
      const m = re.exec(tail[1]!);
      const nextHits = findDates(next.text, { dayFirst, monthYear: false });
      if (m && m.index + m[0].length >= tail[1]!.length - 1 && nextHits.length && nextHits[0]!.index <= 2) {
        out.push({ iso: nextHits[0]!.iso, line: next, score: rank(list, m[1]!) + 0.5, label: m[1]! });
      }
    }
  });
  return out.sort((a, b) => a.score - b.score);
}

/** Report/visit date: labelled dates first, then layout habits. */
export function reportDate(lines: CtxLine[], dayFirst: boolean): DatedLine | null {
  const best = labelled(lines, REPORT, labels.report, dayFirst)[0];
  if (best) return { iso: best.iso, line: best.line, label: best.label };
  // a date alone on a line in the first lines of a page (letters, discharge letters)
  for (const line of lines.slice(0, 25)) {
    const hits = findDates(line.text, { dayFirst, monthYear: false });
    if (hits.length === 1 && line.text.replace(hits[0]!.text, '').replace(/[^A-Za-z0-9]/g, '').length <= 2) {
      return { iso: hits[0]!.iso, line, label: null };
    }
  }
  // a date in a title line ("MRI brain - 23-May-2024", "Follow-up Visit - 11/13/22")
  for (const line of lines.slice(0, 15)) {
    const m = /\s[-–]\s*(.+)$/.exec(line.text);
    if (!m || /dob|birth|printed|from:/i.test(line.text)) continue;
    const hits = findDates(m[1]!, { dayFirst, monthYear: false });
    if (hits.length === 1 && hits[0]!.index <= 2) return { iso: hits[0]!.iso, line, label: null };
  }
  // the signature ("Electronically signed by ... on 4/14/2023")
  for (const line of [...lines].reverse()) {
    if (!/signed|signature|attested|dictated/i.test(line.text)) continue;
    const hits = findDates(line.text, { dayFirst, monthYear: false });
    if (hits.length) return { iso: hits[hits.length - 1]!.iso, line, label: 'signed' };
  }
  for (const line of lines) {
    if (!/printed|print date/i.test(line.text)) continue;
    const hits = findDates(line.text, { dayFirst, monthYear: false });
    if (hits.length) return { iso: hits[0]!.iso, line, label: 'printed' };
  }
  return null;
}

/** Collection or procedure date of the report's specimen, when labelled. */
export function collectionDate(lines: CtxLine[], dayFirst: boolean): DatedLine | null {
  const best = labelled(lines, COLLECTION, labels.collection, dayFirst)[0];
  return best ? { iso: best.iso, line: best.line, label: best.label } : null;
}
