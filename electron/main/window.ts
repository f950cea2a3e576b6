// The one app window: sandboxed, isolated, no Node, served from app://records.
import { BrowserWindow } from 'electron';
import path from 'node:path';
import { APP_ORIGIN } from './security-policy.ts';

export function createMainWindow(preload: string, devServer?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 860,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'Records Companion',
    backgroundColor: '#fbfaf7',
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.removeMenu();
  void win.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return win;
}

export const preloadPath = (mainDir: string) => path.join(mainDir, '../preload/index.cjs');
