// Guidelines: the sections that match the person's facts, with why, then every section to
// browse. Sources and review dates are always visible.
import { useMemo } from 'react';
import { Loading, Notice, ScreenHeading } from '../../ui/bits.tsx';
import { knowledge } from '../../knowledge/knowledge.ts';
import { useFactsState } from '../facts/FactsContext.tsx';
import { SectionCard } from './SectionCard.tsx';

export function GuidelinesScreen() {
  const state = useFactsState();
  const all = useMemo(() => [...knowledge().sections].sort((a, b) => a.title.localeCompare(b.title)), []);
  const heading = <ScreenHeading intro="Plain summaries of what treatment guidelines say, for situations like yours. They help you talk with your care team; they do not replace it.">Guidelines</ScreenHeading>;
  if (!state) return <>{heading}<Loading what="guideline sections" /></>;
  const matched = state.guidance.sections.flatMap((s) => {
    const doc = all.find((d) => d.id === s.id);
    return doc ? [{ doc, because: s.because }] : [];
  });
  return (
    <div className="stack">
      {heading}
      <section aria-labelledby="matched-heading">
        <h2 id="matched-heading">Sections that match your facts ({matched.length})</h2>
        {matched.length === 0
          ? <Notice><p>None yet: sections are matched to your type of cancer, stage and biomarkers once these are known. You can browse all of them below.</p></Notice>
          : <ul className="card-list">{matched.map((m) => <li key={m.doc.id}><SectionCard doc={m.doc} because={m.because} /></li>)}</ul>}
      </section>
      <section aria-labelledby="all-heading">
        <h2 id="all-heading">All sections ({all.length})</h2>
        <ul className="card-list">
          {all.map((doc) => (
            <li key={doc.id}>
              <details className="disclosure">
                <summary><h3 className="summary-heading">{doc.title}</h3></summary>
                <div><SectionCard doc={doc} titled={false} /></div>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
