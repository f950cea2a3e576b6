// The condition language on facts: leaves, combinators, stage globs, rejected facts,
// conflicts (unknown, never guessed), and which facts each condition used.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/guidance/conditions.ts';
import { buildContext } from '../../../shared/guidance/context.ts';
import { describe as describeRef } from '../../../shared/guidance/because.ts';
import { stageMatches } from '../../../shared/guidance/globs.ts';
import type { Condition } from '../../../shared/guidance/types.ts';
import type { Facts } from '../../../shared/contract/facts.ts';
import { bm, broadNegative, facts, pdl1, tx } from './helpers.ts';

const egfrIV = facts({ stage: 'IVA', biomarkers: [bm('EGFR', 'exon 19 deletion'), bm('ALK', 'fusion', 'not detected'), pdl1(60)] });
const value = (c: Condition, f = egfrIV) => evaluate(c, buildContext(f)).value;

describe('stage globs follow the Roman numeral', () => {
  it.each([
    ['IA2', 'I*', true], ['IB', 'I*', true], ['I', 'I*', true], ['IIA', 'I*', false], ['IVA', 'I*', false],
    ['IIB', 'II*', true], ['IIIA', 'II*', false], ['IIIC', 'III*', true], ['IVB', 'IV*', true], ['IV', 'IV*', true],
    ['limited', 'limited', true], ['extensive', 'limited', false], ['IIIA', 'IIIA', true],
  ])('%s matches %s: %s', (group, pattern, want) => expect(stageMatches(group, pattern)).toBe(want));
});

describe('leaves', () => {
  it.each<[string, Condition, boolean]>([
    ['cancer type', { cancerType: 'NSCLC' }, true],
    ['cancer type list', { cancerType: ['SCLC', null] }, false],
    ['histology', { histology: ['adenocarcinoma'] }, true],
    ['stage', { stage: ['IV*'] }, true],
    ['stage known', { stageKnown: false }, false],
    ['biomarker with alteration list', { biomarker: { gene: 'EGFR', alteration: ['L858R', 'exon 19 deletion'], result: 'detected' } }, true],
    ['biomarker alteration glob', { biomarker: { gene: 'EGFR', alteration: 'exon 19*' } }, true],
    ['biomarker alterationNot', { biomarker: { gene: 'EGFR', alterationNot: ['exon 19 deletion'] } }, false],
    ['biomarker value at least', { biomarker: { gene: 'PD-L1', valueAtLeast: 50 } }, true],
    ['biomarker value below', { biomarker: { gene: 'PD-L1', valueBelow: 50 } }, false],
    ['negative result', { biomarker: { gene: 'ALK', result: 'not detected' } }, true],
    ['no biomarker', { noBiomarker: { gene: 'ROS1' } }, true],
    ['no biomarkers at all', { noBiomarkers: true }, false],
    ['driver', { driver: true }, true],
    ['no driver', { noDriver: true }, false],
    ['broad panel', { broadPanel: true }, false],
    ['full panel', { fullPanel: false }, true],
    ['no treatment', { noTreatment: {} }, true],
    ['surgery', { surgery: false }, true],
    ['progression', { progression: true }, false],
    ['equivocal', { equivocal: true }, false],
    ['all', { all: [{ stage: ['IV*'] }, { driver: true }] }, true],
    ['any', { any: [{ stage: ['I*'] }, { driver: true }] }, true],
    ['not', { not: { stage: ['IV*'] } }, false],
    ['several keys mean all', { stage: ['IV*'], histology: ['squamous cell carcinoma'] }, false],
  ])('%s', (_name, cond, want) => expect(value(cond)).toBe(want));

  it('reads stage IV from M1 when no group is written', () => {
    const f = facts({ stage: null, m: 'M1c' });
    expect(value({ stage: ['IVB'] }, f)).toBe(true);
    expect(value({ stageKnown: true }, f)).toBe(true);
  });

  it('a fusion driver gene without a driver result is not a driver', () => {
    expect(value({ driver: true }, facts({ biomarkers: [bm('KRAS', 'G12D'), bm('BRAF', 'G469A'), bm('ERBB2', 'amplification')] }))).toBe(false);
    expect(value({ driver: true }, facts({ biomarkers: [bm('ERBB2', 'exon 20 insertion')] }))).toBe(true);
  });

  it('treatments: ongoing, before and after surgery', () => {
    const f = facts({ stage: 'IIIA', treatments: [tx('cisplatin', 'chemotherapy', '2025-01-01', '2025-03-01'), tx('lobectomy', 'surgery', '2025-04-01'), tx('atezolizumab', 'immunotherapy', '2025-05-01')] });
    expect(value({ treatment: { category: 'chemotherapy', beforeSurgery: true } }, f)).toBe(true);
    expect(value({ treatment: { name: 'atezolizumab', afterSurgery: true, ongoing: true } }, f)).toBe(true);
    expect(value({ treatment: { name: 'cisplatin', ongoing: true } }, f)).toBe(false);
  });
});

