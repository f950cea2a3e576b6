// End-to-end harness (see also README.md here): Debian Chromium, a persistent profile per
// run (so "restart" is closing and relaunching the same profile), the built renderer served
// on a fake origin with the app's CSP, and window.api backed by the real main-process
// handlers and the real extraction process. Nothing here reaches a network.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { installApi, type ApiBridge } from './api-bridge.ts';
import { ORIGIN, RENDERER_DIR, serveRenderer, type RequestLog } from './server.ts';

export { ORIGIN } from './server.ts';
export const CHROMIUM = process.env.RECORDS_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

export interface AppSession {
  context: BrowserContext;
  page: Page;
  requests: RequestLog;
  bridge: ApiBridge;
  close(): Promise<void>;
}

export function newProfileDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'records-e2e-'));
}

/** PDFs the app saves (through the save dialog stand-in) land here, to be read by the tests and by people. */
export const SAVED = path.join(ROOT, 'test-results/saved-pdfs');

export async function launchApp(userDataDir: string, saveDir = SAVED): Promise<AppSession> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    reducedMotion: 'reduce',
    acceptDownloads: false,
  });
  const requests: RequestLog = { all: [], attempted: [], outside: [] };
  await serveRenderer(context, requests);
  const page = context.pages()[0] ?? await context.newPage();
  const bridge = await installApi(page, saveDir, userDataDir);
  await page.goto(`${ORIGIN}/index.html`);
  await page.locator('.app[data-ready="true"]').waitFor({ timeout: 30_000 });
  return {
    context, page, requests, bridge,
    async close() {
      bridge.dispose();
      await context.close();
    },
  };
}
