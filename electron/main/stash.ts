// The lock's stash on disk (docs/SECURITY.md §7.1): while the renderer rewrites its database
// so that Chromium's storage files keep no old copy, a sealed copy of everything waits in a
// folder of the app's own. The renderer seals each part under the data key before it comes
// here; main only keeps bytes and a small head, and never sees inside.
//
// Crash safety: every file is written to a temporary name, flushed to disk and then renamed,
// so a file is either whole or absent. The head (manifest.json) is written last, after every
// part it names is on disk: a stash without a head is unfinished and counts for nothing; with
// one it is complete, and it is what the app restores from until it is cleared. Clearing
// removes the head first, so a stash is never half-cleared and still counted.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface StashInfo { id: string; parts: number; head: string }

export interface StashStore {
  save(id: string, part: number, data: Uint8Array): Promise<void>;
  commit(info: StashInfo): Promise<void>;
  /** the complete stash, null when there is none; damaged when its head cannot be read */
  info(): Promise<{ stash: StashInfo | null; damaged: boolean }>;
  read(id: string, part: number): Promise<Uint8Array>;
  clear(): Promise<void>;
}

const MANIFEST = 'manifest.json';
const FORMAT = 'records-stash-files/1';
const ID = /^[0-9a-f]{32}$/;

interface Manifest extends StashInfo { format: typeof FORMAT; sizes: number[] }

const partName = (id: string, part: number) => `${id}-${part}.part`;

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(() => true, () => false);
}

/** The folder itself, so a rename in it survives a power cut (not possible on Windows; there the rename is enough). */
async function syncFolder(dir: string): Promise<void> {
  try {
    const fh = await fs.open(dir, 'r');
    try { await fh.sync(); } finally { await fh.close(); }
  } catch { /* folders cannot be opened on Windows */ }
}

async function writeWhole(dir: string, name: string, data: Uint8Array | string): Promise<void> {
  const tmp = path.join(dir, `${name}.tmp`);
  const fh = await fs.open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, path.join(dir, name));
}

function parseManifest(text: string): Manifest | null {
  try {
    const m = JSON.parse(text) as Manifest;
    const ok = m && m.format === FORMAT && typeof m.id === 'string' && ID.test(m.id) && Number.isInteger(m.parts) && m.parts >= 1
      && typeof m.head === 'string' && Array.isArray(m.sizes) && m.sizes.length === m.parts && m.sizes.every((n) => Number.isInteger(n) && n > 0);
    return ok ? m : null;
  } catch {
    return null;
  }
}

/** A stash kept in `dir` (created when first needed, readable by this user only). */
export function fileStash(dir: string): StashStore {
  const manifestFile = path.join(dir, MANIFEST);
  const readManifest = async (): Promise<Manifest | null | 'damaged'> => {
    let text: string;
    try { text = await fs.readFile(manifestFile, 'utf8'); } catch { return null; }
    return parseManifest(text) ?? 'damaged';
  };
  return {
    async save(id, part, data) {
      // a complete stash is what the app restores from: it is never added to or mixed
      if (await exists(manifestFile)) throw new Error('A stored copy is already complete.');
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      await writeWhole(dir, partName(id, part), data);
    },
    async commit({ id, parts, head }) {
      if (await exists(manifestFile)) throw new Error('A stored copy is already complete.');
      const sizes: number[] = [];
      for (let i = 0; i < parts; i++) {
        const stat = await fs.stat(path.join(dir, partName(id, i))).catch(() => null);
        if (!stat?.isFile()) throw new Error('Part of the stored copy is missing.');
        sizes.push(stat.size);
      }
      await syncFolder(dir);
      const manifest: Manifest = { format: FORMAT, id, parts, head, sizes };
      await writeWhole(dir, MANIFEST, JSON.stringify(manifest));
      await syncFolder(dir);
    },
    async info() {
      const m = await readManifest();
      if (m === 'damaged') return { stash: null, damaged: true };
      return { stash: m && { id: m.id, parts: m.parts, head: m.head }, damaged: false };
    },
    // also before the head is written: the renderer reads its copy back before committing it
    async read(id, part) {
      const m = await readManifest();
      if (m === 'damaged' || (m && (m.id !== id || part >= m.parts))) throw new Error('There is no such stored copy.');
      const data = new Uint8Array(await fs.readFile(path.join(dir, partName(id, part))).catch(() => Buffer.alloc(0)));
      if (!data.length || (m && data.length !== m.sizes[part])) throw new Error('Part of the stored copy is missing.');
      return data;
    },
    async clear() {
      await fs.rm(manifestFile, { force: true });
      await syncFolder(dir);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
