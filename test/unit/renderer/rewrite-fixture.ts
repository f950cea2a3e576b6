// What the rewrite tests share (rewrite.test.ts, rewrite-interrupted.test.ts): a profile with
// one of everything, read back through the store; a fake main that can "close" the app at a
// chosen call (that call throws, and every later one: the process is gone) or fail one call
// (the disk is full, say); a fresh start; and the state every path must end in.
import { expect } from 'vitest';
import { createHash } from 'node:crypto';
import { isSecurityError, MIN_ITERATIONS } from '../../../shared/security/index.ts';
import type { Channel } from '../../../shared/contract/ipc.ts';
import type { DocumentText } from '../../../shared/contract/document.ts';
import { db, holdWrites, RecordsDb } from '../../../renderer/src/store/db.ts';
import { at, decode, identityCodec, setCodec } from '../../../renderer/src/store/codec.ts';
import { createRecord, findBySha, getRecord, readOriginal, saveDocument } from '../../../renderer/src/store/records.ts';
import { setReview, type FactReview } from '../../../renderer/src/store/reviews.ts';
import { addFact, type AddedFact } from '../../../renderer/src/store/additions.ts';
import { saveQuestionStates, type QuestionState } from '../../../renderer/src/store/questions.ts';
import { setPersonalSetting, setPlainSetting } from '../../../renderer/src/store/settings.ts';
import { openStore, readVaultState, resumeStash, unlockWithPassphrase, VAULT_KEY } from '../../../renderer/src/store/vault.ts';
import { fakeApi, textDocument, type FakeApi } from './fake-api.ts';

export const PASS = 'correct horse battery staple';
export const fast = { iterations: MIN_ITERATIONS, partBytes: 256 };
export const SECRETS = ['SECRET-NAME', 'SECRET-PAGE-TEXT', 'SECRET-FILE-BYTES', 'SECRET-CORRECTION', 'SECRET-DRUG', 'SECRET-QUESTION', 'SECRET-TEAM', 'SECRET-NOTES', 'adenocarcinoma'];
export const pdfBytes = new TextEncoder().encode(`%PDF-1.4 SECRET-FILE-BYTES ${'x'.repeat(700)} end`);
export const scanBytes = new TextEncoder().encode('%PDF-1.4 a second SECRET-FILE-BYTES report');
export const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const isBytes = (v: unknown): v is Uint8Array => Object.prototype.toString.call(v) === '[object Uint8Array]';
export const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

/** Every raw row of every table (through a connection of its own: `db` may be closed), bytes as latin1. */
export async function rawRows(): Promise<Record<string, unknown[]>> {
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
export const rowCount = async () => Object.values(await rawRows()).reduce((n, rows) => n + rows.length, 0);

export let ids: { pdf: string; scan: string };
export async function fill(): Promise<void> {
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
export async function readBack() {
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
export const expected = () => ({
  records: ['SECRET-NAME-pathology.pdf', true], originals: [latin1(pdfBytes), latin1(scanBytes)], page: 'SECRET-PAGE-TEXT adenocarcinoma',
  reviews: ['corrected', 'confirmed'], correction: { histology: 'SECRET-CORRECTION' }, addition: 'SECRET-DRUG', question: 'SECRET-QUESTION', questions: 2,
  team: 'SECRET-TEAM', notes: 'SECRET-NOTES', plain: [150, true, 60], duplicate: ids.pdf,
});

// The app "closes" at a chosen call to main (crashAt returns true): that call throws, and so
// does every later one, so nothing the page would still do afterwards reaches main. Or main
// only fails that one call ('fail') and the app carries on.
export const main: {
  api: FakeApi;
  crashAt: ((channel: Channel, when: 'before' | 'after', n: number) => boolean | 'fail' | Promise<boolean>) | null;
  crashed: boolean;
} = { api: fakeApi(), crashAt: null, crashed: false };

export function newApi(options: Parameters<typeof fakeApi>[1] = {}): FakeApi {
  main.crashAt = null;
  main.crashed = false;
  main.api = fakeApi(undefined, {
    ...options,
    interrupt: async (channel, when, n) => {
      const what = main.crashed || await main.crashAt?.(channel, when, n);
      if (what === 'fail') throw new Error('There is not enough room on the disk.');
      if (what) { main.crashed = true; throw new Error('the app was closed'); }
    },
  });
  window.api = main.api;
  return main.api;
}

/** A new page after the app closed: nothing in memory, nothing held. */
export async function reopen(): Promise<void> {
  main.crashAt = null;
  main.crashed = false;
  holdWrites(false);
  setCodec(identityCodec);
  db.close();
  await db.open();
}

/** What a fresh start does: no key in memory, a complete stash first, the vault row, then the passphrase. */
export async function restart(passphrase = PASS): Promise<void> {
  await reopen();
  expect(await resumeStash()).not.toBe('damaged');
  expect((await readVaultState()).kind).toBe('lock');
  expect(await openStore(await unlockWithPassphrase(passphrase), fast)).toEqual({ done: true });
}

/** The end state every path must reach: all there, all sealed, no stash, the lock encrypted. */
export async function expectFinished(passphrase = PASS): Promise<void> {
  expect(await readVaultState()).toMatchObject({ kind: 'lock', phase: 'encrypted' });
  expect(main.api.stash.complete).toBeNull();
  expect(main.api.stash.parts.size).toBe(0);
  const raw = JSON.stringify(await rawRows());
  for (const s of [...SECRETS, sha(pdfBytes), passphrase]) expect(raw, s).not.toContain(s);
  expect(await readBack()).toEqual(expected());
  // and the start after that reads strictly
  await restart(passphrase);
  expect(await readBack()).toEqual(expected());
}

export const failure = async (p: Promise<unknown>) => { try { await p; return 'opened'; } catch (e) { return isSecurityError(e) ? e.code : e instanceof Error ? e.message : String(e); } };


/** A fresh profile with one of everything, and a fake main that does not close. */
export async function freshProfile(): Promise<void> {
  holdWrites(false);
  setCodec(identityCodec);
  newApi();
  await db.delete();
  await db.open();
  await fill();
}
