// Adding files: the renderer reads the bytes itself (no file path ever crosses to main),
// recognises content it already has by its sha-256, keeps the original, then queues it.
import { createRecord, findBySha } from '../../store/records.ts';
import { sha256Hex } from '../../ui/bytes.ts';
import { importer } from './importer.ts';

export interface IncomingFile { name: string; bytes: Uint8Array }
export type AddOutcome =
  | { kind: 'added'; name: string; id: string }
  | { kind: 'duplicate'; name: string; existing: string }
  | { kind: 'failed'; name: string };

export async function filesFromInput(list: FileList | File[]): Promise<IncomingFile[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export async function addFiles(files: IncomingFile[], opts: { sample?: boolean } = {}): Promise<AddOutcome[]> {
  const out: AddOutcome[] = [];
  for (const f of files) {
    try {
      const sha256 = await sha256Hex(f.bytes);
      const existing = await findBySha(sha256);
      if (existing) {
        out.push({ kind: 'duplicate', name: f.name, existing: existing.meta.name });
        continue;
      }
      const id = await createRecord({ name: f.name, bytes: f.bytes, sha256, sample: opts.sample });
      importer.enqueue(id);
      out.push({ kind: 'added', name: f.name, id });
    } catch {
      out.push({ kind: 'failed', name: f.name });
    }
  }
  return out;
}

/**
 * Calm sentences about what happened, for the screen and for screen readers. Files added
 * are one sentence however many there are (the list below shows each one being read, so
 * the sentence does not say "being read now", which stays on screen after they are read).
 */
export function describeOutcomes(outcomes: AddOutcome[]): string[] {
  const added = outcomes.filter((o) => o.kind === 'added');
  const head = added.length === 1 ? [`Added “${added[0]!.name}”. You can follow its reading in the list below.`]
    : added.length > 1 ? [`Added ${added.length} files. You can follow their reading in the list below.`] : [];
  return [...head, ...outcomes.filter((o) => o.kind !== 'added').map((o) => {
    if (o.kind === 'duplicate') {
      return o.existing === o.name
        ? `“${o.name}” is already in your records, so it was not added again.`
        : `“${o.name}” has the same content as “${o.existing}”, which is already in your records, so it was not added again.`;
    }
    return `“${o.name}” could not be added. Please try again.`;
  })];
}
