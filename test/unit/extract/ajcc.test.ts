import { describe, expect, it } from 'vitest';
import { deriveGroup } from '../../../shared/extract/stage/ajcc.ts';

describe('deriveGroup, AJCC 8th edition', () => {
  const table: [string, string, string, string | null][] = [
    ['T1a', 'N0', 'M0', 'IA1'], ['T1mi', 'N0', 'M0', 'IA1'], ['T1b', 'N0', 'M0', 'IA2'], ['T1c', 'N0', 'M0', 'IA3'],
    ['T2a', 'N0', 'M0', 'IB'], ['T2b', 'N0', 'M0', 'IIA'], ['T3', 'N0', 'M0', 'IIB'], ['T4', 'N0', 'M0', 'IIIA'],
    ['T1c', 'N1', 'M0', 'IIB'], ['T2a', 'N1', 'M0', 'IIB'], ['T3', 'N1', 'M0', 'IIIA'], ['T4', 'N1', 'M0', 'IIIA'],
    ['T1b', 'N2', 'M0', 'IIIA'], ['T2b', 'N2', 'M0', 'IIIA'], ['T3', 'N2', 'M0', 'IIIB'], ['T4', 'N2', 'M0', 'IIIB'],
    ['T1a', 'N3', 'M0', 'IIIB'], ['T2a', 'N3', 'M0', 'IIIB'], ['T3', 'N3', 'M0', 'IIIC'], ['T4', 'N3', 'M0', 'IIIC'],
    ['Tis', 'N0', 'M0', '0'],
    ['T2a', 'N2', 'M1a', 'IVA'], ['T3', 'N0', 'M1b', 'IVA'], ['T1c', 'N2', 'M1c', 'IVB'], ['T4', 'N3', 'M1', 'IV'],
    // a category without its subcategory: the group its subcategories share
    ['T1', 'N0', 'M0', 'IA'], ['T2', 'N1', 'M0', 'IIB'], ['T2', 'N0', 'M0', null],
    // 9th-edition N written in an 8th-edition report still reads as N2
    ['T2a', 'N2b', 'M0', 'IIIA'],
  ];
  it.each(table)('%s %s %s → %s', (t, n, m, want) => expect(deriveGroup(t, n, m, 8)).toBe(want));

  it('needs M, and T and N when M0', () => {
    expect(deriveGroup('T2a', 'N0', null)).toBeNull();
    expect(deriveGroup(null, 'N0', 'M0')).toBeNull();
    expect(deriveGroup(null, null, 'M1c')).toBe('IVB');
  });
});

describe('deriveGroup, AJCC Version 9', () => {
  const table: [string, string, string, string | null][] = [
    ['T1c', 'N1', 'M0', 'IIA'], // down from IIB
    ['T1b', 'N2a', 'M0', 'IIB'], // down from IIIA
    ['T1b', 'N2b', 'M0', 'IIIA'],
    ['T2a', 'N2b', 'M0', 'IIIB'], // up from IIIA
    ['T3', 'N2a', 'M0', 'IIIA'], // down from IIIB
    ['T3', 'N2b', 'M0', 'IIIB'],
    ['T4', 'N2', 'M0', 'IIIB'], // N2a and N2b agree for T4
    ['T2a', 'N2', 'M0', 'III'], // IIIA or IIIB share only III
    ['T2a', 'N0', 'M0', 'IB'],
    ['T3', 'N1', 'M1c2', 'IVB'], ['T1a', 'N0', 'M1c1', 'IVB'], ['T2b', 'N1', 'M1b', 'IVA'],
  ];
  it.each(table)('%s %s %s → %s', (t, n, m, want) => expect(deriveGroup(t, n, m, 9)).toBe(want));
});
