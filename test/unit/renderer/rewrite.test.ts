// @vitest-environment jsdom
// Leaving no old copy in Chromium's storage files (renderer/src/store/rewrite.ts): turning the
// lock on, changing its passphrase and removing the keychain store everything again from a
// sealed stash in main into a database whose files are new. Here: every row comes back exactly
// (records, originals, page text, corrections, added facts, questions, settings); the stash
// holds no readable word and only opens under this key; the app closing at each step (while
// the stash is written, once it is complete, once the database is cleared, half-way back) is
// finished at the next start with nothing lost; the app's writes are held meanwhile.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { isSecurityError, MIN_ITERATIONS } from '../../../shared/security/index.ts';
import type { Channel } from '../../../shared/contract/ipc.ts';
import { db, holdWrites, RecordsDb } from '../../../renderer/src/store/db.ts';
import { at, decode, identityCodec, setCodec } from '../../../renderer/src/store/codec.ts';
import { createRecord, findBySha, getRecord, readOriginal, saveDocument } from '../../../renderer/src/store/records.ts';
import { setReview, type FactReview } from '../../../renderer/src/store/reviews.ts';
import { addFact, type AddedFact } from '../../../renderer/src/store/additions.ts';
import { saveQuestionStates, type QuestionState } from '../../../renderer/src/store/questions.ts';
import { setPersonalSetting, setPlainSetting } from '../../../renderer/src/store/settings.ts';
import {
  changeLockPassphrase, enableLock, openStore, readVaultState, removeLockKeychain, resumeStash, unlockWithKeychain, unlockWithPassphrase, VAULT_KEY,
} from '../../../renderer/src/store/vault.ts';
import { osKeychain } from '../../../renderer/src/features/lock/keychain.ts';
import { readsFinished } from '../../../renderer/src/features/lock/session.ts';
import { importer } from '../../../renderer/src/features/records/importer.ts';
import type { DocumentText } from '../../../shared/contract/document.ts';
import { StashReader, StashWriter } from '../../../renderer/src/store/stash-format.ts';
import { fakeApi, textDocument, type FakeApi } from './fake-api.ts';

const PASS = 'correct horse battery staple';
const fast = { iterations: MIN_ITERATIONS, partBytes: 256 };
const SECRETS = ['SECRET-NAME', 'SECRET-PAGE-TEXT', 'SECRET-FILE-BYTES', 'SECRET-CORRECTION', 'SECRET-DRUG', 'SECRET-QUESTION', 'SECRET-TEAM', 'SECRET-NOTES', 'adenocarcinoma'];
const pdfBytes = new TextEncoder().encode(`%PDF-1.4 SECRET-FILE-BYTES ${'x'.repeat(700)} end`);
const scanBytes = new TextEncoder().encode('%PDF-1.4 a second SECRET-FILE-BYTES report');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const isBytes = (v: unknown): v is Uint8Array => Object.prototype.toString.call(v) === '[object Uint8Array]';
const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

/** Every raw row of every table (through a connection of its own: `db` may be closed), bytes as latin1. */
async function rawRows(): Promise<Record<string, unknown[]>> {
  const own = new RecordsDb();
  try {
    await own.open();
    const show = (v: unknown): unknown => isBytes(v) ? `bytes:${latin1(new Uint8Array(v))}` : Array.isArray(v) ? v.map(show)
      : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, show(x)])) : v;
    return Object.fromEntries(await Promise.all(own.tables.map(async (t) => [t.name, show(await t.toArray()) as unknown[]])));
  } finally {
    own.close();
  }
}
const rowCount = async () => Object.values(await rawRows()).reduce((n, rows) => n + rows.length, 0);

let ids: { pdf: string; scan: string };
async function fill(): Promise<void> {
  const pdf = await createRecord({ name: 'SECRET-NAME-pathology.pdf', bytes: pdfBytes, sha256: sha(pdfBytes) });
  await saveDocument(pdf, { ...textDocument('SECRET-NAME-pathology.pdf', pdfBytes, ['SECRET-PAGE-TEXT adenocarcinoma']), sha256: sha(pdfBytes) }, 'done', { pageCount: 1 });
  const scan = await createRecord({ name: 'clinic-letter.pdf', bytes: scanBytes, sha256: sha(scanBytes), sample: true });
  await setReview('diagnosis', { status: 'corrected', value: { histology: 'SECRET-CORRECTION' } });
  await setReview('stage', { status: 'confirmed' });
  await addFact({ kind: 'treatment', fact: { name: 'SECRET-DRUG', category: 'other', start: null, end: null } });
  await saveQuestionStates([{ id: 'o:1', own: true, text: 'SECRET-QUESTION', done: false, removed: false }, { id: 's:rule', own: false, done: true, removed: false }]);
  await setPersonalSetting('careTeam', 'SECRET-TEAM');
  await setPersonalSetting('notes', 'SECRET-NOTES');
  await setPlainSetting('textSize', 150);
  await setPlainSetting('largePrint', true);
  await setPlainSetting('autoLockMinutes', 60);
  ids = { pdf, scan };
}

