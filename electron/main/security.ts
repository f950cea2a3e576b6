// Deny by default, once, for every window (engineering anchors §2 and §7): no navigation
// away from the app, no new windows, no webviews, no permissions, no network requests.
import { app, session, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy, isAllowedNavigation, isAllowedRequest, isPermissionAllowed } from './security-policy.ts';
import { log } from './log.ts';

export function hardenSession(ses: Session, devServer?: string): void {
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    const ok = isPermissionAllowed(permission);
    if (!ok) log('permission-denied', { permission });
    callback(ok);
  });
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAllowedRequest(details.url, devServer);
    if (!ok) log('request-blocked', { scheme: safeScheme(details.url) });
    callback({ cancel: !ok });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(devServer)] } });
  });
  // Chromium's spellchecker downloads dictionaries from a CDN: off.
  ses.setSpellCheckerEnabled(false);
}

export function hardenAllWebContents(devServer?: string): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, devServer)) { event.preventDefault(); log('navigation-blocked', { scheme: safeScheme(url) }); }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, devServer)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function hardenDefaultSession(devServer?: string): void {
  hardenSession(session.defaultSession, devServer);
}

/** Only the scheme is logged, never the address (it could hold a file name). */
function safeScheme(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return m ? m[1].toLowerCase() : 'unknown';
}
