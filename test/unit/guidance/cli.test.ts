// The command line: one guidance/1 object on stdout, a one-line message and a non-zero
// exit on bad arguments or unreadable facts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuidanceSchema } from '../../../shared/contract/guidance.ts';
import { ROOT, bm, facts, pdl1 } from './helpers.ts';

const CLI = path.join(ROOT, 'electron', 'cli', 'guide.ts');
const run = (...args: string[]) => spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-cli-'));
const write = (name: string, content: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
};

describe('guide CLI', () => {
  const factsFile = write('facts.json', JSON.stringify(facts({ biomarkers: [bm('EGFR', 'L858R'), pdl1(5)] })));

  it('prints one guidance/1 object for --facts', () => {
    const r = run('--facts', factsFile);
    expect(r.status).toBe(0);
    const g = GuidanceSchema.parse(JSON.parse(r.stdout));
    expect(g.question).toBeNull();
    expect(g.questions.some((q) => /osimertinib/.test(q.text))).toBe(true);
  });

  it('passes the question through exactly as written', () => {
    const q = 'what\'s "CAR-T"? $HOME `x`';
    const r = run('--question', q, '--facts', factsFile);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).question).toBe(q);
  });

  it.each([
    [[], /no facts/],
    [['--facts'], /needs a value/],
    [['--bogus', '--facts', 'x.json'], /unknown option/],
    [['--facts', 'a.json', 'b.pdf'], /either --facts or records/],
  ])('rejects %j with one line', (args, message) => {
    const r = run(...args);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    ['missing file', path.join(tmp, 'nope.json'), /cannot read/],
    ['not JSON', write('bad.json', '{ nope'), /not usable facts\/1 JSON/],
    ['not facts', write('arr.json', '[1, 2]'), /not usable facts\/1 JSON/],
  ])('exits non-zero on %s', (_n, file, message) => {
    const r = run('--facts', file);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('a record that does not exist is a one-line error', () => {
    const r = run(path.join(tmp, 'missing.pdf'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/record not found/);
  });
});
