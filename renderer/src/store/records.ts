// Records: a file the person added, its original bytes (kept so it stays viewable) and the
// page text the reader found. Writes encode first, then touch the database in one
// transaction; reads decode after the query.
import { useLiveQuery } from 'dexie-react-hooks';
import type { DocumentText, FileType, Problem } from '../../../shared/contract/document.ts';
import { db, newId, type RecordRow, type RecordStatus } from './db.ts';
import { at, contentKey, decode, encode } from './codec.ts';
import { DecodeCache, useDecoded } from './decoded.ts';

export interface RecordMeta {
  /** the file's name as the person sees it */
  name: string;
  type: FileType | null;
  mime: string | null;
  pageCount: number;
  ocrPages: number[];
  problems: Problem[];
  /** a password-protected PDF: its password is never stored, so viewing it asks again */
  locked: boolean;
  /** a plain sentence when reading failed outright (the reader stopped, the app closed…) */
  message?: string;
}

export interface RecordView {
  id: string;
  addedAt: number;
  updatedAt: number;
  /** the indexed content key: the file's sha-256, or its keyed fingerprint under a lock (codec.ts contentKey) */
  sha256: string;
  sample: boolean;
  status: RecordStatus;
  size: number;
  meta: RecordMeta;
}

export interface StoredDocument { recordId: string; sample: boolean; addedAt: number; document: DocumentText }

const emptyMeta = (name: string): RecordMeta => ({ name, type: null, mime: null, pageCount: 0, ocrPages: [], problems: [], locked: false });

/** The record with this content (the file's sha-256 in hex), if any. */
export async function findBySha(sha256: string): Promise<RecordView | undefined> {
  const row = await db.records.where('sha256').equals(await contentKey(sha256)).first();
  return row ? toView(row) : undefined;
}

export async function createRecord(input: { name: string; bytes: Uint8Array; sha256: string; sample?: boolean }): Promise<string> {
  const id = newId();
  const now = Date.now();
  const [meta, data, key] = [await encode(emptyMeta(input.name), at('records', id, 'meta')), await encode(input.bytes, at('originals', id)), await contentKey(input.sha256)];
  await db.transaction('rw', db.records, db.originals, async () => {
    await db.records.add({ id, addedAt: now, updatedAt: now, sha256: key, sample: input.sample ? 1 : 0, status: 'queued', size: input.bytes.byteLength, meta });
    await db.originals.add({ id, updatedAt: now, data });
  });
  return id;
}

export async function getRecord(id: string): Promise<RecordView | undefined> {
  const row = await db.records.get(id);
  return row ? toView(row) : undefined;
}

/** Change a record's status and details; the meta is read, merged and encoded again. */
export async function updateRecord(id: string, status: RecordStatus, patch: Partial<RecordMeta> = {}, sha256?: string): Promise<void> {
  const row = await db.records.get(id);
  if (!row) return; // removed while it was being read
  const meta = await encode({ ...(await decode<RecordMeta>(row.meta, at('records', id, 'meta'))), ...patch }, at('records', id, 'meta'));
  const key = sha256 ? await contentKey(sha256) : undefined;
  await db.records.update(id, { status, meta, updatedAt: Date.now(), ...(key ? { sha256: key } : {}) });
}

export async function saveDocument(id: string, document: DocumentText, status: RecordStatus, patch: Partial<RecordMeta>): Promise<void> {
  const row = await db.records.get(id);
  if (!row) return;
  const now = Date.now();
  const [meta, data, key] = [
    await encode({ ...(await decode<RecordMeta>(row.meta, at('records', id, 'meta'))), ...patch }, at('records', id, 'meta')),
    await encode(document, at('documents', id)),
    await contentKey(document.sha256),
  ];
  await db.transaction('rw', db.records, db.documents, async () => {
    await db.documents.put({ id, updatedAt: now, data });
    await db.records.update(id, { status, meta, updatedAt: now, sha256: key });
  });
}

export async function removeRecord(id: string): Promise<void> {
  await db.transaction('rw', db.records, db.originals, db.documents, async () => {
    await db.records.delete(id);
    await db.originals.delete(id);
    await db.documents.delete(id);
  });
}

export async function removeSamples(): Promise<number> {
  const ids = await db.records.where('sample').equals(1).primaryKeys();
  for (const id of ids) await removeRecord(id);
  return ids.length;
}

export async function readOriginal(id: string): Promise<Uint8Array | undefined> {
  const row = await db.originals.get(id);
  return row ? decode<Uint8Array>(row.data, at('originals', id)) : undefined;
}

export async function recordsWithStatus(statuses: RecordStatus[]): Promise<string[]> {
  const rows = await db.records.orderBy('addedAt').toArray();
  return rows.filter((r) => statuses.includes(r.status)).map((r) => r.id);
}

async function toView(row: RecordRow): Promise<RecordView> {
  return { ...row, sample: row.sample === 1, meta: await decode<RecordMeta>(row.meta, at('records', row.id, 'meta')) };
}

const recordCache = new DecodeCache<RecordView>();
const documentCache = new DecodeCache<StoredDocument>();

/** All records, oldest first; undefined while loading. */
export function useRecords(): RecordView[] | undefined {
  const rows = useLiveQuery(() => db.records.orderBy('addedAt').toArray(), []);
  return useDecoded(rows, recordCache, (r) => r.id, (r) => r.updatedAt, toView);
}

/** The page text of every record that was read, in the order the records were added. */
export function useDocuments(): StoredDocument[] | undefined {
  const rows = useLiveQuery(async () => {
    const records = await db.records.orderBy('addedAt').toArray();
    const docs = await db.documents.bulkGet(records.map((r) => r.id));
    return records.flatMap((r, i) => (docs[i] ? [{ record: r, doc: docs[i]! }] : []));
  }, []);
  return useDecoded(rows, documentCache, (x) => x.record.id, (x) => x.doc.updatedAt, async (x) => ({
    recordId: x.record.id, sample: x.record.sample === 1, addedAt: x.record.addedAt, document: await decode<DocumentText>(x.doc.data, at('documents', x.record.id)),
  }));
}
