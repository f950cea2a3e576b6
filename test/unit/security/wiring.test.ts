// The Electron checklist (engineering anchors §2), item by item, against the real wiring in
// electron/main (security.ts, window.ts, protocol.ts, ipc.ts) with a stand-in `electron`
// module: no Electron binary runs here. The pure decisions have their own tables in
// policy.test.ts; this file proves they are actually hooked up to every event.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const fake = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: EE } = require('node:events') as typeof import('node:events');
  const appEvents = new EE();
  const sessionEvents = new EE();
  const state = {
    sandboxed: false,
    switches: [] as Array<[string, string | undefined]>,
    permissionRequest: null as any, permissionCheck: null as any, devicePermission: null as any, displayMedia: null as any,
    beforeRequest: null as any, headers: null as any, certificateVerify: null as any, proxy: null as any, spellcheck: null as any,
    protocols: new Map<string, (r: Request) => Promise<Response>>(), privileged: [] as any[], windows: [] as any[],
  };
  const defaultSession = {
    setPermissionRequestHandler: (fn: any) => { state.permissionRequest = fn; },
    setPermissionCheckHandler: (fn: any) => { state.permissionCheck = fn; },
    setDevicePermissionHandler: (fn: any) => { state.devicePermission = fn; },
    setDisplayMediaRequestHandler: (fn: any) => { state.displayMedia = fn; },
    setCertificateVerifyProc: (fn: any) => { state.certificateVerify = fn; },
    setProxy: async (c: any) => { state.proxy = c; },
    setSpellCheckerEnabled: (on: boolean) => { state.spellcheck = on; },
    on: (name: string, fn: any) => sessionEvents.on(name, fn),
    webRequest: { onBeforeRequest: (fn: any) => { state.beforeRequest = fn; }, onHeadersReceived: (fn: any) => { state.headers = fn; } },
  };
  const app = {
    isPackaged: true,
    enableSandbox: () => { state.sandboxed = true; },
    commandLine: { appendSwitch: (name: string, value?: string) => state.switches.push([name, value]) },
    on: (name: string, fn: any) => { appEvents.on(name, fn); return app; },
  };
  class BrowserWindow extends EE {
    options: any; url: string | null = null;
    constructor(options: any) { super(); this.options = options; state.windows.push(this); }
    loadURL(url: string) { this.url = url; return Promise.resolve(); }
    removeMenu() {}
    show() {}
  }
  const protocol = {
    registerSchemesAsPrivileged: (list: any[]) => state.privileged.push(...list),
    handle: (scheme: string, fn: any) => state.protocols.set(scheme, fn),
  };
  return { app, appEvents, sessionEvents, defaultSession, state, BrowserWindow, protocol };
});

vi.mock('electron', () => ({
  app: fake.app, session: { defaultSession: fake.defaultSession }, BrowserWindow: fake.BrowserWindow, protocol: fake.protocol,
}));

process.env.RECORDS_QUIET_LOG = '1';
const { hardenAllWebContents, hardenDefaultSession } = await import('../../../electron/main/security.ts');
const { createMainWindow } = await import('../../../electron/main/window.ts');
const { registerSchemePrivileges, serveRenderer } = await import('../../../electron/main/protocol.ts');
const { registerIpc } = await import('../../../electron/main/ipc.ts');
const { webPreferencesProblems } = await import('../../../electron/main/security-policy.ts');
const { channels } = await import('../../../shared/contract/ipc.ts');

