// Reading grade of Markdown text, for checking that the knowledge base stays plain.
//
// Formula: Flesch–Kincaid grade level (Kincaid, Fishburne, Rogers, Chissom and Fishburne 1975):
//
//   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
//
// Pure TypeScript (no Node built-ins), so the renderer, the CLI and tests can all use it.
//
// How the text is prepared (documented so the numbers can be checked by hand):
// 1. Markdown is stripped: a leading `---` JSON/YAML header, HTML comments and tags, fenced and
//    inline code, images, link targets (the link text stays), heading, list, quote and table
//    markers, emphasis characters.
// 2. Sentences end at `.`, `!` or `?` followed by a space or the end of the text, and at the end of
//    every heading, list item, table row or paragraph (a line that ends without punctuation is still
//    read as one sentence, as a reader would).
// 3. Words are runs of letters and digits, split at spaces, hyphens and slashes ("non-small" is two
//    words, "PD-L1" is two). Apostrophes stay inside words ("don't").
// 4. Syllables, by a heuristic (no dictionary): a word of digits counts as one syllable; otherwise the
//    word is lower-cased and reduced to letters; a word of three letters or fewer has one syllable;
//    a final silent "e" or "es" after a consonant other than "l" is dropped ("take", "makes", but
//    not "table"), as is a final "ed" unless it follows "t" or "d" ("helped" one, "wanted" two);
//    a leading "y" is not a vowel; then each run of vowels (a, e, i, o, u, y) is one syllable, with a
//    minimum of one. Abbreviations with no vowels ("EGFR", "NSCLC") count as one syllable.

export interface ReadabilityStats {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch–Kincaid grade level; 0 for text with no words */
  grade: number;
}

/** Removes Markdown syntax and returns plain text, keeping one line per block, heading or list item. */
export function stripMarkdown(markdown: string): string {
  let text = markdown.replace(/\r\n?/g, '\n');
  // a front-matter header between two `---` lines at the very start
  text = text.replace(/^---\n[\s\S]*?\n---\n?/, '');
  text = text.replace(/<!--[\s\S]*?-->/g, ' ');
  text = text.replace(/^```[\s\S]*?^```[^\n]*$/gm, ' ');
  text = text.replace(/`([^`]*)`/g, '$1');
  text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
  text = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  text = text.replace(/<[^>\n]+>/g, ' ');
  const lines = text.split('\n').map((line) => {
    let l = line.trim();
    l = l.replace(/^#{1,6}\s+/, '');
    l = l.replace(/^>\s?/, '');
    l = l.replace(/^([-*+]|\d+[.)])\s+/, '');
    l = l.replace(/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/, '');
    l = l.replace(/\s*\|\s*/g, ' ; ').replace(/^ ; | ; $/g, '');
    l = l.replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2');
    l = l.replace(/~~/g, '');
    return l.trim();
  });
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Splits plain text into sentences (see rule 2 above). */
export function splitSentences(plain: string): string[] {
  const out: string[] = [];
  for (const line of plain.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    for (const part of trimmed.split(/(?<=[.!?]["')\]]?)\s+/)) {
      if (countWords(part) > 0) out.push(part);
    }
  }
  return out;
}

/** The words of a piece of plain text (see rule 3 above). */
export function words(plain: string): string[] {
  return plain
    .split(/[\s\-‐‑–—/]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

function countWords(plain: string): number {
  return words(plain).length;
}

/** Syllables in one word, by the heuristic documented above (rule 4). */
export function syllables(word: string): number {
  if (/^[\p{N}.,%]+$/u.test(word)) return 1;
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 1;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]e)$/, (m) => m[0]);
  w = w.replace(/([^td])ed$/, '$1');
  w = w.replace(/^y/, '');
  const groups = w.match(/[aeiouy]+/g);
  return Math.max(1, groups ? groups.length : 0);
}

/** Counts and the Flesch–Kincaid grade of Markdown (or plain) text. */
export function readability(markdown: string): ReadabilityStats {
  const plain = stripMarkdown(markdown);
  const sentences = splitSentences(plain);
  let wordCount = 0;
  let syllableCount = 0;
  for (const sentence of sentences) {
    for (const w of words(sentence)) {
      wordCount += 1;
      syllableCount += syllables(w);
    }
  }
  if (wordCount === 0) return { sentences: sentences.length, words: 0, syllables: 0, grade: 0 };
  const grade = 0.39 * (wordCount / sentences.length) + 11.8 * (syllableCount / wordCount) - 15.59;
  return { sentences: sentences.length, words: wordCount, syllables: syllableCount, grade };
}

/** Flesch–Kincaid grade level of Markdown text (see `readability`). */
export function readingGrade(markdown: string): number {
  return readability(markdown).grade;
}
