// The knowledge base (general answers, guideline sections, question rules, synonyms) is
// bundled with the app: Vite inlines the files as text at build time, so nothing is ever
// fetched. The path keys mirror the command line's (electron/cli/guide.ts):
// `answers/x.md`, `sections/x.md`, `rules/x.json`, `synonyms.json`.
import { loadKnowledge } from '../../../shared/guidance/knowledge.ts';
import type { Knowledge } from '../../../shared/guidance/types.ts';

const PREFIX = '../../../resources/knowledge/';

const raw = import.meta.glob('../../../resources/knowledge/**/*', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function knowledgeFiles(files: Record<string, string> = raw): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    const key = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path;
    const [folder, name, extra] = key.split('/');
    const kept = key === 'synonyms.json'
      || (!extra && name && ((folder === 'rules' && name.endsWith('.json')) || ((folder === 'sections' || folder === 'answers') && name.endsWith('.md'))));
    if (kept) out[key] = text;
  }
  return out;
}

let loaded: Knowledge | null = null;

/** Parsed once, on first use. A file that does not validate is left out (see `problems`). */
export function knowledge(): Knowledge {
  loaded ??= loadKnowledge(knowledgeFiles());
  return loaded;
}
