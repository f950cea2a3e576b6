// "Restore from a backup": pick the file (is it ours, and whole?), type its passphrase, see
// what it holds, then add it to this app. Restoring adds and never removes: what is already
// here stays as it is, and the summary after says what was added and what was kept. When this
// app is locked, the restored values are encrypted with its own key.
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { openBackup, readBackupInfo } from '../../../../shared/security/index.ts';
import { parseData, restoreData, summarise, type BackupData, type RestoreReport } from '../../store/backup-data.ts';
import { importer } from '../records/importer.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { announce } from '../../ui/announce.ts';
import { PassphraseField, ShowPassphrase } from '../lock/PassphraseField.tsx';
import { holdingLock } from '../lock/session.ts';
import { backupMessage } from '../lock/messages.ts';
import { describeReport, describeSummary } from './restore-words.ts';

type Stage =
  | { kind: 'pick' }
  | { kind: 'passphrase'; file: Uint8Array }
  | { kind: 'review'; data: BackupData }
  | { kind: 'restoring'; done: number; total: number }
  | { kind: 'done'; report: RestoreReport };

export function RestoreDialog({ locked, onClose }: { locked: boolean; onClose: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [value, setValue] = useState('');
  const [show, setShow] = useState(false);
  const id = useId();

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    setError('');
    try {
      const file = new Uint8Array(await f.arrayBuffer());
      await readBackupInfo(file);
      setStage({ kind: 'passphrase', file });
    } catch (err) {
      setError(backupMessage(err));
    }
  };
  const open = async (e: FormEvent) => {
    e.preventDefault();
    if (stage.kind !== 'passphrase' || !value) return;
    setBusy(true);
    setError('');
    try {
      const payload = await openBackup(stage.file, value);
      setStage({ kind: 'review', data: parseData(payload) });
      setValue('');
    } catch (err) {
      setError(backupMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const restore = async () => {
    if (stage.kind !== 'review') return;
    const { data } = stage;
    setStage({ kind: 'restoring', done: 0, total: data.json.records.length });
    try {
      const report = await holdingLock(() => restoreData(data, (done, total) => setStage({ kind: 'restoring', done, total })));
      for (const rid of report.toRead) importer.enqueue(rid);
      setStage({ kind: 'done', report });
      announce('The backup was restored.');
    } catch (err) {
      setError(backupMessage(err));
      setStage({ kind: 'review', data });
    }
  };
  const working = busy || stage.kind === 'restoring';

  return (
    <Dialog title="Restore from a backup" onClose={() => { if (!working) onClose(); }} narrow closeLabel={stage.kind === 'done' ? 'Close' : 'Cancel'} name="restore">
      {stage.kind === 'pick' && (
        <>
          <p>Choose a backup file saved by this app (its name ends in “.recordsbackup”).</p>
          <div className="field">
            <label htmlFor={`${id}-file`}>Backup file</label>
            <input id={`${id}-file`} type="file" accept=".recordsbackup" onChange={(e) => void pick(e)} data-testid="backup-file"
              aria-describedby={error ? `${id}-err` : undefined} />
          </div>
        </>
      )}
      {stage.kind === 'passphrase' && (
        <form onSubmit={(e) => void open(e)}>
          <p>This is a backup from this app. Type the passphrase it was saved with.</p>
          <PassphraseField label="The backup’s passphrase" value={value} onChange={setValue} show={show} autoComplete="current-password" error={error} />
          <ShowPassphrase show={show} onChange={setShow} />
          {busy && <p role="status">Opening the backup…</p>}
          <div className="card-actions">
            <button type="submit" className="btn btn-primary" disabled={busy || !value}>Open the backup</button>
            <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          </div>
        </form>
      )}
      {stage.kind === 'review' && (
        <>
          <Summary data={stage.data} />
          <p>Restoring adds these to the app. Nothing here is removed or changed: records already here stay as they are, and where you already checked or corrected a fact on this computer, that choice is kept.{locked ? ' The restored records are protected by this app’s lock.' : ''}</p>
          <div className="card-actions">
            <button type="button" className="btn btn-primary" onClick={() => void restore()}>Restore</button>
            <button type="button" className="btn" onClick={onClose}>Cancel</button>
          </div>
        </>
      )}
      {stage.kind === 'restoring' && (
        <div role="status">
          <p>Restoring{stage.total ? `: ${stage.done} of ${stage.total} records` : '…'}. Please keep the app open.</p>
          {stage.total > 0 && <progress max={stage.total} value={stage.done} aria-label="Restoring" />}
        </div>
      )}
      {stage.kind === 'done' && (
        <>
          <div data-restore="report">{describeReport(stage.report).map((p) => <p key={p}>{p}</p>)}</div>
          <div className="card-actions"><button type="button" className="btn btn-primary" onClick={onClose}>Done</button></div>
        </>
      )}
      {error && stage.kind !== 'passphrase' && <p className="form-error" id={`${id}-err`} role="alert">{error}</p>}
    </Dialog>
  );
}

function Summary({ data }: { data: BackupData }) {
  const { intro, items } = describeSummary(summarise(data));
  return (
    <div className="restore-summary" data-restore="summary">
      <p>{intro}</p>
      <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>
    </div>
  );
}
