// One record in the list: its name, what is happening to it now, what went wrong and what
// to do next, and its actions. data-state carries the status for tests and styling.
import type { RecordView } from '../../store/records.ts';
import { Badge, Notice } from '../../ui/bits.tsx';
import { PasswordForm } from '../../ui/PasswordForm.tsx';
import { formatSize } from '../../ui/bytes.ts';
import { importer, type JobProgress } from './importer.ts';
import { progressText, readSummary } from './progress-text.ts';

interface Props {
  record: RecordView;
  progress?: JobProgress;
  onView: () => void;
  onRemove: () => void;
}

export function RecordRow({ record, progress, onView, onRemove }: Props) {
  const { status, meta } = record;
  const busy = status === 'queued' || status === 'reading';
  const notes = meta.problems.filter((p) => !p.fatal || status === 'failed');
  const wrongPassword = meta.problems.some((p) => p.code === 'password-wrong');
  return (
    <li className="card record" data-state={status} data-record={meta.name}>
      <h3 className="record-name">
        <span>{meta.name}</span> {record.sample && <Badge tone="sample">SAMPLE</Badge>}
      </h3>
      <p className="muted small">{formatSize(record.size)} · added {new Date(record.addedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}</p>

      {busy && (
        <div className="record-progress" role="status">
          <p>{progress ? progressText(progress) : 'Waiting to be read…'}</p>
          {progress && progress.pages > 0
            ? <progress max={progress.pages} value={progress.page} aria-label={`Pages read of ${meta.name}`} />
            : <progress aria-label={`Reading ${meta.name}`} />}
        </div>
      )}
      {status === 'done' && <p><Badge tone="ok">Read</Badge> {readSummary(record)}</p>}
      {status === 'cancelled' && <Notice tone="check"><p>{meta.message ?? 'Reading was stopped.'}</p></Notice>}
      {status === 'failed' && (
        <Notice tone="problem" role="alert">
          <p><strong>This file could not be read.</strong></p>
          {meta.message && <p>{meta.message}</p>}
        </Notice>
      )}
      {status === 'password' && (
        <Notice tone="check">
          <p><strong>This PDF is locked with a password.</strong> Type the password to read it.</p>
          <PasswordForm wrong={wrongPassword} submitLabel="Unlock and read" onSubmit={(pw) => importer.enqueue(record.id, pw)} />
        </Notice>
      )}
      {notes.length > 0 && status !== 'password' && (
        <ul className="record-notes">
          {notes.map((p, i) => <li key={i}>{p.message}</li>)}
        </ul>
      )}

      <div className="card-actions">
        <button type="button" className="btn btn-small" onClick={onView}>View the original</button>
        {busy
          ? <button type="button" className="btn btn-small btn-quiet" onClick={() => void importer.cancel(record.id)}>Stop reading</button>
          : status !== 'password' && <button type="button" className="btn btn-small btn-quiet" onClick={() => importer.enqueue(record.id)}>Read again</button>}
        <button type="button" className="btn btn-small btn-danger" onClick={onRemove}>Remove…</button>
      </div>
    </li>
  );
}
