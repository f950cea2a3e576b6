// Search across the text of all records, line by line (so a hit can be shown on its page
// and turned into a fact's evidence). The index lives in memory and is rebuilt when the
// records change; it is never stored.
import MiniSearch from 'minisearch';
import type { Box } from '../../../../shared/contract/document.ts';
import type { Evidence } from '../../../../shared/contract/facts.ts';
import type { StoredDocument } from '../../store/records.ts';

export interface LineDoc {
  id: string;
  recordId: string;
  file: string;
  page: number;
  text: string;
  box: Box;
  source: Evidence['source'];
  confidence?: number;
}
export interface Hit extends LineDoc { terms: string[] }

export interface LineIndex { search: (q: string, limit?: number) => Hit[] }

export function buildIndex(docs: StoredDocument[]): LineIndex {
  const lines = new Map<string, LineDoc>();
  for (const { recordId, document } of docs) {
    for (const p of document.pages) {
      const source: Evidence['source'] = p.source === 'ocr' ? 'ocr' : p.source === 'text' ? 'text' : 'text-layer';
      p.lines.forEach((l, i) => {
        if (!l.text.trim()) return;
        const id = `${recordId}:${p.page}:${i}`;
        lines.set(id, { id, recordId, file: document.file, page: p.page, text: l.text, box: l.box, source, confidence: l.confidence ?? p.confidence });
      });
    }
  }
  const mini = new MiniSearch<LineDoc>({ fields: ['text'], idField: 'id', searchOptions: { prefix: true, combineWith: 'AND', fuzzy: (term) => (term.length > 5 ? 0.2 : false) } });
  mini.addAll([...lines.values()]);
  return {
    search: (q, limit = 100) => mini.search(q).slice(0, limit).map((r) => ({ ...lines.get(String(r.id))!, terms: r.terms })),
  };
}

export function evidenceOf(hit: LineDoc): Evidence {
  return {
    file: hit.file, page: hit.page, quote: hit.text, source: hit.source, box: hit.box,
    ...(hit.source === 'ocr' && hit.confidence !== undefined ? { confidence: hit.confidence } : {}),
  };
}

/** Split text into plain and matched parts, for <mark>. */
export function markTerms(text: string, terms: string[]): Array<{ text: string; match: boolean }> {
  const words = terms.filter((t) => t.length > 0).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return [{ text, match: false }];
  const re = new RegExp(`(${words.join('|')})`, 'gi');
  // split with one capturing group: odd parts are the matches
  return text.split(re).map((s, i) => ({ text: s, match: i % 2 === 1 })).filter((p) => p.text !== '');
}
