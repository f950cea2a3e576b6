// @vitest-environment jsdom
// The database from its first schema version: open it as v1 did, put data in, then open it
// as the current app does and check nothing was lost and the migration filled new fields.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LATEST_VERSION, RecordsDb, SCHEMA } from '../../../renderer/src/store/db.ts';

const names: string[] = [];
const fresh = () => { const n = `test-${Math.random().toString(36).slice(2)}`; names.push(n); return n; };
afterEach(async () => { for (const n of names.splice(0)) await Dexie.delete(n); });

describe('store schema', () => {
  it('has consecutive versions starting at 1', () => {
    expect(SCHEMA.map((s) => s.version)).toEqual(SCHEMA.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(SCHEMA.length);
  });

  it('migrates a v1 database to the latest version without losing anything', async () => {
    const name = fresh();
    const v1 = new RecordsDb(name, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name).sort()).toEqual(['documents', 'originals', 'records', 'reviews', 'settings']);
    await v1.table('records').add({ id: 'r1', addedAt: 5, sha256: 'a'.repeat(64), status: 'done', size: 3, meta: { name: 'scan.pdf' } });
    await v1.table('originals').add({ id: 'r1', updatedAt: 5, data: new Uint8Array([1, 2, 3]) });
    await v1.table('reviews').add({ key: 'diagnosis', updatedAt: 6, data: { status: 'confirmed', at: 6 } });
    await v1.table('settings').add({ key: 'textSize', value: 150 });
    v1.close();

    const now = new RecordsDb(name);
    await now.open();
    expect(now.verno).toBe(LATEST_VERSION);
    const r = await now.records.get('r1');
    expect(r).toMatchObject({ id: 'r1', sample: 0, updatedAt: 5, meta: { name: 'scan.pdf' } });
    expect(await now.records.where('sample').equals(0).count()).toBe(1);
    expect([...(await now.originals.get('r1'))!.data as Uint8Array]).toEqual([1, 2, 3]);
    expect(await now.reviews.get('diagnosis')).toMatchObject({ data: { status: 'confirmed' } });
    expect(await now.settings.get('textSize')).toEqual({ key: 'textSize', value: 150 });
    expect(await now.additions.count()).toBe(0);
    expect(await now.questions.count()).toBe(0);
    now.close();
  });

  it('opens an empty database at the latest version with every table', async () => {
    const db = new RecordsDb(fresh());
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['additions', 'documents', 'originals', 'questions', 'records', 'reviews', 'settings']);
    db.close();
  });
});
