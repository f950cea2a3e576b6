// Dates as records write them → YYYY-MM-DD (day known) or YYYY-MM (month known).
//
// API (stable; other extractors import these):
//   parseDate(s, opts?)      → ISO string, or null when `s` (trimmed) is not one date
//   findDates(text, opts?)   → every date in `text`, in order, with where it sits
//   guessDayFirst(texts)     → true when the numeric dates of a document are day-first
//                               (a first part above 12, a "DD.MM.YYYY" habit, or a stated
//                               "DD/MM/YYYY" format)
//   DateOptions.dayFirst     → force DD/MM (European) for ambiguous numeric dates; default US MM/DD,
//                               except dotted "02.03.2025", which is read day-first unless told otherwise
//   DateOptions.monthYear    → also accept "3/2025" and "March 2025" (default true) ...
//   DateOptions.yearOnly     → ... and a bare "2019" (default false: too many numbers look like years)
//
// Tolerates OCR damage (O/o for 0, l/I for 1, spaces around separators) and two-digit years
// (00–49 → 20xx, 50–99 → 19xx).
import { fixOcrDigits } from './normalise.ts';

export interface DateOptions {
  dayFirst?: boolean;
  monthYear?: boolean;
  yearOnly?: boolean;
}

export interface DateHit {
  iso: string;
  precision: 'day' | 'month' | 'year';
  /** offset and length in the text given */
  index: number;
  length: number;
  text: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
// "0ct"/"N0v" as OCR reads them are allowed; monthOf() folds the zero back to an o
const MON = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|[o0]ct(?:ober)?|n[o0]v(?:ember)?|dec(?:ember)?)';
const monthOf = (s: string): number => MONTHS[s.toLowerCase().replace(/0/g, 'o')]!;
const SEP = '\\s?([/.-])\\s?';
const Y = '((?:19|20)\\d{2}|\\d{2})';

