// Development aid: read every record in a folder of cases (default ../shared/corpus) and
// write each document's page text to .cache/text/<case>/<file>.txt (and .json with boxes),
// so extraction rules can be written and checked against what the pipeline really reads.
//   node test/tools/dump-text.ts [CASES_DIR] [--only case001,case002]
import fs from 'node:fs/promises';
import path from 'node:path';
import { factsFromFiles } from '../../electron/extraction/read-records.ts';

const args = process.argv.slice(2);
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? new Set(args[onlyIdx + 1].split(',')) : null;
const root = path.resolve(args.find((a, i) => !a.startsWith('--') && i !== onlyIdx + 1) ?? path.join(import.meta.dirname, '../../../shared/corpus'));
const out = path.join(import.meta.dirname, '../../.cache/text');

for (const name of (await fs.readdir(root)).sort()) {
  if (only && !only.has(name)) continue;
  const dir = path.join(root, name);
  if (!(await fs.stat(dir)).isDirectory()) continue;
  const files = (await fs.readdir(dir)).filter((f) => !f.endsWith('.json')).sort().map((f) => path.join(dir, f));
  const { documents } = await factsFromFiles(files);
  await fs.mkdir(path.join(out, name), { recursive: true });
  for (const d of documents) {
    const txt = d.pages.map((p) => `=== page ${p.page} (${p.source}${p.confidence !== undefined ? `, conf ${p.confidence}` : ''}${p.turned ? `, turned ${p.turned}` : ''}) ===\n${p.text}`).join('\n');
    await fs.writeFile(path.join(out, name, `${d.file}.txt`), txt + '\n');
    await fs.writeFile(path.join(out, name, `${d.file}.json`), JSON.stringify(d));
  }
  process.stdout.write(`${name}: ${documents.length} files\n`);
}
