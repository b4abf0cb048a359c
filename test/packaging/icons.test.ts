/**
 * The icon set in build/ (generated from assets/icon.svg by `npm run icons`): current with the drawing,
 * every size the targets need, .ico and .icns well formed (parsed here independently of the script that
 * wrote them), and accepted by electron-builder's own icon resolution, which rejects an .ico without a
 * 256 px image and is what the Windows and macOS packagers run.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ICO_SIZES, PNG_SIZES, makeIcons } from '../../scripts/make-icons';
import { ROOT, requireFromRoot } from './support';

const BUILD = join(ROOT, 'build');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const scratch = mkdtempSync(join(tmpdir(), 'wharf-icons-'));

after(() => rmSync(scratch, { recursive: true, force: true }));

/** Width, height, bit depth and colour type from a PNG's IHDR. */
function pngInfo(data: Buffer): { width: number; height: number; depth: number; colorType: number } {
  assert.ok(data.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature');
  assert.equal(data.toString('latin1', 12, 16), 'IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), depth: data[24]!, colorType: data[25]! };
}

interface IcoEntry {
  readonly size: number;
  readonly format: 'png' | 'bmp';
  readonly data: Buffer;
}

function parseIco(file: Buffer): IcoEntry[] {
  assert.equal(file.readUInt16LE(0), 0, 'reserved');
  assert.equal(file.readUInt16LE(2), 1, 'type: icon');
  const count = file.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    const size = file[at] || 256;
    assert.equal(file[at + 1] || 256, size, 'square');
    assert.equal(file.readUInt16LE(at + 6), 32, '32 bits per pixel');
    const length = file.readUInt32LE(at + 8);
    const offset = file.readUInt32LE(at + 12);
    assert.ok(offset + length <= file.length, 'entry inside the file');
    const data = file.subarray(offset, offset + length);
    if (data.subarray(0, 8).equals(PNG_SIGNATURE)) {
      const info = pngInfo(data);
      assert.deepEqual([info.width, info.height], [size, size]);
      entries.push({ size, format: 'png', data });
    } else {
      assert.equal(data.readUInt32LE(0), 40, 'BITMAPINFOHEADER');
      assert.equal(data.readInt32LE(4), size);
      assert.equal(data.readInt32LE(8), size * 2, 'height counts the AND mask');
      assert.equal(data.readUInt16LE(14), 32);
      assert.equal(length, 40 + size * size * 4 + Math.ceil(size / 32) * 4 * size, 'pixels and mask fill the entry');
      entries.push({ size, format: 'bmp', data });
    }
  }
  return entries;
}

/** Decodes an icns `is32`/`il32` channel stream (PackBits-like RLE). */
function unpackIcnsRle(data: Buffer): number {
  let i = 0;
  let out = 0;
  while (i < data.length) {
    const n = data[i]!;
    if (n < 0x80) {
      out += n + 1;
      i += n + 2;
    } else {
      out += n - 125;
      i += 2;
    }
  }
  assert.equal(i, data.length, 'RLE ends on a run boundary');
  return out;
}

function parseIcns(file: Buffer): Map<string, Buffer> {
  assert.equal(file.toString('latin1', 0, 4), 'icns');
  assert.equal(file.readUInt32BE(4), file.length, 'header length is the file length');
  const chunks = new Map<string, Buffer>();
  let at = 8;
  while (at < file.length) {
    const type = file.toString('latin1', at, at + 4);
    const length = file.readUInt32BE(at + 4);
    assert.ok(length >= 8 && at + length <= file.length, `${type} inside the file`);
    chunks.set(type, file.subarray(at + 8, at + length));
    at += length;
  }
  assert.equal(at, file.length);
  return chunks;
}

describe('icons in build/', () => {
  it('were generated from the current assets/icon.svg (run `npm run icons` after editing it)', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD, 'icons.json'), 'utf8')) as { sha256: string; files: string[] };
    const svg = readFileSync(join(ROOT, 'assets', 'icon.svg'));
    assert.equal(manifest.sha256, createHash('sha256').update(svg).digest('hex'));
    for (const file of manifest.files) assert.ok(readFileSync(join(BUILD, ...file.split('/'))).length > 0, file);
  });

  it('has the Linux PNG set, 16 to 1024 px, RGBA', () => {
    const names = readdirSync(join(BUILD, 'icons')).sort();
    assert.deepEqual(names, PNG_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const size of PNG_SIZES) {
      const info = pngInfo(readFileSync(join(BUILD, 'icons', `${size}x${size}.png`)));
      assert.deepEqual(info, { width: size, height: size, depth: 8, colorType: 6 }, `${size} px`);
    }
    assert.equal(pngInfo(readFileSync(join(BUILD, 'icon.png'))).width, 1024);
  });

  it('has a Windows .ico with 16 to 256 px, BMP up to 128 and PNG at 256', () => {
    const entries = parseIco(readFileSync(join(BUILD, 'icon.ico')));
    assert.deepEqual(entries.map((e) => e.size), [...ICO_SIZES]);
    for (const entry of entries) assert.equal(entry.format, entry.size <= 128 ? 'bmp' : 'png', `${entry.size} px`);
    // Not blank: a BMP entry has opaque pixels in its middle (the drawing fills the icon).
    const bmp16 = entries[0]!.data;
    const middle = 40 + (8 * 16 + 8) * 4;
    assert.equal(bmp16[middle + 3], 255);
  });

  it('has a macOS .icns with 16 to 1024 px and the @2x variants', () => {
    const chunks = parseIcns(readFileSync(join(BUILD, 'icon.icns')));
    const pngChunks: Record<string, number> = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    for (const [type, size] of Object.entries(pngChunks)) {
      const chunk = chunks.get(type);
      assert.ok(chunk, `${type} present`);
      const info = pngInfo(chunk);
      assert.deepEqual([info.width, info.height], [size, size], type);
    }
    assert.equal(unpackIcnsRle(chunks.get('is32')!), 16 * 16 * 3);
    assert.equal(chunks.get('s8mk')!.length, 16 * 16);
    assert.equal(unpackIcnsRle(chunks.get('il32')!), 32 * 32 * 3);
    assert.equal(chunks.get('l8mk')!.length, 32 * 32);
  });

  it("are accepted by electron-builder's icon resolution for Windows, macOS and Linux", async () => {
    const { convertIcon } = requireFromRoot('app-builder-lib/out/util/iconConverter.js') as {
      convertIcon(options: { sources: string[]; fallbackSources: string[]; roots: string[]; format: string; outDir: string }): Promise<{
        icons: { file: string; size: number }[];
        isFallback: boolean;
      }>;
    };
    const resolve = (format: string, sources: string[]) => convertIcon({ sources, fallbackSources: [], roots: [BUILD, ROOT], format, outDir: join(scratch, format) });

    const ico = await resolve('ico', ['build/icon.ico']);
    assert.equal(ico.isFallback, false);
    assert.deepEqual(ico.icons.map((i) => [i.file, i.size]), [[join(BUILD, 'icon.ico'), 256]]);

    const icns = await resolve('icns', ['build/icon.icns']);
    assert.deepEqual(icns.icons.map((i) => i.file), [join(BUILD, 'icon.icns')]);

    const set = await resolve('set', ['build/icons']);
    assert.deepEqual(set.icons.map((i) => i.size), [...PNG_SIZES]);
  });
});

describe('npm run icons (scripts/make-icons.ts)', () => {
  it('writes the whole set from the drawing', () => {
    const out = join(scratch, 'generated');
    const written = makeIcons(join(ROOT, 'assets', 'icon.svg'), out);
    const committed = (JSON.parse(readFileSync(join(BUILD, 'icons.json'), 'utf8')) as { files: string[] }).files;
    assert.deepEqual([...written].sort(), [...committed, 'icons.json'].sort());
    assert.equal(parseIco(readFileSync(join(out, 'icon.ico'))).length, ICO_SIZES.length);
    assert.equal(parseIcns(readFileSync(join(out, 'icon.icns'))).size, 12);
  });
});
