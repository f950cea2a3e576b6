// A polite live region for things that happen out of sight (a record finished reading, a
// question was added), so screen-reader users hear them too.
import { useSyncExternalStore } from 'react';

let message = '';
const listeners = new Set<() => void>();

export function announce(text: string): void {
  // clear first, so the same sentence twice is still read out
  message = '';
  listeners.forEach((l) => l());
  setTimeout(() => { message = text; listeners.forEach((l) => l()); }, 50);
}

export function useAnnouncement(): string {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => message);
}
