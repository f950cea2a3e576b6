// One guideline-topic section: its summary, why it matches (when it does), the full text on
// request, its sources and when it was last checked.
import type { SectionDoc } from '../../../../shared/guidance/types.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { plainDate } from '../facts/model/labels.ts';

export function SectionCard({ doc, because, headingLevel = 3 }: { doc: SectionDoc; because?: string[]; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className="card section" data-section={doc.id} aria-labelledby={`sec-${doc.id}-${headingLevel}`}>
      <H id={`sec-${doc.id}-${headingLevel}`}>{doc.title}</H>
      <p>{doc.summary}</p>
      {because && because.length > 0 && (
        <div className="notice">
          <p className="label">Why this matches your facts</p>
          <ul>{because.map((b, i) => <li key={i}>{b}</li>)}</ul>
        </div>
      )}
      <details className="disclosure">
        <summary>Read the section</summary>
        <div><Markdown source={doc.body} headingBase={headingLevel + 1} /></div>
      </details>
      <div className="muted small section-sources">
        <p className="label">Sources</p>
        <ul>{doc.sources.map((s) => <li key={s}>{s}</li>)}</ul>
        <p>Last checked against its sources: {plainDate(doc.reviewed) || doc.reviewed}.</p>
      </div>
    </article>
  );
}
