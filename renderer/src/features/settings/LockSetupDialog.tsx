// Turning the lock on: a passphrase chosen twice (paste and password managers welcome), a
// plain word that a forgotten passphrase cannot be recovered, the keychain as an explained
// opt-in, then every stored value is encrypted and everything is stored again in fresh files
// (so nothing from before the lock is left in them), with progress. Ends by suggesting a backup.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { enableLock, type StoreProgress as Progress } from '../../store/vault.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Notice } from '../../ui/bits.tsx';
import { announce } from '../../ui/announce.ts';
import { PassphraseField, ShowPassphrase, choiceProblem } from '../lock/PassphraseField.tsx';
import { osKeychain } from '../lock/keychain.ts';
import { holdingLock, readsFinished } from '../lock/session.ts';
import { CLEARING_LATER, lockMessage } from '../lock/messages.ts';
import { StoreProgress } from './StoreProgress.tsx';

interface Props { keychainAvailable: boolean; onClose: () => void; onBackup: () => void }

export function LockSetupDialog({ keychainAvailable, onClose, onBackup }: Props) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [show, setShow] = useState(false);
  const [keychain, setKeychain] = useState(false);
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState(false);
  const [later, setLater] = useState(false);
  const firstBox = useRef<HTMLInputElement>(null);
  useEffect(() => { firstBox.current?.focus(); }, []);
  const busy = progress !== null && !done;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = choiceProblem(first, second);
    if (problem) { setError(problem); return; }
    setError('');
    setProgress({ step: 'protecting', done: 0, total: 0 });
    try {
      const result = await holdingLock(() => enableLock(first, { keychain: keychain ? osKeychain : undefined, onProgress: setProgress, beforeRewrite: readsFinished }));
      setLater(!result.done);
      setDone(true);
      announce('The lock is on.');
    } catch (err) {
      setProgress(null);
      setError(lockMessage(err));
    }
  };

  if (done) {
    return (
      <Dialog title="The lock is on" onClose={onClose} narrow name="lock-setup">
        <p>Your records are now stored scrambled on this computer. Next time the app opens, it will ask for your passphrase.</p>
        <p>Please save a backup now, and keep it somewhere safe: it is the only way back to your records if the passphrase is forgotten or this computer breaks.</p>
        {later && <p className="hint">{CLEARING_LATER}</p>}
        <div className="card-actions">
          <button type="button" className="btn btn-primary" onClick={onBackup}>Save a backup…</button>
          <button type="button" className="btn" onClick={onClose}>Not now</button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title="Lock with a passphrase" onClose={() => { if (!busy) onClose(); }} narrow closeLabel="Cancel" name="lock-setup">
      <form onSubmit={(e) => void submit(e)}>
        <p>Choose a passphrase: a few words you will remember, at least 8 characters. You can paste it, or let a password manager fill it in.</p>
        <PassphraseField ref={firstBox} label="Passphrase" value={first} onChange={setFirst} show={show} autoComplete="new-password" name="new-passphrase" />
        <PassphraseField label="The same passphrase again" value={second} onChange={setSecond} show={show} autoComplete="new-password" name="new-passphrase-again" />
        <ShowPassphrase show={show} onChange={setShow} plural />
        {keychainAvailable && (
          <div className="field">
            <label className="choice">
              <input type="checkbox" checked={keychain} onChange={(e) => setKeychain(e.target.checked)} aria-describedby="keychain-hint" />
              Also open it with this computer’s keychain
            </label>
            <p className="hint" id="keychain-hint">Then the app opens on this computer without asking, for anyone who can log in as you. Leave this off if other people use your login.</p>
          </div>
        )}
        <Notice tone="check">
          <p><strong>If you forget your passphrase, your records cannot be recovered</strong>, not by this app and not by anyone else: that is what keeps them private. Write it down and keep it somewhere safe, and save a backup.</p>
        </Notice>
        {error && <p className="form-error" role="alert">{error}</p>}
        {busy && <StoreProgress progress={progress} doing="Protecting your records" />}
        <div className="card-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>Turn on the lock</button>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
