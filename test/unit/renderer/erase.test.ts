// @vitest-environment jsdom
// "Delete everything", at the store level: it removes the key first, then the database and the
// page's storage, calls main, and an interrupted erase is finished at the next start.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { MIN_ITERATIONS } from '../../../shared/security/index.ts';
import { DB_NAME, db } from '../../../renderer/src/store/db.ts';
import { activeCodec, identityCodec, setCodec } from '../../../renderer/src/store/codec.ts';
import { createRecord, saveDocument } from '../../../renderer/src/store/records.ts';
import { setReview } from '../../../renderer/src/store/reviews.ts';
import { addFact } from '../../../renderer/src/store/additions.ts';
import { saveQuestionStates } from '../../../renderer/src/store/questions.ts';
import { setPersonalSetting, setPlainSetting } from '../../../renderer/src/store/settings.ts';
import { enableLock, readVaultState } from '../../../renderer/src/store/vault.ts';
import { beginErase, eraseEverything, eraseUnderWay, finishErase } from '../../../renderer/src/store/erase.ts';
import { fakeApi, textDocument } from './fake-api.ts';

const fast = { iterations: MIN_ITERATIONS };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const fileA = new TextEncoder().encode('%PDF-1.4 Northfield pathology: adenocarcinoma SECRET-A');
const fileB = new TextEncoder().encode('%PDF-1.4 Genomics laboratory: EGFR exon 19 SECRET-B');

async function freshProfile(): Promise<void> {
  setCodec(identityCodec);
  window.api = fakeApi();
  await db.delete();
  await db.open();
}

async function fillProfile(): Promise<{ a: string; b: string }> {
  const a = await createRecord({ name: 'report-a.pdf', bytes: fileA, sha256: sha(fileA) });
  await saveDocument(a, { ...textDocument('report-a.pdf', fileA, ['Northfield pathology: adenocarcinoma SECRET-A']), sha256: sha(fileA) }, 'done', { pageCount: 1 });
  const b = await createRecord({ name: 'report-b.pdf', bytes: fileB, sha256: sha(fileB), sample: true });
  await setReview('diagnosis', { status: 'corrected', value: { histology: 'SECRET-CORRECTION' } });
  await setReview('stage', { status: 'confirmed' });
  await addFact({ kind: 'treatment', fact: { name: 'SECRET-DRUG', category: 'other', start: null, end: null } });
  await saveQuestionStates([{ id: 'o:1', own: true, text: 'SECRET-QUESTION', done: true, removed: false }, { id: 's:rule', own: false, done: false, removed: true }]);
  await setPersonalSetting('careTeam', 'SECRET-TEAM');
  await setPlainSetting('textSize', 200);
  return { a, b };
}

beforeEach(freshProfile);
afterAll(async () => { setCodec(identityCodec); await db.delete(); });

describe('delete everything', () => {
  it('removes the key first, then the database and the page’s storage, and asks main to clear the rest', async () => {
    await fillProfile();
    await enableLock('a passphrase to erase', fast);
    localStorage.setItem('x', 'y');
    sessionStorage.setItem('records-lock:ask-passphrase', '1');
    const order: string[] = [];
    await eraseEverything(async () => {
      order.push('main');
      // by the time main is asked, the database is gone
      expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
    });
    expect(order).toEqual(['main']);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(activeCodec().name).toBe('locked');
    // the next start: an empty app, no lock
    setCodec(identityCodec);
    await db.open();
    expect(await readVaultState()).toEqual({ kind: 'none' });
    for (const t of db.tables) expect(await t.count(), t.name).toBe(0);
  });

  it('an erase cut short after the key went is finished at the next start', async () => {
    await fillProfile();
    await enableLock('a passphrase to erase', fast);
    await beginErase();
    // the app closes here; at the next start the key is already gone: nothing can be opened
    setCodec(identityCodec);
    db.close();
    await db.open();
    expect(await readVaultState()).toEqual({ kind: 'none' });
    expect(await eraseUnderWay()).toBe(true);
    let main = 0;
    await finishErase(async () => { main++; });
    expect(main).toBe(1);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
    await db.open();
    expect(await eraseUnderWay()).toBe(false);
    expect(await db.records.count()).toBe(0);
  });
});
