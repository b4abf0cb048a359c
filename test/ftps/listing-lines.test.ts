/**
 * What every listing format shares (main/ftps/listing-lines.ts, and the format choice in listing.ts): line
 * endings, blank and unreadable lines, the single-line parsers, and times from a broken clock or offset.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDosLine, parseListing, parseMlsdLine, parseUnixLine } from '../../main/ftps/listing';
import { NOW } from './listing-support';

test('an empty listing, or one with only blanks and total, has no entries', () => {
  for (const text of ['', '  \r\n  \r\n      \r\n  ', '  \r\ntotal 0\r\n      \r\n  ']) {
    assert.deepEqual(parseListing(text, { timezoneOffsetMinutes: 0, now: NOW }), []);
    assert.deepEqual(parseListing(text, { format: 'mlsd', timezoneOffsetMinutes: 0, now: NOW }), []);
  }
});

test('unreadable lines are reported through onSkippedLine; ., .., cdir and total are not', () => {
  const skipped: string[] = [];
  const onSkippedLine = (line: string): void => void skipped.push(line);
  parseListing('total 4\r\ndrwxr-xr-x 2 a b 4096 Jun 10 14:22 .\r\nnot a listing line\r\n-rw-r--r-- 1 a b 1 Jun 10 14:22 ok', {
    format: 'list', timezoneOffsetMinutes: 0, now: NOW, onSkippedLine,
  });
  parseListing('type=cdir; .\r\nno-space-at-all\r\ntype=file; ', { format: 'mlsd', timezoneOffsetMinutes: 0, now: NOW, onSkippedLine });
  assert.deepEqual(skipped, ['not a listing line', 'no-space-at-all', 'type=file; ']);
});

test('line parsers accept one trailing line ending and return null for . and ..', () => {
  const options = { timezoneOffsetMinutes: 0, now: NOW };
  assert.equal(parseUnixLine('-rw-r--r-- 1 a b 1 Jun 10 14:22 x\r\n', options)?.name, 'x');
  assert.equal(parseUnixLine('drwxr-xr-x 1 a b 1 Jun 10 14:22 ..', options), null);
  assert.equal(parseDosLine('06-10-24  02:22PM                   12 x.txt\n', options)?.name, 'x.txt');
  assert.equal(parseDosLine('06-10-24  02:22PM       <DIR>          .', options), null);
  assert.equal(parseMlsdLine('type=file;size=1; x\r')?.name, 'x');
  assert.equal(parseMlsdLine('type=pdir; ..'), null);
  assert.equal(parseMlsdLine('type=file;size=1; two\nlines'), null);
});

test('parseDosLine rejects Unix lines and parseUnixLine rejects DOS lines', () => {
  const options = { timezoneOffsetMinutes: 0, now: NOW };
  assert.equal(parseDosLine('-rw-r--r-- 1 a b 1 Jun 10 14:22 x', options), null);
  assert.equal(parseUnixLine('06-10-24  02:22PM       <DIR>          dir', options), null);
});

test('an invalid now or offset gives no date rather than throwing', () => {
  const entries = parseListing('-rw-r--r-- 1 a b 1 Jun 10 14:22 x\r\n-rw-r--r-- 1 a b 1 Jun 10  2020 y', {
    timezoneOffsetMinutes: Number.NaN,
    now: new Date(Number.NaN),
  });
  assert.deepEqual(entries.map((e) => e.modifiedAt), [null, '2020-06-10T00:00:00.000Z']);
  const huge = parseListing('-rw-r--r-- 1 a b 1 Jun 10  2020 z', { timezoneOffsetMinutes: 1e15, now: NOW });
  assert.equal(huge[0]?.modifiedAt, null);
});
