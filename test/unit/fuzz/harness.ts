// Shared pieces for the reliability tests: the real extraction process (the BUILT
// out/main/extraction.js, forked as the smoke test's electron stand-in forks it) behind the
// real ExtractionClient, a seeded RNG, byte mutators, small generated pictures of a record,
// and the catalogue of every plain message a person may be shown.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ExtractionClient, type ChildHandle } from '../../../electron/main/extraction-client.ts';
import { messages } from '../../../electron/extraction/messages.ts';
import { repoRoot } from '../../support/paths.ts';

export const extractionBundle = path.join(repoRoot, 'out/main/extraction.js');

export interface Launched {
  client: ExtractionClient;
  /** every process started so far (restarts add to it) */
  children: ChildProcess[];
  /** everything the processes printed on stdout and stderr */
  output: () => string;
  dispose: () => void;
}

/** The real client over the real, built extraction process (restarted on crash or stall). */
export function launchExtraction(options: { stallMs?: number } = {}): Launched {
  if (!fs.existsSync(extractionBundle)) throw new Error(`${extractionBundle} is missing: run \`npm run build\` first`);
  const children: ChildProcess[] = [];
  let printed = '';
  const launch = (): ChildHandle => {
    const child = fork(extractionBundle, [], { serialization: 'advanced', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    children.push(child);
    child.stdout!.on('data', (d) => { printed += d; });
    child.stderr!.on('data', (d) => { printed += d; });
    return {
      postMessage: (m) => { if (child.connected) child.send(m); },
      onMessage: (h) => child.on('message', h),
      onExit: (h) => child.on('exit', (code) => h(code)),
      kill: () => { child.kill('SIGKILL'); },
    };
  };
  const client = new ExtractionClient(launch, { stallMs: options.stallMs });
  return { client, children, output: () => printed, dispose: () => client.dispose() };
}

/** mulberry32: small, fast and seeded, so a failing case can be replayed exactly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Mutator = (b: Uint8Array, r: () => number) => Uint8Array;
const int = (r: () => number, n: number) => Math.floor(r() * n);
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

export const MUTATORS: Record<string, Mutator> = {
  bitflips(b, r) {
    const out = b.slice();
    const n = 1 + int(r, 16);
    for (let i = 0; i < n && out.length; i++) out[int(r, out.length)] ^= 1 << int(r, 8);
    return out;
  },
  'special bytes'(b, r) {
    const out = b.slice();
    const specials = [0x00, 0xff, 0x7f, 0x80, 0x28, 0x29, 0x3c, 0x3e, 0x2f, 0x5b, 0x5d, 0x0a, 0x25];
    for (let i = 0; i < 8 && out.length; i++) out[int(r, out.length)] = specials[int(r, specials.length)];
    return out;
  },
  truncate(b, r) {
    return b.slice(0, int(r, b.length));
  },
  'duplicate run'(b, r) {
    if (!b.length) return b;
    const at = int(r, b.length), len = 1 + int(r, Math.min(4096, b.length - at));
    const times = 1 + int(r, 4);
    const run = b.subarray(at, at + len);
    return new Uint8Array([...b.subarray(0, at + len), ...Array.from({ length: times }, () => [...run]).flat(), ...b.subarray(at + len)]);
  },
  'delete run'(b, r) {
    if (!b.length) return b;
    const at = int(r, b.length), len = 1 + int(r, Math.min(4096, b.length - at));
    return new Uint8Array([...b.subarray(0, at), ...b.subarray(at + len)]);
  },
  'xref damage'(b, r) {
    let s = latin1(b);
    const choice = int(r, 4);
    if (choice === 0) s = s.replace(/startxref\s+\d+/g, `startxref\n${[0, 1, 999_999_999, int(r, b.length)][int(r, 4)]}`);
    else if (choice === 1) s = s.replace(/(\d{10}) (\d{5}) ([nf])/g, (m) => (r() < 0.3 ? `${String(int(r, 1e10)).padStart(10, '0')} 00000 n` : m));
    else if (choice === 2) s = s.replace(/\/Size \d+/, `/Size ${[0, 1, 2 ** 31, 999_999][int(r, 4)]}`);
    else s = s.replace(/xref/g, () => (r() < 0.5 ? 'xre\0' : 'xref'));
    return fromLatin1(s);
  },
  'object damage'(b, r) {
    let s = latin1(b);
    const choice = int(r, 5);
    if (choice === 0) s = s.replace(/\/Length \d+/g, (m) => (r() < 0.5 ? `/Length ${[0, 1, 2 ** 31 - 1, int(r, 1e6)][int(r, 4)]}` : m));
    else if (choice === 1) s = s.replace(/\/Count \d+/, `/Count ${[0, -1, 999_999_999][int(r, 3)]}`);
    else if (choice === 2) s = s.replace(/endobj/g, (m) => (r() < 0.2 ? 'endbj' : m));
    else if (choice === 3) s = s.replace(/\/Filter\s*\/\w+/g, (m) => (r() < 0.5 ? '/Filter /FlateDecode' : m));
    else s = s.replace(/\/MediaBox\s*\[[^\]]*\]/, `/MediaBox [0 0 ${[0, 1e9, -5][int(r, 3)]} 792]`);
    return fromLatin1(s);
  },
};

/** Apply one to three mutators; returns the bytes and what was done (for the failure message). */
export function mutate(b: Uint8Array, r: () => number, names = Object.keys(MUTATORS)): { bytes: Uint8Array; how: string[] } {
  let out = b;
  const how: string[] = [];
  const n = 1 + int(r, 3);
  for (let i = 0; i < n; i++) {
    const name = names[int(r, names.length)];
    out = MUTATORS[name](out, r);
    how.push(name);
  }
  return { bytes: out, how };
}

/** A small picture of a record, as PNG, JPEG and uncompressed TIFF; `words` is what it says. */
export async function recordPictures(): Promise<{ png: Uint8Array; jpeg: Uint8Array; tiff: Uint8Array; words: string[] }> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const lines = ['Surgical pathology report', 'Diagnosis: adenocarcinoma', 'PD-L1 TPS 60 percent'];
  const w = 640, h = 220;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#000000';
  ctx.font = '28px sans-serif';
  lines.forEach((l, i) => ctx.fillText(l, 24, 56 + i * 56));
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const gray = new Uint8Array(w * h);
  for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4];
  return {
    png: new Uint8Array(await canvas.encode('png')),
    jpeg: new Uint8Array(await canvas.encode('jpeg', 85)),
    tiff: grayTiff(gray, w, h),
    words: lines.join(' ').split(/\W+/).filter((x) => x.length >= 5),
  };
}

