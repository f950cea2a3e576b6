// Small byte helpers for the at-rest modules. Pure: WebCrypto and the standard globals
// (TextEncoder, btoa, atob) only, so the same code runs in the renderer and under Node.

/** Byte arrays backed by a plain ArrayBuffer, as WebCrypto's types require. */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (s: string): Bytes => encoder.encode(s) as Bytes;
export const fromUtf8 = (b: Uint8Array): string => decoder.decode(b);

/** A copy on a fresh ArrayBuffer (also turns any view into exactly its bytes). */
export const copy = (b: Uint8Array): Bytes => new Uint8Array(b) as Bytes;

export function concat(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out as Bytes;
}

export function randomBytes(n: number): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(n)) as Bytes;
}

/** Equal length and contents, comparing every byte (no early exit). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Strict base64: anything else is null (callers turn that into "damaged"). */
export function fromBase64(s: unknown): Bytes | null {
  if (typeof s !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  try {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out as Bytes;
  } catch {
    return null;
  }
}

export async function sha256(b: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', copy(b))) as Bytes;
}

/** Overwrite key material we no longer need (best effort: JS may hold other copies). */
export function wipe(b: Uint8Array | null | undefined): void {
  b?.fill(0);
}
