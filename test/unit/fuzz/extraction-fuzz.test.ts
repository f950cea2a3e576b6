// Reliability under hostile input: a few hundred mutated PDFs (bit flips, truncations,
// duplicated and deleted byte runs, broken cross-reference tables and objects) and mutated
// pictures (PNG, JPEG, TIFF), each read by the REAL extraction process (the built bundle)
// through the real ExtractionClient, with a bound on the time per file.
//
// Every file must end in a result or a plain failure message from the catalogue, no
// message may carry record text, nothing the processes print may carry record text, and
// the client must keep working after crashes and stalls. The RNG is seeded: set FUZZ_SEED
// to replay a run, FUZZ_COUNT to change its size. Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ExtractionError } from '../../../electron/main/extraction-client.ts';
import { corpus, corpusBad, readBytes, truthSources } from '../../support/paths.ts';
import { launchExtraction, messageCatalogue, mutate, recordPictures, recordWords, rng, type Launched } from './harness.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20251126);
const COUNT = Number(process.env.FUZZ_COUNT ?? 300);
/**
 * A read with no word from the process for this long is given up and the process replaced
 * (the app waits 5 minutes; here OCR of a garbage page can take ~20 s on two busy cores).
 */
const STALL_MS = 30_000;
/** per file: the stall bound plus time to notice it and restart */
const MAX_SECONDS_PER_FILE = STALL_MS / 1000 + 15;

/** The whole words in a text (so "Foreground" in a library's log line is not "ground"). */
const words = (t: string) => new Set(t.toLowerCase().match(/[a-z]+/g) ?? []);

interface Seed { name: string; bytes: Uint8Array; weight: number; mutators?: string[] }

/** Born-digital corpus records of different layouts (no OCR), one or two pages each. */
function digitalSeeds(n: number): Seed[] {
  const out: Seed[] = [];
  for (const c of fs.readdirSync(corpus()).filter((d) => d.startsWith('case')).sort()) {
    const s = truthSources(c).find((x) => x.ocrPages.length === 0 && x.pages <= 2 && !out.some((o) => o.name.endsWith(x.kind)));
    if (s) out.push({ name: `${c}/${s.file}`, bytes: readBytes(corpus(c, s.file)), weight: 20 });
    if (out.length === n) break;
  }
  return out;
}

describe(`extraction fuzz (seed ${SEED}, ${COUNT} files)`, () => {
  let ex: Launched;
  const catalogue = messageCatalogue();
  beforeAll(() => { ex = launchExtraction({ stallMs: STALL_MS }); });
  afterAll(() => ex?.dispose());

  it('every mutated file ends in a result or a plain message, in bounded time, and nothing leaks record text', async () => {
    const pictures = await recordPictures();
    const SCAN_PAGES = 'case003/04-note.pdf';
    const seeds: Seed[] = [
      ...digitalSeeds(6),
      ...['truncated.pdf', 'corrupt-xref.pdf', 'javascript-and-attachment.pdf', 'utility-bill.pdf', 'encrypted-password.pdf', 'blank-pages.pdf']
        .map((f) => ({ name: `corpus-bad/${f}`, bytes: readBytes(corpusBad(f)), weight: 14 })),
      // a scanned record: OCR is slow, so fewer, mostly structural mutations
      { name: SCAN_PAGES, bytes: readBytes(corpus(...SCAN_PAGES.split('/'))), weight: 3, mutators: ['xref damage', 'object damage', 'truncate', 'bitflips'] },
      { name: 'picture.png', bytes: pictures.png, weight: 5 },
      { name: 'picture.jpg', bytes: pictures.jpeg, weight: 5 },
      { name: 'picture.tif', bytes: pictures.tiff, weight: 5 },
    ];
    const totalWeight = seeds.reduce((n, s) => n + s.weight, 0);
    const r = rng(SEED);
    const cases: Array<{ id: string; name: string; bytes: Uint8Array }> = [];
    for (const s of seeds) {
      const n = Math.max(1, Math.round((COUNT * s.weight) / totalWeight));
      for (let i = 0; i < n; i++) {
        const { bytes, how } = mutate(s.bytes, r, s.mutators);
        cases.push({ id: `${s.name} #${i} [${how.join(', ')}]`, name: path.basename(s.name), bytes });
      }
    }

    // words the records say (read from the unmutated seeds), which no message or log line may contain
    let sourceText = pictures.words.join(' ');
    for (const sd of seeds) {
      const res = await ex.client.read({ jobId: `seed-${sd.name}`, name: 'seed.pdf', bytes: sd.bytes as Uint8Array<ArrayBuffer> }).catch(() => null);
      sourceText += ` ${res?.document.pages.map((pg) => pg.text).join(' ') ?? ''}`;
    }
    const secretWords = recordWords(sourceText, catalogue);

    const outcomes = { result: 0, unreadable: 0, failed: 0 };
    const failedIds: string[] = [];
    const problems: string[] = [];
    let maxMs = 0, slowest = '';
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++];
        const t0 = Date.now();
        let shown: string[] = [];
        try {
          const res = await ex.client.read({ jobId: `fuzz-${next}`, name: c.name, bytes: c.bytes as Uint8Array<ArrayBuffer> });
          outcomes.result++;
          if (res.document.problems.some((p) => p.fatal)) outcomes.unreadable++;
          shown = res.document.problems.map((p) => p.message);
        } catch (e) {
          outcomes.failed++;
          failedIds.push(`${c.id} (${((Date.now() - t0) / 1000).toFixed(1)}s): ${(e as Error).message.slice(0, 40)}`);
          if (!(e instanceof ExtractionError)) problems.push(`${c.id}: not a plain failure: ${String(e)}`);
          shown = [(e as Error).message];
        }
        const ms = Date.now() - t0;
        if (ms > maxMs) { maxMs = ms; slowest = c.id; }
        for (const m of shown) {
          if (!catalogue.some((re) => re.test(m))) problems.push(`${c.id}: message outside the catalogue: ${m.slice(0, 120)}`);
          const said = words(m);
          const leaked = secretWords.filter((w) => said.has(w));
          if (leaked.length) problems.push(`${c.id}: message carries record words ${leaked.join(', ')}`);
        }
      }
    };
    const t0 = Date.now();
    await Promise.all(Array.from({ length: Number(process.env.FUZZ_CONCURRENCY ?? 2) }, worker));
    // FUZZ_DUMP=file: keep what the processes printed, to see what a leak check found
    if (process.env.FUZZ_DUMP) fs.writeFileSync(process.env.FUZZ_DUMP, ex.output());
    const printed = words(ex.output());
    const leakedToLogs = secretWords.filter((w) => printed.has(w));

    const summary = `fuzz seed=${SEED}: ${cases.length} files, ${outcomes.result} results (${outcomes.unreadable} of them "cannot be read" with a plain problem), ${outcomes.failed} plain failures, `
      + `${ex.children.length - 1} process restarts, slowest ${(maxMs / 1000).toFixed(1)}s (${slowest}), total ${((Date.now() - t0) / 1000).toFixed(0)}s`;
    console.log(summary);
    if (failedIds.length) console.log(`plain failures (a stall or crash fails every file in flight):\n  ${failedIds.join('\n  ')}`);
    expect(problems, summary).toEqual([]);
    expect(leakedToLogs, `the extraction process printed record words: ${leakedToLogs.join(', ')}`).toEqual([]);
    expect(maxMs / 1000, `slowest file: ${slowest}`).toBeLessThanOrEqual(MAX_SECONDS_PER_FILE);
    expect(outcomes.result + outcomes.failed).toBe(cases.length);
    expect(secretWords.length).toBeGreaterThan(20); // the leak check really had words to look for

    // and the client still reads a good record afterwards
    const ok = await ex.client.read({ jobId: 'after-fuzz', name: 'ok.pdf', bytes: readBytes(corpus('case001', '03-pathology.pdf')) as Uint8Array<ArrayBuffer> });
    expect(ok.document.pages[0].text.length).toBeGreaterThan(100);
  }, 300_000);
});

