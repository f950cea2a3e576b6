import { describe, expect, it } from 'vitest';
import { choose, refines } from '../../../shared/extract/stage/choose.ts';

describe('refines', () => {
  const table: [string, string, boolean][] = [
    ['IVB', 'IV', true], ['IA2', 'IA', true], ['IA2', 'I', true], ['IIIA', 'I', false], ['IIIA', 'III', true],
    ['IIB', 'IIIB', false], ['T2a', 'T2', true], ['T2', 'T2a', false], ['N2b', 'N2', true], ['M1c1', 'M1c', true],
    ['M1c', 'M1', true], ['T3', 'T2', false], ['IV', 'IV', true],
  ];
  it.each(table)('%s refines %s: %s', (a, b, want) => expect(refines(a, b)).toBe(want));
});

describe('choose', () => {
  it('takes the most specific value of the heaviest chain', () => {
    const c = choose([{ value: 'IV', weight: 2, order: 0 }, { value: 'IVB', weight: 1, order: 1 }]);
    expect(c?.value).toBe('IVB');
    expect(c?.rivals).toEqual([]);
  });
  it('settles a real disagreement by weight and reports the rival', () => {
    const c = choose([{ value: 'IIIA', weight: 3, order: 1 }, { value: 'IIIB', weight: 1, order: 0 }]);
    expect(c?.value).toBe('IIIA');
    expect(c?.rivals).toEqual(['IIIB']);
  });
  it('breaks a tie with the earlier mention', () => {
    expect(choose([{ value: 'T3', weight: 2, order: 5 }, { value: 'T2b', weight: 2, order: 1 }])?.value).toBe('T2b');
  });
  it('returns null without votes', () => expect(choose([])).toBeNull());
});
