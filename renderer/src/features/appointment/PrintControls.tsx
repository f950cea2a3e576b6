// Print the list or save it as a PDF, optionally in large print. Both go through main
// (window.api.print / savePdf), which uses the system's print dialog or a save dialog.
import { useState } from 'react';
import { api, plainError } from '../../api.ts';
import { usePlainSettingState } from '../../store/settings.ts';

export function PrintControls({ disabled, beforePrint }: { disabled: boolean; beforePrint: () => Promise<void> }) {
  const [large, setLarge] = usePlainSettingState('largePrint');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (what: 'print' | 'pdf') => {
    setBusy(true);
    setMessage('');
    try {
      await beforePrint();
      if (what === 'print') {
        const { printed } = await api().print();
        setMessage(printed ? 'Sent to the printer.' : 'Printing was cancelled.');
      } else {
        const day = new Date().toISOString().slice(0, 10);
        const { saved } = await api().savePdf({ suggestedName: `Questions for my appointment ${day}.pdf` });
        setMessage(saved ? 'Saved as a PDF.' : 'Not saved: the save was cancelled.');
      }
    } catch (e) {
      setMessage(plainError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="print-heading" className="card">
      <h2 id="print-heading">Print or save</h2>
      <label className="choice">
        <input type="checkbox" checked={large} onChange={(e) => setLarge(e.target.checked)} /> Large print
      </label>
      <div className="card-actions">
        <button type="button" className="btn btn-primary" onClick={() => void run('print')} disabled={disabled || busy}>Print…</button>
        <button type="button" className="btn" onClick={() => void run('pdf')} disabled={disabled || busy}>Save as PDF…</button>
      </div>
      <p role="status" className="print-status">{message}</p>
    </section>
  );
}
