// npm run --silent facts -- [--password PASSWORD] FILE...
// Prints one facts/1 JSON object on stdout; one plain line on stderr per problem.
// Exits 0 when at least one file was read, 1 when none could be, 2 on bad arguments.
import { factsFromFiles } from '../extraction/read-records.ts';
import { parseArgs } from './args.ts';
import type { Progress } from '../../shared/contract/document.ts';

const USAGE = 'usage: npm run --silent facts -- [--password PASSWORD] [--progress] FILE...';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { password: 'string', progress: 'boolean', help: 'boolean' });
  if (args.error) { process.stderr.write(`${args.error}\n${USAGE}\n`); return 2; }
  if (args.flags.help) { process.stdout.write(`${USAGE}\n`); return 0; }
  if (args.positional.length === 0) { process.stderr.write(`No files given.\n${USAGE}\n`); return 2; }
  const progress = args.flags.progress ? progressPrinter() : undefined;
  const { facts, documents } = await factsFromFiles(args.positional, { password: args.flags.password as string | undefined, onProgress: progress });
  let readable = 0;
  for (const doc of documents) {
    const fatal = doc.problems.find((p) => p.fatal);
    if (!fatal) readable++;
    for (const p of doc.problems) {
      const hint = p.code === 'password-required' ? ' (here: add --password PASSWORD)' : '';
      process.stderr.write(`${doc.file}: ${p.fatal ? '' : 'note: '}${p.message}${hint}\n`);
    }
  }
  process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
  if (readable === 0) {
    process.stderr.write('None of the files could be read.\n');
    return 1;
  }
  return 0;
}

/** One line per page on stderr, with seconds since start: for long scans and benchmarks. */
function progressPrinter() {
  const t0 = performance.now();
  return (file: string, p: Progress) => {
    if (p.phase === 'opening' || (p.page === 0 && p.phase !== 'done')) return;
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    process.stderr.write(`${file}: ${p.phase === 'done' ? 'done' : `${p.phase === 'ocr' ? 'OCR' : 'text'} page ${p.page} of ${p.pages}`} (${s}s)\n`);
  };
}

main().then(finish, (e) => {
  process.stderr.write(`Something went wrong while reading the records: ${e?.message ?? e}\n`);
  finish(1);
});

/**
 * Exit once the answer is written, rather than when nothing is left running: an OCR thread
 * stuck in a broken engine start must not keep the command (or score-facts) waiting.
 */
function finish(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
