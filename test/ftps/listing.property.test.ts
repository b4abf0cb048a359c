import assert from 'node:assert/strict';
import { posix, win32 } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { RemoteEntry } from '../../common/models';
import { isWharfError } from '../../main/core/errors';
import {
  parseDosLine,
  parseListing,
  parseMlsdLine,
  parseMlstFacts,
  parseUnixLine,
  type ListingFormat,
} from '../../main/ftps/listing';
import { safeLocalPath, unsafeNameReason } from '../../main/ftps/safe-names';

// Properties: no input makes a parser throw or yield a name with a line break; no segment list makes
// safeLocalPath return a path outside its root. Hostile lines are checked by structure, never by time.

/** Pieces of real listings, so random text often gets deep into the parsers, not only past line one. */
const fragment = fc.oneof(
  fc.constantFrom(
    '-rw-r--r--', 'drwxr-xr-x', 'lrwxrwxrwx', 'crw-rw-rw-', 'drw-r--rw', '+', '.', '@', ' ', '  ', '\t', '\r', '\n', '\r\n',
    '1', '0', '1000', '4096', '1,', '3', 'root', 'ftp', 'Jan', 'Mär', 'déc.', 'sty', '10', '31', '14:22', '2023', '25:61',
    '2024-05-01', '13:45:30.123', '+0200', ' -> ', '->', 'total', '12-05-96', '01-16-2020', '05:03PM', 'AM', '<DIR>',
    '1,234', 'type=', 'file', 'dir', 'cdir', 'OS.unix=slink:', 'OS.unix=symlink', 'size=', 'sizd=', 'modify=',
    '20240610142200', '20240610142200.5', 'UNIX.mode=', '0755', '04755', 'unique=', 'perm=', ';', '; ', '=', '..', '/',
    '\\', '\0', '\u0085', '\u202e', '\ud800', '😀', '9'.repeat(400),
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const listingText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')),
  fc.array(fc.array(fragment, { maxLength: 14 }).map((parts) => parts.join(' ')), { maxLength: 8 }).map((lines) => lines.join('\r\n')),
);

const options = fc.record({
  format: fc.constantFrom<ListingFormat | undefined>('mlsd', 'list', undefined),
  timezoneOffsetMinutes: fc.oneof(fc.integer({ min: -900, max: 900 }), fc.constantFrom(Number.NaN, Infinity, 1e15)),
  now: fc.date({ noInvalidDate: false }),
});

function assertWellFormed(entry: RemoteEntry): void {
  assert.ok(!/[\r\n]/.test(entry.name), `name ${JSON.stringify(entry.name)} holds a line break`);
  assert.ok(entry.name !== '' && entry.name !== '.' && entry.name !== '..', `name ${JSON.stringify(entry.name)}`);
  assert.ok(entry.linkTarget === null || !/[\r\n]/.test(entry.linkTarget));
  assert.ok(Number.isFinite(entry.size) && entry.size >= 0);
  assert.ok(entry.modifiedAt === null || new Date(entry.modifiedAt).toISOString() === entry.modifiedAt);
  assert.ok(entry.permissions === null || /^[rwxsStTlL-]{9}$/.test(entry.permissions));
  assert.ok(['file', 'directory', 'symlink', 'unknown'].includes(entry.type));
}

test('parseListing never throws and never yields a name with CR or LF', () => {
  fc.assert(
    fc.property(listingText, options, (text, opts) => {
      for (const entry of parseListing(text, opts)) assertWellFormed(entry);
    }),
    { numRuns: 400 },
  );
});

test('the line parsers never throw and never yield a name with CR or LF', () => {
  fc.assert(
    fc.property(listingText, options, (line, opts) => {
      for (const entry of [parseUnixLine(line, opts), parseDosLine(line, opts), parseMlsdLine(line)]) {
        if (entry !== null) assertWellFormed(entry);
      }
      const facts = parseMlstFacts(line);
      if (facts !== null) {
        assert.ok(!/[\r\n]/.test(facts.pathname) && facts.pathname !== '');
        assert.ok(facts.size === null || (Number.isFinite(facts.size) && facts.size >= 0));
        assert.ok(facts.modifiedAt === null || new Date(facts.modifiedAt).toISOString() === facts.modifiedAt);
      }
    }),
    { numRuns: 400 },
  );
});

/** A name a server could list: anything but empty, `.`, `..`, or a line break. */
const listableName = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 40 })
  .filter((name) => !/[\r\n]/.test(name) && name !== '.' && name !== '..');

