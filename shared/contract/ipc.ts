// The one contract between the renderer and the main process. Each channel has an input
// and an output schema; main validates every input (and the sender) before acting and
// every output before replying; the preload exposes exactly these calls as named
// functions on `window.api`, nothing generic.
import { z } from 'zod';
import { DocumentTextSchema, ProgressSchema } from './document.ts';
import { DocumentFactsSchema } from './extraction-protocol.ts';

// any Uint8Array (Buffer included), whatever its backing buffer
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, "expected bytes");

export const MAX_RECORD_BYTES = 512 * 1024 * 1024;

/**
 * The lock's stash (docs/SECURITY.md §7.1, "Leaving no old copy"): while the database is
 * rewritten, a sealed copy of it waits in the app's folder, in parts the renderer seals
 * under the data key. Main never sees inside; it keeps the parts and a small head.
 */
export const MAX_STASH_PART_BYTES = 16 * 1024 * 1024;
export const MAX_STASH_PARTS = 250_000;
export const MAX_STASH_HEAD_CHARS = 64 * 1024;
const stashId = z.string().regex(/^[0-9a-f]{32}$/, 'a stash id');
const stashPart = z.number().int().min(0).max(MAX_STASH_PARTS - 1);
export const StashInfoSchema = z.strictObject({ id: stashId, parts: z.number().int().min(1).max(MAX_STASH_PARTS), head: z.string().min(2).max(MAX_STASH_HEAD_CHARS) });

export const ReadRecordInput = z.object({
  /** chosen by the renderer, so it can cancel and match progress events */
  jobId: z.string().min(1).max(100),
  /** the file's base name, as the person sees it */
  name: z.string().min(1).max(500),
  bytes: bytes.refine((b) => b.byteLength <= MAX_RECORD_BYTES, 'file too large'),
  password: z.string().max(1000).optional(),
});
export const ReadRecordOutput = z.object({
  document: DocumentTextSchema,
  facts: DocumentFactsSchema,
});

export const channels = {
  'records:read': { input: ReadRecordInput, output: ReadRecordOutput },
  'records:cancel': { input: z.object({ jobId: z.string().min(1).max(100) }), output: z.object({ cancelled: z.boolean() }) },
  /** a page of a PDF or TIFF as a PNG, to show evidence on the page it came from */
  'records:render-page': {
    input: z.object({ bytes, page: z.number().int().min(1), scale: z.number().min(0.1).max(6), turn: z.number().int().optional(), password: z.string().max(1000).optional() }),
    output: z.object({ png: bytes, width: z.number(), height: z.number() }),
  },
  'app:info': {
    input: z.object({}),
    output: z.object({ version: z.string(), platform: z.string(), locale: z.string(), keychain: z.boolean() }),
  },
  /** print the current window (the appointment list) through the system dialog */
  'app:print': { input: z.object({}), output: z.object({ printed: z.boolean() }) },
  /** save the current window as a PDF the person places with a save dialog */
  'app:save-pdf': {
    input: z.object({ suggestedName: z.string().min(1).max(200), landscape: z.boolean().optional() }),
    output: z.object({ saved: z.boolean() }),
  },
  /** wrap or unwrap the store key with the OS keychain (safeStorage), when available */
  'keychain:wrap': { input: z.object({ key: bytes }), output: z.object({ wrapped: bytes.nullable() }) },
  'keychain:unwrap': { input: z.object({ wrapped: bytes }), output: z.object({ key: bytes.nullable() }) },
  /** save an encrypted backup file where the person chooses */
  'backup:save': { input: z.object({ data: bytes, suggestedName: z.string().min(1).max(200) }), output: z.object({ saved: z.boolean() }) },
  /**
   * "Delete everything": after the renderer has deleted its key material and database, main
   * clears the session's storage and caches and drops the extraction process (and the record
   * text it keeps in memory). Takes nothing: any extra field is refused.
   */
  'data:erase': { input: z.strictObject({}), output: z.strictObject({ erased: z.literal(true) }) },
  /** one sealed part of the stash, written whole (a temporary file, then renamed) */
  'vault:stash-save': {
    input: z.strictObject({ id: stashId, part: stashPart, data: bytes.refine((b) => b.byteLength >= 1 && b.byteLength <= MAX_STASH_PART_BYTES, 'part size') }),
    output: z.strictObject({ saved: z.literal(true) }),
  },
  /** every part is written: the head makes the stash complete (from here it is what counts) */
  'vault:stash-commit': { input: StashInfoSchema, output: z.strictObject({ committed: z.literal(true) }) },
  /** a complete stash, if there is one (damaged: its head cannot be read) */
  'vault:stash-info': { input: z.strictObject({}), output: z.strictObject({ stash: StashInfoSchema.nullable(), damaged: z.boolean() }) },
  /** a part, also before the stash is complete (the renderer reads its copy back first) */
  'vault:stash-read': { input: z.strictObject({ id: stashId, part: stashPart }), output: z.strictObject({ data: bytes }) },
  /** the head first (the stash stops counting), then every part */
  'vault:stash-clear': { input: z.strictObject({}), output: z.strictObject({ cleared: z.literal(true) }) },
  /**
   * Clear the app's IndexedDB storage completely through the session, so Chromium deletes its
   * files (deleting the database from the page leaves old values in them until compaction).
   */
  'vault:clear-database': { input: z.strictObject({}), output: z.strictObject({ cleared: z.literal(true) }) },
} as const;

export type Channel = keyof typeof channels;
export type Input<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type Output<C extends Channel> = z.output<(typeof channels)[C]['output']>;

/** Events main sends to the renderer. */
export const events = {
  'records:progress': z.object({ jobId: z.string(), progress: ProgressSchema }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What the preload exposes on `window.api`: one named function per channel. */
export interface RendererApi {
  readRecord(input: Input<'records:read'>, onProgress?: (p: z.output<typeof ProgressSchema>) => void): Promise<Output<'records:read'>>;
  cancelRead(jobId: string): Promise<Output<'records:cancel'>>;
  renderPage(input: Input<'records:render-page'>): Promise<Output<'records:render-page'>>;
  appInfo(): Promise<Output<'app:info'>>;
  print(): Promise<Output<'app:print'>>;
  savePdf(input: Input<'app:save-pdf'>): Promise<Output<'app:save-pdf'>>;
  keychainWrap(key: Uint8Array): Promise<Output<'keychain:wrap'>>;
  keychainUnwrap(wrapped: Uint8Array): Promise<Output<'keychain:unwrap'>>;
  saveBackup(input: Input<'backup:save'>): Promise<Output<'backup:save'>>;
  eraseData(): Promise<Output<'data:erase'>>;
  stashSave(input: Input<'vault:stash-save'>): Promise<Output<'vault:stash-save'>>;
  stashCommit(input: Input<'vault:stash-commit'>): Promise<Output<'vault:stash-commit'>>;
  stashInfo(): Promise<Output<'vault:stash-info'>>;
  stashRead(input: Input<'vault:stash-read'>): Promise<Output<'vault:stash-read'>>;
  stashClear(): Promise<Output<'vault:stash-clear'>>;
  clearDatabase(): Promise<Output<'vault:clear-database'>>;
}
