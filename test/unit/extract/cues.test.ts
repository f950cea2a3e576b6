import { describe, expect, it } from 'vitest';
import { cuesFor, clauseAround } from '../../../shared/extract/text/cues.ts';

function cues(sentence: string, mention: string) {
  const at = sentence.indexOf(mention);
  if (at < 0) throw new Error(`"${mention}" not in "${sentence}"`);
  return cuesFor(sentence, at, at + mention.length);
}

describe('cuesFor', () => {
  const table: [string, string, Partial<ReturnType<typeof cues>>][] = [
    ['Core biopsy negative for malignancy.', 'malignancy', { negated: true }],
    ['No evidence of metastatic disease in the liver.', 'metastatic disease', { negated: true }],
    ['Malignant cells not identified.', 'Malignant cells', { negated: true }],
    ['Squamous cell carcinoma is present.', 'Squamous cell carcinoma', { negated: false, hedge: null }],
    ['Non-small cell carcinoma, favor squamous cell carcinoma.', 'squamous cell carcinoma', { hedge: 'favor', negated: false }],
    ['Atypical cells, suspicious for adenocarcinoma.', 'adenocarcinoma', { hedge: 'uncertain' }],
    ['Small cell carcinoma cannot be excluded.', 'Small cell carcinoma', { hedge: 'uncertain' }],
    ['Differential includes carcinoid tumor and lymphoma.', 'carcinoid', { hedge: 'differential' }],
    ['Mediastinal adenopathy; rule out lymphoma.', 'lymphoma', { ruleOut: true }],
    ['History of breast carcinoma treated with lumpectomy.', 'breast carcinoma', { history: true }],
    ['Family history: father had lung cancer.', 'lung cancer', { family: true }],
    ['Her sister carries a BRCA2 mutation.', 'BRCA2', { family: true }],
    ['Her spouse is a smoker.', 'smoker', { otherPerson: true }],
    ['Plan to start osimertinib next week.', 'osimertinib', { planned: true }],
    ['Started osimertinib on 4/2/2024.', 'osimertinib', { given: true, planned: false }],
    ['Molecular results pending.', 'Molecular results', { pending: true }],
    ['A never-smoker with EGFR-mutant adenocarcinoma.', 'EGFR', { negated: false }],
    ['Never smoked; stage IV adenocarcinoma of the lung.', 'stage IV', { negated: false }],
    ['She has never had radiation therapy.', 'radiation therapy', { negated: true }],
  ];
  it.each(table)('%s [%s]', (sentence, mention, want) => {
    expect(cues(sentence, mention)).toMatchObject(want);
  });

  it('does not carry a negation across a clause break', () => {
    expect(cues('No lymphovascular invasion; adenocarcinoma is present.', 'adenocarcinoma').negated).toBe(false);
    expect(cues('No nodal disease, but adenocarcinoma is present in the lobe.', 'adenocarcinoma').negated).toBe(false);
  });
  it('keeps a decimal number inside its clause', () => {
    const s = 'Tumor 2.5 cm. Adenocarcinoma.';
    const [from, to] = clauseAround(s, s.indexOf('2.5'), s.indexOf('2.5') + 3);
    expect(s.slice(from, to)).toBe('Tumor 2.5 cm');
  });
});
