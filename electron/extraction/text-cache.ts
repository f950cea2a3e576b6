// Caches of read documents, keyed by the file's content, its password and the pipeline's
// version: re-reading a record already read is instant.
//  - folderCache: on disk, opt-in. The command line uses it only when RECORDS_TEXT_CACHE
//    names a folder (development and benchmarks); it holds record text, so it is never on by
//    default. The app does not need it: it keeps what it read in its store.
//  - memoryCache: in the extraction process's memory only, bounded, gone when it exits. The
//    UI's "read again" and a record imported twice get the same document back at once.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { DocumentTextSchema, type DocumentText } from '../../shared/contract/document.ts';

/** Bump when reading changes what a page's text would be (OCR settings, layout rules). */
export const PIPELINE_VERSION = 'read-4';

export interface TextCache {
  get(bytes: Uint8Array, password: string | undefined): Promise<DocumentText | null>;
  put(bytes: Uint8Array, password: string | undefined, doc: DocumentText): Promise<void>;
}

const keyOf = (bytes: Uint8Array, password?: string) =>
  createHash('sha256').update(PIPELINE_VERSION).update('\0').update(password ?? '').update('\0').update(bytes).digest('hex');

/** A read that was cut short or went wrong is worth doing again, not remembering. */
const worthKeeping = (doc: DocumentText) =>
  !doc.problems.some((p) => p.code === 'cancelled' || p.code === 'page-timeout' || p.code === 'read-failed' || p.code === 'page-failed');

export function folderCache(dir: string): TextCache {
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
      if (!worthKeeping(doc)) return;
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${keyOf(bytes, password)}.json`);
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(doc));
      await fs.rename(tmp, file);
    },
  };
}

export interface MemoryCacheOptions {
  /** rough bytes of text, boxes and words kept at most (default 64 MB) */
  maxBytes?: number;
  maxEntries?: number;
}

/** Least recently used documents, in memory. */
export function memoryCache(options: MemoryCacheOptions = {}): TextCache & { readonly size: number; readonly bytes: number } {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntries = options.maxEntries ?? 64;
  const entries = new Map<string, { doc: DocumentText; bytes: number }>(); // insertion order = use order
  let total = 0;
  return {
    get size() { return entries.size; },
    get bytes() { return total; },
    async get(bytes, password) {
      const key = keyOf(bytes, password);
      const hit = entries.get(key);
      if (!hit) return null;
      entries.delete(key);
      entries.set(key, hit);
      return hit.doc;
    },
    async put(bytes, password, doc) {
      if (!worthKeeping(doc)) return;
      const key = keyOf(bytes, password);
      const size = approximateBytes(doc);
      if (size > maxBytes) return;
      const old = entries.get(key);
      if (old) { total -= old.bytes; entries.delete(key); }
      entries.set(key, { doc, bytes: size });
      total += size;
      for (const [k, e] of entries) {
        if (total <= maxBytes && entries.size <= maxEntries) break;
        entries.delete(k);
        total -= e.bytes;
      }
    },
  };
}

/** What a document costs in memory, roughly: its strings (2 bytes a character) and its boxes. */
function approximateBytes(doc: DocumentText): number {
  let n = 1024;
  for (const p of doc.pages) {
    n += 256 + p.text.length * 2;
    for (const l of p.lines) {
      n += 120 + l.text.length * 2;
      for (const w of l.words ?? []) n += 120 + w.text.length * 2;
    }
  }
  return n;
}
