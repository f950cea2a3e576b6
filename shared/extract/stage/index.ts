// Stage at diagnosis. `findStage` reads one record (its own best reading, plus every mention
// for merging); `mergeStage` decides across a person's records (rules in resolve.ts).
import type { Conflict, Stage } from '../../contract/facts.ts';
import type { DocContext } from '../context.ts';
import { evidenceOf } from '../context.ts';
import type { DocumentFacts } from '../index.ts';
import { stageMentions, type StageMention } from './mentions.ts';
import { resolveStage, type SourcedMention } from './resolve.ts';

export { deriveGroup } from './ajcc.ts';
export type { StageMention } from './mentions.ts';

export interface DocStage extends Stage {
  /** every stage mention in the record, with its evidence, for merging across records */
  mentions: SourcedMention[];
}

const NEOADJUVANT_GIVEN = /\b(?:s\/p|after|following|completed|received|post|status\s+post)[\s-]+(?:\w+\s+){0,2}neoadjuvant\b|\bneoadjuvant\b[^.\n]{0,60}\b(?:completed|given|received)\b|\(neoadjuvant\)/i;

export function findStage(ctx: DocContext): DocStage {
  const neoadjuvant = ctx.lines.some((l) => NEOADJUVANT_GIVEN.test(l.text));
  const mentions: SourcedMention[] = stageMentions(ctx).map(({ line, lines, quote, ...reading }: StageMention) => ({
    mention: reading,
    evidence: evidenceOf(ctx, line, quote, lines.slice(1)),
    order: reading.at,
    neoadjuvant,
  }));
  return { ...resolveStage(mentions), mentions };
}

export function mergeStage(docs: DocumentFacts[], conflicts: Conflict[]): Stage {
  // reading order: by report date (undated last), then as given; mentions keep their place inside a record
  const ordered = docs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.source.date ?? '9999').localeCompare(b.d.source.date ?? '9999') || a.i - b.i);
  const all: SourcedMention[] = [];
  ordered.forEach(({ d }, rank) => {
    for (const s of (d.stage as DocStage).mentions ?? []) all.push({ ...s, order: rank * 1e6 + s.order });
  });
  return resolveStage(all, conflicts);
}
