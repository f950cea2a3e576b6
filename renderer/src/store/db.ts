// The app's one IndexedDB database (Dexie). Each table keeps only what it must query in
// plain fields (ids, dates, the content hash, status); everything about the person lives in
// `data`/`meta`, which goes through the codec (codec.ts). Every schema change is a new
// version with its migration, tested from version 1 (test/unit/renderer/store-migrations).
import Dexie, { type DBCore, type Table, type Transaction } from 'dexie';
import type { Stored } from './codec.ts';

export const DB_NAME = 'records-companion';

export type RecordStatus = 'queued' | 'reading' | 'done' | 'failed' | 'password' | 'cancelled';

export interface RecordRow {
  id: string;
  addedAt: number;
  updatedAt: number;
  /**
   * The file's content key: its sha-256 (hex), or under a lock a keyed fingerprint of it
   * (codec.ts contentKey), so the same content added twice is the same record.
   */
  sha256: string;
  /** 1 for the app's own fictitious sample records, so they are easy to remove again */
  sample: 0 | 1;
  status: RecordStatus;
  size: number;
  /** RecordMeta, encoded */
  meta: Stored;
}
export interface DataRow { id: string; updatedAt: number; data: Stored }
export interface ReviewRow { key: string; updatedAt: number; data: Stored }
export interface AdditionRow { id: string; addedAt: number; updatedAt: number; data: Stored }
export interface SettingRow { key: string; value: unknown }

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

/**
 * The history of the schema. Never edit a shipped entry: add a new one.
 * v1: records, their original bytes and page text, the person's reviews of facts, settings.
 * v2: sample records (indexed, so "remove samples" is one query), facts the person adds
 *     themselves, and the appointment question list.
 */
export const SCHEMA: SchemaVersion[] = [
  {
    version: 1,
    stores: { records: '&id, addedAt, sha256', originals: '&id', documents: '&id', reviews: '&key', settings: '&key' },
  },
  {
    version: 2,
    stores: { records: '&id, addedAt, sha256, sample', additions: '&id, addedAt', questions: '&id' },
    // records from v1 were all the person's own
    upgrade: (tx) => tx.table('records').toCollection().modify((r: Partial<RecordRow>) => {
      if (r.sample === undefined) r.sample = 0;
      if (r.updatedAt === undefined) r.updatedAt = r.addedAt ?? 0;
    }),
  },
];
export const LATEST_VERSION = SCHEMA[SCHEMA.length - 1].version;

export class RecordsDb extends Dexie {
  records!: Table<RecordRow, string>;
  originals!: Table<DataRow, string>;
  documents!: Table<DataRow, string>;
  reviews!: Table<ReviewRow, string>;
  additions!: Table<AdditionRow, string>;
  questions!: Table<DataRow, string>;
  settings!: Table<SettingRow, string>;

  /** `upTo` exists for migration tests: open the database as an older app version would. */
  constructor(name = DB_NAME, upTo = LATEST_VERSION) {
    super(name);
    for (const s of SCHEMA) {
      if (s.version > upTo) break;
      const v = this.version(s.version).stores(s.stores);
      if (s.upgrade) v.upgrade(s.upgrade);
    }
  }
}

export const db = new RecordsDb();

export class StoreBusyError extends Error {
  constructor() { super('The app is busy putting your records back in place. Please try again in a moment.'); }
}

// While the lock rewrites the database from its stash (rewrite.ts), the app's own writes are
// refused rather than lost: one that landed after the copy was taken would be wiped with the
// old files. Only `db` holds them; the rewrite writes through a RecordsDb of its own.
let writesHeld = false;
export function holdWrites(on: boolean): void {
  writesHeld = on;
}
db.use({
  stack: 'dbcore',
  name: 'hold-writes',
  create: (down: DBCore): DBCore => ({
    ...down,
    transaction: (stores, mode, options) => {
      if (writesHeld && mode === 'readwrite') throw new StoreBusyError();
      return down.transaction(stores, mode, options);
    },
  }),
});

// Another copy of the app upgraded the database (only possible after an update): close
// ours so it can proceed; the reload picks up the new version.
db.on('versionchange', () => {
  db.close();
  if (typeof location !== 'undefined' && typeof location.reload === 'function') location.reload();
  return false;
});

export const newId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
