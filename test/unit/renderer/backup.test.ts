// Backups, at the store level (Node environment: jsdom's Blob has no stream(), which
// CompressionStream needs; browsers and Node have it). A backup made in a locked profile opens
// only with its passphrase, holds no readable record word, and restores into a fresh profile
// with a different key (every record, original, page text, correction, added fact, question
// and note); restoring adds and never overwrites; a foreign or damaged file is told apart from
// a wrong passphrase.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackup, isSecurityError, MIN_ITERATIONS, openBackup, readBackupInfo } from '../../../shared/security/index.ts';
import { db } from '../../../renderer/src/store/db.ts';
import { activeCodec, at, decode, identityCodec, setCodec } from '../../../renderer/src/store/codec.ts';
import { createRecord, findBySha, getRecord, readOriginal } from '../../../renderer/src/store/records.ts';
import { setReview, type FactReview } from '../../../renderer/src/store/reviews.ts';
import { setPersonalSetting } from '../../../renderer/src/store/settings.ts';
import { exportData, parseData, restoreData, summarise } from '../../../renderer/src/store/backup-data.ts';
import { enableLock, openStore, unlockWithPassphrase } from '../../../renderer/src/store/vault.ts';
import type { DocumentText } from '../../../shared/contract/document.ts';
import { fakeApi } from './fake-api.ts';
import { fileA, fileB, fillProfile, sha } from './profile-fixture.ts';

const fast = { iterations: MIN_ITERATIONS };
const BACKUP_PASS = 'a backup passphrase';
const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');
const WORDS = ['Northfield', 'adenocarcinoma', 'SECRET-A', 'SECRET-B', 'EGFR', 'report-a.pdf', 'SECRET-CORRECTION', 'SECRET-DRUG', 'SECRET-QUESTION', 'SECRET-TEAM'];

async function freshProfile(): Promise<void> {
  setCodec(identityCodec);
  // main's side of turning the lock on (its stash, clearing the database); no page here otherwise
  vi.stubGlobal('window', { api: fakeApi() });
  await db.delete();
  await db.open();
}

const failure = async (p: Promise<unknown>) => { try { await p; return 'opened'; } catch (e) { return isSecurityError(e) ? e.code : String(e); } };

beforeEach(freshProfile);
afterAll(async () => { setCodec(identityCodec); await db.delete(); });

describe('backups', () => {
  it('a locked profile’s backup holds no readable word, opens only with its passphrase, and restores into a fresh locked profile', async () => {
    const ids = await fillProfile();
    expect(await enableLock('profile A passphrase', fast)).toEqual({ done: true }); // stored again in fresh files
    const file = await createBackup(await exportData(), BACKUP_PASS, fast);
    const text = latin1(file);
    expect(text.startsWith('RCBACKUP')).toBe(true);
    for (const w of WORDS) expect(text, w).not.toContain(w);
    expect(await failure(openBackup(file, 'not the passphrase'))).toBe('wrong-passphrase');
    const data = parseData(await openBackup(file, BACKUP_PASS));
    expect(summarise(data)).toMatchObject({ records: 2, samples: 1, corrections: 1, confirmed: 1, additions: 1, ownQuestions: 1, notes: true });

    // another computer: a fresh profile with its own lock (a different data key)
    await freshProfile();
    expect(await enableLock('profile B passphrase', fast)).toEqual({ done: true });
    const report = await restoreData(data);
    expect(report).toMatchObject({ recordsAdded: 2, recordsKept: 0, reviewsAdded: 2, reviewsKept: 0, additionsAdded: 1, questionsAdded: 2, settingsFilled: 1 });
    expect(report.toRead).toEqual([ids.b]); // it was waiting to be read when the backup was made
    // encrypted under B's key: nothing readable at rest
    const raw = JSON.stringify(await Promise.all(db.tables.map((t) => t.toArray())), (_k, v) => Object.prototype.toString.call(v) === '[object Uint8Array]' ? latin1(new Uint8Array(v)) : v);
    for (const w of WORDS) expect(raw, w).not.toContain(w);
    // and everything reads back after B restarts and unlocks
    setCodec(identityCodec);
    await openStore(await unlockWithPassphrase('profile B passphrase'));
    expect(activeCodec().name).toBe('aes-gcm');
    expect((await getRecord(ids.a))?.meta.name).toBe('report-a.pdf');
    expect((await getRecord(ids.b))?.sample).toBe(true);
    expect(latin1(new Uint8Array((await readOriginal(ids.a))!))).toBe(latin1(fileA));
    expect((await findBySha(sha(fileB)))?.id).toBe(ids.b);
    const doc = await decode<DocumentText>((await db.documents.get(ids.a))!.data, at('documents', ids.a));
    expect(doc.pages[0].text).toContain('SECRET-A');
    expect((await decode<FactReview>((await db.reviews.get('diagnosis'))!.data, at('reviews', 'diagnosis'))).value).toEqual({ histology: 'SECRET-CORRECTION' });
    expect(await decode((await db.settings.get('personal:careTeam'))!.value, at('settings', 'personal:careTeam', 'value'))).toBe('SECRET-TEAM');
    expect((await db.settings.get('textSize'))?.value).toBe(200); // a fresh profile takes the text size too
  });

  it('restoring adds and never overwrites: what is here is kept, and a second restore adds nothing', async () => {
    await fillProfile();
    const data = parseData(await openBackup(await createBackup(await exportData(), BACKUP_PASS, fast), BACKUP_PASS));
    await freshProfile();
    // this computer already has the same file (under another name), its own review of the diagnosis and a care team
    await createRecord({ name: 'mine.pdf', bytes: fileA, sha256: sha(fileA) });
    await setReview('diagnosis', { status: 'rejected' });
    await setPersonalSetting('careTeam', 'My own team');
    const report = await restoreData(data);
    expect(report).toMatchObject({ recordsAdded: 1, recordsKept: 1, reviewsAdded: 1, reviewsKept: 1, settingsFilled: 0 });
    expect(await db.records.count()).toBe(2);
    expect((await decode<FactReview>((await db.reviews.get('diagnosis'))!.data, at('reviews', 'diagnosis'))).status).toBe('rejected');
    expect(await decode((await db.settings.get('personal:careTeam'))!.value, at('settings', 'personal:careTeam', 'value'))).toBe('My own team');
    expect((await db.settings.get('textSize'))).toBeUndefined(); // not a fresh profile: its own text size stays
    const again = await restoreData(data);
    expect(again).toMatchObject({ recordsAdded: 0, recordsKept: 2, reviewsAdded: 0, additionsAdded: 0, questionsAdded: 0 });
  });

  it('tells a foreign file, a damaged one and a newer one apart from a wrong passphrase', async () => {
    await fillProfile();
    const file = await createBackup(await exportData(), BACKUP_PASS, fast);
    expect(await failure(readBackupInfo(fileA))).toBe('not-a-backup');
    const flipped = file.slice();
    flipped[flipped.length - 40] ^= 1;
    expect(await failure(readBackupInfo(flipped))).toBe('damaged');
    expect(await failure(readBackupInfo(file.slice(0, file.length - 10)))).toBe('damaged');
    const newer = file.slice();
    newer[8] = 99;
    expect(await failure(readBackupInfo(newer))).toBe('newer-version');
    // a backup file whose content is not our payload
    const foreign = await createBackup(new TextEncoder().encode('{"hello":"world"}'), BACKUP_PASS, fast);
    expect(await failure((async () => parseData(await openBackup(foreign, BACKUP_PASS)))())).toBe('damaged');
  });
});
