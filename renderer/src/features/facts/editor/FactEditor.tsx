// Correct a fact, or add one the records state but the app missed (optionally pointing at
// the words in a record, from Search). Corrections are reviews keyed by the fact's identity;
// added biomarkers and treatments are the person's own additions.
import { useState, type FormEvent } from 'react';
import type { Evidence } from '../../../../../shared/contract/facts.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { RadioField } from '../../../ui/fields.tsx';
import type { FactItem, FactKind } from '../model/apply.ts';
import { DIAGNOSIS_KEY, STAGE_KEY } from '../model/identity.ts';
import { correctFact, saveAddition } from '../actions.ts';
import { biomarkerDraft, biomarkerValue, diagnosisDraft, diagnosisValue, stageDraft, stageValue, treatmentDraft, treatmentValue, type Draft } from './drafts.ts';
import { BiomarkerFields, DiagnosisFields, StageFields, TreatmentFields } from './Fields.tsx';

export type EditTarget =
  | { mode: 'correct'; item: FactItem<any> }
  | { mode: 'add'; kind?: FactKind; evidence?: Evidence };

const KIND_WORDS: Record<FactKind, string> = { diagnosis: 'Type of cancer', stage: 'Stage', biomarker: 'Biomarker', treatment: 'Treatment' };

function draftFor(kind: FactKind, item?: FactItem<any>): Draft {
  const fact = item?.fact;
  if (kind === 'diagnosis') return diagnosisDraft(fact);
  if (kind === 'stage') return stageDraft(fact);
  if (kind === 'biomarker') return biomarkerDraft(fact);
  return treatmentDraft(fact);
}

export function FactEditor({ target, onClose }: { target: EditTarget; onClose: () => void }) {
  const item = target.mode === 'correct' ? target.item : undefined;
  const evidence = target.mode === 'add' ? target.evidence : undefined;
  const [kind, setKind] = useState<FactKind>(item?.kind ?? (target.mode === 'add' ? target.kind : undefined) ?? 'biomarker');
  const [draft, setDraft] = useState<Draft>(() => draftFor(kind, item));
  const [error, setError] = useState('');
  const set = (patch: Draft) => setDraft((d) => ({ ...d, ...patch }));
  const chooseKind = (k: string) => { setKind(k as FactKind); setDraft(draftFor(k as FactKind)); setError(''); };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    // a correction drops words the person pointed at before: they said something else
    const pointed = evidence ? [evidence] : undefined;
    if (kind === 'diagnosis') await correctFact(DIAGNOSIS_KEY, diagnosisValue(draft), pointed);
    else if (kind === 'stage') await correctFact(STAGE_KEY, stageValue(draft), pointed);
    else {
      const value = kind === 'biomarker' ? biomarkerValue(draft) : treatmentValue(draft);
      if (!value) { setError(kind === 'biomarker' ? 'Please type the biomarker or gene, for example EGFR.' : 'Please type the treatment’s name.'); return; }
      if (item && !item.addedId) await correctFact(item.key, value as Record<string, unknown>);
      else {
        const withEvidence = { ...value, evidence: item?.evidence.length ? item.evidence : pointed ?? [] };
        await saveAddition(kind === 'biomarker' ? { kind, fact: withEvidence as any } : { kind: 'treatment', fact: withEvidence as any }, item?.addedId);
      }
    }
    onClose();
  };

  const title = item ? `Correct: ${KIND_WORDS[kind].toLowerCase()}` : 'Add a fact from your records';
  return (
    <Dialog title={title} onClose={onClose} name="fact-editor" closeLabel="Cancel">
      <form onSubmit={(e) => void save(e)}>
        {evidence && (
          <div className="notice">
            <p><strong>Where it says this:</strong> {evidence.file}, page {evidence.page}</p>
            <blockquote>{evidence.quote}</blockquote>
          </div>
        )}
        {!item && (
          <RadioField label="What kind of fact is it?" value={kind} onChange={chooseKind}
            options={(Object.keys(KIND_WORDS) as FactKind[]).map((k) => [k, KIND_WORDS[k]])} />
        )}
        {item?.extracted && <p className="muted">Your correction is used instead of what the app read. The record itself is not changed, and you can undo this later.</p>}
        {kind === 'diagnosis' && <DiagnosisFields draft={draft} set={set} />}
        {kind === 'stage' && <StageFields draft={draft} set={set} />}
        {kind === 'biomarker' && <BiomarkerFields draft={draft} set={set} />}
        {kind === 'treatment' && <TreatmentFields draft={draft} set={set} />}
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="card-actions">
          <button type="submit" className="btn btn-primary">Save</button>
          <button type="button" className="btn btn-quiet" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
