// The network ban in eslint.config.js, proven to fail: ESLint runs programmatically on
// small fixture sources placed (virtually) in every zone of the project, and each banned
// use must be reported. A clean fixture must pass, so the rules are not simply broken.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../../..');
let eslint: ESLint;
beforeAll(() => { eslint = new ESLint({ cwd: root }); });

/** The rule ids ESLint reports for `code` as if it were the file at `file`. */
async function problems(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`fixture does not parse: ${fatal[0].message}`);
  return result.messages.map((m) => m.ruleId ?? 'none');
}

const NETWORK_RULES = ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties', 'no-restricted-syntax'];

// [what, fixture source]: every one must be reported in every zone
const BANNED: Array<[string, string]> = [
  ['node:http import', "import http from 'node:http';\nhttp.get('x');"],
  ['http import', "import { request } from 'http';\nrequest('x');"],
  ['node:https import', "import https from 'node:https';\nvoid https;"],
  ['http2', "import http2 from 'node:http2';\nvoid http2;"],
  ['net', "import net from 'node:net';\nnet.connect(80, 'example.com');"],
  ['net (bare)', "import { Socket } from 'net';\nnew Socket();"],
  ['tls', "import tls from 'node:tls';\nvoid tls;"],
  ['dgram', "import dgram from 'node:dgram';\nvoid dgram;"],
  ['dns', "import dns from 'node:dns';\nvoid dns;"],
  ['dns/promises', "import { lookup } from 'node:dns/promises';\nvoid lookup;"],
  ['undici', "import { request } from 'undici';\nvoid request;"],
  ['node-fetch', "import fetchIt from 'node-fetch';\nvoid fetchIt;"],
  ['ws', "import WS from 'ws';\nvoid WS;"],
  ['axios', "import axios from 'axios';\nvoid axios;"],
  ['re-export of a network module', "export { request } from 'node:https';"],
  ['export * from a network module', "export * from 'node:net';"],
  ['require(http)', "const h = require('http');\nvoid h;"],
  ['require(node:net)', "const n = require('node:net');\nvoid n;"],
  ['require(dns/promises)', "const d = require('dns/promises');\nvoid d;"],
  ['dynamic import(node:https)', "export async function f() { return import('node:https'); }"],
  ['dynamic import(undici)', "export async function f() { return import('undici'); }"],
  ['electron net', "import { net } from 'electron';\nnet.request('https://x');"],
  ['electron netLog', "import { netLog } from 'electron';\nvoid netLog;"],
  ['electron.net', "import electron from 'electron';\nelectron.net.fetch('https://x');"],
  ['shell.openExternal', "import { shell } from 'electron';\nvoid shell.openExternal('https://x');"],
  ['shell["openExternal"]', "import { shell } from 'electron';\nvoid shell['openExternal']('https://x');"],
  ['destructured openExternal', "import { shell } from 'electron';\nconst { openExternal } = shell;\nvoid openExternal('https://x');"],
  ['fetch', "export const f = () => fetch('https://example.com');"],
  ['window.fetch', "export const f = () => window.fetch('https://example.com');"],
  ['globalThis.fetch', "export const f = () => globalThis.fetch('https://example.com');"],
  ['self.fetch', "export const f = () => self.fetch('https://example.com');"],
  ['XMLHttpRequest', 'export const x = new XMLHttpRequest();'],
  ['WebSocket', "export const w = new WebSocket('wss://example.com');"],
  ['window.WebSocket', "export const w = new window.WebSocket('wss://example.com');"],
  ['EventSource', "export const e = new EventSource('https://example.com');"],
  ['WebTransport', "export const t = new WebTransport('https://example.com');"],
  ['RTCPeerConnection', 'export const p = new RTCPeerConnection();'],
  ['navigator.sendBeacon', "export const b = () => navigator.sendBeacon('https://example.com', 'x');"],
  ['process.binding', "export const t = (process as any).binding('tcp_wrap');"],
];

// files in each lint zone (they need not exist: ESLint lints the text as if they did)
const ZONES = [
  'electron/main/fixture.ts',
  'electron/preload/fixture.ts',
  'electron/extraction/fixture.ts',
  'electron/cli/fixture.ts',
  'shared/fixture.ts',
  'renderer/src/fixture.tsx',
  'test/unit/fixture.test.ts',
  'scripts/fixture.mjs',
];

describe('the network ban (allow-list: none)', () => {
  it('a clean fixture passes in every zone (the rules are not just broken)', async () => {
    for (const zone of ZONES) {
      const clean = zone.startsWith('shared/') || zone.startsWith('renderer/') || zone.startsWith('electron/preload/')
        ? 'export const x: number = 1;\n'
        : "import path from 'node:path';\nexport const x = path.join('a', 'b');\n";
      expect(await problems(clean, zone), zone).toEqual([]);
    }
  });

  it.each(BANNED)('%s is reported in every zone', async (_what, code) => {
    for (const zone of ZONES) {
      const found = await problems(code, zone);
      expect(found.filter((r) => NETWORK_RULES.includes(r)), `${zone}: ${found.join(', ') || 'nothing reported'}`).not.toEqual([]);
    }
  });

  it('local names that merely look similar are not reported', async () => {
    const code = [
      "import { shell } from 'electron';",
      "shell.showItemInFolder('/tmp');",
      'const network = 1; const fetched = 2; const netCount = 3;',
      'export const all = network + fetched + netCount;',
      "export const neat = { net: 1 }.net;",
    ].join('\n');
    expect(await problems(code, 'electron/main/fixture.ts')).toEqual([]);
  });

  it('the real source tree is clean (no disables outside the test guard)', async () => {
    const results = await eslint.lintFiles(['electron', 'shared', 'renderer']);
    const hits = results.flatMap((r) => r.messages.filter((m) => NETWORK_RULES.includes(m.ruleId ?? '')).map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.message}`));
    expect(hits).toEqual([]);
    const suppressed = results.flatMap((r) => (r.suppressedMessages ?? []).filter((m) => NETWORK_RULES.includes(m.ruleId ?? '')).map((m) => `${path.relative(root, r.filePath)}:${m.line}`));
    expect(suppressed, 'network rules must not be disabled in app code').toEqual([]);
  }, 120_000);
});
