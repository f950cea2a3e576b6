// Decide what a file is by its bytes, never by its name: a phone photo saved as
// "report.pdf" is still a JPEG, and an empty download is still empty.
import type { FileType } from '../../shared/contract/document.ts';

export interface Sniffed {
  type: FileType;
  mime: string | null;
  /** a human name for the kind of file, for messages */
  label: string;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { type: 'empty', mime: null, label: 'empty file' };
  // PDF readers accept the header anywhere in the first KiB (some scanners prepend junk).
  const head = latin1(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { type: 'pdf', mime: 'application/pdf', label: 'PDF' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { type: 'image', mime: 'image/jpeg', label: 'JPEG picture' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { type: 'image', mime: 'image/png', label: 'PNG picture' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { type: 'image', mime: 'image/tiff', label: 'TIFF picture' };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { type: 'image', mime: 'image/webp', label: 'WebP picture' };
  if (startsWith(bytes, [0x42, 0x4d])) return { type: 'image', mime: 'image/bmp', label: 'BMP picture' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { type: 'image', mime: 'image/gif', label: 'GIF picture' };
  const brand = latin1(bytes.subarray(4, 12));
  if (brand.startsWith('ftyp')) {
    const b = brand.slice(4);
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1)/.test(b)) return { type: 'unknown', mime: 'image/heic', label: 'HEIC photo' };
    if (/^avi[fs]/.test(b)) return { type: 'image', mime: 'image/avif', label: 'AVIF picture' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { type: 'unknown', mime: 'application/zip', label: 'ZIP or Office document' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { type: 'unknown', mime: 'application/x-ole-storage', label: 'old Office document' };
  if (looksLikeText(bytes)) return { type: 'text', mime: 'text/plain', label: 'text file' };
  return { type: 'unknown', mime: null, label: 'unrecognised file' };
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** Valid UTF-8 (or UTF-16 with a BOM) with almost no control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    // a multi-byte character cut at the sample's end is still text
    if (sample.length < bytes.length) {
      try { text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - 4)); } catch { return false; }
    } else return false;
  }
  let control = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control <= text.length * 0.01;
}

/** Decode a text file: UTF-16 by BOM, else UTF-8 (replacing invalid bytes). */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
