// The optional lock: one row in `settings` ("vault") holds the key file (shared/security/keys.ts:
// the data key wrapped by the passphrase, and optionally by this computer's keychain; safe to
// keep in the clear) and the phase the store is in:
//   encrypting: the lock is being turned on; some values may still be plaintext
//   rewriting:  every value is encrypted, but the storage files may still hold older copies
//               (plaintext from before the lock, or a key file the old passphrase opens), so
//               everything is being stored again in fresh files (rewrite.ts)
//   encrypted:  every sensitive value is encrypted under the data key, and nothing older is left
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
import { resetFromStash, rewriteStore, type RewriteOptions, type RewriteResult } from './rewrite.ts';
import { keyTools, lenientCodec, strictCodec, type KeyTools } from './vault-codecs.ts';

export const VAULT_KEY = 'vault';
export const VAULT_FORMAT = 'records-vault/1';
export type VaultPhase = 'encrypting' | 'rewriting' | 'encrypted' | 'decrypting';
export interface VaultRow { format: typeof VAULT_FORMAT; phase: VaultPhase; keyFile: KeyFile }

export type VaultState =
  | { kind: 'none' }
  | { kind: 'lock'; phase: VaultPhase; keychain: boolean }
  /** a vault row we cannot read: the key file is damaged, so nothing can be opened */
  | { kind: 'damaged' };

const PHASES: VaultPhase[] = ['encrypting', 'rewriting', 'encrypted', 'decrypting'];

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

/**
 * Replace the key file in one transaction, unless the lock changed meanwhile (another key, or
 * none). `rewrite`: the old key file must also go from the storage files (phase rewriting).
 */
async function replaceKeyFile(before: VaultRow, keyFile: KeyFile, rewrite = false): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const now = (await db.settings.get(VAULT_KEY))?.value as VaultRow | undefined;
    if (!now || now.keyFile?.keyId !== before.keyFile.keyId) throw new Error('The lock was changed meanwhile. Please try again.');
    const phase = rewrite && now.phase === 'encrypted' ? 'rewriting' : now.phase;
    await db.settings.put({ key: VAULT_KEY, value: { ...now, phase, keyFile } });
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
    // the same passphrase, wrapped again: the older wrapping is left to Chromium's own
    // tidying (it opens with the same passphrase; see docs/SECURITY.md §7.4)
    await replaceKeyFile(v, await changePassphrase(v.keyFile, passphrase, passphrase, { iterations }));
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

export type StoreProgress = { step: 'protecting' | 'unprotecting' | 'waiting' | 'rewriting'; done: number; total: number };
export interface StoreOptions extends Omit<ConvertOptions, 'onProgress'>, Omit<RewriteOptions, 'onProgress'> {
  /** after each batch (a test may throw here to simulate the app closing) */
  onProgress?: (p: StoreProgress) => void;
}

// The key tools of the lock opened in this page, for a rewrite the person starts later (a new
// passphrase, the keychain removed). Dropped with everything else when the page reloads.
let opened: { keyId: string; k: KeyTools } | null = null;

/** The vault row once a rewrite is done: phase encrypted, with whatever key file it has then. */
const finalVault = { key: VAULT_KEY, value: (now: unknown) => ({ ...(now as VaultRow), phase: 'encrypted' }) };

/** Store everything again in fresh files (rewrite.ts); the vault row says `rewriting` until then. */
function rewrite(k: KeyTools, options: StoreOptions): Promise<RewriteResult> {
  return rewriteStore(k, finalVault, options);
}

/**
 * With the data key open: install the codec for the store's phase, and finish turning the
 * lock on or off, or storing everything again, if the app was closed while that was under
 * way. Call before anything is read. `done: false`: the store is fully encrypted, but older
 * copies could not be cleared from the storage files this time; the next start tries again.
 */
export async function openStore(dataKey: CryptoKey, options: StoreOptions = {}): Promise<RewriteResult> {
  const v = await readVault();
  const k = await keyTools(dataKey);
  opened = { keyId: v.keyFile.keyId, k };
  if (v.phase === 'encrypted') {
    setCodec(strictCodec(k));
    return { done: true };
  }
  if (v.phase === 'decrypting') {
    // turning the lock off leaves plaintext by design: nothing to clear from the files
    setCodec(lenientCodec(k, 'plain'));
    await convertStore(k, 'plain', { ...options, onProgress: (p) => options.onProgress?.({ step: 'unprotecting', ...p }) });
    await setPhase(v.keyFile.keyId, 'decrypting', null);
    return { done: true };
  }
  if (v.phase === 'encrypting') {
    setCodec(lenientCodec(k, 'encrypted'));
    await convertStore(k, 'encrypted', { ...options, onProgress: (p) => options.onProgress?.({ step: 'protecting', ...p }) });
    await setPhase(v.keyFile.keyId, 'encrypting', 'rewriting');
  } else {
    setCodec(strictCodec(k));
  }
  return rewrite(k, options);
}

