// @vitest-environment jsdom
// Settings → Privacy and security, as a person uses it: setting up the lock (two passphrases
// that must match, a plain note that a forgotten one cannot be recovered, the keychain only
// when this computer has one), changing the passphrase, turning the lock off (keeping it has
// the focus; the passphrase confirms), and auto-lock: adjustable, warned a minute before,
// put off by any activity, and off when the person chooses "Never" (WCAG 2.2.1).
import 'fake-indexeddb/auto';
import './one-realm.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { db } from '../../../renderer/src/store/db.ts';
import { activeCodec, identityCodec, setCodec } from '../../../renderer/src/store/codec.ts';
import { setPlainSetting } from '../../../renderer/src/store/settings.ts';
import { readVaultState, unlockWithPassphrase } from '../../../renderer/src/store/vault.ts';
import { AutoLock } from '../../../renderer/src/features/lock/AutoLock.tsx';
import { renderApp } from './render-app.tsx';

const PASS = 'four quiet harbour lights';
const dialog = (name: string) => document.querySelector<HTMLElement>(`dialog[data-dialog="${name}"]`)!;
const fill = (scope: HTMLElement, label: string, value: string) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
const failure = async (p: Promise<unknown>) => { try { await p; return 'opened'; } catch (e) { return (e as { code?: string }).code ?? String(e); } };

beforeEach(async () => {
  setCodec(identityCodec);
  await db.delete();
  await db.open();
});
afterEach(() => { cleanup(); vi.useRealTimers(); });

