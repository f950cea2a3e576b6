// Stopping this computer's keychain from opening the lock. The key file loses the keychain's
// copy, and everything is stored again in fresh files: an older key file in the storage files
// would still let anyone logged in as the person open the app through the keychain.
import { useEffect, useRef, useState } from 'react';
import { removeLockKeychain, type StoreProgress as Progress } from '../../store/vault.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { announce } from '../../ui/announce.ts';
import { CLEARING_LATER, lockMessage } from '../lock/messages.ts';
import { holdingLock, readsFinished } from '../lock/session.ts';
import { StoreProgress } from './StoreProgress.tsx';

export function StopKeychainDialog({ onClose }: { onClose: () => void }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState<{ later: boolean } | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => { cancel.current?.focus(); }, []);
  const busy = progress !== null && !done;
  const stop = async () => {
    setError('');
    setProgress({ step: 'protecting', done: 0, total: 0 });
    try {
      const result = await holdingLock(() => removeLockKeychain({ onProgress: setProgress, beforeRewrite: readsFinished }));
      setDone({ later: !result.done });
      announce('The app will ask for your passphrase every time.');
    } catch (err) {
      setProgress(null);
      setError(lockMessage(err));
    }
  };
  if (done) {
    return (
      <Dialog title="The keychain no longer opens the app" onClose={onClose} narrow name="stop-keychain">
        <p>The app will ask for your passphrase every time it opens.</p>
        {done.later && <p className="hint">{CLEARING_LATER}</p>}
        <div className="card-actions"><button type="button" className="btn btn-primary" onClick={onClose}>Done</button></div>
      </Dialog>
    );
  }
  return (
    <Dialog title="Stop opening it with this computer’s keychain?" onClose={() => { if (!busy) onClose(); }} narrow closeLabel="Cancel" name="stop-keychain">
      <p>The app will then ask for your passphrase every time it opens. It also stores your records again in fresh files, so nothing the keychain could open is left behind. This can take a little while.</p>
      {busy && <StoreProgress progress={progress} doing="Removing the keychain" />}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="card-actions">
        <button type="button" className="btn btn-primary" onClick={() => void stop()} disabled={busy}>Stop using the keychain</button>
        <button ref={cancel} type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
      </div>
    </Dialog>
  );
}
