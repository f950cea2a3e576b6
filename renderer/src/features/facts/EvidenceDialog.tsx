// Where a fact was read: the words, the record and page, how sure the reading was, and the
// page itself with those words marked, so the person can check it against the original.
import { useState } from 'react';
import type { Evidence } from '../../../../shared/contract/facts.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { PageView } from '../../ui/PageView.tsx';
import { Notice } from '../../ui/bits.tsx';
import { useRecords } from '../../store/records.ts';
import { useFactsState } from './FactsContext.tsx';
import { plainDate } from './model/labels.ts';

export function EvidenceDialog({ title, evidence, note, onClose }: { title: string; evidence: Evidence[]; note?: string; onClose: () => void }) {
  const [index, setIndex] = useState(0);
  const documents = useFactsState()?.documents ?? [];
  const records = useRecords() ?? [];
  const e = evidence[index];
  const stored = e && documents.find((d) => d.document.file === e.file);
  const record = stored && records.find((r) => r.id === stored.recordId);
  const page = stored?.document.pages.find((p) => p.page === e?.page);
  return (
    <Dialog title={`Where it says this: ${title}`} onClose={onClose} name="evidence">
      {note && <Notice tone="info"><p>{note}</p></Notice>}
      {evidence.length > 1 && (
        <div className="row" role="group" aria-label="Places in your records">
          {evidence.map((x, i) => (
            <button key={i} type="button" className="btn btn-small" aria-pressed={i === index} onClick={() => setIndex(i)}>
              {x.file}, page {x.page}
            </button>
          ))}
        </div>
      )}
      {!e ? <p>The app does not know where in your records this was written.</p> : (
        <div className="stack">
          <p><strong>{e.file}</strong>, page {e.page}{e.date ? ` · report dated ${plainDate(e.date)}` : ''}</p>
          {e.source === 'ocr' && (
            <Notice tone="check">
              <p>This page is a scan, read with text recognition (OCR){e.confidence !== undefined ? `, about ${Math.round(e.confidence)}% sure` : ''}. Please check that the words below match the page.</p>
            </Notice>
          )}
          <figure className="evidence-quote">
            <figcaption className="label">The words in the record</figcaption>
            <blockquote>{e.quote}</blockquote>
          </figure>
          {!e.box && <p className="muted">The exact place on the page is not known, so nothing is marked on it.</p>}
          {record && stored ? (
            <PageView recordId={record.id} name={record.meta.name} page={e.page} turned={page?.turned} boxes={e.box ? [e.box] : []}
              locked={record.meta.locked} textLines={stored.document.type === 'text' ? page?.lines ?? [] : undefined} />
          ) : <p>This record is no longer in your records, so its page cannot be shown.</p>}
        </div>
      )}
    </Dialog>
  );
}
