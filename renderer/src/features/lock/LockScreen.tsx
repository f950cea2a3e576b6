// The calm screen a locked app opens on, before any record is read. The passphrase opens the
// data key; a wrong passphrase and a damaged key file get different, plain messages. What to
// do when the passphrase is forgotten, or the key is damaged, is one step away.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isSecurityError } from '../../../../shared/security/index.ts';
import { unlockWithPassphrase, upgradeKeyFile } from '../../store/vault.ts';
import { Notice } from '../../ui/bits.tsx';
import { EraseDialog } from './EraseDialog.tsx';
import { PassphraseField, ShowPassphrase } from './PassphraseField.tsx';
import { FORGOTTEN, KEY_FILE_DAMAGED, lockMessage } from './messages.ts';

interface Props {
  /** the key file could not even be read */
  damaged: boolean;
  /** why the passphrase is asked for although the keychain could have opened it */
  note?: string;
  onUnlocked: (dataKey: CryptoKey) => void;
}

export function LockScreen({ damaged: damagedAtStart, note, onUnlocked }: Props) {
  const [value, setValue] = useState('');
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [damaged, setDamaged] = useState(damagedAtStart);
  const [erasing, setErasing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { input.current?.focus(); }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value || busy) return;
    setBusy(true);
    setError('');
    try {
      const key = await unlockWithPassphrase(value);
      void upgradeKeyFile(value);
      onUnlocked(key);
    } catch (err) {
      if (isSecurityError(err, 'damaged')) setDamaged(true);
      else setError(lockMessage(err));
      setBusy(false);
      input.current?.focus();
    }
  };
  return (
    // ready for input (what the test harness waits for), but locked
    <div className="app lock-app" data-ready="true" data-locked="true">
      <header className="app-header">
        <p className="app-name">Records Companion</p>
        <p className="app-promise">Private: your records stay on this computer. Nothing is sent anywhere.</p>
      </header>
      <main id="main" className="app-main lock-screen" data-lock-screen={damaged ? 'damaged' : 'ask'}>
        <h1>Your records are locked</h1>
        {damaged ? (
          <Notice tone="problem" role="alert">
            <p>{KEY_FILE_DAMAGED}</p>
            <p>If you have a backup, you can start again: delete everything here, then restore the backup from Settings.</p>
          </Notice>
        ) : (
          <form className="card lock-form" onSubmit={(e) => void submit(e)}>
            <p>Type your passphrase to open them.</p>
            {note && <p className="hint">{note}</p>}
            <PassphraseField ref={input} label="Passphrase" value={value} onChange={setValue} show={show} autoComplete="current-password" error={error} name="passphrase" />
            <ShowPassphrase show={show} onChange={setShow} />
            <div className="card-actions">
              <button type="submit" className="btn btn-primary" disabled={!value || busy}>Open my records</button>
            </div>
            {busy && <p role="status">Opening… this takes a few seconds.</p>}
          </form>
        )}
        <details className="disclosure lock-help" open={damaged || undefined}>
          <summary>{damaged ? 'Start again' : 'Forgot your passphrase?'}</summary>
          <div>
            {!damaged && <p>{FORGOTTEN}</p>}
            <p>If you have a backup and know its passphrase, you can delete everything here and then restore the backup (Settings, “Restore from a backup”).</p>
            <button type="button" className="btn btn-danger" onClick={() => setErasing(true)}>Delete everything and start again…</button>
          </div>
        </details>
      </main>
      {erasing && <EraseDialog locked onClose={() => setErasing(false)} />}
    </div>
  );
}
