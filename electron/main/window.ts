// The one app window: sandboxed, isolated, no Node, no DevTools when packaged, served from
// app://records. Its webPreferences come from security-policy.ts (tested there).
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { APP_ORIGIN, secureWebPreferences } from './security-policy.ts';

export function createMainWindow(preload: string, devServer?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 860,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'Records Companion',
    backgroundColor: '#fbfaf7',
    webPreferences: secureWebPreferences(preload, { packaged: app.isPackaged }),
  });
  win.once('ready-to-show', () => win.show());
  win.removeMenu();
  void win.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return win;
}

export const preloadPath = (mainDir: string) => path.join(mainDir, '../preload/index.cjs');
