// The no-network guard for every Node process and thread the tests run: the vitest workers
// (through test/unit/setup.ts), every worker thread they start (OCR), and every Node child
// they start (setup.ts puts `--require` of this file in NODE_OPTIONS, so the extraction
// process, the CLI and the smoke test's main bundle are guarded too). Any socket connect,
// UDP send, DNS lookup, http(s)/http2 request, fetch or WebSocket is refused with
// NetworkBlockedError and recorded; setup.ts fails the test that made it. Child processes
// and threads append each attempt as a JSON line to the file named by RECORDS_NET_GUARD_LOG.
// Listening on a local port is not a connection and is allowed.
//
// Usage outside vitest: node --require ./test/unit/security/net-guard.cjs …
// Plain CommonJS on purpose: Node runs --require preloads in worker threads too, and a CJS
// preload works beside ESM loader hooks (the smoke test's electron stand-in). Types: net-guard.d.cts.
'use strict';
/* eslint-disable no-restricted-syntax, @typescript-eslint/no-require-imports -- this file patches the network modules so that they refuse; it never uses them */
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const dgram = require('node:dgram');
const http = require('node:http');
const https = require('node:https');
const http2 = require('node:http2');
/* eslint-enable no-restricted-syntax */
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');
const workerThreads = require('node:worker_threads');

class NetworkBlockedError extends Error {
  constructor(kind, target) {
    super(`Network access blocked by the test guard: ${kind} ${target}. This app must never reach a network (docs/SECURITY.md).`);
    this.name = 'NetworkBlockedError';
    this.code = 'ERR_NETWORK_BLOCKED_BY_TEST_GUARD';
  }
}

// one state per thread, even if this file is loaded twice (preload and import)
const KEY = Symbol.for('records.netGuard');
const state = globalThis[KEY] ?? (globalThis[KEY] = { attempts: [], installed: false });

function describeTarget(args) {
  const [a, b] = args;
  if (typeof a === 'string') return a.slice(0, 200);
  if (a instanceof URL) return a.href.slice(0, 200);
  if (typeof a === 'number') return `${typeof b === 'string' ? b : 'localhost'}:${a}`;
  if (Array.isArray(a) && a.length) return describeTarget(a);
  if (a && typeof a === 'object') {
    if (typeof a.url === 'string') return a.url.slice(0, 200);
    if (typeof a.path === 'string' && !a.host && !a.hostname) return `unix:${a.path}`;
    return `${String(a.hostname ?? a.host ?? 'localhost')}:${String(a.port ?? '')}`;
  }
  return '?';
}

function record(kind, args) {
  const attempt = { kind, target: describeTarget(args), pid: process.pid, thread: workerThreads.threadId };
  state.attempts.push(attempt);
  const log = process.env.RECORDS_NET_GUARD_LOG;
  if (log) { try { fs.appendFileSync(log, `${JSON.stringify(attempt)}\n`); } catch { /* the attempt is still refused */ } }
  return new NetworkBlockedError(attempt.kind, attempt.target);
}

function refuseSync(obj, name, kind) {
  if (typeof obj[name] !== 'function') return;
  obj[name] = function blocked(...args) { throw record(kind, args); };
}

function refuseAsync(obj, name, kind) {
  if (typeof obj[name] !== 'function') return;
  obj[name] = function blocked(...args) { return Promise.reject(record(kind, args)); };
}

/** Patch every way out. Safe to call more than once. */
function installNetGuard() {
  if (state.installed) return;
  state.installed = true;
  // every TCP and TLS connection, whatever module made it, ends in Socket#connect (unix
  // sockets too: a local socket can be a proxy, a daemon or another user's service)
  refuseSync(net.Socket.prototype, 'connect', 'tcp-connect');
  for (const name of ['connect', 'createConnection']) refuseSync(net, name, 'tcp-connect');
  refuseSync(tls, 'connect', 'tls-connect');
  refuseSync(dgram.Socket.prototype, 'send', 'udp-send');
  refuseSync(dgram.Socket.prototype, 'connect', 'udp-connect');
  for (const name of ['request', 'get']) { refuseSync(http, name, 'http-request'); refuseSync(https, name, 'https-request'); }
  refuseSync(http2, 'connect', 'http2-connect');
  // DNS: callback and promise APIs, and both Resolver classes
  const lookup = dns.lookup;
  const lookupPromise = dns.promises.lookup;
  const dnsNames = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];
  for (const name of dnsNames) {
    refuseSync(dns, name, 'dns');
    refuseSync(dns.Resolver.prototype, name, 'dns');
    refuseAsync(dns.promises, name, 'dns');
    refuseAsync(dns.promises.Resolver.prototype, name, 'dns');
  }
  // an IP literal "looked up" to listen on it never leaves the machine: let that through
  const blockedLookup = dns.lookup;
  const blockedLookupPromise = dns.promises.lookup;
  dns.lookup = function guardedLookup(host, ...rest) { return (typeof host === 'string' && net.isIP(host) ? lookup : blockedLookup)(host, ...rest); };
  dns.promises.lookup = function guardedLookup(host, ...rest) { return (typeof host === 'string' && net.isIP(host) ? lookupPromise : blockedLookupPromise)(host, ...rest); };
  // web APIs Node provides globally
  // eslint-disable-next-line no-restricted-properties -- replaces fetch with a refusal
  if (typeof globalThis.fetch === 'function') globalThis.fetch = function fetch(...args) { return Promise.reject(record('fetch', args)); };
  for (const name of ['WebSocket', 'EventSource']) {
    if (typeof globalThis[name] === 'function') globalThis[name] = function Blocked(...args) { throw record(name, args); };
  }
  // worker threads (tesseract's OCR workers) start guarded too, whatever execArgv they get
  const Original = workerThreads.Worker;
  class GuardedWorker extends Original {
    constructor(file, options = {}) {
      const execArgv = options.execArgv ?? process.execArgv;
      super(file, { ...options, execArgv: execArgv.includes(__filename) ? execArgv : [...execArgv, '--require', __filename] });
    }
  }
  workerThreads.Worker = GuardedWorker;
  // `import { request } from 'node:http'` must see the patched functions too
  syncBuiltinESMExports();
}

/** Attempts made in this thread so far (not cleared). */
function attempts() { return [...state.attempts]; }

/** Attempts made in this thread since the last call, clearing them. */
function takeAttempts() { return state.attempts.splice(0); }

/**
 * Attempts other processes and threads wrote to `logFile`, clearing the file. This thread's
 * own attempts (also logged) are left out: takeAttempts() reports those.
 */
function takeChildAttempts(logFile) {
  let text = '';
  try { text = fs.readFileSync(logFile, 'utf8'); fs.writeFileSync(logFile, ''); } catch { return []; }
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((a) => a.pid !== process.pid || a.thread !== workerThreads.threadId);
}

/** NODE_OPTIONS that load this guard into a Node child process (and its threads) first. */
function guardNodeOptions(existing = '') {
  const flag = `--require=${__filename}`;
  return existing.includes(flag) ? existing : `${existing} ${flag}`.trim();
}

// Loaded with --require (or NODE_OPTIONS, or imported): guard at once.
installNetGuard();

module.exports = { NetworkBlockedError, installNetGuard, attempts, takeAttempts, takeChildAttempts, guardNodeOptions, guardFile: __filename };
