// The shipped wiring, not just the modules: load the BUILT main bundle under Node with a
// stand-in for the `electron` module (no Electron binary runs here) and drive one import
// of a scanned record through the real extraction process, over the same messages the
// utilityProcess uses, then the lock's stash and database clearing (vault:*), then "delete
// everything" (data:erase). Needs `npm run build` first (npm test does it).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const bundle = path.join(root, 'out/main/index.js');
const scanned = path.join(root, '../shared/corpus/case004/01-pathology.pdf');

describe('built main bundle', () => {
  it('exists (run npm run build first)', () => {
    expect(fs.existsSync(bundle), `${bundle} is missing: run \`npm run build\``).toBe(true);
  });

  it('passes node --check', () => {
    for (const f of ['index.js', 'extraction.js']) execFileSync(process.execPath, ['--check', path.join(root, 'out/main', f)]);
  });

  it('serves the renderer, refuses strangers and the network, and reads a scan through the extraction process', () => {
    const out = execFileSync(process.execPath, ['--import', './test/smoke/register-electron-stub.mjs', 'test/smoke/drive-main.mjs', bundle, scanned], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    expect(r.privileged).toEqual(['app']);
    expect(r.window).toEqual({ url: 'app://records/index.html', sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(r.index.status).toBe(200);
    expect(r.index.html).toBe(true);
    expect(r.index.csp).toContain("default-src 'none'");
    expect(r.otherHost).toBe(404);
    expect(r.requests).toEqual({ https: true, app: false });
    expect(r.permission).toBe(false);
    expect(r.strangerRefused).toBe(true);
    expect(r.badInputRefused).toBe(true);
    expect(r.read.pages).toBe(1);
    expect(r.read.sources).toEqual(['ocr']);
    expect(r.read.textChars).toBeGreaterThan(300);
    expect(r.read.factsSource.ocrPages).toEqual([1]);
    expect(r.read.progressEvents[0]).toBe('opening');
    expect(r.read.progressEvents).toContain('ocr');
    expect(r.read.progressEvents.at(-1)).toBe('extracting');
    // data:erase: in the contract, refused from a stranger or with extra fields (nothing
    // cleared), and a trusted call clears storage and caches and ends the extraction process
    expect(r.channels).toContain('data:erase');
    expect(r.eraseStrangerRefused).toBe(true);
    expect(r.eraseExtraRefused).toBe(true);
    expect(r.clearedBeforeTrusted).toBe(0);
    expect(r.erase).toEqual({ erased: true });
    expect(r.cleared).toEqual(['storage', 'cache', 'code-caches', 'flush']);
    expect(r.extractionEnded).toBe(true);
    // vault:*: strangers, a path for an id, extra fields and negative parts refused; parts
    // and the head kept in userData/vault-stash and read back; IndexedDB cleared alone
    for (const k of ['stranger', 'traversal', 'extra', 'negative'] as const) expect(r.stash[k], k).toEqual({ refused: expect.any(String) });
    expect(r.stash.stranger.refused).toBe('Not allowed.');
    expect(r.stash.empty).toEqual({ stash: null, damaged: false });
    expect(r.stash.saved).toEqual({ saved: true });
    expect(r.stash.committed).toEqual({ committed: true });
    expect(r.stash.files).toEqual([`${'0123456789abcdef'.repeat(2)}-0.part`, 'manifest.json']);
    expect(r.stash.info).toEqual({ stash: { id: '0123456789abcdef'.repeat(2), parts: 1, head: '{"format":"x"}' }, damaged: false });
    expect(r.stash.read).toEqual([7, 8, 9]);
    expect(r.stash.clearDatabaseStranger).toEqual({ refused: 'Not allowed.' });
    expect(r.stash.clearDatabase).toEqual({ cleared: true });
    expect(r.stash.databaseCleared).toEqual([['storage', { storages: ['indexdb'] }]]);
    // delete everything removes the stash too (it holds a copy of the key file)
    expect(r.stashAfterErase).toBe(false);
  }, 120_000);
});
