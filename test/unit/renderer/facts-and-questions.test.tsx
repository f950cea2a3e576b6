// @vitest-environment jsdom
// A fact the person adds or corrects is saved at once and changes the suggested questions;
// the appointment list keeps the person's own questions, order, ticks and removals.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { db } from '../../../renderer/src/store/db.ts';
import { setReview } from '../../../renderer/src/store/reviews.ts';
import { renderApp } from './render-app.tsx';

afterEach(async () => { cleanup(); await Promise.all(db.tables.map((t) => t.clear())); });

const questionTexts = () => [...document.querySelectorAll('li.question .question-text')].map((q) => q.textContent!.replace(/^\d+\.\s*/, ''));
const diagnosisCard = () => waitFor(() => {
  const el = document.querySelector<HTMLElement>('li.fact[data-fact="diagnosis"]');
  if (!el) throw new Error('no diagnosis card yet');
  return el;
});
const go = (screenId: string) => fireEvent.click(document.querySelector(`[data-nav="${screenId}"]`)!);

async function chooseHistology(value: string) {
  const dialog = await screen.findByRole('dialog', { hidden: true });
  fireEvent.change(within(dialog).getByLabelText('Type of lung cancer (histology)'), { target: { value } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));
  await waitFor(() => expect(document.querySelector('dialog')).toBeNull());
}

describe('facts flow into questions', () => {
  it('adds the type of cancer, then a correction changes the questions', async () => {
    await renderApp('#/facts');
    await db.records.add({ id: 'r', addedAt: 1, updatedAt: 1, sha256: 'a'.repeat(64), sample: 0, status: 'done', size: 1, meta: { name: 'x.pdf', type: 'pdf', mime: null, pageCount: 0, ocrPages: [], problems: [], locked: false } });
    await db.documents.add({ id: 'r', updatedAt: 1, data: { file: 'x.pdf', sha256: 'a'.repeat(64), type: 'pdf', mime: null, pages: [], pageCount: 0, problems: [] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Add the type of cancer' }));
    await chooseHistology('adenocarcinoma');
    const card = await diagnosisCard();
    expect(within(card).getByText('Adenocarcinoma')).toBeTruthy();
    expect(within(card).getByText('Added by you')).toBeTruthy();
    expect(within(card).getByText(/Non-small cell lung cancer/)).toBeTruthy();

    go('appointment');
    await screen.findByRole('heading', { name: /My questions/ });
    await waitFor(() => expect(questionTexts().length).toBeGreaterThan(0));
    const before = questionTexts();

    go('facts');
    fireEvent.click(within(await diagnosisCard()).getByRole('button', { name: 'Correct it' }));
    await chooseHistology('small cell carcinoma');
    await waitFor(() => expect(document.querySelector('li.fact[data-fact="diagnosis"] .fact-label')?.textContent).toBe('Small cell carcinoma'));

    go('appointment');
    await screen.findByRole('heading', { name: /My questions/ });
    await waitFor(() => expect(questionTexts()).not.toEqual(before));
  });
});

describe('appointment list', () => {
  it('adds, moves, ticks, removes and puts back questions, and saves as PDF', async () => {
    await setReview('diagnosis', { status: 'corrected', value: { cancerType: 'NSCLC', histology: 'adenocarcinoma', diagnosisDate: null } });
    const api = await renderApp('#/appointment');
    await waitFor(() => expect(questionTexts().length).toBeGreaterThan(1));
    const n = questionTexts().length;

    fireEvent.change(screen.getByLabelText('Add your own question'), { target: { value: 'Can I still go swimming?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to my list' }));
    await waitFor(() => expect(questionTexts().at(-1)).toContain('Can I still go swimming?'));

    fireEvent.click(screen.getByRole('button', { name: 'Move up: Can I still go swimming?' }));
    await waitFor(() => expect(questionTexts().at(-2)).toContain('Can I still go swimming?'));

    const mine = () => document.querySelector<HTMLElement>('li.question[data-question^="o:"]')!;
    fireEvent.click(within(mine()).getByRole('checkbox'));
    await waitFor(() => expect(mine().dataset.done).toBe('true'));

    const first = document.querySelector<HTMLElement>('li.question')!;
    const firstText = questionTexts()[0];
    fireEvent.click(within(first).getByRole('button', { name: /^Remove:/ }));
    await waitFor(() => expect(questionTexts()).toHaveLength(n));
    fireEvent.click(screen.getByRole('button', { name: 'Put back on my list' }));
    await waitFor(() => expect(questionTexts()).toHaveLength(n + 1));
    expect(questionTexts().at(-1)).toBe(firstText);

    fireEvent.click(screen.getByRole('button', { name: 'Save as PDF…' }));
    expect(await screen.findByText('Saved as a PDF.')).toBeTruthy();
    const save = api.calls.find((c) => c.channel === 'app:save-pdf');
    expect(save?.input).toMatchObject({ suggestedName: expect.stringMatching(/^Questions for my appointment \d{4}-\d{2}-\d{2}\.pdf$/) });

    // the printed sheet carries the list, the date and the disclaimer
    const sheet = document.querySelector('.print-sheet')!;
    expect(sheet.textContent).toContain('Can I still go swimming?');
    expect(sheet.textContent).toMatch(/Printed on \d{1,2} \w+ \d{4}/);
    expect(sheet.textContent).toContain('not medical advice');
  });
});

describe('conflicts', () => {
  it('shows both values side by side and saves the one the person chooses', async () => {
    const { render } = await import('@testing-library/react');
    const { ConflictCard } = await import('../../../renderer/src/features/facts/ConflictCard.tsx');
    const ev = (file: string) => [{ file, page: 1, quote: 'PD-L1' }];
    const item = { key: 'conflict:biomarker:PD-L1', conflict: { field: 'biomarker:PD-L1', chosen: null, values: [{ value: '80%', evidence: ev('a.pdf') }, { value: '60%', evidence: ev('b.pdf') }] } };
    const shown: string[] = [];
    render(<ul><ConflictCard item={item} onEvidence={(title) => shown.push(title)} /></ul>);
    expect(screen.getByText('Your records disagree about the PD-L1 result')).toBeTruthy();
    expect(screen.getByText('a.pdf, page 1')).toBeTruthy();
    expect(screen.getByText('b.pdf, page 1')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Show where it says this' })[1]);
    expect(shown).toEqual(['The PD-L1 result: 60%']);
    fireEvent.click(screen.getAllByRole('button', { name: 'Use this one' })[1]);
    await waitFor(async () => expect((await db.reviews.get('conflict:biomarker:PD-L1'))?.data).toMatchObject({ status: 'corrected', chosen: '60%' }));
  });
});
