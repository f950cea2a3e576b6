// What each IPC channel does. Electron-specific powers (dialogs, printing, the keychain)
// are passed in, so the same handlers run in the app and, with stand-ins, in tests.
import type { IpcMainInvokeEvent } from 'electron';
import type { Handlers } from './ipc.ts';
import type { ExtractionClient } from './extraction-client.ts';
import { log } from './log.ts';
import type { StashStore } from './stash.ts';

export interface Platform {
  version: string;
  platform: string;
  locale: () => string;
  /** the OS keychain (Electron safeStorage), when a secure backend is available */
  keychain: { available: () => boolean; encrypt: (b: Uint8Array) => Uint8Array<ArrayBuffer>; decrypt: (b: Uint8Array) => Uint8Array<ArrayBuffer> };
  print: (event: IpcMainInvokeEvent) => Promise<boolean>;
  /** ask where to save, then write what `make` produces; false when the person cancels */
  saveFile: (event: IpcMainInvokeEvent, suggestedName: string, filters: { name: string; extensions: string[] }[], make: () => Promise<Uint8Array>) => Promise<boolean>;
  printToPdf: (event: IpcMainInvokeEvent, landscape: boolean) => Promise<Uint8Array>;
  /** clear everything the session keeps for the app: storage of every kind, HTTP and code caches */
  eraseData: (event: IpcMainInvokeEvent) => Promise<void>;
  /** the lock's sealed stash, in a folder of the app's own (stash.ts) */
  stash: StashStore;
  /** clear the app's IndexedDB storage, so Chromium deletes its files */
  clearDatabase: (event: IpcMainInvokeEvent) => Promise<void>;
}

export function createHandlers(extraction: ExtractionClient, platform: Platform): Handlers {
  return {
    'records:read': (input, event) =>
      extraction.read(input, (progress) => {
        if (!event.sender.isDestroyed()) event.sender.send('records:progress', { jobId: input.jobId, progress });
      }),
    'records:cancel': async ({ jobId }) => ({ cancelled: extraction.cancel(jobId) }),
    'records:render-page': (input) => extraction.render(input),
    'app:info': async () => ({ version: platform.version, platform: platform.platform, locale: platform.locale(), keychain: platform.keychain.available() }),
    'app:print': async (_input, event) => ({ printed: await platform.print(event) }),
    'app:save-pdf': async ({ suggestedName, landscape }, event) => ({
      saved: await platform.saveFile(event, safeName(suggestedName, 'pdf'), [{ name: 'PDF', extensions: ['pdf'] }], () => platform.printToPdf(event, !!landscape)),
    }),
    'keychain:wrap': async ({ key }) => ({ wrapped: platform.keychain.available() ? platform.keychain.encrypt(key) : null }),
    'keychain:unwrap': async ({ wrapped }) => {
      if (!platform.keychain.available()) return { key: null };
      try { return { key: platform.keychain.decrypt(wrapped) }; } catch { return { key: null }; }
    },
    'backup:save': async ({ data, suggestedName }, event) => ({
      saved: await platform.saveFile(event, safeName(suggestedName, 'recordsbackup'), [{ name: 'Records backup', extensions: ['recordsbackup'] }], async () => data),
    }),
    'data:erase': async (_input, event) => {
      // the extraction process keeps recently read documents in memory: end it (it starts
      // again, empty, on the next read)
      extraction.dispose();
      // a stash holds a copy of the key file and of everything it protects
      await platform.stash.clear();
      await platform.eraseData(event);
      log('data-erased');
      return { erased: true as const };
    },
    'vault:stash-save': async ({ id, part, data }) => { await platform.stash.save(id, part, data); return { saved: true as const }; },
    'vault:stash-commit': async (info) => { await platform.stash.commit(info); return { committed: true as const }; },
    'vault:stash-info': () => platform.stash.info(),
    'vault:stash-read': async ({ id, part }) => ({ data: await platform.stash.read(id, part) }),
    'vault:stash-clear': async () => { await platform.stash.clear(); return { cleared: true as const }; },
    'vault:clear-database': async (_input, event) => { await platform.clearDatabase(event); return { cleared: true as const }; },
  };
}

/** A file name the person can accept as is: no folders, no odd characters, the right extension. */
export function safeName(name: string, ext: string): string {
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'records';
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
}
