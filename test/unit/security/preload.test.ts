// Checklist items 4 and 20 for the BUILT preload (out/preload/index.cjs): it is one
// CommonJS file that needs nothing but `electron` (a sandboxed preload can require little
// else), and it exposes exactly one named function per contract channel on window.api:
// never ipcRenderer, never a generic send/invoke/on, never process or env.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { channels } from '../../../shared/contract/ipc.ts';
import { repoRoot } from '../../support/paths.ts';

const bundle = path.join(repoRoot, 'out/preload/index.cjs');

/** Run the preload with a stand-in `electron`; record what it exposes and what it invokes. */
function loadPreload() {
  const exposed: Record<string, Record<string, (...a: unknown[]) => unknown>> = {};
  const invoked: Array<[string, unknown]> = [];
  const listeners: Record<string, (...a: unknown[]) => void> = {};
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...a: unknown[]) => unknown>) => { exposed[key] = api; } },
    ipcRenderer: {
      invoke: async (channel: string, arg: unknown) => { invoked.push([channel, arg]); return { ok: true }; },
      on: (channel: string, fn: (...a: unknown[]) => void) => { listeners[channel] = fn; },
    },
  };
  const req = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', fs.readFileSync(bundle, 'utf8'))(req, module, module.exports);
  return { exposed, invoked, listeners, required };
}

describe('the built preload', () => {
  it('exists (run npm run build first)', () => expect(fs.existsSync(bundle)).toBe(true));

  it('requires only electron, and is CommonJS (sandbox-compatible)', () => {
    const { required } = loadPreload();
    expect(required).toEqual(['electron']);
    expect(fs.readFileSync(bundle, 'utf8')).not.toMatch(/\bimport\s*[({'"]|process\.env|node:/);
  });

  it('exposes window.api only, with one named function per channel and nothing generic', () => {
    const { exposed } = loadPreload();
    expect(Object.keys(exposed)).toEqual(['api']);
    const names = Object.keys(exposed.api).sort();
    expect(names).toEqual([
      'appInfo', 'cancelRead', 'clearDatabase', 'eraseData', 'keychainUnwrap', 'keychainWrap', 'print', 'readRecord', 'renderPage', 'saveBackup', 'savePdf',
      'stashClear', 'stashCommit', 'stashInfo', 'stashRead', 'stashSave',
    ]);
    expect(names.length).toBe(Object.keys(channels).length);
    for (const generic of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'process', 'env', 'require']) expect(names).not.toContain(generic);
    for (const fn of Object.values(exposed.api)) expect(typeof fn).toBe('function');
  });

  it('each function invokes its own channel with a fixed shape (the renderer cannot pick the channel)', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed.api;
    const bytes = new Uint8Array([1]);
    await api.readRecord({ jobId: 'j', name: 'a.pdf', bytes });
    await api.cancelRead('j');
    await api.renderPage({ bytes, page: 1, scale: 1 });
    await api.appInfo();
    await api.print();
    await api.savePdf({ suggestedName: 'x' });
    await api.keychainWrap(bytes);
    await api.keychainUnwrap(bytes);
    await api.saveBackup({ data: bytes, suggestedName: 'b' });
    await api.eraseData();
    await api.stashSave({ id: 'i', part: 0, data: bytes });
    await api.stashCommit({ id: 'i', parts: 1, head: '{}' });
    await api.stashInfo();
    await api.stashRead({ id: 'i', part: 0 });
    await api.stashClear();
    await api.clearDatabase();
    expect(invoked.map(([c]) => c).sort()).toEqual(Object.keys(channels).sort());
    expect(invoked.find(([c]) => c === 'data:erase')![1]).toEqual({});
    for (const c of ['vault:stash-info', 'vault:stash-clear', 'vault:clear-database']) expect(invoked.find(([x]) => x === c)![1], c).toEqual({});
    expect(invoked.find(([c]) => c === 'vault:stash-read')![1]).toEqual({ id: 'i', part: 0 });
    expect(invoked.find(([c]) => c === 'records:cancel')![1]).toEqual({ jobId: 'j' });
    expect(invoked.find(([c]) => c === 'keychain:wrap')![1]).toEqual({ key: bytes });
  });

  it('routes progress only to the job that asked for it', async () => {
    const { exposed, listeners } = loadPreload();
    const seen: unknown[] = [];
    const reading = exposed.api.readRecord({ jobId: 'mine', name: 'a.pdf', bytes: new Uint8Array([1]) }, (p: unknown) => seen.push(p));
    listeners['records:progress']({}, { jobId: 'other', progress: { phase: 'ocr' } });
    listeners['records:progress']({}, { jobId: 'mine', progress: { phase: 'reading' } });
    listeners['records:progress']({}, { jobId: 42, progress: { phase: 'x' } });
    await reading;
    listeners['records:progress']({}, { jobId: 'mine', progress: { phase: 'late' } });
    expect(seen).toEqual([{ phase: 'reading' }]);
  });
});
