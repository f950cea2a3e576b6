// One guideline-topic section: its summary, why it matches (when it does), the full text on
// request, its sources and when it was last checked.
import type { SectionDoc } from '../../../../shared/guidance/types.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { plainDate } from '../facts/model/labels.ts';

/** `titled: false` when the title is already shown around it (the disclosure in "All sections"). */
export function SectionCard({ doc, because, titled = true }: { doc: SectionDoc; because?: string[]; titled?: boolean }) {
  return (
    <article className="card section" data-section={doc.id} aria-labelledby={titled ? `sec-${doc.id}` : undefined} aria-label={titled ? undefined : doc.title}>
      {titled && <h3 id={`sec-${doc.id}`}>{doc.title}</h3>}
      <p>{doc.summary}</p>
      {because && because.length > 0 && (
        <div className="notice">
          <p className="label">Why this matches your facts</p>
          <ul>{because.map((b, i) => <li key={i}>{b}</li>)}</ul>
        </div>
      )}
      <details className="disclosure">
        <summary>Read the section</summary>
        <div><Markdown source={doc.body} headingBase={4} /></div>
      </details>
      <div className="muted small section-sources">
        <p className="label">Sources</p>
        <ul>{doc.sources.map((s) => <li key={s}>{s}</li>)}</ul>
        <p>Last checked against its sources: {plainDate(doc.reviewed) || doc.reviewed}.</p>
      </div>
    </article>
  );
}
