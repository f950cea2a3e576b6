// Understand the record before its sentences: what kind of report it is, its date, how it
// writes dates, its status, and which section each line belongs to.
import type { DocContext } from '../context.ts';
import type { ReportInfo } from '../index.ts';
import { guessDayFirst } from '../text/dates.ts';
import { reportKind } from './kind.ts';
import { assignSections } from './sections.ts';
import { collectionDate, reportDate } from './report-date.ts';
import { reportFlags } from './flags.ts';

export function analyseDocument(base: DocContext): { ctx: DocContext; report: ReportInfo } {
  const lines = base.lines;
  assignSections(lines);
  const dayFirst = guessDayFirst(lines.map((l) => l.text));
  const kind = reportKind(lines);
  const date = reportDate(lines, dayFirst)?.iso ?? null;
  const collected = collectionDate(lines, dayFirst)?.iso ?? null;
  const ctx: DocContext = { ...base, kind, date, dayFirst, collected };
  return { ctx, report: reportFlags(lines) };
}
