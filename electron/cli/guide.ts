// npm run --silent guide -- [--question "TEXT"] (--facts FILE | RECORDS…)
// Prints one guidance/1 JSON object on stdout. Problems go to stderr, one line each.
import fs from 'node:fs';
import module from 'node:module';
import { readKnowledgeFiles } from './knowledge-files.ts';
import type { Facts } from '../../shared/contract/facts.ts';

// Start-up time matters (the scorer reports it): cache compiled code between runs, and load
// the engine only after that is switched on.
module.enableCompileCache?.();
const { guide } = await import('../../shared/guidance/engine.ts');
const { readFacts } = await import('../../shared/guidance/facts-input.ts');
const { loadKnowledge } = await import('../../shared/guidance/knowledge.ts');

const USAGE = 'usage: npm run --silent guide -- [--question "TEXT"] (--facts FACTS.json | RECORD.pdf ...)';

type Args = { question: string | null; factsFile: string | null; records: string[]; password?: string };

function fail(message: string, code = 2): never {
  process.stderr.write(`guide: ${message}\n`);
  process.exit(code);
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { question: null, factsFile: null, records: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value. ${USAGE}`);
      return argv[++i];
    };
    if (a === '--question' || a === '-q') args.question = value();
    else if (a.startsWith('--question=')) args.question = a.slice('--question='.length);
    else if (a === '--facts') args.factsFile = value();
    else if (a.startsWith('--facts=')) args.factsFile = a.slice('--facts='.length);
    else if (a === '--password') args.password = value();
    else if (a === '--help' || a === '-h') { process.stdout.write(`${USAGE}\n`); process.exit(0); }
    else if (a.startsWith('-') && a !== '-') fail(`unknown option ${a}. ${USAGE}`);
    else args.records.push(a);
  }
  if (args.factsFile && args.records.length) fail(`give either --facts or records, not both. ${USAGE}`);
  if (!args.factsFile && !args.records.length) fail(`no facts: give --facts FILE or one or more records. ${USAGE}`);
  return args;
}


function factsFromFile(file: string): Facts {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read facts file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
  }
  try {
    return readFacts(JSON.parse(text));
  } catch (e) {
    fail(`${file} is not usable facts/1 JSON: ${(e as Error).message.split('\n')[0]}`, 1);
  }
}

async function factsFromRecords(records: string[], password?: string): Promise<Facts> {
  for (const r of records) if (!fs.existsSync(r)) fail(`record not found: ${r}`, 1);
  const mod = await import('../extraction/read-records.ts').catch((e: Error) => fail(`cannot load the extraction pipeline: ${e.message.split('\n')[0]}`, 1));
  const result = await mod.factsFromFiles(records, password ? { password } : undefined);
  for (const p of result.problems) process.stderr.write(`guide: ${p.file}: ${p.message}\n`);
  // Like `npm run facts`: when not one record could be read, there is nothing to guide on.
  const documents = (result as { documents?: { problems?: { fatal?: boolean }[] }[] }).documents ?? [];
  if (documents.length && documents.every((d) => d.problems?.some((p) => p.fatal))) fail('none of the records could be read', 1);
  return result.facts;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const facts = args.factsFile ? factsFromFile(args.factsFile) : await factsFromRecords(args.records, args.password);
  const knowledge = loadKnowledge(readKnowledgeFiles());
  for (const p of knowledge.problems) process.stderr.write(`guide: knowledge ${p.file}: ${p.message}\n`);
  const guidance = guide(facts, args.question, knowledge);
  process.stdout.write(`${JSON.stringify(guidance, null, 2)}\n`);
}

main().catch((e: Error) => fail(e.message.split('\n')[0], 1));
