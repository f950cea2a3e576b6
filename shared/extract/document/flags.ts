// Report status: preliminary (a later final report replaces it) and amended/addended (it
// overrides the report it amends). Read from status words near the top of a page or in a
// status field, not from any mention in the body ("see preliminary report of 3/2").
import type { CtxLine } from '../context.ts';

const PRELIMINARY = /\bpreliminary\b(?!\s+(?:report|diagnosis|results?)\s+(?:of|dated|from|issued|on)\b)|\bnot\s+final\b|\bstatus\s*:?\s*(?:pending|in\s+progress|partial)\b|\binterim\s+report\b|\bpreliminary\s+and\s+subject\s+to\s+change\b/i;
const FINAL_STATUS = /\b(?:final\s+report|status\s*:?\s*final|-\s*final\b|final\s+pathologic\s+diagnosis)\b/i;
const AMENDED = /\b(?:amended|amendment|addendum|addenda|corrected\s+report|revised\s+report|revised\s+diagnosis|supplemental\s+report|supplementary\s+report)\b/i;

export function reportFlags(lines: CtxLine[]): { preliminary: boolean; amended: boolean } {
  const top = new Set<CtxLine>();
  const byPage = new Map<number, number>();
  for (const l of lines) {
    const n = byPage.get(l.page) ?? 0;
    if (n < 15) top.add(l);
    byPage.set(l.page, n + 1);
  }
  const status = (l: CtxLine): boolean => top.has(l) || /^\s*(?:report\s+)?status\b/i.test(l.text);
  const preliminary = lines.some((l) => status(l) && PRELIMINARY.test(l.text));
  // a short status line ("Surgical Pathology - Final Report"), not a sentence about a future final report
  const final = lines.some((l) => top.has(l) && l.text.length <= 70 && FINAL_STATUS.test(l.text) && !PRELIMINARY.test(l.text) && !/\b(?:will|to follow|may)\b/i.test(l.text));
  const amended = lines.some((l) => (status(l) || l.section === 'addendum') && AMENDED.test(l.text));
  return { preliminary: preliminary && !final, amended };
}
