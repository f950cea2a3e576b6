// What goes into an encrypted backup and how it comes back. The export is every record (its
// original file, page text and details), the person's reviews and corrections, the facts
// they added, their appointment questions and personal settings, decoded from this profile
// (so it opens in any profile, with its own key). shared/security/backup.ts encrypts it.
//
// Payload layout: "records-backup-data/1\n", a 4-byte big-endian length, that many bytes of
// JSON, then the original files' bytes one after another (the JSON says where each starts),
// so no file is inflated into base64 text.
//
// Restoring ADDS to what is here and never removes or overwrites anything: a record already
// here (same record, or the same file content) is kept as it is; where both have a review of
// the same fact, or the same question, this profile's is kept; personal settings are filled
// only where they are empty. The report says what was added and what was kept.
import { z } from 'zod';
import { DocumentTextSchema, type DocumentText } from '../../../shared/contract/document.ts';
import { SecurityError } from '../../../shared/security/index.ts';
import { db, LATEST_VERSION, type RecordStatus } from './db.ts';
import { at, contentKey, decode, encode } from './codec.ts';
import { asBytes } from './vault-codecs.ts';
import type { RecordMeta } from './records.ts';
import type { FactReview } from './reviews.ts';
import type { AddedFact } from './additions.ts';
import type { QuestionState } from './questions.ts';
import { TEXT_SIZES, type PersonalSettings } from './settings.ts';

export const BACKUP_DATA_FORMAT = 'records-backup-data/1';
const PERSONAL_KEYS = ['careTeam', 'appointmentDate', 'notes'] as const;
const STATUSES = ['queued', 'reading', 'done', 'failed', 'password', 'cancelled'] as const;

const RecordSchema = z.object({
  id: z.string().min(1).max(200),
  addedAt: z.number(),
  updatedAt: z.number(),
  sample: z.boolean(),
  status: z.enum(STATUSES),
  size: z.number(),
  sha256: z.string().max(200),
  meta: z.looseObject({ name: z.string().max(1000), pageCount: z.number(), ocrPages: z.array(z.number()), problems: z.array(z.unknown()), locked: z.boolean() }),
  original: z.object({ at: z.number().int().min(0), length: z.number().int().min(0) }).nullable(),
  document: DocumentTextSchema.nullable(),
});
const DataSchema = z.object({
  format: z.literal(BACKUP_DATA_FORMAT),
  createdAt: z.number(),
  schema: z.number(),
  records: z.array(RecordSchema),
  reviews: z.array(z.object({ key: z.string().min(1).max(500), updatedAt: z.number(), review: z.looseObject({ status: z.enum(['confirmed', 'corrected', 'rejected']), at: z.number() }) })),
  additions: z.array(z.object({ id: z.string().min(1).max(200), addedAt: z.number(), updatedAt: z.number(), fact: z.looseObject({ kind: z.enum(['biomarker', 'treatment']), fact: z.looseObject({}) }) })),
  questions: z.array(z.object({ id: z.string().min(1).max(200), updatedAt: z.number(), state: z.looseObject({ id: z.string(), own: z.boolean(), done: z.boolean(), removed: z.boolean() }) })),
  personal: z.object({ careTeam: z.string().max(10_000), appointmentDate: z.string().max(100), notes: z.string().max(100_000) }).partial(),
  plain: z.object({ textSize: z.number(), largePrint: z.boolean() }).partial(),
});
interface BackupRecord {
  id: string; addedAt: number; updatedAt: number; sample: boolean; status: RecordStatus; size: number;
  /** the original file's sha-256 (hex): this profile keys it its own way on restore */
  sha256: string;
  meta: RecordMeta;
  /** where the file's bytes are, after the JSON */
  original: { at: number; length: number } | null;
  document: DocumentText | null;
}
interface BackupJson {
  format: typeof BACKUP_DATA_FORMAT;
  createdAt: number;
  /** the database schema version of the app that made it */
  schema: number;
  records: BackupRecord[];
  reviews: Array<{ key: string; updatedAt: number; review: FactReview }>;
  additions: Array<{ id: string; addedAt: number; updatedAt: number; fact: AddedFact }>;
  questions: Array<{ id: string; updatedAt: number; state: QuestionState }>;
  personal: Partial<PersonalSettings>;
  plain: { textSize?: number; largePrint?: boolean };
}

