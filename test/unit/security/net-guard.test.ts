// The no-network guard can fail: every way out is refused and recorded in this process,
// in its worker threads and in child processes, and a test that makes (and even swallows)
// a request fails. See net-guard.cjs and test/unit/setup.ts.
/* eslint-disable no-restricted-imports, no-restricted-globals -- deliberate requests: they prove the guard refuses them */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import dgram from 'node:dgram';
import { Worker } from 'node:worker_threads';
import { NetworkBlockedError, takeAttempts, takeChildAttempts, type Attempt } from './net-guard.cjs';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

// each test here makes attempts on purpose: check them, then clear them so setup.ts's
// afterEach (which fails any test with attempts left) passes
let expected: Attempt[] = [];
afterEach(() => { expected = takeAttempts(); });
const temp = (name: string) => { const f = path.join(os.tmpdir(), `${process.pid}-${name}`); made.push(f); return f; };
const made: string[] = [];
afterAll(() => { for (const f of made) fs.rmSync(f, { force: true }); });

describe('in this process', () => {
  const SYNC: Array<[string, () => unknown, string]> = [
    ['net.connect', () => net.connect(443, 'example.com'), 'tcp-connect'],
    ['net.createConnection', () => net.createConnection({ host: '93.184.215.14', port: 80 }), 'tcp-connect'],
    ['new Socket().connect', () => new net.Socket().connect(80, '127.0.0.1'), 'tcp-connect'],
    ['a unix socket', () => new net.Socket().connect({ path: '/var/run/docker.sock' }), 'tcp-connect'],
    ['tls.connect', () => tls.connect(443, 'example.com'), 'tls-connect'],
    ['http.get', () => http.get('http://example.com/'), 'http-request'],
    ['https.request', () => https.request('https://example.com/', { method: 'POST' }), 'https-request'],
    ['dns.lookup', () => dns.lookup('example.com', () => undefined), 'dns'],
    ['dns.resolve4', () => dns.resolve4('example.com', () => undefined), 'dns'],
    ['new dns.Resolver().resolve', () => new dns.Resolver().resolve('example.com', () => undefined), 'dns'],
    ['dgram send', () => dgram.createSocket('udp4').send('x', 53, '8.8.8.8'), 'udp-send'],
    ['WebSocket', () => new WebSocket('wss://example.com/'), 'WebSocket'],
  ];
  it.each(SYNC)('%s is refused', (_name, call, kind) => {
    expect(call).toThrow(NetworkBlockedError);
    const a = takeAttempts();
    expect(a.map((x) => x.kind)).toEqual([kind]);
  });

  it.each([
    ['fetch', () => fetch('https://example.com/records')],
    ['dns.promises.lookup', () => dns.promises.lookup('example.com')],
    ['dns.promises.Resolver', () => new dns.promises.Resolver().resolveTxt('example.com')],
  ] as Array<[string, () => Promise<unknown>]>)('%s is rejected', async (_name, call) => {
    await expect(call()).rejects.toBeInstanceOf(NetworkBlockedError);
    expect(takeAttempts()).toHaveLength(1);
  });

  it('the error says what was tried and why it is refused', () => {
    try { net.connect(443, 'example.com'); } catch (e) {
      expect((e as Error).message).toBe('Network access blocked by the test guard: tcp-connect example.com:443. This app must never reach a network (docs/SECURITY.md).');
    }
  });

  it('listening on a local port is not a connection, and stays allowed', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await new Promise((r) => server.close(r));
    expect(takeAttempts()).toEqual([]);
  });
});

describe('in worker threads and child processes', () => {
  it('a worker thread is guarded (OCR runs in worker threads)', async () => {
    const log = temp('guard-worker.jsonl');
    fs.writeFileSync(log, '');
    const w = new Worker(
      "let r; try { require('node:net').connect(80, 'example.com'); r = 'allowed' } catch (e) { r = e.name } require('node:worker_threads').parentPort.postMessage(r)",
      { eval: true, env: { ...process.env, RECORDS_NET_GUARD_LOG: log } },
    );
    expect(await new Promise((r) => w.on('message', r))).toBe('NetworkBlockedError');
    await w.terminate();
    expect(takeChildAttempts(log).map((a) => a.target)).toEqual(['example.com:80']);
  });

  it('a Node child process started by a test is guarded through NODE_OPTIONS', () => {
    const log = temp('guard-child.jsonl');
    fs.writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['-e', "fetch('https://example.com/').catch((e) => { console.log(e.name); })"], {
      env: { ...process.env, RECORDS_NET_GUARD_LOG: log }, encoding: 'utf8',
    });
    expect(r.stdout.trim()).toBe('NetworkBlockedError');
    expect(takeChildAttempts(log)).toEqual([expect.objectContaining({ kind: 'fetch', target: 'https://example.com/' })]);
  });

  it('a forked process (as the extraction process is forked in tests) is guarded', async () => {
    const log = temp('guard-fork.jsonl');
    fs.writeFileSync(log, '');
    const script = temp('guard-fork.mjs');
    fs.writeFileSync(script, "import dns from 'node:dns'; try { dns.lookup('tessdata.projectnaptha.com', () => {}); process.send('allowed'); } catch (e) { process.send(e.name); }");
    const child = fork(script, [], { env: { ...process.env, RECORDS_NET_GUARD_LOG: log }, stdio: 'ignore' });
    expect(await new Promise((r) => child.on('message', r))).toBe('NetworkBlockedError');
    await new Promise((r) => child.on('exit', r));
    expect(takeChildAttempts(log)).toEqual([expect.objectContaining({ kind: 'dns', target: 'tessdata.projectnaptha.com' })]);
  }, 10_000);
});

describe('a test that makes a request fails, even when it swallows the error', () => {
  it('runs a deliberate fixture in a separate vitest and sees every offending test fail', () => {
    const report = temp('guard-proof.json');
    const r = spawnSync(bin('vitest'), ['run', '--config', 'test/unit/security/fixtures/vitest.guard-proof.config.ts', '--reporter=json', `--outputFile=${report}`], {
      cwd: root, encoding: 'utf8', env: { ...process.env, RECORDS_NET_GUARD_LOG: temp('guard-proof.jsonl') }, timeout: 120_000,
    });
    expect(r.status, r.stderr).not.toBe(0);
    const results = JSON.parse(fs.readFileSync(report, 'utf8')).testResults[0].assertionResults as Array<{ title: string; status: string; failureMessages: string[] }>;
    const byTitle = Object.fromEntries(results.map((t) => [t.title, t]));
    for (const title of ['a fetch whose error is swallowed', 'a socket connect whose error is swallowed', 'a child process that connects', 'a worker thread that connects']) {
      expect(byTitle[title]?.status, title).toBe('failed');
      expect(byTitle[title].failureMessages.join('\n'), title).toMatch(/This test tried to reach a network 1 time\(s\): (fetch https:\/\/example\.com\/records|tcp-connect example\.com:(443|80)|dns example\.com)/);
    }
    expect(byTitle['a test that stays offline']?.status).toBe('passed');
  }, 120_000);
});

void expected;
