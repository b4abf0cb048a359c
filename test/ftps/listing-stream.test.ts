import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { test } from 'node:test';
import type { RemoteEntry } from '../../common/models';
import { WharfError } from '../../main/core/errors';
import { parseListing, type ListingFormat } from '../../main/ftps/listing';
import { assertListingLines, ListingReader } from '../../main/ftps/listing-stream';

const NOW = new Date('2026-06-15T12:00:00Z');

/** Feeds `text` to a reader in chunks of the given sizes (cycled), cutting lines and UTF-8 characters anywhere. */
function readInChunks(text: string, format: ListingFormat, sizes: readonly number[], maxLines = 1_000_000) {
  const batches: { from: number; entries: readonly RemoteEntry[] }[] = [];
  const reader = new ListingReader({
    format,
    timezoneOffsetMinutes: 0,
    now: NOW,
    decode: (bytes) => bytes.toString('utf8'),
    maxLines,
    tooManyLines: () => new WharfError('ftp', 'too many'),
    maxBytes: 1_000_000,
    tooManyBytes: () => new WharfError('ftp', 'too large'),
    onBatch: (from, entries) => batches.push({ from, entries }),
  });
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    reader.push(bytes.subarray(at, at + size));
    at += size;
  }
  return { entries: reader.finish(), batches };
}

