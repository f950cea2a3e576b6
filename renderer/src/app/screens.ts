// The app's screens and a tiny hash router: #/records, #/facts … Hash changes stay inside
// the page (no navigation, nothing loaded), and the last screen survives a reload.
import { useCallback, useSyncExternalStore } from 'react';

export const SCREENS = [
  { id: 'home', label: 'Start here' },
  { id: 'records', label: 'My records' },
  { id: 'facts', label: 'My facts' },
  { id: 'ask', label: 'Ask a question' },
  { id: 'appointment', label: 'For my appointment' },
  { id: 'guidelines', label: 'Guidelines' },
  { id: 'search', label: 'Search my records' },
  { id: 'settings', label: 'Settings' },
] as const;
export type ScreenId = (typeof SCREENS)[number]['id'];

const isScreen = (s: string): s is ScreenId => SCREENS.some((x) => x.id === s);

function current(): ScreenId {
  const id = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return isScreen(id) ? id : 'home';
}

function subscribe(fn: () => void): () => void {
  window.addEventListener('hashchange', fn);
  return () => window.removeEventListener('hashchange', fn);
}

let navigatedAt = 0;

export function navigate(id: ScreenId): void {
  navigatedAt = Date.now();
  if (current() !== id || !location.hash) location.hash = `#/${id}`;
}

/**
 * Whether a screen that just appeared should take the focus: yes right after the person
 * chose it (so screen readers announce it), no when the app opens (focus stays at the top,
 * on the skip link's side). A screen may show its heading twice (loading, then loaded).
 */
export function screenJustChosen(): boolean {
  return navigatedAt > 0 && Date.now() - navigatedAt < 3000;
}

export function useScreen(): [ScreenId, (id: ScreenId) => void] {
  const screen = useSyncExternalStore(subscribe, current);
  return [screen, useCallback((id: ScreenId) => navigate(id), [])];
}
