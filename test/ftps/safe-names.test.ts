import assert from 'node:assert/strict';
import { posix, win32 } from 'node:path';
import { test } from 'node:test';
import { isWharfError } from '../../main/core/errors';
import { printableName, safeLocalPath, unsafeNameReason } from '../../main/ftps/safe-names';

const unsafe: readonly (readonly [string, string])[] = [
  ['', 'is empty'],
  ['.', 'is "." or ".."'],
  ['..', 'is "." or ".."'],
  ['a/b', 'contains "/"'],
  ['/etc', 'contains "/"'],
  ['..\\..\\windows', 'contains "\\"'],
  ['a\\b', 'contains "\\"'],
  ['nul\0byte', 'contains NUL'],
  ['line\nbreak', 'contains a control character'],
  ['carriage\rreturn', 'contains a control character'],
  ['tab\there', 'contains a control character'],
  ['escape\u001b[31mred', 'contains a control character'],
  ['del\u007f', 'contains a control character'],
  ['c1\u0085next-line', 'contains a control character'],
  ['c1\u009bcsi', 'contains a control character'],
  ['lone\ud800surrogate', 'contains a lone UTF-16 surrogate (not valid Unicode)'],
  ['C:evil', 'starts with a Windows drive prefix'],
  ['c:', 'starts with a Windows drive prefix'],
  ['CON', 'is a reserved Windows device name'],
  ['con', 'is a reserved Windows device name'],
  ['NUL.txt', 'is a reserved Windows device name'],
  ['nul.tar.gz', 'is a reserved Windows device name'],
  ['Aux', 'is a reserved Windows device name'],
  ['PRN.log', 'is a reserved Windows device name'],
  ['COM1', 'is a reserved Windows device name'],
  ['com9.bin', 'is a reserved Windows device name'],
  ['LPT1', 'is a reserved Windows device name'],
  ['lpt0.x', 'is a reserved Windows device name'],
  ['COM¹', 'is a reserved Windows device name'],
  ['CONIN$', 'is a reserved Windows device name'],
  ['CON .txt', 'is a reserved Windows device name'],
  ['trailing.', 'ends with a dot or space (Windows drops them)'],
  ['trailing ', 'ends with a dot or space (Windows drops them)'],
  ['...', 'ends with a dot or space (Windows drops them)'],
  [' ', 'ends with a dot or space (Windows drops them)'],
  ['a'.repeat(256), 'is longer than 255 bytes in UTF-8'],
  ['é'.repeat(128), 'is longer than 255 bytes in UTF-8'],
  ['😀'.repeat(64), 'is longer than 255 bytes in UTF-8'],
];

const safe: readonly string[] = [
  'file.txt',
  'report 2024.pdf',
  ' leading space',
  '.hidden',
  '..dots-in-front',
  'a..b',
  'résumé 履歴書.txt',
  '😀',
  'CONFIG',
  'console.log',
  'COM10',
  'LPT',
  'nul-not-device',
  'a'.repeat(255),
  'é'.repeat(127),
  '12:00.log',
  'What?.txt',
  'ab:cd',
];

for (const [name, reason] of unsafe) {
  test(`unsafeNameReason refuses ${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)}: ${reason}`, () => {
    assert.equal(unsafeNameReason(name, 'linux'), reason);
    assert.equal(unsafeNameReason(name, 'win32'), reason);
  });
}

test('unsafeNameReason accepts ordinary names, including ones that only look suspicious', () => {
  for (const name of safe) assert.equal(unsafeNameReason(name, 'linux'), null, name);
});

test('on Windows the characters <>:"|?* are refused too, elsewhere they are valid', () => {
  for (const name of ['12:00.log', 'What?.txt', 'a<b', 'a>b', 'say "hi"', 'a|b', 'star*', 'ab:cd']) {
    assert.equal(unsafeNameReason(name, 'win32'), 'contains a character Windows forbids (<>:"|?*)', name);
    assert.equal(unsafeNameReason(name, 'darwin'), null, name);
  }
});

