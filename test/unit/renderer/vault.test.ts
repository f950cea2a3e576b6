// @vitest-environment jsdom
// The optional lock, at the store level: turning it on encrypts every sensitive value at
// rest (the raw IndexedDB rows hold no record text, fact, file name or plain content hash),
// the app reads everything back after unlocking, a wrong passphrase and a damaged key file
// fail plainly and differently, an interrupted re-encoding resumes at the next unlock,
// changing the passphrase keeps the data, and turning the lock off restores plaintext.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { isEncryptedValue, isSecurityError, MIN_ITERATIONS } from '../../../shared/security/index.ts';
import { db } from '../../../renderer/src/store/db.ts';
import { activeCodec, at, decode, identityCodec, setCodec } from '../../../renderer/src/store/codec.ts';
import { createRecord, findBySha, getRecord, readOriginal, saveDocument } from '../../../renderer/src/store/records.ts';
import { setReview, type FactReview } from '../../../renderer/src/store/reviews.ts';
import { addFact, type AddedFact } from '../../../renderer/src/store/additions.ts';
import { saveQuestionStates, type QuestionState } from '../../../renderer/src/store/questions.ts';
import { setPersonalSetting, setPlainSetting } from '../../../renderer/src/store/settings.ts';
import { SENSITIVE } from '../../../renderer/src/store/reencode.ts';
import {
  changeLockPassphrase, disableLock, enableLock, openStore, readVaultState, unlockWithPassphrase, upgradeKeyFile, VAULT_KEY,
} from '../../../renderer/src/store/vault.ts';
import type { DocumentText } from '../../../shared/contract/document.ts';
import { fakeApi, textDocument } from './fake-api.ts';

const PASS = 'correct horse battery staple';
const fast = { iterations: MIN_ITERATIONS };
const SECRETS = ['SECRET-NAME', 'SECRET-PAGE-TEXT', 'SECRET-FILE-BYTES', 'SECRET-CORRECTION', 'SECRET-DRUG', 'SECRET-QUESTION', 'SECRET-TEAM', 'SECRET-ODD'];
const pdfBytes = new TextEncoder().encode('%PDF-1.4 SECRET-FILE-BYTES and more');
// a file whose first bytes look like one of our encrypted values: only opening tells them apart
const oddBytes = new Uint8Array([1, 1, ...new TextEncoder().encode('SECRET-ODD file that starts like a sealed value')]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const isBytes = (v: unknown): v is Uint8Array => Object.prototype.toString.call(v) === '[object Uint8Array]';
const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');
/** Every raw row of every table as text, byte arrays spelled out as latin1. */
async function rawDump(): Promise<string> {
  const show = (v: unknown): unknown => isBytes(v) ? `bytes:${latin1(new Uint8Array(v))}` : Array.isArray(v) ? v.map(show)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, show(x)])) : v;
  return JSON.stringify(show(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]))));
}
/** Each sensitive stored value: [where, is it sealed?] */
async function sealedness(): Promise<Array<[string, boolean]>> {
  const out: Array<[string, boolean]> = [];
  for (const s of SENSITIVE) {
    const t = db.table(s.table);
    for (const row of await t.toArray()) {
      const key = row[t.schema.primKey.keyPath as string] as string;
      if (s.rows && !s.rows(key)) continue;
      const v = row[s.field];
      out.push([`${s.table}/${key}`, isBytes(v) && isEncryptedValue(new Uint8Array(v))]);
    }
  }
  return out;
}

let ids: { pdf: string; odd: string };
async function fill(): Promise<void> {
  const pdf = await createRecord({ name: 'SECRET-NAME-pathology.pdf', bytes: pdfBytes, sha256: sha(pdfBytes) });
  await saveDocument(pdf, { ...textDocument('SECRET-NAME-pathology.pdf', pdfBytes, ['SECRET-PAGE-TEXT adenocarcinoma']), sha256: sha(pdfBytes) }, 'done', { pageCount: 1 });
  const odd = await createRecord({ name: 'odd.bin', bytes: oddBytes, sha256: sha(oddBytes) });
  await setReview('diagnosis', { status: 'corrected', value: { histology: 'SECRET-CORRECTION' } });
  await addFact({ kind: 'treatment', fact: { name: 'SECRET-DRUG', category: 'other', start: null, end: null } });
  await saveQuestionStates([{ id: 'o:1', own: true, text: 'SECRET-QUESTION', done: false, removed: false }]);
  await setPersonalSetting('careTeam', 'SECRET-TEAM');
  await setPlainSetting('textSize', 150);
  ids = { pdf, odd };
}

