// Small shared pieces: the screen heading (which takes focus when a screen opens, so screen
// readers announce where the person is), status badges that never rely on colour alone,
// and notices.
import { useEffect, useRef, type ReactNode } from 'react';
import { screenJustChosen } from '../app/screens.ts';

export function ScreenHeading({ children, intro }: { children: ReactNode; intro?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => { if (screenJustChosen()) ref.current?.focus(); }, []);
  return (
    <header className="screen-head">
      <h1 ref={ref} tabIndex={-1}>{children}</h1>
      {intro && <p className="screen-intro">{intro}</p>}
    </header>
  );
}

export type BadgeTone = 'check' | 'ok' | 'wrong' | 'info' | 'sample' | 'plain';
const SYMBOL: Record<BadgeTone, string> = { check: '!', ok: '✓', wrong: '✕', info: 'i', sample: '', plain: '' };

export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span className={`badge badge-${tone}`}>
      {SYMBOL[tone] && <span aria-hidden="true">{SYMBOL[tone]}</span>}
      {children}
    </span>
  );
}

export function Notice({ tone = 'info', children, role }: { tone?: 'info' | 'check' | 'problem' | 'ok'; children: ReactNode; role?: 'status' | 'alert' }) {
  return <div className={`notice notice-${tone}`} role={role}>{children}</div>;
}

export function Loading({ what }: { what: string }) {
  return <p className="muted" role="status">Loading {what}…</p>;
}
