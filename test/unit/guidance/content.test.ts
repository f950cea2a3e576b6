// Content checks on the real knowledge base: every rule and section validates, names its
// sources and review month, asks rather than advises, and pairs every drug it names with the
// right biomarker from the one drug table (resources/vocab/drugs.json).
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../shared/guidance/types.ts';
import { drugsIn, drugTable, excludesSquamous, guaranteesLeaf, knowledgeFiles, pairedWith, realKnowledge, unknownDrugWords } from './helpers.ts';
import { loadKnowledge } from '../../../shared/guidance/knowledge.ts';
import { readability } from '../../../shared/guidance/readability.ts';

const k = realKnowledge();
const rules = k.rules.map((r) => ({ kind: 'rule', id: r.id, text: r.text, title: r.text, when: r.when as Condition }));
const sections = k.sections.map((s) => ({ kind: 'section', id: s.id, text: `${s.title}\n${s.summary}\n${s.body}`, title: s.title, when: s.when as Condition }));
const items = [...rules, ...sections];
const TRIAL = /trial|stud(y|ies)|investigational|research|experimental/i;
const list = (v: unknown) => (Array.isArray(v) ? v : [v]);

describe('knowledge base files', () => {
  it('all parse and validate, with no problems', () => {
    expect(k.problems).toEqual([]);
  });
  it('has at least 60 rules and 25 sections', () => {
    expect(k.rules.length).toBeGreaterThanOrEqual(60);
    expect(k.sections.length).toBeGreaterThanOrEqual(25);
  });
  it('reports a broken file instead of failing', () => {
    const broken = loadKnowledge({ ...knowledgeFiles(['rules']), 'rules/zz-broken.json': '[{"id": "x"}]', 'sections/zz.md': 'no header' });
    expect(broken.problems.map((p) => p.file)).toEqual(['rules/zz-broken.json', 'sections/zz.md']);
    expect(broken.rules.length).toBe(k.rules.length);
  });
});

describe.each(items)('$kind $id', (item) => {
  const source = item.kind === 'rule' ? k.rules.find((r) => r.id === item.id)! : k.sections.find((s) => s.id === item.id)!;
  it('has sources and a review month', () => {
    expect(source.sources.length).toBeGreaterThan(0);
    for (const s of source.sources) expect(s.trim().length).toBeGreaterThan(5);
    expect(source.reviewed).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
  });
  it('names only drugs from the drug table', () => {
    expect(unknownDrugWords(item.text)).toEqual([]);
  });
  it('pairs every targeted drug it names with a matching biomarker (or the person being on it)', () => {
    for (const drug of drugsIn(item.text).filter((d) => d.targets.length)) {
      expect(pairedWith(item.when, drug), `${drug.generic} in ${item.id}`).toBe(true);
    }
  });
  it('names tarlatamab only for small cell lung cancer', () => {
    if (/tarlatamab|imdelltra/i.test(item.text)) expect(guaranteesLeaf(item.when, 'cancerType', (v) => list(v).every((x) => x === 'SCLC'))).toBe(true);
  });
  it('offers CAR-T only as a trial', () => {
    if (/\bcar-?t\b/i.test(item.title)) expect(item.title).toMatch(TRIAL);
  });
});

describe.each(rules.concat(sections.map((s) => ({ ...s, text: s.title }))))('question or title of $kind $id', (item) => {
  it('never asks about pemetrexed or bevacizumab for squamous cancer', () => {
    if (/pemetrexed|bevacizumab|alimta|avastin/i.test(item.text)) expect(excludesSquamous(item.when)).toBe(true);
  });
  it('asks about durvalumab after chemoradiation only for unresectable stage III or limited SCLC', () => {
    if (/durvalumab/i.test(item.text) && /radiation/i.test(item.text)) {
      const stageIII = guaranteesLeaf(item.when, 'stage', (v) => list(v).every((s: string) => s.startsWith('III') || s === 'limited' || (s.startsWith('I') && !s.startsWith('IV'))));
      expect(stageIII).toBe(true);
      expect(guaranteesLeaf(item.when, 'surgery', (v) => v === false) || guaranteesLeaf(item.when, 'cancerType', (v) => list(v).every((x) => x === 'SCLC'))).toBe(true);
    }
  });
  it('asks about osimertinib after surgery only when there was surgery', () => {
    if (/osimertinib/i.test(item.text) && /after (the |my |your )?surgery|adjuvant|3 years|three years/i.test(item.text)) {
      expect(guaranteesLeaf(item.when, 'surgery', (v) => v === true)).toBe(true);
    }
  });
  it('asks about immunotherapy alone only with PD-L1 of 1% or more and no EGFR, ALK, ROS1 or RET driver', () => {
    if (/(immunotherapy|pembrolizumab|cemiplimab|atezolizumab|nivolumab) (alone|by itself|on its own)|monotherapy/i.test(item.text)) {
      expect(guaranteesLeaf(item.when, 'biomarker', (v) => v.gene === 'PD-L1' && v.valueAtLeast >= 1)).toBe(true);
      expect(guaranteesLeaf(item.when, 'noDriver', (v) => v === true)).toBe(true);
    }
  });
});

