// One question on the list: tick it off when asked, see why it was suggested, move it up or
// down with buttons (no dragging needed, WCAG 2.5.7), or remove it (it can be put back).
import { useEffect, useId, useState } from 'react';
import type { ListItem } from './list-ops.ts';

interface Props {
  item: ListItem;
  index: number;
  count: number;
  onToggle: () => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

export function QuestionItem({ item, index, count, onToggle, onMove, onRemove }: Props) {
  const id = useId();
  // shown at once; the stored list catches up a moment later
  const [done, setDone] = useState(item.done);
  useEffect(() => setDone(item.done), [item.done]);
  const short = item.text.length > 60 ? `${item.text.slice(0, 57)}…` : item.text;
  return (
    <li className={`card question${done ? ' question-done' : ''}`} data-question={item.id} data-done={item.done}>
      <div className="question-main">
        <input id={id} type="checkbox" checked={done} onChange={() => { setDone(!done); onToggle(); }} />
        <label htmlFor={id} className="question-text">
          <span className="question-number">{index + 1}.</span> {item.text}
          {done && <span className="muted small"> (asked)</span>}
        </label>
      </div>
      {item.own ? <p className="muted small question-why">Your own question.</p> : item.because.length > 0 && (
        <details className="question-why">
          <summary>Why this question</summary>
          <ul>{item.because.map((b, i) => <li key={i}>{b}</li>)}</ul>
        </details>
      )}
      <div className="card-actions">
        <button type="button" className="btn btn-small btn-quiet" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move up: ${short}`}>Move up</button>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move down: ${short}`}>Move down</button>
        <button type="button" className="btn btn-small btn-danger" onClick={onRemove} aria-label={`Remove: ${short}`}>Remove</button>
      </div>
    </li>
  );
}
