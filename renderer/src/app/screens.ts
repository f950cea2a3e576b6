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

export function navigate(id: ScreenId): void {
  if (current() !== id || !location.hash) location.hash = `#/${id}`;
}

export function useScreen(): [ScreenId, (id: ScreenId) => void] {
  const screen = useSyncExternalStore(subscribe, current);
  return [screen, useCallback((id: ScreenId) => navigate(id), [])];
}
