// Live queries return rows as stored; this hook decodes them through the codec outside the
// query (a live query may only call Dexie), and caches each decoded row by id and update
// time, so a change to one record does not decode every other record again.
import { useEffect, useState } from 'react';

export class DecodeCache<T> {
  private readonly entries = new Map<string, { stamp: number; value: Promise<T> }>();

  get(id: string, stamp: number, make: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(id);
    if (hit && hit.stamp === stamp) return hit.value;
    const value = make();
    this.entries.set(id, { stamp, value });
    value.catch(() => this.entries.delete(id));
    return value;
  }

  /** forget rows that are gone, so removed records do not stay in memory */
  keepOnly(ids: Set<string>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }
}

export function useDecoded<R, T>(
  rows: R[] | undefined,
  cache: DecodeCache<T>,
  idOf: (r: R) => string,
  stampOf: (r: R) => number,
  decodeRow: (r: R) => Promise<T>,
): T[] | undefined {
  const [value, setValue] = useState<T[] | undefined>(undefined);
  useEffect(() => {
    if (!rows) return;
    let live = true;
    cache.keepOnly(new Set(rows.map(idOf)));
    Promise.all(rows.map((r) => cache.get(idOf(r), stampOf(r), () => decodeRow(r))))
      .then((v) => { if (live) setValue(v); })
      .catch(() => { if (live) setValue([]); });
    return () => { live = false; };
    // idOf/stampOf/decodeRow are stable module functions; rows changes on every change
  }, [rows]);
  return value;
}
