// The encrypted backup file: round trips, unreadable without the passphrase, clear answers
// for wrong passphrase / damaged / not a backup / newer version, and a backup made in one
// profile restoring into a fresh one that has its own, different data key.
import { describe, expect, it } from 'vitest';
import { BACKUP_MAGIC, createBackup, openBackup, readBackupInfo } from '../../../../shared/security/backup.ts';
import { createKeys, unlockWithPassphrase } from '../../../../shared/security/keys.ts';
import { createCodec, type ValueCodec } from '../../../../shared/security/codec.ts';
import { MIN_ITERATIONS } from '../../../../shared/security/kdf.ts';
import { concat, fromBase64, sha256, toBase64, utf8 } from '../../../../shared/security/bytes.ts';

const FAST = { iterations: MIN_ITERATIONS };
const BACKUP_PASS = 'family backup 2025';
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e) => e?.code ?? String(e));
const RECORD = {
  documents: [{ id: 'd1', name: 'Pathology report.pdf', text: 'Invasive adenocarcinoma of the right upper lobe. PD-L1 TPS 60%.' }],
  facts: [{ id: 'f1', field: 'histology', value: 'adenocarcinoma' }, { id: 'f2', field: 'biomarker', value: 'EGFR exon 19 deletion' }],
  notes: [{ id: 'n1', text: 'Ask Dr. Alvarez about osimertinib side effects' }],
};
const payload = () => utf8(JSON.stringify(RECORD));

/** Re-seal the SHA-256 trailer after an edit, as a deliberate tamperer would. */
async function reseal(file: Uint8Array): Promise<Uint8Array> {
  const body = file.subarray(0, file.length - 32);
  return concat(body, await sha256(body));
}

