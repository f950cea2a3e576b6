// Everything pdf.js and tesseract.js need is on this machine, and the versions we depend on
// are the ones with the security fixes.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { assets, unpacked } from '../../../electron/extraction/assets.ts';

const localRequire = createRequire(import.meta.url);
const version = (pkg: string) => localRequire(`${pkg}/package.json`).version as string;
const atLeast = (v: string, min: string) => {
  const a = v.split('.').map(Number), b = min.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
};

describe('local assets', () => {
  it('pdfjs-dist resolves to 6.2.108 or later (GHSA-hq66-cqwq-w95j fixed)', () => {
    expect(atLeast(version('pdfjs-dist'), '6.2.108')).toBe(true);
  });

  it('the pdf.js worker build has no eval or Function constructor left to abuse', () => {
    const worker = fs.readFileSync(localRequire.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
    expect(worker).not.toMatch(/new Function\(|\beval\(/);
  });

  it('every asset folder and file exists locally', () => {
    const a = assets();
    for (const dir of [a.standardFontDataUrl, a.cMapUrl, a.wasmUrl, a.iccUrl]) {
      expect(path.isAbsolute(dir)).toBe(true);
      expect(fs.readdirSync(dir).length).toBeGreaterThan(0);
    }
    // fax scans (JBIG2) and JPEG 2000 decode in WebAssembly
    expect(fs.existsSync(path.join(a.wasmUrl, 'jbig2.wasm'))).toBe(true);
    expect(fs.existsSync(path.join(a.wasmUrl, 'openjpeg.wasm'))).toBe(true);
    expect(fs.existsSync(path.join(a.langPath, 'eng.traineddata.gz'))).toBe(true);
    expect(fs.existsSync(a.tesseractWorkerPath)).toBe(true);
    expect(fs.readdirSync(a.tesseractCorePath).some((f) => f.endsWith('.wasm'))).toBe(true);
  });

  it('points packaged paths at the unpacked copy beside the asar', () => {
    expect(unpacked('/opt/app/resources/app.asar/node_modules/x')).toBe('/opt/app/resources/app.asar.unpacked/node_modules/x');
    expect(unpacked('C:\\app\\resources\\app.asar\\node_modules\\x')).toBe('C:\\app\\resources\\app.asar.unpacked\\node_modules\\x');
    expect(unpacked('/home/me/app/node_modules/x')).toBe('/home/me/app/node_modules/x');
  });
});
