// What the app shows first. Without a lock: the app. With one: nothing is read until the data
// key is open: this computer's keychain is tried first when the person chose it (not after
// they locked the app themselves), then the lock screen asks for the passphrase. If the app
// was closed while the lock was being turned on or off, or while everything was being stored
// again in fresh files (rewrite.ts: its complete stash is looked for before anything else
// reads the store), that is finished here, with progress, before any screen reads a record.
// An unfinished "delete everything" is finished first of all.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { App } from '../../app/App.tsx';
import { api, plainError } from '../../api.ts';
import { resumeImports } from '../records/importer.ts';
import { eraseUnderWay, finishErase } from '../../store/erase.ts';
import { openStore, readVaultState, resumeStash, unlockWithKeychain, useVaultState } from '../../store/vault.ts';
import { AutoLock } from './AutoLock.tsx';
import { LockScreen } from './LockScreen.tsx';
import { keychainAvailable, osKeychain } from './keychain.ts';
import { lockMessage } from './messages.ts';
import { passphraseGiven, passphraseWanted, reloadToStart } from './session.ts';
import './lock.css';

type Stage =
  | { kind: 'starting' }
  | { kind: 'locked'; damaged: boolean; note?: string }
  | { kind: 'key'; key: CryptoKey }
  | { kind: 'finishing'; done: number; total: number }
  | { kind: 'open' }
  | { kind: 'failed'; message: string };

const KEYCHAIN_FAILED = 'This computer’s keychain could not open the app this time, so please type your passphrase.';

async function decide(): Promise<Stage> {
  if (await eraseUnderWay()) {
    await finishErase(() => api().eraseData());
    reloadToStart();
    return { kind: 'starting' };
  }
  // a complete stash (the app was closed while storing everything again) counts over the database
  if ((await resumeStash()) === 'damaged') return { kind: 'locked', damaged: true };
  const state = await readVaultState();
  if (state.kind === 'none') return { kind: 'open' };
  if (state.kind === 'damaged') return { kind: 'locked', damaged: true };
  if (state.keychain && !passphraseWanted() && await keychainAvailable()) {
    const key = await unlockWithKeychain(osKeychain).catch(() => null);
    if (key) return { kind: 'key', key };
    return { kind: 'locked', damaged: false, note: KEYCHAIN_FAILED };
  }
  return { kind: 'locked', damaged: false };
}

export function Gate() {
  const [stage, setStage] = useState<Stage>({ kind: 'starting' });
  // decided once (StrictMode runs effects twice in development; the ref survives that)
  const decided = useRef<Promise<Stage> | null>(null);
  const open = useCallback(async (key: CryptoKey) => {
    passphraseGiven();
    setStage({ kind: 'finishing', done: 0, total: 0 });
    try {
      await openStore(key, { onProgress: (p) => setStage({ kind: 'finishing', ...p }) });
      setStage({ kind: 'open' });
    } catch (e) {
      setStage({ kind: 'failed', message: lockMessage(e) });
    }
  }, []);
  useEffect(() => {
    let live = true;
    decided.current ??= decide();
    decided.current.then(
      (s) => { if (live) { if (s.kind === 'key') void open(s.key); else setStage(s); } },
      (e) => { if (live) setStage({ kind: 'failed', message: plainError(e) }); },
    );
    return () => { live = false; };
  }, [open]);
  useEffect(() => {
    // records left half-read are read again only once the store can be read
    if (stage.kind === 'open') void resumeImports().catch(() => undefined);
  }, [stage.kind]);

  switch (stage.kind) {
    case 'starting':
    case 'key':
      return null;
    case 'locked':
      return <LockScreen damaged={stage.damaged} note={stage.note} onUnlocked={(key) => void open(key)} />;
    case 'finishing':
      return (
        <Waiting title="Getting your records ready">
          <p>The app was closed while it was changing how your records are stored. It is finishing that now; please keep it open.</p>
          {stage.total > 0 && <progress max={stage.total} value={stage.done} aria-label="Progress">{stage.done} of {stage.total}</progress>}
        </Waiting>
      );
    case 'failed':
      return (
        <Waiting title="The app could not open your records">
          <p role="alert">{stage.message}</p>
          <button type="button" className="btn" onClick={() => location.reload()}>Try again</button>
        </Waiting>
      );
    case 'open':
      return <Unlocked />;
  }
}

function Unlocked() {
  const state = useVaultState();
  return (
    <>
      <App />
      {state?.kind === 'lock' && <AutoLock />}
    </>
  );
}

function Waiting({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="app lock-app">
      <main id="main" className="app-main lock-screen">
        <h1>{title}</h1>
        <div role="status">{children}</div>
      </main>
    </div>
  );
}
