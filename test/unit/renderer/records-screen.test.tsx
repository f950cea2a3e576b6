// @vitest-environment jsdom
// Adding records on the Records screen: the bytes go through window.api.readRecord, progress
// is shown in words and as a bar, duplicates are recognised, locked PDFs ask for a password.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Progress } from '../../../shared/contract/document.ts';
import { db } from '../../../renderer/src/store/db.ts';
import { fileOf, renderApp } from './render-app.tsx';
import { textDocument } from './fake-api.ts';
import { readersFor } from '../../../renderer/src/features/records/importer.ts';

afterEach(async () => { cleanup(); await db.records.clear(); await db.originals.clear(); await db.documents.clear(); });

const pick = (files: File[]) => fireEvent.change(screen.getByTestId('file-input'), { target: { files } });
const row = (name: string) => document.querySelector<HTMLElement>(`li.record[data-record="${name}"]`);

describe('Records screen', () => {
  it('shows progress while a scan is read, then what was read, and recognises the same file again', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((r) => { finish = r; });
    const api = await renderApp('#/records', async (input, progress: (p: Progress) => void) => {
      progress({ phase: 'ocr', page: 1, pages: 2, source: 'ocr' });
      await gate;
      const doc = textDocument(input.name, input.bytes, ['Line one']);
      return { ...doc, pages: [{ ...doc.pages[0], source: 'ocr', confidence: 80 }], pageCount: 1 };
    });
    pick([fileOf('scan.pdf', [1, 2, 3])]);
    expect(await screen.findByText(/Reading a scanned page as a picture \(OCR\): 1 of 2 pages done/)).toBeTruthy();
    const bar = within(row('scan.pdf')!).getByRole('progressbar');
    expect(bar.getAttribute('value')).toBe('1');
    expect(bar.getAttribute('max')).toBe('2');
    finish();
    await waitFor(() => expect(row('scan.pdf')?.dataset.state).toBe('done'));
    expect(within(row('scan.pdf')!).getByText(/with text recognition \(OCR\)/)).toBeTruthy();
    expect(api.calls.filter((c) => c.channel === 'records:read')).toHaveLength(1);

    pick([fileOf('scan-copy.pdf', [1, 2, 3])]);
    expect(await screen.findByText(/“scan-copy.pdf” has the same content as “scan.pdf”/)).toBeTruthy();
    expect(document.querySelectorAll('li.record')).toHaveLength(1);
    expect(api.calls.filter((c) => c.channel === 'records:read')).toHaveLength(1);
  });

  it('asks for the password of a locked PDF, says when it is wrong, and reads it with the right one', async () => {
    await renderApp('#/records', async (input) => {
      const doc = textDocument(input.name, input.bytes, ['Locked report']);
      if (input.password === 'open sesame') return doc;
      const code = input.password ? 'password-wrong' : 'password-required';
      return { ...doc, type: 'pdf', pages: [], pageCount: 0, problems: [{ code, fatal: true, message: 'locked' }] };
    });
    pick([fileOf('locked.pdf', [9, 9])]);
    await waitFor(() => expect(row('locked.pdf')?.dataset.state).toBe('password'));
    expect(within(row('locked.pdf')!).getByText(/locked with a password/)).toBeTruthy();
    fireEvent.change(within(row('locked.pdf')!).getByLabelText('Password for this PDF'), { target: { value: 'guess' } });
    fireEvent.click(within(row('locked.pdf')!).getByRole('button', { name: 'Unlock and read' }));
    expect(await screen.findByText(/That password did not open the file/)).toBeTruthy();
    fireEvent.change(within(row('locked.pdf')!).getByLabelText('Password for this PDF'), { target: { value: 'open sesame' } });
    fireEvent.click(within(row('locked.pdf')!).getByRole('button', { name: 'Unlock and read' }));
    await waitFor(() => expect(row('locked.pdf')?.dataset.state).toBe('done'));
  });

  it('names a failure and offers to read again; removing asks first', async () => {
    let fail = true;
    await renderApp('#/records', async (input) => {
      if (fail) throw new Error("Error invoking remote method 'records:read': Error: Reading stopped unexpectedly.");
      return textDocument(input.name, input.bytes, ['ok']);
    });
    pick([fileOf('broken.pdf', [4, 5])]);
    await waitFor(() => expect(row('broken.pdf')?.dataset.state).toBe('failed'));
    expect(within(row('broken.pdf')!).getByText('Reading stopped unexpectedly.')).toBeTruthy();
    fail = false;
    fireEvent.click(within(row('broken.pdf')!).getByRole('button', { name: 'Read again' }));
    await waitFor(() => expect(row('broken.pdf')?.dataset.state).toBe('done'));

    fireEvent.click(within(row('broken.pdf')!).getByRole('button', { name: 'Remove…' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it', hidden: true }));
    expect(row('broken.pdf')).not.toBeNull();
    fireEvent.click(within(row('broken.pdf')!).getByRole('button', { name: 'Remove…' }));
    fireEvent.click(within(await screen.findByRole('dialog', { hidden: true })).getByRole('button', { name: 'Remove this record', hidden: true }));
    await waitFor(() => expect(row('broken.pdf')).toBeNull());
    expect(await db.originals.count()).toBe(0);
  });
  it('reads a few files at once, never more, and every one finishes; a waiting one can be stopped', async () => {
    const limit = readersFor(navigator.hardwareConcurrency);
    let inFlight = 0, most = 0;
    const gates: Array<() => void> = [];
    await renderApp('#/records', async (input, progress) => {
      inFlight++; most = Math.max(most, inFlight);
      progress({ phase: 'ocr', page: 1, pages: 1, source: 'ocr' });
      await new Promise<void>((r) => gates.push(r));
      inFlight--;
      return textDocument(input.name, input.bytes, [`Report ${input.name}`]);
    });
    const names = ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf', 'f.pdf'];
    pick(names.map((n, i) => fileOf(n, [i, i + 1, 7])));
    // one sentence for the lot, which stays true once they are read
    expect(await screen.findByText('Added 6 files. You can follow their reading in the list below.')).toBeTruthy();
    await waitFor(() => expect(gates).toHaveLength(limit));
    expect(inFlight).toBe(limit);
    // the last file is still waiting its turn: stopping it takes it out of the queue
    await waitFor(() => expect(within(row('f.pdf')!).getByRole('button', { name: 'Stop reading' })).toBeTruthy());
    fireEvent.click(within(row('f.pdf')!).getByRole('button', { name: 'Stop reading' }));
    await waitFor(() => expect(row('f.pdf')?.dataset.state).toBe('cancelled'));
    // each finished file makes room for the next
    for (let released = 0; released < 5; released++) {
      await waitFor(() => expect(gates.length).toBeGreaterThan(0));
      gates.shift()!();
    }
    await waitFor(() => expect(names.slice(0, 5).map((n) => row(n)?.dataset.state)).toEqual(Array(5).fill('done')));
    expect(most).toBe(limit);
    expect(limit).toBeGreaterThan(1);
    expect(row('f.pdf')?.dataset.state).toBe('cancelled');
  });

  it('how many are read at once follows the cores, within one to three', () => {
    expect([0, 1, 2, 4, 16, Number.NaN].map(readersFor)).toEqual([2, 2, 3, 3, 3, 2]);
  });
});
