// Treatment phrasings → facts/1 treatments. Rows are our own wording of the clinical
// reference §8.6 patterns and the distractors records carry (plans not given, options for
// later, declined care, supportive drugs, a relative's or an earlier cancer's treatment,
// drugs in molecular reports and trial listings). A record is read alone and merged, so
// hedged plans drop out unless another record in the same row shows them given.
import { describe, expect, it } from 'vitest';
import { extractDocument, mergeDocuments } from '../../../shared/extract/index.ts';
import { docOf } from './record-fixture.ts';

function treat(...records: string[]) {
  return mergeDocuments(records.map((r, i) => extractDocument(docOf(r, `r${i}.pdf`)))).treatments;
}
const names = (...records: string[]): string[] => treat(...records).map((t) => t.name).sort();

const given: [string, string[]][] = [
  ['s/p VATS right upper lobectomy with mediastinal lymph node dissection (11/12/2024).', ['lobectomy']],
  ['Robotic-assisted LLL superior segmentectomy.', ['segmentectomy']],
  ['Procedure: Wedge resection, RML.', ['wedge resection']],
  ['Left pneumonectomy 2019 for a central squamous cell carcinoma of the lung.', ['pneumonectomy']],
  ['SBRT 54 Gy in 3 fractions to RUL nodule, completed 5/2/2025.', ['stereotactic body radiation therapy']],
  ['Received SABR 50 Gy/5 fx to the left lower lobe lesion.', ['stereotactic body radiation therapy']],
  ['Concurrent chemoRT: 60 Gy/30 fx with weekly carboplatin/paclitaxel.', ['carboplatin', 'chemoradiation', 'paclitaxel']],
  ['Durvalumab consolidation, C1 6/2025; planned 12 months.', ['durvalumab']],
  ['Carbo/pem/pembro x4 then pem/pembro maintenance.', ['carboplatin', 'pembrolizumab', 'pemetrexed']],
  ['Started Tagrisso 80 mg daily 4/2025.', ['osimertinib']],
  ['Osi held x1 week for grade 2 diarrhea; resumed.', ['osimertinib']],
  ['Keytruda q6w, tolerating well.', ['pembrolizumab']],
  ['Rybrevant + Lazcluze C1D1 03/10/25.', ['amivantamab', 'lazertinib']],
  ['Current medications: Alecensa 600 mg BID', ['alectinib']],
  ['Lorbrena 100 mg daily since 2023.', ['lorlatinib']],
  ['C/E/A x 4 then atezo maintenance.', ['atezolizumab', 'carboplatin', 'etoposide']],
  ['EP + durva (CASPIAN regimen), cycle 2 given today.', ['cisplatin', 'durvalumab', 'etoposide']],
  ['PCI 25 Gy in 10 fractions completed.', ['radiation therapy']],
  ['SRS (Gamma Knife) to 2 brain metastases.', ['radiation therapy']],
  ['WBRT 30 Gy/10 fx with memantine.', ['radiation therapy']],
  ['Palliative RT to T10 vertebral body, 8 Gy x1.', ['radiation therapy']],
  ['Imdelltra step-up dosing; admitted for 24 h monitoring; grade 1 CRS.', ['tarlatamab']],
  ['Zepzelca + Tecentriq maintenance, cycle 3.', ['atezolizumab', 'lurbinectedin']],
  ['Enhertu 5.4 mg/kg q3w, cycle 4.', ['trastuzumab deruxtecan']],
  ['Neoadjuvant nivolumab + carboplatin/paclitaxel x3 completed before surgery.', ['carboplatin', 'nivolumab', 'paclitaxel']],
  ['Adjuvant cisplatin/vinorelbine x4, completed 2/2024.', ['cisplatin', 'vinorelbine']],
  ['Docetaxel + ramucirumab (2L), C2D1 today.', ['docetaxel', 'ramucirumab']],
  ['Discontinued pembrolizumab due to grade 3 pneumonitis (9/2025).', ['pembrolizumab']],
  ['Restaging CT on carboplatin/Alimta/Keytruda shows response.', ['carboplatin', 'pembrolizumab', 'pemetrexed']],
  ['12 MAR 2025  C1D1  CARBOPLATIN  AUC 5  IV\n12 MAR 2025  C1D1  ETOPOSIDE  100 mg/m2  IV', ['carboplatin', 'etoposide']],
  ['Plan: continue alectinib; MRI brain in 3 months.', ['alectinib']],
  ['Plan to start osimertinib 80 mg daily starting 05/01/2025.', ['osimertinib']],
  ['Will proceed with carboplatin + pemetrexed + pembrolizumab.', ['carboplatin', 'pembrolizumab', 'pemetrexed']],
  ['Amivantamab-vmjw 1050 mg IV, week 2.', ['amivantamab']],
  ['Oral topotecan started after progression on platinum-etoposide.', ['etoposide', 'topotecan']],
  ['Status post 4 cycles of cisplatin/etoposide with concurrent thoracic RT (45 Gy BID), followed by PCI.', ['chemoradiation', 'cisplatin', 'etoposide', 'radiation therapy']],
  ['Tarlatamab (Imdelltra) C1D1 3/3/2025 with step-up dosing.', ['tarlatamab']],
  ['Completed 60 Gy in 30 fractions concurrent with weekly carboplatin and paclitaxel.', ['carboplatin', 'chemoradiation', 'paclitaxel']],
  ['Right upper lobe resection with mediastinal node sampling, 3/4/2024.', ['lobectomy']],
  ['CyberKnife SBRT-equivalent course to the RLL nodule completed.', ['stereotactic body radiation therapy']],
  ['Gamma Knife radiosurgery to a single brain metastasis, 18 Gy.', ['radiation therapy']],
];

