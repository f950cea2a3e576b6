import { describe, expect, it } from 'vitest';
import { bitsToGray, inkShare, lineOrientation, otsu, resizeBilinear, rgbToGray, rotate, toGray, toPgm, type GrayImage } from '../../../electron/extraction/raster.ts';

function img(w: number, h: number, fill = 255): GrayImage {
  return { data: new Uint8Array(w * h).fill(fill), width: w, height: h };
}

/** A fake page: `rows` lines of "text" (dark dashes with gaps), like a printed report. */
function page(w = 600, h = 800, rows = 20): GrayImage {
  const p = img(w, h);
  for (let r = 0; r < rows; r++) {
    const y0 = 60 + r * 34;
    for (let y = y0; y < y0 + 14; y++) {
      for (let x = 60; x < w - 60; x++) if ((x % 23) < 17) p.data[y * w + x] = 20;
    }
  }
  return p;
}

describe('raster', () => {
  it('converts RGBA to luma and treats transparency as paper', () => {
    const rgba = new Uint8Array([255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 0]);
    expect([...toGray(rgba, 3, 1).data]).toEqual([255, 0, 255]);
  });

  it('rotates by quarter turns and back', () => {
    const a = { data: new Uint8Array([1, 2, 3, 4, 5, 6]), width: 3, height: 2 };
    const r90 = rotate(a, 90);
    expect([r90.width, r90.height]).toEqual([2, 3]);
    expect([...r90.data]).toEqual([4, 1, 5, 2, 6, 3]);
    expect([...rotate(r90, 270).data]).toEqual([...a.data]);
    expect([...rotate(rotate(a, 180), 180).data]).toEqual([...a.data]);
  });

  it('writes a binary PGM header Leptonica reads', () => {
    const pgm = toPgm(img(4, 2, 7));
    expect(new TextDecoder().decode(pgm.subarray(0, 11))).toBe('P5\n4 2\n255\n');
    expect(pgm.length).toBe(11 + 8);
  });

  it('finds the ink/paper threshold', () => {
    const two = img(10, 10);
    two.data.fill(10, 0, 30);
    const t = otsu(two);
    expect(t).toBeGreaterThanOrEqual(10);
    expect(t).toBeLessThan(255);
  });

  it('tells a blank or speckled scan from a page of text', () => {
    const speckled = img(1200, 1600);
    for (let i = 0; i < 400; i++) speckled.data[(i * 7919) % speckled.data.length] = 0;
    expect(inkShare(speckled)).toBeLessThan(0.002);
    expect(inkShare(page())).toBeGreaterThan(0.02);
  });

  it('tells upright text from text scanned sideways', () => {
    const upright = page();
    expect(lineOrientation(upright)).toBeGreaterThan(0.1);
    expect(lineOrientation(rotate(upright, 90))).toBeLessThan(-0.1);
    expect(lineOrientation(rotate(upright, 270))).toBeLessThan(-0.1);
    expect(lineOrientation(rotate(upright, 180))).toBeGreaterThan(0.1);
  });
});

describe('decoded scans to grey', () => {
  it('converts packed RGB and 1-bit rows (set bit white, rows padded to bytes)', () => {
    expect([...rgbToGray(new Uint8Array([255, 255, 255, 0, 0, 0, 255, 0, 0]), 3, 1).data]).toEqual([255, 0, 76]);
    // 10 pixels a row: two bytes per row
    const bits = new Uint8Array([0b10100000, 0b01000000, 0b11111111, 0b11000000]);
    expect([...bitsToGray(bits, 10, 2).data]).toEqual([255, 0, 255, 0, 0, 0, 0, 0, 0, 255, ...Array(10).fill(255)]);
  });

  it('enlarges with bilinear interpolation on pixel centres', () => {
    const src = { data: new Uint8Array([0, 255]), width: 2, height: 1 };
    const big = resizeBilinear(src, 4, 1);
    expect([...big.data]).toEqual([0, 64, 191, 255]);
    expect(resizeBilinear(src, 2, 1)).toBe(src);
    const flat = resizeBilinear(img(3, 3, 90), 4, 4);
    expect(flat.data.every((v) => v === 90)).toBe(true);
  });
});
