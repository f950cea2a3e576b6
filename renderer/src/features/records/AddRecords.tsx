// Adding records: drop files here or choose them with the system's file picker. The picker
// is a real <input type=file> behind a big, plainly labelled button, so keyboard and
// screen-reader users get the same thing as mouse users.
import { useRef, useState, type DragEvent } from 'react';
import { addFiles, describeOutcomes, filesFromInput } from './add-files.ts';
import { addSamples } from './samples.ts';
import { announce } from '../../ui/announce.ts';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt,application/pdf,image/png,image/jpeg,image/tiff,text/plain';

export function AddRecords({ showSamples, onMessages }: { showSamples: boolean; onMessages: (m: string[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);

  const take = async (files: FileList | File[]) => {
    if (!files.length) return;
    setBusy(true);
    try {
      const messages = describeOutcomes(await addFiles(await filesFromInput(files)));
      onMessages(messages);
      announce(messages.join(' '));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files);
  };
  const samples = async () => {
    setBusy(true);
    try {
      const messages = describeOutcomes(await addSamples());
      onMessages(messages);
      announce('Sample records added. They are being read now.');
    } finally { setBusy(false); }
  };

  return (
    <section aria-labelledby="add-heading" className="drop-zone" data-over={over}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}>
      <h2 id="add-heading" className="visually-hidden">Add records</h2>
      <p>Drop PDF files, scans or photos of your records here, or</p>
      <input ref={input} id="record-files" className="visually-hidden" type="file" multiple accept={ACCEPT}
        onChange={(e) => e.target.files && void take(e.target.files)} data-testid="file-input" tabIndex={-1} aria-hidden="true" />
      <button type="button" className="btn btn-primary" onClick={() => input.current?.click()} disabled={busy}>Choose files from this computer…</button>
      <p className="muted small">PDF, JPEG, PNG, TIFF or text files. Each file is read on this computer only.</p>
      {showSamples && (
        <p>
          <button type="button" className="btn" onClick={samples} disabled={busy}>Try with sample records</button>
          <span className="muted small"> Made-up records, to see how the app works. Easy to remove again.</span>
        </p>
      )}
    </section>
  );
}
