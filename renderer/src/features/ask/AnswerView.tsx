// One general answer: what it means for this person first (when their facts change it),
// then the general text, then its sources and when it was last checked.
import { useEffect, useRef } from 'react';
import type { Answer } from '../../../../shared/contract/guidance.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { plainDate } from '../facts/model/labels.ts';

export function AnswerView({ answer }: { answer: Answer }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [answer.id]);
  return (
    <article className="card answer" aria-labelledby={`answer-${answer.id}`} data-answer={answer.id}>
      <h2 id={`answer-${answer.id}`} ref={heading} tabIndex={-1}>{answer.title}</h2>
      {answer.forYou.length > 0 && (
        <section className="notice for-you" aria-labelledby="for-you-heading">
          <h3 id="for-you-heading">What this means for you</h3>
          <ul>{answer.forYou.map((t, i) => <li key={i}>{t}</li>)}</ul>
        </section>
      )}
      <Markdown source={answer.text} headingBase={3} />
      <footer className="answer-sources muted small">
        <h3>Sources</h3>
        <ul>{answer.sources.map((s) => <li key={s}>{s}</li>)}</ul>
        <p>Last checked against its sources: {plainDate(answer.reviewed) || answer.reviewed}. General information, not medical advice.</p>
      </footer>
    </article>
  );
}
