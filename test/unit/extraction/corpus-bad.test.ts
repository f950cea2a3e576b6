// Every hostile or broken input in corpus-bad, handled as its README says: no crash, no
// hang, a plain problem for what cannot be read, nothing read from attachments or scripts.
// (The 300-page scan has its own test: corpus-bad-scan300.test.ts.)
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../../electron/extraction/read-document.ts';
import { OcrPool } from '../../../electron/extraction/ocr-pool.ts';
import { corpusBad, readBytes } from '../../support/paths.ts';

const pool = new OcrPool({ size: 2 });
afterAll(() => pool.terminate());
const read = (file: string, password?: string) => readDocument(file, readBytes(corpusBad(file)), { ocr: () => pool, password });
const codes = (d: { problems: { code: string }[] }) => d.problems.map((p) => p.code);
const allText = (d: { pages: { text: string }[] }) => d.pages.map((p) => p.text).join('\n');

describe('corpus-bad', () => {
  it('empty file: says it is empty', async () => {
    const d = await read('empty-zero-bytes.pdf');
    expect(d.type).toBe('empty');
    expect(codes(d)).toEqual(['empty']);
    expect(d.problems[0].fatal).toBe(true);
    expect(d.problems[0].message).toMatch(/empty/i);
  });

  it('encrypted: asks for the password, says when it is wrong, opens with the right one', async () => {
    const none = await read('encrypted-password.pdf');
    expect(codes(none)).toEqual(['password-required']);
    expect(none.problems[0].message).toMatch(/password/i);
    const wrong = await read('encrypted-password.pdf', 'tumor-board-2025');
    expect(codes(wrong)).toEqual(['password-wrong']);
    const right = await read('encrypted-password.pdf', 'Tumor-Board-2025');
    expect(right.problems.filter((p) => p.fatal)).toEqual([]);
    expect(right.pageCount).toBe(1);
    expect(allText(right)).toMatch(/adenocarcinoma/i);
  }, 60_000);

  it('truncated: reports a damaged file in bounded time', async () => {
    const t0 = Date.now();
    const d = await read('truncated.pdf');
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(codes(d)).toContain('damaged');
    expect(d.problems.find((p) => p.code === 'damaged')!.message).toMatch(/damaged|incomplete/i);
  }, 60_000);

  it('corrupt xref: repairs what it can, reads the text and warns', async () => {
    const d = await read('corrupt-xref.pdf');
    expect(codes(d)).toContain('damaged');
    expect(d.problems.every((p) => !p.fatal)).toBe(true);
    expect(allText(d).length).toBeGreaterThan(200);
  }, 60_000);

  it('a JPEG named .pdf: read as a picture, and says so', async () => {
    const d = await read('photo-jpeg-renamed.pdf');
    expect(d.type).toBe('image');
    expect(codes(d)).toContain('renamed-image');
    expect(allText(d)).toMatch(/adenocarcinoma/i);
  }, 120_000);

  it('JavaScript and an attachment: never run or read, only the visible note', async () => {
    const d = await read('javascript-and-attachment.pdf');
    expect(codes(d)).toEqual(expect.arrayContaining(['javascript-ignored', 'attachment-ignored']));
    const text = allText(d);
    expect(text).toMatch(/alectinib/i);
    // the decoy facts live only in the attachment
    expect(text).not.toMatch(/L858R|pembrolizumab/i);
  });

  it('blank pages: five pages, the two scanned ones OCRd, no text, a gentle note', async () => {
    const d = await read('blank-pages.pdf');
    expect(d.pageCount).toBe(5);
    expect(d.pages.filter((p) => p.source === 'ocr').map((p) => p.page)).toEqual([4, 5]);
    expect(allText(d).trim()).toBe('');
    expect(codes(d)).toEqual(['no-text']);
  }, 60_000);

  it('a utility bill: read normally (it is simply not a medical record)', async () => {
    const d = await read('utility-bill.pdf');
    expect(d.problems).toEqual([]);
    expect(d.pages[0].source).toBe('text-layer');
  });
});