// Order matters: the first pattern to match at a position wins.
const PATTERNS: { re: RegExp; build: (m: RegExpExecArray, o: DateOptions) => [number, number, number | null] | null }[] = [
  // 2025-03-02, 2025/03/02, 2025-03-02T10:42
  { re: new RegExp(`((?:19|20)\\d{2})\\s?[-/.]\\s?(\\d{1,2})\\s?[-/.]\\s?(\\d{1,2})(?!\\d)`, 'y'), build: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  // 20250302
  { re: /((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/y, build: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  // 03/02/2025, 3-2-25, 02.03.2025
  { re: new RegExp(`(\\d{1,2})${SEP}(\\d{1,2})\\s?\\2\\s?${Y}(?!\\d)`, 'y'), build: (m, o) => numeric(+m[1]!, +m[3]!, m[4]!, m[2] === '.' ? o.dayFirst ?? true : o.dayFirst ?? false) },
  // March 2, 2025 / Mar. 2 2025 / Mar 2nd, 2025
  { re: new RegExp(`${MON}\\.?[\\s-]?(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s?|\\s|-)${Y}(?!\\d)`, 'yi'), build: (m) => [year(m[3]!), monthOf(m[1]!), +m[2]!] },
  // 2 March 2025 / 02-MAR-2025 / 02MAR2025 / 2-Mar-25
  { re: new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?[\\s-]?${MON}\\.?[\\s,-]?\\s?${Y}(?!\\d)`, 'yi'), build: (m) => [year(m[3]!), monthOf(m[2]!), +m[1]!] },
  // March 2025 / Mar-2025 (month precision)
  { re: new RegExp(`${MON}\\.?[\\s,-]{0,2}'?((?:19|20)\\d{2})(?!\\d)`, 'yi'), build: (m, o) => (o.monthYear === false ? null : [+m[2]!, monthOf(m[1]!), null]) },
  // 2024-05 (ISO month precision; only a dash, only a two-digit month, as ISO writes it)
  { re: /((?:19|20)\d{2})-(0[1-9]|1[0-2])(?![\d/.-])/y, build: (m, o) => (o.monthYear === false ? null : [+m[1]!, +m[2]!, null]) },
  // 3/2025, 03-2025 (month precision)
  { re: /(\d{1,2})\s?[/-]\s?((?:19|20)\d{2})(?!\d)/y, build: (m, o) => (o.monthYear === false ? null : [+m[2]!, +m[1]!, null]) },
];

function year(y: string): number {
  const n = +y;
  if (y.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function numeric(a: number, b: number, y: string, dayFirst: boolean): [number, number, number] {
  // A part above 12 settles the order whatever the habit says.
  if (a > 12 && b <= 12) return [year(y), b, a];
  if (b > 12 && a <= 12) return [year(y), a, b];
  return dayFirst ? [year(y), b, a] : [year(y), a, b];
}

function valid(y: number, m: number, d: number | null): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12) return false;
  if (d === null) return true;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d >= 1 && d <= days;
}

const START = /[0-9ADFJMNOSadfjmnos]/;
const pad = (n: number): string => String(n).padStart(2, '0');

/** Dates in `text`, left to right; a date is only taken where no letter or digit touches it. */
export function findDates(text: string, opts: DateOptions = {}): DateHit[] {
  // every date has a digit (or a letter OCR mistakes for one)
  if (!/[0-9]/.test(text)) return [];
  const t = fixOcrDigits(text);
  const out: DateHit[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    // a date starts with a digit or a month name, at the start of a word
    if (!START.test(c) || (i > 0 && /[0-9A-Za-z]/.test(t[i - 1]!))) continue;
    for (const p of PATTERNS) {
      p.re.lastIndex = i;
      const m = p.re.exec(t);
      if (!m) continue;
      const end = i + m[0].length;
      if (end < t.length && /[A-Za-z0-9]/.test(t[end]!) && !/^T/.test(t.slice(end))) continue;
      const parts = p.build(m, opts);
      if (!parts || !valid(parts[0], parts[1], parts[2])) continue;
      const [y, mo, d] = parts;
      out.push({ iso: d === null ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`, precision: d === null ? 'month' : 'day', index: i, length: m[0].length, text: text.slice(i, end) });
      i = end - 1;
      break;
    }
  }
  if (opts.yearOnly) {
    for (const m of t.matchAll(/(?<![\d/.-])((?:19|20)\d{2})(?![\d/.-])/g)) {
      const at = m.index!;
      if (out.some((h) => at >= h.index && at < h.index + h.length)) continue;
      out.push({ iso: m[1]!, precision: 'year', index: at, length: 4, text: text.slice(at, at + 4) });
    }
    out.sort((a, b) => a.index - b.index);
  }
  return out;
}

/** One date that is the whole of `s` (after trimming punctuation), or null. */
export function parseDate(s: string, opts: DateOptions = {}): string | null {
  const t = s.trim().replace(/^[\s:,;(]+|[\s,;.)]+$/g, '');
  if (!t) return null;
  const hits = findDates(t, { ...opts, yearOnly: opts.yearOnly ?? false });
  if (hits.length !== 1) return null;
  const h = hits[0]!;
  // allow a time of day after the date ("2025-03-02T10:42", "03/02/2025 10:42 EST")
  const rest = t.slice(h.index + h.length).trim();
  if (h.index > 0 || (rest && !/^(T|at\s)?\d{1,2}:\d{2}/i.test(rest))) return null;
  return h.iso;
}

/** Whether a document writes numeric dates day-first: any "13/04/2025"-style date, or dotted dates. */
export function guessDayFirst(texts: string[]): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const s of texts) {
    // the record names its format ("Date format: DD/MM/YYYY")
    if (/\bDD[/.-]MM[/.-](?:YY|JJ|AA)/.test(s)) dayFirst += 10;
    if (/\bMM[/.-]DD[/.-]YY/.test(s)) monthFirst += 10;
    if (!/\d[/.-]/.test(s)) continue;
    for (const m of fixOcrDigits(s).matchAll(/(?<![\d/.])(\d{1,2})([/.-])(\d{1,2})\2(?:19|20)?\d{2}(?![\d/.])/g)) {
      const a = +m[1]!, b = +m[3]!;
      if (a > 12 && b <= 12) dayFirst++;
      else if (b > 12 && a <= 12) monthFirst++;
      else if (m[2] === '.') dayFirst += 0.5;
    }
  }
  return dayFirst > monthFirst;
}
