// Labelled form fields: a visible label, an optional hint tied with aria-describedby, and
// big targets. Radio groups are fieldsets with a legend.
import { useId } from 'react';

interface Base { label: string; hint?: string; value: string; onChange: (v: string) => void }

export function TextField({ label, hint, value, onChange, type = 'text', list, inputMode }: Base & { type?: 'text' | 'date' | 'number'; list?: string; inputMode?: 'decimal' | 'text' }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} list={list} inputMode={inputMode}
        aria-describedby={hint ? `${id}-hint` : undefined} step={type === 'number' ? 'any' : undefined} />
    </div>
  );
}

export function SelectField({ label, hint, value, onChange, options }: Base & { options: Array<[string, string]> }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </div>
  );
}

export function RadioField({ label, hint, value, onChange, options }: Base & { options: Array<[string, string]> }) {
  const name = useId();
  return (
    <fieldset>
      <legend>{label}</legend>
      {hint && <p className="hint">{hint}</p>}
      {options.map(([v, text]) => (
        <label key={v} className="choice">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} /> {text}
        </label>
      ))}
    </fieldset>
  );
}
