// `because` names the fact and where it was read: the evidence page when there is one,
// else the source files of a fitting kind, else "(in your records)".
import { describe, expect, it } from 'vitest';
import { becauseLine, describeBiomarker, whereRead } from '../../../shared/guidance/because.ts';
import { buildContext } from '../../../shared/guidance/context.ts';
import type { Source } from '../../../shared/contract/facts.ts';
import { bm, facts, pdl1, tx } from './helpers.ts';

const src = (file: string, kind: Source['kind'], date: string | null = null): Source => ({ file, pages: 1, ocrPages: [], kind, date });

describe('describing a biomarker', () => {
  it.each([
    [bm('EGFR', 'exon 19 deletion'), 'EGFR exon 19 deletion detected'],
    [bm('ALK', 'fusion', 'not detected'), 'ALK fusion not detected'],
    [bm('ALK', 'fusion', 'equivocal'), 'ALK fusion equivocal'],
    [pdl1(80), 'PD-L1 80%'],
    [pdl1(0), 'PD-L1 below 1%'],
    [bm('EGFR', 'T790M', 'detected', { specimen: 'plasma' }), 'EGFR T790M detected in a blood test'],
    [{ gene: 'TMB', alteration: 'tmb', result: 'detected' as const, value: 12, unit: 'mut/Mb' }, 'TMB 12 mut/Mb'],
    [bm('MSI', null, 'not detected'), 'microsatellite stable (MSI not detected)'],
  ])('%j', (b, want) => expect(describeBiomarker(b)).toBe(want));
});

describe('where a fact was read', () => {
  const evidence = [{ file: '03-molecular.pdf', page: 2, quote: 'EGFR exon 19 deletion DETECTED' }];
  it('uses the evidence page', () => {
    const f = facts({ biomarkers: [{ ...bm('EGFR', 'exon 19 deletion'), evidence }] });
    const ctx = buildContext(f);
    expect(becauseLine({ kind: 'biomarker', fact: ctx.biomarkers[0] }, ctx)).toBe('EGFR exon 19 deletion detected (03-molecular.pdf, page 2)');
  });
  it('names the one source of a fitting kind when there is no evidence', () => {
    const sources = [src('01-pathology.pdf', 'pathology'), src('02-molecular.pdf', 'molecular'), src('03-note.pdf', 'note')];
    expect(whereRead({ kind: 'biomarker', fact: bm('EGFR', 'L858R') }, sources)).toBe('(02-molecular.pdf)');
    expect(whereRead({ kind: 'biomarker', fact: pdl1(50) }, sources)).toBe('(01-pathology.pdf)');
    expect(whereRead({ kind: 'treatment', fact: tx('lobectomy', 'surgery') }, sources)).toBe('(01-pathology.pdf)');
    expect(whereRead({ kind: 'treatment', fact: tx('osimertinib', 'targeted therapy') }, sources)).toBe('(03-note.pdf)');
  });
  it('names both files when two fit, and prefers the one with the same date', () => {
    const sources = [src('02-molecular.pdf', 'molecular', '2023-03-24'), src('04-molecular.pdf', 'molecular', '2025-07-01')];
    expect(whereRead({ kind: 'biomarker', fact: bm('MET', 'amplification') }, sources)).toBe('(02-molecular.pdf or 04-molecular.pdf)');
    expect(whereRead({ kind: 'biomarker', fact: bm('MET', 'amplification', 'detected', { date: '2025-07-01' }) }, sources)).toBe('(04-molecular.pdf)');
  });
  it('says "(in your records)" when no source fits', () => {
    expect(whereRead({ kind: 'biomarker', fact: bm('EGFR', 'L858R') }, [src('01-imaging.pdf', 'imaging')])).toBe('(in your records)');
    expect(whereRead({ kind: 'biomarker', fact: bm('EGFR', 'L858R') }, [])).toBe('(in your records)');
  });
});
