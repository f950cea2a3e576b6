// The Electron powers the handlers need, behind the small Platform interface.
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Platform } from './handlers.ts';
import { fileStash } from './stash.ts';

export function electronPlatform(): Platform {
  const windowOf = (e: Electron.IpcMainInvokeEvent) => BrowserWindow.fromWebContents(e.sender);
  return {
    version: app.getVersion(),
    platform: process.platform,
    locale: () => app.getLocale(),
    keychain: {
      // Linux without a keyring falls back to a fixed key ("basic_text"): that is not a keychain.
      available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
      encrypt: (b) => new Uint8Array(safeStorage.encryptString(Buffer.from(b).toString('base64'))),
      decrypt: (b) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(b)), 'base64')),
    },
    print: (event) => new Promise((resolve) => {
      event.sender.print({ silent: false, printBackground: false }, (ok) => resolve(ok));
    }),
    printToPdf: async (event, landscape) =>
      new Uint8Array(await event.sender.printToPDF({ landscape, printBackground: false, pageSize: 'Letter', preferCSSPageSize: true })),
    // Everything Chromium keeps for the app's origin: IndexedDB, local and session storage,
    // cache storage, service workers, cookies, then the HTTP and compiled-code caches. The only
    // files of the app's own under userData are the lock's stash (cleared by the handler first;
    // backups and PDFs go where the person chose), and Chromium's own folders are not deleted
    // by hand: it has them open, and writes after would land in deleted files.
    eraseData: async () => {
      const ses = session.defaultSession;
      await ses.clearStorageData();
      await ses.clearCache();
      await ses.clearCodeCaches({});
      ses.flushStorageData();
    },
    // beside Chromium's own folders in userData, so it goes wherever the profile goes
    stash: fileStash(path.join(app.getPath('userData'), 'vault-stash')),
    // IndexedDB only, through the session: Chromium closes the database and deletes its files
    // (LevelDB logs and tables, and the blob folder), so no value from before survives there
    clearDatabase: async () => {
      await session.defaultSession.clearStorageData({ storages: ['indexdb'] });
    },
    saveFile: async (event, suggestedName, filters, make) => {
      const win = windowOf(event);
      const opts = { defaultPath: suggestedName, filters };
      const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (res.canceled || !res.filePath) return false;
      const data = await make();
      const tmp = `${res.filePath}.part`;
      await fs.writeFile(tmp, data);
      await fs.rename(tmp, res.filePath);
      return true;
    },
  };
}
