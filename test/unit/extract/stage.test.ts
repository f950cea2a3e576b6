// Stage at diagnosis from phrasings written in our own words (clinical reference §2, §8.2):
// groups in Roman or Arabic numerals, T/N/M with prefixes, SCLC staging, and the stages and
// look-alikes that must not count.
import { describe, expect, it } from 'vitest';
import { merged } from './doc-fixture.ts';

const NOTE = 'Thoracic oncology consult\nLung cancer history\nAssessment:\n';
const st = (text: string) => {
  const s = merged(NOTE + text).stage;
  return [s.group, s.t, s.n, s.m].map((v) => v ?? '-').join(' ');
};

describe('stage as written', () => {
  const table: [string, string][] = [
    ['cT2aN2M0, stage IIIA (AJCC 8th edition) adenocarcinoma.', 'IIIA T2a N2 M0'],
    ['Pathologic stage: pT1b pN0 (0/15) cM0, stage IA2.', 'IA2 T1b N0 M0'],
    ['Clinical stage IIB (T3N0M0) NSCLC.', 'IIB T3 N0 M0'],
    ['Stage 3B NSCLC of the right lung.', 'IIIB - - -'],
    ['Stage IIIb lung adenocarcinoma.', 'IIIB - - -'],
    ['Stage III-B squamous NSCLC.', 'IIIB - - -'],
    ['Stage IV (M1c: liver, bone) lung adenocarcinoma.', 'IV - - M1c'],
    ['Stage IVA NSCLC due to a malignant pleural effusion.', 'IVA - - -'],
    ['Locally advanced, unresectable stage III NSCLC.', 'III - - -'],
    ['T4 N3 M0 = stage IIIC non-small cell lung cancer.', 'IIIC T4 N3 M0'],
    ['TNM (9th ed): cT1c cN2a cM0, stage IIB lung adenocarcinoma.', 'IIB T1c N2a M0'],
    ['pN2b (stations 4R and 7 involved) in a lung resection.', '- - N2b -'],
    ['Stage I lung adenocarcinoma s/p SBRT.', 'I - - -'],
    ['Stage 1A2 NSCLC, pT1b pN0 cM0.', 'IA2 T1b N0 M0'],
    ['stage 4B (T2aN2M1c) non-small cell lung cancer.', 'IVB T2a N2 M1c'],
    ['Lung adenocarcinoma, cT3 cN2 cM1c, stage IVB.', 'IVB T3 N2 M1c'],
    ['Adenocarcinoma of lung origin. Clinical stage is IVB (cT3 cN3 cM1c).', 'IVB T3 N3 M1c'],
    ['ID: a 58-year-old never-smoker with stage IV lung adenocarcinoma (bone metastases).', 'IV - - -'],
    ['Lung adenocarcinoma; the stage was IIIA at diagnosis (cT1c cN2 cM0).', 'IIIA T1c N2 M0'],
    // OCR look-alikes: l for 1, O for 0, i for 1, [ for I
    ['Lung adenocarcinoma, cT2aNOMO, stage IB.', 'IB T2a N0 M0'],
    ['Stage IVB (T3 N2 Mic) lung adenocarcinoma.', 'IVB T3 N2 M1c'],
    ['Metastatic NSCLC: stage IV (cT1c N1 Mc).', 'IV T1c N1 M1c'], // OCR dropped the 1 of M1c
    ['Lung: pT1cNIMO, stage [IB.', 'IIB T1c N1 M0'],
    ['Pathologic stage I1B (AJCC 8th ed.), pT2b pN1 cM0, lung.', 'IIB T2b N1 M0'],
    ['Primary tumor (pT): pT 2a. Regional lymph nodes (pN): pN 1. Lung lobectomy.', '- T2a N1 -'],
    ['Lung resection. T category: T2a; N category: N1; M category: M0.', '- T2a N1 M0'],
    ['Lung adenocarcinoma. Stage at diagnosis: IIIB.', 'IIIB - - -'],
    ['Lung adenocarcinoma, stage (AJCC 8th): IB.', 'IB - - -'],
    ['Lung cancer, TNM: T1bN0M0, IA2.', 'IA2 T1b N0 M0'],
    ['68-year-old with IIIA NSCLC of the right upper lobe.', 'IIIA - - -'],
    ['Lung adenocarcinoma, stage: IV; M1b (single adrenal metastasis).', 'IV - - M1b'],
    ['NSCLC, stage four.', 'IV - - -'],
    ['Progress note - stage IIIA NSCLC on durvalumab.', 'IIIA - - -'],
    ['Oncologic history: progressed on osimertinib in 2023. Stage IVA lung adenocarcinoma at diagnosis.', 'IVA - - -'],
  ];
  it.each(table)('%s', (text, want) => expect(st(text)).toBe(want));
});

