// One record's diagnosis: the histology it asserts most strongly, with its evidence, and the
// date its diagnostic specimen was taken. Within a record, a mention in a stronger place wins
// (pathology final diagnosis > comment > clinical history); at equal strength the more
// specific type wins (a combined tumour over its components, "favor adenocarcinoma" over
// "non-small cell carcinoma"); then the earlier mention.
import type { Diagnosis, Histology } from '../../contract/facts.ts';
import type { DocContext } from '../context.ts';
import { evidenceOf } from '../context.ts';
import { findDates } from '../text/dates.ts';
import { histologyMentions, type HistologyMention } from './histology.ts';

export interface DocDiagnosis extends Diagnosis {
  /** how strongly this record asserts its histology (0 when it names none) */
  strength: number;
  /** the histology only gives the type ("NSCLC"): any named histology elsewhere wins */
  generic: boolean;
  /** a histology this record calls a transformation of the earlier cancer */
  transformedTo: Histology | null;
}

const TYPE_OF: Record<Histology, Diagnosis['cancerType']> = {
  'adenocarcinoma': 'NSCLC', 'squamous cell carcinoma': 'NSCLC', 'large cell carcinoma': 'NSCLC',
  'adenosquamous carcinoma': 'NSCLC', 'sarcomatoid carcinoma': 'NSCLC', 'NSCLC NOS': 'NSCLC',
  'large cell neuroendocrine carcinoma': 'NSCLC', 'small cell carcinoma': 'SCLC',
  'combined small cell carcinoma': 'SCLC', 'carcinoid': null,
};

export function cancerTypeOf(h: Histology | null): Diagnosis['cancerType'] {
  return h ? TYPE_OF[h] : null;
}

/** weight buckets: a final diagnosis, a body statement, a passing mention */
const bucket = (w: number): number => (w >= 10 ? 3 : w >= 4 ? 2 : 1);

/** Types whose names contain other types: the whole wins over the parts it lists. */
const PARTS: Partial<Record<Histology, Histology[]>> = {
  'combined small cell carcinoma': ['small cell carcinoma', 'adenocarcinoma', 'squamous cell carcinoma', 'large cell carcinoma', 'large cell neuroendocrine carcinoma', 'NSCLC NOS'],
  'adenosquamous carcinoma': ['adenocarcinoma', 'squamous cell carcinoma', 'NSCLC NOS'],
  'sarcomatoid carcinoma': ['squamous cell carcinoma', 'adenocarcinoma', 'large cell carcinoma', 'NSCLC NOS'],
  'large cell neuroendocrine carcinoma': ['large cell carcinoma', 'NSCLC NOS'],
};

/** The record's histology: among mentions in the strongest place, a named type over bare
 * "NSCLC" (unless the named type was only said in passing), a whole over its listed parts,
 * then the type said most (by weight), then the more specific, then the first. */
function pick(mentions: HistologyMention[]): HistologyMention | null {
  if (!mentions.length) return null;
  const specific = mentions.filter((m) => !m.generic);
  const generic = mentions.filter((m) => m.generic);
  const topOf = (list: HistologyMention[]) => Math.max(...list.map((m) => bucket(m.weight)));
  let pool: HistologyMention[];
  if (specific.length && (topOf(specific) >= 2 || !generic.length || topOf(specific) >= topOf(generic))) {
    const top = topOf(specific);
    pool = specific.filter((m) => bucket(m.weight) === top);
  } else {
    const top = topOf(generic);
    pool = generic.filter((m) => bucket(m.weight) === top);
  }
  const totals = new Map<Histology, number>();
  for (const m of pool) totals.set(m.histology, (totals.get(m.histology) ?? 0) + m.weight);
  for (const [whole, parts] of Object.entries(PARTS) as [Histology, Histology[]][]) {
    if (totals.has(whole)) for (const p of parts) totals.delete(p);
  }
  const rankOf = (h: Histology) => Math.max(...pool.filter((m) => m.histology === h).map((m) => m.rank));
  const best = [...totals.entries()].sort((a, b) => b[1] - a[1] || rankOf(b[0]) - rankOf(a[0]))[0]![0];
  return pool.filter((m) => m.histology === best).sort((a, b) => b.weight - a.weight || a.line.index - b.line.index)[0]!;
}

const DIAGNOSED = /\b(?:date\s+of\s+diagnosis|diagnosed(?:\s+on)?|diagnosis\s+date|biopsy\s+(?:on|dated))\s*:?\s*/i;

export function findDiagnosis(ctx: DocContext): DocDiagnosis {
  const mentions = histologyMentions(ctx).filter((m) => !m.rejected);
  const main = mentions.filter((m) => !m.transformed);
  const best = pick(main);
  const transformed = mentions.filter((m) => m.transformed && !m.generic).sort((a, b) => b.rank - a.rank)[0];
  const ocr = best?.lines.some((l) => l.source === 'ocr') ?? false;
  return {
    cancerType: cancerTypeOf(best?.histology ?? null),
    histology: best?.histology ?? null,
    diagnosisDate: diagnosisDateOf(ctx),
    strength: best?.weight ?? 0,
    generic: best?.generic ?? false,
    transformedTo: transformed && transformed.histology !== best?.histology ? transformed.histology : null,
    ...(best ? { evidence: [evidenceOf(ctx, best.line, best.quote, best.lines.slice(1))] } : {}),
    ...(ocr ? { needsCheck: true } : {}),
  };
}

/** The specimen's collection/procedure date in a pathology record; elsewhere a stated
 * diagnosis date ("Date of diagnosis 3/29/22", "diagnosed 04/11/2023", "Biopsy on ..."). */
function diagnosisDateOf(ctx: DocContext): string | null {
  if (ctx.kind === 'pathology' && ctx.collected) return ctx.collected;
  for (const line of ctx.lines) {
    const m = DIAGNOSED.exec(line.text);
    if (!m) continue;
    const hit = findDates(line.text.slice(m.index + m[0].length), { dayFirst: ctx.dayFirst, monthYear: true })[0];
    if (hit && hit.index <= 2) return hit.iso;
  }
  return null;
}
