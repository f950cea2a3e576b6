// Drug names as records write them → generic name and facts/1 category, from the one drug
// table (resources/vocab/drugs.json): generics, brands, abbreviations, regimen codes and
// supportive medicines. Short abbreviations ("pem", "osi") and regimen codes ("EP", "C/E/A")
// are also ordinary words or other things ("PE" is a pulmonary embolism), so they only count
// next to another drug or a dose; the caller checks that with `needsContext`.
import drugTable from '../../../resources/vocab/drugs.json' with { type: 'json' };
import type { TreatmentCategory } from '../../contract/facts.ts';

export interface DrugEntry {
  generics: string[];
  category: TreatmentCategory | 'supportive';
  /** a short or ambiguous form: counts only beside another drug, a dose or a treatment verb */
  needsContext: boolean;
}

export interface DrugMention extends DrugEntry {
  start: number;
  end: number;
  written: string;
}

const ENTRIES = new Map<string, DrugEntry>();
const CASED = new Set<string>();
const categoryOf = new Map<string, TreatmentCategory>();

function add(name: string, entry: DrugEntry, cased = false): void {
  const key = cased ? name : name.toLowerCase();
  if (!ENTRIES.has(key)) ENTRIES.set(key, entry);
  if (cased) CASED.add(name);
}

// Abbreviations that are everyday words or other clinical terms when they stand alone.
const AMBIGUOUS = new Set(['osi', 'ami', 'bev', 'ram', 'cis', 'pem', 'pac', 'gem', 'ipi', 'tmz', 'taxol', 'vino', 'doce', 'nivo', 'treme']);

for (const d of drugTable.drugs) {
  const category = d.category as TreatmentCategory;
  categoryOf.set(d.generic, category);
  const entry: DrugEntry = { generics: [d.generic], category, needsContext: false };
  add(d.generic, entry);
  for (const b of d.brands) add(b, entry);
  for (const a of d.abbreviations) add(a, { ...entry, needsContext: a.length <= 3 || AMBIGUOUS.has(a.toLowerCase()) });
}
for (const s of drugTable.supportive) add(s, { generics: [s], category: 'supportive', needsContext: false });
for (const r of drugTable.regimens) {
  const cats = r.drugs.map((g) => categoryOf.get(g));
  const entry: DrugEntry = { generics: r.drugs, category: cats[0] ?? 'chemotherapy', needsContext: true };
  for (const n of r.names) {
    // codes of capitals ("EP", "CAV", "C/E/A") are matched as written; spelled-out pairs in any case
    if (/^[A-Z/]+$/.test(n)) add(n, entry, true);
    else add(n, { ...entry, needsContext: false });
  }
}

export function categoryOfDrug(generic: string): TreatmentCategory | null {
  return categoryOf.get(generic) ?? null;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]?');
const insensitive = [...ENTRIES.keys()].filter((k) => !CASED.has(k)).sort((a, b) => b.length - a.length).map(esc);
const sensitive = [...CASED].sort((a, b) => b.length - a.length).map(esc);
// a biologic's four-letter suffix ("amivantamab-vmjw") and the "fam-" prefix belong to the name
const INSENSITIVE_RE = new RegExp(`(?<![A-Za-z0-9])(?:fam-)?(${insensitive.join('|')})(?:-[a-z]{4})?(?![A-Za-z0-9])`, 'gi');
const SENSITIVE_RE = new RegExp(`(?<![A-Za-z0-9/])(${sensitive.join('|')})(?![A-Za-z0-9])`, 'g');

function lookup(written: string, cased: boolean): DrugEntry | undefined {
  if (cased) return ENTRIES.get(written);
  const k = written.toLowerCase();
  return ENTRIES.get(k) ?? ENTRIES.get(k.replace(/[\s-]+/g, ' ')) ?? ENTRIES.get(k.replace(/[\s-]+/g, '-')) ?? ENTRIES.get(k.replace(/[\s-]+/g, ''));
}

// Most clauses name no drug: a word-start check against the names' first letters skips the
// long alternations for them (the regexes try every position of a clause).
const PREFIXES = new Set([...ENTRIES.keys()].map((k) => k.replace(/^fam-/i, '').slice(0, 3).toLowerCase()));
export function mayNameDrug(text: string): boolean {
  for (const m of text.matchAll(/[A-Za-z0-9]{2,}/g)) {
    const w = m[0].toLowerCase();
    if (PREFIXES.has(w.slice(0, 3)) || (w.length === 2 && PREFIXES.has(w))) return true;
  }
  return false;
}

/** Every drug or regimen name in `text`, left to right, longest first where they overlap. */
export function findDrugNames(text: string): DrugMention[] {
  const out: DrugMention[] = [];
  if (!mayNameDrug(text)) return out;
  for (const [re, cased] of [[INSENSITIVE_RE, false], [SENSITIVE_RE, true]] as const) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const entry = lookup(m[1]!, cased);
      if (!entry) continue;
      const start = m.index!;
      const end = start + m[0].length;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      out.push({ ...entry, start, end, written: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a short or coded name at [start, end) stands in a treatment context:
 * joined to another drug by "/", "+" or "and", or beside a dose, cycle or treatment verb. */
export function inDrugContext(text: string, m: DrugMention, all: DrugMention[]): boolean {
  const near = all.some((o) => o !== m && !o.needsContext && (
    /^\s*(?:[/+,&]|and|with|plus|then|->|→)\s*$/i.test(text.slice(m.end, o.start)) ||
    /^\s*(?:[/+,&]|and|with|plus)\s*$/i.test(text.slice(o.end, m.start))));
  const chain = all.some((o) => o !== m && (/^\s*[/+]\s*$/.test(text.slice(m.end, o.start)) || /^\s*[/+]\s*$/.test(text.slice(o.end, m.start))));
  const after = text.slice(m.end, m.end + 24);
  const before = text.slice(Math.max(0, m.start - 16), m.start);
  const dose = /^\s*(?:\(|,)?\s*(?:\d+(?:\.\d+)?\s?(?:mg|mcg|g\b|AUC)|AUC|x\s?\d|×\s?\d|q\d\s?w|C\d+\s?D\d+|cycles?\b|regimen\b|maintenance\b|chemo)/i.test(after);
  const verb = /\b(?:on|started|start|starting|continue[sd]?|resumed?|held|hold|restart(?:ed)?|dose[- ]reduced|cycle\s?\d+\s?(?:of)?)\s*$/i.test(before)
    || /^\s*(?:held|resumed|restarted|dose[- ]reduced|continued|started|stopped|discontinued)\b/i.test(after);
  // a regimen code needs a drug beside it or a cycle count, never just a verb ("PE on CT")
  if (m.generics.length > 1 && /^[A-Z/]+$/.test(m.written)) return near || chain || dose;
  return near || chain || dose || verb;
}
