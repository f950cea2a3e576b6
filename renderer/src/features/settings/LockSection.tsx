// The lock, in Settings: off (what a lock would do, and "Set up a lock…") or on (lock now,
// when it locks itself, the keychain, a new passphrase, turning it off).
import { useState } from 'react';
import type { VaultState } from '../../store/vault.ts';
import { AUTO_LOCK_CHOICES, usePlainSettingState, type AutoLockMinutes } from '../../store/settings.ts';
import { SelectField } from '../../ui/fields.tsx';
import { announce } from '../../ui/announce.ts';
import { lockHeld, lockNow } from '../lock/session.ts';
import { ChangePassphraseDialog } from './ChangePassphraseDialog.tsx';
import { KeychainDialog } from './KeychainDialog.tsx';
import { StopKeychainDialog } from './StopKeychainDialog.tsx';
import { CLEARING_LATER } from '../lock/messages.ts';
import { TurnOffLockDialog } from './TurnOffLockDialog.tsx';

const AFTER: Record<AutoLockMinutes, string> = { 5: 'After 5 minutes', 15: 'After 15 minutes', 30: 'After 30 minutes', 60: 'After 1 hour', 120: 'After 2 hours', 240: 'After 4 hours', 0: 'Never' };

interface Props { state: VaultState; keychainAvailable: boolean; onSetUp: () => void }

export function LockSection({ state, keychainAvailable, onSetUp }: Props) {
  const [minutes, setMinutes] = usePlainSettingState('autoLockMinutes');
  const [open, setOpen] = useState<'change' | 'off' | 'keychain' | 'stop-keychain' | null>(null);
  return (
    <div className="security-block" data-lock-section={state.kind}>
      <h3>Lock with a passphrase</h3>
      {state.kind === 'none' && (
        <>
          <p><strong>Off.</strong> Anyone who can use this computer’s login can open the app.</p>
          <p>With a lock, your records are stored scrambled, and the app asks for your passphrase each time it opens. Someone who takes the computer, or copies its files, cannot read them.</p>
          <button type="button" className="btn" onClick={onSetUp}>Set up a lock…</button>
        </>
      )}
      {state.kind === 'lock' && (
        <>
          <p><strong>On.</strong> The app asks for your passphrase when it opens{state.keychain ? ', unless this computer’s keychain opens it for you' : ''}.</p>
          {/* left for the next start (not while a change is under way: then it is being done) */}
          {state.phase === 'rewriting' && !lockHeld() && <p className="hint">{CLEARING_LATER}</p>}
          <div className="card-actions">
            <button type="button" className="btn" onClick={() => void lockNow()}>Lock now</button>
            <button type="button" className="btn" onClick={() => setOpen('change')}>Change the passphrase…</button>
            <button type="button" className="btn" onClick={() => setOpen('off')}>Turn the lock off…</button>
          </div>
          <SelectField label="Lock by itself when the app is not used" hint="A minute before, the app says so, and you can keep it open." value={String(minutes)}
            onChange={(v) => { setMinutes(Number(v) as AutoLockMinutes); announce(Number(v) ? `The app will lock after ${AFTER[Number(v) as AutoLockMinutes].replace('After ', '')} without use.` : 'The app will not lock by itself.'); }}
            options={AUTO_LOCK_CHOICES.map((m) => [String(m), AFTER[m]])} />
          {keychainAvailable && (state.keychain
            ? <button type="button" className="btn btn-small" onClick={() => setOpen('stop-keychain')}>Stop opening it with this computer’s keychain…</button>
            : <button type="button" className="btn btn-small" onClick={() => setOpen('keychain')}>Also open it with this computer’s keychain…</button>)}
        </>
      )}
      {state.kind === 'damaged' && <p>The lock’s key is damaged. Close the app and open it again for what you can do.</p>}
      {open === 'change' && <ChangePassphraseDialog onClose={() => setOpen(null)} />}
      {open === 'off' && <TurnOffLockDialog onClose={() => setOpen(null)} />}
      {open === 'keychain' && <KeychainDialog onClose={() => setOpen(null)} />}
      {open === 'stop-keychain' && <StopKeychainDialog onClose={() => setOpen(null)} />}
    </div>
  );
}