/**
 * At start, before anything else: if the app was closed while it was storing everything
 * again, the database is cleared at once and only the lock's row is put back (phase
 * rewriting), so the lock screen can open the key; openStore then brings the rest back.
 */
export async function resumeStash(): Promise<'none' | 'resumed' | 'damaged'> {
  const found = await resetFromStash();
  if (!found || found === 'damaged') return found ?? 'none';
  await writeVault({ ...(found.vault as VaultRow), phase: 'rewriting' });
  return 'resumed';
}

export interface LockOptions extends StoreOptions {
  /** also let this computer's keychain open the data key */
  keychain?: Keychain;
  /** PBKDF2 iterations (default 600,000; tests use the minimum) */
  iterations?: number;
}

/**
 * Turn the lock on: new keys, the row (phase encrypting) first, then every value encrypted,
 * then everything stored again in fresh files, so none of the plaintext from before is left.
 */
export async function enableLock(passphrase: string, options: LockOptions = {}): Promise<RewriteResult> {
  if (await db.settings.get(VAULT_KEY)) throw new Error('The lock is already on.');
  const { keyFile, dataKey } = await createKeys(passphrase, { iterations: options.iterations, keychain: options.keychain });
  // the key file is stored before any value is encrypted with its key: nothing can be
  // written under a key that was not kept
  await db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(VAULT_KEY)) throw new Error('The lock is already on.');
    await writeVault({ format: VAULT_FORMAT, phase: 'encrypting', keyFile });
  });
  return openStore(dataKey, options);
}

/** Turn the lock off (the passphrase confirms it): every value back to plaintext, then the row goes. */
export async function disableLock(passphrase: string, options: StoreOptions = {}): Promise<void> {
  const v = await readVault();
  const dataKey = await openWithPassphrase(v.keyFile, passphrase);
  await writeVault({ ...v, phase: 'decrypting' });
  await openStore(dataKey, options);
}

/** The open key tools for this lock (from this page's unlock, or from the passphrase). */
async function toolsFor(keyFile: KeyFile, passphrase?: string): Promise<KeyTools> {
  if (opened?.keyId === keyFile.keyId) return opened.k;
  if (passphrase === undefined) throw new Error('Please lock the app and open it again, then try again.');
  const k = await keyTools(await openWithPassphrase(keyFile, passphrase));
  opened = { keyId: keyFile.keyId, k };
  return k;
}

/**
 * A new passphrase for the same data key: the key is wrapped again, and everything is stored
 * again in fresh files, so the old key file (which the old passphrase opens) is not left in
 * them. A keychain copy stays valid.
 */
export async function changeLockPassphrase(oldPassphrase: string, newPassphrase: string, options: StoreOptions & { iterations?: number } = {}): Promise<RewriteResult> {
  const v = await readVault();
  const keyFile = await changePassphrase(v.keyFile, oldPassphrase, newPassphrase, { iterations: options.iterations });
  await replaceKeyFile(v, keyFile, true);
  return rewrite(await toolsFor(keyFile, newPassphrase), options);
}

/** Let this computer's keychain open the lock too. False when the keychain would not. */
export async function addLockKeychain(passphrase: string, keychain: Keychain): Promise<boolean> {
  const v = await readVault();
  const keyFile = await addKeychain(v.keyFile, passphrase, keychain);
  await replaceKeyFile(v, keyFile);
  return !!keyFile.keychain;
}

/**
 * The passphrase is needed every time again. The key file with the keychain's copy is also
 * cleared from the storage files (anyone logged in as the person could otherwise use it).
 */
export async function removeLockKeychain(options: StoreOptions = {}): Promise<RewriteResult> {
  const v = await readVault();
  const k = await toolsFor(v.keyFile);
  await replaceKeyFile(v, removeKeychain(v.keyFile), true);
  return rewrite(k, options);
}
