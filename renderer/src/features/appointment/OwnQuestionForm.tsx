// Add a question in the person's own words.
import { useState, type FormEvent } from 'react';

export function OwnQuestionForm({ onAdd }: { onAdd: (text: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    await onAdd(text);
    setText('');
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="card own-question">
      <label htmlFor="own-question">Add your own question</label>
      <p className="hint" id="own-question-hint">Anything you want to ask or say. It is added at the end of the list.</p>
      <textarea id="own-question" value={text} onChange={(e) => setText(e.target.value)} rows={2} aria-describedby="own-question-hint" />
      <div className="card-actions">
        <button type="submit" className="btn btn-primary" disabled={!text.trim()}>Add to my list</button>
      </div>
    </form>
  );
}
