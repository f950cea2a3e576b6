// Clinical safety invariants over many generated fact profiles: whatever the engine shows
// (question texts and section titles) must be right for the person. Drug–biomarker pairs
// come from the one drug table, not from a list kept here.
import { describe, expect, it } from 'vitest';
import type { Biomarker, Facts, Treatment } from '../../../shared/contract/facts.ts';
import { GuidanceSchema } from '../../../shared/contract/guidance.ts';
import { guide } from '../../../shared/guidance/engine.ts';
import type { Knowledge, Rule } from '../../../shared/guidance/types.ts';
import { bm, broadNegative, drugsIn, facts, pdl1, realKnowledge, targetFits, tx } from './helpers.ts';

const k = realKnowledge();
const TRIAL = /trial|stud(y|ies)|investigational|research|experimental/i;
const IO_ALONE = /(immunotherapy|pembrolizumab|cemiplimab|atezolizumab|nivolumab) (alone|by itself|on its own)|monotherapy/i;

const NSCLC_BIOMARKERS: Record<string, Biomarker[]> = {
  none: [],
  'pd-l1 only': [pdl1(40)],
  'egfr/alk negative': [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected'), pdl1(30)],
  'no driver 0': broadNegative(0), 'no driver 25': broadNegative(25), 'no driver 75': broadNegative(75),
  'egfr ex19': [bm('EGFR', 'exon 19 deletion'), pdl1(60)], 'egfr l858r': [bm('EGFR', 'L858R'), pdl1(0)],
  'egfr ex20': [bm('EGFR', 'exon 20 insertion')], 'egfr g719a+s768i': [bm('EGFR', 'G719A'), bm('EGFR', 'S768I')],
  'egfr t790m': [bm('EGFR', 'exon 19 deletion'), bm('EGFR', 'T790M', 'detected', { specimen: 'plasma' })],
  'egfr + met amp': [bm('EGFR', 'L858R'), bm('MET', 'amplification')],
  alk: [bm('ALK', 'fusion'), pdl1(80)], 'alk equivocal': [bm('ALK', 'fusion', 'equivocal'), bm('EGFR', null, 'not detected'), pdl1(70)],
  ros1: [bm('ROS1', 'fusion')], 'kras g12c': [bm('KRAS', 'G12C'), pdl1(55)], 'kras g12v': [bm('KRAS', 'G12V'), ...broadNegative(10).filter((b) => b.gene !== 'KRAS')],
  braf: [bm('BRAF', 'V600E')], 'met ex14': [bm('MET', 'exon 14 skipping')], 'met overexpression': [bm('MET', 'overexpression')],
  ret: [bm('RET', 'fusion'), pdl1(0)], ntrk1: [bm('NTRK1', 'fusion')], 'erbb2 ex20': [bm('ERBB2', 'exon 20 insertion')],
  'erbb2 amp': [bm('ERBB2', 'amplification'), ...broadNegative(20).filter((b) => b.gene !== 'ERBB2')], nrg1: [bm('NRG1', 'fusion')],
};
const NSCLC_STAGES = ['IA2', 'IB', 'IIA', 'IIB', 'IIIA', 'IIIB', 'IIIC', 'IVA', 'IVB', null];
const HISTOLOGIES = ['adenocarcinoma', 'squamous cell carcinoma', 'NSCLC NOS'];
const TREATMENTS: Record<string, Treatment[]> = {
  none: [],
  surgery: [tx('lobectomy', 'surgery', '2025-01-10')],
  'surgery + chemo + atezolizumab': [tx('lobectomy', 'surgery', '2024-11-01'), tx('cisplatin', 'chemotherapy', '2024-12-01', '2025-03-01'), tx('atezolizumab', 'immunotherapy', '2025-04-01')],
  chemoradiation: [tx('chemoradiation', 'radiation', '2025-01-01', '2025-02-15'), tx('carboplatin', 'chemotherapy', '2025-01-01', '2025-02-15')],
  'chemo-io ongoing': [tx('carboplatin', 'chemotherapy', '2025-02-01'), tx('pembrolizumab', 'immunotherapy', '2025-02-01')],
  'second line': [tx('carboplatin', 'chemotherapy', '2024-02-01', '2024-12-01'), tx('pembrolizumab', 'immunotherapy', '2024-02-01', '2024-12-01'), tx('docetaxel', 'chemotherapy', '2025-01-05')],
  'osimertinib stopped': [tx('osimertinib', 'targeted therapy', '2023-01-01', '2025-01-01', { endReason: 'progression' })],
};

function profiles(): { name: string; f: Facts }[] {
  const out: { name: string; f: Facts }[] = [];
  for (const histology of HISTOLOGIES) for (const stage of NSCLC_STAGES) for (const [bName, biomarkers] of Object.entries(NSCLC_BIOMARKERS)) {
    for (const [tName, treatments] of Object.entries(TREATMENTS)) {
      out.push({ name: `${histology} ${stage} ${bName} ${tName}`, f: facts({ histology, stage, biomarkers, treatments, basis: tName.startsWith('surgery') ? 'pathologic' : 'clinical' }) });
    }
  }
  for (const stage of ['limited', 'extensive', 'IIIA', 'IVB', null]) for (const egfr of [[], [bm('EGFR', 'exon 19 deletion')]]) {
    for (const treatments of [[], [tx('carboplatin', 'chemotherapy', '2024-01-01', '2024-04-01'), tx('etoposide', 'chemotherapy', '2024-01-01', '2024-04-01'), tx('lurbinectedin', 'chemotherapy', '2024-08-01')], [tx('chemoradiation', 'radiation', '2025-01-01', '2025-02-01'), tx('durvalumab', 'immunotherapy', '2025-03-01')]]) {
      out.push({ name: `sclc ${stage} ${egfr.length} ${treatments.length}`, f: facts({ histology: 'small cell carcinoma', stage, biomarkers: egfr, treatments }) });
    }
  }
  for (const stage of ['IA2', 'IIA', 'IVA', null]) for (const treatments of [[], [tx('lobectomy', 'surgery')]]) {
    out.push({ name: `carcinoid ${stage}`, f: facts({ histology: 'carcinoid', stage, treatments }) });
    out.push({ name: `lcnec ${stage}`, f: facts({ histology: 'large cell neuroendocrine carcinoma', stage, treatments }) });
  }
  return out;
}

function problems(f: Facts, knowledge: Knowledge = k): string[] {
  const g = guide(f, null, knowledge);
  const out: string[] = [];
  if (!GuidanceSchema.safeParse(g).success) out.push('not guidance/1');
  if (!g.questions.length) out.push('no questions');
  const detected = f.biomarkers.filter((b) => b.result === 'detected');
  const on = new Set(f.treatments.map((t) => t.name));
  const squamous = f.diagnosis.histology === 'squamous cell carcinoma';
  const sclc = f.diagnosis.cancerType === 'SCLC';
  const surgery = f.treatments.some((t) => t.category === 'surgery');
  const stage = f.stage.group ?? '';
  const pdl1Low = f.biomarkers.some((b) => b.gene === 'PD-L1' && (b.result === 'not detected' || (b.value ?? 100) < 1));
  const strongDriver = detected.some((b) => ['EGFR', 'ALK', 'ROS1', 'RET'].includes(b.gene) && b.alteration !== 'amplification');
  const shown = [...g.questions.map((q) => q.text), ...g.sections.map((s) => s.title)];
  for (const text of shown) {
    for (const drug of drugsIn(text).filter((d) => d.targets.length)) {
      if (!on.has(drug.generic) && !detected.some((b) => targetFits(drug, b.gene, b.alteration))) out.push(`${drug.generic} without its biomarker: ${text}`);
    }
    if (/tarlatamab/i.test(text) && !sclc) out.push(`tarlatamab outside SCLC: ${text}`);
    if (/pemetrexed|bevacizumab/i.test(text) && squamous) out.push(`pemetrexed/bevacizumab for squamous: ${text}`);
    if (IO_ALONE.test(text) && (pdl1Low || strongDriver)) out.push(`immunotherapy alone: ${text}`);
    if (/durvalumab/i.test(text) && /radiation/i.test(text) && !((stage.startsWith('III') && !surgery) || (sclc && stage !== 'extensive'))) out.push(`durvalumab after chemoradiation: ${text}`);
    if (/osimertinib/i.test(text) && /after (the |my |your )?surgery|adjuvant|3 years|three years/i.test(text) && !surgery) out.push(`adjuvant osimertinib without surgery: ${text}`);
    // atezolizumab after surgery is labelled for PD-L1 of 1 % or more (IMpower010)
    if (/atezolizumab/i.test(text) && /after (the |my |your )?surgery|adjuvant|coming back/i.test(text) && pdl1Low) out.push(`adjuvant atezolizumab with PD-L1 below 1%: ${text}`);
    if (/\bcar-?t\b/i.test(text) && !TRIAL.test(text)) out.push(`CAR-T outside a trial: ${text}`);
    if (sclc && !detected.some((b) => b.gene === 'EGFR') && /\begfr\b|osimertinib|\balk\b|non.?small|\bnsclc\b/i.test(text)) out.push(`NSCLC content for SCLC: ${text}`);
    if (/hospice/i.test(text) && !stage.startsWith('IV') && stage !== 'extensive') out.push(`hospice: ${text}`);
  }
  for (const q of g.questions) {
    if (!q.because.length || q.because.some((b) => !b.trim())) out.push(`no because: ${q.id}`);
    if (/\{[A-Za-z:-]+\}/.test(q.text)) out.push(`unfilled placeholder: ${q.text}`);
  }
  return out;
}

describe('safety invariants over generated profiles', () => {
  const all = profiles();
  it(`hold for all ${all.length} profiles, each with at least one question that explains itself`, () => {
    const found = all.flatMap(({ name, f }) => problems(f).map((p) => `${name}: ${p}`));
    expect(found.slice(0, 20)).toEqual([]);
  });
});

describe('the invariants catch a wrong rule', () => {
  const bad = (text: string, when: Rule['when']): Knowledge => ({ ...k, rules: [{ id: 'bad', text, when, topics: [], priority: 99, sources: ['x'], reviewed: '2026-11' }] });
  it.each<[string, Rule['when'], Facts]>([
    ['Should I take osimertinib?', { stage: ['IV*'] }, facts({ biomarkers: broadNegative(10) })],
    ['Would pemetrexed help?', { stage: ['IV*'] }, facts({ histology: 'squamous cell carcinoma' })],
    ['Should I have immunotherapy alone?', { stage: ['IV*'] }, facts({ biomarkers: [bm('EGFR', 'L858R'), pdl1(80)] })],
    ['Is durvalumab after chemoradiation for me?', { stage: ['IV*'] }, facts({})],
    ['Should I take osimertinib after surgery for 3 years?', { biomarker: { gene: 'EGFR' } }, facts({ stage: 'IIIA', biomarkers: [bm('EGFR', 'L858R')] })],
    ['Is CAR-T an option?', { cancerType: 'SCLC' }, facts({ histology: 'small cell carcinoma', stage: 'extensive' })],
    ['Would zongertinib help?', { biomarker: { gene: 'ERBB2' } }, facts({ biomarkers: [bm('ERBB2', 'amplification')] })],
    ['Would amivantamab help my HER2 exon 20?', { biomarker: { gene: 'ERBB2' } }, facts({ biomarkers: [bm('ERBB2', 'exon 20 insertion')] })],
    ['Is tarlatamab for me?', { stage: ['IV*'] }, facts({})],
    ['Would atezolizumab after surgery help?', { surgery: true }, facts({ stage: 'IIA', biomarkers: [pdl1(0)], treatments: [tx('lobectomy', 'surgery')] })],
  ])('%s', (text, when, f) => expect(problems(f, bad(text, when)).length).toBeGreaterThan(0));
});
