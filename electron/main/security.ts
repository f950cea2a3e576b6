// Deny by default, once, for every session and every window (engineering anchors §2 and
// §7): no navigation away from the app, no new windows, no webviews, no permissions or
// devices, no downloads, no network requests, no certificates, no DevTools when packaged.
// The decisions are pure functions in security-policy.ts; this file only wires them in.
// Tests: test/unit/security/wiring.test.ts (with a stand-in `electron`) and the smoke test.
import { app, session, type Session, type WebContents } from 'electron';
import {
  contentSecurityPolicy, DEAD_PROXY, isAllowedNavigation, isAllowedRequest, isPermissionAllowed, offlineSwitches, safeScheme,
} from './security-policy.ts';
import { log } from './log.ts';

const hardened = new WeakSet<Session>();

export function hardenSession(ses: Session, devServer?: string): void {
  if (hardened.has(ses)) return;
  hardened.add(ses);
  // checklist 5: every permission request and check is refused, and so is every device
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    const ok = isPermissionAllowed(permission);
    if (!ok) log('permission-denied', { permission });
    callback(ok);
  });
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.on('select-hid-device', (event, _details, callback) => { event.preventDefault(); callback(); });
  ses.on('select-serial-port', (event, _ports, _wc, callback) => { event.preventDefault(); callback(''); });
  ses.on('select-usb-device', (event, _details, callback) => { event.preventDefault(); callback(); });
  // nothing is ever downloaded to disk behind the person's back
  ses.on('will-download', (event) => { event.preventDefault(); log('download-blocked'); });
  // checklist 1: only the app's own content; everything that would leave is cancelled
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAllowedRequest(details.url, devServer);
    if (!ok) log('request-blocked', { scheme: safeScheme(details.url) });
    callback({ cancel: !ok });
  });
  // checklist 7: the CSP as a header on every response
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(devServer)] } });
  });
  // No TLS connection is ever expected, so no certificate is ever accepted.
  ses.setCertificateVerifyProc((_request, callback) => callback(-2));
  // Whatever would still go out directly (preconnects, WebRTC over TCP) goes to a proxy
  // that cannot exist; loopback (the dev server) is never proxied by Chromium.
  void ses.setProxy({ ...DEAD_PROXY }).catch(() => log('proxy-failed'));
  // Chromium's spellchecker downloads dictionaries from a CDN: off.
  ses.setSpellCheckerEnabled(false);
}

export function hardenAllWebContents(devServer?: string): void {
  // checklist 4: every renderer sandboxed, whatever its webPreferences say
  app.enableSandbox();
  for (const [name, value] of offlineSwitches(devServer)) {
    if (value === undefined) app.commandLine.appendSwitch(name);
    else app.commandLine.appendSwitch(name, value);
  }
  // sessions made later (a partition) get the same rules as the default one
  app.on('session-created', (ses) => hardenSession(ses, devServer));
  app.on('web-contents-created', (_e, contents: WebContents) => hardenWebContents(contents, devServer));
}

/** checklist 11–14: navigation, redirects, frames, webviews, popups, DevTools. */
export function hardenWebContents(contents: WebContents, devServer?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, devServer)) { event.preventDefault(); log('navigation-blocked', { scheme: safeScheme(url) }); }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, devServer)) { event.preventDefault(); log('navigation-blocked', { scheme: safeScheme(event.url), reason: 'frame' }); }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, devServer)) { event.preventDefault(); log('navigation-blocked', { scheme: safeScheme(url), reason: 'redirect' }); }
  });
  contents.on('will-attach-webview', (event) => { event.preventDefault(); log('webview-blocked'); });
  contents.on('select-bluetooth-device', (event, _devices, callback) => { event.preventDefault(); callback(''); });
  contents.setWindowOpenHandler(() => { log('window-open-blocked'); return { action: 'deny' }; });
  // WebRTC could reach a server by IP address without any request the session sees
  contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
  if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

export function hardenDefaultSession(devServer?: string): void {
  hardenSession(session.defaultSession, devServer);
}
