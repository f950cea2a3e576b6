// Report kind, date, status and sections, decided from the words of a record.
import { describe, expect, it } from 'vitest';
import { contextOf, one } from './doc-fixture.ts';
import { headingOf, isContextSection, isResultSection } from '../../../shared/extract/document/sections.ts';

describe('report kind comes from the content', () => {
  const table: [string, string][] = [
    ['pathology', 'Valley Hospital Pathology\nSURGICAL PATHOLOGY REPORT\nFinal diagnosis:\nLung, left lower lobe, wedge: invasive adenocarcinoma.'],
    ['pathology', 'NON-GYNECOLOGIC CYTOLOGY REPORT\nSpecimen: pleural fluid\nInterpretation: positive for malignant cells.'],
    ['pathology', 'Predictive marker immunohistochemistry\nPD-L1 (22C3) tumor proportion score: 15%\nALK (D5F3): negative'],
    ['molecular', 'Hillside Genomics\nComprehensive genomic profiling report\nGenomic findings\nKRAS G12C  VAF 21%'],
    ['molecular', 'Fluorescence in situ hybridization (FISH) report\nALK break-apart probe: 8% of 100 nuclei with split signals.'],
    ['molecular', 'Plasma cell-free DNA assay - liquid biopsy report\nEGFR T790M detected, 0.4% cfDNA'],
    ['imaging', 'EXAM: CT CHEST WITH CONTRAST\nTECHNIQUE: axial images.\nIMPRESSION: 3.1 cm right upper lobe mass.'],
    ['imaging', 'FDG PET/CT skull base to mid-thigh\nFindings: hypermetabolic hilar node, SUV 9.'],
    ['note', 'Thoracic oncology progress note\nDate of service 05/02/2024\nInterval history: tolerating therapy.\nAssessment and plan: continue.'],
    ['note', 'Dear Dr. Lee,\nThank you for referring Ms. Park for consultation. I saw her today in clinic.\nAssessment: stage IIIA NSCLC.'],
    ['note', 'Multidisciplinary thoracic tumor board\nConference date: 2024-06-01\nImaging reviewed: PET/CT and MRI brain.'],
    ['discharge', 'HOSPITAL DISCHARGE SUMMARY\nAdmission date 3/1/2024\nDischarge date 3/4/2024\nHospital course: uneventful.'],
    ['lab', 'Clinical laboratory - cumulative lab report\nWBC 6.1 K/uL\nHgb 12.0 g/dL\nCreatinine 0.9 mg/dL'],
    ['treatment-summary', 'Infusion administration record\n4/1/24 C1D1 pemetrexed 500 mg/m2 IV\n4/22/24 C2D1 pemetrexed 500 mg/m2 IV'],
    ['treatment-summary', 'RADIATION TREATMENT SUMMARY\n60 Gy in 30 fractions completed 5/30/2024.'],
    ['treatment-summary', 'Cancer treatment summary and survivorship care plan\nTreatments received: lobectomy 2023.'],
    ['other', 'Utilization management department\nRE: Letter of medical necessity - osimertinib\nTo whom it may concern,'],
    ['other', 'Harbor Power & Light\nStatement date: March 3, 2025\nEnergy charge - Tier 2  312 kWh\nRate plan: T2 Time-of-Use (M1 meter)\nStage 2 drought surcharge'],
  ];
  it.each(table)('%s: %s', (kind, text) => expect(contextOf(text).kind).toBe(kind));
});

