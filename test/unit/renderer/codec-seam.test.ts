// @vitest-environment jsdom
// Every sensitive value goes through the one codec seam: with a codec that seals values,
// nothing a person wrote or a record said can be found in the raw database rows, and the
// store still reads everything back. (This is the hook for encryption at rest.)
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/store/db.ts';
import { identityCodec, setCodec, type Codec, type Where } from '../../../renderer/src/store/codec.ts';
import { createRecord, getRecord, readOriginal, saveDocument } from '../../../renderer/src/store/records.ts';
import { setReview } from '../../../renderer/src/store/reviews.ts';
import { addFact } from '../../../renderer/src/store/additions.ts';
import { saveQuestionStates } from '../../../renderer/src/store/questions.ts';
import { setPersonalSetting, setPlainSetting } from '../../../renderer/src/store/settings.ts';
import { textDocument } from './fake-api.ts';

const wire = (v: unknown): unknown => v instanceof Uint8Array ? { b: [...v] } : Array.isArray(v) ? v.map(wire) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wire(x)])) : v;
const unwire = (v: unknown): unknown => v && typeof v === 'object' && 'b' in v && Array.isArray((v as { b: unknown }).b) ? new Uint8Array((v as { b: number[] }).b) : Array.isArray(v) ? v.map(unwire) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwire(x)])) : v;
// stands in for AES-GCM: reversible, and no plaintext survives in the stored form
// stands in for AES-GCM: reversible, bound to where the value lives, and no plaintext survives
const places: string[] = [];
const placeOf = (w: Where) => `${w.table}/${w.key}/${w.field}`;
const sealing: Codec = {
  name: 'test-seal',
  encode: async (v, where) => {
    places.push(placeOf(where));
    return { sealed: btoa(encodeURIComponent(JSON.stringify([placeOf(where), wire(v) ?? null])).split('').reverse().join('')) };
  },
  decode: async (s, where) => {
    const [place, value] = JSON.parse(decodeURIComponent(atob((s as { sealed: string }).sealed).split('').reverse().join('')));
    if (place !== placeOf(where)) throw new Error(`value of ${place} read as ${placeOf(where)}`);
    return unwire(value);
  },
};

beforeAll(() => setCodec(sealing));
afterAll(async () => { setCodec(identityCodec); await db.delete(); });

describe('the codec seam', () => {
  it('seals names, bytes, page text, reviews, additions, questions and personal settings', async () => {
    const bytes = new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x42]);
    const id = await createRecord({ name: 'SECRET-NAME.pdf', bytes, sha256: 'f'.repeat(64) });
    await saveDocument(id, textDocument('SECRET-NAME.pdf', bytes, ['SECRET-PAGE-TEXT']), 'done', { pageCount: 1 });
    await setReview('biomarker:EGFR:', { status: 'corrected', value: { alteration: 'SECRET-REVIEW' } });
    await addFact({ kind: 'treatment', fact: { name: 'SECRET-DRUG', category: 'other', start: null, end: null } });
    await saveQuestionStates([{ id: 'o:1', own: true, text: 'SECRET-QUESTION', done: false, removed: false }]);
    await setPersonalSetting('careTeam', 'SECRET-TEAM');
    await setPlainSetting('textSize', 150);

    const raw = JSON.stringify(wire(await Promise.all(db.tables.map((t) => t.toArray()))));
    for (const secret of ['SECRET-NAME', 'SECRET-PAGE-TEXT', 'SECRET-REVIEW', 'SECRET-DRUG', 'SECRET-QUESTION', 'SECRET-TEAM']) expect(raw).not.toContain(secret);
    expect(raw).not.toContain('[222,173,190,239,66]');
    expect(raw).toContain('"value":150'); // the text size stays readable before any unlock

    expect(new Set(places.map((p) => p.split('/')[0]))).toEqual(new Set(['records', 'originals', 'documents', 'reviews', 'additions', 'questions', 'settings']));
    expect(places).toContain(`documents/${id}/data`);
    expect((await getRecord(id))?.meta.name).toBe('SECRET-NAME.pdf');
    expect([...(await readOriginal(id))!]).toEqual([...bytes]);
  });
});
