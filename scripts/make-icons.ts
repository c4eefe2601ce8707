/**
 * Draws the Teams app icons (manifest/color.png 192x192, manifest/outline.png 32x32) with plain Node:
 * a shield with a tick, rasterised with 4x4 supersampling and written as RGBA PNGs through zlib.
 * The PNGs are committed; run `npx tsx scripts/make-icons.ts` only when the design changes.
 * Teams rules: the colour icon fills its square; the outline icon is white on a transparent background.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Rgba = readonly [number, number, number, number];
/** Coverage test in unit coordinates: x and y in [0, 1], origin top left. */
type Shape = (x: number, y: number) => boolean;

const BRAND: Rgba = [0x1b, 0x4f, 0x72, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** A shield: straight sides for the top half, then curving to a point at the bottom. */
function shield(inset: number): Shape {
  const top = 0.16 + inset;
  const bottom = 0.86 - inset * 1.4;
  const half = 0.31 - inset;
  return (x, y) => {
    if (y < top || y > bottom) return false;
    const t = (y - top) / (bottom - top);
    const width = t < 0.45 ? half : half * Math.sqrt(Math.max(0, 1 - ((t - 0.45) / 0.55) ** 2));
    return Math.abs(x - 0.5) <= width;
  };
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function tick(thickness: number): Shape {
  return (x, y) => distanceToSegment(x, y, 0.37, 0.5, 0.47, 0.6) <= thickness || distanceToSegment(x, y, 0.47, 0.6, 0.65, 0.4) <= thickness;
}

/** Paints layers in order; each layer's colour is blended by its supersampled coverage. */
function render(size: number, background: Rgba, layers: Array<[Shape, Rgba]>): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = background.map((c) => c / 255) as [number, number, number, number];
      for (const [shape, colour] of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            if (shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits++;
          }
        }
        const coverage = (hits / (samples * samples)) * (colour[3] / 255);
        if (coverage === 0) continue;
        // Porter-Duff "over" with straight (non-premultiplied) alpha.
        const outA = coverage + a * (1 - coverage);
        const mix = (top: number, under: number): number => (top * coverage + under * a * (1 - coverage)) / outA;
        r = mix(colour[0] / 255, r);
        g = mix(colour[1] / 255, g);
        b = mix(colour[2] / 255, b);
        a = outA;
      }
      pixels.set(
        [r, g, b, a].map((c) => Math.round(c * 255)),
        (py * size + px) * 4,
      );
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Minimal PNG: 8-bit RGBA, no interlace, filter type 0 on every row. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function drawColorIcon(): Buffer {
  return render(192, BRAND, [
    [shield(0), WHITE],
    [tick(0.035), BRAND],
  ]);
}

export function drawOutlineIcon(): Buffer {
  const outer = shield(0);
  const inner = shield(0.075);
  const ring: Shape = (x, y) => outer(x, y) && !inner(x, y);
  const mark = tick(0.06);
  return render(32, [0, 0, 0, 0], [[(x, y) => ring(x, y) || mark(x, y), WHITE]]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('../manifest/', import.meta.url);
  writeFileSync(new URL('color.png', dir), drawColorIcon());
  writeFileSync(new URL('outline.png', dir), drawOutlineIcon());
  console.log('Wrote manifest/color.png (192x192) and manifest/outline.png (32x32).');
}
