// The data key (wrapped by the passphrase, optionally by the OS keychain), passphrase
// change without re-encryption, and the value codec: round trips, fresh IVs, values bound
// to their place, and clear errors for tampering.
import { describe, expect, it } from 'vitest';
import {
  addKeychain, changePassphrase, createKeys, needsUpgrade, parseKeyFile, removeKeychain, unlockWithKeychain, unlockWithPassphrase, type Keychain, type KeyFile,
} from '../../../../shared/security/keys.ts';
import { createCodec, isEncryptedValue, type Where } from '../../../../shared/security/codec.ts';
import { MIN_ITERATIONS } from '../../../../shared/security/kdf.ts';
import { fromBase64, toBase64 } from '../../../../shared/security/bytes.ts';

const FAST = { iterations: MIN_ITERATIONS };
const PASS = 'lung-records-2025';

/** A stand-in OS keychain: AES-GCM under its own secret key, like safeStorage on a real OS. */
function fakeKeychain(): Keychain & { calls: number } {
  const secret = globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return {
    calls: 0,
    async wrap(key) {
      this.calls++;
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
      const ct = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await secret, new Uint8Array(key)));
      return new Uint8Array([...iv, ...ct]);
    },
    async unwrap(w) {
      try { return new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: w.slice(0, 12) }, await secret, w.slice(12))); } catch { return null; }
    },
  };
}
const noKeychain: Keychain = { wrap: async () => null, unwrap: async () => null };

const where = (table: string, key: Where['key'], field: string): Where => ({ table, key, field });
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e) => e?.code ?? String(e));

describe('key file', () => {
  it('opens with the passphrase; the key it opens decrypts what the first one encrypted', async () => {
    const { keyFile, dataKey } = await createKeys(PASS, FAST);
    expect(keyFile.format).toBe('records-keys/1');
    expect(JSON.parse(JSON.stringify(keyFile))).toEqual(keyFile); // plain JSON, storable anywhere
    const stored = await createCodec(dataKey).encrypt({ histology: 'adenocarcinoma' }, where('facts', 1, 'value'));
    const again = await unlockWithPassphrase(keyFile, PASS);
    expect(again.extractable).toBe(false);
    expect(await createCodec(again).decrypt(stored, where('facts', 1, 'value'))).toEqual({ histology: 'adenocarcinoma' });
  });

  it('holds nothing in the clear: no key bytes, no passphrase', async () => {
    const { keyFile } = await createKeys(PASS, FAST);
    const text = JSON.stringify(keyFile);
    expect(text).not.toContain(PASS);
    expect(text).not.toContain(toBase64(new TextEncoder().encode(PASS)));
  });

  it('tells a wrong passphrase from a damaged key file', async () => {
    const { keyFile } = await createKeys(PASS, FAST);
    expect(await codeOf(unlockWithPassphrase(keyFile, 'lung-records-2026'))).toBe('wrong-passphrase');
    const flip = (s: string) => { const b = fromBase64(s)!; b[3] ^= 1; return toBase64(b); };
    const damaged: Array<[string, KeyFile]> = [
      ['wrapped key changed', { ...keyFile, passphrase: { ...keyFile.passphrase, wrapped: flip(keyFile.passphrase.wrapped) } }],
      ['salt changed', { ...keyFile, passphrase: { ...keyFile.passphrase, salt: flip(keyFile.passphrase.salt) } }],
      ['iterations changed', { ...keyFile, passphrase: { ...keyFile.passphrase, iterations: keyFile.passphrase.iterations + 1 } }],
      ['check changed', { ...keyFile, passphrase: { ...keyFile.passphrase, check: flip(keyFile.passphrase.check) } }],
      ['key id changed', { ...keyFile, keyId: flip(keyFile.keyId) }],
      ['verifier changed', { ...keyFile, verifier: { ...keyFile.verifier, ct: flip(keyFile.verifier.ct) } }],
      ['not base64', { ...keyFile, passphrase: { ...keyFile.passphrase, iv: '!!!' } }],
      ['another format', { ...keyFile, format: 'records-keys/2' as never }],
      ['truncated', { format: keyFile.format } as never],
    ];
    for (const [name, file] of damaged) expect(await codeOf(unlockWithPassphrase(file, PASS)), name).toBe('damaged');
    expect(await codeOf(unlockWithPassphrase(null as never, PASS))).toBe('damaged');
  });

  it('a weak new passphrase is refused before anything is made', async () => {
    expect(await codeOf(createKeys('short', FAST))).toBe('weak-passphrase');
  });

  it('changing the passphrase re-wraps the same data key: old values still open, the old passphrase no longer does', async () => {
    const { keyFile, dataKey } = await createKeys(PASS, FAST);
    const stored = await createCodec(dataKey).encrypt('EGFR exon 19 deletion', where('biomarkers', 'b1', 'variant'));
    const changed = await changePassphrase(keyFile, PASS, 'a new passphrase for 2026', FAST);
    expect(changed.keyId).toBe(keyFile.keyId);
    expect(changed.passphrase.salt).not.toBe(keyFile.passphrase.salt);
    expect(await codeOf(unlockWithPassphrase(changed, PASS))).toBe('wrong-passphrase');
    const key = await unlockWithPassphrase(changed, 'a new passphrase for 2026');
    expect(await createCodec(key).decrypt(stored, where('biomarkers', 'b1', 'variant'))).toBe('EGFR exon 19 deletion');
    expect(await codeOf(changePassphrase(keyFile, 'not the passphrase', 'whatever else 123', FAST))).toBe('wrong-passphrase');
  });

  it('upgrading the iteration count is a passphrase change to the same passphrase', async () => {
    const { keyFile } = await createKeys(PASS, FAST);
    expect(needsUpgrade(keyFile, 600_000)).toBe(true);
    const upgraded = await changePassphrase(keyFile, PASS, PASS);
    expect(upgraded.passphrase.iterations).toBe(600_000);
    expect(needsUpgrade(upgraded, 600_000)).toBe(false);
    await expect(unlockWithPassphrase(upgraded, PASS)).resolves.toBeDefined();
  });
});

