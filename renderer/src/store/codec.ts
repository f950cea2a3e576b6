// The one seam every sensitive value passes through on its way into and out of IndexedDB:
// original file bytes, page text, file names, facts the person added, reviews, questions and
// notes. Without a lock it is the identity; with one, the vault (vault.ts) installs a codec
// that encrypts under the data key, after unlocking and before anything is read.
// It is async on purpose: WebCrypto is async, so callers already await it. Callers encode
// BEFORE opening a Dexie transaction and decode AFTER a query (never inside one), because an
// await on non-Dexie work inside a transaction commits it early.

/** What a sensitive value looks like at rest. Opaque to everyone but the codec. */
export type Stored = unknown;

/**
 * Where a value lives: its table, the row's primary key and the field. An encrypting codec
 * binds these into the ciphertext (as additional data), so a value copied to another row or
 * field fails to open instead of showing the wrong record.
 */
export interface Where {
  table: string;
  key: string;
  field: string;
}

export interface Codec {
  /** a name for settings and diagnostics, e.g. "none" or "aes-gcm" */
  readonly name: string;
  encode(value: unknown, where: Where): Promise<Stored>;
  decode(stored: Stored, where: Where): Promise<unknown>;
  /**
   * What the records table indexes for a file's content (its sha-256 in hex), to find the
   * same file added twice. Without it, the sha-256 itself; with a lock, a keyed fingerprint,
   * so a copy of a report cannot be used to confirm it is on this computer.
   */
  contentKey?(sha256: string): Promise<string>;
}

/** Stores values as they are (IndexedDB's structured clone keeps byte arrays as bytes). */
export const identityCodec: Codec = {
  name: 'none',
  encode: async (value) => value,
  decode: async (stored) => stored,
};

export class LockedError extends Error {
  constructor() { super('The app is locked. Please open it with your passphrase.'); }
}

/** Installed when the app locks or deletes everything: nothing can be read or written. */
export const lockedCodec: Codec = {
  name: 'locked',
  encode: async () => { throw new LockedError(); },
  decode: async () => { throw new LockedError(); },
  contentKey: async () => { throw new LockedError(); },
};

let current: Codec = identityCodec;

/** Install a codec (e.g. encryption) before the first read or write. */
export function setCodec(next: Codec): void {
  current = next;
}

export function activeCodec(): Codec {
  return current;
}

export function encode<T>(value: T, where: Where): Promise<Stored> {
  return current.encode(value, where);
}

export async function decode<T>(stored: Stored, where: Where): Promise<T> {
  return (await current.decode(stored, where)) as T;
}

export function contentKey(sha256: string): Promise<string> {
  return current.contentKey ? current.contentKey(sha256) : Promise.resolve(sha256);
}

export const at = (table: string, key: string, field = 'data'): Where => ({ table, key, field });
