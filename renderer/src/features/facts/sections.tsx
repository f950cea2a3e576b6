// The groups of facts on "My facts": diagnosis and stage, biomarkers (found, levels, not
// found), and treatments as a timeline.
import type { Biomarker, Diagnosis, Evidence, Stage, Treatment } from '../../../../shared/contract/facts.ts';
import type { FactItem, PersonFacts } from './model/apply.ts';
import { FactCard } from './FactCard.tsx';
import {
  biomarkerLabel, cancerTypeLabel, capitalise, diagnosisLabel, END_REASON_WORDS, plainDate, resultWords, stageBasis, stageLabel, treatmentDates, treatmentLabel,
} from './model/labels.ts';
import type { FactKind } from './model/apply.ts';

export interface SectionProps {
  person: PersonFacts;
  onEvidence: (title: string, evidence: Evidence[], note?: string) => void;
  onCorrect: (item: FactItem<any>) => void;
  onAdd: (kind: FactKind) => void;
}

/**
 * After a correction the evidence still shows what the record says, so the dialog is titled
 * with that, and says what the person changed it to (unless they pointed at new words).
 */
function evidenceOf(props: SectionProps, item: FactItem<any>, label: string, wasLabel?: string): () => void {
  const corrected = item.review?.status === 'corrected' && !!wasLabel && !item.review.evidence?.length;
  return corrected
    ? () => props.onEvidence(wasLabel!, item.evidence, `You corrected this to “${label}”. The page shows what the record says.`)
    : () => props.onEvidence(label, item.evidence);
}

export function DiagnosisSection(props: SectionProps) {
  const { person, onCorrect, onAdd } = props;
  const d = person.diagnosis as FactItem<Diagnosis> | null;
  const s = person.stage as FactItem<Stage> | null;
  return (
    <section aria-labelledby="dx-heading">
      <h2 id="dx-heading">Diagnosis and stage</h2>
      <ul className="card-list">
        {d ? (
          <FactCard item={d} label={diagnosisLabel(d.fact)} wasLabel={d.extracted ? diagnosisLabel(d.extracted) : undefined}
            onEvidence={evidenceOf(props, d, diagnosisLabel(d.fact), d.extracted ? diagnosisLabel(d.extracted) : undefined)} onCorrect={() => onCorrect(d)}>
            {d.fact.histology && <p>{cancerTypeLabel(d.fact.cancerType)}{d.fact.diagnosisDate ? ` · diagnosed ${plainDate(d.fact.diagnosisDate)}` : ''}</p>}
          </FactCard>
        ) : <Missing what="The type of lung cancer" action="Add the type of cancer" onAdd={() => onAdd('diagnosis')} />}
        {s ? (
          <FactCard item={s} label={stageLabel(s.fact)} wasLabel={s.extracted ? stageLabel(s.extracted) : undefined}
            onEvidence={evidenceOf(props, s, stageLabel(s.fact), s.extracted ? stageLabel(s.extracted) : undefined)} onCorrect={() => onCorrect(s)}>
            {stageBasis(s.fact) && <p>{stageBasis(s.fact)}</p>}
          </FactCard>
        ) : <Missing what="The stage" action="Add the stage" onAdd={() => onAdd('stage')} />}
      </ul>
    </section>
  );
}

function Missing({ what, action, onAdd }: { what: string; action: string; onAdd: () => void }) {
  return (
    <li className="card fact-missing">
      <p><strong>{what}</strong> was not found in your records.</p>
      <button type="button" className="btn btn-small" onClick={onAdd}>{action}</button>
    </li>
  );
}

const LEVELS = new Set(['PD-L1', 'TMB', 'MSI']);

function BiomarkerCards({ items, props }: { items: FactItem<Biomarker>[]; props: SectionProps }) {
  return (
    <ul className="card-list">
      {items.map((b) => (
        <FactCard key={b.key} item={b} label={biomarkerLabel(b.fact)} wasLabel={b.extracted ? `${biomarkerLabel(b.extracted)} (${resultWords(b.extracted).toLowerCase()})` : undefined}
          onEvidence={evidenceOf(props, b, biomarkerLabel(b.fact), b.extracted ? biomarkerLabel(b.extracted) : undefined)} onCorrect={() => props.onCorrect(b)}>
          <p><strong>{resultWords(b.fact)}</strong>{[b.fact.method, b.fact.specimen === 'plasma' ? 'blood test (liquid biopsy)' : b.fact.specimen === 'tissue' ? 'tissue' : null, b.fact.date ? plainDate(b.fact.date) : null].filter(Boolean).map((x) => ` · ${x}`).join('')}</p>
        </FactCard>
      ))}
    </ul>
  );
}

export function BiomarkerSection(props: SectionProps) {
  const all = props.person.biomarkers as FactItem<Biomarker>[];
  const levels = all.filter((b) => LEVELS.has(b.fact.gene.toUpperCase()));
  const rest = all.filter((b) => !LEVELS.has(b.fact.gene.toUpperCase()));
  const found = rest.filter((b) => b.fact.result === 'detected');
  const unclear = rest.filter((b) => b.fact.result === 'equivocal');
  const negative = rest.filter((b) => b.fact.result === 'not detected');
  return (
    <section aria-labelledby="bm-heading">
      <h2 id="bm-heading">Biomarkers</h2>
      <p className="muted">“Not found” means a test looked for it and did not find it. A biomarker that is not listed was not mentioned in your records, which is not the same as negative.</p>
      {all.length === 0 && <p>No biomarker results were found in your records.</p>}
      {found.length > 0 && <><h3>Changes found (positive)</h3><BiomarkerCards items={found} props={props} /></>}
      {levels.length > 0 && <><h3>Levels measured (PD-L1, TMB, MSI)</h3><BiomarkerCards items={levels} props={props} /></>}
      {unclear.length > 0 && <><h3>Unclear results</h3><BiomarkerCards items={unclear} props={props} /></>}
      {negative.length > 0 && <><h3>Not found (negative)</h3><BiomarkerCards items={negative} props={props} /></>}
      <p><button type="button" className="btn btn-small" onClick={() => props.onAdd('biomarker')}>Add a biomarker result</button></p>
    </section>
  );
}

const byStart = (a: FactItem<Treatment>, b: FactItem<Treatment>) => (a.fact.start ?? '9999').localeCompare(b.fact.start ?? '9999');

export function TreatmentSection(props: SectionProps) {
  const items = [...(props.person.treatments as FactItem<Treatment>[])].sort(byStart);
  return (
    <section aria-labelledby="tx-heading">
      <h2 id="tx-heading">Treatments</h2>
      {items.length === 0 ? <p>No treatments were found in your records.</p> : (
        <>
          <p className="muted">In the order they started; treatments without a date come last.</p>
          <ol className="card-list timeline">
            {items.map((t) => (
              <FactCard key={t.key} item={t} label={treatmentLabel(t.fact)} wasLabel={t.extracted ? treatmentLabel(t.extracted) : undefined}
                onEvidence={evidenceOf(props, t, treatmentLabel(t.fact), t.extracted ? treatmentLabel(t.extracted) : undefined)} onCorrect={() => props.onCorrect(t)}>
                <p>{capitalise(t.fact.category)} · {treatmentDates(t.fact)}{t.fact.endReason ? ` · ${END_REASON_WORDS[t.fact.endReason] ?? ''}` : ''}</p>
              </FactCard>
            ))}
          </ol>
        </>
      )}
      <p><button type="button" className="btn btn-small" onClick={() => props.onAdd('treatment')}>Add a treatment</button></p>
    </section>
  );
}
