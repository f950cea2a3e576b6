// The optional lock: one row in `settings` ("vault") holds the key file (shared/security/keys.ts:
// the data key wrapped by the passphrase, and optionally by this computer's keychain; safe to
// keep in the clear) and the phase the store is in:
//   encrypting: the lock is being turned on; some values may still be plaintext
//   encrypted:  every sensitive value is encrypted under the data key
//   decrypting: the lock is being turned off; some values may already be plaintext
// No row: no lock, values are stored as they are. The data key itself is never stored: it
// lives, non-extractable, inside the installed codec until the app locks (a page reload).
import { useLiveQuery } from 'dexie-react-hooks';
import {
  addKeychain, changePassphrase, createKeys, DEFAULT_ITERATIONS, needsUpgrade, parseKeyFile, removeKeychain, SecurityError,
  unlockWithKeychain as openWithKeychain, unlockWithPassphrase as openWithPassphrase, type Keychain, type KeyFile,
} from '../../../shared/security/index.ts';
import { db } from './db.ts';
import { setCodec } from './codec.ts';
import { convertStore, type ConvertOptions } from './reencode.ts';
import { keyTools, lenientCodec, strictCodec } from './vault-codecs.ts';

export const VAULT_KEY = 'vault';
export const VAULT_FORMAT = 'records-vault/1';
export type VaultPhase = 'encrypting' | 'encrypted' | 'decrypting';
export interface VaultRow { format: typeof VAULT_FORMAT; phase: VaultPhase; keyFile: KeyFile }

export type VaultState =
  | { kind: 'none' }
  | { kind: 'lock'; phase: VaultPhase; keychain: boolean }
  /** a vault row we cannot read: the key file is damaged, so nothing can be opened */
  | { kind: 'damaged' };

const PHASES: VaultPhase[] = ['encrypting', 'encrypted', 'decrypting'];

function parseVault(value: unknown): VaultRow {
  const v = value as VaultRow;
  if (!v || typeof v !== 'object' || v.format !== VAULT_FORMAT || !PHASES.includes(v.phase)) throw new SecurityError('damaged');
  return { format: VAULT_FORMAT, phase: v.phase, keyFile: parseKeyFile(v.keyFile) };
}

export function vaultStateOf(row: { value: unknown } | undefined | null): VaultState {
  if (!row) return { kind: 'none' };
  try {
    const v = parseVault(row.value);
    return { kind: 'lock', phase: v.phase, keychain: !!v.keyFile.keychain };
  } catch {
    return { kind: 'damaged' };
  }
}

/** Reads the vault row only: safe before unlocking. */
export async function readVaultState(): Promise<VaultState> {
  return vaultStateOf(await db.settings.get(VAULT_KEY));
}

/** undefined while loading */
export function useVaultState(): VaultState | undefined {
  return useLiveQuery(async () => vaultStateOf(await db.settings.get(VAULT_KEY)), []);
}

async function readVault(): Promise<VaultRow> {
  const row = await db.settings.get(VAULT_KEY);
  if (!row) throw new Error('There is no lock.');
  return parseVault(row.value);
}

const writeVault = (v: VaultRow) => db.settings.put({ key: VAULT_KEY, value: v });

/** Replace the key file in one transaction, unless the lock changed meanwhile (another key, or none). */
async function replaceKeyFile(before: VaultRow, keyFile: KeyFile): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const now = (await db.settings.get(VAULT_KEY))?.value as VaultRow | undefined;
    if (!now || now.keyFile?.keyId !== before.keyFile.keyId) throw new Error('The lock was changed meanwhile. Please try again.');
    await db.settings.put({ key: VAULT_KEY, value: { ...now, keyFile } });
  });
}

/** The data key from the passphrase. Throws SecurityError wrong-passphrase or damaged. */
export async function unlockWithPassphrase(passphrase: string): Promise<CryptoKey> {
  return openWithPassphrase((await readVault()).keyFile, passphrase);
}

/** The data key from this computer's keychain; null when it cannot (ask for the passphrase). */
export async function unlockWithKeychain(keychain: Keychain): Promise<CryptoKey | null> {
  const v = await readVault();
  return v.keyFile.keychain ? openWithKeychain(v.keyFile, keychain) : null;
}

