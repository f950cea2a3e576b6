// Treatments talked about but not given: weighed and not started, not needed, one drug
// picked over another, a list of choices after an "options:" lead-in, a regimen reviewed
// with the patient, a choice between drugs not yet made. Our own wording; each row is a
// pattern a clinic note uses, with rows beside it that must still count as given.
import { describe, expect, it } from 'vitest';
import { extractDocument, mergeDocuments } from '../../../shared/extract/index.ts';
import { docOf } from './record-fixture.ts';

const names = (...records: string[]): string[] =>
  mergeDocuments(records.map((r, i) => extractDocument(docOf(r, `r${i}.pdf`)))).treatments.map((t) => t.name).sort();

const notGiven: [string, string][] = [
  ['Maintenance pemetrexed was raised at clinic but not initiated owing to renal function.', 'raised, not initiated'],
  ['Thoracic radiotherapy: not indicated after complete resection.', 'not indicated'],
  ['Palliative radiation to the left hip is not needed at present.', 'not needed'],
  ['Sequential chemoradiation is not favoured in view of the small nodal volume.', 'not favoured'],
  ['He is not keen on chemotherapy with cisplatin and etoposide at his age.', 'not keen on'],
  ['She does not want to receive docetaxel after hearing about the hair loss.', 'does not want'],
  ['Neither lorlatinib nor brigatinib is appropriate here (ALK negative).', 'neither ... nor'],
  ['Second-line choices if she progresses: docetaxel; gemcitabine with a clinical trial.', 'choices after a lead-in'],
  ['Options we went through: osimertinib monotherapy; amivantamab plus lazertinib.', 'options list split by semicolons'],
  ['We reviewed nivolumab plus ipilimumab in detail with him.', 'reviewed with the patient'],
  ['Pembrolizumab could be considered given the high PD-L1 expression.', '"given the" is a reason, not a dose'],
  ['Consolidation durvalumab or pembrolizumab, to be settled at the next visit.', 'a choice not yet made'],
  ['Pemetrexed and bevacizumab are kept in reserve for a later line.', 'kept in reserve'],
  ['Stereotactic radiotherapy to the adrenal deposit is no longer needed after the response.', 'no longer needed'],
  ['Atezolizumab not starting until the rash settles.', 'not starting'],
  ['Palliative radiotherapy to the rib if the pain worsens.', 'a condition right after the name'],
  ['Docetaxel would be the option after progression; ramucirumab another possibility.', 'a later clause of an options sentence'],
  ['We talked through selpercatinib and pralsetinib; cabozantinib less selective.', 'a verbless remark after a discussion'],
];

// Guards: each would break if a rule above reached too far (a dose change "not needed", a
// drug picked over another then started, a clause's own "continue" inside an options list).
const given: [string, string[]][] = [
  ['Alectinib selected over crizotinib because of CNS penetration; started 1/2024.', ['alectinib']],
  ['Erlotinib was preferred over gefitinib and began on 3/3/2023.', ['erlotinib']],
  ['Paclitaxel given 10/02/2024 with carboplatin AUC 2.', ['carboplatin', 'paclitaxel']],
  ['Pembrolizumab dose adjustment not needed; cycle 5 today.', ['pembrolizumab']],
  ['Options were reviewed at length. She started osimertinib 80 mg on 2/3/2025.', ['osimertinib']],
  ['Alternatives at progression: none yet; continue lorlatinib 100 mg daily.', ['lorlatinib']],
  ['Radiation therapy to the chest, 60 Gy, completed; no further treatment indicated.', ['radiation therapy']],
  ['Received cisplatin or carboplatin-based doublet x4 in 2021 (records incomplete).', ['carboplatin', 'cisplatin']],
  ['Options were talked over with the family; osimertinib 80 mg daily from today.', ['osimertinib']],
  ['Risks and benefits were discussed; start pembrolizumab today.', ['pembrolizumab']],
  ['Carboplatin AUC 5 given 3/4/2025, dose reduced if neutropenia recurs.', ['carboplatin']],
  ['Chest radiotherapy 45 Gy completed; dexamethasone no longer needed.', ['radiation therapy']],
  ['Erlotinib was stopped for rash; afatinib since 6/2024 if anyone asks.', ['afatinib', 'erlotinib']],
];

describe('treatments discussed but not given', () => {
  for (const [text, why] of notGiven) it(`not given: ${why}`, () => expect(names(text)).toEqual([]));
  for (const [text, want] of given) it(`still given: ${text.slice(0, 80)}`, () => expect(names(text)).toEqual([...want].sort()));
});
