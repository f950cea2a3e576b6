// Guideline-topic sections whose condition holds for the person, most specific first.
import type { MatchedSection } from '../contract/guidance.ts';
import { becauseLines } from './because.ts';
import { evaluate } from './conditions.ts';
import type { Context, SectionDoc } from './types.ts';

export function matchSections(sections: SectionDoc[], ctx: Context): MatchedSection[] {
  return sections
    .map((s, order) => ({ s, order, e: evaluate(s.when, ctx) }))
    .filter((x) => x.e.value === true)
    .sort((a, b) => b.s.priority - a.s.priority || a.order - b.order)
    .map(({ s, e }) => ({
      id: s.id,
      title: s.title,
      because: becauseLines(e.used, ctx, 4),
      sources: s.sources,
      summary: s.summary,
      reviewed: s.reviewed,
    }));
}
