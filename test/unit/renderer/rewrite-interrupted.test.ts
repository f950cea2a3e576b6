// @vitest-environment jsdom
// Storing everything again (renderer/src/store/rewrite.ts) when the app is closed half-way:
// while the stash is written, once it is complete, once the database is cleared, half-way
// back, and during a passphrase change. Each time the next start finishes (the complete stash
// first), everything reads back, every value is sealed and the stash is gone.
import 'fake-indexeddb/auto';
import './one-realm.ts'; // as in Chromium: byte arrays come back as this realm's (the v1 → v2 upgrade copies rows)
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/contract/ipc.ts';
import { db, holdWrites } from '../../../renderer/src/store/db.ts';
import { identityCodec, setCodec } from '../../../renderer/src/store/codec.ts';
import { changeLockPassphrase, enableLock, readVaultState, resumeStash, unlockWithPassphrase, VAULT_KEY } from '../../../renderer/src/store/vault.ts';
import { expectFinished, failure, fast, freshProfile, main, PASS, rawRows, reopen, restart, rowCount } from './rewrite-fixture.ts';

beforeEach(freshProfile);
afterAll(async () => { holdWrites(false); setCodec(identityCodec); await db.delete(); });

describe('the app closed while storing everything again', () => {
  const steps: Array<[string, (channel: Channel, when: 'before' | 'after', n: number) => boolean, string]> = [
    ['while the stash is being written', (c, w, n) => c === 'vault:stash-save' && w === 'before' && n === 3, 'rewriting'],
    ['once the stash is complete', (c, w) => c === 'vault:stash-commit' && w === 'after', 'rewriting'],
    ['once the database is cleared', (c, w) => c === 'vault:clear-database' && w === 'after', 'none'],
  ];
  for (const [when, crash, phaseAfter] of steps) {
    it(`closed ${when}: the next start finishes`, async () => {
      main.crashAt = crash;
      await enableLock(PASS, fast).catch(() => undefined);
      expect(main.crashed).toBe(true);
      await reopen();
      expect((await readVaultState()).kind === 'lock' ? (await readVaultState() as { phase: string }).phase : 'none').toBe(phaseAfter);
      await restart();
      await expectFinished();
    });
  }

  it('closed half-way back: the next start clears what came back and finishes from the stash', async () => {
    let parts = 0;
    let reads = 0;
    main.crashAt = (c, w) => {
      if (c === 'vault:stash-commit' && w === 'after') parts = (main.api.calls.at(-1)!.input as { parts: number }).parts;
      if (c === 'vault:clear-database' && w === 'after') reads = 0;
      // after the clear the parts are read once more, in order: stop before the last one
      return parts > 0 && c === 'vault:stash-read' && w === 'before' && ++reads === parts;
    };
    await expect(enableLock(PASS, fast)).rejects.toThrow(/close the app and open it again/);
    const half = await rowCount();
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(17); // 16 rows with the vault row
    expect(main.api.stash.complete).not.toBeNull();
    await restart();
    await expectFinished();
  });


  it('a new passphrase: the old key file is not kept, and a start after closing half-way asks for the new one', async () => {
    await enableLock(PASS, fast);
    const oldSlot = ((await db.settings.get(VAULT_KEY))!.value as { keyFile: { passphrase: { wrapped: string } } }).keyFile.passphrase.wrapped;
    main.crashAt = (c, w) => c === 'vault:clear-database' && w === 'after';
    await expect(changeLockPassphrase(PASS, 'a brand new passphrase', fast)).rejects.toThrow(/close the app/);
    await reopen();
    await resumeStash();
    expect(await failure(unlockWithPassphrase(PASS))).toBe('wrong-passphrase');
    await restart('a brand new passphrase');
    expect(JSON.stringify(await rawRows())).not.toContain(oldSlot);
    await expectFinished('a brand new passphrase');
  });
});
