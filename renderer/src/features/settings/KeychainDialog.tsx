// Letting this computer's keychain open the lock too: explained, and confirmed with the
// passphrase (only the owner may add a way in).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { addLockKeychain } from '../../store/vault.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { announce } from '../../ui/announce.ts';
import { PassphraseField, ShowPassphrase } from '../lock/PassphraseField.tsx';
import { osKeychain } from '../lock/keychain.ts';
import { lockMessage } from '../lock/messages.ts';

export function KeychainDialog({ onClose }: { onClose: () => void }) {
  const [value, setValue] = useState('');
  const [show, setShow] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => { box.current?.focus(); }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value) return;
    setBusy(true);
    setError('');
    try {
      if (await addLockKeychain(value, osKeychain)) {
        announce('This computer’s keychain can now open the app.');
        onClose();
      } else {
        setError('This computer’s keychain did not accept the key, so the app will keep asking for your passphrase.');
      }
    } catch (err) {
      setError(lockMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Open with this computer’s keychain" onClose={() => { if (!busy) onClose(); }} narrow closeLabel="Cancel" name="keychain">
      <form onSubmit={(e) => void submit(e)}>
        <p>The app will then open on this computer without asking, for anyone who can log in as you. After “Lock now” it still asks for the passphrase.</p>
        <PassphraseField ref={box} label="Your passphrase, to confirm" value={value} onChange={setValue} show={show} autoComplete="current-password" error={error} />
        <ShowPassphrase show={show} onChange={setShow} />
        <div className="card-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !value}>Use the keychain too</button>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
