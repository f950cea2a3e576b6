// @vitest-environment jsdom
// The start of a locked app: the lock screen comes before any record is read; a wrong
// passphrase and a damaged key file get different plain messages; the right passphrase opens
// the app with everything in it. When the person chose the keychain, it opens the app without
// asking, except after they locked it themselves; if the keychain cannot, the passphrase is
// asked for with a word why. If the app was closed while it stored everything again in fresh
// files, the stash is found before anything else, and the rest comes back after unlocking.
import 'fake-indexeddb/auto';
import './one-realm.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MIN_ITERATIONS } from '../../../shared/security/index.ts';
import { db, holdWrites } from '../../../renderer/src/store/db.ts';
import { identityCodec, setCodec } from '../../../renderer/src/store/codec.ts';
import { createRecord, saveDocument } from '../../../renderer/src/store/records.ts';
import { enableLock, readVaultState, VAULT_KEY } from '../../../renderer/src/store/vault.ts';
import { Gate } from '../../../renderer/src/features/lock/Gate.tsx';
import { osKeychain } from '../../../renderer/src/features/lock/keychain.ts';
import { fakeApi, textDocument, type FakeOptions } from './fake-api.ts';

configure({ asyncUtilTimeout: 15_000 });
const PASS = 'seven green kettles';
const bytes = new TextEncoder().encode('%PDF-1.4 a report');

async function lockedProfile(options: FakeOptions = {}) {
  const api = fakeApi(undefined, options);
  window.api = api;
  const id = await createRecord({ name: 'letter-from-clinic.pdf', bytes, sha256: 'a'.repeat(64) });
  await saveDocument(id, textDocument('letter-from-clinic.pdf', bytes, ['Clinic letter']), 'done', { pageCount: 1 });
  await enableLock(PASS, { iterations: MIN_ITERATIONS, keychain: options.keychain ? osKeychain : undefined });
  // a fresh start: no key in memory
  setCodec(identityCodec);
  api.calls.length = 0;
  return api;
}

const lockScreen = () => document.querySelector('[data-lock-screen]');
const typeAndOpen = (value: string) => {
  fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Open my records' }));
};
const appReady = () => waitFor(() => expect(document.querySelector('.app[data-ready="true"]:not([data-locked])')).not.toBeNull());

beforeEach(async () => {
  cleanup();
  setCodec(identityCodec);
  sessionStorage.clear();
  await db.delete();
  await db.open();
  window.location.hash = '#/records';
});
afterEach(() => cleanup());

