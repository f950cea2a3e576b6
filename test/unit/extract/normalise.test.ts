import { describe, expect, it } from 'vitest';
import { fixOcrCodes, fixOcrDigits, hasWord, normaliseText, squash } from '../../../shared/extract/text/normalise.ts';

describe('normaliseText', () => {
  it('folds dashes, odd spaces and ligatures', () => {
    expect(normaliseText('stage\u00a0III\u2013A  \ufb01brosis')).toBe('stage III-A fibrosis');
  });
});

describe('fixOcrDigits', () => {
  it('maps letter look-alikes inside numbers and keeps the length', () => {
    const s = 'Reported O4/l2/2O24 by Dr Olsen';
    const out = fixOcrDigits(s);
    expect(out).toBe('Reported 04/12/2024 by Dr Olsen');
    expect(out.length).toBe(s.length);
  });
});

describe('fixOcrCodes', () => {
  const table: [string, string][] = [
    ['pT1la pN0', 'pT1a pN0'],
    ['cT2aNOMO', 'cT2aN0M0'],
    ['cT1c N1 Mc', 'cT1c N1 M1c'], // OCR dropped the 1 of M1c
    ['N2 M0', 'N2 M0'],
    ['pTlb pNO cMO', 'pT1b pN0 cM0'],
    ['T2 N2 Mlc', 'T2 N2 M1c'],
    ['BRAF V600oE', 'BRAF V600E'],
    ['stage IAl', 'stage IA1'],
    ['NO evidence of disease', 'NO evidence of disease'],
    ['MI in 2019', 'MI in 2019'],
  ];
  it.each(table)('%s → %s', (s, want) => expect(fixOcrCodes(s)).toBe(want));
});

describe('squash and hasWord', () => {
  it('compares words broken by spacing', () => {
    expect(squash('Adeno- carcinoma')).toBe('adenocarcinoma');
    expect(hasWord('Dx: adeno carcinoma of lung', 'adenocarcinoma')).toBe(true);
    expect(hasWord('adenocarcinomatous', 'adenocarcinoma')).toBe(false);
  });
});
