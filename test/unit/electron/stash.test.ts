// The lock's stash on disk (electron/main/stash.ts): parts written whole, a head written last
// that makes the stash complete, nothing added to a complete stash, clearing that drops the
// head first, files for this user only. (What is inside is sealed by the renderer:
// test/unit/renderer/rewrite.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileStash } from '../../../electron/main/stash.ts';

const ID = 'ab'.repeat(16);
const dirs: string[] = [];
function freshDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'records-stash-'));
  dirs.push(d);
  return path.join(d, 'vault-stash');
}
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });
const bytes = (...b: number[]) => new Uint8Array(b);
const message = (p: Promise<unknown>) => p.then(() => 'ok', (e: Error) => e.message);

describe('the stash on disk', () => {
  it('is complete only once its head is written, and reads back what was saved', async () => {
    const dir = freshDir();
    const stash = fileStash(dir);
    expect(await stash.info()).toEqual({ stash: null, damaged: false });
    await stash.save(ID, 0, bytes(1, 2, 3));
    await stash.save(ID, 1, bytes(4));
    // parts alone: unfinished, counts for nothing, but the renderer may read its copy back
    expect(await stash.info()).toEqual({ stash: null, damaged: false });
    expect([...await stash.read(ID, 1)]).toEqual([4]);
    expect(await message(stash.commit({ id: ID, parts: 3, head: '{}' }))).toMatch(/missing/);
    await stash.commit({ id: ID, parts: 2, head: '{"h":1}' });
    expect(await stash.info()).toEqual({ stash: { id: ID, parts: 2, head: '{"h":1}' }, damaged: false });
    expect([...await stash.read(ID, 0)]).toEqual([1, 2, 3]);
    expect(await message(stash.read(ID, 2))).toMatch(/no such/);
    expect(await message(stash.read('cd'.repeat(16), 0))).toMatch(/no such/);
    // nothing is added to a complete stash
    expect(await message(stash.save(ID, 2, bytes(5)))).toMatch(/already complete/);
    expect(await message(stash.commit({ id: ID, parts: 2, head: '{}' }))).toMatch(/already complete/);
    if (process.platform !== 'win32') {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      for (const f of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, f)).mode & 0o777, f).toBe(0o600);
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await stash.clear();
    expect(fs.existsSync(dir)).toBe(false);
    expect(await stash.info()).toEqual({ stash: null, damaged: false });
    await stash.clear(); // again: nothing to do
  });

  it('a part cut short after the head was written is found; a head that cannot be read says so', async () => {
    const dir = freshDir();
    const stash = fileStash(dir);
    await stash.save(ID, 0, bytes(1, 2, 3));
    await stash.commit({ id: ID, parts: 1, head: '{}' });
    fs.writeFileSync(path.join(dir, `${ID}-0.part`), bytes(1));
    expect(await message(stash.read(ID, 0))).toMatch(/missing/);
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{"format":"records-stash-files/1"');
    expect(await stash.info()).toEqual({ stash: null, damaged: true });
    // a half-written head from a crash is only a temporary file: not counted
    await stash.clear();
    await stash.save(ID, 0, bytes(1));
    fs.writeFileSync(path.join(dir, 'manifest.json.tmp'), '{"half":');
    expect(await stash.info()).toEqual({ stash: null, damaged: false });
  });
});
