// Every file in corpus-bad, handled as its README says, through the path the app uses: the
// BUILT extraction process behind the real ExtractionClient (the in-process pipeline has its
// own table in test/unit/extraction/corpus-bad.test.ts). One row per file; each row says
// what the README asks for. Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Output } from '../../../shared/contract/ipc.ts';
import type { Progress } from '../../../shared/contract/document.ts';
import { corpusBad, readBytes } from '../../support/paths.ts';
import { launchExtraction, messageCatalogue, type Launched } from './harness.ts';

type Read = Output<'records:read'>;
let ex: Launched;
beforeAll(() => { ex = launchExtraction({ stallMs: 60_000 }); });
afterAll(() => ex?.dispose());

const catalogue = messageCatalogue();
let n = 0;
async function read(file: string, password?: string, onProgress?: (p: Progress) => void): Promise<{ r: Read; seconds: number }> {
  const t0 = Date.now();
  const r = await ex.client.read({ jobId: `bad-${++n}`, name: file, bytes: readBytes(corpusBad(file)) as Uint8Array<ArrayBuffer>, password }, onProgress);
  // whatever the file, every problem is a plain sentence from the catalogue
  for (const p of r.document.problems) expect(catalogue.some((re) => re.test(p.message)), p.message).toBe(true);
  return { r, seconds: (Date.now() - t0) / 1000 };
}
const codes = (r: Read) => r.document.problems.map((p) => `${p.code}${p.fatal ? '!' : ''}`);
const text = (r: Read) => r.document.pages.map((p) => p.text).join('\n');
const noFacts = (r: Read) => {
  expect(r.facts.diagnosis.histology).toBeNull();
  expect(r.facts.diagnosis.cancerType).toBeNull();
  expect(r.facts.stage.group).toBeNull();
  expect(r.facts.biomarkers).toEqual([]);
  expect(r.facts.treatments).toEqual([]);
};

