// Dates in treatment text → YYYY-MM-DD or YYYY-MM, with where they sit. A local helper
// until the shared date utilities land; it reads the forms records use for treatment
// (03/02/2025, 3/2/25, 2025-03-02, Mar 2, 2025, 2 Mar 2025, 02-MAR-2025, 02MAR2025, 3/2025,
// 2025-03, March 2025) and tolerates OCR's O for 0 inside numbers. US month-first.

export interface DateHit {
  iso: string;
  precision: 'day' | 'month';
  index: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MON = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const Y = '((?:19|20)\\d{2}|\\d{2})';

const PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => [number, number, number | null] }[] = [
  { re: /((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)/y, build: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: new RegExp(`(\\d{1,2})/(\\d{1,2})/${Y}(?![\\d/])`, 'y'), build: (m) => [year(m[3]!), +m[1]!, +m[2]!] },
  { re: new RegExp(`(\\d{1,2})-(\\d{1,2})-${Y}(?![\\d-])`, 'y'), build: (m) => [year(m[3]!), +m[1]!, +m[2]!] },
  { re: new RegExp(`${MON}\\.?\\s?(\\d{1,2})(?:st|nd|rd|th)?,?\\s?${Y}(?!\\d)`, 'yi'), build: (m) => [year(m[3]!), month(m[1]!), +m[2]!] },
  { re: new RegExp(`(\\d{1,2})[\\s-]?${MON}\\.?[\\s,-]?\\s?${Y}(?!\\d)`, 'yi'), build: (m) => [year(m[3]!), month(m[2]!), +m[1]!] },
  { re: new RegExp(`${MON}\\.?[\\s,-]{0,2}((?:19|20)\\d{2})(?!\\d)`, 'yi'), build: (m) => [+m[2]!, month(m[1]!), null] },
  { re: /(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/y, build: (m) => [+m[2]!, +m[1]!, null] },
  { re: /((?:19|20)\d{2})-(\d{1,2})(?![\d-])/y, build: (m) => [+m[1]!, +m[2]!, null] },
];

function year(y: string): number {
  return y.length === 4 ? +y : +y < 50 ? 2000 + +y : 1900 + +y;
}
function month(s: string): number {
  return MONTHS[s.slice(0, 3).toLowerCase()]!;
}
function valid(y: number, m: number, d: number | null): boolean {
  return y >= 1950 && y <= 2100 && m >= 1 && m <= 12 && (d === null || (d >= 1 && d <= 31));
}
const pad = (n: number): string => String(n).padStart(2, '0');

/** O read for 0 inside a number ("2O24", "1O/12/24") and a month written with a zero ("0CT"). */
function repair(s: string): string {
  return s.replace(/(?<=\d)[Oo](?=[\d/-])|(?<=[\d/-])[Oo](?=\d)/g, '0').replace(/\b0CT\b/g, 'OCT');
}

export function findDates(text: string): DateHit[] {
  const t = repair(text);
  const out: DateHit[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!/[0-9A-Za-z]/.test(t[i]!) || (i > 0 && /[0-9A-Za-z]/.test(t[i - 1]!))) continue;
    for (const p of PATTERNS) {
      p.re.lastIndex = i;
      const m = p.re.exec(t);
      if (!m) continue;
      const end = i + m[0].length;
      if (end < t.length && /[A-Za-z0-9]/.test(t[end]!)) continue;
      const [y, mo, d] = p.build(m);
      if (!valid(y, mo, d)) continue;
      out.push({ iso: d === null ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`, precision: d === null ? 'month' : 'day', index: i, end });
      i = end - 1;
      break;
    }
  }
  return out;
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
