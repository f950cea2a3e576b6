// Plain sentences for what can go wrong with the lock and with backups. The shared errors
// already say most of it; a few say more about where the person is.
import { isSecurityError } from '../../../../shared/security/index.ts';
import { plainError } from '../../api.ts';

export const KEY_FILE_DAMAGED = 'The key that opens your records on this computer is damaged, so they cannot be opened, even with the right passphrase. Nothing has been deleted.';
export const FORGOTTEN = 'A forgotten passphrase cannot be recovered: not by this app, and not by anyone else. That is what keeps your records private.';

/** Said when the store is protected but older copies could not be cleared from the files this time. */
export const CLEARING_LATER = 'The app could not yet clear older copies from its storage files, so it will try again the next time it opens. Your records are safe and protected in the meantime.';

export function lockMessage(e: unknown): string {
  if (isSecurityError(e, 'damaged')) return KEY_FILE_DAMAGED;
  if (isSecurityError(e)) return e.message;
  return plainError(e);
}

export function backupMessage(e: unknown): string {
  if (isSecurityError(e, 'damaged')) return 'This backup file is damaged or incomplete, so it cannot be opened. If you have another copy, please try that one.';
  if (isSecurityError(e, 'wrong-passphrase')) return 'That passphrase does not open this backup. Check it (passphrases are case-sensitive) and try again. It is the passphrase that was used when the backup was saved.';
  if (isSecurityError(e)) return e.message;
  return plainError(e);
}