/** A baseline TIFF: one uncompressed 8-bit grayscale strip. */
function grayTiff(gray: Uint8Array, w: number, h: number): Uint8Array {
  const entries: Array<[number, number, number, number]> = [ // tag, type (3 short, 4 long), count, value
    [256, 4, 1, w], [257, 4, 1, h], [258, 3, 1, 8], [259, 3, 1, 1], [262, 3, 1, 1],
    [273, 4, 1, 0], [277, 3, 1, 1], [278, 4, 1, h], [279, 4, 1, gray.length],
  ];
  const ifdAt = 8, ifdLen = 2 + entries.length * 12 + 4, dataAt = ifdAt + ifdLen;
  entries[5][3] = dataAt;
  const out = new Uint8Array(dataAt + gray.length);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, ifdAt, true);
  v.setUint16(ifdAt, entries.length, true);
  entries.forEach(([tag, type, count, value], i) => {
    const e = ifdAt + 2 + i * 12;
    v.setUint16(e, tag, true); v.setUint16(e + 2, type, true); v.setUint32(e + 4, count, true);
    if (type === 3) v.setUint16(e + 8, value, true); else v.setUint32(e + 8, value, true);
  });
  out.set(gray, dataAt);
  return out;
}

/**
 * Every sentence a person can be shown about a file: the extraction messages (with any
 * number or file-type label as a wildcard), the PDF-opening messages, and the client's own.
 * A message outside this catalogue could be carrying record text.
 */
export function messageCatalogue(): RegExp[] {
  const LABEL = 'QQLABELQQ';
  const templates: string[] = [];
  for (const [name, make] of Object.entries(messages)) {
    const made = name === 'unsupported' ? [make(LABEL as never), make('HEIC photo' as never)]
      : name === 'renamedImage' ? [make(LABEL as never)]
        : name === 'damaged' ? [make('truncated' as never), make('broken-index' as never)]
          : name === 'noText' ? [make(0 as never), make(3 as never)]
            : [make(12345 as never)];
    for (const p of made) templates.push(p.message);
  }
  const pdfOpen = fs.readFileSync(path.join(repoRoot, 'electron/extraction/pdf-open.ts'), 'utf8');
  for (const m of pdfOpen.matchAll(/message: '([^']+)'/g)) templates.push(m[1]);
  const client = fs.readFileSync(path.join(repoRoot, 'electron/main/extraction-client.ts'), 'utf8');
  for (const m of client.matchAll(/(?:failAll|ExtractionError)\('([^']+)'\)/g)) templates.push(m[1]);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = (t: string) => escape(t).replace(/\d+/g, '\\d+').replace(/an? QQLABELQQ/g, 'an? [A-Za-z0-9 ]{1,40}');
  return [...new Set(templates)].map((t) => new RegExp(`^${pattern(t)}$`));
}

/** Words (5+ letters) a record says that no catalogue message says. */
export function recordWords(text: string, catalogue: RegExp[]): string[] {
  const catalogueText = catalogue.map((r) => r.source).join(' ').toLowerCase();
  const words = new Set(text.toLowerCase().match(/[a-z]{5,}/g) ?? []);
  return [...words].filter((w) => !catalogueText.includes(w));
}
