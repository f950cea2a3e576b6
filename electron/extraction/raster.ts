// Grayscale page images: conversion, turning, and the cheap measurements that decide
// whether a scan is blank or sideways before we spend OCR time on it. Pure functions on
// byte arrays, so they run (and are tested) without a canvas.

export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** RGBA (canvas ImageData order) to 8-bit luma, ITU-R BT.601 weights in fixed point. */
export function toGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const n = width * height;
  const data = new Uint8Array(n);
  for (let i = 0, k = 0; i < n; i++, k += 4) {
    // transparent pixels are paper, not ink
    const a = rgba[k + 3];
    const y = (rgba[k] * 77 + rgba[k + 1] * 150 + rgba[k + 2] * 29) >> 8;
    data[i] = a === 255 ? y : 255 - (((255 - y) * a) >> 8);
  }
  return { data, width, height };
}

/** Turn clockwise by 90, 180 or 270 degrees. */
export function rotate(img: GrayImage, degrees: number): GrayImage {
  const d = ((degrees % 360) + 360) % 360;
  if (d === 0) return img;
  const { data, width: w, height: h } = img;
  const out = new Uint8Array(w * h);
  if (d === 180) {
    for (let i = 0, j = w * h - 1; i < w * h; i++, j--) out[j] = data[i];
    return { data: out, width: w, height: h };
  }
  // 90 clockwise: (x, y) -> (h - 1 - y, x); 270: (x, y) -> (y, w - 1 - x)
  const nw = h, nh = w;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const v = data[row + x];
      if (d === 90) out[x * nw + (h - 1 - y)] = v;
      else out[(w - 1 - x) * nw + y] = v;
    }
  }
  return { data: out, width: nw, height: nh };
}

/** Binary PGM (P5): the smallest header Leptonica reads, so no PNG encode/decode round trip. */
export function toPgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}

/** Shrink by an integer factor, averaging blocks (for fast measurements only). */
export function shrink(img: GrayImage, factor: number): GrayImage {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return img;
  const w = Math.floor(img.width / f), h = Math.floor(img.height / f);
  const out = new Uint8Array(w * h);
  const area = f * f;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * img.width + x * f;
        for (let dx = 0; dx < f; dx++) sum += img.data[row + dx];
      }
      out[y * w + x] = Math.round(sum / area);
    }
  }
  return { data: out, width: w, height: h };
}

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsu(img: GrayImage): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]]++;
  const total = img.data.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * hist[t];
  let sumB = 0, wB = 0, best = 0, bestT = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t];
    const mB = sumB / wB, mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) { best = between; bestT = t; }
  }
  return bestT;
}

/**
 * Share of the page that is ink: pixels clearly darker than the paper. Scanner noise and
 * speckle on an empty page stay well under a tenth of a percent of the area.
 */
export function inkShare(img: GrayImage): number {
  const small = shrink(img, Math.max(1, Math.round(img.width / 600)));
  const t = Math.min(otsu(small), 160);
  let ink = 0;
  for (let i = 0; i < small.data.length; i++) if (small.data[i] <= t) ink++;
  return ink / small.data.length;
}

/**
 * Whether the ink is organised in horizontal lines (upright or upside-down text) or
 * vertical ones (a page scanned sideways). Lines of text leave blank rows between them
 * but almost no blank columns inside the text block; turned 90 degrees it is the reverse.
 * Returns (share of blank rows) - (share of blank columns) inside the inked area, margins
 * cropped so scanner-edge shadows do not count: > 0 upright, < 0 sideways, near 0 unsure.
 */
export function lineOrientation(img: GrayImage): number {
  const small = shrink(img, Math.max(1, Math.round(Math.max(img.width, img.height) / 1000)));
  const t = Math.min(otsu(small), 160);
  const mx = Math.floor(small.width * 0.04), my = Math.floor(small.height * 0.04);
  const w = small.width - 2 * mx, h = small.height - 2 * my;
  if (w <= 0 || h <= 0) return 0;
  const rows = new Uint32Array(h), cols = new Uint32Array(w);
  for (let y = 0; y < h; y++) {
    const row = (y + my) * small.width + mx;
    for (let x = 0; x < w; x++) if (small.data[row + x] <= t) { rows[y]++; cols[x]++; }
  }
  return blankShare(rows, w) - blankShare(cols, h);
}

/** Share of profile entries with (almost) no ink, between the first and last inked entry. */
function blankShare(profile: Uint32Array, across: number): number {
  const floor = Math.max(2, across * 0.004); // a few specks of noise do not make a line
  let first = -1, last = -1;
  for (let i = 0; i < profile.length; i++) if (profile[i] > floor) { if (first < 0) first = i; last = i; }
  if (first < 0 || last <= first) return 0;
  let blank = 0;
  for (let i = first; i <= last; i++) if (profile[i] <= floor) blank++;
  return blank / (last - first + 1);
}

/** Packed RGB (pdf.js RGB_24BPP) to 8-bit luma, with the same weights as toGray. */
export function rgbToGray(rgb: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const n = width * height;
  const data = new Uint8Array(n);
  for (let i = 0, k = 0; i < n; i++, k += 3) data[i] = (rgb[k] * 77 + rgb[k + 1] * 150 + rgb[k + 2] * 29) >> 8;
  return { data, width, height };
}

/** 1 bit per pixel, rows padded to whole bytes, a set bit white (pdf.js GRAYSCALE_1BPP) to 0/255. */
export function bitsToGray(bits: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  const stride = (width + 7) >> 3;
  for (let y = 0; y < height; y++) {
    const row = y * stride, out = y * width;
    for (let x = 0; x < width; x++) data[out + x] = (bits[row + (x >> 3)] >> (7 - (x & 7))) & 1 ? 255 : 0;
  }
  return { data, width, height };
}

/**
 * Resample to width × height with bilinear interpolation on pixel centres: what a canvas
 * does when it draws a scan larger (pdf.js renders a 150 dpi scan at 200 dpi this way), at a
 * fraction of the cost of drawing RGBA and reading it back. Meant for enlarging; shrinking
 * by more than half would skip pixels.
 */
export function resizeBilinear(img: GrayImage, width: number, height: number): GrayImage {
  const { data: src, width: sw, height: sh } = img;
  if (width === sw && height === sh) return img;
  const out = new Uint8Array(width * height);
  // per column: left source index and weight of the right neighbour, in 1/256ths
  const x0s = new Int32Array(width), x1s = new Int32Array(width), fxs = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    const sx = Math.min(sw - 1, Math.max(0, ((x + 0.5) * sw) / width - 0.5));
    const x0 = Math.floor(sx);
    x0s[x] = x0; x1s[x] = Math.min(sw - 1, x0 + 1); fxs[x] = Math.round((sx - x0) * 256);
  }
  for (let y = 0; y < height; y++) {
    const sy = Math.min(sh - 1, Math.max(0, ((y + 0.5) * sh) / height - 0.5));
    const y0 = Math.floor(sy), y1 = Math.min(sh - 1, y0 + 1), fy = Math.round((sy - y0) * 256);
    const r0 = y0 * sw, r1 = y1 * sw, o = y * width;
    for (let x = 0; x < width; x++) {
      const fx = fxs[x], a = x0s[x], b = x1s[x];
      const top = src[r0 + a] * (256 - fx) + src[r0 + b] * fx;
      const bottom = src[r1 + a] * (256 - fx) + src[r1 + b] * fx;
      out[o + x] = (top * (256 - fy) + bottom * fy + 32768) >> 16;
    }
  }
  return { data: out, width, height };
}
