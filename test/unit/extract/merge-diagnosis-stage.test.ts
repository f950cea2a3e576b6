// Merging diagnosis and stage across a person's records: final over preliminary, amended over
// what it amends, stage at diagnosis over restaging, pathologic stage when resected up front,
// conflicts kept side by side, and the group worked out from T/N/M kept apart from `group`.
import { describe, expect, it } from 'vitest';
import { merged, recordOf } from './doc-fixture.ts';
import { extractDocument, mergeDocuments } from '../../../shared/extract/index.ts';

const prelim = 'Hill Pathology\nPRELIMINARY REPORT - NOT FINAL\nCollected 2024-02-01\nPreliminary diagnosis:\nLung, RLL core: non-small cell carcinoma, favor squamous cell carcinoma.';
const final = 'Hill Pathology\nSurgical Pathology - Final Report\nCollected 2024-02-01\nReported 2024-02-05\nFINAL DIAGNOSIS\nLung, RLL core: adenocarcinoma (TTF-1 and napsin A positive, p40 negative).';
const note = (text: string, date = '03/01/2024') => `Thoracic oncology progress note\nDate of service ${date}\nAssessment:\n${text}`;

describe('diagnosis across records', () => {
  it('a final report replaces a preliminary one, whatever the order', () => {
    expect(merged(prelim, final).diagnosis.histology).toBe('adenocarcinoma');
    expect(merged(final, prelim).diagnosis.histology).toBe('adenocarcinoma');
  });
  it('pathology outranks a clinic note that says less', () => {
    const d = merged(note('Non-small cell lung cancer on carboplatin.'), final).diagnosis;
    expect([d.cancerType, d.histology]).toEqual(['NSCLC', 'adenocarcinoma']);
  });
  it('a named type in a note outranks bare "NSCLC" elsewhere', () => {
    expect(merged(note('Stage IV NSCLC.'), note('Lung adenocarcinoma, EGFR L858R.', '04/01/2024')).diagnosis.histology).toBe('adenocarcinoma');
  });
  it('the diagnosis date is the collection date of the diagnostic specimen', () => {
    expect(merged(note('Lung adenocarcinoma.'), final).diagnosis.diagnosisDate).toBe('2024-02-01');
  });
  it('keeps the original histology after a transformation to small cell, and shows both', () => {
    const later = 'Hill Pathology\nSurgical Pathology - Final Report\nCollected 2025-06-01\nFINAL DIAGNOSIS\nLiver, core: small cell carcinoma, consistent with transformation of the known EGFR-mutant lung adenocarcinoma.';
    const f = merged(final, later);
    expect(f.diagnosis.histology).toBe('adenocarcinoma');
    expect(f.conflicts?.[0]?.values.map((v) => v.value).sort()).toEqual(['adenocarcinoma', 'small cell carcinoma']);
    expect(f.conflicts?.[0]?.chosen).toBe('adenocarcinoma');
  });
  it('two final pathology reports that disagree are kept as a conflict', () => {
    const other = 'Other Pathology\nSurgical Pathology - Final Report\nCollected 2024-02-10\nFINAL DIAGNOSIS\nLung, RLL wedge: squamous cell carcinoma, keratinizing.';
    const f = merged(final, other);
    expect(f.conflicts?.find((c) => c.field === 'diagnosis.histology')?.values).toHaveLength(2);
  });
  it('cites the record, and asks for a check only when every source was read by OCR', () => {
    const f = merged(note('Lung adenocarcinoma.'));
    expect(f.diagnosis.needsCheck).toBeUndefined();
    expect(f.diagnosis.evidence?.[0]?.file).toBe('r1.pdf');
    const scanned = mergeDocuments([extractDocument(recordOf(note('Lung adenocarcinoma, stage IIIA.'), 'scan.pdf', 'ocr'))]);
    expect(scanned.diagnosis.needsCheck).toBe(true);
    expect(scanned.stage.needsCheck).toBe(true);
    expect(scanned.stage.evidence?.[0]?.source).toBe('ocr');
  });
});

describe('stage across records', () => {
  it('the most specific group written anywhere', () => {
    const s = merged(note('Stage IV lung adenocarcinoma.'), note('Lung adenocarcinoma, cT2a cN2 cM1c, stage IVB.', '04/01/2024')).stage;
    expect([s.group, s.t, s.n, s.m, s.basis]).toEqual(['IVB', 'T2a', 'N2', 'M1c', 'clinical']);
  });
  it('the pathologic stage when the tumour was resected first', () => {
    const s = merged(note('Lung nodule, clinical stage IA3 (cT1c cN0 cM0).', '01/05/2024'), 'Surgical pathology report\nCollected 2024-02-01\nLung, RUL lobectomy\nPathologic stage: pT2a pN1 cM0, stage IIB (AJCC 8th).').stage;
    expect([s.group, s.t, s.n, s.m, s.basis]).toEqual(['IIB', 'T2a', 'N1', 'M0', 'pathologic']);
  });
  it('the clinical stage when therapy came before surgery', () => {
    const s = merged(
      note('Lung adenocarcinoma, cT2b cN2 cM0, clinical stage IIIA; neoadjuvant nivolumab and chemotherapy planned.', '01/05/2024'),
      note('Completed neoadjuvant chemo-immunotherapy, then lobectomy: ypT1a ypN0.', '06/05/2024'),
    ).stage;
    expect([s.group, s.t, s.n, s.m, s.basis]).toEqual(['IIIA', 'T2b', 'N2', 'M0', 'clinical']);
  });
  it('works out the group from T, N and M into derivedGroup only', () => {
    const s = merged(note('Lung adenocarcinoma, cT2a cN2 cM0.')).stage;
    expect(s.group).toBeNull();
    expect([s.derivedGroup, s.edition]).toEqual(['IIIA', 8]);
  });
  it('uses the 9th-edition table when the report names it', () => {
    const s = merged(note('Lung adenocarcinoma, AJCC 9th edition: cT1c cN2a cM0.')).stage;
    expect([s.n, s.derivedGroup, s.edition]).toEqual(['N2a', 'IIB', 9]);
  });
  it('keeps records that truly disagree as a conflict', () => {
    const f = merged(note('Lung adenocarcinoma, stage IIIA.'), note('Lung adenocarcinoma, stage IIIB.', '03/02/2024'));
    const c = f.conflicts?.find((x) => x.field === 'stage.group');
    expect(c?.values.map((v) => v.value).sort()).toEqual(['IIIA', 'IIIB']);
    expect(c?.chosen).toBe(f.stage.group);
  });
});
