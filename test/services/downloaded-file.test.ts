/**
 * What Wharf tells the OS about files it downloaded, and which files it asks about before opening: the
 * mark each platform gets (macOS quarantine attribute, Windows Zone.Identifier stream, nothing on Linux),
 * the stream's text, the macOS command, and the file types that run on a double-click. On Linux the
 * Windows writer is exercised for real (an NTFS stream name is an ordinary file name here); the macOS one
 * through its command runner, since `xattr` is not on this system.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { hasHiddenCharacters, visibleName } from '../../common/models/visible-name';
import { downloadMarkFor, executableType, markDownloaded, zoneIdentifierText } from '../../main/local-fs/downloaded-file';

const work = mkdtempSync(join(tmpdir(), 'wharf-marks-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('the downloaded-file mark', () => {
  it('is chosen per platform', () => {
    assert.equal(downloadMarkFor('darwin'), 'quarantine-xattr');
    assert.equal(downloadMarkFor('win32'), 'zone-identifier');
    assert.equal(downloadMarkFor('linux'), null);
  });

  it('writes the Zone.Identifier stream (zone 3, Internet) on Windows', async () => {
    const file = join(work, 'report.pdf');
    writeFileSync(file, 'x');
    assert.equal(await markDownloaded(file, { platform: 'win32', source: 'ftps://files.example.com/report.pdf' }), null);
    assert.equal(readFileSync(`${file}:Zone.Identifier`, 'utf8'), '[ZoneTransfer]\r\nZoneId=3\r\nHostUrl=ftps://files.example.com/report.pdf\r\n');
    assert.equal(zoneIdentifierText(null), '[ZoneTransfer]\r\nZoneId=3\r\n');
  });

  it('sets com.apple.quarantine with xattr on macOS', async () => {
    const runs: (readonly string[])[] = [];
    const file = join(work, 'tool.command');
    await markDownloaded(file, { platform: 'darwin', now: new Date('2026-01-01T00:00:00Z'), run: async (cmd, args) => runs.push([cmd, ...args]) });
    assert.deepEqual(runs, [['/usr/bin/xattr', '-w', 'com.apple.quarantine', `0081;${(Date.UTC(2026, 0, 1) / 1000).toString(16)};Wharf;`, file]]);
  });

  it('writes nothing on Linux, and a failure is returned rather than thrown', async () => {
    const file = join(work, 'plain.txt');
    writeFileSync(file, 'x');
    assert.equal(await markDownloaded(file, { platform: 'linux' }), null);
    assert.deepEqual(readdirSync(work).filter((n) => n.startsWith('plain.txt')), ['plain.txt']);
    const failed = await markDownloaded(join(work, 'missing', 'x'), { platform: 'win32' });
    assert.ok(failed instanceof Error);
    assert.equal(existsSync(join(work, 'missing')), false);
  });
});

describe('files the OS would run', () => {
  const cases: [string, string | null][] = [
    ['setup.exe', 'Windows program (.exe)'],
    ['RUN.BAT', 'batch script (.bat)'],
    ['x.exe. ', 'Windows program (.exe)'],
    ['invoice-\u202Etxt.exe', 'Windows program (.exe)'],
    ['start.desktop', 'Linux desktop launcher (runs a command) (.desktop)'],
    ['link.url', 'Internet shortcut (opens or runs a link) (.url)'],
    ['tool.command', 'macOS shell script (.command)'],
    ['a.AppImage', 'Linux application (AppImage) (.appimage)'],
    ['notes.txt', null],
    ['photo.jpeg', null],
    ['README', null],
  ];
  for (const [name, type] of cases) {
    it(`${JSON.stringify(name)} is ${type ?? 'not one'}`, () => assert.equal(executableType(name), type));
  }
});

describe('names shown with visible markers', () => {
  it('marks bidi overrides, isolates, zero-width and other invisible characters, and nothing else', () => {
    assert.equal(visibleName('invoice-\u202Etxt.exe'), 'invoice-⟨U+202E⟩txt.exe');
    assert.equal(visibleName('a\u200Bb\u2066c\u2069\uFEFFd'), 'a⟨U+200B⟩b⟨U+2066⟩c⟨U+2069⟩⟨U+FEFF⟩d');
    assert.equal(visibleName('line\nbreak'), 'line⟨U+000A⟩break');
    assert.equal(visibleName('Grüße 日本 ملف.txt'), 'Grüße 日本 ملف.txt');
    assert.equal(hasHiddenCharacters('x\u202Ay'), true);
    assert.equal(hasHiddenCharacters('plain.txt'), false);
  });
});
