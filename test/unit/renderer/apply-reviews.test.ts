// The person's reviews over the merged facts: confirmed, corrected and rejected facts,
// settled conflicts, their own additions, and identities that survive a re-read.
import { describe, expect, it } from 'vitest';
import { emptyFacts, type Facts } from '../../../shared/contract/facts.ts';
import { applyReviews } from '../../../renderer/src/features/facts/model/apply.ts';
import { biomarkerKey, treatmentKey, uniqueKeys } from '../../../renderer/src/features/facts/model/identity.ts';
import type { FactReview } from '../../../renderer/src/store/reviews.ts';
import type { Addition } from '../../../renderer/src/store/additions.ts';

const ocr = { file: 'scan.pdf', page: 1, quote: 'EGFR exon 19 deletion', source: 'ocr' as const, box: [0.1, 0.2, 0.3, 0.02] as [number, number, number, number] };

function merged(): Facts {
  return {
    ...emptyFacts(),
    diagnosis: { cancerType: 'NSCLC', histology: 'adenocarcinoma', diagnosisDate: '2025-03-02', evidence: [{ file: 'path.pdf', page: 1, quote: 'adenocarcinoma', source: 'text-layer' }] },
    stage: { group: 'IVA', t: 'T2a', n: 'N2', m: 'M1b', basis: 'clinical' },
    biomarkers: [
      { gene: 'EGFR', alteration: 'exon 19 deletion', result: 'detected', evidence: [ocr], needsCheck: true },
      { gene: 'ALK', alteration: 'fusion', result: 'not detected' },
      { gene: 'PD-L1', alteration: 'expression', result: 'detected', value: 5, unit: '%' },
    ],
    treatments: [{ name: 'osimertinib', category: 'targeted therapy', start: '2025-04', end: null }],
    conflicts: [{ field: 'diagnosis.histology', values: [{ value: 'adenocarcinoma', evidence: [] }, { value: 'squamous cell carcinoma', evidence: [] }], chosen: 'adenocarcinoma' }],
  };
}
const review = (r: Omit<FactReview, 'at'>): FactReview => ({ ...r, at: 1 });

