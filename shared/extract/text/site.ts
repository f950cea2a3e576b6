// Which organ a cancer mention is about. A person's records can describe an earlier or
// a relative's cancer of another organ ("squamous cell carcinoma of the scalp", "Gleason 9
// adenocarcinoma", "T3 N2c M0 cancer of the head and neck"); those must not become the lung
// diagnosis or stage. The nearest site word in the mention's sentence decides; words are data
// (vocab/sites.json).
//
// API (stable):
//   siteNear(text, start, end) → 'lung' | 'other' | null  (nearest organ word in the sentence)
//   isLungDocument(text)       → the record talks about a lung cancer at all
//   documentSite(text)         → 'lung' | 'other' | null: what the record as a whole is about
//   isLungMention(text, start, end, documentSite(text)) → the mention is about a lung cancer
import sites from '../vocab/sites.json' with { type: 'json' };

const LUNG = new RegExp(`(?<![A-Za-z])(?:${sites.lung})(?![A-Za-z])`, 'gi');
const OTHER = new RegExp(`(?<![A-Za-z])(?:${sites.other})(?![A-Za-z])`, 'gi');
const LUNG_DOC = new RegExp(sites.lungDocument, 'i');
const LUNG_DOC_ALL = new RegExp(sites.lungDocument, 'gi');

/** the sentence around [start, end): up to the nearest full stop, semicolon or line break */
function sentence(text: string, start: number, end: number, reach: number): [number, number] {
  let from = Math.max(0, start - reach);
  let to = Math.min(text.length, end + reach);
  const before = text.slice(from, start);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('; '));
  if (stop >= 0) from += stop + 1;
  const after = text.slice(end, to);
  const next = after.search(/\.\s|\n|;\s/);
  if (next >= 0) to = end + next;
  return [from, to];
}

function nearest(re: RegExp, text: string, from: number, to: number, start: number, end: number): number {
  let best = Infinity;
  re.lastIndex = 0;
  const part = text.slice(from, to);
  for (const m of part.matchAll(re)) {
    const at = from + m.index!;
    // words inside the mention itself ("small cell lung cancer") count as right there
    const d = at + m[0].length <= start ? start - (at + m[0].length) : at >= end ? at - end : 0;
    best = Math.min(best, d);
  }
  return best;
}

/** The nearest organ word in the mention's sentence, or null when it names none. */
export function siteNear(text: string, start: number, end: number, reach = 160): 'lung' | 'other' | null {
  const [from, to] = sentence(text, start, end, reach);
  const lung = nearest(LUNG, text, from, to, start, end);
  const other = nearest(OTHER, text, from, to, start, end);
  if (lung === Infinity && other === Infinity) return null;
  return lung <= other ? 'lung' : 'other';
}

/** What a whole record is about: 'other' when it names another organ's cancer and never a
 * lung cancer, or names other organs far more often (a head-and-neck consult that mentions a
 * lung nodule once); 'lung' when it speaks of a lung cancer; null when it names no organ (an
 * addendum, a one-line result), which does not count against its mentions. */
export function documentSite(text: string): 'lung' | 'other' | null {
  const lung = [...text.matchAll(LUNG_DOC_ALL)].length;
  const other = [...text.matchAll(OTHER)].length;
  if (!lung) return other ? 'other' : null;
  return other >= 3 && other > 3 * lung ? 'other' : 'lung';
}

export function isLungDocument(text: string): boolean {
  return LUNG_DOC.test(text);
}

/** Whether a cancer mention is about a lung cancer: never when its sentence names another organ
 * nearer than the lung; in a record about a lung cancer, otherwise yes; in any other record,
 * only when its own sentence says lung cancer ("chest wall" alone is not enough). */
export function isLungMention(text: string, start: number, end: number, docSite: 'lung' | 'other' | null): boolean {
  const site = siteNear(text, start, end);
  if (site === 'other') return false;
  if (docSite !== 'other') return true;
  const [from, to] = sentence(text, start, end, 160);
  return LUNG_DOC.test(text.slice(from, to));
}
