import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WharfError } from '../../main/core/errors';
import { parseCyberduckBookmarks, readCyberduckFolder } from '../../main/sites/cyberduck-import';
import { checkImportedSites } from './import-check';
import { storeFixture } from './site-helpers';

const folder = fileURLToPath(new URL('./fixtures/cyberduck-bookmarks', import.meta.url));

describe('Cyberduck bookmark import', () => {
  test('a folder of .duck files imports as one batch: ftp/ftps, sub-folders, charsets, timezones, active mode; other protocols skipped', async () => {
    const result = parseCyberduckBookmarks(await readCyberduckFolder(folder));
    checkImportedSites(result, {
      Homepage: {
        folderPath: [], protocol: 'explicit', host: 'ftp.example.com', port: 21, portFollowsProtocol: true, user: 'webmaster',
        passwordStorage: 'keychain', dataMode: 'active', encoding: 'utf8', remoteDir: '/var/www', timezoneOffsetMinutes: 0, maxConnections: 2,
      },
      '東京サーバー': { folderPath: [], user: '田中', encoding: 'shift_jis', timezoneOffsetMinutes: 540, dataMode: 'passive', maxConnections: 1 },
      'Сервер в Москве': {
        folderPath: ['Europa'], port: 2121, portFollowsProtocol: false, user: 'оператор', remoteDir: '/данные/2024', encoding: 'windows-1251', timezoneOffsetMinutes: 180,
      },
      'Spiegel & Archiv <öffentlich>': {
        folderPath: ['Europa'], protocol: 'plain', user: 'anonymous', passwordStorage: 'ask', encoding: 'latin1',
        notes: [/plain FTP/, /Anonymous logon/, /Europe\/Berlin changes with daylight saving time/],
      },
      'ACME deploy': {
        folderPath: ['Clients', 'ACME'], protocol: 'explicit', port: 990, portFollowsProtocol: false, localDir: '/home/bob/Downloads/acme',
        comments: 'Releases only & never on Fridays.', notes: [/client certificate/],
      },
    });
    const berlin = result.plan.sites.find((s) => s.input.host === 'mirror.example.de');
    assert.ok(berlin && [60, 120].includes(berlin.input.timezoneOffsetMinutes ?? 0), 'Berlin is UTC+1 in winter, UTC+2 in summer');
    assert.deepEqual(
      result.plan.summary.skipped.map((s) => [s.name, s.folderPath.join('/'), s.reason.replace(/:.*/, '')]),
      [
        ['broken.duck', '', 'Not a Cyberduck bookmark'],
        ['Bucket', '', 'Amazon S3 bookmarks are not supported'],
        ['Intranet DAV', 'Europa', 'WebDAV (HTTPS) bookmarks are not supported'],
        ['Shell box', '', 'SFTP (SSH) bookmarks are not supported'],
      ],
    );
    assert.deepEqual(result.plan.folders, [['Clients'], ['Clients', 'ACME'], ['Europa']]);
    assert.equal(result.plan.summary.source, 'cyberduck');
    assert.equal(result.plan.summary.passwordsFound, 0, 'Cyberduck keeps passwords in the keychain, never in bookmarks');
    assert.equal(result.passwords.size, 0);
  });

  test('one bookmark on its own imports; a file that is not one is refused with the reason', async () => {
    const content = await readFile(`${folder}/tokyo.duck`);
    const one = parseCyberduckBookmarks([{ folderPath: [], fileName: 'tokyo.duck', content }]);
    assert.equal(one.plan.sites.length, 1);
    const refuse = (text: string, pattern: RegExp) =>
      assert.throws(() => parseCyberduckBookmarks([{ folderPath: [], fileName: 'x.duck', content: text }]), (err: unknown) => err instanceof WharfError && err.kind === 'invalid-input' && pattern.test(err.message));
    refuse('<plist version="1.0"><array/></plist>', /not a Cyberduck bookmark/);
    refuse('<plist version="1.0"><dict><key>Hostname</key><string>h</string></dict></plist>', /no "Protocol"/);
    refuse('bplist00\u0000', /binary property list/);
    refuse('<!DOCTYPE plist [<!ENTITY x "y">]><plist><dict/></plist>', /document type declaration/);
    assert.throws(() => parseCyberduckBookmarks([]), /No Cyberduck bookmarks/);
  });

  test('imports into the store: sites ask for the password they never had, under the chosen folder', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const parsed = parseCyberduckBookmarks(await readCyberduckFolder(folder));
    const result = await f.store.importSites(parsed.plan, { intoFolder: ['Cyberduck'], passwords: parsed.passwords });
    assert.equal(result.created.length, 5);
    assert.equal(result.passwordsSaved, 0);
    const acme = result.created.find((s) => s.name === 'ACME deploy');
    assert.deepEqual(acme?.folderPath, ['Cyberduck', 'Clients', 'ACME']);
    assert.equal(acme && (await f.store.getPassword(acme.id)), null, 'no password: the site asks on connect');
  });
});
