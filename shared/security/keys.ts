// The data key and how it is kept. One random 256-bit AES-GCM data key encrypts every
// stored value (codec.ts). It is never stored in the clear: it is wrapped by a key derived
// from the person's passphrase and, optionally, also by the OS keychain (Electron
// safeStorage through window.api.keychainWrap/Unwrap) so this computer can open it without
// asking. Changing the passphrase re-wraps the data key only; no value is re-encrypted.
// Deleting the key file destroys access to everything it protected ("crypto-shredding").
//
// The key file is plain JSON (strings only), safe to store anywhere, e.g. a Dexie row.
import { copy, fromBase64, randomBytes, sameBytes, sha256, toBase64, utf8, wipe, type Bytes } from './bytes.ts';
import { SecurityError } from './errors.ts';
import { deriveAndCheck, deriveKeys, isAcceptablePassphrase, KDF_ALGORITHM, newKdfParams, SALT_BYTES, type KdfParams } from './kdf.ts';

export const KEY_FILE_FORMAT = 'records-keys/1';
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const PURPOSE = 'key-file/1';

export interface PassphraseSlot {
  kdf: typeof KDF_ALGORITHM;
  iterations: number;
  salt: string;
  /** equal to what the passphrase derives: tells a wrong passphrase from damage */
  check: string;
  iv: string;
  /** the data key, AES-GCM encrypted with the passphrase key */
  wrapped: string;
  /** SHA-256 of the slot, to report accidental damage before any key work */
  digest: string;
}

export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  /** random; names the data key (a keychain blob or a verifier must belong to it) */
  keyId: string;
  /** encrypts a fixed text under the data key: proves an unwrapped key is the right one */
  verifier: { iv: string; ct: string };
  passphrase: PassphraseSlot;
  /** present when this computer's keychain can also open the data key */
  keychain?: { wrapped: string };
}

/** The OS keychain as the renderer reaches it (window.api.keychainWrap/Unwrap). null: unavailable. */
export interface Keychain {
  wrap(key: Uint8Array): Promise<Uint8Array | null>;
  unwrap(wrapped: Uint8Array): Promise<Uint8Array | null>;
}

export interface CreateOptions {
  /** PBKDF2 iterations (default 600,000; tests use fewer) */
  iterations?: number;
  /** also let this computer's keychain open the key */
  keychain?: Keychain;
}

const subtle = () => globalThis.crypto.subtle;
const wrapAd = (keyId: string) => utf8(`${KEY_FILE_FORMAT}\0${keyId}\0passphrase`);
const verifierAd = (keyId: string) => utf8(`${KEY_FILE_FORMAT}\0${keyId}\0verifier`);
const VERIFIER_TEXT = 'records-companion data key';

async function importDataKey(raw: Uint8Array): Promise<CryptoKey> {
  if (raw.length !== DATA_KEY_BYTES) throw new SecurityError('damaged');
  return subtle().importKey('raw', copy(raw), { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function slotDigest(keyId: string, s: Omit<PassphraseSlot, 'digest'>): Promise<string> {
  return toBase64(await sha256(utf8([KEY_FILE_FORMAT, keyId, s.kdf, s.iterations, s.salt, s.check, s.iv, s.wrapped].join('\0'))));
}

async function passphraseSlot(raw: Uint8Array, keyId: string, passphrase: string, iterations?: number): Promise<PassphraseSlot> {
  if (!isAcceptablePassphrase(passphrase)) throw new SecurityError('weak-passphrase');
  const params = newKdfParams(iterations);
  const { key, check } = await deriveKeys(passphrase, params, PURPOSE);
  const iv = randomBytes(IV_BYTES);
  const wrapped = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: wrapAd(keyId) }, key, copy(raw)));
  const slot: Omit<PassphraseSlot, 'digest'> = { kdf: KDF_ALGORITHM, iterations: params.iterations, salt: toBase64(params.salt), check: toBase64(check), iv: toBase64(iv), wrapped: toBase64(wrapped) };
  return { ...slot, digest: await slotDigest(keyId, slot) };
}

/** A new data key, protected by `passphrase` (and the keychain when given and available). */
export async function createKeys(passphrase: string, options: CreateOptions = {}): Promise<{ keyFile: KeyFile; dataKey: CryptoKey }> {
  const raw = randomBytes(DATA_KEY_BYTES);
  try {
    const keyId = toBase64(randomBytes(16));
    const dataKey = await importDataKey(raw);
    const viv = randomBytes(IV_BYTES);
    const vct = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: viv, additionalData: verifierAd(keyId) }, dataKey, utf8(VERIFIER_TEXT)));
    let keyFile: KeyFile = {
      format: KEY_FILE_FORMAT, keyId, verifier: { iv: toBase64(viv), ct: toBase64(vct) },
      passphrase: await passphraseSlot(raw, keyId, passphrase, options.iterations),
    };
    if (options.keychain) keyFile = await withKeychainRaw(keyFile, raw, options.keychain);
    return { keyFile, dataKey };
  } finally {
    wipe(raw);
  }
}

