// Rules → ranked questions for the care team. A rule fires only when its condition surely
// holds; its `because` lines come from the facts the condition used.
import type { TailoredQuestion } from '../contract/guidance.ts';
import { becauseLines } from './because.ts';
import { evaluate } from './conditions.ts';
import { fill } from './placeholders.ts';
import type { Context, Rule } from './types.ts';

export function tailoredQuestions(rules: Rule[], ctx: Context): TailoredQuestion[] {
  const out: (TailoredQuestion & { order: number })[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, order) => {
    const e = evaluate(rule.when, ctx);
    if (e.value !== true) return;
    const text = fill(rule.text, ctx);
    if (seen.has(text)) return;
    seen.add(text);
    const because = becauseLines(e.used, ctx);
    if (!because.length) because.push(fallbackBecause(ctx));
    out.push({ id: rule.id, text, because, topics: rule.topics, priority: rule.priority, order });
  });
  out.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.order - b.order);
  return out.map(({ order: _order, ...q }) => q);
}

function fallbackBecause(ctx: Context): string {
  return ctx.sources.length ? `what your records show (${ctx.sources.map((s) => s.file).join(', ')})` : 'what your records show';
}
