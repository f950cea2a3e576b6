// The codecs the vault (vault.ts) installs once the data key is open: the strict one for a
// store that is wholly encrypted, and the lenient one for the moments the store changes
// form (turning the lock on or off, or finishing that after a restart). Both bind every
// value to its table, row and field (shared/security/codec.ts).
import { createCodec, createFingerprinter, isEncryptedValue, SecurityError, type ValueCodec } from '../../../shared/security/index.ts';
import type { Codec, Stored, Where } from './codec.ts';

/** What the open data key can do: seal and open values, and key a file's content. */
export interface KeyTools {
  values: ValueCodec;
  contentKey: (sha256: string) => Promise<string>;
}

export async function keyTools(dataKey: CryptoKey): Promise<KeyTools> {
  const fingerprint = await createFingerprinter(dataKey);
  const encoder = new TextEncoder();
  return {
    values: createCodec(dataKey),
    // a keyed fingerprint of the sha-256: the records table can still look a file up by
    // content, but only this profile's key can say which content a row stands for
    contentKey: (sha256) => fingerprint(encoder.encode(`sha256:${sha256}`)),
  };
}

/**
 * A byte array as this realm's Uint8Array, or null. IndexedDB hands back structured clones,
 * which in some test environments belong to another realm; WebCrypto and `instanceof` need ours.
 */
export function asBytes(v: unknown): Uint8Array | null {
  if (v instanceof Uint8Array) return v;
  if (Object.prototype.toString.call(v) === '[object Uint8Array]') return new Uint8Array(v as ArrayLike<number>);
  return null;
}

/** The value inside `stored` when it is one of ours under this key; null when it is not (plaintext). */
export async function tryOpen(values: ValueCodec, stored: Stored, where: Where): Promise<{ value: unknown } | null> {
  const b = asBytes(stored);
  // a plaintext file's bytes could start like one of our values; only opening tells
  if (!b || !isEncryptedValue(b)) return null;
  try {
    return { value: await values.decrypt(b, where) };
  } catch {
    return null;
  }
}

const seal = (k: KeyTools) => (value: unknown, where: Where): Promise<Stored> => k.values.encrypt(asBytes(value) ?? value, where);

/** A wholly encrypted store, opened at start: everything must open under the key, or it is "damaged". */
export function strictCodec(k: KeyTools): Codec {
  return {
    name: 'aes-gcm',
    encode: seal(k),
    decode: async (stored, where) => {
      const b = asBytes(stored);
      // never accept plaintext here: anyone with the disk could otherwise plant values
      if (!b) throw new SecurityError('damaged');
      return k.values.decrypt(b, where);
    },
    contentKey: k.contentKey,
  };
}

/**
 * While the store changes form, and for the rest of that session: writes go in the target
 * form, reads accept both (rows read a moment before they were converted still open).
 * The next start uses the strict codec (or none, when the lock was turned off).
 */
export function lenientCodec(k: KeyTools, target: 'encrypted' | 'plain'): Codec {
  return {
    name: target === 'encrypted' ? 'aes-gcm' : 'none',
    encode: target === 'encrypted' ? seal(k) : async (value) => value,
    decode: async (stored, where) => {
      const opened = await tryOpen(k.values, stored, where);
      return opened ? opened.value : stored;
    },
    contentKey: target === 'encrypted' ? k.contentKey : async (sha256) => sha256,
  };
}