describe('the lock in Settings', () => {
  it('is set up with a passphrase typed twice, then changed, then turned off', async () => {
    const api = await renderApp('#/settings');
    expect(within(document.querySelector('[data-lock-section]')!).getByText(/Off\./)).toBeTruthy();
    // this computer has no keychain (appInfo says so): the choice is not offered
    fireEvent.click(screen.getByRole('button', { name: 'Set up a lock…' }));
    const setup = dialog('lock-setup');
    expect(within(setup).queryByText(/keychain/)).toBeNull();
    expect(within(setup).getByText(/If you forget your passphrase, your records cannot be recovered/)).toBeTruthy();
    expect(within(setup).getByLabelText('Passphrase').getAttribute('autocomplete')).toBe('new-password');
    fill(setup, 'Passphrase', 'short');
    fill(setup, 'The same passphrase again', 'short');
    fireEvent.click(within(setup).getByRole('button', { name: 'Turn on the lock' }));
    expect(within(setup).getByRole('alert').textContent).toMatch(/at least 8 characters/);
    fill(setup, 'Passphrase', PASS);
    fill(setup, 'The same passphrase again', `${PASS}!`);
    fireEvent.click(within(setup).getByRole('button', { name: 'Turn on the lock' }));
    expect(within(setup).getByRole('alert').textContent).toMatch(/not the same/);
    fill(setup, 'The same passphrase again', PASS);
    fireEvent.click(within(setup).getByRole('button', { name: 'Turn on the lock' }));
    expect(await screen.findByRole('heading', { name: 'The lock is on' }, { timeout: 30_000 })).toBeTruthy();
    expect(await readVaultState()).toMatchObject({ kind: 'lock', phase: 'encrypted' });
    // everything was stored again in fresh files (nothing to do by hand afterwards)
    expect(api.calls.map((c) => c.channel)).toContain('vault:clear-database');
    expect(api.stash.complete).toBeNull();
    expect(dialog('lock-setup').textContent).not.toMatch(/Delete everything|storage files/);
    expect(activeCodec().name).toBe('aes-gcm');
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(document.querySelector('[data-lock-section="lock"]')).not.toBeNull());
    expect(screen.getAllByRole('button', { name: 'Lock now' }).length).toBe(2); // the header and here

    // a new passphrase: the current one must be right
    fireEvent.click(screen.getByRole('button', { name: 'Change the passphrase…' }));
    const change = dialog('change-passphrase');
    fill(change, 'Your passphrase now', 'not it at all');
    fill(change, 'New passphrase', 'five loud harbour bells');
    fill(change, 'The new passphrase again', 'five loud harbour bells');
    fireEvent.click(within(change).getByRole('button', { name: 'Change the passphrase' }));
    expect((await within(change).findByRole('alert', {}, { timeout: 30_000 })).textContent).toMatch(/That passphrase is not right/);
    fill(change, 'Your passphrase now', PASS);
    fireEvent.click(within(change).getByRole('button', { name: 'Change the passphrase' }));
    expect(await screen.findByRole('heading', { name: 'Your passphrase was changed' }, { timeout: 30_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(await failure(unlockWithPassphrase(PASS))).toBe('wrong-passphrase');

    // turning it off: keeping it has the focus, the passphrase confirms
    fireEvent.click(screen.getByRole('button', { name: 'Turn the lock off…' }));
    const off = dialog('lock-off');
    expect(document.activeElement?.textContent).toBe('Keep the lock');
    fill(off, 'Your passphrase, to confirm', PASS);
    fireEvent.click(within(off).getByRole('button', { name: 'Turn the lock off' }));
    expect((await within(off).findByRole('alert', {}, { timeout: 30_000 })).textContent).toMatch(/That passphrase is not right/);
    fill(off, 'Your passphrase, to confirm', 'five loud harbour bells');
    fireEvent.click(within(off).getByRole('button', { name: 'Turn the lock off' }));
    await waitFor(() => expect(document.querySelector('[data-lock-section="none"]')).not.toBeNull(), { timeout: 30_000 });
    expect(await readVaultState()).toEqual({ kind: 'none' });
    expect(screen.queryByRole('button', { name: 'Lock now' })).toBeNull();
  }, 120_000);

  it('offers the keychain when this computer has one', async () => {
    await renderApp('#/settings', undefined, { keychain: {} });
    fireEvent.click(await screen.findByRole('button', { name: 'Set up a lock…' }));
    const setup = dialog('lock-setup');
    fireEvent.click(await within(setup).findByLabelText('Also open it with this computer’s keychain'));
    fill(setup, 'Passphrase', PASS);
    fill(setup, 'The same passphrase again', PASS);
    fireEvent.click(within(setup).getByRole('button', { name: 'Turn on the lock' }));
    expect(await screen.findByRole('heading', { name: 'The lock is on' }, { timeout: 30_000 })).toBeTruthy();
    expect(await readVaultState()).toMatchObject({ kind: 'lock', keychain: true });
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    // stopping it asks first (Cancel has the focus), then stores everything again without the keychain's copy
    fireEvent.click(await screen.findByRole('button', { name: 'Stop opening it with this computer’s keychain…' }));
    const stop = dialog('stop-keychain');
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(stop).getByRole('button', { name: 'Stop using the keychain' }));
    expect(await screen.findByRole('heading', { name: 'The keychain no longer opens the app' }, { timeout: 30_000 })).toBeTruthy();
    expect(await readVaultState()).toMatchObject({ kind: 'lock', phase: 'encrypted', keychain: false });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Also open it with this computer’s keychain…' })).toBeTruthy());
  }, 60_000);
});

describe('auto-lock', () => {
  it('warns a minute before, is put off by any activity, and locks after the chosen time', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    await setPlainSetting('autoLockMinutes', 5);
    const onLock = vi.fn();
    render(<AutoLock onLock={onLock} />);
    await waitFor(() => expect(document.body).toBeTruthy());
    await act(async () => { await new Promise((r) => setTimeout(r, 50)); }); // the setting loads
    await act(async () => { vi.advanceTimersByTime(4 * 60_000 + 1_000); });
    expect(screen.getByRole('alert').textContent).toMatch(/will lock in a minute/);
    fireEvent.keyDown(window, { key: 'Shift' });
    expect(screen.queryByRole('alert')).toBeNull();
    await act(async () => { vi.advanceTimersByTime(4 * 60_000 + 30_000); });
    expect(onLock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Keep it open' }));
    await act(async () => { vi.advanceTimersByTime(5 * 60_000 + 1_000); });
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('never locks by itself when the person chose "Never"', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    await setPlainSetting('autoLockMinutes', 0);
    const onLock = vi.fn();
    render(<AutoLock onLock={onLock} />);
    await act(async () => { await new Promise((r) => setTimeout(r, 50)); });
    await act(async () => { vi.advanceTimersByTime(24 * 60 * 60_000); });
    expect(onLock).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
