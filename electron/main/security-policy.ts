// Every security decision as a small pure function, so each can be tested with a table
// (engineering anchors §7, habit 5). The Electron wiring in security.ts only calls these.

/** The app's own origin: a standard, secure custom scheme (set before any data is stored). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'records';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | null {
  try { return new URL(url); } catch { return null; }
}

/** A URL that is part of the app itself: exactly our scheme and host, no credentials or port. */
export function isAppUrl(url: string, devServer?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password && !u.port) return true;
  if (devServer) {
    const d = parse(devServer);
    if (d && (d.hostname === 'localhost' || d.hostname === '127.0.0.1') && u.origin === d.origin) return true;
  }
  return false;
}

/** Pages may only navigate within the app; everything else is blocked (and never opened outside). */
export function isAllowedNavigation(url: string, devServer?: string): boolean {
  return isAppUrl(url, devServer);
}

/**
 * Requests a window may make: our own files, and in-memory blobs and data the app made.
 * Every http(s), ws, ftp, file and unknown-scheme request is cancelled: nothing leaves.
 */
export function isAllowedRequest(url: string, devServer?: string): boolean {
  if (isAppUrl(url, devServer)) return true;
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'blob:') return isAppUrl(url.slice('blob:'.length), devServer);
  if (u.protocol === 'data:') return true;
  if (devServer && (u.protocol === 'ws:') && isAppUrl(`http://${u.host}`, devServer)) return true; // dev HMR only
  return false;
}

/** No permission is ever granted: no camera, microphone, location, notifications, clipboard reads. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

/** The content security policy, sent as a header with every app page. */
export function contentSecurityPolicy(devServer?: string): string {
  const dev = devServer ? ` ${devServer} ${devServer.replace(/^http/, 'ws')}` : '';
  return [
    "default-src 'none'",
    `script-src 'self'${dev}`,
    `style-src 'self'${devServer ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Resolve an app:// path to a file under `root`, refusing anything that would escape it. */
export function resolveAppPath(url: string, root: string, sep = '/'): string | null {
  const u = parse(url);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password || u.port) return null;
  let pathname: string;
  try { pathname = decodeURIComponent(u.pathname); } catch { return null; }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const parts: string[] = [];
  for (const part of pathname.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  if (parts.length === 0) parts.push('index.html');
  const base = root.endsWith(sep) ? root.slice(0, -1) : root;
  return [base, ...parts].join(sep);
}

/** IPC is answered only for our own top frame, loaded from the app's origin. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, devServer?: string): boolean {
  return !!frameUrl && isMainFrame && isAppUrl(frameUrl, devServer);
}
