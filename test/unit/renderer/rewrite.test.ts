// @vitest-environment jsdom
// Leaving no old copy in Chromium's storage files (renderer/src/store/rewrite.ts): turning the
// lock on, changing its passphrase and removing the keychain store everything again from a
// sealed stash in main into a database whose files are new. Here: every row comes back exactly
// (records, originals, page text, corrections, added facts, questions, settings); the stash
// holds no readable word and only opens whole, in order, under this key; the app's writes are
// held meanwhile and a record being read is waited for; main failing changes nothing; a stash
// from an older schema is upgraded. The app closing at each step: rewrite-interrupted.test.ts.
import 'fake-indexeddb/auto';
import './one-realm.ts'; // as in Chromium: byte arrays come back as this realm's (the v1 → v2 upgrade copies rows)
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeys, MIN_ITERATIONS } from '../../../shared/security/index.ts';
import type { DocumentText } from '../../../shared/contract/document.ts';
import { db, holdWrites } from '../../../renderer/src/store/db.ts';
import { at, decode, identityCodec, setCodec } from '../../../renderer/src/store/codec.ts';
import { createRecord, getRecord } from '../../../renderer/src/store/records.ts';
import { setReview, type FactReview } from '../../../renderer/src/store/reviews.ts';
import { setPlainSetting } from '../../../renderer/src/store/settings.ts';
import { enableLock, openStore, readVaultState, removeLockKeychain, resumeStash, unlockWithKeychain, unlockWithPassphrase, VAULT_KEY } from '../../../renderer/src/store/vault.ts';
import { StashWriter } from '../../../renderer/src/store/stash-format.ts';
import { keyTools } from '../../../renderer/src/store/vault-codecs.ts';
import { osKeychain } from '../../../renderer/src/features/lock/keychain.ts';
import { readsFinished } from '../../../renderer/src/features/lock/session.ts';
import { importer } from '../../../renderer/src/features/records/importer.ts';
import { fakeApi, textDocument } from './fake-api.ts';
import {
  expected, expectFinished, failure, fast, fill, freshProfile, latin1, main, newApi, PASS, pdfBytes, rawRows, readBack, restart, rowCount, SECRETS, sha,
} from './rewrite-fixture.ts';

beforeEach(freshProfile);
afterAll(async () => { holdWrites(false); setCodec(identityCodec); await db.delete(); });

