// Every security decision in electron/main/security-policy.ts against hostile tables
// (engineering anchors §7, habit 5). Each row says what an attacker would try and what
// must happen. A new row is the cheapest way to pin a hole once found.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import {
  APP_ORIGIN, contentSecurityPolicy, devServerOrigin, isAllowedNavigation, isAllowedRequest, isAppUrl, isPermissionAllowed,
  isTrustedSender, offlineSwitches, resolveAppPath, safeScheme, secureWebPreferences, webPreferencesProblems,
} from '../../../electron/main/security-policy.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const DEV = 'http://localhost:5173/';

// [url, is it the app?]
const APP_URLS: Array<[string, boolean]> = [
  ['app://records/index.html', true],
  ['app://records/', true],
  ['app://records', true],
  ['app://records/assets/index-abc.js?v=1#top', true],
  ['app://records:/index.html', true], // empty port: the same origin once normalised
  ['app://records.evil/index.html', false],
  ['app://records.evil.example/', false],
  ['app://evil.records/', false],
  ['app://recordsx/', false],
  ['app://records./', false],
  ['app://user@records/', false],
  ['app://user:pw@records/', false],
  ['app://records@evil/', false],
  ['app://records\\@evil/', false],
  ['app://records%2eevil/', false],
  ['app://records:8080/', false],
  ['app://records:0/', false],
  ['APP://RECORDS/', false], // Chromium lowercases a standard scheme's host before we see it; uppercase is refused
  ['app:records/index.html', false],
  ['app:/records/index.html', false],
  ['app:///records/index.html', false],
  ['app://[::1]/', false],
  ['app://127.0.0.1/', false],
  ['apps://records/', false],
  ['file:///etc/passwd', false],
  ['file://records/index.html', false],
  ['http://records/', false],
  ['https://records/', false],
  ['http://localhost:5173/', false], // no dev server given
  ['ws://records/', false],
  ['blob:app://records/4f6a', false], // a blob is a request, not an app page
  ['data:text/html,<script>alert(1)</script>', false],
  ['javascript:alert(1)', false],
  ['about:blank', false],
  ['chrome://settings', false],
  ['devtools://devtools/bundled/inspector.html', false],
  ['view-source:app://records/', false],
  ['', false],
  ['records', false],
  ['/index.html', false],
  ['app://records/\u0000', true], // parses as a path under the app; resolveAppPath refuses it
];

