// Whole records in layouts the phrase tables do not cover (vendor-style NGS summaries, plasma
// reports, tumour-board rows, IHC panels, narrative notes), and merging across a person's
// records: final over preliminary, one entry per gene and alteration, a positive over another
// test's negative, disagreeing PD-L1 scores kept as a conflict. All text is our own.
import { describe, expect, it } from 'vitest';
import { extractDocument, mergeDocuments } from '../../../shared/extract/index.ts';
import { docOf } from './record-fixture.ts';

const fmt = (bs: { gene: string; alteration?: string | null; result: string; value?: number | null }[]): string[] =>
  bs.map((b) => [b.gene, b.alteration ?? '-', b.result, b.value ?? ''].join(' ').trim()).sort();
const one = (text: string): string[] => fmt(extractDocument(docOf(text)).biomarkers);
const merged = (...texts: string[]) => mergeDocuments(texts.map((t, i) => extractDocument(docOf(t, `r${i}.pdf`))));

describe('biomarker records', () => {
  it('a vendor-style genomic profile', () => {
    expect(one([
      'GENOMIC PROFILE REPORT',
      'Specimen: lung, right lower lobe, core biopsy; tumor purity 40%',
      'PATIENT RESULTS',
      '2 genomic alterations | 1 therapy match | TMB 9 Muts/Mb | MSI-Stable',
      'GENOMIC ALTERATIONS',
      'EGFR   L858R   Approved in this tumor type: osimertinib, erlotinib',
      'TP53   R175H',
      'VARIANTS OF UNKNOWN SIGNIFICANCE',
      'ATM   R3008H',
      'NOTCH2   P6fs',
      'APPENDIX: GENES TESTED',
      'ALK BRAF EGFR ERBB2 KRAS MET NTRK1 NTRK2 NTRK3 RET ROS1 TP53',
    ].join('\n'))).toEqual(['EGFR L858R detected', 'MSI - not detected', 'TMB tmb detected 9', 'TP53 R175H detected']);
  });

  it('a plasma report whose negatives name variants', () => {
    expect(one([
      'Plasma ctDNA report',
      'Alterations detected:',
      'EGFR  exon 19 deletion (E746_A750del)  cfDNA 2.3%',
      'EGFR  T790M  0.4%',
      'Not detected: ALK, ROS1, RET, BRAF V600E, KRAS G12C',
    ].join('\n'))).toEqual(['ALK - not detected', 'BRAF - not detected', 'EGFR T790M detected', 'EGFR exon 19 deletion detected', 'KRAS - not detected', 'RET - not detected', 'ROS1 - not detected']);
  });

  it('a narrative note', () => {
    expect(one('Her tumor harbors an EGFR exon 19 deletion; testing for ALK, ROS1, and BRAF was negative. PD-L1 was 5%.'))
      .toEqual(['ALK - not detected', 'BRAF - not detected', 'EGFR exon 19 deletion detected', 'PD-L1 expression detected 5', 'ROS1 - not detected']);
  });

  it('a tumour-board row', () => {
    expect(one('Biomarkers | EGFR neg, ALK neg, ROS1 neg, PD-L1 TPS 90%'))
      .toEqual(['ALK - not detected', 'EGFR - not detected', 'PD-L1 expression detected 90', 'ROS1 - not detected']);
  });

  it('an IHC panel', () => {
    expect(one('ALK (clone D5F3) immunohistochemistry: NEGATIVE.\nROS1 (SP384): negative.\nPD-L1 (22C3): TPS 0%, CPS not applicable.'))
      .toEqual(['ALK - not detected', 'PD-L1 expression not detected 0', 'ROS1 - not detected']);
  });

  it('a results table with method and result columns', () => {
    expect(one([
      'Biomarker  Method  Result',
      'PD-L1 (22c3)  IHC  Positive, TPS: 80%',
      'ALK (D5F3)  IHC  Negative',
      'Mismatch Repair Status  IHC  Proficient',
      'Tumor Mutational Burden  Seq  High, 17 Mutations/Mb',
    ].join('\n'))).toEqual(['ALK - not detected', 'MSI - not detected', 'PD-L1 expression detected 80', 'TMB tmb detected 17']);
  });

  it('actionable and biologically relevant sections', () => {
    expect(one('Potentially actionable: KRAS p.G12C missense variant (exon 2), VAF 23.4%\nBiologically relevant: STK11 p.Q37* stop gain\nImmunotherapy markers: TMB 5.3 m/MB, 30th percentile; MSI status: Stable'))
      .toEqual(['KRAS G12C detected', 'MSI - not detected', 'STK11 Q37* detected', 'TMB tmb detected 5.3']);
  });

  it('a family history never becomes the patient', () => {
    expect(one('FAMILY HISTORY\nFather: lung cancer, EGFR L858R positive.\nSister: breast cancer, BRCA2 carrier.\nSOCIAL HISTORY\nNever smoker.')).toEqual([]);
  });
});

