// My facts: what the records say about the diagnosis, stage, biomarkers and treatments,
// each with its evidence and the person's review. Every change is saved at once and flows
// into the questions and answers.
import { useState } from 'react';
import type { Evidence } from '../../../../shared/contract/facts.ts';
import type { ScreenId } from '../../app/screens.ts';
import { Loading, Notice, ScreenHeading } from '../../ui/bits.tsx';
import { useFactsState } from './FactsContext.tsx';
import { ConflictCard } from './ConflictCard.tsx';
import { EvidenceDialog } from './EvidenceDialog.tsx';
import { FactEditor, type EditTarget } from './editor/FactEditor.tsx';
import { BiomarkerSection, DiagnosisSection, TreatmentSection, type SectionProps } from './sections.tsx';

export function FactsScreen({ onGo }: { onGo: (id: ScreenId) => void }) {
  const state = useFactsState();
  const [evidence, setEvidence] = useState<{ title: string; evidence: Evidence[]; note?: string } | null>(null);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const heading = <ScreenHeading intro="Read from your records. Check each one against the page it came from. Your checks and corrections are saved at once and used in your questions and answers.">My facts</ScreenHeading>;
  if (!state) return <>{heading}<Loading what="your facts" /></>;
  const { person, documents } = state;
  const facts = [person.diagnosis, person.stage, ...person.biomarkers, ...person.treatments].filter((f) => !!f);
  const toCheck = facts.filter((f) => f.needsCheck).length;
  const open = person.conflicts.filter((c) => !c.conflict.resolved);
  const props: SectionProps = {
    person,
    onEvidence: (title, ev, note) => setEvidence({ title, evidence: ev, note }),
    onCorrect: (item) => setEditing({ mode: 'correct', item }),
    onAdd: (kind) => setEditing({ mode: 'add', kind }),
  };
  return (
    <div className="stack">
      {heading}
      {documents.length === 0 && facts.length === 0 ? (
        <Notice>
          <p>There are no facts yet, because no records have been read. Add your records first, or try the sample records.</p>
          <button type="button" className="btn" onClick={() => onGo('records')}>Go to my records</button>
        </Notice>
      ) : (
        <>
          {toCheck + open.length > 0 && (
            <Notice tone="check">
              <p>
                {toCheck > 0 && <>{toCheck} {toCheck === 1 ? 'fact was' : 'facts were'} read from scanned pages. Please check {toCheck === 1 ? 'it' : 'them'} against the page. </>}
                {open.length > 0 && <>Your records disagree about {open.length} {open.length === 1 ? 'thing' : 'things'}; see below.</>}
              </p>
            </Notice>
          )}
          {facts.length === 0 && (
            <Notice>
              <p>The app did not find facts in your records yet. You can add them yourself, or search your records for a word and add a fact from there.</p>
              <button type="button" className="btn" onClick={() => onGo('search')}>Search my records</button>
            </Notice>
          )}
          <p><button type="button" className="btn" onClick={() => setEditing({ mode: 'add' })}>Add a fact your records state</button></p>
          {person.conflicts.length > 0 && (
            <section aria-labelledby="conflicts-heading">
              <h2 id="conflicts-heading">Where your records disagree</h2>
              <ul className="card-list">{person.conflicts.map((c) => <ConflictCard key={c.key} item={c} onEvidence={props.onEvidence} />)}</ul>
            </section>
          )}
          <DiagnosisSection {...props} />
          <BiomarkerSection {...props} />
          <TreatmentSection {...props} />
        </>
      )}
      {evidence && <EvidenceDialog title={evidence.title} evidence={evidence.evidence} note={evidence.note} onClose={() => setEvidence(null)} />}
      {editing && <FactEditor target={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
