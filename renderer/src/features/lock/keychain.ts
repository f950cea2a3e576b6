// This computer's keychain as the key file needs it (shared/security/keys.ts), through the
// two contract calls main offers (Electron safeStorage; refused where it is not a real
// keychain, e.g. Linux without a keyring).
import type { Keychain } from '../../../../shared/security/index.ts';
import { api } from '../../api.ts';

export const osKeychain: Keychain = {
  wrap: async (key) => (await api().keychainWrap(key)).wrapped,
  unwrap: async (wrapped) => (await api().keychainUnwrap(wrapped)).key,
};

export async function keychainAvailable(): Promise<boolean> {
  try {
    return (await api().appInfo()).keychain;
  } catch {
    return false;
  }
}
