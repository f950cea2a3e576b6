// Every security decision as a small pure function, so each can be tested with a table
// (engineering anchors §7, habit 5). The Electron wiring in security.ts, protocol.ts,
// window.ts and ipc.ts only calls these. Tests: test/unit/security/policy.test.ts.

/** The app's own origin: a standard, secure custom scheme (set before any data is stored). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'records';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 32_768) return null;
  try { return new URL(url); } catch { return null; }
}

/**
 * The development server's origin, only when it is plain http on this computer's loopback
 * name with no credentials or path tricks; anything else is ignored (fail closed). It is
 * never consulted in a packaged app (index.ts passes undefined there).
 */
export function devServerOrigin(devServer?: string): string | null {
  if (!devServer) return null;
  const d = parse(devServer);
  if (!d || d.protocol !== 'http:' || d.username || d.password) return null;
  if (d.hostname !== 'localhost' && d.hostname !== '127.0.0.1') return null;
  if (!/^\d{0,5}$/.test(d.port)) return null;
  return d.origin;
}

/** A URL that is part of the app itself: exactly our scheme and host, no credentials or port. */
export function isAppUrl(url: string, devServer?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password && !u.port) return true;
  const dev = devServerOrigin(devServer);
  return !!dev && u.protocol === 'http:' && !u.username && !u.password && u.origin === dev;
}

/** Pages may only navigate within the app; everything else is blocked (and never opened outside). */
export function isAllowedNavigation(url: string, devServer?: string): boolean {
  return isAppUrl(url, devServer);
}

/**
 * Requests a window may make: our own files, and in-memory blobs and data the app made.
 * Every http(s), ws, ftp, file and unknown-scheme request is cancelled: nothing leaves.
 * (data: is in-memory only; whether a data: URL may be a script, frame or page is up to
 * the CSP and isAllowedNavigation, which refuse it.)
 */
export function isAllowedRequest(url: string, devServer?: string): boolean {
  if (isAppUrl(url, devServer)) return true;
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'blob:') return isAppUrl(url.slice('blob:'.length), devServer);
  if (u.protocol === 'data:') return true;
  const dev = devServerOrigin(devServer);
  if (dev && u.protocol === 'ws:' && !u.username && !u.password && `http://${u.host}` === dev) return true; // dev HMR only
  return false;
}

/** No permission is ever granted: no camera, microphone, location, notifications, clipboard reads, devices. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

/** The content security policy, sent as a header with every app page. Relaxed only for dev HMR. */
export function contentSecurityPolicy(devServer?: string): string {
  const dev = devServerOrigin(devServer);
  const extra = dev ? ` ${dev} ${dev.replace(/^http/, 'ws')}` : '';
  return [
    "default-src 'none'",
    `script-src 'self'${extra}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${extra}`,
    "worker-src 'self'",
    "manifest-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Windows device names: reading one returns a device, not a file under the root. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\..*)?$/i;

/** Resolve an app:// path to a file under `root`, refusing anything that would escape it. */
export function resolveAppPath(url: string, root: string, sep = '/'): string | null {
  const u = parse(url);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password || u.port) return null;
  let pathname: string;
  try { pathname = decodeURIComponent(u.pathname); } catch { return null; }
  // NUL, backslashes and colons (drive letters, NTFS streams) have no place in our file names
  if (/[\0\\:]/.test(pathname)) return null;
  const parts: string[] = [];
  for (const part of pathname.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' || WINDOWS_DEVICE.test(part) || /[. ]$/.test(part)) return null;
    parts.push(part);
  }
  if (parts.length === 0) parts.push('index.html');
  const base = root.endsWith(sep) ? root.slice(0, -1) : root;
  return [base, ...parts].join(sep);
}

/** IPC is answered only for our own top frame, loaded from the app's origin. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, devServer?: string): boolean {
  return typeof frameUrl === 'string' && isMainFrame === true && isAppUrl(frameUrl, devServer);
}

/** The webPreferences of every app window (checklist items 2–4, 6, 8–11, 20). */
export interface SecureWebPreferences {
  preload: string;
  sandbox: true;
  contextIsolation: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  spellcheck: false;
  safeDialogs: true;
  navigateOnDragDrop: false;
  enableWebSQL: false;
  devTools: boolean;
}

export function secureWebPreferences(preload: string, options: { packaged: boolean }): SecureWebPreferences {
  return {
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
    navigateOnDragDrop: false,
    enableWebSQL: false,
    // DevTools can read every record on screen and in storage: never in a packaged app.
    devTools: !options.packaged,
  };
}

/** What is wrong with a set of webPreferences, as short names (empty: nothing). */
export function webPreferencesProblems(p: Record<string, unknown>, options: { packaged: boolean }): string[] {
  const problems: string[] = [];
  const must = (key: string, value: unknown) => { if (p[key] !== value) problems.push(`${key} must be ${String(value)}`); };
  must('sandbox', true);
  must('contextIsolation', true);
  must('nodeIntegration', false);
  must('nodeIntegrationInWorker', false);
  must('nodeIntegrationInSubFrames', false);
  must('webSecurity', true);
  must('allowRunningInsecureContent', false);
  must('experimentalFeatures', false);
  must('webviewTag', false);
  must('spellcheck', false);
  if (p.enableBlinkFeatures !== undefined && p.enableBlinkFeatures !== '') problems.push('enableBlinkFeatures must not be set');
  if (p.additionalArguments !== undefined) problems.push('additionalArguments must not be set');
  if (options.packaged && p.devTools !== false) problems.push('devTools must be off in a packaged app');
  return problems;
}

/**
 * Chromium switches for a machine that must never be asked to talk to a network: no
 * background requests, no component updates, no pings, and every host name resolves to
 * "not found", so even a request that slipped past the session filter has nowhere to go.
 */
export function offlineSwitches(devServer?: string): Array<[string, string | undefined]> {
  const dev = devServerOrigin(devServer);
  const resolverRules = dev ? 'MAP * ~NOTFOUND, EXCLUDE localhost' : 'MAP * ~NOTFOUND';
  const flags = ['disable-background-networking', 'disable-component-update', 'disable-domain-reliability', 'disable-breakpad', 'disable-sync', 'no-pings'];
  return [...flags.map((f): [string, undefined] => [f, undefined]), ['host-resolver-rules', resolverRules]];
}

/** Proxy settings that send anything Chromium would fetch directly to a host that cannot exist. */
export const DEAD_PROXY = { mode: 'fixed_servers', proxyRules: 'http://proxy.invalid:9', proxyBypassRules: '' } as const;

/** Only the scheme is logged, never the address (it could hold a file name or record text). */
export function safeScheme(url: string): string {
  const m = /^([a-z][a-z0-9+.-]{0,20}):/i.exec(typeof url === 'string' ? url : '');
  return m ? m[1].toLowerCase() : 'unknown';
}