describe('corpus-bad through the extraction process', () => {
  it('the table covers every file in corpus-bad', () => {
    const covered = ['encrypted-password.pdf', 'truncated.pdf', 'corrupt-xref.pdf', 'empty-zero-bytes.pdf', 'photo-jpeg-renamed.pdf', 'scanned-300-pages.pdf', 'blank-pages.pdf', 'utility-bill.pdf', 'javascript-and-attachment.pdf'];
    expect(fs.readdirSync(corpusBad()).filter((f) => f !== 'README.md').sort()).toEqual(covered.sort());
  });

  it('encrypted-password.pdf: says "password-protected", never guesses; with the password: adenocarcinoma, PD-L1 TPS 60 %', async () => {
    const { r } = await read('encrypted-password.pdf');
    expect(codes(r)).toEqual(['password-required!']);
    expect(r.document.problems[0].message).toMatch(/password-protected/);
    noFacts(r);
    const wrong = await read('encrypted-password.pdf', 'tumor-board-2025');
    expect(codes(wrong.r)).toEqual(['password-wrong!']);
    const right = await read('encrypted-password.pdf', 'Tumor-Board-2025');
    expect(codes(right.r)).toEqual([]);
    expect(right.r.facts.diagnosis.histology).toBe('adenocarcinoma');
    expect(right.r.facts.biomarkers).toEqual(expect.arrayContaining([expect.objectContaining({ gene: 'PD-L1', value: 60 })]));
  }, 60_000);

  it('truncated.pdf: "damaged/incomplete", no crash, no hang', async () => {
    const { r, seconds } = await read('truncated.pdf');
    expect(seconds).toBeLessThan(30);
    expect(codes(r).some((c) => c.startsWith('damaged'))).toBe(true);
    expect(r.document.problems.find((p) => p.code === 'damaged')!.message).toMatch(/damaged|incomplete/);
  }, 60_000);

  it('corrupt-xref.pdf: repaired leniently, what is legible extracted, with a warning', async () => {
    const { r, seconds } = await read('corrupt-xref.pdf');
    expect(seconds).toBeLessThan(30);
    expect(codes(r)).toContain('damaged');
    expect(text(r).length).toBeGreaterThan(200);
    expect(r.facts.diagnosis.histology).toBe('adenocarcinoma');
  }, 60_000);

  it('empty-zero-bytes.pdf: "empty file", pages 0', async () => {
    const { r } = await read('empty-zero-bytes.pdf');
    expect(codes(r)).toEqual(['empty!']);
    expect(r.document.pageCount).toBe(0);
    expect(r.facts.source.pages).toBe(0);
    noFacts(r);
  });

  it('photo-jpeg-renamed.pdf: sniffed as a JPEG, read as a picture (adenocarcinoma, PD-L1 60 %), and says so', async () => {
    const { r } = await read('photo-jpeg-renamed.pdf');
    expect(r.document.type).toBe('image');
    expect(codes(r)).toContain('renamed-image');
    expect(r.facts.diagnosis.histology).toBe('adenocarcinoma');
    expect(r.facts.biomarkers).toEqual(expect.arrayContaining([expect.objectContaining({ gene: 'PD-L1', value: 60 })]));
  }, 120_000);

  it('scanned-300-pages.pdf: visible progress page by page over all 300 pages, and cancel works (the full read is in corpus-bad-scan300.test.ts)', async () => {
    const seen: Progress[] = [];
    const reading = read('scanned-300-pages.pdf', undefined, (p) => {
      seen.push(p);
      if (p.phase === 'ocr' && p.page === 3) ex.client.cancel(`bad-${n}`);
    });
    await expect(reading).rejects.toThrow('Reading was stopped. You can read this file again at any time.');
    expect(seen[0].phase).toBe('opening');
    expect(seen.filter((p) => p.phase === 'ocr').map((p) => p.pages)).toEqual(expect.arrayContaining([300]));
    // the process is still there and reads the next file
    const next = await read('utility-bill.pdf');
    expect(next.r.document.pageCount).toBe(1);
    expect(ex.children.length).toBe(1);
  }, 120_000);

  it('blank-pages.pdf: pages 5, no facts, a "no text found" note; scanner noise is not read as facts', async () => {
    const { r } = await read('blank-pages.pdf');
    expect(r.document.pageCount).toBe(5);
    expect(codes(r)).toEqual(['no-text']);
    expect(text(r).trim()).toBe('');
    noFacts(r);
  }, 60_000);

  it('utility-bill.pdf: kind other; "Stage 2 drought surcharge", "Tier 2", "T2", "M1 meter" are not cancer facts', async () => {
    const { r } = await read('utility-bill.pdf');
    expect(text(r)).toMatch(/drought/i);
    expect(r.facts.source.kind).toBe('other');
    noFacts(r);
    expect([r.facts.stage.t, r.facts.stage.n, r.facts.stage.m]).toEqual([null, null, null]);
  });

  it('javascript-and-attachment.pdf: the script never runs, the attachment is not read (no decoy facts); the visible note is', async () => {
    const { r } = await read('javascript-and-attachment.pdf');
    expect(codes(r)).toEqual(expect.arrayContaining(['javascript-ignored', 'attachment-ignored']));
    // decoys live only in the attachment
    expect(text(r)).not.toMatch(/L858R|pembrolizumab/i);
    expect(r.facts.biomarkers.some((b) => b.gene === 'EGFR')).toBe(false);
    expect(r.facts.treatments.some((t) => /pembrolizumab/i.test(t.name))).toBe(false);
    expect(r.facts.stage.group).not.toBe('IB');
    // the visible note: stage IVA, adenocarcinoma, ALK rearrangement, alectinib
    expect(r.facts.stage.group).toBe('IVA');
    expect(r.facts.diagnosis.histology).toBe('adenocarcinoma');
    expect(r.facts.biomarkers).toEqual(expect.arrayContaining([expect.objectContaining({ gene: 'ALK', result: 'detected' })]));
    expect(r.facts.treatments.map((t) => t.name)).toContain('alectinib');
  });
});
