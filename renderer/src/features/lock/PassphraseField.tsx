// A passphrase box. Paste and password managers work (WCAG 3.3.8: no copying by hand, no
// puzzles): nothing blocks paste, and autocomplete says what it is for. Whether it shows
// the text is one choice for the whole form (ShowPassphrase), so two boxes stay in step.
import { forwardRef, useId } from 'react';
import { isAcceptablePassphrase, MIN_PASSPHRASE_LENGTH } from '../../../../shared/security/index.ts';

interface Props {
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  show: boolean;
  /** new-password when choosing one, current-password when typing it */
  autoComplete: 'new-password' | 'current-password';
  error?: string;
  name?: string;
}

export const PassphraseField = forwardRef<HTMLInputElement, Props>(function PassphraseField({ label, hint, value, onChange, show, autoComplete, error, name }, ref) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      <input ref={ref} id={id} name={name} type={show ? 'text' : 'password'} autoComplete={autoComplete} spellCheck={false} autoCapitalize="off"
        value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      {error && <p className="form-error" id={`${id}-err`} role="alert">{error}</p>}
    </div>
  );
});

export function ShowPassphrase({ show, onChange, plural }: { show: boolean; onChange: (v: boolean) => void; plural?: boolean }) {
  return (
    <label className="choice">
      <input type="checkbox" checked={show} onChange={(e) => onChange(e.target.checked)} /> {plural ? 'Show the passphrases' : 'Show the passphrase'}
    </label>
  );
}

/** Two boxes for choosing a passphrase: what is wrong with the choice, or null when it will do. */
export function choiceProblem(first: string, second: string): string | null {
  if (!isAcceptablePassphrase(first)) return `Please choose a longer passphrase: at least ${MIN_PASSPHRASE_LENGTH} characters. A few words you will remember work well.`;
  if (first !== second) return 'The two passphrases are not the same. Please type the second one again.';
  return null;
}