describe('the OS keychain as a second way in', () => {
  it('opens the same key without the passphrase on this computer', async () => {
    const keychain = fakeKeychain();
    const { keyFile, dataKey } = await createKeys(PASS, { ...FAST, keychain });
    expect(keyFile.keychain).toBeDefined();
    const stored = await createCodec(dataKey).encrypt([1, 2, 3], where('t', 'k', 'f'));
    const key = await unlockWithKeychain(keyFile, keychain);
    expect(key).not.toBeNull();
    expect(await createCodec(key!).decrypt(stored, where('t', 'k', 'f'))).toEqual([1, 2, 3]);
  });

  it('another computer (another keychain), a missing keychain or a swapped blob: null, ask for the passphrase', async () => {
    const keychain = fakeKeychain();
    const { keyFile } = await createKeys(PASS, { ...FAST, keychain });
    expect(await unlockWithKeychain(keyFile, fakeKeychain())).toBeNull();
    expect(await unlockWithKeychain(keyFile, noKeychain)).toBeNull();
    expect(await unlockWithKeychain(keyFile, { wrap: async () => null, unwrap: async () => { throw new Error('keychain locked'); } })).toBeNull();
    // a keychain blob from another profile opens a key, but not this file's key
    const other = await createKeys(PASS, { ...FAST, keychain });
    expect(await unlockWithKeychain({ ...keyFile, keychain: other.keyFile.keychain }, keychain)).toBeNull();
  });

  it('where no secure keychain exists (Linux basic_text), the key file simply has no keychain slot', async () => {
    const { keyFile } = await createKeys(PASS, { ...FAST, keychain: noKeychain });
    expect(keyFile.keychain).toBeUndefined();
  });

  it('can be added later with the passphrase, and removed', async () => {
    const keychain = fakeKeychain();
    const { keyFile } = await createKeys(PASS, FAST);
    expect(await unlockWithKeychain(keyFile, keychain)).toBeNull();
    const withKc = await addKeychain(keyFile, PASS, keychain);
    expect(await unlockWithKeychain(withKc, keychain)).not.toBeNull();
    expect(await codeOf(addKeychain(keyFile, 'wrong passphrase!', keychain))).toBe('wrong-passphrase');
    expect(await unlockWithKeychain(removeKeychain(withKc), keychain)).toBeNull();
    expect(parseKeyFile(removeKeychain(withKc))).toBeDefined();
  });
});

