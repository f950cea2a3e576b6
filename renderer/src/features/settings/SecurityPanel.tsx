// Privacy and security in Settings: what protects the records now, the optional lock (set
// up, lock now, auto-lock time, keychain, change passphrase, turn off), backups (save and
// restore) and "delete everything", each in plain words with its dialog.
import { useEffect, useState } from 'react';
import { useVaultState } from '../../store/vault.ts';
import { EraseDialog } from '../lock/EraseDialog.tsx';
import { keychainAvailable } from '../lock/keychain.ts';
import { LockSection } from './LockSection.tsx';
import { LockSetupDialog } from './LockSetupDialog.tsx';
import { SaveBackupDialog } from './SaveBackupDialog.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';

type Open = 'setup' | 'backup' | 'restore' | 'erase' | null;

export function SecurityPanel() {
  const vault = useVaultState();
  const [open, setOpen] = useState<Open>(null);
  const [keychain, setKeychain] = useState(false);
  useEffect(() => { void keychainAvailable().then(setKeychain); }, []);
  const locked = vault?.kind === 'lock';
  return (
    <section aria-labelledby="privacy-heading" className="card" data-security-panel="true">
      <h2 id="privacy-heading">Privacy and security</h2>
      <ul>
        <li>Your records are read and kept on this computer only. The app never connects to the internet.</li>
        <li>{locked
          ? 'Your records are stored scrambled (encrypted) on this computer. Only your passphrase opens them.'
          : 'Your records are stored in the app’s own folder on this computer. They are protected by your computer’s login and, if turned on, its disk encryption.'}</li>
      </ul>
      {vault && <LockSection state={vault} keychainAvailable={keychain} onSetUp={() => setOpen('setup')} />}
      <div className="security-block" data-backups="true">
        <h3>Backups</h3>
        <p>A backup is one file with everything in the app, scrambled with a passphrase. Keep it somewhere safe, for example on a USB stick. It is how you move your records to another computer, or get them back if this one breaks or the passphrase is forgotten.</p>
        <div className="card-actions">
          <button type="button" className="btn" onClick={() => setOpen('backup')}>Save a backup…</button>
          <button type="button" className="btn" onClick={() => setOpen('restore')}>Restore from a backup…</button>
        </div>
      </div>
      <div className="security-block" data-erase="true">
        <h3>Delete everything</h3>
        <p>Removes all your records, facts, corrections, questions and notes from this app on this computer, and starts it afresh. Backups and files you saved elsewhere are not touched.</p>
        <button type="button" className="btn btn-danger btn-small" onClick={() => setOpen('erase')}>Delete everything…</button>
      </div>
      {open === 'setup' && <LockSetupDialog keychainAvailable={keychain} onClose={() => setOpen(null)} onBackup={() => setOpen('backup')} />}
      {open === 'backup' && <SaveBackupDialog locked={locked} onClose={() => setOpen(null)} />}
      {open === 'restore' && <RestoreDialog locked={locked} onClose={() => setOpen(null)} />}
      {open === 'erase' && <EraseDialog locked={locked} onClose={() => setOpen(null)} />}
    </section>
  );
}
