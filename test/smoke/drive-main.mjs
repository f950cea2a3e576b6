// Load the built main bundle with the electron stand-in, then drive it as the app would:
// serve the renderer over app://, refuse an untrusted IPC sender, block a network request,
// import one scanned record through the real extraction process, keep and read back the lock's
// stash and clear the database, then "delete everything". Prints one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [mainBundle, recordPath] = process.argv.slice(2);
process.env.RECORDS_QUIET_LOG = '1';
// the stand-in's app.getPath('userData'): a folder of this run's own, for the stash
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'records-smoke-'));
process.env.RECORDS_USER_DATA = userData;
await import(path.resolve(mainBundle));
const reg = globalThis.__electronStub;
await new Promise((r) => setTimeout(r, 50)); // let whenReady() handlers run

const out = { channels: [...reg.ipc.keys()].sort(), privileged: reg.privileged.map((p) => p.scheme), window: null };
const win = reg.windows[0];
out.window = win && { url: win.url, sandbox: win.options.webPreferences.sandbox, contextIsolation: win.options.webPreferences.contextIsolation, nodeIntegration: win.options.webPreferences.nodeIntegration };

const handler = reg.protocols.get('app');
const index = await handler(new Request('app://records/index.html'));
out.index = { status: index.status, csp: index.headers.get('content-security-policy'), html: (await index.text()).includes('<div id="root">') };
out.traversal = (await handler(new Request('app://records/../main/index.js'))).status;
out.otherHost = (await handler(new Request('app://evil/index.html'))).status;

const blocked = await new Promise((r) => reg.beforeRequest({ url: 'https://example.com/x' }, r));
const allowed = await new Promise((r) => reg.beforeRequest({ url: 'app://records/assets/a.js' }, r));
out.requests = { https: blocked.cancel, app: allowed.cancel };
out.permission = await new Promise((r) => reg.permissionRequest(null, 'media', r));

const sent = [];
const trusted = { senderFrame: { url: 'app://records/index.html' }, sender: { isDestroyed: () => false, send: (ch, msg) => sent.push({ ch, msg }) } };
trusted.sender.mainFrame = trusted.senderFrame;
const stranger = { senderFrame: { url: 'https://evil.example/' }, sender: { isDestroyed: () => false, send: () => {} } };
stranger.sender.mainFrame = stranger.senderFrame;

const read = reg.ipc.get('records:read');
try { await read(stranger, { jobId: 'x', name: 'a.pdf', bytes: new Uint8Array([1]) }); out.strangerRefused = false; } catch { out.strangerRefused = true; }
try { await read(trusted, { jobId: 'y', name: 'a.pdf', bytes: 'not bytes' }); out.badInputRefused = false; } catch { out.badInputRefused = true; }

const bytes = new Uint8Array(fs.readFileSync(recordPath));
const t0 = Date.now();
const res = await read(trusted, { jobId: 'job-1', name: path.basename(recordPath), bytes });
out.read = {
  ms: Date.now() - t0,
  pages: res.document.pageCount,
  sources: res.document.pages.map((p) => p.source),
  textChars: res.document.pages.reduce((n, p) => n + p.text.length, 0),
  factsSource: res.facts.source,
  progressEvents: sent.filter((s) => s.ch === 'records:progress').map((s) => s.msg.progress.phase),
};

// the lock's stash (vault:*): strangers, odd ids and extra fields are refused; parts and a
// head go to userData/vault-stash and come back; the database is cleared through the session
const invoke = (channel, who, input) => reg.ipc.get(channel)(who, input).then((v) => v, (e) => ({ refused: e.message }));
const STASH_ID = '0123456789abcdef'.repeat(2);
const stashDir = path.join(userData, 'vault-stash');
out.stash = {
  stranger: await invoke('vault:stash-save', stranger, { id: STASH_ID, part: 0, data: new Uint8Array([1]) }),
  traversal: await invoke('vault:stash-save', trusted, { id: '../../etc/passwd', part: 0, data: new Uint8Array([1]) }),
  extra: await invoke('vault:stash-read', trusted, { id: STASH_ID, part: 0, path: '/etc/passwd' }),
  negative: await invoke('vault:stash-read', trusted, { id: STASH_ID, part: -1 }),
  empty: await invoke('vault:stash-info', trusted, {}),
  saved: await invoke('vault:stash-save', trusted, { id: STASH_ID, part: 0, data: new Uint8Array([7, 8, 9]) }),
  committed: await invoke('vault:stash-commit', trusted, { id: STASH_ID, parts: 1, head: '{"format":"x"}' }),
};
out.stash.files = fs.readdirSync(stashDir).sort();
out.stash.info = await invoke('vault:stash-info', trusted, {});
const back = await invoke('vault:stash-read', trusted, { id: STASH_ID, part: 0 });
out.stash.read = back.data ? [...back.data] : back;
const clearedBeforeDb = reg.cleared.length;
out.stash.clearDatabaseStranger = await invoke('vault:clear-database', stranger, {});
out.stash.clearDatabase = await invoke('vault:clear-database', trusted, {});
out.stash.databaseCleared = reg.cleared.slice(clearedBeforeDb);
// a complete stash is still there for "delete everything" below to remove

// "delete everything": strangers and extra fields are refused; a trusted call clears the
// session's storage and caches and ends the extraction process (its memory holds record text)
const erase = reg.ipc.get('data:erase');
const clearedBefore = reg.cleared.length;
try { await erase(stranger, {}); out.eraseStrangerRefused = false; } catch { out.eraseStrangerRefused = true; }
try { await erase(trusted, { everything: 'please' }); out.eraseExtraRefused = false; } catch { out.eraseExtraRefused = true; }
out.clearedBeforeTrusted = reg.cleared.length - clearedBefore;
out.erase = await erase(trusted, {});
out.cleared = reg.cleared.slice(clearedBefore).map((c) => c[0]);
await new Promise((r) => setTimeout(r, 200));
out.extractionEnded = reg.children.length > 0 && reg.children.every((c) => c.exited);
out.stashAfterErase = fs.existsSync(stashDir);
fs.rmSync(userData, { recursive: true, force: true });
process.stdout.write(JSON.stringify(out) + '\n');
for (const fn of reg.appEvents.listeners('window-all-closed')) fn();
process.exit(0);
