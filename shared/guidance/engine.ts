// facts + question + knowledge → one guidance/1 object. Pure: no files, no Node, no DOM.
import type { Facts } from '../contract/facts.ts';
import type { Answer, Guidance } from '../contract/guidance.ts';
import { buildMatcher, type Matcher } from './ask.ts';
import { describe } from './because.ts';
import { evaluate } from './conditions.ts';
import { conflictMissing, conflictQuestions } from './conflicts.ts';
import { buildContext } from './context.ts';
import { findMissing } from './missing.ts';
import { tailoredQuestions } from './questions.ts';
import { matchSections } from './sections.ts';
import type { AnswerDoc, Context, FactRef, Knowledge } from './types.ts';

const matchers = new WeakMap<Knowledge, Matcher>();

export function matcherFor(knowledge: Knowledge): Matcher {
  let m = matchers.get(knowledge);
  if (!m) {
    m = buildMatcher(knowledge.answers, knowledge.synonyms);
    matchers.set(knowledge, m);
  }
  return m;
}

export function guide(facts: Facts, question: string | null, knowledge: Knowledge): Guidance {
  const ctx = buildContext(facts);
  const asked = question && question.trim() ? question : null;
  let answer: Answer | null = null;
  let alternatives: Guidance['alternatives'] = [];
  if (asked) {
    const m = matcherFor(knowledge).match(asked);
    const doc = m.best ? knowledge.answers.find((a) => a.id === m.best!.id) : undefined;
    if (m.best && doc) answer = toAnswer(doc, m.best.score, ctx);
    alternatives = m.alternatives;
  }
  return {
    format: 'guidance/1',
    question: question ?? null,
    answer,
    alternatives,
    questions: [...conflictQuestions(facts.conflicts), ...tailoredQuestions(knowledge.rules, ctx)],
    sections: matchSections(knowledge.sections, ctx),
    missing: [...conflictMissing(facts.conflicts), ...findMissing(ctx)],
  };
}

function toAnswer(doc: AnswerDoc, score: number, ctx: Context): Answer {
  return {
    id: doc.id,
    title: doc.title,
    score,
    text: doc.body,
    forYou: forYou(doc, ctx),
    sources: doc.sources,
    reviewed: doc.reviewed,
  };
}

/** The answer's `forYou` texts whose condition holds, each followed by the facts it used and, where evidence exists, where they were read. */
export function forYou(doc: AnswerDoc, ctx: Context): string[] {
  const out: string[] = [];
  for (const item of doc.forYou) {
    const e = evaluate(item.when, ctx);
    if (e.value !== true) continue;
    const places = e.used.map(placeOf).filter((p): p is string => !!p);
    const unique = [...new Set(places)].slice(0, 3);
    const facts = [...new Set(e.used.filter((r) => r.kind !== 'absent').map(describe))].slice(0, 3);
    const note = unique.length ? ` (${facts.join(', ')}: ${unique.join('; ')})` : facts.length ? ` (${facts.join(', ')})` : '';
    out.push(`${item.text}${note}`);
  }
  return out;
}

function placeOf(ref: FactRef): string | null {
  const evidence = ref.kind === 'cancerType' || ref.kind === 'histology' ? ref.diagnosis.evidence
    : ref.kind === 'stage' ? ref.stage.evidence
      : ref.kind === 'biomarker' || ref.kind === 'treatment' ? ref.fact.evidence : undefined;
  const e = evidence?.[0];
  return e ? `${e.file}, page ${e.page}` : null;
}