/** Everything a person put in, read back through the store and the installed codec. */
async function readBack() {
  const d = <T>(v: unknown, table: string, key: string, field = 'data') => decode<T>(v, at(table, key, field));
  const question = await db.questions.get('o:1');
  const settings = Object.fromEntries((await db.settings.toArray()).filter((r) => r.key !== VAULT_KEY).map((r) => [r.key, r.value]));
  return {
    records: [(await getRecord(ids.pdf))?.meta.name, (await getRecord(ids.scan))?.sample],
    originals: [latin1(new Uint8Array((await readOriginal(ids.pdf))!)), latin1(new Uint8Array((await readOriginal(ids.scan))!))],
    page: (await d<DocumentText>((await db.documents.get(ids.pdf))!.data, 'documents', ids.pdf)).pages[0].text,
    reviews: await Promise.all((await db.reviews.toArray()).map(async (r) => (await d<FactReview>(r.data, 'reviews', r.key)).status)),
    correction: (await d<FactReview>((await db.reviews.get('diagnosis'))!.data, 'reviews', 'diagnosis')).value,
    addition: ((await d<AddedFact>((await db.additions.toArray())[0].data, 'additions', (await db.additions.toArray())[0].id)).fact as { name: string }).name,
    question: (await d<QuestionState>(question!.data, 'questions', 'o:1')).text,
    questions: await db.questions.count(),
    team: await d<string>(settings['personal:careTeam'], 'settings', 'personal:careTeam', 'value'),
    notes: await d<string>(settings['personal:notes'], 'settings', 'personal:notes', 'value'),
    plain: [settings.textSize, settings.largePrint, settings.autoLockMinutes],
    duplicate: (await findBySha(sha(pdfBytes)))?.id,
  };
}
const expected = () => ({
  records: ['SECRET-NAME-pathology.pdf', true], originals: [latin1(pdfBytes), latin1(scanBytes)], page: 'SECRET-PAGE-TEXT adenocarcinoma',
  reviews: ['corrected', 'confirmed'], correction: { histology: 'SECRET-CORRECTION' }, addition: 'SECRET-DRUG', question: 'SECRET-QUESTION', questions: 2,
  team: 'SECRET-TEAM', notes: 'SECRET-NOTES', plain: [150, true, 60], duplicate: ids.pdf,
});

// The app "closes" at a chosen call to main: that call throws, and so does every later one
// (the process is gone), so nothing the page would still do afterwards reaches main. Or main
// only fails that one call ('fail': the disk is full, say) and the app carries on.
let api: FakeApi;
let crashAt: ((channel: Channel, when: 'before' | 'after', n: number) => boolean | 'fail' | Promise<boolean>) | null = null;
let crashed = false;
function newApi(options: Parameters<typeof fakeApi>[1] = {}): FakeApi {
  crashAt = null;
  crashed = false;
  api = fakeApi(undefined, {
    ...options,
    interrupt: async (channel, when, n) => {
      const what = crashed || await crashAt?.(channel, when, n);
      if (what === 'fail') throw new Error('There is not enough room on the disk.');
      if (what) { crashed = true; throw new Error('the app was closed'); }
    },
  });
  window.api = api;
  return api;
}

/** A new page after the app closed: nothing in memory, nothing held. */
async function reopen(): Promise<void> {
  crashAt = null;
  crashed = false;
  holdWrites(false);
  setCodec(identityCodec);
  db.close();
  await db.open();
}

/** What a fresh start does: no key in memory, a complete stash first, the vault row, then the passphrase. */
async function restart(passphrase = PASS): Promise<void> {
  await reopen();
  expect(await resumeStash()).not.toBe('damaged');
  expect((await readVaultState()).kind).toBe('lock');
  expect(await openStore(await unlockWithPassphrase(passphrase), fast)).toEqual({ done: true });
}

/** The end state every path must reach: all there, all sealed, no stash, the lock encrypted. */
async function expectFinished(passphrase = PASS): Promise<void> {
  expect(await readVaultState()).toMatchObject({ kind: 'lock', phase: 'encrypted' });
  expect(api.stash.complete).toBeNull();
  expect(api.stash.parts.size).toBe(0);
  const raw = JSON.stringify(await rawRows());
  for (const s of [...SECRETS, sha(pdfBytes), passphrase]) expect(raw, s).not.toContain(s);
  expect(await readBack()).toEqual(expected());
  // and the start after that reads strictly
  await restart(passphrase);
  expect(await readBack()).toEqual(expected());
}