describe('value codec', () => {
  const VALUES: Array<[string, unknown]> = [
    ['a string', 'adenocarcinoma, PD-L1 TPS 60 %'],
    ['unicode', 'Zoë Müller — 肺癌 🙂'],
    ['an empty string', ''],
    ['a number', 60],
    ['zero', 0],
    ['a boolean', false],
    ['null', null],
    ['an object', { histology: 'adenocarcinoma', evidence: [{ file: 'path.pdf', page: 1, quote: 'TPS 60%' }] }],
    ['an array', ['osimertinib', 'carboplatin']],
    ['a large text', 'x'.repeat(200_000)],
  ];

  it.each(VALUES)('round-trips %s', async (_name, value) => {
    const { dataKey } = await createKeys(PASS, FAST);
    const codec = createCodec(dataKey);
    const w = where('facts', 'f1', 'value');
    const stored = await codec.encrypt(value, w);
    expect(isEncryptedValue(stored)).toBe(true);
    expect(await codec.decrypt(stored, w)).toEqual(value);
  });

  it('round-trips bytes as bytes (page images)', async () => {
    const { dataKey } = await createKeys(PASS, FAST);
    const codec = createCodec(dataKey);
    const png = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 255);
    const back = await codec.decrypt(await codec.encrypt(png, where('pages', ['doc1', 3], 'png')), where('pages', ['doc1', 3], 'png'));
    expect(back).toBeInstanceOf(Uint8Array);
    expect([...(back as Uint8Array)]).toEqual([...png]);
  });

  it('never shows the plaintext in what it stores', async () => {
    const { dataKey } = await createKeys(PASS, FAST);
    const stored = await createCodec(dataKey).encrypt('adenocarcinoma adenocarcinoma adenocarcinoma', where('t', 1, 'f'));
    expect(new TextDecoder('latin1').decode(stored)).not.toMatch(/adeno/);
  });

  it('uses a fresh 96-bit IV for every value (1,000 encryptions, no repeat)', async () => {
    const { dataKey } = await createKeys(PASS, FAST);
    const codec = createCodec(dataKey);
    const ivs = new Set<string>();
    for (let i = 0; i < 1000; i++) ivs.add(toBase64((await codec.encrypt('same value', where('t', 1, 'f'))).subarray(2, 14)));
    expect(ivs.size).toBe(1000);
  });

  it('refuses values it cannot store faithfully', async () => {
    const { dataKey } = await createKeys(PASS, FAST);
    const codec = createCodec(dataKey);
    expect(await codeOf(codec.encrypt(undefined, where('t', 1, 'f')))).toBe('unsupported-value');
    expect(await codeOf(codec.encrypt(() => 1, where('t', 1, 'f')))).toBe('unsupported-value');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await codeOf(codec.encrypt(cyclic, where('t', 1, 'f')))).toBe('unsupported-value');
    expect(await codeOf(codec.encrypt(1n, where('t', 1, 'f')))).toBe('unsupported-value');
  });

  it('a value moved to another row, field, table or key type does not open (no swapping ciphertexts)', async () => {
    const { dataKey } = await createKeys(PASS, FAST);
    const codec = createCodec(dataKey);
    const home = where('biomarkers', 'row-1', 'result');
    const stored = await codec.encrypt('EGFR detected', home);
    const MOVES: Where[] = [
      where('biomarkers', 'row-2', 'result'),
      where('biomarkers', 'row-1', 'gene'),
      where('treatments', 'row-1', 'result'),
      where('biomarkers', 1, 'result'),
      where('biomarkers', ['row-1'], 'result'),
      where('biomarkers', 'row-1 ', 'result'),
    ];
    for (const w of MOVES) expect(await codeOf(codec.decrypt(stored, w)), JSON.stringify(w)).toBe('damaged');
    // a number key and its string form are different rows
    const numeric = await codec.encrypt('x', where('t', 1, 'f'));
    expect(await codeOf(codec.decrypt(numeric, where('t', '1', 'f')))).toBe('damaged');
    // swapping two rows' values is caught on both
    const a = await codec.encrypt('patient A: stage IV', where('facts', 'A', 'stage'));
    const b = await codec.encrypt('patient B: stage I', where('facts', 'B', 'stage'));
    expect(await codeOf(codec.decrypt(b, where('facts', 'A', 'stage')))).toBe('damaged');
    expect(await codeOf(codec.decrypt(a, where('facts', 'B', 'stage')))).toBe('damaged');
    expect(await codec.decrypt(stored, home)).toBe('EGFR detected');
  });

  it('tampering, truncation, another key or an unknown version: a clear error, never wrong data', async () => {
    const { dataKey } = await createKeys(PASS, FAST);
    const other = (await createKeys(PASS, FAST)).dataKey;
    const codec = createCodec(dataKey);
    const w = where('t', 1, 'f');
    const stored = await codec.encrypt({ stage: 'IIIB' }, w);
    for (let i = 0; i < stored.length; i += Math.max(1, Math.floor(stored.length / 25))) {
      const bad = stored.slice();
      bad[i] ^= 0x40;
      expect(await codeOf(codec.decrypt(bad, w)), `byte ${i}`).toMatch(/^(damaged|newer-version)$/);
    }
    expect(await codeOf(codec.decrypt(stored.slice(0, stored.length - 1), w))).toBe('damaged');
    expect(await codeOf(codec.decrypt(stored.slice(0, 10), w))).toBe('damaged');
    expect(await codeOf(codec.decrypt(new Uint8Array(0), w))).toBe('damaged');
    expect(await codeOf(createCodec(other).decrypt(stored, w))).toBe('damaged');
    const future = stored.slice();
    future[0] = 2;
    expect(await codeOf(codec.decrypt(future, w))).toBe('newer-version');
    const kind = stored.slice();
    kind[1] = 2; // claims to be bytes: the kind is bound too
    expect(await codeOf(codec.decrypt(kind, w))).toBe('damaged');
    expect(await codeOf(codec.decrypt('not bytes' as never, w))).toBe('damaged');
  });
});

describe('keyed fingerprint (duplicate detection without a plain file hash)', () => {
  it('is stable within a profile, different across profiles, and not the plain SHA-256', async () => {
    const { createFingerprinter } = await import('../../../../shared/security/fingerprint.ts');
    const file = new TextEncoder().encode('%PDF-1.7 pathology report');
    const a = await createKeys(PASS, FAST);
    const fpA = await createFingerprinter(a.dataKey);
    const first = await fpA(file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await fpA(file)).toBe(first);
    // the same profile unlocked later gives the same fingerprint
    expect(await (await createFingerprinter(await unlockWithPassphrase(a.keyFile, PASS)))(file)).toBe(first);
    expect(await fpA(new TextEncoder().encode('%PDF-1.7 pathology report.'))).not.toBe(first);
    const fpB = await createFingerprinter((await createKeys(PASS, FAST)).dataKey);
    expect(await fpB(file)).not.toBe(first);
    const sha = Buffer.from(await globalThis.crypto.subtle.digest('SHA-256', file)).toString('hex');
    expect(first).not.toBe(sha);
  });
});
