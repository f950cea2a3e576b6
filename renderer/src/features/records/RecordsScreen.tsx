// My records: add files, watch them being read, and look after them (view, read again,
// remove with confirmation, remove the samples).
import { useState, useSyncExternalStore } from 'react';
import type { ScreenId } from '../../app/screens.ts';
import { removeRecord, removeSamples, useRecords, type RecordView } from '../../store/records.ts';
import { ScreenHeading, Loading, Notice } from '../../ui/bits.tsx';
import { ConfirmDialog } from '../../ui/Dialog.tsx';
import { announce } from '../../ui/announce.ts';
import { useFactsState } from '../facts/FactsContext.tsx';
import { AddRecords } from './AddRecords.tsx';
import { RecordRow } from './RecordRow.tsx';
import { RecordViewer } from './RecordViewer.tsx';
import { importer } from './importer.ts';

export function RecordsScreen({ onGo }: { onGo: (id: ScreenId) => void }) {
  const records = useRecords();
  const progress = useSyncExternalStore(importer.subscribe, importer.getSnapshot);
  const documents = useFactsState()?.documents;
  const [messages, setMessages] = useState<string[]>([]);
  const [viewing, setViewing] = useState<RecordView | null>(null);
  const [removing, setRemoving] = useState<RecordView | null>(null);
  const [removingSamples, setRemovingSamples] = useState(false);

  const samples = records?.filter((r) => r.sample) ?? [];
  const reading = records?.filter((r) => r.status === 'queued' || r.status === 'reading').length ?? 0;
  const confirmRemove = async () => {
    if (!removing) return;
    await importer.cancel(removing.id);
    await removeRecord(removing.id);
    announce(`“${removing.meta.name}” was removed.`);
    setRemoving(null);
  };

  return (
    <div className="stack">
      <ScreenHeading intro="Add reports, scans and photos of your records. They are read here, on this computer.">My records</ScreenHeading>
      <AddRecords showSamples={samples.length === 0} onMessages={setMessages} />
      {messages.length > 0 && (
        <Notice tone="info" role="status">
          {messages.map((m, i) => <p key={i}>{m}</p>)}
        </Notice>
      )}
      {samples.length > 0 && (
        <Notice tone="info">
          <p>The records marked <strong>SAMPLE</strong> are made up, to show how the app works.</p>
          <button type="button" className="btn btn-small" onClick={() => setRemovingSamples(true)}>Remove the sample records</button>
        </Notice>
      )}
      {!records ? <Loading what="your records" /> : records.length === 0 ? (
        <p>No records yet. Add a file above to begin.</p>
      ) : (
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">Your records ({records.length})</h2>
          <p className="muted" data-reading={reading}>{reading ? `${reading} being read. You can keep using the app meanwhile.` : 'All records are read.'}
            {' '}{!reading && <button type="button" className="btn-link" onClick={() => onGo('facts')}>See the facts found</button>}</p>
          <ul className="card-list" aria-label="Records">
            {records.map((r) => (
              <RecordRow key={r.id} record={r} progress={progress.get(r.id)} onView={() => setViewing(r)} onRemove={() => setRemoving(r)} />
            ))}
          </ul>
        </section>
      )}
      {viewing && <RecordViewer record={viewing} document={documents?.find((d) => d.recordId === viewing.id)?.document} onClose={() => setViewing(null)} />}
      {removing && (
        <ConfirmDialog title={`Remove “${removing.meta.name}”?`} confirmLabel="Remove this record" onConfirm={() => void confirmRemove()} onCancel={() => setRemoving(null)}>
          <p>The app will forget this record, its pages and the facts found only in it.</p>
          <p>The file on your computer is not touched, so you can add it again later. Your checks of facts are kept.</p>
        </ConfirmDialog>
      )}
      {removingSamples && (
        <ConfirmDialog title="Remove the sample records?" confirmLabel="Remove the samples" onCancel={() => setRemovingSamples(false)}
          onConfirm={() => void removeSamples().then((n) => { announce(`${n} sample records were removed.`); setRemovingSamples(false); })}>
          <p>The {samples.length} made-up sample records will be removed. Your own records stay as they are.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
