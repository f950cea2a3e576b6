// The lock's stash stream (renderer/src/store/stash-format.ts): rows come back exactly across
// parts of any size, and a stream cut short, with a part left out or with anything after its
// end fails as damaged instead of giving part of the rows.
import { describe, expect, it } from 'vitest';
import { isSecurityError } from '../../../shared/security/index.ts';
import { StashReader, StashWriter } from '../../../renderer/src/store/stash-format.ts';

describe('the stash stream', () => {
  const rows = [
    { table: 'settings', row: { key: 'vault', value: { phase: 'encrypted', keyFile: { keyId: 'k' } } } },
    { table: 'originals', row: { id: 'a', updatedAt: 1, data: new Uint8Array(1000).map((_, i) => i % 251) } },
    { table: 'records', row: { id: 'a', addedAt: 1, sample: 0, meta: new Uint8Array([1, 2, 3]), nested: [{ b: new Uint8Array([9]) }, null, 'x', 2.5, true] } },
    { table: 'originals', row: { id: 'empty', updatedAt: 2, data: new Uint8Array(0) } },
  ];
  async function write(partBytes: number): Promise<Uint8Array[]> {
    const parts: Uint8Array[] = [];
    const w = new StashWriter(async (i, b) => { parts[i] = b; }, partBytes);
    for (const r of rows) await w.row(r.table, r.row);
    expect(await w.end()).toBe(parts.length);
    return parts;
  }
  const read = async (parts: Uint8Array[], count = parts.length) => {
    const out: unknown[] = [];
    for await (const r of new StashReader(count, async (i) => parts[i]).rows()) out.push(r);
    return out;
  };

  it('comes back exactly, whatever the part size (a file spans many parts; each byte array in a buffer of its own)', async () => {
    for (const size of [1, 7, 64, 4096]) {
      const parts = await write(size);
      expect(parts.every((p) => p.length <= size)).toBe(true);
      const back = await read(parts) as Array<{ row: { data?: Uint8Array } }>;
      expect(back).toEqual(rows);
      expect(back[1].row.data!.buffer.byteLength).toBe(1000);
    }
  });

  it('cut short, with a part left out, or with anything after its end, it fails instead of giving part of the rows', async () => {
    const parts = await write(64);
    const code = (p: Promise<unknown>) => p.then(() => 'read', (e) => (isSecurityError(e) ? e.code : String(e)));
    expect(await code(read(parts, parts.length - 1))).toBe('damaged');
    expect(await code(read([...parts.slice(0, 3), ...parts.slice(4)]))).toBe('damaged');
    expect(await code(read([...parts, new Uint8Array([0x52])]))).toBe('damaged');
  });

  it('refuses a value it could not give back as it was', async () => {
    const w = new StashWriter(async () => undefined);
    await expect(w.row('settings', { key: 'x', value: { '\u0000bytes': 1 } })).rejects.toThrow(/cannot be copied/);
    await expect(w.row('settings', { key: 'x', value: new Date() })).rejects.toThrow(/cannot be copied/);
  });
});

