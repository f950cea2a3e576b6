// What crosses the process boundary must not change the answer: a record's facts,
// validated by the protocol schema and cloned as IPC clones them, merge to exactly what
// the command line's in-process merge gives.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { readDocument } from '../../../electron/extraction/read-document.ts';
import { DocumentFactsSchema } from '../../../shared/contract/extraction-protocol.ts';
import { extractDocument, mergeDocuments } from '../../../shared/extract/index.ts';
import { corpus, readBytes, truthSources } from '../../support/paths.ts';

const noOcr = () => { throw new Error('these records need no OCR'); };

describe('DocumentFacts across the process boundary', () => {
  it('merges to the same facts after schema validation and structured cloning', async () => {
    let checked = 0;
    for (const c of fs.readdirSync(corpus()).filter((n) => n.startsWith('case')).sort()) {
      const sources = truthSources(c);
      if (sources.some((s) => s.ocrPages.length)) continue; // born-digital cases only: fast
      const docs = await Promise.all(sources.map((s) => readDocument(s.file, readBytes(corpus(c, s.file)), { ocr: noOcr as never })));
      const direct = mergeDocuments(docs.map(extractDocument));
      const crossed = mergeDocuments(docs.map((d) => DocumentFactsSchema.parse(structuredClone(extractDocument(d)))));
      expect(crossed).toEqual(direct);
      if (++checked === 4) break;
    }
    expect(checked).toBe(4);
  }, 60_000);
});
