// Shared setup for unit tests. Kept free of test globals on purpose (tests import what they
// use); its one job is the no-network guard (docs/SECURITY.md, "Proof of no network"):
//  - this vitest worker refuses every socket connect, DNS lookup, fetch and WebSocket, and so
//    do the worker threads it starts (OCR);
//  - every Node child process a test starts loads the same guard first (NODE_OPTIONS), and
//    writes any attempt to a log this file reads back;
//  - any attempt, even one the code under test caught and ignored, fails the test that made it.
import { afterAll, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { guardNodeOptions, installNetGuard, takeAttempts, takeChildAttempts } from './security/net-guard.cjs';

installNetGuard();
const childLog = path.join(os.tmpdir(), `records-net-guard-${process.pid}.jsonl`);
fs.writeFileSync(childLog, '');
process.env.NODE_OPTIONS = guardNodeOptions(process.env.NODE_OPTIONS);
process.env.RECORDS_NET_GUARD_LOG = childLog;

function check(): void {
  const found = [...takeAttempts(), ...takeChildAttempts(childLog)];
  if (found.length) {
    throw new Error(`This test tried to reach a network ${found.length} time(s): ${found.map((a) => `${a.kind} ${a.target}`).slice(0, 5).join('; ')}. The app must never do that.`);
  }
}
afterEach(check);
// attempts made outside any test (in beforeAll/afterAll hooks) fail the file
afterAll(() => {
  try { check(); } finally { fs.rmSync(childLog, { force: true }); }
});
