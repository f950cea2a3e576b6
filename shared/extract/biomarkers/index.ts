import type { Biomarker, Conflict } from '../../contract/facts.ts';
import type { DocContext } from '../context.ts';
import type { DocumentFacts } from '../index.ts';

export function findBiomarkers(_ctx: DocContext): Biomarker[] {
  return [];
}

export function mergeBiomarkers(_docs: DocumentFacts[], _conflicts: Conflict[]): Biomarker[] {
  return [];
}