test('any listable name survives a Unix, an IIS and an MLSD line unchanged', () => {
  const now = new Date('2024-06-15T12:00:00Z');
  fc.assert(
    fc.property(listableName, fc.nat({ max: 2 ** 40 }), (name, size) => {
      const unix = parseUnixLine(`-rw-r--r--    1 1000     1000     ${String(size).padStart(8)} Jun 10 14:22 ${name}`, { timezoneOffsetMinutes: 0, now });
      assert.equal(unix?.name, name);
      assert.equal(unix?.size, size);
      const iisFile = parseDosLine(`06-10-24  02:22PM ${String(size).padStart(20)} ${name}`, { timezoneOffsetMinutes: 0 });
      assert.equal(iisFile?.name, name);
      const iisDir = parseDosLine(`06-10-24  02:22PM       <DIR>          ${name}`, { timezoneOffsetMinutes: 0 });
      assert.equal(iisDir?.name, name);
      const mlsd = parseMlsdLine(`type=file;size=${size};modify=20240610142200; ${name}`);
      assert.equal(mlsd?.name, name);
    }),
    { numRuns: 300 },
  );
});

const hostileSegment = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '', '.', '..', '...', '/', '\\', '../..', '..\\..', 'a/../../b', '/etc/passwd', 'C:', 'C:\\Windows', 'c:evil', '\\\\server\\share',
    'CON', 'nul.txt', 'a\0b', 'a\nb', 'trailing.', 'trailing ', 'ok', 'b c', '..hidden', '%2e%2e',
  ),
);

test('safeLocalPath either throws the unsafe-name error or returns a path inside the root', () => {
  fc.assert(
    fc.property(fc.array(hostileSegment, { maxLength: 6 }), fc.constantFrom<NodeJS.Platform>('linux', 'darwin', 'win32'), (segments, platform) => {
      const path = platform === 'win32' ? win32 : posix;
      const root = platform === 'win32' ? 'C:\\Users\\me\\Downloads' : '/home/me/Downloads';
      let result: string;
      try {
        result = safeLocalPath(root, segments, platform);
      } catch (err) {
        assert.ok(isWharfError(err, 'unsafe-name'), `unexpected ${String(err)}`);
        return;
      }
      assert.ok(segments.every((s) => unsafeNameReason(s, platform) === null));
      const relative = path.relative(root, result);
      if (segments.length === 0) assert.equal(result, root);
      else {
        const escapes = relative === '..' || relative.startsWith(`..${path.sep}`);
        assert.ok(relative !== '' && !escapes && !path.isAbsolute(relative), `${JSON.stringify(segments)} -> ${result}`);
      }
      assert.ok(result.startsWith(root + path.sep) || result === root);
    }),
    { numRuns: 500 },
  );
});

test('long hostile lines finish and give at most one entry', () => {
  const n = 200_000;
  const hostile = [
    // basic-ftp's O(n²) cases: owner and group with many spaces, `=` without `;`, no whitespace at all.
    `-rw-r--r-- 1 ${'a '.repeat(n)}z`,
    `-rw-r--r-- 1 ${'1 '.repeat(n)}`,
    `-rw-r--r-- 1 a b 1 ${'Jan 1 '.repeat(n / 4)}x`,
    `drwxr-xr-x ${' '.repeat(n)}1 a b 4096 Jun 10 14:22 tail`,
    '='.repeat(n),
    `a${'=a'.repeat(n)}`,
    `type=file${';'.repeat(n)} name`,
    `${'x'.repeat(n)}`,
    `${'1'.repeat(n)}`,
    `${' 1'.repeat(n)}`,
    `12-05-96 ${' '.repeat(n)}05:03PM ${' '.repeat(n)}<DIR>`,
    `${'12-05-96  05:03PM  '.repeat(n / 10)}`,
    `total ${'9'.repeat(n)}`,
    `-rw-r--r-- 1 a b 1 Jun 10 14:22 ${' -> '.repeat(n / 4)}`,
  ];
  const now = new Date('2024-06-15T12:00:00Z');
  for (const line of hostile) {
    for (const format of ['mlsd', 'list', undefined] as const) {
      const entries = parseListing(line, { format, timezoneOffsetMinutes: 0, now });
      assert.ok(entries.length <= 1, `${format ?? 'auto'}: ${line.slice(0, 40)}`);
    }
    const single = [parseUnixLine(line, { timezoneOffsetMinutes: 0, now }), parseDosLine(line, { timezoneOffsetMinutes: 0 }), parseMlsdLine(line)];
    assert.ok(single.every((e) => e === null || typeof e.name === 'string'));
    parseMlstFacts(line);
  }
});
