// @vitest-environment jsdom
// The renderer's copy of the knowledge base matches the files on disk (same keys as the
// CLI), and Search finds words in the records and shows them on their page, marked.
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { knowledge, knowledgeFiles } from '../../../renderer/src/knowledge/knowledge.ts';
import { db } from '../../../renderer/src/store/db.ts';
import { createRecord, saveDocument } from '../../../renderer/src/store/records.ts';
import { renderApp } from './render-app.tsx';
import { textDocument } from './fake-api.ts';

const dir = path.resolve(import.meta.dirname, '../../../resources/knowledge');
afterEach(async () => { cleanup(); await Promise.all(db.tables.map((t) => t.clear())); });

describe('knowledge in the renderer', () => {
  it('loads every answer, section and rule file with the CLI’s path keys and no problems', () => {
    const keys = Object.keys(knowledgeFiles());
    const onDisk = (folder: string, ext: string) => fs.readdirSync(path.join(dir, folder)).filter((f) => f.endsWith(ext)).map((f) => `${folder}/${f}`);
    expect(keys.filter((k) => k.startsWith('answers/')).sort()).toEqual(onDisk('answers', '.md').sort());
    expect(keys.filter((k) => k.startsWith('sections/')).sort()).toEqual(onDisk('sections', '.md').sort());
    expect(keys.filter((k) => k.startsWith('rules/')).sort()).toEqual(onDisk('rules', '.json').sort());
    expect(keys.includes('synonyms.json')).toBe(fs.existsSync(path.join(dir, 'synonyms.json')));
    const k = knowledge();
    expect(k.problems).toEqual([]);
    expect(k.answers.length).toBe(onDisk('answers', '.md').length);
  });
});

describe('Search', () => {
  it('finds a word in the records and shows it on its page with the words marked', async () => {
    const bytes = new Uint8Array([7, 7, 7]);
    const id = await createRecord({ name: 'report.pdf', bytes, sha256: 'b'.repeat(64) });
    await saveDocument(id, textDocument('report.pdf', bytes, ['Specimen: right upper lobe', 'Result: osimertinib started']), 'done', { pageCount: 1, type: 'pdf' });
    const api = await renderApp('#/search');
    fireEvent.change(await screen.findByLabelText('Words to find'), { target: { value: 'osimert' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText(/Found in 1 place, in 1 record/)).toBeTruthy();
    const hit = document.querySelector<HTMLElement>('li.search-hit')!;
    expect(hit.querySelector('mark')?.textContent?.toLowerCase()).toBe('osimertinib');
    fireEvent.click(within(hit).getByRole('button', { name: 'Show on the page' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    await waitFor(() => expect(dialog.querySelector('.page-view')?.getAttribute('data-state')).toBe('shown'));
    const rect = dialog.querySelector('svg.page-highlight rect')!;
    expect(Number(rect.getAttribute('y'))).toBeCloseTo(0.13 - 0.004, 5);
    expect(dialog.querySelector('img')?.getAttribute('alt')).toBe('Page 1 of report.pdf, with the words marked');
    expect(api.calls.find((c) => c.channel === 'records:render-page')?.input).toMatchObject({ page: 1, scale: 2 });
  });
});