/** A stand-in WebContents that records its listeners and its window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  webrtcPolicy: string | null = null;
  devtoolsClosed = 0;
  setWindowOpenHandler(fn: any) { this.openHandler = fn; }
  setWebRTCIPHandlingPolicy(p: string) { this.webrtcPolicy = p; }
  closeDevTools() { this.devtoolsClosed++; }
}
const ev = () => { const e = { prevented: false, preventDefault() { e.prevented = true; } }; return e; };

let contents: FakeContents;
beforeAll(() => {
  hardenAllWebContents(undefined);
  hardenDefaultSession(undefined);
  contents = new FakeContents();
  fake.appEvents.emit('web-contents-created', {}, contents);
});

describe('Electron security checklist, item by item', () => {
  it('1 · only secure, local content: every remote request is cancelled, app:// passes', async () => {
    const decide = (url: string) => new Promise<{ cancel: boolean }>((r) => fake.state.beforeRequest({ url }, r));
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'ws://example.com/', 'file:///etc/passwd', 'ftp://x/']) expect((await decide(url)).cancel, url).toBe(true);
    expect((await decide('app://records/assets/a.js')).cancel).toBe(false);
  });

  it('2, 3, 4, 6, 8, 9, 10, 11, 20 · the window: sandboxed, isolated, no Node, no blink features, no webview, no DevTools when packaged', () => {
    const win = createMainWindow('/app/out/preload/index.cjs', undefined) as any;
    const prefs = win.options.webPreferences;
    expect(webPreferencesProblems(prefs, { packaged: true })).toEqual([]);
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, devTools: false, preload: '/app/out/preload/index.cjs' });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(win.url).toBe('app://records/index.html');
  });

  it('4 · the sandbox is forced for every renderer, and Chromium is told it is offline', () => {
    expect(fake.state.sandboxed).toBe(true);
    const switches = new Map(fake.state.switches);
    expect(switches.get('host-resolver-rules')).toBe('MAP * ~NOTFOUND');
    expect(switches.has('disable-background-networking')).toBe(true);
  });

  it('5 · every permission request and check is refused, devices and screen capture too', async () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'fullscreen']) {
      expect(await new Promise((r) => fake.state.permissionRequest(contents, p, r, {}))).toBe(false);
      expect(fake.state.permissionCheck(contents, p, 'app://records', {})).toBe(false);
    }
    expect(fake.state.devicePermission({ deviceType: 'usb' })).toBe(false);
    expect(await new Promise((r) => fake.state.displayMedia({}, r))).toBeNull();
    for (const [name, args, expected] of [
      ['select-hid-device', [{}], undefined], ['select-usb-device', [{}], undefined], ['select-serial-port', [[{ portId: 'p1' }], contents], ''],
    ] as const) {
      const e = ev();
      let chosen: unknown = 'not called';
      fake.sessionEvents.emit(name, e, ...args, (id?: string) => { chosen = id; });
      expect(e.prevented, name).toBe(true);
      expect(chosen, name).toBe(expected);
    }
    const e = ev();
    let chosen: unknown = 'not called';
    contents.emit('select-bluetooth-device', e, [{ deviceId: 'b1' }], (id: string) => { chosen = id; });
    expect(e.prevented).toBe(true);
    expect(chosen).toBe('');
  });

  it('7 · the CSP is added to every response', async () => {
    const res = await new Promise<any>((r) => fake.state.headers({ responseHeaders: { 'X-Other': ['1'] } }, r));
    expect(res.responseHeaders['Content-Security-Policy'][0]).toMatch(/^default-src 'none'/);
    expect(res.responseHeaders['X-Other']).toEqual(['1']);
  });

  it('12 · webviews are never attached', () => {
    const e = ev();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.prevented).toBe(true);
  });

  it('13 · navigation, frame navigation and redirects leave the app never', () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'data:text/html,x', 'javascript:alert(1)', 'app://records.evil/']) {
      for (const name of ['will-navigate', 'will-redirect']) {
        const e = ev();
        contents.emit(name, e, url);
        expect(e.prevented, `${name} ${url}`).toBe(true);
      }
      const f = Object.assign(ev(), { url, isMainFrame: false });
      contents.emit('will-frame-navigate', f);
      expect(f.prevented, `will-frame-navigate ${url}`).toBe(true);
    }
    const ok = ev();
    contents.emit('will-navigate', ok, 'app://records/index.html');
    expect(ok.prevented).toBe(false);
  });

  it('14 · new windows are denied', () => {
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://records/index.html' })).toEqual({ action: 'deny' });
  });

  it('downloads are cancelled, certificates refused, stray traffic sent to a proxy that cannot exist, WebRTC kept off UDP', () => {
    const e = ev();
    fake.sessionEvents.emit('will-download', e, {}, contents);
    expect(e.prevented).toBe(true);
    let verdict: number | null = null;
    fake.state.certificateVerify({ hostname: 'example.com' }, (v: number) => { verdict = v; });
    expect(verdict).toBe(-2);
    expect(fake.state.proxy).toMatchObject({ mode: 'fixed_servers', proxyRules: 'http://proxy.invalid:9' });
    expect(contents.webrtcPolicy).toBe('disable_non_proxied_udp');
    expect(fake.state.spellcheck).toBe(false);
  });

  it('DevTools are closed as soon as they open in a packaged app', () => {
    contents.emit('devtools-opened');
    expect(contents.devtoolsClosed).toBe(1);
  });

  it('sessions created later get the same rules', () => {
    const calls: string[] = [];
    const other = new Proxy({}, { get: (_t, k) => k === 'webRequest' ? { onBeforeRequest: () => calls.push('onBeforeRequest'), onHeadersReceived: () => {} } : k === 'setProxy' ? async () => {} : () => calls.push(String(k)) });
    fake.appEvents.emit('session-created', other);
    expect(calls).toEqual(expect.arrayContaining(['setPermissionRequestHandler', 'setPermissionCheckHandler', 'onBeforeRequest', 'setCertificateVerifyProc']));
  });
});

describe('18 · the app:// protocol', () => {
  let dir: string;
  let handle: (r: Request) => Promise<Response>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-proto-'));
    fs.mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<div id="root"></div>');
    fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'a.js'), 'export {}');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer folder');
    registerSchemePrivileges();
    serveRenderer(path.join(dir, 'renderer'));
    handle = fake.state.protocols.get('app')!;
  });

  it('is registered standard and secure (web storage works, stable origin)', () => {
    expect(fake.state.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('serves the renderer with the CSP and nosniff', async () => {
    const r = await handle(new Request('app://records/index.html'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await handle(new Request('app://records/assets/a.js'))).headers.get('content-type')).toMatch(/javascript/);
  });

  it.each([
    'app://records/../secret.txt', 'app://records/..%2fsecret.txt', 'app://records/%2e%2e%2fsecret.txt', 'app://records/..%5csecret.txt',
    'app://evil/index.html', 'app://records:1/index.html', 'app://records/missing.js',
  ])('never serves %s', async (url) => {
    const r = await handle(new Request(url));
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('outside');
  });

  it('answers GET only', async () => {
    expect((await handle(new Request('app://records/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('17 · every IPC call: sender checked, input validated', () => {
  const handlers: Record<string, any> = {};
  const calls: string[] = [];
  const ipcMain = { handle: (name: string, fn: any) => { handlers[name] = fn; } };
  beforeAll(() => {
    const impl = Object.fromEntries(Object.keys(channels).map((c) => [c, async () => { calls.push(c); return { cancelled: true }; }]));
    registerIpc(ipcMain as any, impl as any, undefined);
  });
  const event = (url: string | undefined, main = true) => {
    const frame = url === undefined ? null : { url };
    const mainFrame = main ? frame : { url: 'app://records/index.html' };
    return { senderFrame: frame, sender: { mainFrame } };
  };

  it('registers exactly the contract\'s channels', () => expect(Object.keys(handlers).sort()).toEqual(Object.keys(channels).sort()));

  it.each([
    ['another origin', event('https://evil.example/')],
    ['a look-alike host', event('app://records.evil/index.html')],
    ['a subframe of our own origin', event('app://records/index.html', false)],
    ['no frame (destroyed)', event(undefined)],
    ['a file page', event('file:///tmp/x.html')],
  ])('refuses %s on every channel, before any handler runs', async (_name, e) => {
    for (const ch of Object.keys(handlers)) await expect(handlers[ch](e, {}), ch).rejects.toThrow('Not allowed.');
    expect(calls).toEqual([]);
  });

  it('refuses malformed input with a plain message and runs valid calls', async () => {
    const ok = event('app://records/index.html');
    await expect(handlers['records:cancel'](ok, { jobId: 42 })).rejects.toThrow('That request was not understood.');
    await expect(handlers['records:read'](ok, { jobId: 'j', name: 'x.pdf', bytes: 'not bytes' })).rejects.toThrow('not understood');
    await expect(handlers['records:cancel'](ok, { jobId: 'j1' })).resolves.toEqual({ cancelled: true });
    expect(calls).toEqual(['records:cancel']);
  });
});