describe('isAppUrl / isAllowedNavigation', () => {
  it.each(APP_URLS)('%s → %s', (url, ok) => {
    expect(isAppUrl(url)).toBe(ok);
    expect(isAllowedNavigation(url)).toBe(ok);
  });

  // with the development server: only its exact loopback origin is added
  const DEV_URLS: Array<[string, boolean]> = [
    ['http://localhost:5173/', true],
    ['http://localhost:5173/src/main.tsx', true],
    ['http://localhost:5174/', false],
    ['http://localhost/', false],
    ['https://localhost:5173/', false],
    ['http://localhost.evil.example:5173/', false],
    ['http://localhost:5173.evil.example/', false],
    ['http://evil.example/?http://localhost:5173/', false],
    ['http://localhost:5173@evil.example/', false],
    ['http://user@localhost:5173/', false],
    ['http://127.0.0.1:5173/', false], // a different origin from the one given
    ['ws://localhost:5173/', false],
    ['app://records/index.html', true],
  ];
  it.each(DEV_URLS)('dev %s → %s', (url, ok) => {
    expect(isAllowedNavigation(url, DEV)).toBe(ok);
  });

  // a hostile ELECTRON_RENDERER_URL is ignored, never trusted
  const DEV_SERVERS: Array<[string | undefined, string | null]> = [
    [undefined, null],
    ['', null],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['http://evil.example:5173/', null],
    ['https://localhost:5173/', null],
    ['http://localhost.evil.example/', null],
    ['http://user:pw@localhost:5173/', null],
    ['file:///tmp/index.html', null],
    ["http://localhost:5173/; script-src *", 'http://localhost:5173'], // only the origin survives
    ['javascript:alert(1)', null],
    ['not a url', null],
  ];
  it.each(DEV_SERVERS)('devServerOrigin(%s) → %s', (dev, origin) => {
    expect(devServerOrigin(dev)).toBe(origin);
  });

  it('refuses everything when the dev server value is hostile', () => {
    expect(isAllowedNavigation('http://evil.example:5173/', 'http://evil.example:5173/')).toBe(false);
    expect(isAllowedRequest('http://evil.example:5173/x.js', 'http://evil.example:5173/')).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  const REQUESTS: Array<[string, boolean]> = [
    ['app://records/assets/index.js', true],
    ['app://records/assets/font.woff2', true],
    ['blob:app://records/4f6a7c2e-0b1d-4c55-9a3e-0d9e8f2a1b3c', true],
    ['blob:https://evil/4f6a', false],
    ['blob:http://localhost:5173/4f6a', false],
    ['blob:null/4f6a', false],
    ['blob:file:///4f6a', false],
    ['blob:app://records.evil/4f6a', false],
    ['data:image/png;base64,iVBORw0KGgo=', true], // in memory only; the CSP decides where it may be used
    ['https://example.com/x', false],
    ['http://example.com/x', false],
    ['http://127.0.0.1/', false],
    ['http://[::1]/', false],
    ['http://0x7f000001/', false],
    ['https://fonts.googleapis.com/css', false],
    ['https://cdn.jsdelivr.net/npm/tesseract.js', false],
    ['https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', false],
    ['ws://example.com/', false],
    ['wss://example.com/', false],
    ['ftp://example.com/', false],
    ['file:///etc/passwd', false],
    ['file:///C:/Windows/win.ini', false],
    ['file://server/share/x', false],
    ['filesystem:app://records/temporary/x', false],
    ['chrome-extension://abc/x', false],
    ['javascript:alert(1)', false],
    ['mailto:a@b.c', false],
    ['tel:555', false],
    ['app://user@records/x', false],
    ['app://records:8080/x', false],
    ['app://records.evil/x', false],
    ['', false],
  ];
  it.each(REQUESTS)('%s → %s', (url, ok) => expect(isAllowedRequest(url)).toBe(ok));

  it('lets the dev server and its hot-reload socket through in development only', () => {
    expect(isAllowedRequest('http://localhost:5173/@vite/client', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedRequest('ws://user@localhost:5173/', DEV)).toBe(false);
    expect(isAllowedRequest('ws://localhost:5173/')).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/@vite/client')).toBe(false);
  });

  it('refuses absurdly long URLs without parsing them', () => {
    expect(isAllowedRequest(`app://records/${'a'.repeat(40_000)}`)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  // every permission name Electron's own types know, read from the installed electron.d.ts,
  // so a permission added by an Electron upgrade is covered without editing this test
  const dts = fs.readFileSync(path.join(root, 'node_modules/electron/electron.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const fn of ['setPermissionRequestHandler', 'setPermissionCheckHandler']) {
    const line = dts.split('\n').find((l) => l.trim().startsWith(`${fn}(handler`))!;
    for (const m of line.matchAll(/permission: ((?:'[^']+'(?: \| )?)+)/g)) for (const n of m[1].matchAll(/'([^']+)'/g)) names.add(n[1]);
  }
  const extra = ['camera', 'microphone', 'clipboard-write', 'background-sync', 'bluetooth', 'payment', 'push', '', 'MEDIA', 'unknown-future-permission'];

  it('finds the permission list in electron.d.ts', () => {
    expect(names.size).toBeGreaterThan(30);
    for (const n of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'display-capture', 'fileSystem']) expect(names).toContain(n);
  });

  it.each([...names, ...extra].map((n) => [n]))('%s is refused', (name) => {
    expect(isPermissionAllowed(name)).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

  it('packaged: self only, nothing inline, nothing eval, nothing remote', () => {
    const csp = contentSecurityPolicy();
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|\*|https?:|wss?:|localhost/);
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    for (const k of ['object-src', 'base-uri', 'form-action', 'frame-src', 'frame-ancestors']) expect(d.get(k)).toEqual(["'none'"]);
    // images may be the app's own, or page pictures made in memory
    expect(d.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
  });

  it('development: adds only the loopback dev origin and inline styles for hot reload', () => {
    const d = directives(contentSecurityPolicy(DEV));
    expect(d.get('script-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(contentSecurityPolicy(DEV)).not.toMatch(/unsafe-eval/);
  });

  it('a hostile dev server value cannot inject directives', () => {
    for (const dev of ["http://localhost:5173/; script-src *", "http://evil.example/ 'unsafe-eval'", "https://x/'; default-src *"]) {
      const csp = contentSecurityPolicy(dev);
      expect(csp).not.toMatch(/\*|unsafe-eval|evil|https:/);
      expect(csp.split(';').filter((d) => d.trim().startsWith('script-src'))).toHaveLength(1);
    }
  });
});

describe('resolveAppPath', () => {
  const ROOT = '/opt/app/out/renderer';
  const TABLE: Array<[string, string | null]> = [
    ['app://records/', `${ROOT}/index.html`],
    ['app://records/index.html', `${ROOT}/index.html`],
    ['app://records/assets/index-abc.js', `${ROOT}/assets/index-abc.js`],
    ['app://records/assets/./a.js', `${ROOT}/assets/a.js`],
    ['app://records/a/../../../../etc/passwd', `${ROOT}/etc/passwd`], // the URL parser folds dot segments: still inside root
    ['app://records/%2e%2e/%2e%2e/etc/passwd', `${ROOT}/etc/passwd`], // same, encoded
    ['app://records/..%2f..%2fetc%2fpasswd', null],
    ['app://records/assets/..%2F..%2F..%2Fmain%2Findex.js', null],
    ['app://records/%2e%2e%2f%2e%2e%2fetc/passwd', null],
    ['app://records/..%5c..%5cwindows%5cwin.ini', null],
    ['app://records/assets%5c..%5c..%5cx', null],
    ['app://records/index.html%00.png', null],
    ['app://records/%00', null],
    ['app://records/C:/Windows/win.ini', null],
    ['app://records/C%3A%5CWindows%5Cwin.ini', null],
    ['app://records/index.html::$DATA', null],
    ['app://records/NUL', null],
    ['app://records/assets/con.txt', null],
    ['app://records/COM1', null],
    ['app://records/index.html.', null],
    ['app://records/index.html%20', null],
    ['app://records/%252e%252e/x', `${ROOT}/%2e%2e/x`], // decoded once only: a literal (missing) file name
    ['app://records/%E0%A4%A', null], // malformed escape
    ['app://records/a%2fb.js', `${ROOT}/a/b.js`],
    ['app://evil/index.html', null],
    ['app://records.evil/index.html', null],
    ['app://user@records/index.html', null],
    ['app://records:8080/index.html', null],
    ['file:///etc/passwd', null],
    ['http://records/index.html', null],
    ['not a url', null],
  ];
  it.each(TABLE)('%s → %s', (url, file) => {
    const r = resolveAppPath(url, ROOT);
    expect(r).toBe(file);
    if (r) expect(r.startsWith(`${ROOT}/`)).toBe(true);
  });

  it('works with Windows separators and a trailing separator on the root', () => {
    expect(resolveAppPath('app://records/assets/a.js', 'C:\\app\\renderer\\', '\\')).toBe('C:\\app\\renderer\\assets\\a.js');
    expect(resolveAppPath('app://records/..%5ca.js', 'C:\\app\\renderer', '\\')).toBeNull();
  });
});

describe('isTrustedSender', () => {
  const TABLE: Array<[string | undefined, boolean, string | undefined, boolean]> = [
    ['app://records/index.html', true, undefined, true],
    ['app://records/', true, undefined, true],
    ['app://records/index.html', false, undefined, false], // a subframe, even of our own origin
    ['app://records.evil/index.html', true, undefined, false],
    ['app://user@records/index.html', true, undefined, false],
    ['https://evil.example/', true, undefined, false],
    ['file:///tmp/x.html', true, undefined, false],
    ['data:text/html,x', true, undefined, false],
    ['about:blank', true, undefined, false],
    ['', true, undefined, false],
    [undefined, true, undefined, false],
    ['http://localhost:5173/', true, DEV, true],
    ['http://localhost:5173/', false, DEV, false],
    ['http://localhost:5173/', true, undefined, false],
    ['http://localhost:5173/', true, 'http://evil.example:5173/', false],
  ];
  it.each(TABLE)('%s main=%s dev=%s → %s', (url, main, dev, ok) => expect(isTrustedSender(url, main, dev)).toBe(ok));
});

describe('secureWebPreferences / webPreferencesProblems', () => {
  it('the window preferences pass the checklist, packaged and not', () => {
    expect(webPreferencesProblems({ ...secureWebPreferences('/p.cjs', { packaged: true }) }, { packaged: true })).toEqual([]);
    expect(webPreferencesProblems({ ...secureWebPreferences('/p.cjs', { packaged: false }) }, { packaged: false })).toEqual([]);
    expect(secureWebPreferences('/p.cjs', { packaged: true }).devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', { packaged: false }).devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs', { packaged: true })).not.toHaveProperty('enableBlinkFeatures');
  });

  const good = { ...secureWebPreferences('/p.cjs', { packaged: true }) } as Record<string, unknown>;
  const BAD: Array<[string, Record<string, unknown>]> = [
    ['sandbox off', { sandbox: false }],
    ['context isolation off', { contextIsolation: false }],
    ['node integration', { nodeIntegration: true }],
    ['node in workers', { nodeIntegrationInWorker: true }],
    ['node in subframes', { nodeIntegrationInSubFrames: true }],
    ['web security off', { webSecurity: false }],
    ['insecure content', { allowRunningInsecureContent: true }],
    ['experimental features', { experimentalFeatures: true }],
    ['blink features', { enableBlinkFeatures: 'CSSPseudoHas' }],
    ['webview tag', { webviewTag: true }],
    ['spellcheck (downloads dictionaries)', { spellcheck: true }],
    ['devtools in a packaged app', { devTools: true }],
    ['extra arguments', { additionalArguments: ['--inspect'] }],
    ['sandbox missing', { sandbox: undefined }],
  ];
  it.each(BAD)('%s is a problem', (_name, change) => {
    expect(webPreferencesProblems({ ...good, ...change }, { packaged: true }).length).toBeGreaterThan(0);
  });
});

describe('offlineSwitches and safeScheme', () => {
  it('every host name resolves to not-found; background networking is off', () => {
    const s = new Map(offlineSwitches());
    expect(s.get('host-resolver-rules')).toBe('MAP * ~NOTFOUND');
    for (const k of ['disable-background-networking', 'disable-component-update', 'disable-domain-reliability', 'no-pings', 'disable-breakpad']) expect(s.has(k)).toBe(true);
    expect(new Map(offlineSwitches(DEV)).get('host-resolver-rules')).toBe('MAP * ~NOTFOUND, EXCLUDE localhost');
    expect(new Map(offlineSwitches('http://evil.example/')).get('host-resolver-rules')).toBe('MAP * ~NOTFOUND');
  });

  it.each([
    ['https://example.com/Jane-Doe-pathology.pdf', 'https'],
    ['file:///home/jane/records/biopsy.pdf', 'file'],
    ['BLOB:app://records/x', 'blob'],
    ['Jane Doe biopsy', 'unknown'],
    ['', 'unknown'],
  ])('logs only the scheme of %s', (url, scheme) => expect(safeScheme(url)).toBe(scheme));

  it('the app origin is the one the protocol serves', () => expect(APP_ORIGIN).toBe('app://records'));
});
