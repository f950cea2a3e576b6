// Surgery and radiation as records name them (vocab/procedures.json) → facts/1 names.
// Abbreviations that are also other things need their context: "PCI" is a coronary stent
// unless Gy, fractions or the brain are near; "RT" needs a dose, a target or a qualifier;
// "radiation oncology" is a department and "radiation pneumonitis" a side effect.
import vocab from '../vocab/procedures.json' with { type: 'json' };
import type { TreatmentCategory } from '../../contract/facts.ts';

export type ProcKind = 'surgery' | 'sbrt' | 'chemoradiation' | 'radiation-typed' | 'radiation';

export interface ProcMention {
  name: string;
  category: TreatmentCategory;
  kind: ProcKind;
  start: number;
  end: number;
  written: string;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]?');

function matcher(phrases: string[], abbreviations: string[]): [RegExp, RegExp | null] {
  const p = [...phrases].sort((a, b) => b.length - a.length).map(esc);
  const a = [...abbreviations].sort((x, y) => y.length - x.length).map(esc);
  return [
    new RegExp(`(?<![A-Za-z0-9])(?:${p.join('|')})(?![A-Za-z0-9])`, 'gi'),
    a.length ? new RegExp(`(?<![A-Za-z0-9])(?:${a.join('|')})(?![A-Za-z0-9])`, 'g') : null,
  ];
}

const GROUPS: { name: string; category: TreatmentCategory; kind: ProcKind; res: [RegExp, RegExp | null] }[] = [
  ...Object.entries(vocab.surgery).map(([name, v]) => ({ name, category: 'surgery' as const, kind: 'surgery' as const, res: matcher(v.phrases, v.abbreviations) })),
  { name: 'chemoradiation', category: 'radiation', kind: 'chemoradiation', res: matcher(vocab.chemoradiation.phrases, vocab.chemoradiation.abbreviations) },
  { name: 'stereotactic body radiation therapy', category: 'radiation', kind: 'sbrt', res: matcher(vocab.sbrt.phrases, vocab.sbrt.abbreviations) },
  { name: 'radiation therapy', category: 'radiation', kind: 'radiation-typed', res: matcher(vocab.radiationTyped.phrases, vocab.radiationTyped.abbreviations) },
  { name: 'radiation therapy', category: 'radiation', kind: 'radiation', res: matcher(vocab.radiationGeneric.phrases, vocab.radiationGeneric.abbreviations) },
];

const NOT_TREATMENT_AFTER = /^[\s-]*(?:oncolog\w*|screening|survey|detectors?|counters?|badges?|pneumonitis|esophagitis|oesophagitis|dermatitis|fibrosis|recall|necrosis|exposure|safety|therapists?|physic\w*|department|dept\b|induced|related|changes?\b|injury|toxicit\w*|fields?\s+(?:reviewed|shown)|consult\w*|nurs\w*|team|clinic)/i;
const GY = /\b\d+(?:\.\d+)?\s?(?:Gy|cGy)\b/;
const CARDIAC = /\bcoronary|\bstent|\bcardiac|\bcath\w*|\bangio\w*|\bCAD\b|\bmyocardial|\bMI\b|\bNSTEMI|\bSTEMI/i;

function accept(kind: ProcKind, written: string, text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60);
  const around = text.slice(Math.max(0, start - 60), end + 60);
  if ((kind === 'radiation' || kind === 'radiation-typed') && NOT_TREATMENT_AFTER.test(after) && !/^\s*therapy/i.test(after)) return false;
  // a lobectomy of the brain, thyroid or liver is not lung surgery
  if (kind === 'surgery' && /\b(?:temporal|frontal|occipital|parietal|thyroid|hepatic|liver|thymic)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, start - 24), start))) return false;
  if (written === 'PCI') return /\bGy\b|fraction|\bfx\b|cranial|brain|irradiation/i.test(around) && !CARDIAC.test(around);
  if (written === 'SRS') return /brain|metasta|\bGy\b|gamma|lesion|cranial|radiosurg/i.test(around);
  if (written === 'PORT') return GY.test(around);
  if (written === 'RT') {
    const before = text.slice(Math.max(0, start - 16), start);
    return /(?:concurrent|palliative|definitive|thoracic|adjuvant|consolidative|post-?op\w*|chemo|with|\+|and)\s*[-/]?\s*$/i.test(before) || /^\s*(?:to\b|\(?\s*\d+(?:\.\d+)?\s?Gy)/i.test(after) || GY.test(around);
  }
  return true;
}

// a cheap word-start check first: most clauses name no procedure
const PREFIXES = new Set([
  ...Object.values(vocab.surgery).flatMap((v) => [...v.phrases, ...v.abbreviations]),
  ...[vocab.sbrt, vocab.chemoradiation, vocab.radiationTyped, vocab.radiationGeneric].flatMap((v) => [...v.phrases, ...v.abbreviations]),
].map((p) => p.slice(0, 3).toLowerCase()));
function mayNameProcedure(text: string): boolean {
  for (const m of text.matchAll(/[A-Za-z0-9]{2,}/g)) {
    const w = m[0].toLowerCase();
    if (PREFIXES.has(w.slice(0, 3)) || (w.length === 2 && PREFIXES.has(w)) || /gy$/.test(w)) return true;
  }
  return /\bGy\b/.test(text);
}

/** Surgery and radiation mentions in `text`, left to right; the more specific name wins where they overlap. */
export function findProcedures(text: string): ProcMention[] {
  const out: ProcMention[] = [];
  if (!mayNameProcedure(text)) return out;
  for (const g of GROUPS) {
    for (const re of g.res) {
      if (!re) continue;
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        const start = m.index!, end = start + m[0].length;
        if (out.some((o) => start < o.end && end > o.start)) continue;
        if (!accept(g.kind, m[0], text, start, end)) continue;
        // CyberKnife to the lung is SBRT; to the brain, radiosurgery
        if (/cyber/i.test(m[0]) && !/\b(?:brain|cranial|intracranial|cerebral|spine|spinal)\b/i.test(text)) {
          out.push({ name: 'stereotactic body radiation therapy', category: 'radiation', kind: 'sbrt', start, end, written: m[0] });
          continue;
        }
        out.push({ name: g.name, category: g.category, kind: g.kind, start, end, written: m[0] });
      }
    }
  }
  // a dose in Gy is radiation even when no other word says so ("45 Gy in 30 fractions")
  const gy = GY.exec(text);
  if (gy && !out.some((o) => o.kind !== 'surgery')) out.push({ name: 'radiation therapy', category: 'radiation', kind: 'radiation', start: gy.index, end: gy.index + gy[0].length, written: gy[0] });
  return out.sort((a, b) => a.start - b.start);
}

/** Whether an evidence quote names a distinct radiation course (PCI, whole brain, radiosurgery, palliative). */
export function isTypedRadiation(quote: string): boolean {
  return findProcedures(quote).some((p) => p.kind === 'radiation-typed') || /\b(?:brain|cranial|bone|spine|spinal|vertebra\w*|hip|femur|rib|pelvi\w*|liver|adrenal)\b/i.test(quote) || /\b(?:T(?:[5-9]|1[0-2])|L[1-5])\b/.test(quote);
}
