// Progression is read from the treatments: endReason, a new line after the last one ended,
// or a resistance finding. Planned sequences are not progression.
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../shared/guidance/context.ts';
import { findProgression } from '../../../shared/guidance/progression.ts';
import type { Treatment } from '../../../shared/contract/facts.ts';
import { bm, facts, type Profile, tx } from './helpers.ts';

const progression = (p: Profile) => findProgression(buildContext(facts(p)));

describe('progression', () => {
  it.each<[string, Profile, boolean, string[]]>([
    ['endReason progression', { treatments: [tx('osimertinib', 'targeted therapy', '2024-01-01', '2025-01-01', { endReason: 'progression' })] }, true, ['osimertinib']],
    ['a new line after the last one ended', {
      treatments: [tx('carboplatin', 'chemotherapy', '2024-06-10', '2025-03-17'), tx('pembrolizumab', 'immunotherapy', '2024-06-10', '2025-03-17'), tx('docetaxel', 'chemotherapy', '2025-04-07')],
    }, true, ['carboplatin', 'pembrolizumab']],
    ['stopped for side effects, then a new drug', { treatments: [tx('alectinib', 'targeted therapy', '2024-01-01', '2024-03-01', { endReason: 'toxicity' }), tx('lorlatinib', 'targeted therapy', '2024-03-15')] }, false, []],
    ['chemoradiation then durvalumab', {
      stage: 'IIIB', treatments: [tx('chemoradiation', 'radiation', '2024-11-04', '2024-12-16'), tx('cisplatin', 'chemotherapy', '2024-11-04', '2024-12-16'), tx('durvalumab', 'immunotherapy', '2025-01-13')],
    }, false, []],
    ['surgery, adjuvant chemotherapy, then osimertinib', {
      stage: 'IIIA', treatments: [tx('lobectomy', 'surgery', '2024-12-03'), tx('cisplatin', 'chemotherapy', '2025-01-08', '2025-03-20'), tx('osimertinib', 'targeted therapy', '2025-04-10')],
    }, false, []],
    ['chemo-immunotherapy before surgery, immunotherapy after', {
      stage: 'IIIA', treatments: [tx('carboplatin', 'chemotherapy', '2024-01-01', '2024-03-01'), tx('nivolumab', 'immunotherapy', '2024-01-01', '2024-03-01'), tx('lobectomy', 'surgery', '2024-04-01'), tx('nivolumab', 'immunotherapy', '2024-05-01')],
    }, false, []],
    ['induction then maintenance with lurbinectedin', {
      stage: 'extensive', histology: 'small cell carcinoma',
      treatments: [tx('carboplatin', 'chemotherapy', '2025-01-01', '2025-03-15'), tx('etoposide', 'chemotherapy', '2025-01-01', '2025-03-15'), tx('atezolizumab', 'immunotherapy', '2025-01-01', '2025-03-15'), tx('lurbinectedin', 'chemotherapy', '2025-04-05'), tx('atezolizumab', 'immunotherapy', '2025-04-05')],
    }, false, []],
    ['small cell second line after the first line ended', {
      stage: 'extensive', histology: 'small cell carcinoma',
      treatments: [tx('carboplatin', 'chemotherapy', '2024-10-14', '2025-01-06'), tx('atezolizumab', 'immunotherapy', '2024-10-14', '2025-05-12'), tx('lurbinectedin', 'chemotherapy', '2025-06-09')],
    }, true, ['carboplatin', 'atezolizumab']],
    ['T790M after erlotinib', { biomarkers: [bm('EGFR', 'exon 19 deletion'), bm('EGFR', 'T790M')], treatments: [tx('erlotinib', 'targeted therapy', '2022-10-03', '2025-03-28')] }, true, ['erlotinib']],
    ['MET amplification after osimertinib', { biomarkers: [bm('EGFR', 'L858R'), bm('MET', 'amplification')], treatments: [tx('osimertinib', 'targeted therapy', '2023-04-03', '2025-06-16')] }, true, ['osimertinib']],
    ['T790M before any treatment is not progression', { biomarkers: [bm('EGFR', 'L858R'), bm('EGFR', 'T790M')] }, false, []],
    ['one ongoing line', { treatments: [tx('osimertinib', 'targeted therapy', '2025-01-01')] }, false, []],
    ['no dates: nothing inferred', { treatments: [tx('carboplatin', 'chemotherapy', null, null), tx('docetaxel', 'chemotherapy', null, null)] }, false, []],
  ])('%s', (_name, profile, found, after) => {
    const p = progression(profile);
    expect(p.found).toBe(found);
    expect(p.after.sort()).toEqual(after.sort());
  });

  it('a rejected treatment does not count', () => {
    const stopped: Treatment = { ...tx('carboplatin', 'chemotherapy', '2024-01-01', '2024-06-01'), review: 'rejected' };
    expect(progression({ treatments: [stopped, tx('docetaxel', 'chemotherapy', '2024-07-01')] }).found).toBe(false);
  });
});