describe('the client recovers', () => {
  const scan = () => readBytes(corpus('case004', '01-pathology.pdf')) as Uint8Array<ArrayBuffer>;
  const text = () => readBytes(corpus('case001', '03-pathology.pdf')) as Uint8Array<ArrayBuffer>;

  it('after the extraction process crashes mid-file (killed, as by the OS when out of memory)', async () => {
    const ex = launchExtraction({ stallMs: 60_000 });
    try {
      const reading = ex.client.read({ jobId: 'crash', name: 'scan.pdf', bytes: scan() }, (p) => {
        if (p.phase === 'opening') ex.children.at(-1)!.kill('SIGKILL');
      });
      await expect(reading).rejects.toThrow('Reading stopped unexpectedly. Nothing you saved was lost; please try this file again.');
      const again = await ex.client.read({ jobId: 'after-crash', name: 'ok.pdf', bytes: text() });
      expect(again.document.pageCount).toBe(1);
      expect(ex.children.length).toBe(2);
    } finally {
      ex.dispose();
    }
  }, 60_000);

  it('after the extraction process stalls (stopped: no progress), within the stall limit', async () => {
    const ex = launchExtraction({ stallMs: 2_000 });
    try {
      const t0 = Date.now();
      const reading = ex.client.read({ jobId: 'stall', name: 'scan.pdf', bytes: scan() }, (p) => {
        if (p.phase === 'opening') ex.children.at(-1)!.kill('SIGSTOP');
      });
      await expect(reading).rejects.toThrow(/Reading stopped because a file took too long/);
      expect(Date.now() - t0).toBeLessThan(10_000);
      const stopped = ex.children[0];
      await new Promise((r) => (stopped.exitCode !== null || stopped.signalCode !== null ? r(null) : stopped.once('exit', r)));
      expect(stopped.signalCode).toBe('SIGKILL');
      const again = await ex.client.read({ jobId: 'after-stall', name: 'ok.pdf', bytes: text() });
      expect(again.document.pageCount).toBe(1);
      expect(ex.children.length).toBe(2);
    } finally {
      ex.dispose();
    }
  }, 60_000);

  it('a file whose answer would break the message contract ends at once with a plain message (regression: nan-boxes.pdf)', async () => {
    const ex = launchExtraction({ stallMs: 60_000 });
    try {
      const t0 = Date.now();
      const bytes = readBytes(path.join(import.meta.dirname, 'fixtures', 'nan-boxes.pdf')) as Uint8Array<ArrayBuffer>;
      const outcome = await ex.client.read({ jobId: 'nan', name: 'nan.pdf', bytes }).then(() => 'result', (e: Error) => e.message);
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(['result', 'Something went wrong while reading this file. Nothing you saved was lost; you can try again.']).toContain(outcome);
      expect(ex.children.length).toBe(1);
    } finally {
      ex.dispose();
    }
  }, 60_000);
});

