// The first screen: what the app does, the privacy promise, and the next step. With records
// in, it becomes a short "where you are" summary.
import { useState } from 'react';
import type { ScreenId } from '../../app/screens.ts';
import { ScreenHeading, Notice } from '../../ui/bits.tsx';
import { useRecords } from '../../store/records.ts';
import { useFactsState } from '../facts/FactsContext.tsx';
import { useAppointmentList } from '../appointment/use-appointment.ts';
import { addSamples } from '../records/samples.ts';
import { announce } from '../../ui/announce.ts';

export function HomeScreen({ onGo }: { onGo: (id: ScreenId) => void }) {
  const records = useRecords();
  const state = useFactsState();
  const list = useAppointmentList();
  const [busy, setBusy] = useState(false);
  const trySamples = async () => {
    setBusy(true);
    await addSamples();
    announce('The sample records were added. They are being read now.');
    onGo('records');
  };
  if (!records) return <ScreenHeading>Welcome</ScreenHeading>;
  const p = state?.person;
  const facts = p ? [p.diagnosis, p.stage, ...p.biomarkers, ...p.treatments].filter((f) => !!f) : [];
  const toCheck = facts.filter((f) => f.needsCheck).length;
  return (
    <div className="stack">
      <ScreenHeading intro="A private place for your lung cancer records, and a calm way to prepare for appointments.">Welcome</ScreenHeading>
      <Notice tone="ok"><p><strong>Your records stay on this computer.</strong> This app works without the internet and never sends anything anywhere.</p></Notice>
      {records.length === 0 ? (
        <section aria-labelledby="how" className="card">
          <h2 id="how">How it works</h2>
          <ol>
            <li><strong>Add your records</strong>: PDFs, scans or photos of reports and clinic letters.</li>
            <li><strong>Check the facts</strong> the app finds, such as the type of cancer, the stage, biomarkers and treatments. Each one shows the page it came from.</li>
            <li><strong>Get ready for your appointment</strong> with questions that fit your situation, and answers to common questions.</li>
          </ol>
          <div className="card-actions">
            <button type="button" className="btn btn-primary" onClick={() => onGo('records')}>Add my records</button>
            <button type="button" className="btn" onClick={trySamples} disabled={busy}>Try with sample records first</button>
          </div>
          <p className="muted small">The sample records are made up. You can remove them again at any time.</p>
        </section>
      ) : (
        <section aria-labelledby="where" className="stack">
          <h2 id="where">Where you are</h2>
          <ul className="card-list split">
            <li className="card">
              <h3>My records</h3>
              <p>{records.length} {records.length === 1 ? 'record' : 'records'}{records.some((r) => r.sample) ? ' (including samples)' : ''}.</p>
              <button type="button" className="btn" onClick={() => onGo('records')}>Open my records</button>
            </li>
            <li className="card">
              <h3>My facts</h3>
              <p>{facts.length} {facts.length === 1 ? 'fact' : 'facts'} found{toCheck ? `, ${toCheck} to check` : ''}.</p>
              <button type="button" className="btn" onClick={() => onGo('facts')}>Check my facts</button>
            </li>
            <li className="card">
              <h3>For my appointment</h3>
              <p>{list?.length ?? 0} {list?.length === 1 ? 'question' : 'questions'} ready.</p>
              <button type="button" className="btn" onClick={() => onGo('appointment')}>See my questions</button>
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}