describe('report date', () => {
  const table: [string, string, string | null][] = [
    ['a labelled report date, not the birth date', 'Patient: A. Person\nDOB: 02/03/1950\nCollected: 04/01/2024\nReported: 04/05/2024', '2024-04-05'],
    ['the visit date of a note', 'Progress note\nDOB 7/7/61   Date of service 6/12/24\nPlan: continue', '2024-06-12'],
    ['a label on one line, its value on the next', 'Molecular report\nREPORTED\n2/15/23\nResults below', '2023-02-15'],
    ['a header row above a row of dates', 'COLLECTED   RECEIVED   REPORTED\n12 JUL 2024   16 JUL 2024   22 JUL 2024', '2024-07-22'],
    ['the signature when nothing is labelled', 'Radiation summary\nStart date May 1, 2024\nEnd date Jun 2, 2024\nElectronically signed by Dr. Q on Jun 5, 2024', '2024-06-05'],
    ['a letter date standing alone', 'Hillside Oncology\n14 NOV 2022\nDear colleague,', '2022-11-14'],
    ['a date in the title', 'MRI brain with and without contrast - 23-May-2024\nFindings: no lesions.', '2024-05-23'],
    ['day-first when the record writes a day above 12', 'Report date 23/02/2024\nCollected 01/02/2024', '2024-02-23'],
    ['no date at all', 'Pathology report\nDiagnosis: adenocarcinoma.', null],
  ];
  it.each(table)('%s', (_, text, want) => expect(contextOf(text).date).toBe(want));

  it('keeps the collection date for the diagnosis date', () => {
    expect(contextOf('Surgical pathology report\nDate of procedure: 3/3/2024\nSign-out: 3/8/2024').collected).toBe('2024-03-03');
  });
});

describe('report status', () => {
  it('a preliminary report', () => {
    expect(one('PRELIMINARY REPORT - NOT FINAL\nPreliminary diagnosis: non-small cell carcinoma.').report.preliminary).toBe(true);
  });
  it('a final report that mentions the earlier preliminary read', () => {
    expect(one('Surgical Pathology - Final Report\nFinal diagnosis: adenocarcinoma.\nComment: same as the preliminary diagnosis.').report.preliminary).toBe(false);
  });
  it('an amended report', () => {
    expect(one('AMENDED REPORT\nRevised diagnosis: squamous cell carcinoma.').report.amended).toBe(true);
  });
});

describe('sections', () => {
  const table: [string, string | null][] = [
    ['FINAL DIAGNOSIS', 'diagnosis'], ['Final pathologic diagnosis:', 'diagnosis'], ['Diagnosis Invasive adenocarcinoma', 'diagnosis'],
    ['Clinical history: 60 yo with lung mass', 'history'], ['Comment: see note', 'comment'], ['ADDENDUM', 'addendum'],
    ['VARIANTS OF UNCERTAIN SIGNIFICANCE', 'vus'], ['Genes assayed', 'genes'], ['METHODS AND LIMITATIONS', 'methods'],
    ['CLINICAL TRIALS', 'trials'], ['Impression:', 'impression'], ['Findings:', 'findings'], ['Assessment and plan', 'assessment'],
    ['Family history.', 'family'], ['Past medical history', 'pmh'], ['History of present illness', 'hpi'],
    ['Frozen section diagnosis: carcinoma', 'frozen'], ['Histologic type: adenocarcinoma', 'synoptic'],
    ['Diagnosis was made last year', null], ['The plan is to start', null], ['adenocarcinoma of the lung', null],
  ];
  it.each(table)('%s → %s', (line, id) => expect(headingOf(line)?.id ?? null).toBe(id));

  it('lines inherit the section above them, so a page footer does not reset it', () => {
    const ctx = contextOf('FAMILY HISTORY\nMother: breast cancer.\nPage 1 of 2\nSister: healthy.\nIMPRESSION\nNo change.');
    expect(ctx.lines.map((l) => l.section)).toEqual(['family', 'family', 'family', 'family', 'impression', 'impression']);
  });
  it('tells result sections from context sections', () => {
    expect(isResultSection('diagnosis')).toBe(true);
    expect(isResultSection('genes')).toBe(false);
    expect(isContextSection('vus')).toBe(true);
    expect(isContextSection('results')).toBe(false);
  });
});
