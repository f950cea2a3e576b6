// Local paths of every asset pdf.js and tesseract.js would otherwise fetch from a CDN.
// Nothing here is a URL: the pipeline must work on a laptop with no network.
import { createRequire } from 'node:module';
import path from 'node:path';

const localRequire = createRequire(import.meta.url);

/** Packaged apps keep these files unpacked beside the asar archive (see electron-builder.yml). */
export function unpacked(p: string): string {
  return p.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

const dirOf = (pkg: string) => unpacked(path.dirname(localRequire.resolve(`${pkg}/package.json`)));

let cached: Assets | null = null;

export interface Assets {
  pdfjsDir: string;
  standardFontDataUrl: string;
  cMapUrl: string;
  wasmUrl: string;
  iccUrl: string;
  tesseractWorkerPath: string;
  tesseractCorePath: string;
  /** folder holding eng.traineddata.gz (LSTM-only "best_int" model) */
  langPath: string;
}

export function assets(): Assets {
  if (cached) return cached;
  const pdfjs = dirOf('pdfjs-dist');
  const slash = (p: string) => p.endsWith(path.sep) ? p : p + path.sep;
  const tess = dirOf('tesseract.js');
  cached = {
    pdfjsDir: pdfjs,
    standardFontDataUrl: slash(path.join(pdfjs, 'standard_fonts')),
    cMapUrl: slash(path.join(pdfjs, 'cmaps')),
    wasmUrl: slash(path.join(pdfjs, 'wasm')),
    iccUrl: slash(path.join(pdfjs, 'iccs')),
    tesseractWorkerPath: path.join(tess, 'src', 'worker-script', 'node', 'index.js'),
    tesseractCorePath: dirOf('tesseract.js-core'),
    langPath: path.join(dirOf('@tesseract.js-data/eng'), '4.0.0_best_int'),
  };
  return cached;
}
