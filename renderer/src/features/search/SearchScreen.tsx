// Search my records: every line that contains the words, grouped by record, with a way to
// see it on its page or to add it as a fact the app missed.
import { useMemo, useState, type FormEvent } from 'react';
import type { ScreenId } from '../../app/screens.ts';
import type { Evidence } from '../../../../shared/contract/facts.ts';
import { Loading, Notice, ScreenHeading } from '../../ui/bits.tsx';
import { useFactsState } from '../facts/FactsContext.tsx';
import { EvidenceDialog } from '../facts/EvidenceDialog.tsx';
import { FactEditor } from '../facts/editor/FactEditor.tsx';
import { buildIndex, evidenceOf, markTerms, type Hit } from './search-index.ts';

export function SearchScreen({ onGo }: { onGo: (id: ScreenId) => void }) {
  const documents = useFactsState()?.documents;
  const index = useMemo(() => documents && buildIndex(documents), [documents]);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [showing, setShowing] = useState<Evidence | null>(null);
  const [adding, setAdding] = useState<Evidence | null>(null);
  const hits = useMemo(() => (index && query ? index.search(query) : []), [index, query]);
  const files = new Set(hits.map((h) => h.recordId)).size;
  const submit = (e: FormEvent) => { e.preventDefault(); setQuery(text.trim()); };

  const heading = <ScreenHeading intro="Find words in all your records, for example a medicine, a test or a date.">Search my records</ScreenHeading>;
  if (!documents || !index) return <>{heading}<Loading what="your records" /></>;
  return (
    <div className="stack">
      {heading}
      {documents.length === 0 ? (
        <Notice><p>There is nothing to search yet.</p><button type="button" className="btn" onClick={() => onGo('records')}>Add my records</button></Notice>
      ) : (
        <form role="search" onSubmit={submit}>
          <label htmlFor="search-text">Words to find</label>
          <div className="row">
            <input id="search-text" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
            <button type="submit" className="btn btn-primary">Search</button>
          </div>
        </form>
      )}
      {query && (
        <section aria-labelledby="results-heading" data-results={hits.length}>
          <h2 id="results-heading" aria-live="polite">{hits.length === 0 ? `Nothing found for “${query}”` : `Found in ${hits.length} ${hits.length === 1 ? 'place' : 'places'}, in ${files} ${files === 1 ? 'record' : 'records'}`}</h2>
          {hits.length === 0 && <p>Try a shorter word, or another spelling. Scanned pages may have been read with small mistakes.</p>}
          <ul className="card-list">
            {hits.map((h) => <Result key={h.id} hit={h} onShow={() => setShowing(evidenceOf(h))} onAdd={() => setAdding(evidenceOf(h))} />)}
          </ul>
        </section>
      )}
      {showing && <EvidenceDialog title={showing.quote.slice(0, 60)} evidence={[showing]} onClose={() => setShowing(null)} />}
      {adding && <FactEditor target={{ mode: 'add', evidence: adding }} onClose={() => setAdding(null)} />}
    </div>
  );
}

function Result({ hit, onShow, onAdd }: { hit: Hit; onShow: () => void; onAdd: () => void }) {
  return (
    <li className="card search-hit" data-hit={hit.id}>
      <p className="muted small">{hit.file}, page {hit.page}{hit.source === 'ocr' ? ' (read from a scan)' : ''}</p>
      <p className="hit-text">{markTerms(hit.text, hit.terms).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</p>
      <div className="card-actions">
        <button type="button" className="btn btn-small" onClick={onShow}>Show on the page</button>
        <button type="button" className="btn btn-small" onClick={onAdd}>Add as a fact…</button>
      </div>
    </li>
  );
}
