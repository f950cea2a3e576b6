// "Delete everything", asked in a dialog where keeping is the default: the focus starts on
// "Keep everything", and the delete button works only after the person ticks that they
// understand (engineering anchors §7 habit 8: the delete option is the hardest to click).
import { useEffect, useId, useRef, useState } from 'react';
import { api, plainError } from '../../api.ts';
import { eraseEverything } from '../../store/erase.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { reloadToStart } from './session.ts';

export function EraseDialog({ onClose, locked }: { onClose: () => void; locked?: boolean }) {
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const keep = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => { keep.current?.focus(); }, []);
  const erase = async () => {
    setBusy(true);
    try {
      await eraseEverything(() => api().eraseData());
      reloadToStart();
    } catch (e) {
      // the records are gone by now if the database went; say what is left to do
      setProblem(`${plainError(e)} Please close the app and open it again to finish.`);
      setBusy(false);
    }
  };
  return (
    <Dialog title="Delete everything?" onClose={() => { if (!busy) onClose(); }} narrow closeLabel="Cancel" name="erase">
      <p>This deletes everything in this app on this computer: your records and their original files, the facts, your corrections, your questions and notes{locked ? ', and the lock' : ''}.</p>
      <p><strong>It cannot be undone.</strong> Files you saved yourself, such as backups and printed lists, are not touched.</p>
      {!locked && <p>If you might want your records here again, save a backup first (Settings, “Backups”).</p>}
      <label className="choice" htmlFor={`${id}-sure`}>
        <input id={`${id}-sure`} type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} disabled={busy} />
        I understand: delete everything from this app
      </label>
      {problem && <p className="form-error" role="alert">{problem}</p>}
      {busy && <p role="status">Deleting…</p>}
      <div className="card-actions">
        <button ref={keep} type="button" className="btn btn-primary" onClick={onClose} disabled={busy}>Keep everything</button>
        <button type="button" className="btn btn-danger" onClick={() => void erase()} disabled={!sure || busy} data-erase="confirm">Delete everything</button>
      </div>
    </Dialog>
  );
}
