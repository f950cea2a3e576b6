// Turning the lock on or off changes the form of every sensitive value in the store
// (plaintext ⇄ encrypted under the data key) and the records' content keys (sha-256 ⇄ keyed
// fingerprint). The vault (vault.ts) records that this is under way in its row (phase
// "encrypting" or "decrypting") BEFORE the first value changes, and clears it only after the
// last; so if the app is closed half-way, the next start knows, asks for the passphrase and
// finishes the job (resumable).
//
// Each batch of rows is written in one transaction, and each row with all its fields at once,
// so a row is never half-converted. Whether a value still needs converting is read from the
// value itself (does it open under the key?), so a pass can be repeated any number of times.
// Rows are encoded before a transaction and only compared and written inside it (an await on
// WebCrypto inside a Dexie transaction would commit it early); a row that someone else changed
// meanwhile is left for the next pass. Passes repeat until one finds nothing to convert.
import { db } from './db.ts';
import { at, type Stored, type Where } from './codec.ts';
import { asBytes, tryOpen, type KeyTools } from './vault-codecs.ts';

/** Every place codec.ts encodes a value: table, field, and which rows (all unless `rows`). */
export const SENSITIVE: ReadonlyArray<{ table: string; field: string; rows?: (key: string) => boolean }> = [
  { table: 'records', field: 'meta' },
  { table: 'originals', field: 'data' },
  { table: 'documents', field: 'data' },
  { table: 'reviews', field: 'data' },
  { table: 'additions', field: 'data' },
  { table: 'questions', field: 'data' },
  { table: 'settings', field: 'value', rows: (key) => key.startsWith('personal:') },
];

export type Target = 'encrypted' | 'plain';
export interface ConvertProgress { done: number; total: number }
export interface ConvertOptions {
  /** after each batch is written (a test may throw here to simulate the app closing) */
  onProgress?: (p: ConvertProgress) => void;
  /** rows per transaction (originals are files, so they go a few at a time) */
  batchRows?: number;
}

type Row = Record<string, unknown>;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The stored value in the target form, or null when it already is. */
async function toTarget(k: KeyTools, target: Target, stored: Stored, where: Where): Promise<{ value: Stored } | null> {
  const opened = await tryOpen(k.values, stored, where);
  if (target === 'encrypted') return opened ? null : { value: await k.values.encrypt(asBytes(stored) ?? stored, where) };
  return opened ? { value: opened.value } : null;
}

/** The content key a record should have in the target form (from its original's bytes). */
async function wantedContentKey(k: KeyTools, target: Target, id: string, current: unknown): Promise<string> {
  const original = await db.originals.get(id);
  const opened = original && await tryOpen(k.values, original.data, at('originals', id));
  const bytes = original ? asBytes(opened ? opened.value : original.data) : null;
  if (!bytes) return target === 'encrypted' ? `missing:${id}` : String(current);
  const sha = await sha256Hex(bytes);
  return target === 'encrypted' ? k.contentKey(sha) : sha;
}

function sameStored(a: unknown, b: unknown): boolean {
  const x = asBytes(a);
  const y = asBytes(b);
  if (x || y) return !!x && !!y && x.length === y.length && x.every((v, i) => v === y[i]);
  return JSON.stringify(a) === JSON.stringify(b);
}

async function pass(k: KeyTools, target: Target, options: ConvertOptions, progress: ConvertProgress): Promise<number> {
  let changed = 0;
  for (const spec of SENSITIVE) {
    const table = db.table(spec.table);
    const keyName = table.schema.primKey.keyPath as string;
    const keys = ((await table.toCollection().primaryKeys()) as string[]).filter((key) => !spec.rows || spec.rows(key));
    const batch = options.batchRows ?? (spec.table === 'originals' ? 4 : 50);
    for (let i = 0; i < keys.length; i += batch) {
      const rows = (await table.bulkGet(keys.slice(i, i + batch))) as Array<Row | undefined>;
      const updates: Array<{ key: string; before: Row; patch: Row }> = [];
      for (const row of rows) {
        if (!row) continue;
        const key = row[keyName] as string;
        const patch: Row = {};
        const next = await toTarget(k, target, row[spec.field], { table: spec.table, key, field: spec.field });
        if (next) patch[spec.field] = next.value;
        if (spec.table === 'records') {
          const wanted = await wantedContentKey(k, target, key, row.sha256);
          if (wanted !== row.sha256) patch.sha256 = wanted;
        }
        if (Object.keys(patch).length) updates.push({ key, before: row, patch });
      }
      if (updates.length) {
        changed += await db.transaction('rw', table, async () => {
          let n = 0;
          for (const u of updates) {
            const now = (await table.get(u.key)) as Row | undefined;
            // removed or changed since it was read: the next pass looks at it again
            if (!now || !sameStored(now[spec.field], u.before[spec.field]) || now.sha256 !== u.before.sha256) continue;
            await table.update(u.key, u.patch);
            n++;
          }
          return n;
        });
      }
      progress.done = Math.min(progress.total, progress.done + rows.length);
      options.onProgress?.({ ...progress });
    }
  }
  return changed;
}

async function countRows(): Promise<number> {
  let n = 0;
  for (const spec of SENSITIVE) {
    const table = db.table(spec.table);
    n += spec.rows ? ((await table.toCollection().primaryKeys()) as string[]).filter(spec.rows).length : await table.count();
  }
  return n;
}

/** Convert every sensitive value (and content key) to `target`; safe to run again after an interruption. */
export async function convertStore(k: KeyTools, target: Target, options: ConvertOptions = {}): Promise<void> {
  // passes after the first only meet rows changed while it ran; a few are plenty
  for (let round = 0; round < 5; round++) {
    const progress = { done: 0, total: await countRows() };
    if ((await pass(k, target, options, progress)) === 0) return;
  }
}
