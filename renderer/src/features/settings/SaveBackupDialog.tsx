// "Save a backup": everything worth keeping, in one file scrambled with a passphrase (the
// lock's when there is one, so there is one passphrase to remember; otherwise one chosen
// for the backup), saved where the person chooses.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createBackup, isSecurityError } from '../../../../shared/security/index.ts';
import { api } from '../../api.ts';
import { exportData } from '../../store/backup-data.ts';
import { checkPassphrase } from '../../store/vault.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Notice } from '../../ui/bits.tsx';
import { announce } from '../../ui/announce.ts';
import { PassphraseField, ShowPassphrase, choiceProblem } from '../lock/PassphraseField.tsx';
import { holdingLock } from '../lock/session.ts';
import { backupMessage } from '../lock/messages.ts';

const today = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };

export function SaveBackupDialog({ locked, onClose }: { locked: boolean; onClose: () => void }) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [show, setShow] = useState(false);
  const [error, setError] = useState('');
  const [stage, setStage] = useState<'ask' | 'working' | 'saved' | 'not-saved'>('ask');
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => { box.current?.focus(); }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = locked ? (first ? null : 'Please type your passphrase.') : choiceProblem(first, second);
    if (problem) { setError(problem); return; }
    setError('');
    setStage('working');
    try {
      await holdingLock(async () => {
        if (locked) await checkPassphrase(first);
        const payload = await exportData();
        const file = await createBackup(payload, first);
        payload.fill(0);
        const { saved } = await api().saveBackup({ data: file, suggestedName: `Records backup ${today()}` });
        setStage(saved ? 'saved' : 'not-saved');
        if (saved) announce('Your backup was saved.');
      });
    } catch (err) {
      setStage('ask');
      setError(isSecurityError(err, 'wrong-passphrase') ? 'That is not your passphrase. Check it (passphrases are case-sensitive) and try again.' : backupMessage(err));
    }
  };
  if (stage === 'saved' || stage === 'not-saved') {
    return (
      <Dialog title={stage === 'saved' ? 'Your backup was saved' : 'The backup was not saved'} onClose={onClose} narrow name="backup">
        {stage === 'saved'
          ? <p>Keep the file somewhere safe, for example on a USB stick. To open it, you need the passphrase it was saved with.</p>
          : <p>No file was saved. You can try again at any time.</p>}
        <div className="card-actions"><button type="button" className="btn btn-primary" onClick={onClose}>Done</button></div>
      </Dialog>
    );
  }
  const working = stage === 'working';
  return (
    <Dialog title="Save a backup" onClose={() => { if (!working) onClose(); }} narrow closeLabel="Cancel" name="backup">
      <form onSubmit={(e) => void submit(e)}>
        <p>The backup is one file with all your records and their original files, the facts you checked or corrected, the facts you added, your questions and notes. It is scrambled, so only someone who knows the passphrase can open it.</p>
        {locked ? (
          <PassphraseField ref={box} label="Your passphrase" hint="The backup is protected with the same passphrase as the lock." value={first} onChange={setFirst} show={show} autoComplete="current-password" error={error} />
        ) : (
          <>
            <PassphraseField ref={box} label="A passphrase for this backup" hint="At least 8 characters. You will need it to open the backup." value={first} onChange={setFirst} show={show} autoComplete="new-password" />
            <PassphraseField label="The same passphrase again" value={second} onChange={setSecond} show={show} autoComplete="new-password" error={error} />
            <Notice tone="check"><p>If this passphrase is forgotten, the backup cannot be opened by anyone.</p></Notice>
          </>
        )}
        <ShowPassphrase show={show} onChange={setShow} plural={!locked} />
        {working && <p role="status">Preparing your backup… This can take a moment with many records.</p>}
        <div className="card-actions">
          <button type="submit" className="btn btn-primary" disabled={working}>Save the backup…</button>
          <button type="button" className="btn" onClick={onClose} disabled={working}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
