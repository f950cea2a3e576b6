// Internal types of the tailoring engine. The boundary types live in shared/contract.
import type { Biomarker, Diagnosis, Facts, Source, Stage, Treatment } from '../contract/facts.ts';

/** A condition in the knowledge language (docs/knowledge-format.md); validated by knowledge.ts. */
export type Condition = { [key: string]: unknown };

/** A fact a condition used, kept by reference so `because` can say where it was read. */
export type FactRef =
  | { kind: 'cancerType'; diagnosis: Diagnosis }
  | { kind: 'histology'; diagnosis: Diagnosis }
  | { kind: 'stage'; stage: Stage; field: 'group' | 't' | 'n' | 'm' | 'basis' }
  | { kind: 'biomarker'; fact: Biomarker }
  | { kind: 'negatives'; facts: Biomarker[] }
  | { kind: 'treatment'; fact: Treatment }
  | { kind: 'absent'; text: string };

/** Kleene logic: null means "not known" (a conflicted fact), which never makes a rule fire. */
export type Truth = boolean | null;
/** `used`: the facts that make it hold; `against`: the facts that make it fail (a `not` swaps them). */
export type Evaluation = { value: Truth; used: FactRef[]; against: FactRef[] };

/** The facts as the engine sees them: rejected facts removed, conflicts noted. */
export type Context = {
  facts: Facts;
  sources: Source[];
  diagnosis: { cancerType: string | null; histology: string | null; ref: Diagnosis };
  stage: Stage;
  /** true when the person rejected the stage as a whole */
  stageRejected: boolean;
  biomarkers: Biomarker[];
  treatments: Treatment[];
  conflicted: Conflicted;
};

export type Conflicted = {
  cancerType: boolean;
  histology: boolean;
  stage: boolean;
  t: boolean;
  n: boolean;
  m: boolean;
  genes: Set<string>;
  treatments: Set<string>;
};

export type Rule = {
  id: string;
  text: string;
  when: Condition;
  topics: string[];
  priority: number;
  sources: string[];
  reviewed: string;
};

export type SectionDoc = {
  id: string;
  title: string;
  reviewed: string;
  sources: string[];
  when: Condition;
  summary: string;
  priority: number;
  keywords: string[];
  body: string;
};

export type ForYou = { when: Condition; text: string };

export type AnswerDoc = {
  id: string;
  title: string;
  reviewed: string;
  sources: string[];
  keywords: string[];
  forYou: ForYou[];
  body: string;
};

/** A group of words that mean the same thing for question matching. */
export type SynonymGroup = { concept: string; terms: string[] };

export type Knowledge = {
  rules: Rule[];
  sections: SectionDoc[];
  answers: AnswerDoc[];
  synonyms: SynonymGroup[];
  /** files that could not be read; the engine runs without them */
  problems: { file: string; message: string }[];
};