/** Everything a person put in, read back through the store and the installed codec. */
async function readBack() {
  const rec = await getRecord(ids.pdf);
  const doc = await db.documents.get(ids.pdf);
  const review = await db.reviews.get('diagnosis');
  const addition = (await db.additions.toArray())[0];
  const question = await db.questions.get('o:1');
  const team = await db.settings.get('personal:careTeam');
  return {
    name: rec?.meta.name,
    original: latin1(new Uint8Array((await readOriginal(ids.pdf))!)),
    odd: [...new Uint8Array((await readOriginal(ids.odd))!)],
    page: (await decode<DocumentText>(doc!.data, at('documents', ids.pdf))).pages[0].text,
    review: (await decode<FactReview>(review!.data, at('reviews', 'diagnosis'))).value,
    addition: ((await decode<AddedFact>(addition.data, at('additions', addition.id))).fact as { name?: string }).name,
    question: (await decode<QuestionState>(question!.data, at('questions', 'o:1'))).text,
    team: await decode<string>(team!.value, at('settings', 'personal:careTeam', 'value')),
    duplicate: (await findBySha(sha(pdfBytes)))?.id,
  };
}
const expected = () => ({
  name: 'SECRET-NAME-pathology.pdf', original: latin1(pdfBytes), odd: [...oddBytes], page: 'SECRET-PAGE-TEXT adenocarcinoma',
  review: { histology: 'SECRET-CORRECTION' }, addition: 'SECRET-DRUG', question: 'SECRET-QUESTION', team: 'SECRET-TEAM', duplicate: ids.pdf,
});

/** What a fresh start of the app does: no key in memory, the vault row read, then the passphrase. */
async function restart(passphrase = PASS): Promise<void> {
  setCodec(identityCodec);
  db.close();
  await db.open();
  expect((await readVaultState()).kind).toBe('lock');
  await openStore(await unlockWithPassphrase(passphrase));
}

const failure = async (p: Promise<unknown>) => { try { await p; return 'opened'; } catch (e) { return isSecurityError(e) ? e.code : String(e); } };

beforeEach(async () => {
  setCodec(identityCodec);
  window.api = fakeApi();
  await db.delete();
  await db.open();
  await fill();
});
afterAll(async () => { setCodec(identityCodec); await db.delete(); });

