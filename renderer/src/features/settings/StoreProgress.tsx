// What the app says while it changes how the records are stored (the lock on or off, a new
// passphrase, the keychain removed), step by step, in plain words.
import type { StoreProgress as Progress } from '../../store/vault.ts';

interface Props {
  progress: Progress | { done: number; total: number };
  /** what the person asked for, e.g. "Protecting your records" */
  doing: string;
}

export function StoreProgress({ progress, doing }: Props) {
  const step = 'step' in progress ? progress.step : undefined;
  const text = step === 'waiting' ? 'Waiting for the records being read to finish…'
    : step === 'rewriting' ? 'Storing everything again in fresh files, so no older copy is left behind…'
      : progress.total ? `${doing}: ${progress.done} of ${progress.total} items.` : `${doing}…`;
  return (
    <div role="status" data-store-step={step ?? 'converting'}>
      <p>{text} Please keep the app open.</p>
      {progress.total > 0 && <progress max={progress.total} value={progress.done} aria-label={doing} />}
    </div>
  );
}
