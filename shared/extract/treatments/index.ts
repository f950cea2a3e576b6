import type { Conflict, Treatment } from '../../contract/facts.ts';
import type { DocContext } from '../context.ts';
import type { DocumentFacts } from '../index.ts';

export function findTreatments(_ctx: DocContext): Treatment[] {
  return [];
}

export function mergeTreatments(_docs: DocumentFacts[], _conflicts: Conflict[]): Treatment[] {
  return [];
}
