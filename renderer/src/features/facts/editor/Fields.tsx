// The fields for each kind of fact, in plain words. Options show the words people meet in
// their records; codes stay next to them.
import { HISTOLOGIES, STAGE_GROUPS, TREATMENT_CATEGORIES } from '../../../../../shared/contract/facts.ts';
import { RadioField, SelectField, TextField } from '../../../ui/fields.tsx';
import { capitalise } from '../model/labels.ts';
import { cancerTypeFor, type Draft } from './drafts.ts';

export type FieldsProps = { draft: Draft; set: (patch: Draft) => void };

const GENES = ['EGFR', 'ALK', 'ROS1', 'KRAS', 'BRAF', 'MET', 'RET', 'ERBB2', 'NTRK1', 'NRG1', 'PD-L1', 'TMB', 'MSI', 'TP53', 'STK11', 'KEAP1'];
const DRUGS = ['osimertinib', 'alectinib', 'lorlatinib', 'pembrolizumab', 'nivolumab', 'durvalumab', 'atezolizumab', 'carboplatin', 'cisplatin', 'pemetrexed', 'paclitaxel', 'docetaxel', 'etoposide', 'sotorasib', 'amivantamab', 'lobectomy', 'radiation therapy', 'stereotactic body radiation therapy', 'chemoradiation'];

export function DiagnosisFields({ draft, set }: FieldsProps) {
  return (
    <>
      <SelectField label="Type of lung cancer (histology)" hint="As written in the pathology report, for example “adenocarcinoma”."
        value={draft.histology} onChange={(v) => set({ histology: v, cancerType: cancerTypeFor(v) ?? '' })}
        options={[['', 'Not stated'], ...HISTOLOGIES.map((h): [string, string] => [h, capitalise(h)])]} />
      <RadioField label="Small cell or non-small cell?" value={draft.cancerType} onChange={(v) => set({ cancerType: v })}
        options={[['NSCLC', 'Non-small cell lung cancer (NSCLC)'], ['SCLC', 'Small cell lung cancer (SCLC)'], ['', 'Not stated']]} />
      <TextField label="Date of diagnosis (optional)" type="date" value={draft.diagnosisDate} onChange={(v) => set({ diagnosisDate: v })} />
    </>
  );
}

export function StageFields({ draft, set }: FieldsProps) {
  return (
    <>
      <SelectField label="Stage" hint="For example “IVA”. Small cell lung cancer may be “limited” or “extensive”."
        value={draft.group} onChange={(v) => set({ group: v })}
        options={[['', 'Not stated'], ...STAGE_GROUPS.map((g): [string, string] => [g, g === 'limited' || g === 'extensive' ? `${capitalise(g)} stage` : `Stage ${g}`])]} />
      <div className="split">
        <TextField label="T (tumour), optional" hint="For example T2a" value={draft.t} onChange={(v) => set({ t: v })} />
        <TextField label="N (lymph nodes), optional" hint="For example N2" value={draft.n} onChange={(v) => set({ n: v })} />
        <TextField label="M (spread), optional" hint="For example M1b" value={draft.m} onChange={(v) => set({ m: v })} />
      </div>
      <RadioField label="How was it staged?" value={draft.basis} onChange={(v) => set({ basis: v })}
        options={[['clinical', 'Clinical: from scans and biopsies'], ['pathologic', 'Pathologic: from surgery'], ['', 'Not stated']]} />
    </>
  );
}

export function BiomarkerFields({ draft, set }: FieldsProps) {
  const gene = draft.gene.trim().toUpperCase();
  const numeric = gene === 'PD-L1' || gene === 'PDL1' || gene === 'TMB';
  return (
    <>
      <TextField label="Biomarker or gene" hint="For example EGFR, ALK, PD-L1 or TMB." value={draft.gene} onChange={(v) => set({ gene: v })} list="gene-names" />
      <datalist id="gene-names">{GENES.map((g) => <option key={g} value={g} />)}</datalist>
      <RadioField label="Result" value={draft.result} onChange={(v) => set({ result: v })}
        options={[['detected', 'Found (positive)'], ['not detected', 'Not found (negative)'], ['equivocal', 'Unclear result']]} />
      {!numeric && <TextField label="Change found (optional)" hint="For example “exon 19 deletion”, “L858R” or “fusion”." value={draft.alteration} onChange={(v) => set({ alteration: v })} />}
      {numeric && <TextField label={gene === 'TMB' ? 'Value in mutations per megabase (optional)' : 'Value in % (tumour proportion score, optional)'} type="number" inputMode="decimal" value={draft.value} onChange={(v) => set({ value: v })} />}
      <TextField label="Date of the test (optional)" type="date" value={draft.date} onChange={(v) => set({ date: v })} />
    </>
  );
}

export function TreatmentFields({ draft, set }: FieldsProps) {
  return (
    <>
      <TextField label="Treatment" hint="The medicine’s name (for example osimertinib) or the procedure (for example lobectomy)." value={draft.name} onChange={(v) => set({ name: v })} list="drug-names" />
      <datalist id="drug-names">{DRUGS.map((g) => <option key={g} value={g} />)}</datalist>
      <SelectField label="Kind of treatment" value={draft.category} onChange={(v) => set({ category: v })}
        options={TREATMENT_CATEGORIES.map((c): [string, string] => [c, capitalise(c)])} />
      <div className="split">
        <TextField label="Started (optional)" type="date" value={draft.start} onChange={(v) => set({ start: v })} />
        <TextField label="Ended (optional)" type="date" value={draft.end} onChange={(v) => set({ end: v })} />
      </div>
      <SelectField label="Why it ended (optional)" value={draft.endReason} onChange={(v) => set({ endReason: v })}
        options={[['', 'Not ended, or not stated'], ['completed', 'Completed as planned'], ['progression', 'The cancer grew'], ['toxicity', 'Side effects'], ['other', 'Another reason']]} />
    </>
  );
}
