import type { Conflict, Diagnosis } from '../../contract/facts.ts';
import type { DocContext } from '../context.ts';
import type { DocumentFacts } from '../index.ts';

export function findDiagnosis(_ctx: DocContext): Diagnosis {
  return { cancerType: null, histology: null, diagnosisDate: null };
}

export function mergeDiagnosis(_docs: DocumentFacts[], _conflicts: Conflict[]): Diagnosis {
  return { cancerType: null, histology: null, diagnosisDate: null };
}
