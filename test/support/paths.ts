// Where the team's shared materials live: ../shared beside this repository (CI checks it
// out there too), or RECORDS_SHARED when set.
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const sharedRoot = path.resolve(process.env.RECORDS_SHARED ?? path.join(repoRoot, '../shared'));
export const corpus = (...p: string[]) => path.join(sharedRoot, 'corpus', ...p);
export const corpusBad = (...p: string[]) => path.join(sharedRoot, 'corpus-bad', ...p);

export function readBytes(file: string): Uint8Array {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: the tests need the team's shared folder beside the repo (or RECORDS_SHARED).`);
  return new Uint8Array(fs.readFileSync(file));
}

export interface TruthSource { file: string; pages: number; ocrPages: number[]; kind: string; date: string | null }
export function truthSources(caseName: string): TruthSource[] {
  return JSON.parse(fs.readFileSync(corpus(caseName, 'truth.json'), 'utf8')).sources;
}