describe('biomarkers across records', () => {
  it('a final report replaces the preliminary one', () => {
    const f = merged(
      'PRELIMINARY REPORT\nStatus: preliminary\nEGFR: not detected\nALK, ROS1: pending',
      'FINAL REPORT\nEGFR: not detected\nALK: fusion detected (EML4::ALK)\nROS1: not detected',
    );
    expect(fmt(f.biomarkers)).toEqual(['ALK fusion detected', 'EGFR - not detected', 'ROS1 - not detected']);
  });

  it('one entry per gene and alteration, the positive over another test\'s negative', () => {
    const f = merged(
      'Molecular report\nEGFR exon 19 deletion detected.\nALK negative.',
      'Progress note: EGFR exon 19 deletion; ALK negative.',
      'Plasma NGS at progression: EGFR T790M detected. EGFR exon 19 deletion detected.',
      'Outside PCR: EGFR not detected',
    );
    expect(fmt(f.biomarkers)).toEqual(['ALK - not detected', 'EGFR T790M detected', 'EGFR exon 19 deletion detected']);
  });

  it('two different PD-L1 scores are a conflict with both sources', () => {
    const f = merged('PD-L1 (22C3) TPS 80%', 'PD-L1 (SP263) TPS 10%');
    expect(f.biomarkers.filter((b) => b.gene === 'PD-L1')).toHaveLength(1);
    const c = f.conflicts?.find((x) => x.field === 'biomarker:PD-L1');
    expect(c?.values.map((v) => v.value).sort()).toEqual(['expression 10%', 'expression 80%']);
    expect(c?.values.every((v) => v.evidence.length > 0)).toBe(true);
    expect(['expression 10%', 'expression 80%']).toContain(c?.chosen);
  });

  it('agreeing PD-L1 readings merge; a bound and a value agree', () => {
    const f = merged('PD-L1 high (>=50%)', 'PD-L1 TPS 55%', 'PD-L1 22C3: 55% of viable tumor cells');
    expect(fmt(f.biomarkers)).toEqual(['PD-L1 expression detected 55']);
    expect(f.conflicts ?? []).toEqual([]);
  });

  it('OCR-read facts ask to be checked', () => {
    const f = mergeDocuments([extractDocument(docOf('KRAS G12C detected', 'scan.pdf', 'ocr'))]);
    expect(f.biomarkers[0]?.needsCheck).toBe(true);
  });
});

describe('OCR slips across records', () => {
  it('a scan misreading one character of a typed record\'s variant is the same variant', () => {
    const f = mergeDocuments([
      extractDocument(docOf('Plasma NGS: EGFR T750M detected, 0.6%', 'scan.pdf', 'ocr')),
      extractDocument(docOf('Liquid biopsy showed EGFR T790M.', 'note.pdf')),
    ]);
    expect(fmt(f.biomarkers)).toEqual(['EGFR T790M detected']);
    expect(f.biomarkers[0]?.evidence?.map((e) => e.file).sort()).toEqual(['note.pdf', 'scan.pdf']);
  });
});
