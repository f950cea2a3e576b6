// Stored values ⇄ ciphertext under the data key (keys.ts). Every value gets a fresh random
// 96-bit IV, and the additional data binds it to its table, primary key and field, so a
// ciphertext copied to another record, field or table fails to open instead of showing the
// wrong person's (or the wrong record's) data.
//
// Layout of one stored value (a Uint8Array, which IndexedDB stores as is):
//   [0] version = 1   [1] kind: 1 = JSON, 2 = raw bytes   [2..13] IV   [14..] AES-GCM ciphertext + tag
import { concat, copy, fromUtf8, randomBytes, utf8, type Bytes } from './bytes.ts';
import { SecurityError } from './errors.ts';

export const VALUE_VERSION = 1;
const KIND_JSON = 1;
const KIND_BYTES = 2;
const IV_BYTES = 12;
const HEADER = 2 + IV_BYTES;
const TAG_BYTES = 16;

/** Where a value lives; all three are bound into its ciphertext. */
export interface Where {
  table: string;
  /** the row's primary key (a Dexie compound key is an array) */
  key: string | number | Array<string | number>;
  field: string;
}

export interface ValueCodec {
  /** A JSON value (object, array, string, number, boolean, null) or a Uint8Array. */
  encrypt(value: unknown, where: Where): Promise<Bytes>;
  /** Throws SecurityError('damaged') when the bytes were changed, moved or are not ours. */
  decrypt(stored: Uint8Array, where: Where): Promise<unknown>;
}

function additionalData(version: number, kind: number, where: Where): Bytes {
  if (typeof where?.table !== 'string' || typeof where.field !== 'string' || where.key === undefined) throw new SecurityError('unsupported-value');
  // JSON keeps "1" and 1, and ["a","b"] and "a,b", apart
  return utf8(JSON.stringify(['records-value', version, kind, where.table, where.key, where.field]));
}

function serialise(value: unknown): { kind: number; bytes: Bytes } {
  if (value instanceof Uint8Array) return { kind: KIND_BYTES, bytes: copy(value) };
  let json: string | undefined;
  try { json = JSON.stringify(value); } catch { json = undefined; }
  if (json === undefined) throw new SecurityError('unsupported-value');
  return { kind: KIND_JSON, bytes: utf8(json) };
}

export function createCodec(dataKey: CryptoKey): ValueCodec {
  const subtle = globalThis.crypto.subtle;
  return {
    async encrypt(value, where) {
      const { kind, bytes } = serialise(value);
      const iv = randomBytes(IV_BYTES);
      const ct = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(VALUE_VERSION, kind, where) }, dataKey, bytes));
      bytes.fill(0);
      return concat(Uint8Array.of(VALUE_VERSION, kind), iv, ct);
    },
    async decrypt(stored, where) {
      if (!(stored instanceof Uint8Array) || stored.length < HEADER + TAG_BYTES) throw new SecurityError('damaged');
      const [version, kind] = stored;
      if (version !== VALUE_VERSION) throw new SecurityError(version > VALUE_VERSION ? 'newer-version' : 'damaged');
      if (kind !== KIND_JSON && kind !== KIND_BYTES) throw new SecurityError('damaged');
      let plain: Bytes;
      try {
        plain = new Uint8Array(await subtle.decrypt(
          { name: 'AES-GCM', iv: copy(stored.subarray(2, HEADER)), additionalData: additionalData(version, kind, where) },
          dataKey, copy(stored.subarray(HEADER)),
        )) as Bytes;
      } catch {
        throw new SecurityError('damaged');
      }
      if (kind === KIND_BYTES) return plain;
      try { return JSON.parse(fromUtf8(plain)); } catch { throw new SecurityError('damaged'); } finally { plain.fill(0); }
    },
  };
}

/** True when a stored value looks like one of ours (for migrating plaintext rows). */
export function isEncryptedValue(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array && v.length >= HEADER + TAG_BYTES && v[0] === VALUE_VERSION && (v[1] === KIND_JSON || v[1] === KIND_BYTES);
}
