// The appointment list: suggested questions from the facts plus the person's own, with their
// ticks, removals and order, as pure operations.
import { describe, expect, it } from 'vitest';
import type { TailoredQuestion } from '../../../shared/contract/guidance.ts';
import type { QuestionState } from '../../../renderer/src/store/questions.ts';
import { buildList, move, ownQuestion, removeItem, restoreItem, toggleDone } from '../../../renderer/src/features/appointment/list-ops.ts';

const q = (id: string): TailoredQuestion => ({ id, text: `Question ${id}?`, because: [`fact for ${id}`], topics: [] });
const suggested = [q('a'), q('b'), q('c')];

/** apply saved states like the store does (put by id) */
const save = (states: QuestionState[], changes: QuestionState[]) => {
  const m = new Map(states.map((s) => [s.id, s]));
  for (const c of changes) m.set(c.id, c);
  return [...m.values()];
};

describe('appointment list', () => {
  it('lists suggested questions in the engine order, then own questions in the order written', () => {
    const states = [ownQuestion('Second?', '2', 20), ownQuestion('First?', '1', 10)];
    const { items, removed } = buildList(suggested, states);
    expect(items.map((i) => i.id)).toEqual(['s:a', 's:b', 's:c', 'o:1', 'o:2']);
    expect(items[0]).toMatchObject({ text: 'Question a?', because: ['fact for a'], own: false, done: false });
    expect(removed).toEqual([]);
  });

  it('moves a question up and down with buttons, and keeps that order', () => {
    let states: QuestionState[] = [ownQuestion('Mine?', 'm', 1)];
    let items = buildList(suggested, states).items;
    states = save(states, move(items, 3, -1));
    items = buildList(suggested, states).items;
    expect(items.map((i) => i.id)).toEqual(['s:a', 's:b', 'o:m', 's:c']);
    states = save(states, move(items, 0, 1));
    expect(buildList(suggested, states).items.map((i) => i.id)).toEqual(['s:b', 's:a', 'o:m', 's:c']);
    expect(move(items, 0, -1)).toEqual([]);
    expect(move(items, items.length - 1, 1)).toEqual([]);
  });

  it('adds new suggested questions after the ones the person ordered', () => {
    const states = move(buildList(suggested, []).items, 1, 1);
    expect(buildList([...suggested, q('new')], states).items.map((i) => i.id)).toEqual(['s:a', 's:c', 's:b', 's:new']);
  });

  it('ticks off, removes and puts back', () => {
    let states: QuestionState[] = [];
    const items = buildList(suggested, states).items;
    states = save(states, [toggleDone(items[1])]);
    expect(buildList(suggested, states).items[1].done).toBe(true);
    states = save(states, [removeItem(buildList(suggested, states).items[0])]);
    const after = buildList(suggested, states);
    expect(after.items.map((i) => i.id)).toEqual(['s:b', 's:c']);
    expect(after.removed.map((i) => i.id)).toEqual(['s:a']);
    states = save(states, [restoreItem(after.removed[0])]);
    expect(buildList(suggested, states).items.map((i) => i.id)).toEqual(['s:a', 's:b', 's:c']);
    expect(buildList(suggested, states).items[1].done).toBe(true);
  });

  it('drops suggested questions that no longer fit the facts, but keeps own questions', () => {
    const states = [toggleDone(buildList(suggested, []).items[0]), ownQuestion('Mine?', 'm', 1)];
    expect(buildList([q('b')], states).items.map((i) => i.id)).toEqual(['s:b', 'o:m']);
  });

  it('trims own questions', () => {
    expect(ownQuestion('  Can I travel?  ', 'x', 5)).toEqual({ id: 'o:x', own: true, text: 'Can I travel?', addedAt: 5, done: false, removed: false });
  });
});
