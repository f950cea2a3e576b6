// window.api for the page, backed by the REAL main-process code: the handlers from
// electron/main/handlers.ts, registered with electron/main/ipc.ts (so every call's input and
// output is validated by the contract, as in the app), and the ExtractionClient running the
// BUILT extraction process (out/main/extraction.js) with child_process.fork, as
// test/smoke/electron-stub.mjs does. The page side (an init script, like the preload) calls
// one exposed binding; bytes cross as base64; progress comes back with page.evaluate.
import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { createHandlers, type Platform } from '../../../electron/main/handlers.ts';
import { ExtractionClient, type ChildHandle } from '../../../electron/main/extraction-client.ts';
import { registerIpc } from '../../../electron/main/ipc.ts';
import { fileStash } from '../../../electron/main/stash.ts';
import { APP_ORIGIN } from '../../../electron/main/security-policy.ts';
import { ORIGIN } from './server.ts';

export const EXTRACTION_ENTRY = path.resolve(import.meta.dirname, '../../../out/main/extraction.js');

export function launchExtraction(entry = EXTRACTION_ENTRY): ChildHandle {
  const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    postMessage: (m) => { child.send(m); },
    onMessage: (h) => { child.on('message', h); },
    onExit: (h) => { child.on('exit', (code) => h(code)); },
    kill: () => { child.kill(); },
  };
}

/** Uint8Array <-> { __bytes: base64 }, deep, so byte arrays survive the JSON binding. */
export function toWire(v: unknown): unknown {
  if (v instanceof Uint8Array) return { __bytes: Buffer.from(v).toString('base64') };
  if (Array.isArray(v)) return v.map(toWire);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)]));
  return v;
}
export function fromWire(v: unknown): unknown {
  if (v && typeof v === 'object' && '__bytes' in v) return new Uint8Array(Buffer.from(String((v as { __bytes: string }).__bytes), 'base64'));
  if (Array.isArray(v)) return v.map(fromWire);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromWire(x)]));
  return v;
}

export interface ApiBridge {
  calls: string[];
  saved: string[];
  /**
   * Called with each channel before main handles it; a test may return a promise that never
   * settles (the app "closes" there while the test closes the browser).
   */
  before?: (channel: string) => Promise<void> | void;
  dispose(): void;
}

/** The lock's stash folder of a profile (Electron keeps it in userData, which is the profile). */
export const stashDir = (profileDir: string) => path.join(profileDir, 'vault-stash');

/** Installs window.api in `page`. Saved PDFs go to `saveDir`; the stash lives in the profile. */
export async function installApi(page: Page, saveDir: string, profileDir: string): Promise<ApiBridge> {
  process.env.RECORDS_QUIET_LOG = '1';
  const extraction = new ExtractionClient(() => launchExtraction());
  const bridge: ApiBridge = { calls: [], saved: [], dispose: () => extraction.dispose() };
  const cdp = async (run: (session: CDPSession) => Promise<void>) => {
    const session = await page.context().newCDPSession(page);
    try {
      await run(session);
    } finally {
      await session.detach().catch(() => undefined);
    }
  };
  const platform: Platform = {
    version: '0.0.0-e2e', platform: process.platform, locale: () => 'en-GB',
    keychain: { available: () => false, encrypt: () => { throw new Error('no keychain'); }, decrypt: () => { throw new Error('no keychain'); } },
    print: async () => true,
    printToPdf: async () => new Uint8Array(await page.pdf({ format: 'Letter', preferCSSPageSize: true, printBackground: false })),
    // what Electron's session.clearStorageData() and clearCache() do, for this origin, through
    // the DevTools protocol
    eraseData: () => cdp(async (s) => {
      await s.send('Storage.clearDataForOrigin', { origin: ORIGIN, storageTypes: 'all' });
      await s.send('Network.clearBrowserCache');
    }),
    stash: fileStash(stashDir(profileDir)),
    // what session.clearStorageData({ storages: ['indexdb'] }) does, for this origin
    clearDatabase: () => cdp(async (s) => {
      await s.send('Storage.clearDataForOrigin', { origin: ORIGIN, storageTypes: 'indexeddb' });
    }),
    saveFile: async (_event, name, _filters, make) => {
      await fs.mkdir(saveDir, { recursive: true });
      const file = path.join(saveDir, name);
      await fs.writeFile(file, await make());
      bridge.saved.push(file);
      return true;
    },
  };
  const ipc = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
  registerIpc({ handle: (name: string, fn: any) => ipc.set(name, fn) } as any, createHandlers(extraction, platform));

  await page.exposeBinding('__recordsInvoke', async (source, channel: string, payload: unknown) => {
    bridge.calls.push(channel);
    await bridge.before?.(channel);
    // Only our own top frame on our origin may call; it then stands for app://records, as in the app.
    const frameUrl = new URL(source.frame.url());
    if (source.frame !== page.mainFrame() || frameUrl.origin !== ORIGIN) throw new Error('Not allowed.');
    const senderFrame = { url: `${APP_ORIGIN}${frameUrl.pathname}` };
    const sender = {
      mainFrame: senderFrame,
      isDestroyed: () => page.isClosed(),
      send: (ch: string, msg: unknown) => {
        if (ch === 'records:progress') void page.evaluate((m) => (window as any).__recordsProgress?.(m), msg).catch(() => undefined);
      },
    };
    const handler = ipc.get(channel);
    if (!handler) throw new Error('unknown channel');
    return toWire(await handler({ senderFrame, sender }, fromWire(payload)));
  });
  await page.addInitScript(pageApi);
  return bridge;
}

