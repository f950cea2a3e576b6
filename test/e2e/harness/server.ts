// Serves the BUILT renderer (out/renderer) on a fixed fake origin through context.route, with
// the app's own Content-Security-Policy header, exactly as the app:// protocol does in
// Electron. Every other request the page tries is recorded and refused, so tests can assert
// that nothing left the "device".
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Request } from '@playwright/test';
import { contentSecurityPolicy } from '../../../electron/main/security-policy.ts';

export const ORIGIN = 'https://records.test';
export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../../out/renderer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
};

export interface RequestLog {
  /** every request the page started, by URL (Playwright's request event) */
  all: string[];
  /** requests the page started for anywhere but the app's origin, including ones its CSP then stopped */
  attempted: string[];
  /** requests for anywhere else that reached the network layer (this route, the stand-in for the app's session filter); refused */
  outside: string[];
}

const isLocal = (url: string) => url.startsWith(`${ORIGIN}/`) || url.startsWith('data:') || url.startsWith(`blob:${ORIGIN}/`);

export async function serveRenderer(context: BrowserContext, log: RequestLog): Promise<void> {
  context.on('request', (r: Request) => {
    log.all.push(r.url());
    if (!isLocal(r.url())) log.attempted.push(r.url());
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) log.outside.push(route.request().url());
    if (url.origin !== ORIGIN || route.request().method() !== 'GET') return route.abort('blockedbyclient');
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(RENDERER_DIR, rel);
    if (!file.startsWith(RENDERER_DIR + path.sep)) return route.fulfill({ status: 404, body: 'Not found' });
    try {
      const body = await fs.readFile(file);
      await route.fulfill({
        status: 200, body,
        headers: {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': contentSecurityPolicy(),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      await route.fulfill({ status: 404, body: 'Not found' });
    }
  });
}
