// Records on disk → one facts/1 object: the command line's whole pipeline, and `guide`'s
// when it is given records. The app runs the same readDocument/extractDocument steps in
// its extraction process and merges in the renderer, where the person's corrections live.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DocumentText, Progress } from '../../shared/contract/document.ts';
import type { Facts } from '../../shared/contract/facts.ts';
import { extractDocument, mergeDocuments, type DocumentFacts } from '../../shared/extract/index.ts';
import { readDocument } from './read-document.ts';
import { OcrPool, defaultPoolSize } from './ocr-pool.ts';
import { messages } from './messages.ts';
import { folderCache, type TextCache } from './text-cache.ts';

export interface FileProblem { file: string; message: string }

export interface RecordsOptions {
  password?: string;
  /** re-use documents already read (see text-cache.ts); default: RECORDS_TEXT_CACHE if set */
  cache?: TextCache | null;
  onProgress?: (file: string, p: Progress) => void;
}

export async function factsFromFiles(paths: string[], options: RecordsOptions = {}): Promise<{ facts: Facts; problems: FileProblem[]; documents: DocumentText[] }> {
  const cache = options.cache !== undefined ? options.cache : process.env.RECORDS_TEXT_CACHE ? folderCache(process.env.RECORDS_TEXT_CACHE) : null;
  let pool: OcrPool | null = null;
  const ocr = () => (pool ??= new OcrPool());
  const results: Array<{ doc: DocumentText; facts: DocumentFacts }> = new Array(paths.length);
  try {
    // a few files at once keeps every OCR worker busy when each file is a one-page scan
    await eachLimited(paths, defaultPoolSize() + 1, async (p, i) => {
      const file = path.basename(p);
      let doc: DocumentText;
      try {
        const bytes = new Uint8Array(await fs.readFile(p));
        const hit = await cache?.get(bytes, options.password);
        doc = hit ? { ...hit, file } : await readDocument(file, bytes, { password: options.password, ocr, onProgress: (pr) => options.onProgress?.(file, pr) });
        if (!hit) await cache?.put(bytes, options.password, doc);
      } catch (e: any) {
        const problem = e?.code === 'ENOENT' ? { ...messages.failed(), message: 'File not found.' }
          : e?.code === 'EISDIR' ? { ...messages.failed(), message: 'This is a folder, not a file.' }
          : messages.failed();
        doc = { file, sha256: '0'.repeat(64), type: 'unknown', mime: null, pages: [], pageCount: 0, problems: [problem] };
      }
      // an unreadable file still gets its line in `sources` (one per input file), with no facts
      results[i] = { doc, facts: extractDocument(doc) };
    });
  } finally {
    await (pool as OcrPool | null)?.terminate();
  }
  const problems: FileProblem[] = [];
  for (const r of results) for (const pr of r.doc.problems) problems.push({ file: r.doc.file, message: pr.message });
  const facts = mergeDocuments(results.map((r) => r.facts));
  const warnings = problems.length ? problems : undefined;
  return { facts: warnings ? { ...facts, warnings } : facts, problems, documents: results.map((r) => r.doc) };
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => { while (next < items.length) { const i = next++; await fn(items[i], i); } };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}
