// npm test: everything CI checks, in order, stopping at the first failure.
//   types → lint → build (+ node --check of the main bundles) → unit and smoke tests → end-to-end in Chromium
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const steps: Array<[string, string, string[]]> = [
  ['types', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['build', bin('electron-vite'), ['build']],
  ['unit and smoke tests', bin('vitest'), ['run']],
  ['end-to-end (Chromium)', bin('playwright'), ['test']],
];

const only = process.argv.slice(2);
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  process.stdout.write(`\n=== ${name} ===\n`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    process.stdout.write(`\n✗ ${name} failed (${((Date.now() - t0) / 1000).toFixed(0)}s)\n`);
    process.exit(r.status ?? 1);
  }
  process.stdout.write(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(0)}s)\n`);
}
