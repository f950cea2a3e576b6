// Open an untrusted PDF with pdf.js, hardened: no scripting, no XFA, no eval, no system
// fonts, every asset from a local folder, and a plain-words problem for every way opening
// can fail (password, damage, not a PDF at all).
import { getDocument, OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Problem } from '../../shared/contract/document.ts';
import { assets } from './assets.ts';

export { OPS, Util };

export type PdfDoc = Awaited<ReturnType<typeof getDocument>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDoc['getPage']>>;

export interface OpenedPdf {
  doc: PdfDoc;
  close: () => Promise<void>;
}

export class PdfOpenError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.problem = problem;
  }
}

export async function openPdf(bytes: Uint8Array, password?: string): Promise<OpenedPdf> {
  const a = assets();
  // pdf.js may transfer the buffer it is given; hand it a copy so the caller's stays intact.
  const task = getDocument({
    data: bytes.slice(),
    password,
    // pdf.js 6 has no eval path left; the flag stays as a guard should a future build add one.
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    stopAtErrors: false, // recover what a damaged file still holds; we warn separately
    maxImageSize: 64 * 1024 * 1024,
    standardFontDataUrl: a.standardFontDataUrl,
    cMapUrl: a.cMapUrl,
    cMapPacked: true,
    wasmUrl: a.wasmUrl,
    iccUrl: a.iccUrl,
    verbosity: 0,
  } as Parameters<typeof getDocument>[0]);
  try {
    const doc = await task.promise;
    return { doc, close: () => task.destroy() };
  } catch (e: any) {
    await task.destroy().catch(() => undefined);
    throw new PdfOpenError(problemFor(e, password));
  }
}

function problemFor(e: any, password?: string): Problem {
  if (e?.name === 'PasswordException') {
    // pdf.js: code 1 = a password is needed, 2 = the one given is wrong
    return e.code === 2 || password
      ? { code: 'password-wrong', fatal: true, message: 'That password did not open this PDF. Check it (passwords are case-sensitive) and try again.' }
      : { code: 'password-required', fatal: true, message: 'This PDF is password-protected. Enter its password to read it; the password is used only on this computer and is not stored.' };
  }
  if (e?.name === 'InvalidPDFException')
    return { code: 'damaged', fatal: true, message: 'This PDF is damaged or incomplete, and nothing could be read from it. If you have another copy, or can download it again, try that one.' };
  return { code: 'read-failed', fatal: true, message: 'This PDF could not be opened. It may be damaged. If you have another copy, try that one.' };
}

/**
 * Signs of damage pdf.js quietly repairs, read from the raw bytes: a file cut short has
 * no end-of-file marker, and a broken index points past the end. Used only to warn.
 */
export function structuralDamage(bytes: Uint8Array): 'truncated' | 'broken-index' | null {
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 2048)));
  const all = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = all.length ? all[all.length - 1] : null;
  if (last) {
    const at = Number(last[1]);
    const there = at < bytes.length ? latin1(bytes.subarray(at, at + 24)) : '';
    if (!/^\s*(xref|\d+\s+\d+\s+obj)/.test(there)) return 'broken-index';
  }
  return /%%EOF/.test(tail) ? null : 'truncated';
}

/** Active content and embedded files, named in the raw bytes. We never run or open them. */
export function activeContent(bytes: Uint8Array): { javascript: boolean; attachments: boolean } {
  const text = latin1(bytes);
  return {
    javascript: /\/(JavaScript|JS)\b/.test(text),
    attachments: /\/EmbeddedFiles?\b/.test(text),
  };
}

function latin1(b: Uint8Array): string {
  // one native decode: building the string a chunk at a time cost a tenth of reading a text PDF
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}
