// A new passphrase for the lock: the current one proves it is the person, the new one is
// typed twice. The key is wrapped again, and everything is stored again in fresh files, so
// the storage files keep no key the old passphrase opens (with progress).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isSecurityError } from '../../../../shared/security/index.ts';
import { changeLockPassphrase, type StoreProgress as Progress } from '../../store/vault.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { announce } from '../../ui/announce.ts';
import { PassphraseField, ShowPassphrase, choiceProblem } from '../lock/PassphraseField.tsx';
import { CLEARING_LATER, lockMessage } from '../lock/messages.ts';
import { holdingLock, readsFinished } from '../lock/session.ts';
import { StoreProgress } from './StoreProgress.tsx';

export function ChangePassphraseDialog({ onClose }: { onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<{ current?: string; next?: string }>({});
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState(false);
  const [later, setLater] = useState(false);
  const busy = progress !== null && !done;
  const firstBox = useRef<HTMLInputElement>(null);
  useEffect(() => { firstBox.current?.focus(); }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = choiceProblem(first, second);
    if (!current || problem) { setErrors({ current: current ? undefined : 'Please type your passphrase as it is now.', next: problem ?? undefined }); return; }
    setErrors({});
    setProgress({ step: 'protecting', done: 0, total: 0 });
    try {
      const result = await holdingLock(() => changeLockPassphrase(current, first, { onProgress: setProgress, beforeRewrite: readsFinished }));
      setLater(!result.done);
      setDone(true);
      announce('Your passphrase was changed.');
    } catch (err) {
      setProgress(null);
      setErrors(isSecurityError(err, 'wrong-passphrase') ? { current: lockMessage(err) } : { next: lockMessage(err) });
    }
  };
  if (done) {
    return (
      <Dialog title="Your passphrase was changed" onClose={onClose} narrow name="change-passphrase">
        <p>From now on, use the new passphrase to open the app. Backups you saved before still open with the passphrase they were saved with.</p>
        {later && <p className="hint">{CLEARING_LATER}</p>}
        <div className="card-actions"><button type="button" className="btn btn-primary" onClick={onClose}>Done</button></div>
      </Dialog>
    );
  }
  return (
    <Dialog title="Change the passphrase" onClose={() => { if (!busy) onClose(); }} narrow closeLabel="Cancel" name="change-passphrase">
      <form onSubmit={(e) => void submit(e)}>
        <PassphraseField ref={firstBox} label="Your passphrase now" value={current} onChange={setCurrent} show={show} autoComplete="current-password" error={errors.current} />
        <PassphraseField label="New passphrase" value={first} onChange={setFirst} show={show} autoComplete="new-password" />
        <PassphraseField label="The new passphrase again" value={second} onChange={setSecond} show={show} autoComplete="new-password" error={errors.next} />
        <ShowPassphrase show={show} onChange={setShow} plural />
        {busy && <StoreProgress progress={progress} doing="Changing the passphrase" />}
        <div className="card-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>Change the passphrase</button>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
