// What the person can do to a fact. Each writes one review (keyed by the fact's identity)
// or changes their own addition; the facts, questions and answers follow from the store.
import type { Evidence } from '../../../../shared/contract/facts.ts';
import { setReview } from '../../store/reviews.ts';
import { addFact, removeAddedFact, updateAddedFact, type AddedFact } from '../../store/additions.ts';
import { announce } from '../../ui/announce.ts';
import type { FactItem } from './model/apply.ts';

type AnyItem = FactItem<{ evidence?: Evidence[] }>;

export async function confirmFact(item: AnyItem, label: string): Promise<void> {
  await setReview(item.key, { status: 'confirmed' });
  announce(`Marked as right: ${label}.`);
}

export async function rejectFact(item: AnyItem, label: string): Promise<void> {
  if (item.addedId) await removeAddedFact(item.addedId);
  else await setReview(item.key, { status: 'rejected' });
  announce(`${label} will not be used. You can undo this.`);
}

export async function undoReview(item: AnyItem, label: string): Promise<void> {
  await setReview(item.key, null);
  announce(`Back to what the records say: ${label}.`);
}

/** Save a correction (or, for the diagnosis and stage, something the records did not state). */
export async function correctFact(key: string, value: Record<string, unknown>, evidence?: Evidence[]): Promise<void> {
  await setReview(key, { status: 'corrected', value, ...(evidence?.length ? { evidence } : {}) });
  announce('Saved. Your questions and answers now use this.');
}

export async function saveAddition(fact: AddedFact, existingId?: string): Promise<void> {
  if (existingId) await updateAddedFact(existingId, fact);
  else await addFact(fact);
  announce('Saved. Your questions and answers now use this.');
}

export async function settleConflict(key: string, chosen: string | null): Promise<void> {
  await setReview(key, chosen ? { status: 'corrected', chosen } : null);
  announce(chosen ? `You chose “${chosen}”.` : 'Left open, to ask your care team.');
}
