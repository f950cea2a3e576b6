// Ask a question in your own words, get the general answer that fits best with what it means
// for you, other answers that may fit, and every topic to browse.
import { useMemo, useState, type FormEvent } from 'react';
import { Loading, Notice, ScreenHeading } from '../../ui/bits.tsx';
import { useFactsState } from '../facts/FactsContext.tsx';
import { AnswerView } from './AnswerView.tsx';
import { allTopics, answerById, ask } from './answers.ts';

const EXAMPLES = ['What does PD-L1 mean?', 'What is my stage?', 'What side effects should I watch for?'];

type Shown = { kind: 'question'; text: string } | { kind: 'topic'; id: string } | null;

export function AskScreen() {
  const state = useFactsState();
  const [text, setText] = useState('');
  const [shown, setShown] = useState<Shown>(null);
  const topics = useMemo(allTopics, []);
  const facts = state?.person.facts;
  const result = useMemo(() => {
    if (!facts || !shown) return null;
    if (shown.kind === 'topic') return { answer: answerById(facts, shown.id), alternatives: [] };
    return ask(facts, shown.text);
  }, [facts, shown]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) setShown({ kind: 'question', text: text.trim() });
  };
  const heading = <ScreenHeading intro="Type a question in your own words. You get a general answer and, where your facts make a difference, what it means for you.">Ask a question</ScreenHeading>;
  if (!state) return <>{heading}<Loading what="answers" /></>;
  return (
    <div className="stack">
      {heading}
      <form className="ask-form" role="search" onSubmit={submit}>
        <label htmlFor="question">Your question</label>
        <div className="row">
          <input id="question" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" aria-describedby="question-hint" />
          <button type="submit" className="btn btn-primary">Ask</button>
        </div>
        <p className="hint" id="question-hint">For example:{' '}
          {EXAMPLES.map((q) => <button key={q} type="button" className="btn-link example" onClick={() => { setText(q); setShown({ kind: 'question', text: q }); }}>{q}</button>)}
        </p>
      </form>
      {result && !result.answer && (
        <Notice tone="check" role="status"><p>No answer matched “{shown?.kind === 'question' ? shown.text : ''}”. Try other words, or choose a topic below.</p></Notice>
      )}
      {result?.answer && <AnswerView answer={result.answer} />}
      {result && result.alternatives.length > 0 && (
        <section aria-labelledby="alt-heading">
          <h2 id="alt-heading">Other answers that may help</h2>
          <ul className="link-list">
            {result.alternatives.map((a) => <li key={a.id}><button type="button" className="btn-link" onClick={() => setShown({ kind: 'topic', id: a.id })}>{a.title}</button></li>)}
          </ul>
        </section>
      )}
      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">All topics ({topics.length})</h2>
        <ul className="link-list topics">
          {topics.map((t) => <li key={t.id}><button type="button" className="btn-link" onClick={() => setShown({ kind: 'topic', id: t.id })}>{t.title}</button></li>)}
        </ul>
      </section>
    </div>
  );
}
