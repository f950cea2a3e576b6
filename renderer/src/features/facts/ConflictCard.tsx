// Two records disagree. Both are shown side by side with where each was read; the person
// chooses one, or leaves it for the care team (it then becomes a question for them).
import type { Evidence } from '../../../../shared/contract/facts.ts';
import { conflictLabel } from '../../../../shared/guidance/conflicts.ts';
import { Badge } from '../../ui/bits.tsx';
import type { ConflictItem } from './model/apply.ts';
import { settleConflict } from './actions.ts';
import { capitalise } from './model/labels.ts';

export function ConflictCard({ item, onEvidence }: { item: ConflictItem; onEvidence: (title: string, evidence: Evidence[]) => void }) {
  const { conflict } = item;
  const label = conflictLabel(conflict.field);
  return (
    <li className="card conflict" data-conflict={conflict.field} data-resolved={!!conflict.resolved}>
      {conflict.resolved ? <Badge tone="ok">Settled by you</Badge> : <Badge tone="check">Not settled yet</Badge>}
      <h3>Your records disagree about {label}</h3>
      <p>{conflict.resolved ? `You chose “${conflict.chosen}”.` : 'Which one is right? If you are not sure, leave it: it is on your list of questions for your care team.'}</p>
      <ul className="split conflict-values">
        {conflict.values.map((v) => (
          <li key={v.value} className="card">
            <p className="conflict-value"><strong>{v.value}</strong>{conflict.chosen === v.value && conflict.resolved ? ' (your choice)' : ''}</p>
            <p className="muted small">{[...new Set(v.evidence.map((e) => `${e.file}, page ${e.page}`))].join('; ') || 'Place not known'}</p>
            <div className="card-actions">
              {v.evidence.length > 0 && <button type="button" className="btn btn-small" onClick={() => onEvidence(`${capitalise(label)}: ${v.value}`, v.evidence)}>Show where it says this</button>}
              {!(conflict.resolved && conflict.chosen === v.value) && (
                <button type="button" className="btn btn-small" onClick={() => void settleConflict(item.key, v.value)}>Use this one</button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {conflict.resolved && <button type="button" className="btn btn-small btn-quiet" onClick={() => void settleConflict(item.key, null)}>Undo: I am not sure</button>}
    </li>
  );
}
