import type { Conflict, Stage } from '../../contract/facts.ts';
import type { DocContext } from '../context.ts';
import type { DocumentFacts } from '../index.ts';

export function findStage(_ctx: DocContext): Stage {
  return { group: null, t: null, n: null, m: null, basis: null };
}

export function mergeStage(_docs: DocumentFacts[], _conflicts: Conflict[]): Stage {
  return { group: null, t: null, n: null, m: null, basis: null };
}
