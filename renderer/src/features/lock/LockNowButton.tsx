// "Lock now", in the header whenever a lock is set up.
import { useVaultState } from '../../store/vault.ts';
import { lockNow } from './session.ts';

export function LockNowButton() {
  const state = useVaultState();
  if (state?.kind !== 'lock') return null;
  return <button type="button" className="btn btn-small header-lock" onClick={() => void lockNow()} data-lock-now="true">Lock now</button>;
}
