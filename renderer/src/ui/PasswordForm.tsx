// Asks for a PDF's password. Paste and password managers work (WCAG 3.3.8); the password is
// sent only to this computer's reader and never stored.
import { useId, useState, type FormEvent } from 'react';

interface Props {
  onSubmit: (password: string) => void;
  /** the last password did not open the file */
  wrong?: boolean;
  submitLabel: string;
  busy?: boolean;
}

export function PasswordForm({ onSubmit, wrong, submitLabel, busy }: Props) {
  const [value, setValue] = useState('');
  const [show, setShow] = useState(false);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value) onSubmit(value);
  };
  return (
    <form className="password-form" onSubmit={submit}>
      <label htmlFor={`${id}-pw`}>Password for this PDF</label>
      <p className="hint" id={`${id}-hint`}>
        Clinics often send the password separately, for example in a text message or a second email. It is used only on this computer and is not saved.
      </p>
      {wrong && <p className="form-error" id={`${id}-err`} role="alert">That password did not open the file. Passwords are case-sensitive; please check it and try again.</p>}
      <div className="row">
        <input id={`${id}-pw`} type={show ? 'text' : 'password'} autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)}
          aria-describedby={`${id}-hint${wrong ? ` ${id}-err` : ''}`} aria-invalid={wrong || undefined} />
        <label className="choice"><input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> Show password</label>
      </div>
      <div className="card-actions">
        <button type="submit" className="btn btn-primary" disabled={!value || busy}>{submitLabel}</button>
      </div>
    </form>
  );
}