/** An opened backup: what it says, and the original files' bytes. */
export interface BackupData { json: BackupJson; files: Uint8Array }

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Everything worth keeping, decoded through the installed codec, as the backup's payload. */
export async function exportData(): Promise<Uint8Array> {
  const files: Uint8Array[] = [];
  let offset = 0;
  const records: BackupJson['records'] = [];
  for (const row of await db.records.orderBy('addedAt').toArray()) {
    const meta = await decode<RecordMeta>(row.meta, at('records', row.id, 'meta'));
    const originalRow = await db.originals.get(row.id);
    const bytes = originalRow ? asBytes(await decode(originalRow.data, at('originals', row.id))) : null;
    const documentRow = await db.documents.get(row.id);
    const document = documentRow ? await decode<DocumentText>(documentRow.data, at('documents', row.id)) : null;
    let original: { at: number; length: number } | null = null;
    if (bytes) {
      original = { at: offset, length: bytes.length };
      files.push(bytes);
      offset += bytes.length;
    }
    const sha256 = bytes ? await sha256Hex(bytes) : document?.sha256 ?? '';
    records.push({ id: row.id, addedAt: row.addedAt, updatedAt: row.updatedAt, sample: row.sample === 1, status: row.status, size: row.size, sha256, meta, original, document });
  }
  const json: BackupJson = {
    format: BACKUP_DATA_FORMAT, createdAt: Date.now(), schema: LATEST_VERSION, records,
    reviews: await Promise.all((await db.reviews.toArray()).map(async (r) => ({ key: r.key, updatedAt: r.updatedAt, review: await decode<FactReview>(r.data, at('reviews', r.key)) }))),
    additions: await Promise.all((await db.additions.toArray()).map(async (r) => ({ id: r.id, addedAt: r.addedAt, updatedAt: r.updatedAt, fact: await decode<AddedFact>(r.data, at('additions', r.id)) }))),
    questions: await Promise.all((await db.questions.toArray()).map(async (r) => ({ id: r.id, updatedAt: r.updatedAt, state: await decode<QuestionState>(r.data, at('questions', r.id)) }))),
    personal: {},
    plain: {},
  };
  for (const k of PERSONAL_KEYS) {
    const row = await db.settings.get(`personal:${k}`);
    if (row) json.personal[k] = await decode<string>(row.value, at('settings', row.key, 'value'));
  }
  for (const k of ['textSize', 'largePrint'] as const) {
    const row = await db.settings.get(k);
    if (row) (json.plain as Record<string, unknown>)[k] = row.value;
  }
  const head = new TextEncoder().encode(`${BACKUP_DATA_FORMAT}\n`);
  const body = new TextEncoder().encode(JSON.stringify(json));
  const out = new Uint8Array(head.length + 4 + body.length + offset);
  out.set(head, 0);
  new DataView(out.buffer).setUint32(head.length, body.length);
  out.set(body, head.length + 4);
  let p = head.length + 4 + body.length;
  for (const f of files) { out.set(f, p); p += f.length; }
  return out;
}

/** The payload of an opened backup file. Throws SecurityError damaged or newer-version. */
export function parseData(payload: Uint8Array): BackupData {
  const head = new TextEncoder().encode(`${BACKUP_DATA_FORMAT}\n`);
  const prefix = new TextDecoder().decode(payload.subarray(0, head.length));
  if (prefix !== `${BACKUP_DATA_FORMAT}\n`) {
    throw new SecurityError(/^records-backup-data\/\d+\n$/.test(prefix) ? 'newer-version' : 'damaged');
  }
  if (payload.length < head.length + 4) throw new SecurityError('damaged');
  const length = new DataView(payload.buffer, payload.byteOffset).getUint32(head.length);
  const start = head.length + 4;
  if (start + length > payload.length) throw new SecurityError('damaged');
  let json: BackupJson;
  try {
    // the shape is checked; the person's own values inside are theirs, as they were stored
    json = DataSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload.subarray(start, start + length)))) as unknown as BackupJson;
  } catch {
    throw new SecurityError('damaged');
  }
  const files = payload.subarray(start + length);
  if (json.records.some((r) => r.original && r.original.at + r.original.length > files.length)) throw new SecurityError('damaged');
  return { json, files };
}

export interface BackupSummary {
  createdAt: number;
  records: number;
  samples: number;
  corrections: number;
  confirmed: number;
  additions: number;
  ownQuestions: number;
  notes: boolean;
}

/** What a backup holds, in numbers, before anything is restored. */
export function summarise(data: BackupData): BackupSummary {
  const j = data.json;
  return {
    createdAt: j.createdAt,
    records: j.records.length,
    samples: j.records.filter((r) => r.sample).length,
    corrections: j.reviews.filter((r) => r.review.status !== 'confirmed').length,
    confirmed: j.reviews.filter((r) => r.review.status === 'confirmed').length,
    additions: j.additions.length,
    ownQuestions: j.questions.filter((q) => q.state.own && !q.state.removed).length,
    notes: Object.values(j.personal).some((v) => !!v),
  };
}

