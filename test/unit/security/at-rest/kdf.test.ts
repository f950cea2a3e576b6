// The passphrase KDF: parameters we accept, determinism, salt and purpose separation,
// Unicode normalisation, and the wrong-passphrase check.
import { describe, expect, it } from 'vitest';
import {
  checkKdfParams, deriveAndCheck, deriveKeys, DEFAULT_ITERATIONS, isAcceptablePassphrase, KDF_ALGORITHM, MAX_ITERATIONS, MIN_ITERATIONS, newKdfParams,
} from '../../../../shared/security/kdf.ts';
import { isSecurityError } from '../../../../shared/security/errors.ts';
import { sameBytes } from '../../../../shared/security/bytes.ts';

const FAST = MIN_ITERATIONS;

describe('KDF parameters', () => {
  it('defaults: PBKDF2-SHA-256, 600,000 iterations, 16-byte random salt', () => {
    const a = newKdfParams();
    const b = newKdfParams();
    expect(a.algorithm).toBe(KDF_ALGORITHM);
    expect(a.iterations).toBe(600_000);
    expect(DEFAULT_ITERATIONS).toBe(600_000);
    expect(a.salt).toHaveLength(16);
    expect(sameBytes(a.salt, b.salt)).toBe(false);
  });

  const salt = new Uint8Array(16);
  it.each([
    ['too few iterations', { algorithm: KDF_ALGORITHM, iterations: MIN_ITERATIONS - 1, salt }],
    ['one iteration', { algorithm: KDF_ALGORITHM, iterations: 1, salt }],
    ['too many (a hostile file would hang the app)', { algorithm: KDF_ALGORITHM, iterations: MAX_ITERATIONS + 1, salt }],
    ['not an integer', { algorithm: KDF_ALGORITHM, iterations: 200_000.5, salt }],
    ['a string', { algorithm: KDF_ALGORITHM, iterations: '600000', salt }],
    ['another algorithm', { algorithm: 'PBKDF2-SHA-1', iterations: 600_000, salt }],
    ['short salt', { algorithm: KDF_ALGORITHM, iterations: 600_000, salt: new Uint8Array(8) }],
    ['no salt', { algorithm: KDF_ALGORITHM, iterations: 600_000 }],
  ])('refuses %s', (_name, p) => {
    expect(() => checkKdfParams(p as never)).toThrow(expect.objectContaining({ code: 'bad-parameters' }));
  });

  it.each([
    ['', false], ['short', false], ['1234567', false], ['12345678', true], ['correct horse battery staple', true],
    ['ÅÅÅÅÅÅÅÅ', true], ['🙂🙂🙂🙂🙂🙂🙂', false], ['🙂🙂🙂🙂🙂🙂🙂🙂', true],
  ])('passphrase %j acceptable: %s', (p, ok) => expect(isAcceptablePassphrase(p)).toBe(ok));
});

describe('deriveKeys', () => {
  it('same passphrase and salt → same check; another salt, passphrase or purpose → another', async () => {
    const p = newKdfParams(FAST);
    const a = await deriveKeys('correct horse', p, 'test');
    const b = await deriveKeys('correct horse', p, 'test');
    expect(sameBytes(a.check, b.check)).toBe(true);
    expect(sameBytes(a.check, (await deriveKeys('correct horse', newKdfParams(FAST), 'test')).check)).toBe(false);
    expect(sameBytes(a.check, (await deriveKeys('correct horsf', p, 'test')).check)).toBe(false);
    expect(sameBytes(a.check, (await deriveKeys('correct horse', p, 'other')).check)).toBe(false);
  });

  it('the key cannot be exported and only encrypts and decrypts', async () => {
    const { key } = await deriveKeys('correct horse', newKdfParams(FAST), 'test');
    expect(key.extractable).toBe(false);
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('the same passphrase typed as composed or decomposed Unicode opens the same key', async () => {
    const p = newKdfParams(FAST);
    const composed = 'Zoë-Müller-2025'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(composed).not.toBe(decomposed);
    const a = await deriveKeys(composed, p, 'test');
    await expect(deriveAndCheck(decomposed, p, 'test', a.check)).resolves.toBeDefined();
  });

  it('a wrong passphrase is reported as such', async () => {
    const p = newKdfParams(FAST);
    const a = await deriveKeys('correct horse', p, 'test');
    const e = await deriveAndCheck('Correct horse', p, 'test', a.check).catch((x) => x);
    expect(isSecurityError(e, 'wrong-passphrase')).toBe(true);
    expect(e.message).toMatch(/passphrase is not right/);
  });

  it('an empty passphrase is refused', async () => {
    await expect(deriveKeys('', newKdfParams(FAST), 'test')).rejects.toMatchObject({ code: 'weak-passphrase' });
  });
});
