// A page as a PNG picture, for showing a fact's evidence on the page it was read from.
import { createRequire } from 'node:module';
import { sniff } from './sniff.ts';
import { openPdf } from './pdf-open.ts';
import { decodeImage } from './image-decode.ts';
import { rotate, type GrayImage } from './raster.ts';

const localRequire = createRequire(import.meta.url);
const MAX_SIDE = 4000;

export async function renderPageToPng(bytes: Uint8Array, page: number, scale: number, turn = 0, password?: string): Promise<{ png: Uint8Array; width: number; height: number }> {
  const { createCanvas } = localRequire('@napi-rs/canvas');
  const kind = sniff(bytes);
  if (kind.type === 'image') {
    const pages = await decodeImage(bytes, kind.mime!);
    const p = pages[page - 1];
    if (!p) throw new Error('no such page');
    return grayToPng(rotate(p.image, turn), createCanvas);
  }
  if (kind.type !== 'pdf') throw new Error('not a paged document');
  const { doc, close } = await openPdf(bytes, password);
  try {
    const pdfPage = await doc.getPage(page);
    const base = pdfPage.getViewport({ scale: 1 });
    const s = Math.min(scale, MAX_SIDE / Math.max(base.width, base.height));
    const viewport = pdfPage.getViewport({ scale: s, rotation: (pdfPage.rotate + turn) % 360 });
    const w = Math.ceil(viewport.width), h = Math.ceil(viewport.height);
    const canvas = createCanvas(w, h);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, w, h);
    await pdfPage.render({ canvasContext: context, canvas, viewport } as any).promise;
    return { png: new Uint8Array(await canvas.encode('png')), width: w, height: h };
  } finally {
    await close();
  }
}

async function grayToPng(img: GrayImage, createCanvas: (w: number, h: number) => any) {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(img.width, img.height);
  for (let i = 0, k = 0; i < img.data.length; i++, k += 4) {
    data.data[k] = data.data[k + 1] = data.data[k + 2] = img.data[i];
    data.data[k + 3] = 255;
  }
  ctx.putImageData(data, 0, 0);
  return { png: new Uint8Array(await canvas.encode('png')), width: img.width, height: img.height };
}
