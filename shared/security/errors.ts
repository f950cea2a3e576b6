// One error type for everything at rest, with a code the UI can branch on and a plain
// message it can show. Messages never contain record content, passphrases or file names.

export type SecurityErrorCode =
  /** the passphrase does not open this key file or backup */
  | 'wrong-passphrase'
  /** the bytes were changed, cut short, moved to another place, or are not ours */
  | 'damaged'
  /** not a backup file from this app at all */
  | 'not-a-backup'
  /** made by a newer version of the app */
  | 'newer-version'
  /** parameters outside what this version accepts (too weak or absurd) */
  | 'bad-parameters'
  /** an empty or too-short passphrase */
  | 'weak-passphrase'
  /** a value that cannot be stored (not JSON and not bytes) */
  | 'unsupported-value';

const MESSAGES: Record<SecurityErrorCode, string> = {
  'wrong-passphrase': 'That passphrase is not right. Check it (passphrases are case-sensitive) and try again.',
  damaged: 'This data is damaged or was changed, so it cannot be opened. Nothing was changed on your side; if you have another copy, try that one.',
  'not-a-backup': 'This file is not a backup made by this app.',
  'newer-version': 'This backup was made by a newer version of the app. Update the app, then open it again.',
  'bad-parameters': 'This data uses settings this version of the app does not accept.',
  'weak-passphrase': 'Please choose a longer passphrase (at least 8 characters).',
  'unsupported-value': 'This value cannot be stored.',
};

export class SecurityError extends Error {
  readonly code: SecurityErrorCode;
  constructor(code: SecurityErrorCode) {
    super(MESSAGES[code]);
    this.name = 'SecurityError';
    this.code = code;
  }
}

export const isSecurityError = (e: unknown, code?: SecurityErrorCode): e is SecurityError =>
  e instanceof SecurityError && (code === undefined || e.code === code);