describe('facts the person rejected are invisible', () => {
  it('a rejected biomarker, treatment, stage and diagnosis', () => {
    const f = facts({ stage: 'IVA', biomarkers: [{ ...bm('EGFR', 'L858R'), review: 'rejected' }], treatments: [{ ...tx('lobectomy', 'surgery'), review: 'rejected' }] });
    f.stage.review = 'rejected';
    f.diagnosis.review = 'rejected';
    expect(value({ biomarker: { gene: 'EGFR' } }, f)).toBe(false);
    expect(value({ noBiomarkers: true }, f)).toBe(true);
    expect(value({ surgery: true }, f)).toBe(false);
    expect(value({ stageKnown: false }, f)).toBe(true);
    expect(value({ cancerType: null }, f)).toBe(true);
  });
  it('confirmed and corrected facts count', () => {
    const f = facts({ biomarkers: [{ ...bm('EGFR', 'L858R'), review: 'corrected' }, { ...bm('ALK', 'fusion', 'not detected'), review: 'confirmed' }] });
    expect(value({ biomarker: { gene: 'EGFR', alteration: 'L858R' } }, f)).toBe(true);
    expect(value({ biomarker: { gene: 'ALK', result: 'not detected' } }, f)).toBe(true);
  });
});

describe('conflicts make a fact unknown, never guessed', () => {
  const conflicted = (field: string): Facts => ({
    ...egfrIV,
    conflicts: [{ field, values: [{ value: 'a', evidence: [] }, { value: 'b', evidence: [] }], chosen: 'a' }],
  });
  it.each<[string, Condition]>([
    ['stage.group', { stage: ['IV*'] }],
    ['stage.group', { not: { stage: ['IV*'] } }],
    ['stage.group', { stageKnown: true }],
    ['biomarker:EGFR', { biomarker: { gene: 'EGFR' } }],
    ['biomarker:EGFR', { not: { driver: true } }],
    ['diagnosis.histology', { histology: ['adenocarcinoma'] }],
  ])('%s: %j is unknown', (field, cond) => expect(value(cond, conflicted(field))).toBeNull());
  it('unknown never makes all hold; a true branch still makes any hold', () => {
    const f = conflicted('stage.group');
    expect(value({ all: [{ stage: ['IV*'] }, { driver: true }] }, f)).toBeNull();
    expect(value({ all: [{ stage: ['IV*'] }, { driver: false }] }, f)).toBe(false);
    expect(value({ any: [{ stage: ['IV*'] }, { driver: true }] }, f)).toBe(true);
  });
  it('a resolved conflict is settled', () => {
    const f = conflicted('stage.group');
    f.conflicts![0].resolved = true;
    expect(value({ stage: ['IV*'] }, f)).toBe(true);
  });
});

describe('each condition reports the facts it used', () => {
  const used = (c: Condition, f = egfrIV) => evaluate(c, buildContext(f)).used.map(describeRef);
  it('for a match', () => {
    expect(used({ all: [{ biomarker: { gene: 'EGFR', result: 'detected' } }, { stage: ['IV*'] }] })).toEqual(['EGFR exon 19 deletion detected', 'stage IVA (clinical)']);
  });
  it('for a negation, the facts that make the inner condition fail', () => {
    expect(used({ not: { histology: ['squamous cell carcinoma'] } })).toEqual(['adenocarcinoma']);
    expect(used({ noDriver: true }, facts({ biomarkers: broadNegative(10) }))[0]).toMatch(/^EGFR, ALK, ROS1.* not detected$/);
  });
  it('for an absence', () => {
    expect(used({ noBiomarker: { gene: 'PD-L1' } }, facts({}))).toEqual(['no PD-L1 results in these records']);
  });
});