describe('storing everything again in fresh files', () => {
  it('turning the lock on puts every row back exactly, through a cleared database, and the stash is gone after', async () => {
    let before: Record<string, unknown[]> = {};
    let rowsWhenCleared = -1;
    main.crashAt = async (channel, when) => {
      if (channel === 'vault:clear-database' && when === 'before') before = await rawRows();
      if (channel === 'vault:clear-database' && when === 'after') rowsWhenCleared = await rowCount();
      return false;
    };
    expect(await enableLock(PASS, fast)).toEqual({ done: true });
    expect(rowsWhenCleared).toBe(0);
    const after = await rawRows();
    // the same rows, byte for byte; only the vault row moved on from "rewriting"
    const vault = (rows: Record<string, unknown[]>) => (rows.settings as Array<{ key: string; value: { phase: string } }>).find((r) => r.key === VAULT_KEY)!.value;
    expect(vault(before).phase).toBe('rewriting');
    expect(vault(after).phase).toBe('encrypted');
    vault(before).phase = 'encrypted';
    expect(after).toEqual(before);
    const order = main.api.calls.map((c) => c.channel).filter((c) => c.startsWith('vault:'));
    expect(order.indexOf('vault:stash-commit')).toBeLessThan(order.indexOf('vault:clear-database'));
    expect(order.at(-1)).toBe('vault:stash-clear');
    await expectFinished();
  });

  it('the stash is sealed: no record word, name, hash or passphrase in any part or the head, and it opens only whole and in order', async () => {
    let parts: Uint8Array[] = [];
    let head = '';
    main.crashAt = (channel, when) => {
      if (channel === 'vault:stash-commit' && when === 'after') {
        parts = [...main.api.stash.parts.values()].map((p) => new Uint8Array(p));
        head = main.api.stash.complete!.head;
      }
      return false;
    };
    await enableLock(PASS, fast);
    expect(parts.length).toBeGreaterThan(3); // small parts: an original spans several
    for (const p of parts) {
      for (const text of [latin1(p), Buffer.from(p).toString('utf16le')]) {
        for (const s of [...SECRETS, 'pathology', sha(pdfBytes), PASS, '"records"', 'clinic-letter']) expect(text, s).not.toContain(s);
      }
    }
    // the head holds the key file (safe in the clear, as in the database) and nothing of the records
    for (const s of [...SECRETS, 'pathology', PASS]) expect(head).not.toContain(s);
    expect(JSON.parse(head)).toMatchObject({ format: 'records-stash/1', vault: { phase: 'encrypted', keyFile: { format: 'records-keys/1' } } });

    // a stash with two parts swapped, or one missing, is refused (the parts are bound to their
    // place), and kept for another try
    const id = (main.api.calls.find((c) => c.channel === 'vault:stash-commit')!.input as { id: string }).id;
    for (const damage of ['swap', 'drop'] as const) {
      main.api.stash.parts.clear();
      parts.forEach((p, i) => main.api.stash.parts.set(`${id}/${i}`, p));
      if (damage === 'swap') { main.api.stash.parts.set(`${id}/1`, parts[2]); main.api.stash.parts.set(`${id}/2`, parts[1]); }
      else main.api.stash.parts.delete(`${id}/${parts.length - 1}`);
      main.api.stash.complete = { id, parts: parts.length, head };
      holdWrites(false);
      setCodec(identityCodec);
      db.close();
      await db.open();
      expect(await resumeStash()).toBe('resumed');
      expect(await failure(openStore(await unlockWithPassphrase(PASS), fast))).toMatch(/close the app and open it again/);
      expect(main.api.stash.complete).not.toBeNull();
    }
  });

  // the app closes: while the stash is written / once it is complete / once the database is

  it('a late "close" from the browser to the old connection does not close the new database', async () => {
    let old: IDBDatabase | null = null;
    let cleared = false;
    main.crashAt = async (c, w) => {
      if (c === 'vault:stash-commit' && w === 'after') old = db.backendDB();
      if (c === 'vault:clear-database' && w === 'after') cleared = true;
      // as if the clearing reached the old connection late, once the new database is open
      if (cleared && c === 'vault:stash-read' && w === 'before') { cleared = false; old?.onclose?.call(old, new Event('close')); }
      return false;
    };
    expect(await enableLock(PASS, fast)).toEqual({ done: true });
    expect(old).not.toBeNull();
    expect(db.isOpen()).toBe(true);
    await expectFinished();
  });

  it('holds the app’s writes while the copy is taken (refused, not lost), and lets them through again after', async () => {
    let refused = '';
    main.crashAt = (c, w, n) => {
      if (c === 'vault:stash-save' && w === 'before' && n === 1) void setReview('stage', { status: 'rejected' }).then(() => { refused = 'written'; }, (e: Error) => { refused = e.message; });
      return false;
    };
    expect(await enableLock(PASS, fast)).toEqual({ done: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(refused).toMatch(/busy/);
    await setReview('stage', { status: 'rejected' });
    expect((await decode<FactReview>((await db.reviews.get('stage'))!.data, at('reviews', 'stage'))).status).toBe('rejected');
  });

  it('when main cannot keep the stash, nothing changes: the lock is on, the app works, and the next start finishes', async () => {
    main.crashAt = (c, w, n) => c === 'vault:stash-save' && w === 'before' && n === 2 && 'fail';
    const result = await enableLock(PASS, fast);
    expect(result).toMatchObject({ done: false, problem: { message: expect.stringMatching(/not enough room/) } });
    main.crashAt = null;
    expect(await readVaultState()).toMatchObject({ kind: 'lock', phase: 'rewriting' });
    expect(main.api.stash.parts.size).toBe(0); // the unfinished copy was dropped
    expect(await readBack()).toEqual(expected());
    await setPlainSetting('textSize', 150); // writes go through again
    await restart();
    await expectFinished();
  });

  it('removing the keychain stores everything again without the keychain’s copy', async () => {
    newApi({ keychain: {} });
    await db.delete();
    await db.open();
    await fill();
    await enableLock(PASS, { ...fast, keychain: osKeychain });
    const slot = ((await db.settings.get(VAULT_KEY))!.value as { keyFile: { keychain: { wrapped: string } } }).keyFile.keychain.wrapped;
    expect(await unlockWithKeychain(osKeychain)).not.toBeNull();
    expect(await removeLockKeychain(fast)).toEqual({ done: true });
    expect(JSON.stringify(await rawRows())).not.toContain(slot);
    expect(await unlockWithKeychain(osKeychain)).toBeNull();
    await expectFinished();
  });
});

describe('a stash from an older version of the app', () => {
  it('goes back at its own schema version and is then upgraded like any database', async () => {
    // what an app with schema v1 left behind when it closed half-way: v1 rows, sealed
    const { keyFile, dataKey } = await createKeys(PASS, { iterations: MIN_ITERATIONS });
    const k = await keyTools(dataKey);
    const seal = (v: unknown, table: string, key: string, field = 'data') => k.values.encrypt(v, { table, key, field });
    const id = 'ab'.repeat(16);
    const parts: Uint8Array[] = [];
    const writer = new StashWriter(async (n, b) => { parts[n] = await k.values.encrypt(b, { table: '~stash', key: `${id}/${n}`, field: 'part' }); }, 256);
    const vault = { format: 'records-vault/1', phase: 'encrypted', keyFile };
    await writer.row('settings', { key: VAULT_KEY, value: vault });
    await writer.row('settings', { key: 'textSize', value: 200 });
    await writer.row('records', { id: 'r1', addedAt: 5, sha256: 'missing:r1', status: 'done', size: 3, meta: await seal({ name: 'SECRET-NAME-old.pdf', pageCount: 1, ocrPages: [], problems: [], locked: false }, 'records', 'r1', 'meta') });
    await writer.row('reviews', { key: 'diagnosis', updatedAt: 6, data: await seal({ status: 'confirmed', at: 6 }, 'reviews', 'diagnosis') });
    const count = await writer.end();
    parts.forEach((p, n) => main.api.stash.parts.set(`${id}/${n}`, p));
    main.api.stash.complete = { id, parts: count, head: JSON.stringify({ format: 'records-stash/1', schema: 1, rows: writer.rows, vault }) };

    await restart();
    expect(db.verno).toBe(2);
    expect(await db.records.get('r1')).toMatchObject({ sample: 0, updatedAt: 5 });
    expect((await getRecord('r1'))?.meta.name).toBe('SECRET-NAME-old.pdf');
    expect(await db.settings.get('textSize')).toEqual({ key: 'textSize', value: 200 });
    expect(await db.reviews.count()).toBe(1);
    expect(await db.additions.count()).toBe(0);
    expect(await readVaultState()).toMatchObject({ kind: 'lock', phase: 'encrypted' });
    expect(main.api.stash.complete).toBeNull();
  });
});


describe('a record being read while the lock is turned on', () => {
  it('is waited for (its result would be refused while writes are held), then saved and stored again with the rest', async () => {
    let finish = () => {};
    const reading = new Promise<void>((r) => { finish = r; });
    window.api = main.api = fakeApi(async (input) => {
      await reading;
      return textDocument(input.name, input.bytes, ['SECRET-LATE-PAGE']);
    });
    const late = new TextEncoder().encode('%PDF-1.4 the late one');
    const id = await createRecord({ name: 'late.pdf', bytes: late, sha256: sha(late) });
    importer.enqueue(id);
    const steps: string[] = [];
    const locking = enableLock(PASS, { ...fast, beforeRewrite: readsFinished, onProgress: (p) => { if (steps.at(-1) !== p.step) steps.push(p.step); } });
    await new Promise((r) => setTimeout(r, 300));
    expect(steps.at(-1)).toBe('waiting');
    expect(main.api.calls.some((c) => c.channel === 'vault:stash-save')).toBe(false);
    finish();
    expect(await locking).toEqual({ done: true });
    expect(steps).toEqual(['protecting', 'waiting', 'rewriting']);
    expect((await getRecord(id))?.status).toBe('done');
    const doc = await decode<DocumentText>((await db.documents.get(id))!.data, at('documents', id));
    expect(doc.pages[0].text).toBe('SECRET-LATE-PAGE');
    expect(JSON.stringify(await rawRows())).not.toContain('SECRET-LATE-PAGE');
  });
});

