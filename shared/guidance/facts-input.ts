// Lenient reading of facts/1 from outside (a --facts file, an older export): members the
// engine does not know are kept, missing members get empty defaults, and malformed entries
// are dropped rather than failing the whole run. Only a non-object is an error.
import { FactsSchema, type Facts } from '../contract/facts.ts';

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function readFacts(raw: unknown): Facts {
  const top = obj(raw);
  if (!top) throw new Error('the facts are not a JSON object');
  if (top.format !== undefined && top.format !== 'facts/1') throw new Error(`the facts have format "${String(top.format)}", not "facts/1"`);
  const strict = FactsSchema.safeParse(raw);
  if (strict.success) return { ...(raw as Facts), ...strict.data, conflicts: strict.data.conflicts };
  const d = obj(top.diagnosis) ?? {};
  const s = obj(top.stage) ?? {};
  return {
    ...(top as object),
    format: 'facts/1',
    sources: arr(top.sources).map(obj).filter((x): x is Record<string, unknown> => !!x && !!str(x.file))
      .map((x) => ({ ...x, file: String(x.file), pages: Number(x.pages) || 0, ocrPages: arr(x.ocrPages) as number[], kind: (str(x.kind) ?? 'other') as Facts['sources'][number]['kind'], date: str(x.date) })),
    diagnosis: { ...d, cancerType: str(d.cancerType), histology: str(d.histology), diagnosisDate: str(d.diagnosisDate) } as Facts['diagnosis'],
    stage: { ...s, group: str(s.group), t: str(s.t), n: str(s.n), m: str(s.m), basis: str(s.basis) } as Facts['stage'],
    biomarkers: arr(top.biomarkers).map(obj).filter((x): x is Record<string, unknown> => !!x && !!str(x.gene) && !!str(x.result))
      .map((x) => ({ ...x, gene: String(x.gene), result: String(x.result) })) as Facts['biomarkers'],
    treatments: arr(top.treatments).map(obj).filter((x): x is Record<string, unknown> => !!x && !!str(x.name))
      .map((x) => ({ ...x, name: String(x.name), category: str(x.category) ?? 'other', start: str(x.start), end: str(x.end) })) as Facts['treatments'],
    conflicts: arr(top.conflicts).map(obj).filter((x): x is Record<string, unknown> => !!x && !!str(x.field) && Array.isArray(x.values))
      .map((x) => ({ ...x, field: String(x.field), values: arr(x.values).map(obj).filter((v) => !!v).map((v) => ({ value: String(v!.value ?? ''), evidence: arr(v!.evidence) })) })) as Facts['conflicts'],
  } as Facts;
}
