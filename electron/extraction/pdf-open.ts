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
  await anchorDocument();
  // pdf.js may transfer the buffer it is given; hand it a copy so the caller's stays intact.
  const task = getDocument({ ...hardened(), data: bytes.slice(), password } as Parameters<typeof getDocument>[0]);
  try {
    const doc = await task.promise;
    return { doc, close: () => task.destroy() };
  } catch (e: any) {
    await task.destroy().catch(() => undefined);
    throw new PdfOpenError(problemFor(e, password));
  }
}

function hardened() {
  const a = assets();
  return {
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
  };
}

/**
 * pdf.js (fake worker, as in Node) loads its WebAssembly decoders (CCITT fax and JBIG2,
 * JPEG 2000, ICC colour) once per process, asking for the .wasm file through the message
 * channel of whichever open document it finds first. If that document is closed before the
 * answer comes, the request is never answered: the picture never decodes and its page never
 * renders (case019 of the corpus, a fax page read while another record closed, hung about
 * one time in three). A tiny document opened first and never closed is always the one found.
 */
let anchor: Promise<unknown> | null = null;
function anchorDocument(): Promise<unknown> {
  anchor ??= getDocument({ ...hardened(), data: emptyPdf() } as Parameters<typeof getDocument>[0]).promise.catch(() => null);
  return anchor;
}

/** A valid one-page PDF with nothing on its page, with a correct cross-reference table. */
function emptyPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${body}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
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