/** Check the key file's shape; damaged unless every field is what we write. */
export function parseKeyFile(value: unknown): KeyFile {
  const f = value as KeyFile;
  const s = f?.passphrase;
  const b64 = (v: unknown, len?: number) => { const b = fromBase64(v); return !!b && (len === undefined || b.length === len); };
  const ok = !!f && typeof f === 'object' && f.format === KEY_FILE_FORMAT && b64(f.keyId, 16)
    && !!f.verifier && b64(f.verifier.iv, IV_BYTES) && b64(f.verifier.ct)
    && !!s && typeof s === 'object' && s.kdf === KDF_ALGORITHM && typeof s.iterations === 'number'
    && b64(s.salt, SALT_BYTES) && b64(s.check, 32) && b64(s.iv, IV_BYTES) && b64(s.wrapped, DATA_KEY_BYTES + 16) && b64(s.digest, 32)
    && (f.keychain === undefined || (!!f.keychain && b64(f.keychain.wrapped)));
  if (!ok) throw new SecurityError('damaged');
  return f;
}

async function unwrapRaw(file: KeyFile, passphrase: string): Promise<Bytes> {
  const f = parseKeyFile(file);
  const s = f.passphrase;
  if (!sameBytes(fromBase64(s.digest)!, fromBase64(await slotDigest(f.keyId, s))!)) throw new SecurityError('damaged');
  const params: KdfParams = { algorithm: KDF_ALGORITHM, iterations: s.iterations, salt: fromBase64(s.salt)! };
  const key = await deriveAndCheck(passphrase, params, PURPOSE, fromBase64(s.check)!);
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(s.iv)!, additionalData: wrapAd(f.keyId) }, key, fromBase64(s.wrapped)!)) as Bytes;
  } catch {
    throw new SecurityError('damaged');
  }
}

async function verified(file: KeyFile, raw: Uint8Array): Promise<CryptoKey | null> {
  const key = await importDataKey(raw);
  try {
    await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(file.verifier.iv)!, additionalData: verifierAd(file.keyId) }, key, fromBase64(file.verifier.ct)!);
    return key;
  } catch {
    return null;
  }
}

/** The data key, opened with the passphrase. Throws wrong-passphrase or damaged. */
export async function unlockWithPassphrase(file: KeyFile, passphrase: string): Promise<CryptoKey> {
  const raw = await unwrapRaw(file, passphrase);
  try {
    const key = await verified(file, raw);
    if (!key) throw new SecurityError('damaged');
    return key;
  } finally {
    wipe(raw);
  }
}

/** The data key, opened by this computer's keychain; null when it cannot (ask for the passphrase). */
export async function unlockWithKeychain(file: KeyFile, keychain: Keychain): Promise<CryptoKey | null> {
  const f = parseKeyFile(file);
  if (!f.keychain) return null;
  let raw: Uint8Array | null = null;
  try {
    raw = await keychain.unwrap(fromBase64(f.keychain.wrapped)!);
    if (!raw || raw.length !== DATA_KEY_BYTES) return null;
    return await verified(f, raw);
  } catch {
    return null;
  } finally {
    wipe(raw);
  }
}

/** Re-wrap the same data key under a new passphrase (fresh salt); nothing is re-encrypted. */
export async function changePassphrase(file: KeyFile, oldPassphrase: string, newPassphrase: string, options: { iterations?: number } = {}): Promise<KeyFile> {
  const raw = await unwrapRaw(file, oldPassphrase);
  try {
    return { ...file, passphrase: await passphraseSlot(raw, file.keyId, newPassphrase, options.iterations) };
  } finally {
    wipe(raw);
  }
}

/** Let this computer's keychain open the key too (the passphrase proves it is the owner). */
export async function addKeychain(file: KeyFile, passphrase: string, keychain: Keychain): Promise<KeyFile> {
  const raw = await unwrapRaw(file, passphrase);
  try {
    return await withKeychainRaw(file, raw, keychain);
  } finally {
    wipe(raw);
  }
}

/** Stop the keychain opening the key: the passphrase is needed every time. */
export function removeKeychain(file: KeyFile): KeyFile {
  const { keychain: _dropped, ...rest } = file;
  return rest;
}

async function withKeychainRaw(file: KeyFile, raw: Uint8Array, keychain: Keychain): Promise<KeyFile> {
  const wrapped = await keychain.wrap(copy(raw)).catch(() => null);
  return wrapped ? { ...file, keychain: { wrapped: toBase64(wrapped) } } : removeKeychain(file);
}

/** Iterations below today's default: re-wrap (changePassphrase with the same passphrase) after unlocking. */
export function needsUpgrade(file: KeyFile, defaultIterations: number): boolean {
  return file.passphrase.iterations < defaultIterations;
}
