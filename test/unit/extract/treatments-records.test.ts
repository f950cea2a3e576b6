// Whole treatment records in our own words and several layouts (survivorship table, infusion
// log, radiation summary, operative note, consult with a plan and options, letter asking for
// authorisation), read alone and merged across a person's records.
import { describe, expect, it } from 'vitest';
import { extractDocument, mergeDocuments } from '../../../shared/extract/index.ts';
import { docOf } from './record-fixture.ts';

const merged = (...texts: string[]) => mergeDocuments(texts.map((t, i) => extractDocument(docOf(t, `r${i}.pdf`)))).treatments;
const brief = (ts: { name: string; start: string | null; end: string | null }[]) => ts.map((t) => `${t.name} ${t.start ?? '-'} ${t.end ?? '-'}`).sort();

describe('treatment records', () => {
  it('a survivorship table with start and end columns', () => {
    expect(brief(merged([
      'Treatment summary',
      'Line      Agents                                   Start        End',
      'First     carboplatin/pemetrexed/pembrolizumab x4,',
      'then pemetrexed/pembrolizumab maintenance',
      '2023-02-01  2023-09-15',
      'Second    docetaxel + ramucirumab   2023-10-02   ongoing',
    ].join('\n')))).toEqual([
      'carboplatin 2023-02-01 2023-09-15', 'docetaxel 2023-10-02 -', 'pembrolizumab 2023-02-01 2023-09-15',
      'pemetrexed 2023-02-01 2023-09-15', 'ramucirumab 2023-10-02 -',
    ]);
  });

  it('an infusion log with premedications', () => {
    expect(brief(merged([
      'Infusion administration record',
      'Date        Cycle  Drug                Dose',
      '03/04/2024  C1D1   Carboplatin         AUC 5',
      '03/04/2024  C1D1   Etoposide           100 mg/m2',
      '03/04/2024  C1D1   Atezolizumab        1200 mg',
      '03/25/2024  C2D1   Carboplatin         AUC 5',
      'Premedication: ondansetron 16 mg IV, dexamethasone 12 mg IV',
    ].join('\n')))).toEqual(['atezolizumab 2024-03-04 -', 'carboplatin 2024-03-04 -', 'etoposide 2024-03-04 -']);
  });

  it('a radiation summary of concurrent chemoradiation, then PCI', () => {
    expect(brief(merged([
      'RADIATION ONCOLOGY TREATMENT SUMMARY',
      'Course: definitive concurrent chemoradiotherapy to the right hilum and mediastinum',
      'Technique: VMAT, 60 Gy in 30 fractions, 01/08/2024 to 02/20/2024',
      'Concurrent chemotherapy: weekly carboplatin and paclitaxel',
    ].join('\n'), 'Prophylactic cranial irradiation 25 Gy in 10 fractions, 04/01/2024 to 04/12/2024.'))).toEqual([
      'carboplatin 2024-01-08 2024-02-20', 'chemoradiation 2024-01-08 2024-02-20', 'paclitaxel 2024-01-08 2024-02-20', 'radiation therapy 2024-04-01 2024-04-12',
    ]);
  });

  it('an operative note', () => {
    expect(brief(merged('OPERATIVE REPORT\nDate of surgery: 09/14/2023\nProcedure: robotic left lower lobectomy and mediastinal lymph node dissection.')))
      .toEqual(['lobectomy 2023-09-14 -']);
  });

  it('a consult: the plan counts, options and the declined do not', () => {
    const t = merged([
      'ASSESSMENT AND PLAN',
      'Stage IVA EGFR-mutant adenocarcinoma of the lung.',
      '1. Start osimertinib 80 mg daily on 06/01/2024.',
      '2. At progression, options would include amivantamab plus chemotherapy or a clinical trial.',
      '3. Patient declined palliative radiation to the hip for now.',
      '4. Ondansetron as needed.',
    ].join('\n'));
    expect(brief(t)).toEqual(['osimertinib 2024-06-01 -']);
  });

  it('a letter asking for authorisation counts only when another record shows the drug given', () => {
    const letter = 'Letter of medical necessity: I am requesting authorization for Enhertu for this patient with an ERBB2 mutation.';
    expect(merged(letter)).toEqual([]);
    expect(brief(merged(letter, 'Currently receiving trastuzumab deruxtecan, cycle 2 on 11/30/2023.'))).toEqual(['trastuzumab deruxtecan 2023-11-30 -']);
  });

  it('an earlier cancer\'s treatment stays out, this cancer\'s comes in', () => {
    expect(brief(merged([
      'PAST MEDICAL HISTORY',
      'Breast cancer 2010, treated with lumpectomy, adjuvant radiation and anastrozole.',
      'ONCOLOGIC HISTORY',
      '05/2022: right upper lobectomy for lung adenocarcinoma.',
      '07/2022 to 10/2022: adjuvant cisplatin/vinorelbine x4, completed.',
    ].join('\n')))).toEqual(['cisplatin 2022-07 2022-10', 'lobectomy 2022-05 -', 'vinorelbine 2022-07 2022-10']);
  });

  it('ended for progression or toxicity', () => {
    const [a] = merged('Pembrolizumab from 01/2023 to 06/2023, stopped for grade 3 colitis.');
    expect(a).toMatchObject({ name: 'pembrolizumab', start: '2023-01', end: '2023-06', endReason: 'toxicity' });
    const [b] = merged('Erlotinib 2021-03 to 2022-05 (progression).');
    expect(b).toMatchObject({ name: 'erlotinib', end: '2022-05', endReason: 'progression' });
  });
});

describe('facts that cross the process boundary', () => {
  it('merge the same after the contract schema has checked each record', async () => {
    const { DocumentFactsSchema } = await import('../../../shared/contract/extraction-protocol.ts');
    const records = [
      'Plan: start osimertinib pending insurance approval.',
      'Chemoradiation 60 Gy with weekly carboplatin/paclitaxel, 01/08/2024 to 02/20/2024. IMRT 60 Gy completed.',
      'Currently on durvalumab since 03/2024.',
    ];
    const direct = mergeDocuments(records.map((r, i) => extractDocument(docOf(r, `r${i}.pdf`))));
    const checked = mergeDocuments(records.map((r, i) => DocumentFactsSchema.parse(extractDocument(docOf(r, `r${i}.pdf`))) as never));
    expect(checked.treatments).toEqual(direct.treatments);
    expect(checked.biomarkers).toEqual(direct.biomarkers);
    expect(brief(direct.treatments)).toEqual(['carboplatin 2024-01-08 2024-02-20', 'chemoradiation 2024-01-08 2024-02-20', 'durvalumab 2024-03 -', 'paclitaxel 2024-01-08 2024-02-20']);
  });
});