describe('backup file', () => {
  it('round-trips, compressed or not', async () => {
    for (const compress of [true, false]) {
      const file = await createBackup(payload(), BACKUP_PASS, { ...FAST, compress });
      expect(new TextDecoder().decode(await openBackup(file, BACKUP_PASS))).toBe(JSON.stringify(RECORD));
      expect(await readBackupInfo(file)).toEqual({ version: 1, iterations: MIN_ITERATIONS, compression: compress ? 'gzip' : 'none' });
    }
  });

  it('starts with its magic and version, and uses 600,000 iterations by default', async () => {
    const file = await createBackup(payload(), BACKUP_PASS);
    expect(new TextDecoder().decode(file.subarray(0, 8))).toBe(BACKUP_MAGIC);
    expect(file[8]).toBe(1);
    expect((await readBackupInfo(file)).iterations).toBe(600_000);
  });

  it('is unreadable without the passphrase: no record word, name or passphrase in its bytes', async () => {
    for (const compress of [true, false]) {
      const text = new TextDecoder('latin1').decode(await createBackup(payload(), BACKUP_PASS, { ...FAST, compress }));
      for (const word of ['adenocarcinoma', 'Pathology', 'EGFR', 'osimertinib', 'Alvarez', 'PD-L1', 'family backup']) expect(text).not.toContain(word);
    }
  });

  it('two backups of the same data differ (fresh salt and IV each time)', async () => {
    const a = await createBackup(payload(), BACKUP_PASS, FAST);
    const b = await createBackup(payload(), BACKUP_PASS, FAST);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('a wrong passphrase says so', async () => {
    const file = await createBackup(payload(), BACKUP_PASS, FAST);
    const e = await openBackup(file, 'family backup 2024').catch((x) => x);
    expect(e.code).toBe('wrong-passphrase');
    expect(e.message).toMatch(/passphrase is not right/);
  });

  it('a damaged file says so, whichever byte was hit, before asking anything of the passphrase', async () => {
    const file = await createBackup(payload(), BACKUP_PASS, FAST);
    const step = Math.max(1, Math.floor(file.length / 40));
    for (let i = 8; i < file.length; i += step) {
      const bad = file.slice();
      bad[i] ^= 0x01;
      // the magic stays; any other flipped bit is damage (a flipped version byte may read as "newer")
      expect(await codeOf(openBackup(bad, BACKUP_PASS)), `byte ${i}`).toMatch(/^(damaged|newer-version)$/);
    }
    for (const cut of [9, 13, 40, file.length - 33, file.length - 1]) expect(await codeOf(openBackup(file.subarray(0, cut), BACKUP_PASS)), `cut at ${cut}`).toBe('damaged');
    const e = await openBackup(file.subarray(0, file.length - 1), BACKUP_PASS).catch((x) => x);
    expect(e.message).toMatch(/damaged/);
  });

  it('a deliberate edit that re-seals the checksum is still caught by the encryption', async () => {
    const file = await createBackup(payload(), BACKUP_PASS, FAST);
    const hlen = new DataView(file.buffer, file.byteOffset).getUint32(9);
    // ciphertext byte changed
    const body = file.slice();
    body[13 + hlen + 5] ^= 0x80;
    expect(await codeOf(openBackup(await reseal(body), BACKUP_PASS))).toBe('damaged');
    // header edited (compression switched off), checksum re-sealed: the header is the additional data
    const header = JSON.parse(new TextDecoder().decode(file.subarray(13, 13 + hlen)));
    const edited = utf8(JSON.stringify({ ...header, compression: 'none' }).padEnd(hlen, ' ').slice(0, hlen));
    const withHeader = file.slice();
    withHeader.set(edited, 13);
    expect(await codeOf(openBackup(await reseal(withHeader), BACKUP_PASS))).toBe('damaged');
    // iterations lowered to something absurd: refused, never attempted
    const weak = utf8(JSON.stringify({ ...header, iterations: 1 }));
    const prefix = file.slice(0, 13);
    new DataView(prefix.buffer).setUint32(9, weak.length);
    const weakFile = await reseal(concat(prefix, weak, file.subarray(13 + hlen, file.length - 32), new Uint8Array(32)));
    expect(await codeOf(openBackup(weakFile, BACKUP_PASS))).toBe('bad-parameters');
  });

  it('something else entirely is "not a backup"; a newer format says to update', async () => {
    for (const other of [new Uint8Array(0), utf8('%PDF-1.7\n...'), utf8('{"records":[]}'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), utf8('RCBACKU')]) {
      expect(await codeOf(openBackup(other, BACKUP_PASS))).toBe('not-a-backup');
    }
    const file = await createBackup(payload(), BACKUP_PASS, FAST);
    const newer = file.slice();
    newer[8] = 2;
    expect(await codeOf(openBackup(newer, BACKUP_PASS))).toBe('newer-version');
    expect(await codeOf(readBackupInfo(newer))).toBe('newer-version');
  });

  it('a weak backup passphrase is refused', async () => {
    expect(await codeOf(createBackup(payload(), 'short', FAST))).toBe('weak-passphrase');
  });
});

describe('a backup made with one profile restores into a fresh one', () => {
  /** A profile as the renderer will have it: a key file and rows of encrypted fields. */
  async function makeProfile(passphrase: string) {
    const { keyFile, dataKey } = await createKeys(passphrase, FAST);
    return { keyFile, codec: createCodec(dataKey), rows: new Map<string, Uint8Array>() };
  }
  async function put(codec: ValueCodec, rows: Map<string, Uint8Array>, table: string, key: string, field: string, value: unknown) {
    rows.set(`${table}/${key}/${field}`, await codec.encrypt(value, { table, key, field }));
  }
  async function exportAll(codec: ValueCodec, rows: Map<string, Uint8Array>): Promise<Uint8Array> {
    const out: Array<[string, unknown]> = [];
    for (const [id, stored] of rows) {
      const [table, key, field] = id.split('/');
      const value = await codec.decrypt(stored, { table, key, field });
      // bytes travel through JSON as base64 (the renderer's export does the same)
      out.push([id, value instanceof Uint8Array ? { $bytes: toBase64(value) } : value]);
    }
    return utf8(JSON.stringify(out));
  }

  it('with its own data key and passphrase; the old profile key cannot read the new rows', async () => {
    const a = await makeProfile('profile A passphrase');
    await put(a.codec, a.rows, 'documents', 'd1', 'text', RECORD.documents[0].text);
    await put(a.codec, a.rows, 'facts', 'f1', 'value', RECORD.facts[0]);
    await put(a.codec, a.rows, 'pages', 'd1-1', 'png', new Uint8Array([137, 80, 78, 71]));
    const file = await createBackup(await exportAll(a.codec, a.rows), BACKUP_PASS, FAST);

    // a fresh profile (say, a new laptop): different passphrase, different data key
    const b = await makeProfile('profile B passphrase');
    const restored = JSON.parse(new TextDecoder().decode(await openBackup(file, BACKUP_PASS))) as Array<[string, unknown]>;
    for (const [id, value] of restored) {
      const [table, key, field] = id.split('/');
      const bytes = (value as { $bytes?: string } | null)?.$bytes;
      await put(b.codec, b.rows, table, key, field, bytes ? fromBase64(bytes) : value);
    }
    expect(await b.codec.decrypt(b.rows.get('documents/d1/text')!, { table: 'documents', key: 'd1', field: 'text' })).toBe(RECORD.documents[0].text);
    expect(await b.codec.decrypt(b.rows.get('facts/f1/value')!, { table: 'facts', key: 'f1', field: 'value' })).toEqual(RECORD.facts[0]);
    expect([...(await b.codec.decrypt(b.rows.get('pages/d1-1/png')!, { table: 'pages', key: 'd1-1', field: 'png' })) as Uint8Array]).toEqual([137, 80, 78, 71]);
    // the two profiles' keys are unrelated
    expect(await codeOf(a.codec.decrypt(b.rows.get('facts/f1/value')!, { table: 'facts', key: 'f1', field: 'value' }))).toBe('damaged');
    // and profile B reopens later with its passphrase
    const reopened = createCodec(await unlockWithPassphrase(b.keyFile, 'profile B passphrase'));
    expect(await reopened.decrypt(b.rows.get('facts/f1/value')!, { table: 'facts', key: 'f1', field: 'value' })).toEqual(RECORD.facts[0]);
  });
});
