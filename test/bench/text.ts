// Text-layer reading: our pipeline (readDocument, in this process, pdf.js already loaded)
// against poppler's pdftotext (one process per file, as it is used) on the corpus's
// born-digital files, file by file alternating which goes first.
import fs from 'node:fs';
import path from 'node:path';
import { readDocument } from '../../electron/extraction/read-document.ts';
import type { OcrPool } from '../../electron/extraction/ocr-pool.ts';
import { corpusCases, fmt, log, now, run, spread } from './tools.ts';

export interface TextResult { files: number; pages: number; oursS: number; pdftotextS: number; ratio: number }

export function bornDigitalFiles(): string[] {
  const files: string[] = [];
  for (const c of corpusCases()) for (const s of c.sources) if (s.ocrPages.length === 0) files.push(path.join(c.dir, s.file));
  return files;
}

const noOcr = (): OcrPool => { throw new Error('a born-digital file asked for OCR'); };

export async function textVsPdftotext(limit: number, rounds: number): Promise<TextResult> {
  const files = spread(bornDigitalFiles(), limit);
  const bytes = files.map((f) => new Uint8Array(fs.readFileSync(f)));
  // warm: pdf.js and its fonts load once per process, and that is start-up, measured apart
  await readDocument('warm.pdf', bytes[0], { ocr: noOcr });
  let ours = 0, theirs = 0, pages = 0;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < files.length; i++) {
      const mine = async () => {
        const t = now();
        const doc = await readDocument(path.basename(files[i]), bytes[i], { ocr: noOcr });
        ours += now() - t;
        if (r === 0) pages += doc.pageCount;
        if (doc.pages.some((p) => p.source === 'ocr')) throw new Error(`${files[i]}: OCR on a born-digital file`);
      };
      const poppler = async () => {
        const res = await run('pdftotext', ['-enc', 'UTF-8', files[i], '-']);
        if (res.code !== 0) throw new Error(`pdftotext failed on ${files[i]}`);
        theirs += res.seconds;
      };
      if ((i + r) % 2 === 0) { await mine(); await poppler(); } else { await poppler(); await mine(); }
    }
    log(`  text round ${r + 1}/${rounds}: ours ${fmt(ours)} s, pdftotext ${fmt(theirs)} s so far (${files.length} files)`);
  }
  return { files: files.length, pages, oursS: ours / rounds, pdftotextS: theirs / rounds, ratio: ours / theirs };
}