/**
 * After unlocking with the passphrase: a key file made with fewer PBKDF2 iterations than
 * today's default (an older version) is wrapped again at the default. Best effort.
 */
export async function upgradeKeyFile(passphrase: string, iterations = DEFAULT_ITERATIONS): Promise<boolean> {
  try {
    const v = await readVault();
    if (!needsUpgrade(v.keyFile, iterations)) return false;
    await changeLockPassphrase(passphrase, passphrase, { iterations });
    return true;
  } catch {
    return false;
  }
}

/** Only checks the passphrase (for a backup protected by it). Throws like unlockWithPassphrase. */
export async function checkPassphrase(passphrase: string): Promise<void> {
  await unlockWithPassphrase(passphrase);
}

/** Move the row from phase `from` to `to` (null: remove it, the lock is off), unless something else changed it. */
async function setPhase(keyId: string, from: VaultPhase, to: VaultPhase | null): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(VAULT_KEY);
    const v = row?.value as VaultRow | undefined;
    if (!v || v.phase !== from || v.keyFile?.keyId !== keyId) return;
    if (to) await db.settings.put({ key: VAULT_KEY, value: { ...v, phase: to } });
    else await db.settings.delete(VAULT_KEY);
  });
}

/**
 * With the data key open: install the codec for the store's phase, and finish turning the
 * lock on or off if the app was closed while it was under way. Call before anything is read.
 */
export async function openStore(dataKey: CryptoKey, options: ConvertOptions = {}): Promise<void> {
  const v = await readVault();
  const k = await keyTools(dataKey);
  if (v.phase === 'encrypted') {
    setCodec(strictCodec(k));
    return;
  }
  const target = v.phase === 'encrypting' ? 'encrypted' : 'plain';
  setCodec(lenientCodec(k, target));
  await convertStore(k, target, options);
  await setPhase(v.keyFile.keyId, v.phase, target === 'encrypted' ? 'encrypted' : null);
}

export interface LockOptions extends ConvertOptions {
  /** also let this computer's keychain open the data key */
  keychain?: Keychain;
  /** PBKDF2 iterations (default 600,000; tests use the minimum) */
  iterations?: number;
}

/** Turn the lock on: new keys, the row (phase encrypting) first, then every value encrypted. */
export async function enableLock(passphrase: string, options: LockOptions = {}): Promise<void> {
  if (await db.settings.get(VAULT_KEY)) throw new Error('The lock is already on.');
  const { keyFile, dataKey } = await createKeys(passphrase, { iterations: options.iterations, keychain: options.keychain });
  // the key file is stored before any value is encrypted with its key: nothing can be
  // written under a key that was not kept
  await db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(VAULT_KEY)) throw new Error('The lock is already on.');
    await writeVault({ format: VAULT_FORMAT, phase: 'encrypting', keyFile });
  });
  await openStore(dataKey, options);
}

/** Turn the lock off (the passphrase confirms it): every value back to plaintext, then the row goes. */
export async function disableLock(passphrase: string, options: ConvertOptions = {}): Promise<void> {
  const v = await readVault();
  const dataKey = await openWithPassphrase(v.keyFile, passphrase);
  await writeVault({ ...v, phase: 'decrypting' });
  await openStore(dataKey, options);
}

/** A new passphrase for the same data key: nothing is re-encrypted; a keychain copy stays valid. */
export async function changeLockPassphrase(oldPassphrase: string, newPassphrase: string, options: { iterations?: number } = {}): Promise<void> {
  const v = await readVault();
  await replaceKeyFile(v, await changePassphrase(v.keyFile, oldPassphrase, newPassphrase, options));
}

/** Let this computer's keychain open the lock too. False when the keychain would not. */
export async function addLockKeychain(passphrase: string, keychain: Keychain): Promise<boolean> {
  const v = await readVault();
  const keyFile = await addKeychain(v.keyFile, passphrase, keychain);
  await replaceKeyFile(v, keyFile);
  return !!keyFile.keychain;
}

/** The passphrase is needed every time again. */
export async function removeLockKeychain(): Promise<void> {
  const v = await readVault();
  await replaceKeyFile(v, removeKeychain(v.keyFile));
}