export interface RestoreReport {
  recordsAdded: number;
  /** already here (the same record, or a file with the same content): kept as it is */
  recordsKept: number;
  reviewsAdded: number;
  /** this profile already had its own review of the same fact: kept */
  reviewsKept: number;
  additionsAdded: number;
  additionsKept: number;
  questionsAdded: number;
  questionsKept: number;
  /** personal settings filled in because they were empty here */
  settingsFilled: number;
  /** ids of restored records that still need reading */
  toRead: string[];
}

/**
 * Add a backup's contents to this profile, each value encoded with THIS profile's codec (its
 * own key when locked). Safe to run again: what is already here is skipped.
 */
export async function restoreData(data: BackupData, onProgress?: (done: number, total: number) => void): Promise<RestoreReport> {
  const j = data.json;
  const report: RestoreReport = { recordsAdded: 0, recordsKept: 0, reviewsAdded: 0, reviewsKept: 0, additionsAdded: 0, additionsKept: 0, questionsAdded: 0, questionsKept: 0, settingsFilled: 0, toRead: [] };
  const wasEmpty = (await db.records.count()) + (await db.reviews.count()) + (await db.additions.count()) + (await db.questions.count()) === 0;
  let done = 0;
  for (const r of j.records) {
    onProgress?.(done++, j.records.length);
    const bytes = r.original ? data.files.subarray(r.original.at, r.original.at + r.original.length) : null;
    const sha = bytes ? await sha256Hex(bytes) : r.sha256;
    if ((await db.records.get(r.id)) || (sha && (await db.records.where('sha256').equals(await contentKey(sha)).count()) > 0)) {
      report.recordsKept++;
      continue;
    }
    const id = r.id;
    const status: RecordStatus = r.status === 'queued' || r.status === 'reading' ? 'queued' : r.status;
    const meta = await encode(r.meta, at('records', id, 'meta'));
    const original = bytes ? await encode(new Uint8Array(bytes), at('originals', id)) : null;
    const document = r.document ? await encode(r.document, at('documents', id)) : null;
    const key = sha ? await contentKey(sha) : `missing:${id}`;
    await db.transaction('rw', db.records, db.originals, db.documents, async () => {
      await db.records.add({ id, addedAt: r.addedAt, updatedAt: r.updatedAt, sha256: key, sample: r.sample ? 1 : 0, status, size: r.size, meta });
      if (original) await db.originals.add({ id, updatedAt: r.updatedAt, data: original });
      if (document) await db.documents.add({ id, updatedAt: r.updatedAt, data: document });
    });
    report.recordsAdded++;
    if (status === 'queued') report.toRead.push(id);
  }
  onProgress?.(done, j.records.length);
  for (const r of j.reviews) {
    if (await db.reviews.get(r.key)) { report.reviewsKept++; continue; }
    const stored = await encode(r.review, at('reviews', r.key));
    if (await db.reviews.add({ key: r.key, updatedAt: r.updatedAt, data: stored }).then(() => true, () => false)) report.reviewsAdded++;
    else report.reviewsKept++;
  }
  for (const a of j.additions) {
    if (await db.additions.get(a.id)) { report.additionsKept++; continue; }
    const stored = await encode(a.fact, at('additions', a.id));
    if (await db.additions.add({ id: a.id, addedAt: a.addedAt, updatedAt: a.updatedAt, data: stored }).then(() => true, () => false)) report.additionsAdded++;
    else report.additionsKept++;
  }
  for (const q of j.questions) {
    if (await db.questions.get(q.id)) { report.questionsKept++; continue; }
    const stored = await encode(q.state, at('questions', q.id));
    if (await db.questions.add({ id: q.id, updatedAt: q.updatedAt, data: stored }).then(() => true, () => false)) report.questionsAdded++;
    else report.questionsKept++;
  }
  for (const k of PERSONAL_KEYS) {
    const value = j.personal[k];
    if (!value) continue;
    const row = await db.settings.get(`personal:${k}`);
    const here = row ? await decode<PersonalSettings[typeof k]>(row.value, at('settings', row.key, 'value')) : '';
    if (here) continue;
    await db.settings.put({ key: `personal:${k}`, value: await encode(value, at('settings', `personal:${k}`, 'value')) });
    report.settingsFilled++;
  }
  // a fresh profile also takes the backup's text size and print choice
  if (wasEmpty) {
    if (TEXT_SIZES.includes(j.plain.textSize as (typeof TEXT_SIZES)[number])) await db.settings.put({ key: 'textSize', value: j.plain.textSize });
    if (typeof j.plain.largePrint === 'boolean') await db.settings.put({ key: 'largePrint', value: j.plain.largePrint });
  }
  return report;
}
