// The appointment list as the person shaped it: their own questions, and what they did to
// the suggested ones (removed, ticked off, moved). Suggested questions themselves are not
// stored; they are worked out from the facts every time, so they follow every correction.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db.ts';
import { at, decode, encode } from './codec.ts';
import { DecodeCache, useDecoded } from './decoded.ts';

export interface QuestionState {
  /** `s:<rule id>` for a suggested question, `o:<uuid>` for the person's own */
  id: string;
  own: boolean;
  /** the person's own wording (own questions only) */
  text?: string;
  /** set once the person reorders; lower comes first */
  position?: number;
  /** when the person wrote it (own questions), to keep them in the order written */
  addedAt?: number;
  done: boolean;
  removed: boolean;
}

export async function saveQuestionStates(states: QuestionState[]): Promise<void> {
  const now = Date.now();
  const rows = await Promise.all(states.map(async (s) => ({ id: s.id, updatedAt: now, data: await encode(s, at('questions', s.id)) })));
  await db.questions.bulkPut(rows);
}

const cache = new DecodeCache<QuestionState>();

export function useQuestionStates(): QuestionState[] | undefined {
  const rows = useLiveQuery(() => db.questions.toArray(), []);
  return useDecoded(rows, cache, (r) => r.id, (r) => r.updatedAt, (r) => decode<QuestionState>(r.data, at('questions', r.id)));
}
