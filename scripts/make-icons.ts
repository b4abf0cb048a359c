/**
 * `npm run icons`: renders assets/icon.svg, the one source drawing, into every icon the installers need,
 * in build/ (electron-builder's buildResources), so the generated files are committed next to the config:
 * - build/icons/NxN.png, N = 16 ... 1024: the Linux set (AppImage and deb install them into hicolor);
 * - build/icon.png (1024 px): the fallback electron-builder looks for;
 * - build/icon.ico: Windows (exe, NSIS installer and uninstaller), 16 ... 256 px, drawn cropped to the
 *   tile so it fills the few pixels Windows gives it; 32-bit BMP entries up to 128 px and PNG at 256 px,
 *   the layout every Windows version and makensis read;
 * - build/icon.icns: macOS, the 16 and 32 px legacy RGB + mask entries and PNG entries from 128 px up,
 *   with the @2x variants (ic11 ... ic14);
 * - build/icons.json: the SHA-256 of the drawing the set was made from (a test checks it is current).
 *
 * Every size is rendered from the SVG (never downscaled from a big bitmap), by @resvg/resvg-js: a Rust
 * renderer shipped prebuilt in the npm package, so this runs anywhere `npm install` does.
 */
import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The Linux PNG set's sizes (also the sizes every other format draws from). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

/** The sizes in icon.ico. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** icon.ico entries at or below this size are BMP, above it PNG. */
const ICO_BMP_MAX = 128;

/** The icns entries: OS type and pixel size. `is32`/`il32` come with their 8-bit masks. */
export const ICNS_PNG_ENTRIES: readonly (readonly [type: string, size: number])[] = [
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** The drawing's tile (the macOS grid puts an 824 px tile in a 1024 px canvas): the ICO crops to it. */
const TILE_VIEWBOX = '100 100 824 824';

/** A rendered image: straight (not premultiplied) RGBA pixels and the same image as PNG. */
export interface Rendered {
  readonly size: number;
  readonly rgba: Buffer;
  readonly png: Buffer;
}

/** Renders the SVG at `size` x `size`; `cropToTile` swaps the canvas viewBox for the tile's. */
export function render(svg: string, size: number, cropToTile = false): Rendered {
  const source = cropToTile ? svg.replace(/viewBox="[^"]*"/, `viewBox="${TILE_VIEWBOX}"`) : svg;
  const image = new Resvg(source, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  if (image.width !== size || image.height !== size) throw new Error(`rendered ${image.width}x${image.height}, wanted ${size}x${size}`);
  return { size, rgba: unpremultiply(Buffer.from(image.pixels)), png: Buffer.from(image.asPng()) };
}

/** resvg's raw pixels are premultiplied by alpha; BMP and icns masks want straight colour. */
function unpremultiply(pixels: Buffer): Buffer {
  const out = Buffer.from(pixels);
  for (let i = 0; i < out.length; i += 4) {
    const a = out[i + 3]!;
    if (a === 0 || a === 255) continue;
    for (let c = 0; c < 3; c++) out[i + c] = Math.min(255, Math.round((out[i + c]! * 255) / a));
  }
  return out;
}

/** One ICO entry as a 32-bit BMP (BITMAPINFOHEADER, bottom-up BGRA, then the 1-bit AND mask). */
function bmpEntry({ size, rgba }: Rendered): Buffer {
  const maskStride = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(0, 16); // BI_RGB
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const src = (y * size + x) * 4;
      const dst = (row * size + x) * 4;
      pixels[dst] = rgba[src + 2]!;
      pixels[dst + 1] = rgba[src + 1]!;
      pixels[dst + 2] = rgba[src]!;
      pixels[dst + 3] = rgba[src + 3]!;
      const bit = row * maskStride + (x >> 3);
      if (rgba[src + 3] === 0) mask[bit] = mask[bit]! | (0x80 >> (x & 7));
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** An .ico file from rendered images (BMP up to 128 px, PNG above). */
export function encodeIco(images: readonly Rendered[]): Buffer {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(images.length, 4);
  const bodies = images.map((image) => (image.size <= ICO_BMP_MAX ? bmpEntry(image) : image.png));
  let offset = dir.length;
  images.forEach((image, i) => {
    const at = 6 + 16 * i;
    dir.writeUInt8(image.size >= 256 ? 0 : image.size, at);
    dir.writeUInt8(image.size >= 256 ? 0 : image.size, at + 1);
    dir.writeUInt8(0, at + 2); // no palette
    dir.writeUInt8(0, at + 3);
    dir.writeUInt16LE(1, at + 4); // planes
    dir.writeUInt16LE(32, at + 6); // bits per pixel
    dir.writeUInt32LE(bodies[i]!.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += bodies[i]!.length;
  });
  return Buffer.concat([dir, ...bodies]);
}

/** The icns RLE for one channel, written as literal runs only (a valid encoding every reader accepts). */
function icnsLiteralRuns(channel: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < channel.length; i += 128) {
    const chunk = channel.subarray(i, i + 128);
    parts.push(Buffer.from([chunk.length - 1]), chunk);
  }
  return Buffer.concat(parts);
}

/** `is32`/`il32` data (R, G and B planes, each run-length coded) and the `s8mk`/`l8mk` alpha mask. */
function icnsLegacy({ size, rgba }: Rendered): { rgb: Buffer; mask: Buffer } {
  const n = size * size;
  const planes = [Buffer.alloc(n), Buffer.alloc(n), Buffer.alloc(n)];
  const mask = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) planes[c]![i] = rgba[i * 4 + c]!;
    mask[i] = rgba[i * 4 + 3]!;
  }
  return { rgb: Buffer.concat(planes.map(icnsLiteralRuns)), mask };
}

function icnsChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(data.length + 8, 4);
  return Buffer.concat([head, data]);
}

