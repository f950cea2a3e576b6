// OCR repair of result words: a garbled key word is put right, a real word near one is left
// alone (repairing "alternatives" into "alterations" hid an options list from the treatment
// reader and could make a list of drugs read as findings).
import { describe, expect, it } from 'vitest';
import { keywordFor } from '../../../shared/extract/biomarkers/ocr.ts';

describe('keywordFor', () => {
  it.each([
    ['alternative', null], ['alternatives', null], ['alternatively', null], ['detection', null], ['irradiation', null],
  ])('leaves the real word %s alone', (word, want) => expect(keywordFor(word)).toBe(want));

  it('still repairs a garbled key word', () => {
    expect(keywordFor('detectcd')).toBe('detected');
  });
});
