// Locks the app after the time without use the person chose in Settings (or never: WCAG
// 2.2.1, the time limit can be changed or turned off). A minute before, a warning says so
// and offers to keep it open; any key, click, touch or scroll does the same.
import { useEffect, useRef, useState } from 'react';
import { usePlainSetting } from '../../store/settings.ts';
import { lockHeld, lockNow } from './session.ts';

const WARN_MS = 60_000;
const defaultLock = () => void lockNow();
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** `onLock` is for tests; the app locks with lockNow (a reload). */
export function AutoLock({ onLock = defaultLock }: { onLock?: () => void } = {}) {
  const minutes = usePlainSetting('autoLockMinutes');
  const [warning, setWarning] = useState(false);
  const warned = useRef(false);
  const last = useRef(Date.now());
  useEffect(() => {
    if (!minutes) return;
    last.current = Date.now();
    const limit = minutes * 60_000;
    const poke = () => {
      last.current = Date.now();
      if (warned.current) { warned.current = false; setWarning(false); }
    };
    for (const e of ACTIVITY) window.addEventListener(e, poke, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (lockHeld()) last.current = Date.now();
      const left = limit - (Date.now() - last.current);
      if (left <= 0) { clearInterval(timer); onLock(); }
      else if (left <= WARN_MS && !warned.current) { warned.current = true; setWarning(true); }
    }, 1000);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, poke, { capture: true });
    };
  }, [minutes, onLock]);
  if (!warning) return null;
  return (
    <div className="lock-warning" role="alert">
      <p>The app will lock in a minute, because it has not been used for a while.</p>
      <button type="button" className="btn btn-primary" onClick={() => { last.current = Date.now(); warned.current = false; setWarning(false); }}>Keep it open</button>
    </div>
  );
}
