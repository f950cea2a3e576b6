import { describe, expect, it } from 'vitest';
import { itemsToLines, meaningfulChars, type PlacedItem } from '../../../electron/extraction/text-lines.ts';

const item = (str: string, x: number, y: number, width: number, hasEOL = false, height = 10): PlacedItem => ({ str, x, y, width, height, hasEOL });

describe('itemsToLines', () => {
  it('joins items on one baseline, adds the spaces a PDF leaves out, and breaks at EOL', () => {
    const lines = itemsToLines([
      item('Diagnosis:', 50, 100, 50), item('Adenocarcinoma', 104, 100, 80, true),
      item('PD-L1', 50, 114, 30), item('TPS', 84, 114, 20),
    ], 600, 800);
    expect(lines.map((l) => l.text)).toEqual(['Diagnosis: Adenocarcinoma', 'PD-L1 TPS']);
  });

  it('starts a new line when the baseline moves or the text jumps back left', () => {
    const lines = itemsToLines([item('a', 50, 100, 10), item('b', 50, 130, 10), item('c', 300, 130, 10), item('d', 20, 130, 10)], 600, 800);
    expect(lines.map((l) => l.text)).toEqual(['a', 'b c', 'd']);
  });

  it('gives page-relative boxes', () => {
    const [l] = itemsToLines([item('Hello', 60, 80, 120)], 600, 800);
    expect(l.box[0]).toBeCloseTo(0.1);
    expect(l.box[2]).toBeCloseTo(0.2);
    expect(l.box[1]).toBeGreaterThan(0.08);
  });

  it('counts only letters and digits as real text', () => {
    expect(meaningfulChars(' .. -- ||  ')).toBe(0);
    expect(meaningfulChars('T2a N0 — 45%')).toBe(7);
  });
});