describe('the lock (encryption at rest)', () => {
  it('is off by default: values are plain', async () => {
    expect(await readVaultState()).toEqual({ kind: 'none' });
    const raw = await rawDump();
    for (const s of SECRETS) expect(raw).toContain(s);
  });

  it('turning it on encrypts every sensitive value; nothing readable is left in the raw rows', async () => {
    // and everything was stored again in fresh files (rewrite.test.ts), through main's stash
    expect(await enableLock(PASS, fast)).toEqual({ done: true });
    expect(await readVaultState()).toEqual({ kind: 'lock', phase: 'encrypted', keychain: false });
    expect(activeCodec().name).toBe('aes-gcm');
    const sealed = await sealedness();
    expect(sealed.length).toBe(9); // 2 records, 2 originals, a document, a review, an addition, a question, the care team
    expect(sealed.filter(([, ok]) => !ok)).toEqual([]);
    const raw = await rawDump();
    for (const s of [...SECRETS, 'adenocarcinoma', 'pathology', sha(pdfBytes), sha(oddBytes)]) expect(raw, s).not.toContain(s);
    expect(raw).toContain('"value":150'); // the text size stays readable for the lock screen
    // the key file is there, but not the passphrase or a raw key
    expect(raw).not.toContain(PASS);
    // still readable in this session
    expect(await readBack()).toEqual(expected());
  });

  it('reads everything back after a restart and unlock; a wrong passphrase fails plainly', async () => {
    await enableLock(PASS, fast);
    setCodec(identityCodec);
    expect(await failure(unlockWithPassphrase('not the passphrase'))).toBe('wrong-passphrase');
    await restart();
    expect(activeCodec().name).toBe('aes-gcm');
    expect(await readBack()).toEqual(expected());
  });

  it('after unlock it reads strictly: a planted plaintext value does not open', async () => {
    await enableLock(PASS, fast);
    await restart();
    await db.reviews.put({ key: 'planted', updatedAt: 1, data: { status: 'confirmed', at: 1 } });
    expect(await failure(decode((await db.reviews.get('planted'))!.data, at('reviews', 'planted')))).toBe('damaged');
    // and a sealed value moved to another row does not open either
    const moved = (await db.reviews.get('diagnosis'))!.data;
    expect(await failure(decode(moved, at('reviews', 'stage')))).toBe('damaged');
  });

  it('tells a damaged key file from a wrong passphrase', async () => {
    await enableLock(PASS, fast);
    const row = (await db.settings.get(VAULT_KEY))!;
    const v = row.value as { keyFile: { passphrase: { wrapped: string } } };
    const w = v.keyFile.passphrase.wrapped;
    await db.settings.put({ key: VAULT_KEY, value: { ...v, keyFile: { ...v.keyFile, passphrase: { ...v.keyFile.passphrase, wrapped: (w[0] === 'A' ? 'B' : 'A') + w.slice(1) } } } });
    expect(await failure(unlockWithPassphrase(PASS))).toBe('damaged');
    await db.settings.put({ key: VAULT_KEY, value: { ...v, keyFile: { ...v.keyFile, verifier: null } } });
    expect(await readVaultState()).toEqual({ kind: 'damaged' });
    expect(await failure(unlockWithPassphrase(PASS))).toBe('damaged');
  });

  it('an interrupted re-encoding resumes at the next unlock and ends fully encrypted', async () => {
    let batches = 0;
    const stop = () => { if (++batches === 3) throw new Error('the app was closed'); };
    await expect(enableLock(PASS, { ...fast, batchRows: 1, onProgress: stop })).rejects.toThrow('the app was closed');
    // half-way: the row says so, and some values are sealed while others are not yet
    expect(await readVaultState()).toEqual({ kind: 'lock', phase: 'encrypting', keychain: false });
    const half = await sealedness();
    expect(half.filter(([, ok]) => ok).length).toBeGreaterThan(0);
    expect(half.filter(([, ok]) => !ok).length).toBeGreaterThan(0);
    // a restart asks for the passphrase (the key file was stored first) and finishes
    await restart();
    expect(await readVaultState()).toEqual({ kind: 'lock', phase: 'encrypted', keychain: false });
    expect((await sealedness()).filter(([, ok]) => !ok)).toEqual([]);
    const raw = await rawDump();
    for (const s of SECRETS) expect(raw).not.toContain(s);
    expect(await readBack()).toEqual(expected());
    // and the start after that is strict and still reads everything
    await restart();
    expect(await readBack()).toEqual(expected());
  });

  it('keeps what is written while the lock is being turned on', async () => {
    let wrote = false;
    await enableLock(PASS, {
      ...fast, batchRows: 1,
      onProgress: () => { if (!wrote) { wrote = true; void setReview('stage', { status: 'corrected', value: { stage: 'SECRET-DURING' } }); } },
    });
    await restart();
    const r = await db.reviews.get('stage');
    expect((await decode<FactReview>(r!.data, at('reviews', 'stage'))).value).toEqual({ stage: 'SECRET-DURING' });
    expect(await rawDump()).not.toContain('SECRET-DURING');
  });

  it('a new passphrase keeps the data and locks the old one out', async () => {
    await enableLock(PASS, fast);
    expect(await failure(changeLockPassphrase('wrong old passphrase', 'a brand new passphrase', fast))).toBe('wrong-passphrase');
    await changeLockPassphrase(PASS, 'a brand new passphrase', fast);
    setCodec(identityCodec);
    expect(await failure(unlockWithPassphrase(PASS))).toBe('wrong-passphrase');
    await restart('a brand new passphrase');
    expect(await readBack()).toEqual(expected());
  });

  it('raises an old key file’s PBKDF2 count after unlocking, keeping the same key', async () => {
    await enableLock(PASS, fast);
    expect(await upgradeKeyFile(PASS, MIN_ITERATIONS + 50_000)).toBe(true);
    const v = (await db.settings.get(VAULT_KEY))!.value as { keyFile: { passphrase: { iterations: number } } };
    expect(v.keyFile.passphrase.iterations).toBe(MIN_ITERATIONS + 50_000);
    expect(await upgradeKeyFile(PASS, MIN_ITERATIONS + 50_000)).toBe(false);
    await restart();
    expect(await readBack()).toEqual(expected());
  });

  it('turning it off restores plaintext and plain content hashes, and the app opens without asking', async () => {
    await enableLock(PASS, fast);
    await restart();
    expect(await failure(disableLock('wrong passphrase'))).toBe('wrong-passphrase');
    expect((await readVaultState()).kind).toBe('lock');
    await disableLock(PASS);
    expect(await readVaultState()).toEqual({ kind: 'none' });
    expect(activeCodec().name).toBe('none');
    const raw = await rawDump();
    for (const s of [...SECRETS, sha(pdfBytes), sha(oddBytes)]) expect(raw, s).toContain(s);
    // (the odd file looks sealed by its first bytes alone, as it did before the lock: it is its plain bytes)
    expect((await sealedness()).filter(([, ok]) => ok).map(([w]) => w)).toEqual([`originals/${ids.odd}`]);
    setCodec(identityCodec);
    expect(await readBack()).toEqual(expected());
  });

  it('an interrupted turning-off resumes too', async () => {
    await enableLock(PASS, fast);
    let batches = 0;
    await expect(disableLock(PASS, { batchRows: 1, onProgress: () => { if (++batches === 4) throw new Error('closed'); } })).rejects.toThrow('closed');
    expect(await readVaultState()).toEqual({ kind: 'lock', phase: 'decrypting', keychain: false });
    await restart();
    expect(await readVaultState()).toEqual({ kind: 'none' });
    setCodec(identityCodec);
    expect(await readBack()).toEqual(expected());
  });
});
