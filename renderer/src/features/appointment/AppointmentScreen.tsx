// For my appointment: questions that fit the person's facts (with why), their own questions,
// reorder with buttons, tick off, print or save as PDF.
import { useEffect, useState, useRef } from 'react';
import type { ScreenId } from '../../app/screens.ts';
import { newId } from '../../store/db.ts';
import { saveQuestionStates } from '../../store/questions.ts';
import { setPersonalSetting, usePersonalSetting, usePlainSetting } from '../../store/settings.ts';
import { Loading, Notice, ScreenHeading } from '../../ui/bits.tsx';
import { TextField } from '../../ui/fields.tsx';
import { announce } from '../../ui/announce.ts';
import { useFactsState } from '../facts/FactsContext.tsx';
import { move, ownQuestion, removeItem, restoreItem, toggleDone } from './list-ops.ts';
import { useAppointment } from './use-appointment.ts';
import { QuestionItem } from './QuestionItem.tsx';
import { OwnQuestionForm } from './OwnQuestionForm.tsx';
import { PrintControls } from './PrintControls.tsx';
import { PrintSheet } from './PrintSheet.tsx';

export function AppointmentScreen({ onGo }: { onGo: (id: ScreenId) => void }) {
  const list = useAppointment();
  const missing = useFactsState()?.guidance.missing ?? [];
  const large = usePlainSetting('largePrint');
  const saved = { careTeam: usePersonalSetting('careTeam'), appointmentDate: usePersonalSetting('appointmentDate'), notes: usePersonalSetting('notes') };
  const [details, setDetails] = useState({ careTeam: '', appointmentDate: '', notes: '' });
  const loaded = saved.careTeam !== undefined && saved.appointmentDate !== undefined && saved.notes !== undefined;
  // fill the form once from what was saved; later saves must not overwrite what the person is typing
  const filled = useRef(false);
  useEffect(() => {
    if (!loaded || filled.current) return;
    filled.current = true;
    setDetails({ careTeam: saved.careTeam!, appointmentDate: saved.appointmentDate!, notes: saved.notes! });
  }, [loaded, saved.careTeam, saved.appointmentDate, saved.notes]);
  const saveDetails = async () => {
    await setPersonalSetting('careTeam', details.careTeam);
    await setPersonalSetting('appointmentDate', details.appointmentDate);
    await setPersonalSetting('notes', details.notes);
  };

  const heading = <ScreenHeading intro="Questions to take to your next appointment, chosen from your facts. Add your own, put them in your order, and tick them off as you ask them.">For my appointment</ScreenHeading>;
  if (!list || !loaded) return <>{heading}<Loading what="your questions" /></>;
  const { items, removed } = list;
  return (
    <div className="stack">
      <div className="screen-only stack">
        {heading}
        <section aria-labelledby="details-heading" className="card">
          <h2 id="details-heading">Appointment details</h2>
          <p className="hint">Printed at the top of the list. Optional.</p>
          <div className="split" onBlur={() => void saveDetails()}>
            <TextField label="Care team or doctor" value={details.careTeam} onChange={(v) => setDetails((d) => ({ ...d, careTeam: v }))} />
            <TextField label="Date of the appointment" type="date" value={details.appointmentDate} onChange={(v) => setDetails((d) => ({ ...d, appointmentDate: v }))} />
          </div>
        </section>
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">My questions ({items.length})</h2>
          {items.length === 0 ? (
            <Notice>
              <p>No questions yet. When the app finds facts in your records, questions that fit them appear here. You can also add your own below.</p>
              <button type="button" className="btn" onClick={() => onGo('facts')}>See my facts</button>
            </Notice>
          ) : (
            <ol className="card-list question-list" aria-label="My questions">
              {items.map((q, i) => (
                <QuestionItem key={q.id} item={q} index={i} count={items.length}
                  onToggle={() => void saveQuestionStates([toggleDone(q)])}
                  onMove={(d) => { void saveQuestionStates(move(items, i, d)); announce(`Moved to number ${i + d + 1}.`); }}
                  onRemove={() => { void saveQuestionStates([removeItem(q)]); announce('Question removed. You can put it back from “Removed questions”.'); }} />
              ))}
            </ol>
          )}
        </section>
        <OwnQuestionForm onAdd={async (text) => { await saveQuestionStates([ownQuestion(text, newId())]); announce('Your question was added at the end of the list.'); }} />
        {removed.length > 0 && (
          <details className="disclosure">
            <summary>Removed questions ({removed.length})</summary>
            <div>
              <ul className="card-list">
                {removed.map((q) => (
                  <li key={q.id} className="card"><p>{q.text}</p>
                    <button type="button" className="btn btn-small" onClick={() => void saveQuestionStates([restoreItem(q)])}>Put back on my list</button>
                  </li>
                ))}
              </ul>
            </div>
          </details>
        )}
        {missing.length > 0 && (
          <section aria-labelledby="missing-heading">
            <h2 id="missing-heading">Not found in your records</h2>
            <p className="muted">Worth asking about, or adding if you have the record.</p>
            <ul>{missing.map((m) => <li key={m.id}>{m.text}</li>)}</ul>
          </section>
        )}
        <div className="field">
          <label htmlFor="notes">Things I want to mention (printed at the end)</label>
          <textarea id="notes" value={details.notes} onChange={(e) => setDetails((d) => ({ ...d, notes: e.target.value }))} onBlur={() => void saveDetails()} rows={3} />
        </div>
        <PrintControls disabled={items.length === 0} beforePrint={saveDetails} />
      </div>
      <PrintSheet items={items} careTeam={details.careTeam} appointmentDate={details.appointmentDate} notes={details.notes} large={large} printedOn={new Date()} />
    </div>
  );
}
