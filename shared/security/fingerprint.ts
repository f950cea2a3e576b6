// A keyed fingerprint of a file's bytes, for "this file is already in your records". A plain
// SHA-256 stored in the clear (it must be indexed to be looked up) would let anyone holding
// a copy of a report confirm that it is on this computer; an HMAC under a key only this
// profile has does not. The HMAC key is derived from the data key, so it needs no storage:
// one fixed AES-GCM encryption of zeros under an all-zero IV, used for nothing else (the
// codec's IVs are random, so the chance of one being all zero is 2^-96).
import { copy, utf8 } from './bytes.ts';

export type Fingerprinter = (bytes: Uint8Array) => Promise<string>;

export async function createFingerprinter(dataKey: CryptoKey): Promise<Fingerprinter> {
  const subtle = globalThis.crypto.subtle;
  const material = new Uint8Array(await subtle.encrypt(
    { name: 'AES-GCM', iv: new Uint8Array(12), additionalData: utf8('records-companion/fingerprint/1') }, dataKey, new Uint8Array(32),
  ));
  const key = await subtle.importKey('raw', material.subarray(0, 32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  material.fill(0);
  return async (bytes) => {
    const mac = new Uint8Array(await subtle.sign('HMAC', key, copy(bytes)));
    return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
  };
}
