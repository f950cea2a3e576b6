// Turning the lock off is asked for, explained, and confirmed with the passphrase (someone at
// an open laptop cannot take the protection away). Keeping the lock has the focus first.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { disableLock } from '../../store/vault.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { announce } from '../../ui/announce.ts';
import { PassphraseField, ShowPassphrase } from '../lock/PassphraseField.tsx';
import { holdingLock } from '../lock/session.ts';
import { lockMessage } from '../lock/messages.ts';
import { StoreProgress } from './StoreProgress.tsx';

export function TurnOffLockDialog({ onClose }: { onClose: () => void }) {
  const [value, setValue] = useState('');
  const [show, setShow] = useState(false);
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => { keep.current?.focus(); }, []);
  const busy = progress !== null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value) { setError('Please type your passphrase to turn the lock off.'); return; }
    setError('');
    setProgress({ done: 0, total: 0 });
    try {
      await holdingLock(() => disableLock(value, { onProgress: setProgress }));
      announce('The lock is off.');
      onClose();
    } catch (err) {
      setProgress(null);
      setError(lockMessage(err));
    }
  };
  return (
    <Dialog title="Turn the lock off?" onClose={() => { if (!busy) onClose(); }} narrow closeLabel="Cancel" name="lock-off">
      <form onSubmit={(e) => void submit(e)}>
        <p>Your records will be stored without scrambling again, and the app will open without asking. Anyone who can use this computer’s login could then open it and read them.</p>
        <PassphraseField label="Your passphrase, to confirm" value={value} onChange={setValue} show={show} autoComplete="current-password" error={error} />
        <ShowPassphrase show={show} onChange={setShow} />
        {busy && <StoreProgress progress={progress} doing="Turning the lock off" />}
        <div className="card-actions">
          <button ref={keep} type="button" className="btn btn-primary" onClick={onClose} disabled={busy}>Keep the lock</button>
          <button type="submit" className="btn btn-danger" disabled={busy}>Turn the lock off</button>
        </div>
      </form>
    </Dialog>
  );
}
