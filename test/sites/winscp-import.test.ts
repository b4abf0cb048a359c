import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { WharfError } from '../../main/core/errors';
import { escapeWinScp, parseWinScpIni, unescapeWinScp, winScpFloat } from '../../main/sites/winscp-import';
import { decryptWinScpPassword, encryptWinScpPassword } from '../../main/sites/winscp-password';
import { checkImportedSites } from './import-check';
import { storeFixture } from './site-helpers';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url));

describe('WinSCP.ini import', () => {
  test('WinSCP 6: FTP sites with implicit/explicit TLS, nested and non-ASCII folders, passwords, charsets, timezones, active mode', async () => {
    const result = parseWinScpIni(await fixture('winscp-6.3-WinSCP.ini'));
    const unencrypted = /plain FTP/;
    checkImportedSites(result, {
      Homepage: {
        folderPath: [], protocol: 'explicit', host: 'ftp.example.com', port: 21, portFollowsProtocol: true, user: 'webmaster',
        passwordStorage: 'keychain', dataMode: 'passive', encoding: 'utf8', timezoneOffsetMinutes: 0, remoteDir: '/var/www',
        localDir: 'C:\\Users\\bob\\Documents', minTlsVersion: 'TLSv1.2', uploadViaTemporaryName: true, password: 'hunter2 & <friends>',
      },
      Intranet: {
        folderPath: ['Work', 'Client A'], protocol: 'explicit', user: 'bob', dataMode: 'active', timezoneOffsetMinutes: 90,
        comments: 'Deploy target. Ask "ops" & Bob before <Friday>.', remoteDir: '/home/bob/My Files', localDir: 'D:\\www', password: 'pässwörd-ü€ 2',
      },
      'Old archive': {
        folderPath: ['Work', 'Client A'], protocol: 'implicit', port: 990, portFollowsProtocol: true, encoding: 'windows-1252',
        timezoneOffsetMinutes: -300, remoteDir: '/Archiv/Übersicht 2024', password: null, notes: [/ANSI code page/],
      },
      'Сервер в Москве': {
        folderPath: ['Work', 'Europa'], host: 'ftp.example.ru', port: 2121, portFollowsProtocol: false, user: 'оператор',
        remoteDir: '/данные/2024', password: 'пароль-2024',
      },
      '東京サーバー': { folderPath: [], encoding: 'utf8', timezoneOffsetMinutes: 540, minTlsVersion: 'TLSv1.3', port: 21, password: '秘密のパスワード' },
      'Plain mirror': { protocol: 'plain', port: 2121, portFollowsProtocol: false, user: 'anonymous', password: 'anonymous@example.com', notes: [unencrypted] },
      'Legacy SSL': { protocol: 'explicit', user: 'old', password: null, notes: [/AUTH SSL/, /TLS 1\.2 at least/] },
      Mainframe: {
        host: 'mainframe.example.com', user: 'deploy', password: 'batch-pass',
        notes: [/account \(ACCT\)/, /client certificate/, /proxy/],
      },
      // A password written by WinSCP itself (the sample of Metasploit's WinSCP parser tests).
      'Feral (FTP)': { host: 'server.feralhosting.com', user: 'username', password: 'sdfsdfgsggg' },
      'Café Paris': { folderPath: ['Alt'], host: 'cafe.example.fr', user: 'françois', password: null },
    });
    assert.deepEqual(
      result.plan.summary.skipped.map((s) => [s.name, s.folderPath.join('/'), s.reason]),
      [
        ['Shell box', '', 'SCP sites are not supported: Wharf speaks FTP and FTPS only.'],
        ['Bucket', 'Work', 'Amazon S3 sites are not supported: Wharf speaks FTP and FTPS only.'],
        ['Intranet DAV', 'Work', 'WebDAV sites are not supported: Wharf speaks FTP and FTPS only.'],
        ['SFTP by default', 'Work', 'SFTP (SSH) sites are not supported: Wharf speaks FTP and FTPS only.'],
        ['No host', 'Work', 'The site has no host.'],
        ['0000', 'My workspace', 'This is a tab of a saved WinSCP workspace, not a site.'],
      ],
    );
    assert.deepEqual(result.plan.folders, [['Work'], ['Work', 'Client A'], ['Work', 'Europa'], ['Alt']], 'no folder for skipped sites alone (the workspace)');
    assert.equal(result.plan.summary.source, 'winscp');
    assert.equal(result.plan.summary.sitesFound, 10);
    assert.equal(result.plan.summary.passwordsFound, 7);
    assert.ok(!JSON.stringify(result.plan).includes('hunter2'), 'the plan the renderer may see holds no password');
    assert.ok(!JSON.stringify(result.plan).includes('sftp-secret'));
  });

  test('a password under the master password is not readable and says so; the rest still imports', () => {
    const external = 'A35C' + 'A3'.repeat(3); // flag 0xFF then version 1 ("external": AES under the master password)
    const ini = [
      '[Configuration\\Security]', 'UseMasterPassword=1', 'MasterPasswordVerifier=0102',
      '[Sessions\\Vault]', 'HostName=vault.example.com', 'UserName=v', `Password=${external}`, 'FSProtocol=5', 'Ftps=3',
    ].join('\n');
    const result = parseWinScpIni(ini);
    checkImportedSites(result, { Vault: { password: null, passwordStorage: 'keychain', notes: [/master password/] } });
    assert.equal(result.plan.summary.passwordsFound, 0);
  });

  test('the scrambling round-trips for long and non-ASCII passwords, and a password keyed to another site is not read', () => {
    const random = (below: number) => (below * 0.37) | 0;
    for (const password of ['x', 'pässwörd € 日本', 'p'.repeat(300)]) {
      const hex = encryptWinScpPassword(password, 'ユーザー', 'host.example.com', random);
      assert.ok(hex.length >= 100, 'padded to 50 bytes at least');
      assert.deepEqual(decryptWinScpPassword(hex, 'ユーザー', 'host.example.com'), { kind: 'password', password });
      assert.deepEqual(decryptWinScpPassword(hex, 'someone', 'host.example.com'), { kind: 'unreadable' });
    }
    assert.deepEqual(decryptWinScpPassword('not hex', 'u', 'h'), { kind: 'unreadable' });
    assert.deepEqual(decryptWinScpPassword('A35C', 'u', 'h'), { kind: 'unreadable' });
  });

  test('names and values unescape as WinSCP writes them: PuTTY %XX, UTF-8 after an escaped BOM, else ANSI', () => {
    assert.equal(unescapeWinScp('Client%20A/My%2A%3F'), 'Client A/My*?');
    assert.equal(unescapeWinScp('%EF%BB%BF%D0%A1%D0%B5%D1%80%D0%B2%D0%B5%D1%80'), 'Сервер');
    assert.equal(unescapeWinScp('Caf%E9'), 'Café');
    for (const name of ['Work/Client A', '.hidden start', 'Сервер/東京 50%']) assert.equal(unescapeWinScp(escapeWinScp(name)), name);
    assert.equal(escapeWinScp('.a.b c'), '%2Ea.b%20c');
    assert.equal(winScpFloat(90 / 1440), '000000000000B03F');
  });

  test('a file that is not WinSCP configuration is refused with the reason', () => {
    assert.throws(() => parseWinScpIni('[General]\nfoo=bar\n'), (err: unknown) => err instanceof WharfError && err.kind === 'invalid-input' && /not a WinSCP configuration/.test(err.message));
  });

  test('imports into the store: passwords reach the keychain only when agreed, under the chosen folder', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const parsed = parseWinScpIni(await fixture('winscp-6.3-WinSCP.ini'));
    const declined = await f.store.importSites(parsed.plan, { intoFolder: ['WinSCP'] });
    assert.equal(declined.passwordsSaved, 0);
    assert.equal(declined.created.length, 10);
    assert.ok(declined.created.every((s) => !s.hasPassword));
    const agreed = await f.store.importSites(parsed.plan, { intoFolder: ['WinSCP'], passwords: parsed.passwords });
    assert.equal(agreed.passwordsSaved, 7);
    const moscow = agreed.created.find((s) => s.host === 'ftp.example.ru');
    assert.ok(moscow);
    assert.deepEqual(moscow.folderPath, ['WinSCP', 'Work', 'Europa']);
    assert.equal(moscow.name, 'Сервер в Москве (2)', 'the second import of the same file renames');
    assert.equal(await f.store.getPassword(moscow.id), 'пароль-2024');
    const file = await readFile(`${f.dataDir}/sites.json`, 'utf8');
    assert.ok(!file.includes('пароль') && !file.includes('hunter2'), 'passwords never in the sites file');
  });
});
