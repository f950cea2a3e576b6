// What is at rest, as an attacker with the disk would see it: the app's IndexedDB rows as the
// browser keeps them, and every file of a browser profile searched for words (security.spec.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/** Every row of every IndexedDB store of the app, as the browser keeps it, as text (bytes as latin1). */
export async function rawStore(page: Page): Promise<{ exists: boolean; rows: number; text: string; vault: unknown }> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'records-companion')) return { exists: false, rows: 0, text: '', vault: null };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('records-companion');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const show = (v: unknown): unknown => v instanceof Uint8Array ? Array.from(v, (c) => String.fromCharCode(c)).join('')
      : Array.isArray(v) ? v.map(show) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, show(x)])) : v;
    let rows = 0;
    let text = '';
    let vault: unknown = null;
    for (const name of Array.from(db.objectStoreNames)) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      if (name === 'settings') vault = (all as Array<{ key: string; value: unknown }>).find((r) => r.key === 'vault')?.value ?? null;
      rows += all.length;
      text += JSON.stringify(show(all));
    }
    db.close();
    return { exists: true, rows, text, vault };
  });
}

/** Files in a browser profile that contain a record word (as latin1 or UTF-16 text), with the words. */
export function wordsOnDisk(profile: string, words = ['Northfield', 'adenocarcinoma', 'SAMPLE-0001', 'Sam Sample', 'daughter come with me']): Record<string, string[]> {
  const hits: Record<string, string[]> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { walk(p); continue; }
      let bytes: Buffer;
      try { bytes = fs.readFileSync(p); } catch { continue; }
      for (const encoding of ['latin1', 'utf16le'] as const) {
        const text = bytes.toString(encoding);
        for (const w of words) if (text.includes(w)) (hits[path.relative(profile, p)] ??= []).push(w);
      }
    }
  };
  walk(profile);
  return hits;
}
