// Logs never carry record text, facts, file names, passwords or paths: the redactor's own
// table, and everything the main process and the extraction process print during a real
// import of a scanned and a born-digital record (logging on), searched for record words.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, redact } from '../../../electron/main/log.ts';
import { corpus, repoRoot } from '../../support/paths.ts';

describe('redact', () => {
  const TABLE: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['allowed fields pass', { permission: 'media', scheme: 'https', channel: 'records:read', code: 'password-required', pages: 3, ms: 120, count: 2, reason: 'sender', version: '0.1.0' },
      { permission: 'media', scheme: 'https', channel: 'records:read', code: 'password-required', pages: 3, ms: 120, count: 2, reason: 'sender', version: '0.1.0' }],
    ['unknown fields are dropped', { file: 'Jane-Doe.pdf', name: 'Jane Doe', text: 'adenocarcinoma', path: '/home/jane/records', password: 'Tumor-Board-2025', facts: { stage: 'IV' }, quote: 'PD-L1 60%', value: 60 }, {}],
    ['a fact smuggled in an allowed field is dropped', { reason: 'adenocarcinoma', channel: 'adenocarcinoma', version: 'EGFR', scheme: 'Jane Doe' }, {}],
    ['sentences, paths and long strings are dropped', { code: 'stage IV disease', scheme: 'file:///home/jane', permission: 'x'.repeat(60), channel: 'records:read/../x' }, {}],
    ['objects, arrays and NaN are dropped', { count: Number.NaN, pages: '3', code: ['a'], permission: { a: 1 } as unknown }, {}],
    ['booleans pass in allowed fields', { reason: true }, { reason: true }],
  ];
  it.each(TABLE)('%s', (_name, fields, expected) => expect(redact(fields)).toEqual(expected));
});

describe('log', () => {
  afterEach(() => { vi.restoreAllMocks(); delete process.env.RECORDS_QUIET_LOG; });
  const capture = () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(((s: string) => { lines.push(String(s)); return true; }) as never);
    return lines;
  };

  it('writes one line: time, event, redacted fields', () => {
    const lines = capture();
    log('permission-denied', { permission: 'media', file: 'Jane-Doe.pdf' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z permission-denied \{"permission":"media"\}\n$/);
  });

  it('refuses event names that are not plain identifiers (a message or a name in the event itself)', () => {
    const lines = capture();
    for (const e of ['Jane Doe opened biopsy.pdf', 'read:/home/jane/x.pdf', '', 'x'.repeat(61), 'adenocarcinoma\nfake-line']) log(e);
    expect(lines).toEqual([]);
  });

  it('is silent when RECORDS_QUIET_LOG=1', () => {
    const lines = capture();
    process.env.RECORDS_QUIET_LOG = '1';
    log('app-ready', { version: '1.0.0' });
    expect(lines).toEqual([]);
  });
});

describe('what the processes print during a real import', () => {
  it('contains no record words, facts, file names or paths', () => {
    const bundle = path.join(repoRoot, 'out/main/index.js');
    expect(fs.existsSync(bundle), 'run `npm run build` first').toBe(true);
    const outFile = path.join(os.tmpdir(), `records-import-${process.pid}.json`);
    const records = [corpus('case004', '01-pathology.pdf'), corpus('case001', '03-pathology.pdf')];
    const env = { ...process.env, RECORDS_STUB_CHILD_STDOUT: 'inherit' } as NodeJS.ProcessEnv;
    delete env.RECORDS_QUIET_LOG;
    let printed = '';
    try {
      printed = execFileSync(process.execPath, ['--import', './test/smoke/register-electron-stub.mjs', 'test/unit/security/fixtures/drive-import.mjs', bundle, outFile, ...records], {
        cwd: repoRoot, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000,
      });
    } catch (e) {
      throw new Error(`the import driver failed: ${(e as { stderr?: string }).stderr ?? e}`);
    }
    const results = JSON.parse(fs.readFileSync(outFile, 'utf8')) as Array<{ name: string; text: string; facts: Record<string, unknown> }>;
    fs.rmSync(outFile, { force: true });
    // logging was on: the refusals and blocks were logged (so the check below saw real output)
    expect(printed).toMatch(/ipc-refused \{"channel":"records:read","reason":"sender"\}/);
    expect(printed).toMatch(/ipc-refused \{"channel":"records:read","reason":"input"\}/);
    expect(printed).toMatch(/request-blocked \{"scheme":"https"\}/);
    expect(printed).toMatch(/permission-denied \{"permission":"media"\}/);

    const said = new Set(printed.toLowerCase().match(/[a-z]+/g) ?? []);
    const recordText = results.map((r) => r.text).join(' ');
    expect(recordText.length).toBeGreaterThan(1000);
    const recordWords = [...new Set(recordText.toLowerCase().match(/[a-z]{5,}/g) ?? [])];
    const vocabulary = new Set(['records', 'blocked', 'refused', 'channel', 'reason', 'sender', 'input', 'permission', 'denied', 'scheme', 'https', 'media', 'request']);
    const leaked = recordWords.filter((w) => said.has(w) && !vocabulary.has(w));
    expect(leaked, `record words in the processes' output: ${leaked.join(', ')}`).toEqual([]);
    for (const r of results) expect(printed).not.toContain(r.name);
    for (const secret of ['Jane', 'MRN', '555-0142', 'tracker.example', 'adenocarcinoma', 'biopsy', corpus(), os.homedir() === '/' ? '/nonexistent' : os.homedir()]) {
      expect(printed, secret).not.toContain(secret);
    }
    const facts = JSON.stringify(results.map((r) => r.facts));
    expect(facts).toMatch(/adenocarcinoma|squamous|carcinoma/); // there were facts to leak
  }, 120_000);
});