const byName = (a: RemoteEntry, b: RemoteEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function unixListing(count: number): string {
  const lines = ['total 12'];
  for (let i = 0; i < count; i++) lines.push(`-rw-r--r--    1 ftp      ftp    ${i} Jun 10 14:22 r-${String(i).padStart(5, '0')}-é€.dat`);
  lines.push('drwxr-xr-x    2 ftp      ftp    4096 Jun 10 14:22 .', 'drwxr-xr-x    2 ftp      ftp    4096 Jun 10 14:22 sub folder', 'not a listing line');
  return `${lines.join('\r\n')}\r\n`;
}

test('a LIST listing read in chunks of any size gives what parseListing gives, batch by batch in order', () => {
  const text = unixListing(3000);
  const whole = parseListing(text, { format: 'list', timezoneOffsetMinutes: 0, now: NOW });
  for (const sizes of [[1], [7, 13], [1000], [65536], [text.length * 2]]) {
    const { entries, batches } = readInChunks(text, 'list', sizes);
    assert.deepEqual(entries, whole, `chunks of ${sizes.join(',')}`);
    // The batches, put together, are the listing in order; the first is small so the first rows show early.
    assert.deepEqual(batches.flatMap((b) => b.entries), whole);
    let next = 0;
    for (const b of batches) {
      assert.equal(b.from, next);
      next += b.entries.length;
    }
  }
  assert.ok(readInChunks(text, 'list', [1]).batches.length > 1);
});

test('an MLSD listing in chunks settles links named by their unique fact at the end, as parseListing does', () => {
  const lines = ['type=cdir;unique=1; .', 'type=OS.unix=symlink;unique=9; link', 'type=file;size=3;modify=20260101120000;unique=5; a.txt'];
  for (let i = 0; i < 2000; i++) lines.push(`type=file;size=${i};modify=20260101120000;UNIX.mode=0644;unique=u${i}; f${i}`);
  lines.push('type=dir;unique=9; /elsewhere', 'type=dir;unique=7; kept/with slash', 'no-facts-here');
  const text = lines.join('\r\n');
  const whole = parseListing(text, { format: 'mlsd', timezoneOffsetMinutes: 0, now: NOW });
  const { entries, batches } = readInChunks(text, 'mlsd', [333]);
  assert.deepEqual([...entries].sort(byName), [...whole].sort(byName));
  assert.equal(entries.find((e) => e.name === 'link')?.linkTarget, '/elsewhere');
  // What was handed out early is the beginning of the answer, the very same objects.
  const early = batches.flatMap((b) => b.entries);
  early.forEach((e, i) => assert.equal(entries[i], e));
  assert.ok(!early.some((e) => e.name === 'link'));
});

test('a listing with more lines than allowed is refused while it arrives', () => {
  assert.throws(() => readInChunks(unixListing(50), 'list', [64], 20), /too many/);
});

test('a line that never ends is refused past the byte limit', () => {
  assert.throws(() => readInChunks('x'.repeat(1_100_000), 'list', [65536]), /too large/);
});

test('an abandoned listing parses nothing more', () => {
  const reader = new ListingReader({
    format: 'list', timezoneOffsetMinutes: 0, now: NOW, decode: (b) => b.toString('utf8'), maxLines: 100, tooManyLines: () => new WharfError('ftp', 'x'), maxBytes: 1e6, tooManyBytes: () => new WharfError('ftp', 'y'),
  });
  reader.push(Buffer.from(unixListing(2)));
  reader.abandon();
  reader.push(Buffer.from(unixListing(5)));
  assert.equal(reader.finish().length, 3);
});

test('a line longer than maxLineBytes stops the listing with lineTooLong, whether it spans chunks or ends the listing', () => {
  const reader = () =>
    new ListingReader({
      format: 'list',
      timezoneOffsetMinutes: 0,
      now: NOW,
      decode: (bytes) => bytes.toString('utf8'),
      maxLines: 1_000,
      tooManyLines: () => new WharfError('ftp', 'too many'),
      maxBytes: 1_000_000,
      tooManyBytes: () => new WharfError('ftp', 'too large'),
      maxLineBytes: 100,
      lineTooLong: () => new WharfError('ftp', 'line too long'),
    });
  const good = '-rw-r--r-- 1 ftp ftp 1 Jan 01 00:00 a.txt\r\n';
  const spanning = reader();
  spanning.push(Buffer.from(good + 'x'.repeat(60)));
  assert.throws(() => spanning.push(Buffer.from('x'.repeat(60))), /line too long/);
  const endedByBreak = reader();
  endedByBreak.push(Buffer.from('y'.repeat(80)));
  assert.throws(() => endedByBreak.push(Buffer.from(`${'y'.repeat(40)}\r\n${good}`)), /line too long/);
  const withinBound = reader();
  withinBound.push(Buffer.from(good + good));
  assert.deepEqual(withinBound.finish().map((e) => e.name), ['a.txt', 'a.txt']);
});

test('the line rule is one: a listing read whole (assertListingLines) is refused exactly where the streamed reader refuses it', () => {
  const limits = { maxLines: 3, tooManyLines: () => new WharfError('ftp', 'too many'), maxLineBytes: 10, lineTooLong: () => new WharfError('ftp', 'line too long') };
  /** What the reader says of `text` in chunks of `size` bytes: 'ok' or its error's message. */
  const streamed = (text: string, size: number, encoding: BufferEncoding): string => {
    const reader = new ListingReader({ format: 'list', timezoneOffsetMinutes: 0, now: NOW, decode: (bytes) => bytes.toString(encoding), maxBytes: 1_000_000, tooManyBytes: () => new WharfError('ftp', 'too large'), ...limits });
    try {
      const bytes = Buffer.from(text, encoding);
      for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size));
      reader.finish();
      return 'ok';
    } catch (error) {
      return (error as Error).message;
    }
  };
  const whole = (text: string, encoding: BufferEncoding): string => {
    try {
      assertListingLines(text, limits, encoding);
      return 'ok';
    } catch (error) {
      return (error as Error).message;
    }
  };
  const cases: [string, string][] = [
    ['a\nb\nc\n', 'ok'],
    ['a\nb\nc', 'ok'],
    ['a\nb\nc\nd\n', 'too many'],
    ['a\nb\nc\nd', 'too many'], // the last line counts without its line break
    ['\n\n\n', 'ok'],
    ['\n\n\n\n', 'too many'],
    ['0123456789\n', 'ok'], // exactly the longest line
    ['0123456789a\n', 'line too long'],
    ['012345678\r\n', 'ok'], // its CR counts, its LF not
    ['0123456789\r\n', 'line too long'],
    ['a\n0123456789a', 'line too long'], // an unterminated last line too
    ['ééééé\n', 'ok'], // 10 bytes in UTF-8
    ['éééééé\n', 'line too long'], // 6 characters, 12 bytes
    ['€€€\n', 'ok'], // 9 bytes
    ['€€€€\n', 'line too long'], // 4 characters, 12 bytes
  ];
  for (const [text, expected] of cases) {
    for (const size of [1, 3, 64]) assert.equal(streamed(text, size, 'utf8'), expected, `streamed in ${size}-byte chunks: ${JSON.stringify(text)}`);
    assert.equal(whole(text, 'utf8'), expected, `read whole: ${JSON.stringify(text)}`);
  }
  // latin1 (a site's other charset): one byte per character, so "é" x 10 is 10 bytes, x 11 is over.
  assert.equal(whole('éééééééééé\n', 'latin1'), 'ok');
  assert.equal(streamed('éééééééééé\n', 7, 'latin1'), 'ok');
  assert.equal(whole('ééééééééééé\n', 'latin1'), 'line too long');
  assert.equal(streamed('ééééééééééé\n', 7, 'latin1'), 'line too long');
});
