// The renderer reaches the rest of the app only through window.api, which the sandboxed
// preload exposes (shared/contract/ipc.ts). Tests put a fake with the same shape there.
import type { RendererApi } from '../../shared/contract/ipc.ts';

declare global {
  interface Window { api?: RendererApi }
}

export class NoApiError extends Error {
  constructor() { super('This page only works inside the Records Companion app.'); }
}

export function hasApi(): boolean {
  return typeof window !== 'undefined' && !!window.api;
}

export function api(): RendererApi {
  if (!window.api) throw new NoApiError();
  return window.api;
}

/**
 * A message a person can read. Main sends plain sentences; Electron wraps rejected calls as
 * "Error invoking remote method 'x': Error: …", which we take off again.
 */
export function plainError(e: unknown): string {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const text = raw.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^(?:[A-Za-z]*Error):\s*/, '').trim();
  return text || 'Something went wrong. Nothing you saved was lost; please try again.';
}
