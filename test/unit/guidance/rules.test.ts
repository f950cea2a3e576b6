// Rule families on fact profiles written for these tests: what each family asks, what it
// must never ask, which sections match and what is flagged missing. Negatives included.
import { describe, expect, it } from 'vitest';
import { guide } from '../../../shared/guidance/engine.ts';
import { bm, broadNegative, facts, pdl1, type Profile, realKnowledge, tx } from './helpers.ts';

type Case = { name: string; p: Profile; asks?: RegExp[]; never?: RegExp[]; sections?: RegExp[]; missing?: RegExp[]; noMissing?: RegExp[] };
const k = realKnowledge();
const TARGETED = /osimertinib|lazertinib|amivantamab|afatinib|alectinib|lorlatinib|brigatinib|ensartinib|crizotinib|entrectinib|repotrectinib|taletrectinib|larotrectinib|sotorasib|adagrasib|dabrafenib|encorafenib|capmatinib|tepotinib|selpercatinib|pralsetinib|zongertinib|sevabertinib|zenocutuzumab/i;
const IO_ALONE = /(immunotherapy|pembrolizumab|cemiplimab|atezolizumab|nivolumab) (alone|by itself|on its own)|monotherapy/i;
const CHEMORT_DURVA = /^(?=.*durvalumab)(?=.*radiation)/i;

function check(c: Case) {
  const g = guide(facts(c.p), null, k);
  const texts = g.questions.map((q) => q.text);
  const shown = [...texts, ...g.sections.map((s) => s.title)];
  for (const re of c.asks ?? []) expect(texts.some((t) => re.test(t)), `asks ${re}\n${texts.join('\n')}`).toBe(true);
  for (const re of c.never ?? []) expect(shown.filter((t) => re.test(t)), `never ${re}`).toEqual([]);
  for (const re of c.sections ?? []) expect(g.sections.some((s) => re.test(s.title) || re.test(s.id)), `section ${re}: ${g.sections.map((s) => s.id)}`).toBe(true);
  for (const re of c.missing ?? []) expect(g.missing.some((m) => re.test(m.text) || re.test(m.id)), `missing ${re}: ${g.missing.map((m) => m.id)}`).toBe(true);
  for (const re of c.noMissing ?? []) expect(g.missing.filter((m) => re.test(m.id))).toEqual([]);
  for (const q of g.questions) expect(q.because.length).toBeGreaterThan(0);
}

