// Facts the person adds themselves (a biomarker or treatment the reader missed), with the
// place in a record they pointed at when they did.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Biomarker, Treatment } from '../../../shared/contract/facts.ts';
import { db, newId } from './db.ts';
import { at, decode, encode } from './codec.ts';
import { DecodeCache, useDecoded } from './decoded.ts';

export type AddedFact =
  | { kind: 'biomarker'; fact: Biomarker }
  | { kind: 'treatment'; fact: Treatment };
export type Addition = AddedFact & { id: string; addedAt: number };

export async function addFact(fact: AddedFact): Promise<string> {
  const id = newId();
  const now = Date.now();
  const data = await encode(fact, at('additions', id));
  await db.additions.add({ id, addedAt: now, updatedAt: now, data });
  return id;
}

export async function updateAddedFact(id: string, fact: AddedFact): Promise<void> {
  const data = await encode(fact, at('additions', id));
  await db.additions.update(id, { data, updatedAt: Date.now() });
}

export async function removeAddedFact(id: string): Promise<void> {
  await db.additions.delete(id);
}

const cache = new DecodeCache<Addition>();

export function useAdditions(): Addition[] | undefined {
  const rows = useLiveQuery(() => db.additions.orderBy('addedAt').toArray(), []);
  return useDecoded(rows, cache, (r) => r.id, (r) => r.updatedAt, async (r) => ({ ...(await decode<AddedFact>(r.data, at('additions', r.id))), id: r.id, addedAt: r.addedAt }));
}