describe('applyReviews', () => {
  it('without reviews keeps the facts and flags OCR facts for checking', () => {
    const p = applyReviews(merged(), new Map(), []);
    expect(p.facts.biomarkers).toHaveLength(3);
    expect(p.biomarkers[0]).toMatchObject({ key: 'biomarker:EGFR:exon 19 deletion', needsCheck: true });
    expect(p.biomarkers[1].needsCheck).toBe(false);
    expect(p.diagnosis?.fact.histology).toBe('adenocarcinoma');
    expect(p.conflicts[0].conflict.resolved).toBeUndefined();
  });

  it('applies confirmed, corrected and rejected reviews, and keeps the original for display', () => {
    const reviews = new Map<string, FactReview>([
      ['biomarker:EGFR:exon 19 deletion', review({ status: 'confirmed' })],
      ['biomarker:PD-L1:expression', review({ status: 'corrected', value: { value: 60 } })],
      ['treatment:osimertinib', review({ status: 'rejected' })],
      ['stage', review({ status: 'corrected', value: { group: 'IVB', m: 'M1c' } })],
    ]);
    const p = applyReviews(merged(), reviews, []);
    expect(p.biomarkers[0]).toMatchObject({ needsCheck: false, fact: { review: 'confirmed', needsCheck: false } });
    expect(p.biomarkers[2].fact).toMatchObject({ value: 60, review: 'corrected' });
    expect(p.biomarkers[2].extracted?.value).toBe(5);
    expect(p.facts.treatments[0].review).toBe('rejected'); // the engine drops rejected facts itself
    expect(p.facts.stage).toMatchObject({ group: 'IVB', t: 'T2a', m: 'M1c', review: 'corrected' });
    expect(p.stage?.extracted?.group).toBe('IVA');
  });

  it('keeps reviews when a record is read again and the facts come back in another order', () => {
    const reviews = new Map([['biomarker:ALK:fusion', review({ status: 'rejected' })]]);
    const again = merged();
    again.biomarkers.reverse();
    const p = applyReviews(again, reviews, []);
    expect(p.biomarkers.find((b) => b.fact.gene === 'ALK')?.fact.review).toBe('rejected');
    expect(p.biomarkers.filter((b) => b.review)).toHaveLength(1);
  });

  it('settles a conflict with the value the person chose', () => {
    const p = applyReviews(merged(), new Map([['conflict:diagnosis.histology', review({ status: 'corrected', chosen: 'squamous cell carcinoma' })]]), []);
    expect(p.conflicts[0].conflict).toMatchObject({ resolved: true, chosen: 'squamous cell carcinoma' });
    expect(p.facts.diagnosis.histology).toBe('squamous cell carcinoma');
    expect(p.facts.conflicts?.[0].resolved).toBe(true);
  });

  it('settles a biomarker conflict by putting the chosen record\'s result in place of the merged one', () => {
    const facts = merged();
    const other = { file: 'note.pdf', page: 2, quote: 'PD-L1 60%', source: 'text-layer' as const };
    facts.conflicts = [{
      field: 'biomarker:PD-L1',
      values: [
        { value: 'expression 5%', evidence: [], fact: { gene: 'PD-L1', alteration: 'expression', result: 'detected', value: 5, unit: '%' } },
        { value: 'expression 60%', evidence: [other], fact: { gene: 'PD-L1', alteration: 'expression', result: 'detected', value: 60, unit: '%' } },
      ],
      chosen: 'expression 5%',
    }];
    const key = 'conflict:biomarker:PD-L1';
    const kept = applyReviews(facts, new Map([[key, review({ status: 'corrected', chosen: 'expression 5%' })]]), []);
    expect(kept.facts.biomarkers.find((b) => b.gene === 'PD-L1')?.value).toBe(5);
    const p = applyReviews(facts, new Map([[key, review({ status: 'corrected', chosen: 'expression 60%' })]]), []);
    const pdl1 = p.facts.biomarkers.filter((b) => b.gene === 'PD-L1');
    expect(pdl1).toHaveLength(1);
    expect(pdl1[0]).toMatchObject({ value: 60, review: 'confirmed', evidence: [other] });
    expect(p.facts.conflicts?.[0]).toMatchObject({ resolved: true, chosen: 'expression 60%' });
    expect(p.facts.biomarkers.filter((b) => b.gene !== 'PD-L1')).toHaveLength(2);
  });

  it('adds the person\'s own facts, confirmed, and a diagnosis the records did not state', () => {
    const additions: Addition[] = [{ id: 'a1', addedAt: 1, kind: 'biomarker', fact: { gene: 'KRAS', alteration: 'G12C', result: 'detected', evidence: [ocr] } }];
    const facts = { ...merged(), diagnosis: emptyFacts().diagnosis };
    const p = applyReviews(facts, new Map([['diagnosis', review({ status: 'corrected', value: { histology: 'small cell carcinoma', cancerType: 'SCLC' } })]]), additions);
    expect(p.biomarkers.at(-1)).toMatchObject({ key: 'added:a1', addedId: 'a1', needsCheck: false, fact: { gene: 'KRAS', review: 'confirmed' } });
    expect(p.facts.biomarkers).toHaveLength(4);
    expect(p.diagnosis).toMatchObject({ extracted: null, fact: { cancerType: 'SCLC', review: 'corrected' } });
  });

  it('does not change the merged facts it was given', () => {
    const m = merged();
    const before = JSON.stringify(m);
    applyReviews(m, new Map([['stage', review({ status: 'rejected' })]]), []);
    expect(JSON.stringify(m)).toBe(before);
  });
});

describe('fact identity', () => {
  it('ignores case and spacing, and numbers repeats', () => {
    expect(biomarkerKey({ gene: 'egfr', alteration: ' Exon  19 deletion ' })).toBe('biomarker:EGFR:exon 19 deletion');
    expect(treatmentKey({ name: 'Osimertinib' })).toBe('treatment:osimertinib');
    expect(uniqueKeys([{ name: 'a' }, { name: 'A' }, { name: 'b' }], treatmentKey)).toEqual(['treatment:a', 'treatment:a#2', 'treatment:b']);
  });
});
