// A fact's identity must survive reading a record again (and a better extractor), so reviews
// are keyed by what the fact is about, never by record or list position: the diagnosis, the
// stage, a gene with its alteration, a treatment by name, a conflict by its field.
import type { Biomarker, Conflict, Treatment } from '../../../../../shared/contract/facts.ts';

export const DIAGNOSIS_KEY = 'diagnosis';
export const STAGE_KEY = 'stage';

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');

export const biomarkerKey = (b: Pick<Biomarker, 'gene' | 'alteration'>): string => `biomarker:${b.gene.trim().toUpperCase()}:${norm(b.alteration)}`;
export const treatmentKey = (t: Pick<Treatment, 'name'>): string => `treatment:${norm(t.name)}`;
export const conflictKey = (c: Pick<Conflict, 'field'>): string => `conflict:${c.field}`;
export const additionKey = (id: string): string => `added:${id}`;

/** Keys for a list; a second fact with the same identity gets `#2`, and so on. */
export function uniqueKeys<T>(items: T[], keyOf: (t: T) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}