describe('starting a locked app', () => {
  it('shows the lock screen before anything is read, then opens with the right passphrase', async () => {
    const api = await lockedProfile();
    render(<Gate />);
    expect(await screen.findByRole('heading', { name: 'Your records are locked' })).toBeTruthy();
    expect(lockScreen()?.getAttribute('data-lock-screen')).toBe('ask');
    expect(document.querySelector('li.record')).toBeNull();
    expect(screen.getByLabelText('Passphrase').getAttribute('autocomplete')).toBe('current-password');

    typeAndOpen('seven green kettle');
    expect((await screen.findByRole('alert')).textContent).toMatch(/That passphrase is not right/);
    expect(lockScreen()).not.toBeNull();

    typeAndOpen(PASS);
    await appReady();
    await waitFor(() => expect(document.querySelector('li.record[data-record="letter-from-clinic.pdf"]')).not.toBeNull());
    expect(screen.getByRole('button', { name: 'Lock now' })).toBeTruthy();
    // nothing was sent to be read again: the record was read before
    expect(api.calls.filter((c) => c.channel === 'records:read')).toEqual([]);
  });

  it('says plainly when the key file is damaged, and offers to start again', async () => {
    await lockedProfile();
    const row = (await db.settings.get(VAULT_KEY))!;
    const v = row.value as { keyFile: { passphrase: { digest: string } } };
    await db.settings.put({ key: VAULT_KEY, value: { ...v, keyFile: { ...v.keyFile, passphrase: { ...v.keyFile.passphrase, digest: 'AAAA' } } } });
    render(<Gate />);
    expect(await screen.findByText(/The key that opens your records on this computer is damaged/)).toBeTruthy();
    expect(lockScreen()?.getAttribute('data-lock-screen')).toBe('damaged');
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    expect(screen.getByRole('button', { name: 'Delete everything and start again…' })).toBeTruthy();
  });

  it('a damaged key that only shows when opening is reported as damaged, not as a wrong passphrase', async () => {
    await lockedProfile();
    const row = (await db.settings.get(VAULT_KEY))!;
    const v = row.value as { keyFile: { passphrase: { salt: string } } };
    const salt = v.keyFile.passphrase.salt;
    await db.settings.put({ key: VAULT_KEY, value: { ...v, keyFile: { ...v.keyFile, passphrase: { ...v.keyFile.passphrase, salt: (salt[0] === 'A' ? 'B' : 'A') + salt.slice(1) } } } });
    render(<Gate />);
    await screen.findByRole('heading', { name: 'Your records are locked' });
    typeAndOpen(PASS);
    expect(await screen.findByText(/The key that opens your records on this computer is damaged/)).toBeTruthy();
    expect(screen.queryByText(/That passphrase is not right/)).toBeNull();
  });

  it('opens with the keychain when chosen, but asks for the passphrase after "Lock now"', async () => {
    const api = await lockedProfile({ keychain: {} });
    render(<Gate />);
    await appReady();
    expect(lockScreen()).toBeNull();
    expect(api.calls.map((c) => c.channel)).toContain('keychain:unwrap');
    cleanup();

    setCodec(identityCodec);
    sessionStorage.setItem('records-lock:ask-passphrase', '1'); // what lockNow() leaves before reloading
    render(<Gate />);
    expect(await screen.findByRole('heading', { name: 'Your records are locked' })).toBeTruthy();
    typeAndOpen(PASS);
    await appReady();
    expect(sessionStorage.getItem('records-lock:ask-passphrase')).toBeNull();
  });

  it('asks for the passphrase, saying why, when the keychain cannot open it', async () => {
    const options: FakeOptions = { keychain: {} };
    await lockedProfile(options);
    options.keychain!.broken = true;
    render(<Gate />);
    expect(await screen.findByText(/keychain could not open the app this time/)).toBeTruthy();
    typeAndOpen(PASS);
    await appReady();
  });
});

describe('starting after the app was closed while storing everything again', () => {
  async function closedHalfWay() {
    let closed = false;
    let armed = true;
    const api = fakeApi(undefined, {
      interrupt: (channel, when) => {
        if (closed || (armed && channel === 'vault:clear-database' && when === 'after')) { closed = true; throw new Error('closed'); }
      },
    });
    window.api = api;
    const id = await createRecord({ name: 'letter-from-clinic.pdf', bytes, sha256: 'a'.repeat(64) });
    await saveDocument(id, textDocument('letter-from-clinic.pdf', bytes, ['Clinic letter']), 'done', { pageCount: 1 });
    await expect(enableLock(PASS, { iterations: MIN_ITERATIONS })).rejects.toThrow(/close the app and open it again/);
    // a new page: nothing in memory; the database was cleared, the stash is complete
    closed = false;
    armed = false;
    holdWrites(false);
    setCodec(identityCodec);
    db.close();
    await db.open();
    expect(await db.records.count()).toBe(0);
    return api;
  }

  it('asks for the passphrase from the stash’s key file, then brings everything back before the app opens', async () => {
    const api = await closedHalfWay();
    render(<Gate />);
    expect(await screen.findByRole('heading', { name: 'Your records are locked' })).toBeTruthy();
    expect(await readVaultState()).toMatchObject({ kind: 'lock', phase: 'rewriting' });
    expect(document.querySelector('li.record')).toBeNull();
    typeAndOpen(PASS);
    await appReady();
    await waitFor(() => expect(document.querySelector('li.record[data-record="letter-from-clinic.pdf"]')).not.toBeNull());
    expect(await readVaultState()).toMatchObject({ kind: 'lock', phase: 'encrypted' });
    expect(api.stash.complete).toBeNull();
    expect(api.calls.filter((c) => c.channel === 'records:read')).toEqual([]);
  });

  it('a stash whose head cannot be read is reported as damaged, with the way to start again', async () => {
    const api = await closedHalfWay();
    api.stash.damaged = true;
    render(<Gate />);
    expect(await screen.findByText(/The key that opens your records on this computer is damaged/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete everything and start again…' })).toBeTruthy();
  });
});