const notGiven: [string, string][] = [
  ['Treatment declined. Patient elected hospice.', 'declined'],
  ['Patient declined chemotherapy and pembrolizumab; comfort care.', 'declined drug'],
  ['Plan: start osimertinib pending insurance approval.', 'plan pending insurance'],
  ['Options at progression would include docetaxel +/- ramucirumab or a clinical trial.', 'options for later'],
  ['Discussed clinical trial of an investigational KRAS G12C inhibitor (NCT01234567).', 'trial listing'],
  ['Xgeva monthly for bone metastases; ondansetron PRN nausea.', 'supportive'],
  ['Premedications: dexamethasone 12 mg IV, fosaprepitant 150 mg IV, palonosetron 0.25 mg IV.', 'premedication'],
  ['Folic acid and B12 supplementation.', 'vitamins'],
  ['Remote history of breast cancer (2009) treated with lumpectomy, radiation and 5 years of tamoxifen.', 'earlier different cancer'],
  ['Family history: brother with prostate cancer treated with radiation.', 'relative'],
  ['Coronary artery disease s/p PCI 2017 with stent.', 'coronary PCI'],
  ['Radiation oncology consultation requested; radiation pneumonitis risk reviewed.', 'department and side effect'],
  ['Not a candidate for lobectomy given poor pulmonary function.', 'not a candidate'],
  ['Candidate for definitive radiotherapy.', 'candidate'],
  ['Gene  Alteration  Approved therapies\nBRAF  V600E  dabrafenib + trametinib; encorafenib + binimetinib\nCLINICAL TRIALS\nNCT04313873  encorafenib + binimetinib', 'molecular report'],
  ['Pembrolizumab is FDA-approved for first-line treatment when PD-L1 is 50% or more.', 'teaching text'],
  ['If EGFR positive will start osimertinib.', 'conditional'],
  ['Consider osimertinib versus erlotinib depending on NGS.', 'considered'],
  ['PE on CT chest; started apixaban.', 'pulmonary embolism and CT scan'],
  ['Epilepsy surgery: right temporal lobectomy in 1998.', 'brain lobectomy'],
  ['Prior radiation: n/a. Chemotherapy: none.', 'form fields left empty'],
  ['Response rates to crizotinib are high in ALK-rearranged tumours (published series).', 'teaching text'],
  ['She has no history of prior chest radiation or chemotherapy.', 'denied history'],
  ['I would likely use carboplatin and pemetrexed if the biopsy confirms adenocarcinoma.', 'conditional choice'],
  ['Adjuvant osimertinib was recommended; after discussion she preferred observation.', 'plan turned down'],
  ['ALLERGIES\nCarboplatin (hives), penicillin (rash)\nSOCIAL HISTORY\nNever smoker.', 'allergy list'],
];

describe('treatment phrasings', () => {
  for (const [text, want] of given) it(text.replace(/\n/g, ' / ').slice(0, 90), () => expect(names(text)).toEqual([...want].sort()));
  for (const [text, why] of notGiven) it(`not given: ${why}`, () => expect(names(text)).toEqual([]));
});

describe('treatments across records', () => {
  it('a hedged plan counts once another record shows it given', () => {
    expect(names('Plan: start osimertinib pending insurance approval.', 'Currently on osimertinib 80 mg daily since 03/2025.')).toEqual(['osimertinib']);
  });
  it('start is the earliest, as precise as given', () => {
    const [t] = treat('Currently on osimertinib started 04/2025.', '04/12/2025 C1D1 osimertinib 80 mg', 'Osimertinib since March 2026');
    expect(t).toMatchObject({ name: 'osimertinib', category: 'targeted therapy', start: '2025-04-12' });
  });
  it('a stop for a side effect', () => {
    const [t] = treat('Osimertinib discontinued 8/2024 due to ILD.');
    expect(t).toMatchObject({ name: 'osimertinib', end: '2024-08', endReason: 'toxicity' });
  });
  it('end and reason from a timeline range', () => {
    const [t] = treat('04/20/2023 to 07/2024 (progression): erlotinib.');
    expect(t).toMatchObject({ name: 'erlotinib', start: '2023-04-20', end: '2024-07', endReason: 'progression' });
  });
  it('chemoradiation is not also listed as radiation therapy; PCI is', () => {
    expect(names('Definitive chemoradiation 60 Gy in 30 fractions with cisplatin/etoposide from 5/1/2024 to 6/12/2024.',
      'Radiation treatment summary: IMRT 60 Gy, completed 6/12/2024.', 'Prophylactic cranial irradiation 25 Gy/10 fx started 8/1/2024.'))
      .toEqual(['chemoradiation', 'cisplatin', 'etoposide', 'radiation therapy']);
  });
  it('an SBRT course is not also a radiation therapy', () => {
    expect(names('Completion of radiation therapy: SBRT 54 Gy in 3 fractions 03/11/2023 through 03/18/2023.')).toEqual(['stereotactic body radiation therapy']);
  });
  it('every treatment carries its evidence', () => {
    const [t] = treat('Line one\nStarted Tagrisso 80 mg daily 4/2025.');
    expect(t?.evidence?.[0]).toMatchObject({ file: 'r0.pdf', page: 1 });
    expect(t?.evidence?.[0]?.quote).toContain('Tagrisso');
  });
});