test('safeLocalPath joins safe segments under the root (POSIX)', () => {
  assert.equal(safeLocalPath('/home/me/Downloads', ['site', 'docs', 'a b.txt'], 'linux'), '/home/me/Downloads/site/docs/a b.txt');
  assert.equal(safeLocalPath('/home/me/Downloads/', ['x'], 'linux'), '/home/me/Downloads/x');
  assert.equal(safeLocalPath('/', ['etc-copy'], 'linux'), '/etc-copy');
  assert.equal(safeLocalPath('/home/me/Downloads', [], 'linux'), '/home/me/Downloads');
});

test('safeLocalPath resolves a relative root against the working folder', () => {
  assert.equal(safeLocalPath('downloads', ['x'], 'linux'), posix.resolve('downloads', 'x'));
});

test('safeLocalPath joins safe segments under the root (Windows)', () => {
  assert.equal(safeLocalPath('C:\\Users\\me\\Downloads', ['site', 'a b.txt'], 'win32'), 'C:\\Users\\me\\Downloads\\site\\a b.txt');
  assert.equal(safeLocalPath('C:\\', ['x'], 'win32'), 'C:\\x');
  assert.equal(safeLocalPath('\\\\server\\share\\in', ['x'], 'win32'), '\\\\server\\share\\in\\x');
});

test('safeLocalPath throws an unsafe-name WharfError naming the segment and the reason', () => {
  const hostile = ['..', '../etc', 'a/../../b', '/etc/passwd', '..\\..', 'C:\\Windows', 'C:evil', 'CON', 'x\0y', 'a\nb', ''];
  for (const platform of ['linux', 'win32'] as const) {
    const root = platform === 'win32' ? 'C:\\Users\\me\\Downloads' : '/home/me/Downloads';
    for (const segment of hostile) {
      assert.throws(
        () => safeLocalPath(root, ['ok', segment, 'file'], platform),
        (err: unknown) => {
          assert.ok(isWharfError(err, 'unsafe-name'), `${platform} ${JSON.stringify(segment)}`);
          assert.equal(typeof err.detail?.reason, 'string');
          assert.equal(err.detail?.name, printableName(segment));
          assert.ok(!/[\n\r\0]/.test(err.message), 'the message is one printable line');
          return true;
        },
      );
    }
  }
});

test('the error message cuts a very long name short', () => {
  assert.throws(
    () => safeLocalPath('/root', ['x'.repeat(10_000)], 'linux'),
    (err: unknown) => isWharfError(err, 'unsafe-name') && err.message.length < 400,
  );
});

test('safeLocalPath results always lie inside the root, by path.relative', () => {
  const root = '/srv/in';
  const result = safeLocalPath(root, ['a', '.b', '..c'], 'linux');
  assert.equal(posix.relative(root, result), 'a/.b/..c');
  const winResult = safeLocalPath('D:\\in', ['a', '..c'], 'win32');
  assert.equal(win32.relative('D:\\in', winResult), 'a\\..c');
});

test('printableName escapes control, invisible and bidi characters and backslashes', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['plain.txt', 'plain.txt'],
    ['a\nb', 'a\\nb'],
    ['a\rb', 'a\\rb'],
    ['a\tb', 'a\\tb'],
    ['nul\0', 'nul\\x00'],
    ['\u001b[31mred', '\\x1B[31mred'],
    ['del\u007f', 'del\\x7F'],
    ['c1\u0085', 'c1\\x85'],
    ['back\\slash', 'back\\\\slash'],
    ['evil\u202Etxt.exe', 'evil\\u202Etxt.exe'],
    ['zero\u200Bwidth', 'zero\\u200Bwidth'],
    ['bom\uFEFF', 'bom\\uFEFF'],
    ['lone\ud800', 'lone\\uD800'],
    ['résumé 履歴書 😀', 'résumé 履歴書 😀'],
  ];
  for (const [name, shown] of cases) assert.equal(printableName(name), shown, JSON.stringify(name));
});

test('printableName output has no control characters and tells different names apart', () => {
  const names = ['a\\x00', 'a\0', 'a\\nb', 'a\nb'];
  const shown = names.map(printableName);
  assert.equal(new Set(shown).size, names.length);
  for (const s of shown) assert.ok(![...s].some((c) => (c.codePointAt(0) as number) < 0x20));
});
