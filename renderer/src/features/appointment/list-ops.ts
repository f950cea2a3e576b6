// The appointment list, as pure functions over (suggested questions, the person's changes).
// Suggested questions come fresh from the facts each time; what the person did to them
// (ticked, removed, moved) and their own questions are the stored QuestionState rows.
import type { TailoredQuestion } from '../../../../shared/contract/guidance.ts';
import type { QuestionState } from '../../store/questions.ts';

export interface ListItem {
  id: string;
  text: string;
  /** why it was suggested: each names a fact and where it was read */
  because: string[];
  own: boolean;
  done: boolean;
  position?: number;
  addedAt?: number;
}

export interface AppointmentList { items: ListItem[]; removed: ListItem[] }

export const suggestedId = (q: Pick<TailoredQuestion, 'id'>): string => `s:${q.id}`;

export function buildList(suggested: TailoredQuestion[], states: QuestionState[]): AppointmentList {
  const byId = new Map(states.map((s) => [s.id, s]));
  const all: ListItem[] = suggested.map((q) => {
    const s = byId.get(suggestedId(q));
    return { id: suggestedId(q), text: q.text, because: q.because, own: false, done: !!s?.done, position: s?.position };
  });
  const own = states.filter((s) => s.own && s.text).sort((a, b) => (a.addedAt ?? 0) - (b.addedAt ?? 0));
  for (const s of own) all.push({ id: s.id, text: s.text!, because: [], own: true, done: s.done, position: s.position, addedAt: s.addedAt });
  const isRemoved = (i: ListItem) => !!byId.get(i.id)?.removed;
  const kept = all.filter((i) => !isRemoved(i));
  const positioned = kept.filter((i) => i.position !== undefined).sort((a, b) => a.position! - b.position!);
  const rest = kept.filter((i) => i.position === undefined);
  // never reordered: suggested questions in the engine's order (most relevant first), then the person's own
  return { items: [...positioned, ...rest.filter((i) => !i.own), ...rest.filter((i) => i.own)], removed: all.filter(isRemoved) };
}

const stateOf = (i: ListItem, patch: Partial<QuestionState> = {}): QuestionState => ({
  id: i.id, own: i.own, ...(i.own ? { text: i.text, addedAt: i.addedAt } : {}), done: i.done, removed: false,
  ...(i.position !== undefined ? { position: i.position } : {}), ...patch,
});

/** Move one question up (-1) or down (+1); every question then keeps its place. */
export function move(items: ListItem[], index: number, delta: -1 | 1): QuestionState[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [];
  const order = [...items];
  [order[index], order[target]] = [order[target], order[index]];
  return order.map((i, n) => stateOf(i, { position: n }));
}

export function toggleDone(item: ListItem): QuestionState {
  return stateOf(item, { done: !item.done });
}

export function removeItem(item: ListItem): QuestionState {
  return stateOf(item, { removed: true });
}

export function restoreItem(item: ListItem): QuestionState {
  const { position: _p, ...rest } = stateOf(item, { removed: false });
  return rest; // back at the end of the list, where the person will see it
}

export function ownQuestion(text: string, id: string, now = Date.now()): QuestionState {
  return { id: `o:${id}`, own: true, text: text.trim(), addedAt: now, done: false, removed: false };
}
