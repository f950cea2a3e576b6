// Leaving no old copy behind. Chromium keeps IndexedDB in LevelDB files, and a value that was
// overwritten or deleted stays readable in them until Chromium compacts them, which the app
// does not control. So when the lock is turned on (values once plaintext), its passphrase is
// changed or the keychain is removed (an old key file that still opens the data key), the
// vault (vault.ts) has this module store everything again in fresh files:
//
//   1. hold the app's writes (db.ts) and wait for any already under way;
//   2. copy every row, table by table, into a stash in main: parts of a few MB, each sealed
//      under the data key (stash-format.ts), the vault row already saying "encrypted";
//   3. read the stash back and count it; then its head makes it complete (main writes it
//      last, atomically). From here the stash is what counts;
//   4. close the database; main clears the origin's IndexedDB storage, files and all;
//   5. put every row back from the stash into a new database; then main clears the stash.
//
// If the app is closed anywhere in 1-3, the stash is unfinished and counts for nothing: the
// database is as it was and the vault row still says "rewriting", so the next start does it
// all again. If it is closed in 4-5, the next start finds the complete stash before anything
// else (vault.ts resumeStash) and finishes from it. Every row in the stash has its sensitive
// fields already sealed (checked here), and the stash is sealed again as a whole.
import { isEncryptedValue, SecurityError } from '../../../shared/security/index.ts';
import type { Output, RendererApi } from '../../../shared/contract/ipc.ts';
import { api } from '../api.ts';
import { db, DB_NAME, holdWrites, LATEST_VERSION, RecordsDb } from './db.ts';
import { SENSITIVE } from './reencode.ts';
import { StashReader, StashWriter } from './stash-format.ts';
import { asBytes, type KeyTools } from './vault-codecs.ts';

export const STASH_FORMAT = 'records-stash/1';

export type StashPort = Pick<RendererApi, 'stashSave' | 'stashCommit' | 'stashInfo' | 'stashRead' | 'stashClear' | 'clearDatabase'>;
type StashInfo = NonNullable<Output<'vault:stash-info'>['stash']>;

export interface RewriteProgress { step: 'waiting' | 'rewriting'; done: number; total: number }
export interface RewriteOptions {
  onProgress?: (p: RewriteProgress) => void;
  /** before the app's writes are held (e.g. let records being read finish: their result would be refused) */
  beforeRewrite?: () => Promise<void>;
  /** bytes per stash part (tests use small parts) */
  partBytes?: number;
}
/** The vault row as it should be once the rewrite is done; it goes back with everything else. */
export interface FinalVault { key: string; value: (now: unknown) => unknown }

/** done: nothing old is left. later: nothing was changed (the reason is in `problem`); the next start tries again. */
export type RewriteResult = { done: true } | { done: false; problem: unknown };

interface Head { format: typeof STASH_FORMAT; schema: number; rows: number; vault: unknown }

/** Thrown after the stash became complete: the next start finishes from it, so nothing is lost. */
export class RewriteInterrupted extends Error {
  constructor(cause: unknown) {
    super('The app could not finish storing your records again. Please close the app and open it again: it will finish then, and nothing will be lost.', { cause });
  }
}

const port = (): StashPort => api();
const where = (id: string, part: number) => ({ table: '~stash', key: `${id}/${part}`, field: 'part' });
const newId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

async function openPart(k: KeyTools, p: StashPort, id: string, part: number): Promise<Uint8Array> {
  const sealed = asBytes((await p.stashRead({ id, part })).data);
  const bytes = sealed && asBytes(await k.values.decrypt(sealed, where(id, part)));
  if (!bytes) throw new SecurityError('damaged');
  return bytes;
}

function parseHead(text: string): Head {
  try {
    const h = JSON.parse(text) as Head;
    if (h?.format === STASH_FORMAT && Number.isInteger(h.schema) && Number.isInteger(h.rows) && h.vault && typeof h.vault === 'object') return h;
  } catch { /* below */ }
  throw new SecurityError('damaged');
}

/** Tables in the order they are copied: settings (the vault row) first, so it is back first. */
const tablesInOrder = () => [...db.tables].sort((a, b) => Number(b.name === 'settings') - Number(a.name === 'settings'));

/** A sensitive field that is not sealed would be copied in the clear: refuse. */
function checkSealed(table: string, key: string, row: Record<string, unknown>): void {
  for (const s of SENSITIVE) {
    if (s.table !== table || (s.rows && !s.rows(key))) continue;
    const v = asBytes(row[s.field]);
    if (!v || !isEncryptedValue(v)) throw new Error('Some of your records are not protected yet, so they were not copied.');
  }
}

/**
 * Close `db` before main clears the storage under it. The browser may still send this old
 * connection a "close" event when it clears (if the clearing reached it before our close did);
 * Dexie's handler would then close whatever connection `db` has by then, aborting the new
 * database's first writes ("The connection was closed"). So the old connection is cut loose.
 */
export function closeForClearing(): void {
  const connection = db.backendDB();
  db.close();
  if (connection) {
    connection.onclose = null;
    connection.onversionchange = null;
  }
}

/** Once this resolves, every write started before has finished (a readwrite transaction over every table waits for them). */
async function settleWrites(): Promise<void> {
  const other = new RecordsDb();
  try { await other.transaction('rw', other.tables, () => undefined); } finally { other.close(); }
}

