// One page of a record as a picture (rendered by the reader through window.api.renderPage,
// for PDFs, scans and photos alike), with the evidence boxes drawn over it. The overlay is
// an SVG in page-relative units, so no inline style is needed (CSP: style-src 'self').
import { useEffect, useState } from 'react';
import type { Box, Line } from '../../../shared/contract/document.ts';
import { api } from '../api.ts';
import { readOriginal } from '../store/records.ts';
import { sessionPasswords } from '../store/session.ts';
import { PasswordForm } from './PasswordForm.tsx';

interface Props {
  recordId: string;
  name: string;
  page: number;
  turned?: number;
  boxes: Box[];
  locked: boolean;
  /** plain-text records have no picture: their lines are shown instead */
  textLines?: Line[];
}

type State = { kind: 'loading' } | { kind: 'shown'; url: string } | { kind: 'failed' } | { kind: 'locked'; wrong: boolean };

const overlaps = (a: Box, b: Box) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];

export function PageView({ recordId, name, page, turned, boxes, locked, textLines }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [zoom, setZoom] = useState(1);

  useEffect(() => {
    if (textLines) return;
    let live = true;
    let url: string | null = null;
    setState({ kind: 'loading' });
    const password = sessionPasswords.get(recordId);
    if (locked && !password) { setState({ kind: 'locked', wrong: false }); return; }
    (async () => {
      const bytes = await readOriginal(recordId);
      if (!bytes) throw new Error('missing');
      const r = await api().renderPage({ bytes, page, scale: 2, ...(turned ? { turn: turned } : {}), ...(password ? { password } : {}) });
      url = URL.createObjectURL(new Blob([r.png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
      if (live) setState({ kind: 'shown', url }); else URL.revokeObjectURL(url);
    })().catch(() => {
      if (!live) return;
      if (locked) { sessionPasswords.delete(recordId); setState({ kind: 'locked', wrong: true }); } else setState({ kind: 'failed' });
    });
    return () => { live = false; if (url) URL.revokeObjectURL(url); };
  }, [recordId, page, turned, locked, attempt, textLines]);

  if (textLines) {
    return (
      <div className="page-text" data-state="shown" data-page-view="text">
        {textLines.map((l, i) => <div key={i}>{boxes.some((b) => overlaps(b, l.box)) ? <mark className="evidence-mark">{l.text}</mark> : l.text}</div>)}
      </div>
    );
  }

  return (
    <div className="page-view" data-state={state.kind}>
      {state.kind === 'loading' && <p role="status" className="muted">Showing page {page}…</p>}
      {state.kind === 'failed' && <p role="alert">This page could not be shown as a picture.</p>}
      {state.kind === 'locked' && (
        <PasswordForm wrong={state.wrong} submitLabel="Show the page" onSubmit={(pw) => { sessionPasswords.set(recordId, pw); setAttempt((n) => n + 1); }} />
      )}
      {state.kind === 'shown' && (
        <>
          <div className="row screen-only">
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setZoom((z) => Math.max(1, z - 1))} disabled={zoom === 1}>Smaller</button>
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setZoom((z) => Math.min(4, z + 1))} disabled={zoom === 4}>Larger</button>
            {boxes.length > 0 && <span className="muted small">The words are marked with a yellow box with an orange edge.</span>}
          </div>
          <div className="page-scroll" role="region" tabIndex={0} aria-label={`Page ${page} of ${name}. Scroll to see all of it.`}>
            <div className={`page-figure zoom-${zoom}`}>
              <img src={state.url} alt={`Page ${page} of ${name}${boxes.length ? ', with the words marked' : ''}`} />
              {boxes.length > 0 && (
                <svg className="page-highlight" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true" data-highlight="true">
                  {boxes.map((b, i) => <rect key={i} x={b[0] - 0.004} y={b[1] - 0.004} width={b[2] + 0.008} height={b[3] + 0.008} rx="0.004" />)}
                </svg>
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}
