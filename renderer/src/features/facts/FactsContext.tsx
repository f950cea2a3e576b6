// One place works out the person's facts (records + reviews + additions) and the guidance
// that follows from them, so every screen sees the same thing and a correction made on one
// screen shows everywhere at once.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Guidance } from '../../../../shared/contract/guidance.ts';
import { guide } from '../../../../shared/guidance/engine.ts';
import { useDocuments, type StoredDocument } from '../../store/records.ts';
import { useReviews } from '../../store/reviews.ts';
import { useAdditions } from '../../store/additions.ts';
import { knowledge } from '../../knowledge/knowledge.ts';
import { applyReviews, type PersonFacts } from './model/apply.ts';
import { mergedFacts } from './model/derive.ts';

interface FactsState {
  person: PersonFacts;
  /** the tailored questions, sections and missing items for these facts (no question asked) */
  guidance: Guidance;
  documents: StoredDocument[];
}

const Ctx = createContext<FactsState | undefined>(undefined);

export function FactsProvider({ children }: { children: ReactNode }) {
  const documents = useDocuments();
  const reviews = useReviews();
  const additions = useAdditions();
  const merged = useMemo(() => documents && mergedFacts(documents.map((d) => d.document)), [documents]);
  const value = useMemo<FactsState | undefined>(() => {
    if (!merged || !reviews || !additions || !documents) return undefined;
    const person = applyReviews(merged, reviews, additions);
    return { person, guidance: guide(person.facts, null, knowledge()), documents };
  }, [merged, reviews, additions, documents]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** undefined while the records are loading */
export function useFactsState(): FactsState | undefined {
  return useContext(Ctx);
}
