// Pictures of records (scans, phone photos, fax TIFFs) to grayscale pages. Phone photos
// carry their orientation in EXIF rather than in the pixels; we turn them upright here.
import { createRequire } from 'node:module';
import { rotate, toGray, type GrayImage } from './raster.ts';

const localRequire = createRequire(import.meta.url);

export interface DecodedPage {
  image: GrayImage;
  /** horizontal resolution when the file says, else a guess from a letter-size page */
  dpi: number;
}

/** Largest image we hand to OCR: a 12-megapixel photo of one page is plenty. */
const MAX_PIXELS = 12_000_000;

export async function decodeImage(bytes: Uint8Array, mime: string): Promise<DecodedPage[]> {
  if (mime === 'image/tiff') return decodeTiff(bytes);
  const { loadImage, createCanvas } = localRequire('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  let w = img.width, h = img.height;
  const scale = Math.min(1, Math.sqrt(MAX_PIXELS / (w * h)));
  w = Math.max(1, Math.round(w * scale));
  h = Math.max(1, Math.round(h * scale));
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(img, 0, 0, w, h);
  let gray = toGray(ctx.getImageData(0, 0, w, h).data, w, h);
  const turn = mime === 'image/jpeg' ? exifRotation(bytes) : 0;
  gray = rotate(gray, turn);
  return [{ image: gray, dpi: guessDpi(gray) }];
}

function decodeTiff(bytes: Uint8Array): DecodedPage[] {
  const UTIF = localRequire('utif2');
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const ifds = UTIF.decode(buf);
  const pages: DecodedPage[] = [];
  for (const ifd of ifds) {
    if (!ifd.t256 || !ifd.t257) continue; // thumbnails and EXIF directories have no size
    UTIF.decodeImage(buf, ifd);
    const rgba: Uint8Array = UTIF.toRGBA8(ifd);
    const image = toGray(rgba, ifd.width, ifd.height);
    const xres = Array.isArray(ifd.t282) ? Number(ifd.t282[0]) : 0;
    pages.push({ image, dpi: xres >= 72 && xres <= 1200 ? xres : guessDpi(image) });
  }
  return pages;
}

/** A record is usually a letter or A4 page: its short side is about 8.3 inches. */
function guessDpi(img: GrayImage): number {
  return Math.max(70, Math.min(600, Math.min(img.width, img.height) / 8.3));
}

/** Clockwise degrees to turn a JPEG upright, from its EXIF Orientation tag (1, 3, 6, 8). */
export function exifRotation(bytes: Uint8Array): number {
  const o = exifOrientation(bytes);
  return o === 3 ? 180 : o === 6 ? 90 : o === 8 ? 270 : 0;
}

function exifOrientation(b: Uint8Array): number {
  let i = 2;
  while (i + 4 < b.length && b[i] === 0xff) {
    const marker = b[i + 1];
    const len = (b[i + 2] << 8) | b[i + 3];
    if (marker === 0xe1 && b[i + 4] === 0x45 && b[i + 5] === 0x78 && b[i + 6] === 0x69 && b[i + 7] === 0x66) {
      const t = i + 10; // TIFF header after "Exif\0\0"
      const le = b[t] === 0x49;
      const u16 = (p: number) => (le ? b[p] | (b[p + 1] << 8) : (b[p] << 8) | b[p + 1]);
      const u32 = (p: number) => (le ? (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 2 ** 24 : b[p] * 2 ** 24 + ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]));
      const ifd = t + u32(t + 4);
      const n = ifd + 2 <= b.length ? u16(ifd) : 0;
      for (let k = 0; k < n; k++) {
        const e = ifd + 2 + k * 12;
        if (e + 10 > b.length) break;
        if (u16(e) === 0x0112) return u16(e + 8);
      }
      return 1;
    }
    if (marker === 0xda) break; // image data starts: no EXIF before it
    i += 2 + len;
  }
  return 1;
}
