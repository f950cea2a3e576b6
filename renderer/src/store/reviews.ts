// The person's reviews of facts, keyed by a stable fact identity (see
// features/facts/model/identity.ts), not by record: reading a record again, or reading a
// new one that says the same thing, keeps what the person already decided.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Evidence } from '../../../shared/contract/facts.ts';
import { useMemo } from 'react';
import { db } from './db.ts';
import { at, decode, encode } from './codec.ts';
import { DecodeCache, useDecoded } from './decoded.ts';

export type ReviewStatus = 'confirmed' | 'corrected' | 'rejected';

export interface FactReview {
  status: ReviewStatus;
  /** for `corrected`: the fields the person changed, in facts/1 terms */
  value?: Record<string, unknown>;
  /** for a conflict the person settled: the value they chose */
  chosen?: string;
  /** where the person says it is written, when they pointed at it */
  evidence?: Evidence[];
  at: number;
}

export async function setReview(key: string, review: Omit<FactReview, 'at'> | null): Promise<void> {
  if (!review) {
    await db.reviews.delete(key);
    return;
  }
  const data = await encode({ ...review, at: Date.now() }, at('reviews', key));
  await db.reviews.put({ key, updatedAt: Date.now(), data });
}

const cache = new DecodeCache<[string, FactReview]>();

export function useReviews(): Map<string, FactReview> | undefined {
  const rows = useLiveQuery(() => db.reviews.toArray(), []);
  const list = useDecoded(rows, cache, (r) => r.key, (r) => r.updatedAt, async (r) => [r.key, await decode<FactReview>(r.data, at('reviews', r.key))] as [string, FactReview]);
  return useMemo(() => list && new Map(list), [list]);
}
