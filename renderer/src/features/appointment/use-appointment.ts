// The appointment list as the screens see it: suggested questions from the current facts
// with the person's own questions and changes applied.
import { useMemo } from 'react';
import { useFactsState } from '../facts/FactsContext.tsx';
import { useQuestionStates } from '../../store/questions.ts';
import { buildList, type AppointmentList, type ListItem } from './list-ops.ts';

export function useAppointment(): AppointmentList | undefined {
  const state = useFactsState();
  const states = useQuestionStates();
  return useMemo(() => (state && states ? buildList(state.guidance.questions, states) : undefined), [state, states]);
}

export function useAppointmentList(): ListItem[] | undefined {
  return useAppointment()?.items;
}
