// A minimal stand-in for the `electron` module, enough to load the built main bundle under
// plain Node (no Electron binary can run here). It records what main registers so the
// smoke test can drive it, and starts the extraction process with child_process.fork, which
// speaks the same message protocol as utilityProcess.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';

export const registered = { ipc: new Map(), protocols: new Map(), privileged: [], permissionRequest: null, permissionCheck: null, beforeRequest: null, headers: null, windows: [], appEvents: new EventEmitter(), sessionEvents: new EventEmitter(), switches: [], cleared: [], children: [] };
globalThis.__electronStub = registered;

let readyResolve;
const ready = new Promise((r) => { readyResolve = r; });
setTimeout(() => readyResolve(), 0);

export const app = {
  isPackaged: true,
  getVersion: () => '0.0.0-smoke',
  getLocale: () => 'en-US',
  getPath: () => process.env.RECORDS_USER_DATA ?? '/tmp',
  setPath: () => {},
  whenReady: () => ready,
  requestSingleInstanceLock: () => true,
  on: (name, fn) => { registered.appEvents.on(name, fn); return app; },
  quit: () => {},
  commandLine: { appendSwitch: (s, v) => registered.switches.push(v === undefined ? s : `${s}=${v}`) },
  enableSandbox: () => { registered.sandboxed = true; },
};

const webRequest = {
  onBeforeRequest: (fn) => { registered.beforeRequest = fn; },
  onHeadersReceived: (fn) => { registered.headers = fn; },
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn) => { registered.permissionRequest = fn; },
    setPermissionCheckHandler: (fn) => { registered.permissionCheck = fn; },
    setDevicePermissionHandler: () => {},
    setSpellCheckerEnabled: () => {},
    setDisplayMediaRequestHandler: (fn) => { registered.displayMedia = fn; },
    setCertificateVerifyProc: (fn) => { registered.certificateVerify = fn; },
    setProxy: async (config) => { registered.proxy = config; },
    on: (name, fn) => { registered.sessionEvents.on(name, fn); },
    webRequest,
    // "delete everything" (data:erase): record what main asked to clear, in order
    clearStorageData: async (options) => { registered.cleared.push(['storage', options ?? null]); },
    clearCache: async () => { registered.cleared.push(['cache']); },
    clearCodeCaches: async (options) => { registered.cleared.push(['code-caches', options ?? null]); },
    flushStorageData: () => { registered.cleared.push(['flush']); },
  },
};

export const protocol = {
  registerSchemesAsPrivileged: (list) => registered.privileged.push(...list),
  handle: (scheme, fn) => registered.protocols.set(scheme, fn),
};

export const ipcMain = { handle: (name, fn) => registered.ipc.set(name, fn) };

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.url = null;
    this.webContents = new EventEmitter();
    registered.windows.push(this);
  }
  loadURL(url) { this.url = url; return Promise.resolve(); }
  removeMenu() {}
  show() {}
  static getAllWindows() { return registered.windows; }
  static fromWebContents() { return registered.windows[0] ?? null; }
}

export const dialog = { showSaveDialog: async () => ({ canceled: true }) };
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => { throw new Error('unavailable'); },
  decryptString: () => { throw new Error('unavailable'); },
};

export const utilityProcess = {
  fork(entry) {
    // RECORDS_STUB_CHILD_STDOUT=inherit lets a test capture what the extraction process prints
    const out = process.env.RECORDS_STUB_CHILD_STDOUT === 'inherit' ? 'inherit' : 'ignore';
    const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', out, 'inherit', 'ipc'] });
    const emitter = new EventEmitter();
    child.on('message', (m) => emitter.emit('message', m));
    child.on('exit', (code) => emitter.emit('exit', code));
    const record = { pid: child.pid, exited: false };
    child.on('exit', () => { record.exited = true; });
    registered.children.push(record);
    return {
      postMessage: (m) => child.send(m),
      on: (name, fn) => { emitter.on(name, fn); return this; },
      kill: () => child.kill(),
      pid: child.pid,
    };
  },
};

export default { app, session, protocol, ipcMain, BrowserWindow, dialog, safeStorage, utilityProcess };
