// Dates in treatment and biomarker text → YYYY-MM-DD or YYYY-MM, with where they sit: the
// shared date reader (text/dates.ts), plus month-and-year forms it reads as a day
// ("Dec 2022" is December 2022, not 20 December 2022), and helpers to compare dates of
// different precision.
import { findDates as findSharedDates } from '../text/dates.ts';

export interface DateHit {
  iso: string;
  precision: 'day' | 'month';
  index: number;
  end: number;
}

const MONTH_YEAR = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s?((?:19|20)\d{2})$/i;
const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

export function findDates(text: string, dayFirst = false): DateHit[] {
  // OCR writes the month OCT with a zero ("01 0CT 2023"); same length, so offsets hold
  const out: DateHit[] = findSharedDates(text.replace(/\b0CT\b/g, 'OCT'), { dayFirst }).filter((h) => h.precision !== 'year').map((h) => {
    const my = MONTH_YEAR.exec(h.text.trim());
    const iso = my ? `${my[2]}-${MONTHS[my[1]!.slice(0, 3).toLowerCase()]}` : h.iso;
    return { iso, precision: my ? 'month' as const : h.precision as 'day' | 'month', index: h.index, end: h.index + h.length };
  });
  // ISO year and month ("2024-05 to 2024-08")
  for (const m of text.matchAll(/(?<![\d/.-])((?:19|20)\d{2})-(0[1-9]|1[0-2])(?![\d/.-]|-\d)/g)) {
    const index = m.index!;
    if (!out.some((h) => index < h.end && index + m[0].length > h.index)) out.push({ iso: `${m[1]}-${m[2]}`, precision: 'month', index, end: index + m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Earlier of two dates of possibly different precision; "2025-03" and "2025-03-02" keep the day. */
export function earlier(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  if (a.startsWith(b) || b.startsWith(a)) return a.length >= b.length ? a : b;
  return a < b ? a : b;
}

export function later(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  if (a.startsWith(b) || b.startsWith(a)) return a.length >= b.length ? a : b;
  return a > b ? a : b;
}
