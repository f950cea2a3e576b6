// Locking is a page reload: it drops the data key and every decoded value the page holds
// (React state, the stores' caches, the facts worked out from them, PDF passwords) in one go.
// A deliberate lock (the button, or auto-lock) also notes in sessionStorage that the
// passphrase is wanted next, so this computer's keychain does not simply open it again.
// A record being read is stopped in main first (its status stays "reading", so it is read
// again after unlocking, instead of meeting the old job still running).
import { api } from '../../api.ts';
import { recordsWithStatus } from '../../store/records.ts';
import { importer } from '../records/importer.ts';

const ASK_PASSPHRASE = 'records-lock:ask-passphrase';

export async function lockNow(): Promise<void> {
  try { sessionStorage.setItem(ASK_PASSPHRASE, '1'); } catch { /* then the keychain may open it again */ }
  try {
    const reading = await recordsWithStatus(['reading']);
    const stopped = Promise.all(reading.map((id) => api().cancelRead(id).catch(() => undefined)));
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 1000))]);
  } catch { /* lock anyway */ }
  location.reload();
}

/** The person locked the app in this window: ask for the passphrase even if the keychain could open it. */
export function passphraseWanted(): boolean {
  try { return sessionStorage.getItem(ASK_PASSPHRASE) === '1'; } catch { return false; }
}

export function passphraseGiven(): void {
  try { sessionStorage.removeItem(ASK_PASSPHRASE); } catch { /* nothing kept */ }
}

/** Back to the start screen with a fresh page (after deleting everything). */
export function reloadToStart(): void {
  history.replaceState(null, '', location.pathname + location.search);
  location.reload();
}

// Long jobs (turning the lock on, a backup, a restore) hold auto-lock off while they run.
let busy = 0;
export async function holdingLock<T>(job: () => Promise<T>): Promise<T> {
  busy++;
  try { return await job(); } finally { busy--; }
}
export const lockHeld = (): boolean => busy > 0;

/**
 * Resolves once no record is waiting or being read. Storing everything again (the lock on, a
 * new passphrase) holds the app's writes; a record finishing meanwhile could not be saved.
 */
export function readsFinished(): Promise<void> {
  return new Promise((resolve) => {
    let stop = () => {};
    const check = () => {
      if (importer.getSnapshot().size > 0) return;
      stop();
      resolve();
    };
    stop = importer.subscribe(check);
    check();
  });
}