describe.each(rules)('rule $id', (rule) => {
  it('is a question for the care team, not advice', () => {
    expect(rule.text.trim()).toMatch(/\?$/);
    expect(rule.text).not.toMatch(/\byou (should|must|need to)\b|\b(take|stop|start) (this|that|it)\b(?!.*\?)/i);
  });
  it('keeps sentences short (plain language)', () => {
    for (const sentence of rule.text.split(/(?<=[.?!])\s+/)) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(32);
  });
});

describe('drug table', () => {
  it('knows the targets that the checks rely on', () => {
    const target = (g: string) => drugTable.drugs.find((d) => d.generic === g)!.targets;
    expect(target('osimertinib').map((t) => t.gene)).toEqual(['EGFR']);
    expect(target('zongertinib')[0].alterations).not.toContain('amplification');
    expect(target('sunvozertinib').map((t) => t.gene)).toEqual(['EGFR']);
    expect(drugTable.drugs.find((d) => d.generic === 'tarlatamab')!.mechanism).toBe('t-cell-engager');
  });
});

describe('the content checks catch mistakes', () => {
  const osimertinib = drugTable.drugs.find((d) => d.generic === 'osimertinib')!;
  const zongertinib = drugTable.drugs.find((d) => d.generic === 'zongertinib')!;
  const sunvozertinib = drugTable.drugs.find((d) => d.generic === 'sunvozertinib')!;
  it('a targeted drug without its biomarker', () => {
    expect(pairedWith({ stage: ['IV*'] }, osimertinib)).toBe(false);
    expect(pairedWith({ any: [{ biomarker: { gene: 'EGFR', alteration: 'L858R', result: 'detected' } }, { stage: ['IV*'] }] }, osimertinib)).toBe(false);
    expect(pairedWith({ not: { biomarker: { gene: 'EGFR', alteration: 'L858R', result: 'detected' } } }, osimertinib)).toBe(false);
    expect(pairedWith({ biomarker: { gene: 'EGFR', alteration: 'exon 20 insertion', result: 'detected' } }, osimertinib)).toBe(false);
    expect(pairedWith({ biomarker: { gene: 'EGFR', alteration: 'L858R', result: 'detected' } }, osimertinib)).toBe(true);
  });
  it('HER2 pills for amplification, EGFR exon 20 drugs for ERBB2 exon 20', () => {
    expect(pairedWith({ biomarker: { gene: 'ERBB2', alteration: 'amplification', result: 'detected' } }, zongertinib)).toBe(false);
    expect(pairedWith({ biomarker: { gene: 'ERBB2', alteration: 'exon 20 insertion', result: 'detected' } }, zongertinib)).toBe(true);
    expect(pairedWith({ biomarker: { gene: 'ERBB2', alteration: 'exon 20 insertion', result: 'detected' } }, sunvozertinib)).toBe(false);
  });
  it('pemetrexed without excluding squamous', () => {
    expect(excludesSquamous({ stage: ['IV*'] })).toBe(false);
    expect(excludesSquamous({ all: [{ stage: ['IV*'] }, { not: { histology: ['squamous cell carcinoma'] } }] })).toBe(true);
  });
  it('drug-like words missing from the table', () => {
    expect(unknownDrugWords('Ask about savolitinib or madeupmab')).toEqual(['madeupmab']);
  });
});

describe('plain language (Flesch–Kincaid, shared/guidance/readability.ts)', () => {
  it('each section body reads at grade 10 or below, and at about grade 8 on average', () => {
    const grades = k.sections.map((s) => ({ id: s.id, grade: readability(s.body).grade }));
    expect(grades.filter((g) => g.grade > 10)).toEqual([]);
    expect(grades.reduce((a, g) => a + g.grade, 0) / grades.length).toBeLessThanOrEqual(8.5);
  });
  it('rule questions read at about grade 8 on average (drug names included)', () => {
    const grades = k.rules.map((r) => readability(r.text).grade);
    expect(grades.reduce((a, g) => a + g, 0) / grades.length).toBeLessThanOrEqual(9);
  });
});
