// Reads records through window.api.readRecord a few at a time, keeps each one's live
// progress for the screen, and writes the outcome to the store. A few, not one: most records
// are one to three pages, and one file alone leaves the OCR workers idle while it is opened
// and its first page read (npm run bench, "batch": twenty scans read three at a time finished
// 1.8x sooner than one after another on two cores). Not all at once either: each file in
// flight holds its bytes and a parsed PDF in the extraction process. A record left half-read when the app closed is picked up
// again at the next start (see resumeImports).
import type { PageSource, Phase, Progress } from '../../../../shared/contract/document.ts';
import { ocrPagesOf } from '../../../../shared/contract/document.ts';
import { api, plainError } from '../../api.ts';
import { sessionPasswords } from '../../store/session.ts';
import { getRecord, readOriginal, recordsWithStatus, saveDocument, updateRecord, type RecordMeta } from '../../store/records.ts';

export interface JobProgress { phase: Phase | 'waiting'; page: number; pages: number; source?: PageSource }
export type ProgressSnapshot = ReadonlyMap<string, JobProgress>;

const STOPPED = 'Reading was stopped. You can read this file again at any time.';

/** How many records are read at once: one more than the cores (main starts an OCR worker per core), at most three. */
export function readersFor(cores: number): number {
  return Math.min(3, Math.max(1, Math.floor(cores) || 1) + 1);
}

export class Importer {
  private queue: Array<{ id: string; password?: string }> = [];
  private readonly running = new Set<string>();
  private readonly cancelled = new Set<string>();
  private snapshot: ProgressSnapshot = new Map();
  private readonly listeners = new Set<() => void>();

  private readonly readers: number;

  constructor(readers = readersFor(globalThis.navigator?.hardwareConcurrency ?? 1)) {
    this.readers = readers;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): ProgressSnapshot => this.snapshot;

  enqueue(id: string, password?: string): void {
    if (this.running.has(id) || this.queue.some((j) => j.id === id)) return;
    this.queue.push({ id, password });
    this.set(id, { phase: 'waiting', page: 0, pages: 0 });
    void this.pump();
  }

  async cancel(id: string): Promise<void> {
    const queued = this.queue.findIndex((j) => j.id === id);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.set(id, null);
      await updateRecord(id, 'cancelled', { message: STOPPED });
      return;
    }
    if (!this.running.has(id)) return;
    this.cancelled.add(id);
    await api().cancelRead(id).catch(() => undefined);
  }

  private set(id: string, p: JobProgress | null): void {
    const next = new Map(this.snapshot);
    if (p) next.set(id, p); else next.delete(id);
    this.snapshot = next;
    for (const fn of this.listeners) fn();
  }

  private async pump(): Promise<void> {
    if (this.running.size >= this.readers) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running.add(job.id);
    void this.pump(); // start the next one too, if there is room
    try {
      await this.read(job.id, job.password);
    } finally {
      this.running.delete(job.id);
      this.set(job.id, null);
      void this.pump();
    }
  }

  private async read(id: string, typed?: string): Promise<void> {
    // reading a locked PDF again in the same session uses the password typed earlier
    const password = typed ?? sessionPasswords.get(id);
    const record = await getRecord(id);
    const bytes = record && await readOriginal(id);
    if (!record) return;
    if (!bytes) {
      await updateRecord(id, 'failed', { message: 'The saved copy of this file is missing. Please add the file again.' });
      return;
    }
    await updateRecord(id, 'reading', { message: undefined });
    this.set(id, { phase: 'opening', page: 0, pages: 0 });
    try {
      const onProgress = (p: Progress) => this.set(id, { phase: p.phase, page: p.page, pages: p.pages, source: p.source });
      const { document } = await api().readRecord({ jobId: id, name: record.meta.name, bytes, ...(password ? { password } : {}) }, onProgress);
      const problems = document.problems;
      const needsPassword = problems.some((p) => p.code === 'password-required' || p.code === 'password-wrong');
      const patch: Partial<RecordMeta> = {
        type: document.type, mime: document.mime, pageCount: document.pageCount, ocrPages: ocrPagesOf(document),
        problems, locked: needsPassword || !!password, message: undefined,
      };
      if (needsPassword) return void await updateRecord(id, 'password', patch);
      if (password) sessionPasswords.set(id, password);
      if (!document.pages.length && problems.some((p) => p.fatal)) return void await updateRecord(id, 'failed', patch);
      await saveDocument(id, document, 'done', patch);
    } catch (e) {
      const stopped = this.cancelled.delete(id);
      await updateRecord(id, stopped ? 'cancelled' : 'failed', { message: stopped ? STOPPED : plainError(e) });
    }
  }
}

export const importer = new Importer();

/** Records that were waiting or being read when the app last closed are read again. */
export async function resumeImports(): Promise<void> {
  for (const id of await recordsWithStatus(['queued', 'reading'])) importer.enqueue(id);
}
