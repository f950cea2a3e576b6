// Main's side of the extraction process: starts it on first use, sends it validated
// messages, routes its answers to the waiting calls, and restarts it if it crashes or
// stalls, failing only the jobs that were in flight with a plain message.
import { FromExtractionSchema, type FromExtraction, type ToExtraction } from '../../shared/contract/extraction-protocol.ts';
import type { Output } from '../../shared/contract/ipc.ts';
import type { Progress } from '../../shared/contract/document.ts';

/** The few things we need from utilityProcess.fork (or child_process.fork in tests). */
export interface ChildHandle {
  postMessage(msg: ToExtraction): void;
  onMessage(handler: (msg: unknown) => void): void;
  onExit(handler: (code: number | null) => void): void;
  kill(): void;
}
export type Launch = () => ChildHandle;

interface Job {
  resolve: (msg: FromExtraction) => void;
  reject: (e: Error) => void;
  onProgress?: (p: Progress) => void;
  timer?: NodeJS.Timeout;
}

export class ExtractionError extends Error {}

export class ExtractionClient {
  private child: ChildHandle | null = null;
  private readonly jobs = new Map<string, Job>();
  private readonly launch: Launch;
  private readonly stallMs: number;
  private counter = 0;

  /** stallMs: a job with no word from the process for this long is given up (and the process restarted) */
  constructor(launch: Launch, options: { stallMs?: number } = {}) {
    this.launch = launch;
    this.stallMs = options.stallMs ?? 5 * 60_000;
  }

  async read(input: { jobId: string; name: string; bytes: Uint8Array<ArrayBufferLike>; password?: string }, onProgress?: (p: Progress) => void): Promise<Output<'records:read'>> {
    const msg = await this.run({ type: 'read', ...input }, onProgress);
    if (msg.type !== 'result') throw new ExtractionError('unexpected answer');
    return { document: msg.document, facts: msg.facts };
  }

  async render(input: { bytes: Uint8Array<ArrayBufferLike>; page: number; scale: number; turn?: number; password?: string }): Promise<Output<'records:render-page'>> {
    const jobId = `render-${++this.counter}`;
    const msg = await this.run({ type: 'render', jobId, ...input });
    if (msg.type !== 'rendered') throw new ExtractionError('unexpected answer');
    return { png: msg.png, width: msg.width, height: msg.height };
  }

  cancel(jobId: string): boolean {
    if (!this.jobs.has(jobId) || !this.child) return false;
    this.child.postMessage({ type: 'cancel', jobId });
    return true;
  }

  dispose(): void {
    this.failAll('The app is closing.');
    this.child?.kill();
    this.child = null;
  }

  private run(msg: ToExtraction & { jobId: string }, onProgress?: (p: Progress) => void): Promise<FromExtraction> {
    if (this.jobs.has(msg.jobId)) return Promise.reject(new ExtractionError('This file is already being read.'));
    const child = this.ensureChild();
    return new Promise((resolve, reject) => {
      const job: Job = { resolve, reject, onProgress };
      this.jobs.set(msg.jobId, job);
      this.arm(job);
      child.postMessage(msg);
    });
  }

  private ensureChild(): ChildHandle {
    if (this.child) return this.child;
    const child = this.launch();
    child.onMessage((raw) => this.onMessage(raw));
    child.onExit(() => {
      if (this.child !== child) return;
      this.child = null;
      this.failAll('Reading stopped unexpectedly. Nothing you saved was lost; please try this file again.');
    });
    this.child = child;
    return child;
  }

  private onMessage(raw: unknown): void {
    const parsed = FromExtractionSchema.safeParse(raw);
    if (!parsed.success || parsed.data.type === 'ready') return;
    const msg = parsed.data;
    const job = this.jobs.get(msg.jobId);
    if (!job) return;
    if (msg.type === 'progress') {
      this.arm(job);
      job.onProgress?.(msg.progress);
      return;
    }
    clearTimeout(job.timer);
    this.jobs.delete(msg.jobId);
    if (msg.type === 'failed') job.reject(new ExtractionError(msg.message));
    else job.resolve(msg);
  }

  /** (Re)start a job's stall timer: a process stuck in a hostile file is killed and replaced. */
  private arm(job: Job): void {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      const child = this.child;
      this.child = null;
      child?.kill();
      this.failAll('Reading stopped because a file took too long. Please try again; if one file keeps failing, it may be damaged.');
    }, this.stallMs);
    job.timer.unref?.();
  }

  private failAll(message: string): void {
    for (const [id, job] of this.jobs) {
      clearTimeout(job.timer);
      job.reject(new ExtractionError(message));
      this.jobs.delete(id);
    }
  }
}
