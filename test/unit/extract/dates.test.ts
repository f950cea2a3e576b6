import { describe, expect, it } from 'vitest';
import { findDates, guessDayFirst, parseDate } from '../../../shared/extract/text/dates.ts';

describe('parseDate', () => {
  const us: [string, string | null][] = [
    ['07/04/2024', '2024-07-04'],
    ['7/4/24', '2024-07-04'],
    ['07-04-2024', '2024-07-04'],
    ['2024-07-04', '2024-07-04'],
    ['2024-07-04T08:15', '2024-07-04'],
    ['20240704', '2024-07-04'],
    ['July 4, 2024', '2024-07-04'],
    ['Jul 4 2024', '2024-07-04'],
    ['Jul. 4th, 2024', '2024-07-04'],
    ['4 July 2024', '2024-07-04'],
    ['04-JUL-2024', '2024-07-04'],
    ['04JUL2024', '2024-07-04'],
    ['4-Jul-24', '2024-07-04'],
    ['Sept 30, 2019', '2019-09-30'],
    ['Mar-02-2025', '2025-03-02'],
    ['26-0ct-2024', '2024-10-26'], // OCR read the O of Oct as a zero
    ['July 2024', '2024-07'],
    ['7/2024', '2024-07'],
    ['2024-07', '2024-07'], // ISO month
    ['2024-13', null],
    ['13/04/2024', '2024-04-13'], // a first part above 12 can only be a day
    ['04.07.2024', '2024-07-04'], // dotted dates are day-first
    ['O7/O4/2O24', '2024-07-04'], // OCR read zeros as letters
    ['07 / 04 / 2024', '2024-07-04'],
    ['1/12/99', '1999-01-12'],
    ['02/30/2024', null],
    ['13/13/2024', null],
    ['stage 3', null],
    ['', null],
    ['07/04/2024 and 08/01/2024', null],
  ];
  it.each(us)('%s → %s', (s, want) => expect(parseDate(s)).toBe(want));

  it('reads ambiguous numeric dates day-first when told', () => {
    expect(parseDate('04/07/2024', { dayFirst: true })).toBe('2024-07-04');
    expect(parseDate('04.07.2024', { dayFirst: false })).toBe('2024-04-07');
  });
  it('does not take a bare year unless asked', () => {
    expect(parseDate('2019')).toBeNull();
    expect(parseDate('2019', { yearOnly: true })).toBe('2019');
  });
});

describe('findDates', () => {
  it('finds every date in a sentence, with positions', () => {
    const s = 'Biopsy on 3/5/2024 confirmed it; surgery followed on April 2, 2024 (path signed 04-APR-2024).';
    const hits = findDates(s);
    expect(hits.map((h) => h.iso)).toEqual(['2024-03-05', '2024-04-02', '2024-04-04']);
    for (const h of hits) expect(s.slice(h.index, h.index + h.length)).toBe(h.text);
  });
  it('ignores numbers glued to letters or other digits', () => {
    expect(findDates('ID AB12/03/2024X and MRN 1203202412')).toEqual([]);
  });
  it('ignores ratios and fractions that are not dates', () => {
    expect(findDates('nodes 2/11 positive, PD-L1 1-49%')).toEqual([]);
  });
});

describe('guessDayFirst', () => {
  it('sees a day-first habit from a date whose first part exceeds 12', () => {
    expect(guessDayFirst(['Collected 23/02/2024', 'Reported 01/03/2024'])).toBe(true);
  });
  it('follows a format the record states', () => {
    expect(guessDayFirst(['Dates are DD/MM/YYYY', 'Reported 03/04/2024'])).toBe(true);
  });
  it('stays month-first for US dates', () => {
    expect(guessDayFirst(['Collected 02/23/2024', 'Reported 03/01/2024'])).toBe(false);
  });
});
