/**
 * Reads what the app package checks need from a PNG: its size and, for the outline icon, whether every
 * pixel is white or fully transparent (Teams rejects outline icons with any other colour).
 * Handles 8-bit RGBA and RGB, non-interlaced: what scripts/make-icons.ts writes and what editors export.
 */
import { inflateSync } from 'node:zlib';

export interface PngInfo {
  width: number;
  height: number;
  colorType: number;
  bitDepth: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunks(png: Buffer): Array<{ type: string; data: Buffer }> {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  const found: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    found.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return found;
}

export function readPngInfo(png: Buffer): PngInfo {
  const header = chunks(png).find((c) => c.type === 'IHDR');
  if (!header || header.data.length < 13) throw new Error('PNG has no IHDR chunk');
  return {
    width: header.data.readUInt32BE(0),
    height: header.data.readUInt32BE(4),
    bitDepth: header.data.readUInt8(8),
    colorType: header.data.readUInt8(9),
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes to RGBA rows. Throws for layouts the icons should never use (palette, 16-bit, interlaced). */
export function decodeRgba(png: Buffer): { info: PngInfo; pixels: Buffer } {
  const info = readPngInfo(png);
  const channels = info.colorType === 6 ? 4 : info.colorType === 2 ? 3 : 0;
  if (info.bitDepth !== 8 || channels === 0) {
    throw new Error(`unsupported PNG layout (colour type ${info.colorType}, bit depth ${info.bitDepth}); use 8-bit RGB or RGBA`);
  }
  const raw = inflateSync(
    Buffer.concat(
      chunks(png)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data),
    ),
  );
  const stride = info.width * channels;
  const rows = Buffer.alloc(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predictor = filter === 0 ? 0 : filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : paeth(left, up, upLeft);
      rows[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  if (channels === 4) return { info, pixels: rows };
  const rgba = Buffer.alloc(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) {
    rgba.set([rows[i * 3] ?? 0, rows[i * 3 + 1] ?? 0, rows[i * 3 + 2] ?? 0, 255], i * 4);
  }
  return { info, pixels: rgba };
}

/** Counts pixels that are neither fully transparent nor pure white (at any opacity). */
export function countNonWhitePixels(png: Buffer): number {
  const { pixels } = decodeRgba(png);
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const transparent = pixels[i + 3] === 0;
    const white = pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255;
    if (!transparent && !white) count++;
  }
  return count;
}

/** True when at least one pixel is fully transparent: the outline icon needs a transparent background. */
export function hasTransparentPixels(png: Buffer): boolean {
  const { pixels } = decodeRgba(png);
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] === 0) return true;
  return false;
}
