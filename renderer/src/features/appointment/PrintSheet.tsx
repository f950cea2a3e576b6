// What is printed (or saved as PDF): only this sheet, black on white, with the date, the
// care team, tick boxes and room to write the answers, and a "not medical advice" line.
import type { ListItem } from './list-ops.ts';
import { plainDate } from '../facts/model/labels.ts';

interface Props { items: ListItem[]; careTeam: string; appointmentDate: string; notes: string; large: boolean; printedOn: Date }

export function printedDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function PrintSheet({ items, careTeam, appointmentDate, notes, large, printedOn }: Props) {
  return (
    <section className={`print-only print-sheet${large ? ' large' : ''}`}>
      <h1>Questions for my appointment</h1>
      <p className="print-meta">
        {careTeam ? <>For: {careTeam}<br /></> : null}
        {appointmentDate ? <>Appointment: {plainDate(appointmentDate)}<br /></> : null}
        Printed on {printedDate(printedOn)}
      </p>
      <ol>
        {items.map((q) => (
          <li key={q.id}>
            <div className="print-q"><span className="print-box">{q.done ? '☑' : '☐'}</span><span>{q.text}</span></div>
            {q.because.length > 0 && <p className="print-why">Why I am asking: {q.because.join('; ')}</p>}
          </li>
        ))}
      </ol>
      {notes.trim() && (
        <div className="print-notes">
          <h2>Things I want to mention</h2>
          <p>{notes}</p>
        </div>
      )}
      <p className="print-footer">
        Made with Records Companion from my own records, on {printedDate(printedOn)}. This list is to help the conversation; it is not medical advice.
      </p>
    </section>
  );
}
