// The encrypted backup file (".recordsbackup"): everything the person chose to back up,
// readable only with the backup passphrase, with clear answers for "wrong passphrase",
// "damaged", "not a backup" and "made by a newer version". The payload is whatever bytes the
// renderer exports (a JSON export of the database, already decrypted from this profile's
// data key), so a backup opens in a fresh profile with its own, different data key.
//
// Layout (all integers big-endian):
//   magic     8 bytes  "RCBACKUP"
//   version   1 byte   1
//   hlen      4 bytes  length of the header
//   header    hlen bytes of UTF-8 JSON: { kdf, iterations, salt, check, iv, compression }
//   body      AES-GCM-256 ciphertext + tag of the (gzip-compressed) payload; the additional
//             data is everything before it (magic, version, hlen, header), so no header
//             field can be changed without the body failing to open
//   digest    32 bytes SHA-256 of everything before it: says "damaged" for a file cut short
//             or bit-flipped, before any passphrase work
import { concat, copy, fromBase64, fromUtf8, randomBytes, sameBytes, sha256, toBase64, utf8, type Bytes } from './bytes.ts';
import { SecurityError } from './errors.ts';
import { deriveAndCheck, deriveKeys, isAcceptablePassphrase, KDF_ALGORITHM, newKdfParams, SALT_BYTES, type KdfParams } from './kdf.ts';

export const BACKUP_MAGIC = 'RCBACKUP';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = 'recordsbackup';
const PURPOSE = 'backup/1';
const IV_BYTES = 12;
const MAX_HEADER = 4096;
const PREFIX = BACKUP_MAGIC.length + 1 + 4;
const DIGEST = 32;
const TAG = 16;
/** Refuse to inflate past this: a backup of one person's records is far smaller. */
const MAX_PAYLOAD = 2 * 1024 * 1024 * 1024 - 1;

export interface BackupHeader {
  kdf: typeof KDF_ALGORITHM;
  iterations: number;
  salt: string;
  check: string;
  iv: string;
  compression: 'gzip' | 'none';
}

export interface BackupInfo {
  version: number;
  iterations: number;
  compression: 'gzip' | 'none';
}

export interface CreateBackupOptions {
  iterations?: number;
  /** default true: gzip before encrypting (exports are JSON, which shrinks a lot) */
  compress?: boolean;
}

export async function createBackup(payload: Uint8Array, passphrase: string, options: CreateBackupOptions = {}): Promise<Bytes> {
  if (!isAcceptablePassphrase(passphrase)) throw new SecurityError('weak-passphrase');
  const params = newKdfParams(options.iterations);
  const { key, check } = await deriveKeys(passphrase, params, PURPOSE);
  const iv = randomBytes(IV_BYTES);
  const compression = options.compress === false ? 'none' : 'gzip';
  const header: BackupHeader = { kdf: KDF_ALGORITHM, iterations: params.iterations, salt: toBase64(params.salt), check: toBase64(check), iv: toBase64(iv), compression };
  const headerBytes = utf8(JSON.stringify(header));
  const prefix = new Uint8Array(PREFIX);
  prefix.set(utf8(BACKUP_MAGIC), 0);
  prefix[BACKUP_MAGIC.length] = BACKUP_VERSION;
  new DataView(prefix.buffer).setUint32(BACKUP_MAGIC.length + 1, headerBytes.length);
  const ad = concat(prefix, headerBytes);
  const plain = compression === 'gzip' ? await gzip(payload) : copy(payload);
  const body = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ad }, key, plain));
  plain.fill(0);
  const withoutDigest = concat(ad, body);
  return concat(withoutDigest, await sha256(withoutDigest));
}

interface Parsed { version: number; header: BackupHeader; ad: Bytes; body: Bytes }

async function parse(file: Uint8Array): Promise<Parsed> {
  if (!(file instanceof Uint8Array) || file.length < BACKUP_MAGIC.length || fromLatin1(file.subarray(0, BACKUP_MAGIC.length)) !== BACKUP_MAGIC) {
    throw new SecurityError('not-a-backup');
  }
  if (file.length < PREFIX) throw new SecurityError('damaged');
  const version = file[BACKUP_MAGIC.length];
  if (version > BACKUP_VERSION) throw new SecurityError('newer-version');
  if (version !== BACKUP_VERSION) throw new SecurityError('damaged');
  if (file.length < PREFIX + 2 + TAG + DIGEST) throw new SecurityError('damaged');
  const content = file.subarray(0, file.length - DIGEST);
  if (!sameBytes(await sha256(content), file.subarray(file.length - DIGEST))) throw new SecurityError('damaged');
  const hlen = new DataView(file.buffer, file.byteOffset).getUint32(BACKUP_MAGIC.length + 1);
  if (hlen > MAX_HEADER || PREFIX + hlen + TAG > content.length) throw new SecurityError('damaged');
  let header: BackupHeader;
  try { header = JSON.parse(fromUtf8(content.subarray(PREFIX, PREFIX + hlen))); } catch { throw new SecurityError('damaged'); }
  const ok = !!header && typeof header === 'object' && header.kdf === KDF_ALGORITHM && typeof header.iterations === 'number'
    && fromBase64(header.salt)?.length === SALT_BYTES && fromBase64(header.check)?.length === 32 && fromBase64(header.iv)?.length === IV_BYTES
    && (header.compression === 'gzip' || header.compression === 'none');
  if (!ok) throw new SecurityError('damaged');
  return { version, header, ad: copy(content.subarray(0, PREFIX + hlen)), body: copy(content.subarray(PREFIX + hlen)) };
}

/** What a backup file is, without the passphrase (checks it is ours and whole). */
export async function readBackupInfo(file: Uint8Array): Promise<BackupInfo> {
  const { version, header } = await parse(file);
  return { version, iterations: header.iterations, compression: header.compression };
}

/** The payload. Throws not-a-backup, newer-version, damaged, wrong-passphrase or bad-parameters. */
export async function openBackup(file: Uint8Array, passphrase: string): Promise<Bytes> {
  const { header, ad, body } = await parse(file);
  const params: KdfParams = { algorithm: KDF_ALGORITHM, iterations: header.iterations, salt: fromBase64(header.salt)! };
  const key = await deriveAndCheck(passphrase, params, PURPOSE, fromBase64(header.check)!);
  let plain: Bytes;
  try {
    plain = new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(header.iv)!, additionalData: ad }, key, body)) as Bytes;
  } catch {
    throw new SecurityError('damaged');
  }
  if (header.compression === 'none') return plain;
  try { return await gunzip(plain, MAX_PAYLOAD); } catch { throw new SecurityError('damaged'); } finally { plain.fill(0); }
}

function fromLatin1(b: Uint8Array): string {
  return String.fromCharCode(...b);
}

async function gzip(b: Uint8Array): Promise<Bytes> {
  const stream = new Blob([copy(b)]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer()) as Bytes;
}

async function gunzip(b: Uint8Array, max: number): Promise<Bytes> {
  const reader = new Blob([copy(b)]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) { await reader.cancel(); throw new Error('too large'); }
    parts.push(value);
  }
  return concat(...parts);
}
