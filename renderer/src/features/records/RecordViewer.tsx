// The original record, page by page, as the reader sees it: the page picture and, beneath
// it, the text that was read from it and how (text layer, or OCR with its confidence).
import { useState } from 'react';
import type { DocumentText } from '../../../../shared/contract/document.ts';
import type { RecordView } from '../../store/records.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { PageView } from '../../ui/PageView.tsx';

export function howRead(p: DocumentText['pages'][number]): string {
  if (p.source === 'ocr') return `Read from a scan with text recognition (OCR)${p.confidence !== undefined ? `, about ${Math.round(p.confidence)}% sure` : ''}${p.turned ? `; the page was turned ${p.turned}° to read it` : ''}.`;
  if (p.source === 'text-layer') return 'Read from the text inside the PDF.';
  if (p.source === 'text') return 'A text file.';
  return 'No text on this page.';
}

export function RecordViewer({ record, document, onClose }: { record: RecordView; document?: DocumentText; onClose: () => void }) {
  const pages = Math.max(1, document?.pageCount ?? record.meta.pageCount);
  const [page, setPage] = useState(1);
  const text = document?.pages.find((p) => p.page === page);
  return (
    <Dialog title={record.meta.name} onClose={onClose} name="record-viewer">
      <div className="row">
        <button type="button" className="btn btn-small" onClick={() => setPage((p) => p - 1)} disabled={page <= 1}>Previous page</button>
        <p className="pager" aria-live="polite">Page {page} of {pages}</p>
        <button type="button" className="btn btn-small" onClick={() => setPage((p) => p + 1)} disabled={page >= pages}>Next page</button>
      </div>
      <PageView key={page} recordId={record.id} name={record.meta.name} page={page} turned={text?.turned} boxes={[]}
        locked={record.meta.locked} textLines={document?.type === 'text' ? text?.lines ?? [] : undefined} />
      {!document && <p>Nothing could be read from this file{record.meta.message ? `: ${record.meta.message}` : '.'}</p>}
      {text && document?.type !== 'text' && (
        <details className="disclosure">
          <summary>Text read from this page</summary>
          <div>
            <p className="muted small">{howRead(text)}</p>
            <div className="page-text">{text.text || 'No text was found on this page.'}</div>
          </div>
        </details>
      )}
    </Dialog>
  );
}
