// An opt-in cache of read documents, keyed by the file's content hash and the pipeline's
// version: re-reading a record already read is instant. The command line uses it only when
// RECORDS_TEXT_CACHE names a folder (development and benchmarks); it holds record text, so
// it is never on by default. The app does not need it: it keeps what it read in its store.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { DocumentTextSchema, type DocumentText } from '../../shared/contract/document.ts';

/** Bump when reading changes what a page's text would be (OCR settings, layout rules). */
export const PIPELINE_VERSION = 'read-3';

export interface TextCache {
  get(bytes: Uint8Array, password: string | undefined): Promise<DocumentText | null>;
  put(bytes: Uint8Array, password: string | undefined, doc: DocumentText): Promise<void>;
}

export function folderCache(dir: string): TextCache {
  const keyOf = (bytes: Uint8Array, password?: string) =>
    createHash('sha256').update(PIPELINE_VERSION).update('\0').update(password ?? '').update('\0').update(bytes).digest('hex');
  return {
    async get(bytes, password) {
      try {
        const raw = await fs.readFile(path.join(dir, `${keyOf(bytes, password)}.json`), 'utf8');
        const parsed = DocumentTextSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async put(bytes, password, doc) {
      // a cancelled or failed read is not worth remembering
      if (doc.problems.some((p) => p.code === 'cancelled' || p.code === 'page-timeout' || p.code === 'read-failed')) return;
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${keyOf(bytes, password)}.json`);
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(doc));
      await fs.rename(tmp, file);
    },
  };
}