/** Runs in the page before the app: the same shape as electron/preload/index.ts. */
function pageApi(): void {
  const w = window as any;
  const toWire = (v: unknown): unknown => {
    if (v instanceof Uint8Array) { let s = ''; for (let i = 0; i < v.length; i += 0x8000) s += String.fromCharCode(...v.subarray(i, i + 0x8000)); return { __bytes: btoa(s) }; }
    if (Array.isArray(v)) return v.map(toWire);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)]));
    return v;
  };
  const fromWire = (v: unknown): unknown => {
    if (v && typeof v === 'object' && '__bytes' in (v as object)) { const b = atob((v as any).__bytes); const out = new Uint8Array(b.length); for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i); return out; }
    if (Array.isArray(v)) return v.map(fromWire);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromWire(x)]));
    return v;
  };
  const invoke = async (channel: string, input: unknown) => fromWire(await w.__recordsInvoke(channel, toWire(input)));
  const listeners = new Map<string, (p: unknown) => void>();
  w.__recordsProgress = (m: { jobId: string; progress: unknown }) => listeners.get(m.jobId)?.(m.progress);
  w.api = {
    async readRecord(input: { jobId: string }, onProgress?: (p: unknown) => void) {
      if (onProgress) listeners.set(input.jobId, onProgress);
      try { return await invoke('records:read', input); } finally { listeners.delete(input.jobId); }
    },
    cancelRead: (jobId: string) => invoke('records:cancel', { jobId }),
    renderPage: (input: unknown) => invoke('records:render-page', input),
    appInfo: () => invoke('app:info', {}),
    print: () => invoke('app:print', {}),
    savePdf: (input: unknown) => invoke('app:save-pdf', input),
    keychainWrap: (key: Uint8Array) => invoke('keychain:wrap', { key }),
    keychainUnwrap: (wrapped: Uint8Array) => invoke('keychain:unwrap', { wrapped }),
    saveBackup: (input: unknown) => invoke('backup:save', input),
    eraseData: () => invoke('data:erase', {}),
    stashSave: (input: unknown) => invoke('vault:stash-save', input),
    stashCommit: (input: unknown) => invoke('vault:stash-commit', input),
    stashInfo: () => invoke('vault:stash-info', {}),
    stashRead: (input: unknown) => invoke('vault:stash-read', input),
    stashClear: () => invoke('vault:stash-clear', {}),
    clearDatabase: () => invoke('vault:clear-database', {}),
  };
}
