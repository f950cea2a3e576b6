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
  ['Consolidation osimertinib has not been started; we will look again after the next scan.', 'has not been started'],
  ['PD-L1 is scored per the pembrolizumab companion diagnostic labelling for lung cancer.', 'companion diagnostic labelling'],
  ['Carboplatin AUC 5 and pemetrexed 500 mg/m2 were discussed with her at length.', 'two doses talked about together'],
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
  // a long run-on sentence: an offer or refusal of a later item stays in that item's phrase
  ['Seen by Dr. Ames after which he got carboplatin/pemetrexed + Keytruda x4 cycles (first 3/2/2024), stopped for colitis, plus palliative RT to T10 8 Gy 5/2024 and SRS to the brain was offered but he declined', ['carboplatin', 'pembrolizumab', 'pemetrexed', 'radiation therapy']],
  ['Docetaxel 75 mg/m2 x3 in 2023, then ramucirumab was discussed and deferred.', ['docetaxel']],
  ['Durvalumab 10 mg/kg from 1/2024, while osimertinib remains an option for the future.', ['durvalumab']],
  ['Palliative radiotherapy 30 Gy in 10 fractions 4/2024, and lorlatinib was offered but he declined.', ['radiation therapy']],
];

describe('treatments discussed but not given', () => {
  for (const [text, why] of notGiven) it(`not given: ${why}`, () => expect(names(text)).toEqual([]));
  for (const [text, want] of given) it(`still given: ${text.slice(0, 80)}`, () => expect(names(text)).toEqual([...want].sort()));
});

// In a run-on sentence each item keeps the dates of its own phrase, and an end that falls
// before the start ("until progression in Jan") is an earlier course's.
describe('dates of the items in a run-on sentence', () => {
  const dated = (text: string) =>
    mergeDocuments([extractDocument(docOf(text, 'r0.pdf'))]).treatments.map((t) => `${t.name} ${t.start ?? '-'} ${t.end ?? '-'}`).sort();
  it('each phrase its own dates', () => {
    expect(dated('Good response until POD in Jan 2025, after which he got docetaxel x3 cycles (first cycle 2/11/2025), stopped in March 2025 for neuropathy, plus palliative RT to the sacrum 20 Gy/5 fx 6/2025 and SRS was offered but he declined.'))
      .toEqual(['docetaxel 2025-02-11 2025-03', 'radiation therapy 2025-06 -']);
  });
});
