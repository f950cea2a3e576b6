// Passphrase → keys. PBKDF2-HMAC-SHA-256 (WebCrypto has no memory-hard KDF) at 600,000
// iterations, OWASP's 2023 figure for this hash, with a fresh 16-byte salt per key file or
// backup. The parameters are stored beside what they protect, so a later version can raise
// the count (re-wrapping on the next unlock) and still open old files.
//
// PBKDF2 gives 256 master bits; HKDF then splits them into an AES-GCM key and a separate
// "check" value. The check tells a wrong passphrase from damaged data without decrypting,
// and costs an attacker the full PBKDF2 work per guess like everything else.
import { copy, randomBytes, sameBytes, utf8, wipe, type Bytes } from './bytes.ts';
import { SecurityError } from './errors.ts';

export const KDF_ALGORITHM = 'PBKDF2-SHA-256';
/** OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA256, 600,000 iterations. */
export const DEFAULT_ITERATIONS = 600_000;
/** The least we accept when opening anything (tests use this to stay fast). */
export const MIN_ITERATIONS = 100_000;
/** The most we accept: a hostile file must not make the app spin for minutes. */
export const MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const MIN_PASSPHRASE_LENGTH = 8;

export interface KdfParams {
  algorithm: typeof KDF_ALGORITHM;
  iterations: number;
  salt: Bytes;
}

export function newKdfParams(iterations = DEFAULT_ITERATIONS): KdfParams {
  const p: KdfParams = { algorithm: KDF_ALGORITHM, iterations, salt: randomBytes(SALT_BYTES) };
  checkKdfParams(p);
  return p;
}

/** Throws bad-parameters unless the parameters are ones we would have written. */
export function checkKdfParams(p: { algorithm?: unknown; iterations?: unknown; salt?: unknown }): asserts p is KdfParams {
  const ok = p.algorithm === KDF_ALGORITHM
    && typeof p.iterations === 'number' && Number.isSafeInteger(p.iterations)
    && p.iterations >= MIN_ITERATIONS && p.iterations <= MAX_ITERATIONS
    && p.salt instanceof Uint8Array && p.salt.length === SALT_BYTES;
  if (!ok) throw new SecurityError('bad-parameters');
}

/** The same passphrase typed on any keyboard or OS gives the same bytes (Unicode NFC). */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** Long enough to be worth a key. Anything may be pasted; no other rules (WCAG 3.3.8). */
export function isAcceptablePassphrase(passphrase: string): boolean {
  return typeof passphrase === 'string' && [...normalizePassphrase(passphrase)].length >= MIN_PASSPHRASE_LENGTH;
}

export interface DerivedKeys {
  /** AES-GCM-256, not extractable: encrypts and decrypts only */
  key: CryptoKey;
  /** 32 bytes stored in the clear beside the data: equal means the passphrase is right */
  check: Bytes;
}

/** `purpose` separates keys made from the same passphrase for different jobs. */
export async function deriveKeys(passphrase: string, params: KdfParams, purpose: string): Promise<DerivedKeys> {
  checkKdfParams(params);
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new SecurityError('weak-passphrase');
  const subtle = globalThis.crypto.subtle;
  const secret = utf8(normalizePassphrase(passphrase));
  const base = await subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  wipe(secret);
  const master = new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: copy(params.salt), iterations: params.iterations }, base, 256)) as Bytes;
  const hkdf = await subtle.importKey('raw', master, 'HKDF', false, ['deriveBits', 'deriveKey']);
  wipe(master);
  const info = (what: string) => utf8(`records-companion/${purpose}/${what}`);
  const key = await subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: info('key') }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const check = new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: info('check') }, hkdf, 256)) as Bytes;
  return { key, check };
}

/** Derive, and throw wrong-passphrase unless the check value matches. */
export async function deriveAndCheck(passphrase: string, params: KdfParams, purpose: string, expected: Uint8Array): Promise<CryptoKey> {
  const { key, check } = await deriveKeys(passphrase, params, purpose);
  if (!sameBytes(check, expected)) throw new SecurityError('wrong-passphrase');
  return key;
}