/** An .icns file: 16 and 32 px as RGB + mask, the rest as PNG; `bySize` holds every size needed. */
export function encodeIcns(bySize: ReadonlyMap<number, Rendered>): Buffer {
  const get = (size: number) => {
    const image = bySize.get(size);
    if (!image) throw new Error(`icns needs a ${size} px rendering`);
    return image;
  };
  const small = icnsLegacy(get(16));
  const large = icnsLegacy(get(32));
  const chunks = [
    icnsChunk('is32', small.rgb),
    icnsChunk('s8mk', small.mask),
    icnsChunk('il32', large.rgb),
    icnsChunk('l8mk', large.mask),
    ...ICNS_PNG_ENTRIES.map(([type, size]) => icnsChunk(type, get(size).png)),
  ];
  // The file is itself a chunk: 'icns' and the whole file's length.
  return icnsChunk('icns', Buffer.concat(chunks));
}

/** Writes the whole set from `svgPath` into `outDir`; returns the files written, relative to `outDir` ('/'-separated). */
export function makeIcons(svgPath: string, outDir: string): string[] {
  const svg = readFileSync(svgPath, 'utf8');
  const written: string[] = [];
  const write = (name: string, data: Buffer) => {
    writeFileSync(join(outDir, ...name.split('/')), data);
    written.push(name);
  };
  mkdirSync(join(outDir, 'icons'), { recursive: true });

  const full = new Map<number, Rendered>(PNG_SIZES.map((size) => [size, render(svg, size)]));
  for (const [size, image] of full) write(`icons/${size}x${size}.png`, image.png);
  write('icon.png', full.get(1024)!.png);
  write('icon.ico', encodeIco(ICO_SIZES.map((size) => render(svg, size, true))));
  write('icon.icns', encodeIcns(full));
  const manifest = {
    source: 'assets/icon.svg',
    sha256: createHash('sha256').update(readFileSync(svgPath)).digest('hex'),
    generatedBy: 'npm run icons (scripts/make-icons.ts)',
    files: [...written].sort(),
  };
  write('icons.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = makeIcons(join(root, 'assets', 'icon.svg'), join(root, 'build'));
  console.log(`make-icons: wrote ${files.length} files to build/`);
}
