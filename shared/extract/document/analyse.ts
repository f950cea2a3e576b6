// Understand the record before its sentences: what kind of report it is, its date,
// and which section each line belongs to. (First version: to be filled in.)
import type { DocContext } from '../context.ts';
import type { ReportInfo } from '../index.ts';

export function analyseDocument(ctx: DocContext): { ctx: DocContext; report: ReportInfo } {
  return { ctx, report: { preliminary: false, amended: false } };
}