/** Steps 1-3: the sealed copy, complete once this returns. On failure nothing has changed. */
async function takeCopy(k: KeyTools, p: StashPort, final: FinalVault, options: RewriteOptions): Promise<{ info: StashInfo; progress: RewriteProgress }> {
  holdWrites(true);
  try {
    await settleWrites();
    await p.stashClear(); // an unfinished copy from before counts for nothing
    const tables = tablesInOrder();
    let rows = 0;
    for (const t of tables) rows += await t.count();
    const progress: RewriteProgress = { step: 'rewriting', done: 0, total: rows * 3 };
    const tick = () => { progress.done++; options.onProgress?.({ ...progress }); };
    const id = newId();
    const writer = new StashWriter(async (part, bytes) => { await p.stashSave({ id, part, data: await k.values.encrypt(bytes, where(id, part)) }); }, options.partBytes);
    let vault: unknown = null;
    for (const table of tables) {
      const keyPath = table.schema.primKey.keyPath as string;
      const keys = (await table.toCollection().primaryKeys()) as string[];
      const batch = table.name === 'originals' ? 4 : 50;
      for (let i = 0; i < keys.length; i += batch) {
        for (const found of (await table.bulkGet(keys.slice(i, i + batch))) as Array<Record<string, unknown> | undefined>) {
          if (!found) continue;
          let row = found;
          const key = String(row[keyPath]);
          if (table.name === 'settings' && key === final.key) row = { ...row, value: vault = final.value(row.value) };
          checkSealed(table.name, key, row);
          await writer.row(table.name, row);
          tick();
        }
      }
    }
    const parts = await writer.end();
    if (!vault) throw new Error('There is no lock.');
    // read it all back before anything is removed: a copy that does not open is no copy
    let read = 0;
    for await (const _ of new StashReader(parts, (n) => openPart(k, p, id, n)).rows()) { read++; tick(); }
    if (read !== writer.rows) throw new SecurityError('damaged');
    const head: Head = { format: STASH_FORMAT, schema: LATEST_VERSION, rows: writer.rows, vault };
    const info = { id, parts, head: JSON.stringify(head) };
    await p.stashCommit(info);
    return { info, progress };
  } catch (e) {
    await p.stashClear().catch(() => undefined);
    holdWrites(false);
    throw e;
  }
}

/** Steps 4-5: from a complete stash, a database with no file from before. Safe to run again. */
async function putBack(k: KeyTools, p: StashPort, info: StashInfo, progress: RewriteProgress, options: RewriteOptions): Promise<void> {
  const head = parseHead(info.head);
  if (head.schema > LATEST_VERSION) throw new SecurityError('newer-version');
  holdWrites(true);
  await openPart(k, p, info.id, 0); // this key opens it, before anything is cleared
  closeForClearing();
  await p.clearDatabase();
  // the same schema: `db` opens at once, so the screens' live queries find it open while rows
  // come back; a stash from an older version goes back as it was and is then upgraded
  const same = head.schema === LATEST_VERSION;
  if (same) await db.open();
  const target = new RecordsDb(DB_NAME, head.schema);
  try {
    await target.open();
    let batch: { table: string; rows: unknown[]; bytes: number } = { table: '', rows: [], bytes: 0 };
    const flush = async () => {
      if (batch.rows.length) await target.table(batch.table).bulkPut(batch.rows);
      batch = { table: '', rows: [], bytes: 0 };
    };
    for await (const { table, row } of new StashReader(info.parts, (n) => openPart(k, p, info.id, n)).rows()) {
      if (batch.table !== table || batch.rows.length >= 50 || batch.bytes >= 16 * 1024 * 1024) await flush();
      batch.table = table;
      batch.rows.push(row);
      batch.bytes += Object.values(row).reduce<number>((n, v) => n + (asBytes(v)?.length ?? 0), 0);
      progress.done++;
      options.onProgress?.({ ...progress });
    }
    await flush();
  } finally {
    target.close();
  }
  if (!same) await db.open();
  await p.stashClear();
  holdWrites(false);
}

/**
 * Store everything again in fresh files (see the top of this file). Resumes from a complete
 * stash when there is one. Throws RewriteInterrupted only once the stash is complete.
 */
export async function rewriteStore(k: KeyTools, final: FinalVault, options: RewriteOptions = {}): Promise<RewriteResult> {
  let p: StashPort;
  let found: Output<'vault:stash-info'>;
  try {
    p = port();
    found = await p.stashInfo();
  } catch (e) {
    return { done: false, problem: e };
  }
  if (found.damaged) throw new RewriteInterrupted(new SecurityError('damaged'));
  let info = found.stash;
  let progress: RewriteProgress | null = null;
  if (!info) {
    try {
      if (options.beforeRewrite) {
        options.onProgress?.({ step: 'waiting', done: 0, total: 0 });
        await options.beforeRewrite();
      }
      ({ info, progress } = await takeCopy(k, p, final, options));
    } catch (e) {
      return { done: false, problem: e };
    }
  }
  try {
    progress ??= { step: 'rewriting', done: 0, total: parseHead(info.head).rows };
    await putBack(k, p, info, progress, options);
  } catch (e) {
    throw new RewriteInterrupted(e);
  }
  return { done: true };
}

/**
 * At start, before anything else reads the store: with a complete stash, the database is
 * cleared at once (it may hold files from before) and the stash's vault row is handed back,
 * for the lock screen; the rows come back once the data key is open (rewriteStore).
 */
export async function resetFromStash(): Promise<{ vault: unknown } | 'damaged' | null> {
  const p = port();
  const { stash, damaged } = await p.stashInfo();
  if (damaged) return 'damaged';
  if (!stash) return null;
  let head: Head;
  try { head = parseHead(stash.head); } catch { return 'damaged'; }
  closeForClearing();
  await p.clearDatabase();
  await db.open();
  return { vault: head.vault };
}
