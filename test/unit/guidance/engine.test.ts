// The whole engine: guidance/1 shape, conflicts surfaced rather than guessed, rejected facts
// hidden everywhere, missing items, ranking, and lenient reading of facts from outside.
import { describe, expect, it } from 'vitest';
import { GuidanceSchema } from '../../../shared/contract/guidance.ts';
import { guide } from '../../../shared/guidance/engine.ts';
import { readFacts } from '../../../shared/guidance/facts-input.ts';
import { splitHeader } from '../../../shared/guidance/knowledge.ts';
import { bm, broadNegative, facts, pdl1, realKnowledge, tx } from './helpers.ts';

const k = realKnowledge();

describe('guidance/1', () => {
  it('validates and lists questions most relevant first', () => {
    const g = guide(facts({ biomarkers: [bm('EGFR', 'L858R'), pdl1(10)] }), 'what is osimertinib', k);
    expect(GuidanceSchema.parse(g)).toBeTruthy();
    const priorities = g.questions.map((q) => q.priority ?? 0);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(g.question).toBe('what is osimertinib');
  });
  it('empty facts give no questions, sections or missing items', () => {
    const g = guide(readFacts({ format: 'facts/1' }), null, k);
    expect(g).toMatchObject({ questions: [], sections: [], missing: [] });
  });
});

describe('conflicts are surfaced, not guessed', () => {
  const base = facts({ stage: 'IIIA', biomarkers: [bm('EGFR', 'L858R')], treatments: [tx('lobectomy', 'surgery')] });
  const withConflict = {
    ...base,
    conflicts: [{ field: 'stage.group', chosen: 'IIIA', values: [
      { value: 'IIIA', evidence: [{ file: '02-pathology.pdf', page: 3, quote: 'pT2a pN2' }] },
      { value: 'IIB', evidence: [{ file: '04-note.pdf', page: 1, quote: 'stage IIB' }] },
    ] }],
  };
  it('asks the care team which value is right, naming both and where they were read', () => {
    const g = guide(withConflict, null, k);
    const q = g.questions.find((x) => x.id === 'conflict-stage-group')!;
    expect(q.text).toMatch(/disagree about the stage: "IIIA" or "IIB"/);
    expect(q.because).toEqual(['IIIA (02-pathology.pdf, page 3)', 'IIB (04-note.pdf, page 1)']);
    expect(g.missing.map((m) => m.id)).toContain('conflict-stage-group');
  });
  it('does not use the disputed stage for stage-dependent questions', () => {
    const before = guide(base, null, k).questions.map((q) => q.id);
    const after = guide(withConflict, null, k).questions.map((q) => q.id);
    expect(before).toContain('egfr-adjuvant-osimertinib');
    expect(after).not.toContain('egfr-adjuvant-osimertinib');
    expect(after).not.toContain('stage-unknown');
  });
  it('a disputed biomarker drives no drug question', () => {
    const f = { ...facts({ biomarkers: [bm('ALK', 'fusion')] }), conflicts: [{ field: 'biomarker:ALK', chosen: 'detected', values: [{ value: 'detected', evidence: [] }, { value: 'not detected', evidence: [] }] }] };
    const g = guide(f, null, k);
    expect(g.questions.map((q) => q.text).join(' ')).not.toMatch(/alectinib|lorlatinib/);
    expect(g.questions[0].text).toMatch(/ALK result/);
  });
});

describe('rejected facts show nowhere', () => {
  it('an EGFR result the person rejected', () => {
    const g = guide(facts({ biomarkers: [{ ...bm('EGFR', 'exon 19 deletion'), review: 'rejected' }, pdl1(20)] }), null, k);
    const all = JSON.stringify([g.questions, g.sections]);
    expect(all).not.toMatch(/osimertinib|EGFR exon 19/);
    expect(g.missing.map((m) => m.id)).toContain('no-biomarker-testing');
  });
});

describe('missing', () => {
  it.each([
    ['no stage', facts({ stage: null }), 'no-stage'],
    ['no biomarkers, stage IV', facts({}), 'no-biomarker-testing'],
    ['no PD-L1, no driver, stage IV', facts({ biomarkers: broadNegative(10).filter((b) => b.gene !== 'PD-L1') }), 'no-pd-l1'],
    ['partial panel', facts({ biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected')] }), 'partial-panel'],
    ['EGFR/ALK before surgery', facts({ stage: 'IIB', biomarkers: [bm('EGFR', null, 'not detected'), pdl1(5)] }), 'egfr-alk-not-found'],
    ['equivocal', facts({ biomarkers: [bm('MET', 'amplification', 'equivocal')] }), 'equivocal-met'],
    ['no histology', facts({ histology: null, cancerType: 'NSCLC' }), 'no-histology'],
    ['no diagnosis', facts({ histology: null, cancerType: null }), 'no-diagnosis'],
  ])('%s', (_n, f, id) => expect(guide(f, null, k).missing.map((m) => m.id)).toContain(id));
  it('nothing about drivers when a driver is known', () => {
    const ids = guide(facts({ biomarkers: [bm('ALK', 'fusion')] }), null, k).missing.map((m) => m.id);
    expect(ids).not.toContain('partial-panel');
    expect(ids).not.toContain('no-pd-l1');
  });
  it('no NSCLC testing items for small cell or carcinoid', () => {
    expect(guide(facts({ histology: 'small cell carcinoma', stage: 'extensive' }), null, k).missing).toEqual([]);
    expect(guide(facts({ histology: 'carcinoid', stage: 'IB' }), null, k).missing).toEqual([]);
  });
});

describe('reading facts leniently', () => {
  it('tolerates unknown members and missing evidence, keeps what it can', () => {
    const f = readFacts({ format: 'facts/1', extra: 1, diagnosis: { cancerType: 'NSCLC', histology: 'mesothelioma-like', note: 'x' }, biomarkers: [{ gene: 'EGFR', result: 'detected', alteration: 'L858R', foo: 1 }, { nope: true }], treatments: [{ name: 'Osimertinib' }] });
    expect(f.biomarkers).toHaveLength(1);
    expect(f.diagnosis.histology).toBe('mesothelioma-like');
    expect(f.stage.group).toBeNull();
    expect(GuidanceSchema.safeParse(guide(f, null, k)).success).toBe(true);
  });
  it.each([[null], [[]], ['text'], [{ format: 'facts/2' }]])('refuses %j', (raw) => expect(() => readFacts(raw)).toThrow());
});

describe('knowledge file headers', () => {
  it('splits a JSON header from the Markdown body', () => {
    expect(splitHeader('---\n{"id": "x"}\n---\nBody\n')).toEqual({ header: { id: 'x' }, body: 'Body' });
    expect(() => splitHeader('no header')).toThrow();
  });
});