describe('small cell lung cancer staging', () => {
  const table: [string, string][] = [
    ['Extensive-stage SCLC (brain, adrenal).', 'extensive'],
    ['Limited stage small cell lung cancer, T2a N2 M0.', 'limited'],
    ['LS-SCLC treated with chemoradiation.', 'limited'],
    ['ED-SCLC on atezolizumab.', 'extensive'],
    ['Small cell lung cancer, limited disease.', 'limited'],
    ['Extensive stage small cell lung cancer; also written as stage IV.', 'extensive'],
  ];
  it.each(table)('%s', (text, group) => expect(merged(NOTE + text).stage.group).toBe(group));
});

describe('stages that are not the stage at diagnosis, and look-alikes', () => {
  const table: [string, string][] = [
    ['post-neoadjuvant', 'Lung resection after neoadjuvant chemo-immunotherapy: ypT1a ypN0; 5% viable tumor.'],
    ['post-therapy stage words', 'Lung resection: yp stage IA1 after induction therapy.'],
    ['complete response', 'ypT0N0: pathologic complete response in the lung.'],
    ['recurrence', 'r-stage: rT0 rN2 M0 mediastinal recurrence of lung cancer.'],
    ['restaging', 'Lung adenocarcinoma. Restaged after progression: now stage IVB.'],
    ['deferred', 'Lung mass. Stage: deferred pending PET and EBUS.'],
    ['kidney disease', 'Lung adenocarcinoma on surveillance; chronic kidney disease stage 3a.'],
    ['pressure injury', 'Lung cancer patient with a stage II pressure injury of the sacrum.'],
    ['a range in a guideline', 'Adjuvant osimertinib is approved for stage IB-IIIA EGFR-mutated NSCLC.'],
    ['a criterion', 'Reflex testing criteria: stage IV lung adenocarcinoma or suspected.'],
    ['negated', 'No stage IV disease of the lung identified.'],
    ['an MRI sequence', 'MRI brain: T2/FLAIR hyperintensities; T1 post-contrast without enhancement.'],
    ['another cancer', 'History of breast cancer, T2 N1 M0, stage IIB, treated in 2010.'],
    ['a tumour grade', 'Lung: WHO grade II adenocarcinoma, 2 cm.'],
    ['a trial phase', 'Screened for a phase III NSCLC trial of the lung.'],
    ['an unprefixed node guess on imaging', 'PET: hypermetabolic mediastinal nodes in this lung cancer (at least N2 disease if confirmed).'],
  ];
  it.each(table)('%s', (_, text) => expect(st(text)).toBe('- - - -'));

  it('keeps the diagnosis stage when a later note restages', () => {
    const s = merged(NOTE + 'Originally stage IB (pT2aN0) lung adenocarcinoma, 2021.', NOTE + 'Now with recurrent metastatic disease; restaged as stage IVB (M1c).').stage;
    expect([s.group, s.t, s.n, s.m]).toEqual(['IB', 'T2a', 'N0', null]);
  });

  it('reads nothing from a utility bill', () => {
    const s = merged('Harbor Power & Light\nStatement date: March 3, 2025\nEnergy charge - Tier 2  312 kWh\nRate plan: T2 Time-of-Use (M1 meter)\nStage 2 drought surcharge (water)').stage;
    expect([s.group, s.t, s.n, s.m]).toEqual([null, null, null, null]);
  });
});
