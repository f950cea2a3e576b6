// One fact: what it is in plain words, where it was read, whether it needs checking, and
// what the person can do: see the page, say it is right, correct it, or say it is wrong.
// Status is always written out (and marked with a symbol), never shown by colour alone.
import type { ReactNode } from 'react';
import type { Evidence } from '../../../../shared/contract/facts.ts';
import { Badge } from '../../ui/bits.tsx';
import type { FactItem } from './model/apply.ts';
import { confirmFact, rejectFact, undoReview } from './actions.ts';

interface Props {
  item: FactItem<{ evidence?: Evidence[] }>;
  label: string;
  children?: ReactNode;
  /** what the records said, shown after a correction */
  wasLabel?: string;
  onEvidence: () => void;
  onCorrect: () => void;
}

function Status({ item, wasLabel }: { item: Props['item']; wasLabel?: string }) {
  if (item.addedId) return <Badge tone="info">Added by you</Badge>;
  if (item.review?.status === 'confirmed') return <Badge tone="ok">Checked by you</Badge>;
  if (item.review?.status === 'corrected' && !item.extracted) return <Badge tone="info">Added by you</Badge>;
  if (item.review?.status === 'corrected') return <><Badge tone="ok">Corrected by you</Badge>{wasLabel && <span className="muted small"> The record said: {wasLabel}</span>}</>;
  if (item.review?.status === 'rejected') return <Badge tone="wrong">Marked wrong: not used</Badge>;
  if (item.needsCheck) return <Badge tone="check">Please check: read from a scan</Badge>;
  return null;
}

export function FactCard({ item, label, children, wasLabel, onEvidence, onCorrect }: Props) {
  const first = item.evidence[0];
  const rejected = item.review?.status === 'rejected';
  return (
    <li className={`card fact${rejected ? ' fact-rejected' : ''}`} data-fact={item.key} data-review={item.review?.status ?? (item.addedId ? 'added' : 'none')} data-needs-check={item.needsCheck}>
      <div className="fact-status"><Status item={item} wasLabel={wasLabel} /></div>
      <h3 className="fact-label">{rejected ? <s>{label}</s> : label}</h3>
      {children}
      <p className="muted small">
        {first ? <>From {first.file}, page {first.page}{item.evidence.length > 1 ? ` and ${item.evidence.length - 1} more ${item.evidence.length === 2 ? 'place' : 'places'}` : ''}</> : item.addedId || item.review?.status === 'corrected' ? 'Entered by you' : 'Where it was read is not known'}
      </p>
      <div className="card-actions">
        {item.evidence.length > 0 && <button type="button" className="btn btn-small" onClick={onEvidence}>Show where it says this</button>}
        {rejected || (item.review && !item.addedId) ? (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => void undoReview(item, label)}>{rejected ? 'Undo: use it again' : 'Undo my change'}</button>
        ) : !item.addedId && (
          <button type="button" className="btn btn-small" onClick={() => void confirmFact(item, label)}>This is right</button>
        )}
        {!rejected && <button type="button" className="btn btn-small" onClick={onCorrect}>{item.addedId ? 'Edit' : 'Correct it'}</button>}
        {!rejected && <button type="button" className="btn btn-small btn-danger" onClick={() => void rejectFact(item, label)}>{item.addedId ? 'Remove' : 'This is wrong'}</button>}
      </div>
    </li>
  );
}
