// Hand-checked examples for the Flesch–Kincaid grade in shared/guidance/readability.ts:
// grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59.
import { describe, expect, it } from 'vitest';
import { readability, readingGrade, splitSentences, stripMarkdown, syllables, words } from '../../../shared/guidance/readability.ts';

describe('syllables (heuristic)', () => {
  it.each([
    ['the', 1], ['yes', 1], ['lung', 1], ['makes', 1], ['helped', 1], ['guide', 1], ['blocks', 1],
    ['table', 2], ['people', 2], ['wanted', 2], ['cancer', 2], ['item', 2], ['title', 2], ['daily', 2], ['protein', 2],
    ['chemotherapy', 5], ['osimertinib', 5], ['immunotherapy', 6],
    ['EGFR', 1], ['2026', 1], ['50%', 1],
  ] as const)('%s has %i', (word, n) => {
    expect(syllables(word)).toBe(n);
  });
});

describe('text preparation', () => {
  it('strips a front-matter header and Markdown syntax, one line per block', () => {
    const md = '---\n{"id": "x"}\n---\n# Title\n\n- one item\n- **two** items\n\nSee [the guide](http://x.y) and `code`.';
    expect(stripMarkdown(md)).toBe('Title\n\none item\ntwo items\n\nSee the guide and code.');
  });

  it('ends sentences at . ! ? and at the end of headings and list items, not inside decimals', () => {
    expect(splitSentences('It is 1.5 cm wide. Yes! Why?\nA heading\n')).toEqual(['It is 1.5 cm wide.', 'Yes!', 'Why?', 'A heading']);
  });

  it('splits words at spaces, hyphens and slashes', () => {
    expect(words('Non-small cell, PD-L1 and/or "EGFR".')).toEqual(['Non', 'small', 'cell', 'PD', 'L1', 'and', 'or', 'EGFR']);
  });
});

describe('Flesch–Kincaid grade', () => {
  it('short plain sentences: 9 words, 2 sentences, 9 syllables → -2.035', () => {
    const r = readability('The cat sat on the mat. The dog ran.');
    expect(r).toMatchObject({ sentences: 2, words: 9, syllables: 9 });
    expect(r.grade).toBeCloseTo(0.39 * 4.5 + 11.8 * 1 - 15.59, 6);
    expect(r.grade).toBeCloseTo(-2.035, 6);
  });

  it('a sentence with a drug name: 10 words, 16 syllables → 7.19', () => {
    // Osimertinib(5) is(1) a(1) daily(2) pill(1) that(1) blocks(1) the(1) EGFR(1) protein(2)
    const r = readability('Osimertinib is a daily pill that blocks the EGFR protein.');
    expect(r).toMatchObject({ sentences: 1, words: 10, syllables: 16 });
    expect(r.grade).toBeCloseTo(7.19, 6);
  });

  it('Markdown: 4 sentences, 8 words, 11 syllables → 1.415', () => {
    // Title(2) | one(1) item(2) | two(1) items(2) | See(1) the(1) guide(1)
    const r = readability('# Title\n\n- one item\n- **two** items\n\nSee [the guide](http://x.y).');
    expect(r).toMatchObject({ sentences: 4, words: 8, syllables: 11 });
    expect(r.grade).toBeCloseTo(1.415, 6);
  });

  it('longer words and sentences read as a higher grade', () => {
    const easy = readingGrade('Your team checks your blood. Tell them how you feel.');
    const hard = readingGrade('Immunotherapy combinations demonstrate considerable heterogeneity regarding immune-related toxicity.');
    expect(hard).toBeGreaterThan(easy + 10);
  });

  it('text with no words has grade 0', () => {
    expect(readability('---\n{}\n---\n\n## \n')).toEqual({ sentences: 0, words: 0, syllables: 0, grade: 0 });
  });
});
