import { describe, expect, it } from 'vitest';
import { sniff, decodeText } from '../../../electron/extraction/sniff.ts';

const b = (...v: number[]) => new Uint8Array(v);
const s = (text: string) => new TextEncoder().encode(text);

describe('sniff decides by bytes, not names', () => {
  it.each([
    ['empty', new Uint8Array(0), 'empty', null],
    ['pdf', s('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf', 'application/pdf'],
    ['pdf after junk', s('\r\n\r\ngarbage%PDF-1.4\n'), 'pdf', 'application/pdf'],
    ['jpeg', b(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image', 'image/jpeg'],
    ['png', b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image', 'image/png'],
    ['tiff little-endian', b(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0), 'image', 'image/tiff'],
    ['tiff big-endian', b(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8), 'image', 'image/tiff'],
    ['webp', new Uint8Array([...s('RIFF'), 0, 0, 0, 0, ...s('WEBPVP8 ')]), 'image', 'image/webp'],
    ['heic photo', new Uint8Array([0, 0, 0, 0x18, ...s('ftypheic'), 0, 0]), 'unknown', 'image/heic'],
    ['zip/office', b(0x50, 0x4b, 0x03, 0x04, 0x14, 0), 'unknown', 'application/zip'],
    ['utf-8 text', s('Pathology report\nDiagnosis: adenocarcinoma — ≥50 %\n'), 'text', 'text/plain'],
    ['utf-16 text', b(0xff, 0xfe, 0x41, 0x00, 0x42, 0x00), 'text', 'text/plain'],
    ['binary', b(0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0x9f, 0x92, 0x96), 'unknown', null],
  ])('%s', (_name, bytes, type, mime) => {
    const r = sniff(bytes);
    expect(r.type).toBe(type);
    expect(r.mime).toBe(mime);
  });

  it('decodes UTF-16 and UTF-8 with a BOM', () => {
    expect(decodeText(b(0xff, 0xfe, 0x41, 0x00, 0x42, 0x00))).toBe('AB');
    expect(decodeText(b(0xef, 0xbb, 0xbf, 0x41))).toBe('A');
  });
});
