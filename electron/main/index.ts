// The main process: thin glue. It hardens the session, serves the renderer from app://,
// registers the IPC contract and starts the extraction process on first use. All logic
// lives in shared/ (pure) and in the extraction process.
import { app, BrowserWindow, ipcMain } from 'electron';
import path from 'node:path';
import { hardenAllWebContents, hardenDefaultSession } from './security.ts';
import { registerSchemePrivileges, serveRenderer } from './protocol.ts';
import { registerIpc } from './ipc.ts';
import { createHandlers } from './handlers.ts';
import { ExtractionClient } from './extraction-client.ts';
import { launchUtility } from './launch-extraction.ts';
import { electronPlatform } from './platform.ts';
import { createMainWindow, preloadPath } from './window.ts';
import { log } from './log.ts';

const here = import.meta.dirname;
// electron-vite sets this only in development, for hot reload from its local server
const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// Tests give each run its own profile; honoured only when explicitly in test mode.
if (process.env.RECORDS_E2E === '1' && process.env.RECORDS_USER_DATA) app.setPath('userData', process.env.RECORDS_USER_DATA);

// No crash reporter (its dumps would hold record text), no telemetry, no auto-update. The
// sandbox, Chromium's offline switches and the per-window rules are set before anything loads.
hardenAllWebContents(devServer);
registerSchemePrivileges();

if (!app.requestSingleInstanceLock()) app.quit();

const extraction = new ExtractionClient(() => launchUtility(path.join(here, 'extraction.js')));

app.whenReady().then(() => {
  hardenDefaultSession(devServer);
  serveRenderer(path.join(here, '../renderer'));
  registerIpc(ipcMain, createHandlers(extraction, electronPlatform()), devServer);
  createMainWindow(preloadPath(here), devServer);
  log('app-ready', { version: app.getVersion() });
});

app.on('second-instance', () => {
  // focus the existing window rather than opening a second copy of the records
  const [win] = BrowserWindow.getAllWindows();
  if (win) { if (win.isMinimized()) win.restore(); win.focus(); }
});

app.on('window-all-closed', () => {
  extraction.dispose();
  app.quit();
});
