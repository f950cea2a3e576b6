// Answers for the Ask screen: by question (the engine's matcher) or by topic id (browsing),
// both with "what this means for you" worked out from the person's facts.
import type { Facts } from '../../../../shared/contract/facts.ts';
import type { Answer, Alternative } from '../../../../shared/contract/guidance.ts';
import { forYou, guide } from '../../../../shared/guidance/engine.ts';
import { buildContext } from '../../../../shared/guidance/context.ts';
import { knowledge } from '../../knowledge/knowledge.ts';

export function ask(facts: Facts, question: string): { answer: Answer | null; alternatives: Alternative[] } {
  const g = guide(facts, question, knowledge());
  return { answer: g.answer, alternatives: g.alternatives };
}

export function answerById(facts: Facts, id: string): Answer | null {
  const doc = knowledge().answers.find((a) => a.id === id);
  if (!doc) return null;
  return { id: doc.id, title: doc.title, score: 1, text: doc.body, forYou: forYou(doc, buildContext(facts)), sources: doc.sources, reviewed: doc.reviewed };
}

export function allTopics(): Array<{ id: string; title: string }> {
  return knowledge().answers.map((a) => ({ id: a.id, title: a.title })).sort((a, b) => a.title.localeCompare(b.title));
}
