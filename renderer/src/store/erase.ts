// "Delete everything". The key material goes first, in the same transaction that records an
// erase is under way: from that moment every encrypted value is unreadable for good
// (crypto-shredding), even where the disk keeps old blocks. Then the database, the page's
// local and session storage, and finally main clears the session's storage and caches
// (window.api.eraseData). If the app is closed half-way, the next start sees the marker and
// finishes before showing anything.
import { db } from './db.ts';
import { lockedCodec, setCodec } from './codec.ts';
import { VAULT_KEY } from './vault.ts';

export const ERASING_KEY = 'erasing';

/** Step 1: the key file goes and the marker is set, in one transaction; nothing can be read after. */
export async function beginErase(): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.delete(VAULT_KEY);
    await db.settings.put({ key: ERASING_KEY, value: Date.now() });
  });
  setCodec(lockedCodec);
}

/** True when an erase was started and not finished (checked at start, before anything else). */
export async function eraseUnderWay(): Promise<boolean> {
  return !!(await db.settings.get(ERASING_KEY));
}

/** Steps 2-4: the database, the page's storage, then main's. Safe to run again. */
export async function finishErase(eraseInMain: () => Promise<unknown>): Promise<void> {
  setCodec(lockedCodec);
  // closes our connection and deletes the database; nothing reopens it in this page
  await db.delete({ disableAutoOpen: true });
  for (const storage of [globalThis.localStorage, globalThis.sessionStorage]) {
    try { storage?.clear(); } catch { /* not available: nothing kept there */ }
  }
  await eraseInMain();
}

export async function eraseEverything(eraseInMain: () => Promise<unknown>): Promise<void> {
  await beginErase();
  await finishErase(eraseInMain);
}