const families: Record<string, Case[]> = {
  testing: [
    { name: 'advanced adenocarcinoma, nothing tested', p: { stage: 'IVB' }, asks: [/\bNGS\b/, /PD-L1/, /waiting for the gene/], never: [TARGETED, IO_ALONE], sections: [/testing/], missing: [/no-biomarker-testing/, /no-pd-l1/] },
    { name: 'advanced, EGFR and ALK negative only', p: { stage: 'IVA', biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected'), pdl1(20)] }, asks: [/ROS1.*NRG1.*RNA/], never: [TARGETED], missing: [/partial-panel/] },
    { name: 'advanced, some genes missing', p: { stage: 'IVA', biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected'), bm('KRAS', null, 'not detected'), pdl1(20)] }, asks: [/BRAF/], missing: [/BRAF/] },
    { name: 'a full negative panel: no testing gaps', p: { stage: 'IVA', biomarkers: broadNegative(20) }, never: [/\bNGS\b|RNA test/], noMissing: [/partial-panel|no-biomarker-testing|no-pd-l1/] },
    { name: 'equivocal result', p: { biomarkers: [bm('ROS1', 'fusion', 'equivocal'), bm('EGFR', null, 'not detected')] }, asks: [/ROS1 fusion.*equivocal.*(repeat|confirm)/], never: [/entrectinib|repotrectinib|taletrectinib|crizotinib/], missing: [/equivocal-ros1/] },
    { name: 'squamous stage IV, EGFR and ALK only', p: { histology: 'squamous cell carcinoma', biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected'), pdl1(10)] }, asks: [/broader gene panel/], never: [TARGETED, /pemetrexed/] },
    { name: 'NSCLC NOS', p: { histology: 'NSCLC NOS', biomarkers: [bm('EGFR', null, 'not detected')] }, asks: [/not otherwise specified/], missing: [/histology-nos/] },
    { name: 'no stage', p: { stage: null, biomarkers: [bm('ALK', 'fusion')] }, asks: [/stage/], missing: [/no-stage/], never: [/after surgery|chemoradiation/] },
    { name: 'blood test only, negative', p: { biomarkers: [bm('EGFR', null, 'not detected', { specimen: 'plasma' }), bm('ALK', 'fusion', 'not detected', { specimen: 'plasma' })] }, asks: [/tissue test/], missing: [/plasma-negative-only/] },
    { name: 'stage IA: no testing questions', p: { stage: 'IA1', histology: 'squamous cell carcinoma' }, never: [/\bNGS\b|EGFR|PD-L1/], noMissing: [/no-biomarker-testing|no-pd-l1/] },
  ],
  egfr: [
    { name: 'L858R stage IVB, untreated', p: { stage: 'IVB', biomarkers: [bm('EGFR', 'L858R'), pdl1(70)] }, asks: [/osimertinib.*chemotherapy.*amivantamab/, /EGFR L858R/, /driver change and high PD-L1/], never: [IO_ALONE, /after surgery|adjuvant/, CHEMORT_DURVA], sections: [/nsclc-egfr-common/] },
    { name: 'exon 19 resected stage IIA', p: { stage: 'IIA', basis: 'pathologic', biomarkers: [bm('EGFR', 'exon 19 deletion')], treatments: [tx('lobectomy', 'surgery')] }, asks: [/osimertinib after surgery/, /chemotherapy after surgery\? Should it come before osimertinib/], never: [/amivantamab|lazertinib/, CHEMORT_DURVA] },
    { name: 'exon 19 stage IA resected: no adjuvant osimertinib', p: { stage: 'IA3', biomarkers: [bm('EGFR', 'exon 19 deletion')], treatments: [tx('lobectomy', 'surgery')] }, never: [/osimertinib/] },
    { name: 'stage III after chemoradiation', p: { stage: 'IIIB', biomarkers: [bm('EGFR', 'L858R')], treatments: [tx('chemoradiation', 'radiation', '2025-01-01', '2025-02-15')] }, asks: [/osimertinib.*instead of durvalumab/], never: [/^(?=.*durvalumab)(?!.*osimertinib)/i, /after surgery|adjuvant/] },
    { name: 'exon 20 insertion', p: { biomarkers: [bm('EGFR', 'exon 20 insertion')] }, asks: [/amivantamab with chemotherapy/], never: [/osimertinib|lazertinib|mobocertinib/], sections: [/exon20/] },
    { name: 'uncommon G719S', p: { biomarkers: [bm('EGFR', 'G719S')] }, asks: [/afatinib/, /EGFR G719S/], never: [/exon 19|L858R|lazertinib/] },
    { name: 'T790M after gefitinib', p: { biomarkers: [bm('EGFR', 'L858R'), bm('EGFR', 'T790M')], treatments: [tx('gefitinib', 'targeted therapy', '2022-01-01', '2024-12-01')] }, asks: [/switching to osimertinib/], never: [/lazertinib|first treatment/] },
    { name: 'progressed on osimertinib', p: { biomarkers: [bm('EGFR', 'exon 19 deletion')], treatments: [tx('osimertinib', 'targeted therapy', '2023-01-01', '2025-06-01', { endReason: 'progression' })] }, asks: [/amivantamab with chemotherapy/, /new biopsy/], never: [/lazertinib/], sections: [/resistance/], missing: [/no-testing-after-progression/] },
    { name: 'on osimertinib', p: { biomarkers: [bm('EGFR', 'L858R')], treatments: [tx('osimertinib', 'targeted therapy')] }, asks: [/side effects of osimertinib/, /interact with osimertinib/], never: [/first treatment/] },
    { name: 'on adjuvant osimertinib', p: { stage: 'IB', basis: 'pathologic', biomarkers: [bm('EGFR', 'L858R')], treatments: [tx('lobectomy', 'surgery', '2025-01-01'), tx('osimertinib', 'targeted therapy', '2025-02-15')] }, asks: [/How long will I take osimertinib after surgery/], never: [/Should I take osimertinib after surgery/, /new biopsy/] },
    { name: 'stage IV on first-line osimertinib', p: { biomarkers: [bm('EGFR', 'L858R')], treatments: [tx('osimertinib', 'targeted therapy')] }, asks: [/If my EGFR medicine stops working/], never: [/amivantamab|lazertinib/] },
    { name: 'no EGFR: no EGFR drugs', p: { biomarkers: [bm('EGFR', null, 'not detected'), pdl1(30)] }, never: [/osimertinib|amivantamab|afatinib|lazertinib/] },
  ],
  fusions: [
    { name: 'ALK stage IV untreated', p: { biomarkers: [bm('ALK', 'fusion'), pdl1(60)] }, asks: [/alectinib.*lorlatinib.*brain/], never: [/osimertinib/, IO_ALONE], sections: [/nsclc-alk/] },
    { name: 'ALK resected IIIA', p: { stage: 'IIIA', basis: 'pathologic', biomarkers: [bm('ALK', 'fusion')], treatments: [tx('lobectomy', 'surgery')] }, asks: [/alectinib for 2 years/], never: [/lorlatinib|brigatinib/] },
    { name: 'ALK progression on alectinib', p: { biomarkers: [bm('ALK', 'fusion')], treatments: [tx('alectinib', 'targeted therapy', '2022-01-01', '2024-06-01', { endReason: 'progression' }), tx('lorlatinib', 'targeted therapy', '2024-06-20')] }, asks: [/ALK resistance/, /cholesterol/], never: [/Which ALK pill is best for me first/] },
    { name: 'ROS1', p: { biomarkers: [bm('ROS1', 'fusion')] }, asks: [/taletrectinib/], never: [/alectinib|lorlatinib/], sections: [/ros1/] },
    { name: 'RET with PD-L1 below 1%', p: { biomarkers: [bm('RET', 'fusion'), pdl1(0)] }, asks: [/selpercatinib/], never: [IO_ALONE], sections: [/\bret\b/i] },
    { name: 'NTRK2', p: { biomarkers: [bm('NTRK2', 'fusion')] }, asks: [/larotrectinib/], sections: [/ntrk/] },
    { name: 'RET after chemo-immunotherapy', p: { biomarkers: [bm('RET', 'fusion')], treatments: [tx('carboplatin', 'chemotherapy'), tx('pembrolizumab', 'immunotherapy')] }, asks: [/selpercatinib or pralsetinib an option/], never: [/first treatment/] },
    { name: 'NRG1', p: { biomarkers: [bm('NRG1', 'fusion')] }, asks: [/zenocutuzumab/], never: [/zongertinib|sevabertinib/], sections: [/nrg1/] },
  ],
  'other drivers': [
    { name: 'KRAS G12C', p: { biomarkers: [bm('KRAS', 'G12C'), pdl1(10)] }, asks: [/sotorasib/], sections: [/kras/] },
    { name: 'KRAS G12C after chemo-immunotherapy stopped working', p: { biomarkers: [bm('KRAS', 'G12C')], treatments: [tx('carboplatin', 'chemotherapy', '2024-01-01', '2024-10-01'), tx('pembrolizumab', 'immunotherapy', '2024-01-01', '2024-10-01'), tx('docetaxel', 'chemotherapy', '2024-11-01')] }, asks: [/sotorasib or adagrasib next/], never: [/What is the first treatment/] },
    { name: 'MET exon 14 after chemo', p: { biomarkers: [bm('MET', 'exon 14 skipping')], treatments: [tx('carboplatin', 'chemotherapy')] }, asks: [/capmatinib or tepotinib an option/], never: [/first treatment/] },
    { name: 'KRAS G12D', p: { biomarkers: [bm('KRAS', 'G12D')] }, asks: [/not G12C/], never: [/sotorasib|adagrasib/] },
    { name: 'BRAF V600E', p: { biomarkers: [bm('BRAF', 'V600E')] }, asks: [/dabrafenib/], sections: [/braf/] },
    { name: 'BRAF G469A', p: { biomarkers: [bm('BRAF', 'G469A')] }, asks: [/non-V600/], never: [/dabrafenib|encorafenib/] },
    { name: 'MET exon 14 skipping', p: { biomarkers: [bm('MET', 'exon 14 skipping')] }, asks: [/capmatinib/], never: [/telisotuzumab/], sections: [/met-exon14/] },
    { name: 'MET amplification alone', p: { biomarkers: [bm('MET', 'amplification'), bm('EGFR', null, 'not detected')] }, asks: [/MET amplification, without an EGFR change/], never: [/capmatinib|tepotinib|telisotuzumab|osimertinib/], sections: [/met-amplification/] },
    { name: 'c-Met overexpression, squamous', p: { histology: 'squamous cell carcinoma', biomarkers: [bm('MET', 'overexpression')] }, never: [/telisotuzumab/] },
    { name: 'c-Met overexpression, adenocarcinoma', p: { biomarkers: [bm('MET', 'overexpression')] }, asks: [/telisotuzumab/] },
    { name: 'ERBB2 exon 20 insertion', p: { biomarkers: [bm('ERBB2', 'exon 20 insertion')] }, asks: [/zongertinib/], never: [/amivantamab|sunvozertinib|mobocertinib/], sections: [/erbb2/] },
    { name: 'ERBB2 amplification', p: { biomarkers: [bm('ERBB2', 'amplification')] }, asks: [/amplification.*different/], never: [/zongertinib|sevabertinib/], sections: [/her2-amplification/] },
  ],
  immunotherapy: [
    { name: 'no driver, PD-L1 90%', p: { biomarkers: broadNegative(90) }, asks: [/immunotherapy alone, or immunotherapy with chemotherapy/, /PD-L1 90%/], never: [TARGETED], sections: [/pdl1-high/] },
    { name: 'no driver, PD-L1 30%', p: { histology: 'squamous cell carcinoma', biomarkers: broadNegative(30) }, asks: [/chemotherapy plus immunotherapy/], never: [/pemetrexed|bevacizumab/, IO_ALONE], sections: [/pdl1-low/] },
    { name: 'no driver, PD-L1 below 1%', p: { biomarkers: broadNegative(0) }, asks: [/below 1%/], never: [IO_ALONE], sections: [/pdl1-negative/] },
    { name: 'PD-L1 high but testing incomplete: no immunotherapy choice yet', p: { biomarkers: [bm('EGFR', null, 'not detected'), pdl1(80)] }, never: [IO_ALONE] },
    { name: 'on pembrolizumab', p: { biomarkers: broadNegative(50), treatments: [tx('pembrolizumab', 'immunotherapy')] }, asks: [/side effects of immunotherapy/, /How long will I stay on immunotherapy/], never: [/Should I have immunotherapy alone/] },
    { name: 'TMB high', p: { biomarkers: [...broadNegative(5), { gene: 'TMB', alteration: 'tmb', result: 'detected', value: 14, unit: 'mut/Mb' }] }, asks: [/high TMB/] },
    { name: 'second line after chemo-immunotherapy', p: { biomarkers: broadNegative(20), treatments: [tx('carboplatin', 'chemotherapy', '2024-01-01', '2024-12-01'), tx('pembrolizumab', 'immunotherapy', '2024-01-01', '2024-12-01'), tx('docetaxel', 'chemotherapy', '2025-01-01')] }, asks: [/docetaxel with ramucirumab.*clinical trial/, /palliative/], never: [/ipilimumab/, /Should I have immunotherapy alone/], sections: [/no-driver-later-lines/] },
  ],
  'early stage and stage III': [
    { name: 'IA untreated', p: { stage: 'IA2', t: 'T1b', histology: 'squamous cell carcinoma' }, asks: [/surgery.*SBRT/, /segmentectomy/], never: [/durvalumab|pembrolizumab|osimertinib|hospice|oligometast/], sections: [/stage-i\b/] },
    { name: 'IB resected', p: { stage: 'IB', basis: 'pathologic', biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected')], treatments: [tx('lobectomy', 'surgery')] }, asks: [/follow-up CT/], never: [/pembrolizumab|atezolizumab|osimertinib|hospice/], sections: [/follow-up-early-stage/] },
    { name: 'IIB resected, no driver', p: { stage: 'IIB', basis: 'pathologic', biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected'), pdl1(40)], treatments: [tx('lobectomy', 'surgery')] }, asks: [/after surgery.*atezolizumab or pembrolizumab/, /brain MRI/], never: [/before surgery|neoadjuvant/, CHEMORT_DURVA] },
    { name: 'IIB resected, EGFR and ALK not tested', p: { stage: 'IIB', basis: 'pathologic', biomarkers: [pdl1(40)], treatments: [tx('lobectomy', 'surgery')] }, asks: [/EGFR and ALK tested/], never: [/atezolizumab/], missing: [/no-biomarker-testing/] },
    { name: 'IIA planning, EGFR/ALK negative', p: { stage: 'IIA', biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected'), pdl1(5)] }, asks: [/before surgery/, /removed with surgery/], never: [/after surgery.*atezolizumab/] },
    { name: 'resected IIIA after adjuvant chemotherapy', p: { stage: 'IIIA', basis: 'pathologic', biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected'), pdl1(30)], treatments: [tx('lobectomy', 'surgery', '2024-11-01'), tx('cisplatin', 'chemotherapy', '2024-12-01', '2025-03-01')] }, asks: [/After my chemotherapy, is immunotherapy/], never: [/before surgery|neoadjuvant|perioperative/, CHEMORT_DURVA] },
    { name: 'IIIB after chemoradiation, no durvalumab yet', p: { stage: 'IIIB', biomarkers: broadNegative(10), treatments: [tx('chemoradiation', 'radiation', '2025-01-01', '2025-02-15'), tx('carboplatin', 'chemotherapy', '2025-01-01', '2025-02-15')] }, asks: [/Chemoradiation is done. Should durvalumab/], never: [/Is chemoradiation the plan for me/] },
    { name: 'advanced, partial panel with PD-L1: wait before immunotherapy', p: { biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected'), pdl1(80)] }, asks: [/wait for the full gene results before starting immunotherapy/], never: [IO_ALONE] },
    { name: 'neoadjuvant then surgery', p: { stage: 'IIIA', biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected')], treatments: [tx('carboplatin', 'chemotherapy', '2025-01-01', '2025-03-01'), tx('nivolumab', 'immunotherapy', '2025-01-01', '2025-03-01'), tx('lobectomy', 'surgery', '2025-04-01')] }, asks: [/pathology after surgery/] },
    { name: 'IIIB unresectable, no driver', p: { stage: 'IIIB', biomarkers: [bm('EGFR', null, 'not detected'), bm('ALK', 'fusion', 'not detected'), pdl1(20)] }, asks: [/chemoradiation.*durvalumab/, /EBUS/], never: [TARGETED, /hospice/], sections: [/stage-iii-unresectable/] },
    { name: 'IIIC on durvalumab', p: { stage: 'IIIC', biomarkers: broadNegative(60), treatments: [tx('chemoradiation', 'radiation', '2024-11-01', '2024-12-15'), tx('carboplatin', 'chemotherapy', '2024-11-01', '2024-12-15'), tx('durvalumab', 'immunotherapy', '2025-01-10')] }, asks: [/How long will I take durvalumab/, /pneumonitis/], never: [IO_ALONE, /Is chemotherapy with radiation/] },
    { name: 'stage IV with chemoradiation words: no durvalumab consolidation', p: { stage: 'IVA', biomarkers: broadNegative(20), treatments: [tx('chemoradiation', 'radiation', '2024-11-01', '2024-12-15'), tx('durvalumab', 'immunotherapy', '2025-01-10')] }, never: [CHEMORT_DURVA] },
  ],
  'small cell and neuroendocrine': [
    { name: 'limited SCLC', p: { histology: 'small cell carcinoma', stage: 'limited' }, asks: [/radiation at the same time.*durvalumab/, /PCI/], never: [/\bEGFR\b|\bALK\b|osimertinib|tarlatamab|lurbinectedin|non.?small|NSCLC|PD-L1/], sections: [/sclc-limited/] },
    { name: 'SCLC TNM stage II counts as limited', p: { histology: 'small cell carcinoma', stage: 'IIB', t: 'T2b', n: 'N1' }, asks: [/radiation at the same time/], never: [/tarlatamab/] },
    { name: 'SCLC written as TNM stage IVB', p: { histology: 'small cell carcinoma', stage: 'IVB' }, asks: [/atezolizumab or durvalumab/, /palliative/], sections: [/sclc-extensive/], never: [/radiation at the same time/] },
    { name: 'limited SCLC after chemoradiation', p: { histology: 'small cell carcinoma', stage: 'limited', treatments: [tx('chemoradiation', 'radiation', '2025-01-01', '2025-02-20'), tx('cisplatin', 'chemotherapy', '2025-01-01', '2025-02-20')] }, asks: [/Chemoradiation is done. Should durvalumab.*24 months/] },
    { name: 'SCLC after surgery', p: { histology: 'small cell carcinoma', stage: 'IB', t: 'T2a', n: 'N0', treatments: [tx('lobectomy', 'surgery')] }, asks: [/After surgery for my small cell cancer/], never: [/radiation at the same time/] },
    { name: 'SCLC T1 N0: surgery', p: { histology: 'small cell carcinoma', stage: 'IA3', t: 'T1c', n: 'N0' }, asks: [/surgery an option/] },
    { name: 'extensive SCLC untreated', p: { histology: 'small cell carcinoma', stage: 'extensive' }, asks: [/atezolizumab or durvalumab/, /lurbinectedin/, /palliative/], never: [/non.?small|NSCLC|\bEGFR\b/] },
    { name: 'extensive SCLC relapsed', p: { histology: 'small cell carcinoma', stage: 'extensive', treatments: [tx('carboplatin', 'chemotherapy', '2024-01-01', '2024-04-01'), tx('etoposide', 'chemotherapy', '2024-01-01', '2024-04-01'), tx('topotecan', 'chemotherapy', '2024-08-01')] }, asks: [/tarlatamab/, /trial/], never: [/^(?!.*(trial|stud|investigational|research|experimental)).*\bcar-?t\b/i], sections: [/sclc-relapsed/] },
    { name: 'on tarlatamab', p: { histology: 'small cell carcinoma', stage: 'extensive', treatments: [tx('carboplatin', 'chemotherapy', '2024-01-01', '2024-04-01'), tx('tarlatamab', 'immunotherapy', '2024-06-01')] }, asks: [/ICANS/], never: [/Am I a candidate for tarlatamab/] },
    { name: 'SCLC after EGFR cancer', p: { histology: 'small cell carcinoma', stage: 'extensive', biomarkers: [bm('EGFR', 'exon 19 deletion')] }, asks: [/change from my earlier EGFR/] },
    { name: 'carcinoid resected', p: { histology: 'carcinoid', stage: 'IIA', treatments: [tx('lobectomy', 'surgery')] }, asks: [/DOTATATE/], never: [/\bNGS\b|osimertinib|durvalumab|pembrolizumab|chemoradiation|hospice/], sections: [/carcinoid/] },
    { name: 'advanced carcinoid', p: { histology: 'carcinoid', stage: 'IVA' }, asks: [/everolimus/], never: [/\bNGS\b|PD-L1/] },
    { name: 'LCNEC', p: { histology: 'large cell neuroendocrine carcinoma', stage: 'IVA' }, asks: [/small cell or like non-small cell/], sections: [/lcnec/] },
  ],
};

for (const [family, cases] of Object.entries(families)) {
  describe(family, () => {
    it.each(cases)('$name', (c) => check(c));
  });
}