const failure = async (p: Promise<unknown>) => { try { await p; return 'opened'; } catch (e) { return isSecurityError(e) ? e.code : e instanceof Error ? e.message : String(e); } };

beforeEach(async () => {
  holdWrites(false);
  setCodec(identityCodec);
  newApi();
  await db.delete();
  await db.open();
  await fill();
});
afterAll(async () => { holdWrites(false); setCodec(identityCodec); await db.delete(); });

describe('storing everything again in fresh files', () => {
  it('turning the lock on puts every row back exactly, through a cleared database, and the stash is gone after', async () => {
    let before: Record<string, unknown[]> = {};
    let rowsWhenCleared = -1;
    crashAt = async (channel, when) => {
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
    const order = api.calls.map((c) => c.channel).filter((c) => c.startsWith('vault:'));
    expect(order.indexOf('vault:stash-commit')).toBeLessThan(order.indexOf('vault:clear-database'));
    expect(order.at(-1)).toBe('vault:stash-clear');
    await expectFinished();
  });

  it('the stash is sealed: no record word, name, hash or passphrase in any part or the head, and it opens only whole and in order', async () => {
    let parts: Uint8Array[] = [];
    let head = '';
    crashAt = (channel, when) => {
      if (channel === 'vault:stash-commit' && when === 'after') {
        parts = [...api.stash.parts.values()].map((p) => new Uint8Array(p));
        head = api.stash.complete!.head;
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
    const id = (api.calls.find((c) => c.channel === 'vault:stash-commit')!.input as { id: string }).id;
    for (const damage of ['swap', 'drop'] as const) {
      api.stash.parts.clear();
      parts.forEach((p, i) => api.stash.parts.set(`${id}/${i}`, p));
      if (damage === 'swap') { api.stash.parts.set(`${id}/1`, parts[2]); api.stash.parts.set(`${id}/2`, parts[1]); }
      else api.stash.parts.delete(`${id}/${parts.length - 1}`);
      api.stash.complete = { id, parts: parts.length, head };
      holdWrites(false);
      setCodec(identityCodec);
      db.close();
      await db.open();
      expect(await resumeStash()).toBe('resumed');
      expect(await failure(openStore(await unlockWithPassphrase(PASS), fast))).toMatch(/close the app and open it again/);
      expect(api.stash.complete).not.toBeNull();
    }
  });

  // the app closes: while the stash is written / once it is complete / once the database is
  // cleared / half-way back. Each time the next start finishes, and nothing is lost.
  const steps: Array<[string, (channel: Channel, when: 'before' | 'after', n: number) => boolean, string]> = [
    ['while the stash is being written', (c, w, n) => c === 'vault:stash-save' && w === 'before' && n === 3, 'rewriting'],
    ['once the stash is complete', (c, w) => c === 'vault:stash-commit' && w === 'after', 'rewriting'],
    ['once the database is cleared', (c, w) => c === 'vault:clear-database' && w === 'after', 'none'],
  ];
  for (const [when, crash, phaseAfter] of steps) {
    it(`closed ${when}: the next start finishes`, async () => {
      crashAt = crash;
      await enableLock(PASS, fast).catch(() => undefined);
      expect(crashed).toBe(true);
      await reopen();
      expect((await readVaultState()).kind === 'lock' ? (await readVaultState() as { phase: string }).phase : 'none').toBe(phaseAfter);
      await restart();
      await expectFinished();
    });
  }

  it('closed half-way back: the next start clears what came back and finishes from the stash', async () => {
    let parts = 0;
    let reads = 0;
    crashAt = (c, w) => {
      if (c === 'vault:stash-commit' && w === 'after') parts = (api.calls.at(-1)!.input as { parts: number }).parts;
      if (c === 'vault:clear-database' && w === 'after') reads = 0;
      // after the clear the parts are read once more, in order: stop before the last one
      return parts > 0 && c === 'vault:stash-read' && w === 'before' && ++reads === parts;
    };
    await expect(enableLock(PASS, fast)).rejects.toThrow(/close the app and open it again/);
    const half = await rowCount();
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(17); // 16 rows with the vault row
    expect(api.stash.complete).not.toBeNull();
    await restart();
    await expectFinished();
  });

  it('holds the app’s writes while the copy is taken (refused, not lost), and lets them through again after', async () => {
    let refused = '';
    crashAt = (c, w, n) => {
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
    crashAt = (c, w, n) => c === 'vault:stash-save' && w === 'before' && n === 2 && 'fail';
    const result = await enableLock(PASS, fast);
    expect(result).toMatchObject({ done: false, problem: { message: expect.stringMatching(/not enough room/) } });
    crashAt = null;
    expect(await readVaultState()).toMatchObject({ kind: 'lock', phase: 'rewriting' });
    expect(api.stash.parts.size).toBe(0); // the unfinished copy was dropped
    expect(await readBack()).toEqual(expected());
    await setPlainSetting('textSize', 150); // writes go through again
    await restart();
    await expectFinished();
  });

  it('a new passphrase: the old key file is not kept, and a start after closing half-way asks for the new one', async () => {
    await enableLock(PASS, fast);
    const oldSlot = ((await db.settings.get(VAULT_KEY))!.value as { keyFile: { passphrase: { wrapped: string } } }).keyFile.passphrase.wrapped;
    crashAt = (c, w) => c === 'vault:clear-database' && w === 'after';
    await expect(changeLockPassphrase(PASS, 'a brand new passphrase', fast)).rejects.toThrow(/close the app/);
    await reopen();
    await resumeStash();
    expect(await failure(unlockWithPassphrase(PASS))).toBe('wrong-passphrase');
    await restart('a brand new passphrase');
    expect(JSON.stringify(await rawRows())).not.toContain(oldSlot);
    await expectFinished('a brand new passphrase');
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

describe('a record being read while the lock is turned on', () => {
  it('is waited for (its result would be refused while writes are held), then saved and stored again with the rest', async () => {
    let finish = () => {};
    const reading = new Promise<void>((r) => { finish = r; });
    window.api = api = fakeApi(async (input) => {
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
    expect(api.calls.some((c) => c.channel === 'vault:stash-save')).toBe(false);
    finish();
    expect(await locking).toEqual({ done: true });
    expect(steps).toEqual(['protecting', 'waiting', 'rewriting']);
    expect((await getRecord(id))?.status).toBe('done');
    const doc = await decode<DocumentText>((await db.documents.get(id))!.data, at('documents', id));
    expect(doc.pages[0].text).toBe('SECRET-LATE-PAGE');
    expect(JSON.stringify(await rawRows())).not.toContain('SECRET-LATE-PAGE');
  });
});

describe('the stash stream (stash-format.ts)', () => {
  const rows = [
    { table: 'settings', row: { key: 'vault', value: { phase: 'encrypted', keyFile: { keyId: 'k' } } } },
    { table: 'originals', row: { id: 'a', updatedAt: 1, data: new Uint8Array(1000).map((_, i) => i % 251) } },
    { table: 'records', row: { id: 'a', addedAt: 1, sample: 0, meta: new Uint8Array([1, 2, 3]), nested: [{ b: new Uint8Array([9]) }, null, 'x', 2.5, true] } },
    { table: 'originals', row: { id: 'empty', updatedAt: 2, data: new Uint8Array(0) } },
  ];
  async function write(partBytes: number): Promise<Uint8Array[]> {
    const parts: Uint8Array[] = [];
    const w = new StashWriter(async (i, b) => { parts[i] = b; }, partBytes);
    for (const r of rows) await w.row(r.table, r.row);
    expect(await w.end()).toBe(parts.length);
    return parts;
  }
  const read = async (parts: Uint8Array[], count = parts.length) => {
    const out: unknown[] = [];
    for await (const r of new StashReader(count, async (i) => parts[i]).rows()) out.push(r);
    return out;
  };

  it('comes back exactly, whatever the part size (a file spans many parts; each byte array in a buffer of its own)', async () => {
    for (const size of [1, 7, 64, 4096]) {
      const parts = await write(size);
      expect(parts.every((p) => p.length <= size)).toBe(true);
      const back = await read(parts) as Array<{ row: { data?: Uint8Array } }>;
      expect(back).toEqual(rows);
      expect(back[1].row.data!.buffer.byteLength).toBe(1000);
    }
  });

  it('cut short, with a part left out, or with anything after its end, it fails instead of giving part of the rows', async () => {
    const parts = await write(64);
    const code = (p: Promise<unknown>) => p.then(() => 'read', (e) => (isSecurityError(e) ? e.code : String(e)));
    expect(await code(read(parts, parts.length - 1))).toBe('damaged');
    expect(await code(read([...parts.slice(0, 3), ...parts.slice(4)]))).toBe('damaged');
    expect(await code(read([...parts, new Uint8Array([0x52])]))).toBe('damaged');
  });

  it('refuses a value it could not give back as it was', async () => {
    const w = new StashWriter(async () => undefined);
    await expect(w.row('settings', { key: 'x', value: { '\u0000bytes': 1 } })).rejects.toThrow(/cannot be copied/);
    await expect(w.row('settings', { key: 'x', value: new Date() })).rejects.toThrow(/cannot be copied/);
  });
});
