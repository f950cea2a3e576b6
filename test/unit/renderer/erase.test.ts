// @vitest-environment jsdom
// "Delete everything", at the store level: it removes the key first, then the database and the
// page's storage, calls main, and an interrupted erase is finished at the next start.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MIN_ITERATIONS } from '../../../shared/security/index.ts';
import { DB_NAME, db } from '../../../renderer/src/store/db.ts';
import { activeCodec, identityCodec, setCodec } from '../../../renderer/src/store/codec.ts';
import { enableLock, readVaultState } from '../../../renderer/src/store/vault.ts';
import { beginErase, eraseEverything, eraseUnderWay, finishErase } from '../../../renderer/src/store/erase.ts';
import { fakeApi } from './fake-api.ts';
import { fillProfile } from './profile-fixture.ts';

const fast = { iterations: MIN_ITERATIONS };

async function freshProfile(): Promise<void> {
  setCodec(identityCodec);
  window.api = fakeApi();
  await db.delete();
  await db.open();
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
