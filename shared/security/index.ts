// At rest, in one import: the passphrase KDF, the data key and how it is kept, the value
// codec, and the encrypted backup file. Pure WebCrypto: runs in the renderer and in Node.
// How the renderer plugs these in: docs/SECURITY.md.
export { SecurityError, isSecurityError, type SecurityErrorCode } from './errors.ts';
export { DEFAULT_ITERATIONS, MIN_ITERATIONS, MAX_ITERATIONS, MIN_PASSPHRASE_LENGTH, isAcceptablePassphrase } from './kdf.ts';
export {
  addKeychain, changePassphrase, createKeys, needsUpgrade, parseKeyFile, removeKeychain, unlockWithKeychain, unlockWithPassphrase,
  KEY_FILE_FORMAT, type Keychain, type KeyFile,
} from './keys.ts';
export { createCodec, isEncryptedValue, type ValueCodec, type Where } from './codec.ts';
export { createFingerprinter, type Fingerprinter } from './fingerprint.ts';
export { createBackup, openBackup, readBackupInfo, BACKUP_EXTENSION, BACKUP_MAGIC, BACKUP_VERSION, type BackupInfo } from './backup.ts';
