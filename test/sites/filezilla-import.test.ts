import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { WharfError } from '../../main/core/errors';
import { decodeFileZillaPath, normalizeCharset, parseFileZillaSiteManager } from '../../main/sites/filezilla-import';
import { decodeXmlBytes, parseXml } from '../../main/sites/xml-reader';
import { storeFixture } from './site-helpers';
import { checkImportedSites as checkSites } from './import-check';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url));

describe('FileZilla sitemanager.xml import', () => {
  test('FileZilla 3.66: every protocol and logon type, nested folders, charsets, paths and limits', async () => {
    const result = parseFileZillaSiteManager(await fixture('filezilla-3.66-sitemanager.xml'));
    checkSites(result, {
      Homepage: {
        folderPath: [], protocol: 'explicit', host: 'ftp.example.com', port: 21, portFollowsProtocol: true, user: 'webmaster',
        passwordStorage: 'keychain', dataMode: 'passive', encoding: 'utf8', maxConnections: 2, timezoneOffsetMinutes: 0,
        remoteDir: '', localDir: '', comments: '', uploadViaTemporaryName: true, password: 'hunter2 & <friends>',
      },
      'Intranet (FTPES)': {
        folderPath: ['Work'], protocol: 'explicit', user: 'bob', dataMode: 'active', localDir: '/home/bob/www', remoteDir: '/home/bob',
        encoding: 'utf8', maxConnections: 4, timezoneOffsetMinutes: 90, comments: 'Deploy target.\nAsk "ops" & Bob before <Friday>.',
        password: 'Tr0ub4dor&3', notes: [/Bookmarks are not imported/],
      },
      'Old archive (implicit)': {
        protocol: 'implicit', port: 990, portFollowsProtocol: true, user: 'archiver', passwordStorage: 'ask', dataMode: 'passive',
        encoding: 'latin1', timezoneOffsetMinutes: -300, remoteDir: '/My Files/2024 Q1', password: null,
      },
      'Kiosk (interactive)': { protocol: 'explicit', passwordStorage: 'ask', password: null, notes: [/Interactive logon/] },
      'Mainframe (account)': { passwordStorage: 'keychain', user: 'batch', password: 'acct-pass', notes: [/account \(ACCT\)/] },
      'Vault (master password)': { passwordStorage: 'keychain', password: null, notes: [/master password/] },
      'ACME mirror': {
        folderPath: ['Work', 'Clients', 'ACME - Partners'], protocol: 'plain', port: 2121, portFollowsProtocol: false, user: 'anonymous',
        passwordStorage: 'ask', maxConnections: 10, comments: 'Public mirror: <anonymous> only & read-only',
        notes: [/unencrypted/, /limit of 25 became 10/, /Anonymous logon/],
      },
      'Сервер в Москве': {
        folderPath: ['Work', 'Clients', 'Europe'], user: 'оператор', encoding: 'windows-1251', remoteDir: '/данные/2024', password: 'пароль-2024',
      },
      '東京サーバー': { encoding: 'shift_jis', timezoneOffsetMinutes: 540, passwordStorage: 'ask' },
      'Windows IIS': { remoteDir: 'C:\\inetpub\\wwwroot', encoding: 'utf8', notes: [/charset "x-unknown-charset" is not known/] },
    });
    // "Use explicit FTP over TLS if available" sites are named up front in the preview, not in a note.
    assert.deepEqual(result.plan.summary.tlsIfAvailable?.map((x) => [...x.folderPath, x.name].join(' / ')), ['Homepage', 'Work / Kiosk (interactive)']);
    assert.deepEqual(
      result.plan.summary.skipped.map((s) => [s.name, s.folderPath.join('/'), s.reason]),
      [
        ['Shell box', 'Work', 'SFTP (SSH) sites are not supported: Wharf speaks FTP and FTPS only.'],
        ['Bucket', 'Work', 'Amazon S3 sites are not supported: Wharf speaks FTP and FTPS only.'],
        ['No host', 'Work', 'The site has no host.'],
      ],
    );
    assert.deepEqual(result.plan.folders, [['Work'], ['Work', 'Clients'], ['Work', 'Clients', 'ACME - Partners'], ['Work', 'Clients', 'Europe'], ['Work', 'Archive']]);
    assert.equal(result.plan.summary.sitesFound, 10);
    assert.equal(result.plan.summary.passwordsFound, 4);
    assert.equal(result.passwords.size, 4);
    assert.ok(!JSON.stringify(result.plan).includes('Tr0ub4dor'), 'the plan the renderer may see holds no password');
    assert.ok(!JSON.stringify(result.plan).includes('sftp-secret'));
  });

  test('FileZilla 3.20 (CRLF, plain passwords, names as trailing text, no Logontype, IPv6)', async () => {
    const result = parseFileZillaSiteManager(await fixture('filezilla-3.20-legacy-sitemanager.xml'));
    checkSites(result, {
      'Old site from 2012': { protocol: 'explicit', user: 'olduser', remoteDir: '/pub', password: ' plain pass with spaces ' },
      'IPv6 test box': { folderPath: ['Lab'], protocol: 'implicit', host: '2001:db8::21', port: 990, user: 'lab', passwordStorage: 'keychain', password: 'lab&pass' },
      'Anonymous mirror': { user: 'anonymous', passwordStorage: 'ask', password: null },
    });
    assert.equal(result.plan.summary.passwordsFound, 2);
  });

  test('reads the same file with a UTF-8 BOM or as UTF-16', async () => {
    const bytes = await fixture('filezilla-3.66-sitemanager.xml');
    const text = bytes.toString('utf8');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    for (const variant of [withBom, utf16]) {
      const r = parseFileZillaSiteManager(variant);
      assert.equal(r.plan.summary.sitesFound, 10);
      assert.ok(r.plan.sites.some((s) => s.input.name === '東京サーバー'));
    }
  });

  test('refuses a DOCTYPE (entity expansion, external entities) without expanding anything', async () => {
    assert.throws(() => parseFileZillaSiteManager('<x/>'), /not a FileZilla site list/);
    assert.throws(
      () => parseFileZillaSiteManager(new Uint8Array(0)),
      (err: unknown) => err instanceof WharfError && err.kind === 'invalid-input' && /no root element/.test(err.message),
    );
    const hostile = await fixture('hostile-doctype.xml');
    assert.throws(() => parseFileZillaSiteManager(hostile), (err: unknown) => {
      assert.ok(err instanceof WharfError && err.kind === 'invalid-input');
      assert.match(err.message, /document type declaration, which Wharf does not accept .*\(line 2, column 1\)/);
      return true;
    });
  });

  test('imports into the store: passwords go to the keychain only when the user agrees', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const parsed = parseFileZillaSiteManager(await fixture('filezilla-3.66-sitemanager.xml'));

    const declined = await f.store.importSites(parsed.plan, { intoFolder: ['FileZilla'] });
    assert.equal(declined.passwordsSaved, 0);
    assert.equal(declined.created.length, 10);
    assert.ok(declined.created.every((s) => !s.hasPassword));

    const agreed = await f.store.importSites(parsed.plan, { intoFolder: ['FileZilla'], passwords: parsed.passwords });
    assert.equal(agreed.passwordsSaved, 4);
    assert.equal(agreed.renamed.length, 10, 'the second import is renamed " (2)" rather than merged');
    const intranet = agreed.created.find((s) => s.name === 'Intranet (FTPES) (2)');
    assert.ok(intranet);
    assert.deepEqual([intranet.folderPath, intranet.hasPassword], [['FileZilla', 'Work'], true]);
    assert.equal(await f.store.getPassword(intranet.id), 'Tr0ub4dor&3');

    const tree = await f.store.list();
    assert.equal(tree.sites.length, 20);
    assert.ok(tree.folders.some((p) => p.join('/') === 'FileZilla/Work/Archive'), 'empty folders come along');
    const file = await readFile(f.store.filePath, 'utf8');
    for (const password of parsed.passwords.values()) assert.ok(!file.includes(password));
  });
});

describe('FileZilla remote paths and charsets', () => {
  const paths: readonly [string, string][] = [
    ['1 0 4 home 3 bob', '/home/bob'],
    ['1 0', '/'],
    ['0 0 8 My Files 7 2024 Q1', '/My Files/2024 Q1'],
    ['1 0 6 данные', '/данные'],
    ['3 0 2 C:', 'C:\\'],
    ['3 0 2 C: 7 inetpub', 'C:\\inetpub'],
    ['10 0 2 D: 3 ftp', 'D:/ftp'],
    ['', ''],
  ];
  for (const [safe, want] of paths) {
    test(`"${safe}" is "${want}"`, () => assert.equal(decodeFileZillaPath(safe).path, want));
  }
  for (const bad of ['1 0 9 home', '1 x 4 home', '1 0 2 .. 3 etc', '1 0 0 ', 'garbage']) {
    test(`"${bad}" is unreadable and left empty with a note`, () => {
      const r = decodeFileZillaPath(bad);
      assert.equal(r.path, '');
      assert.match(r.note ?? '', /could not be read/);
    });
  }
  const charsets: readonly [string, string | null][] = [
    ['UTF-8', 'utf8'], ['ISO-8859-1', 'latin1'], ['latin1', 'latin1'], ['cp1251', 'windows-1251'], ['Shift_JIS', 'shift_jis'],
    ['EUC-JP', 'euc-jp'], ['GBK', 'gbk'], ['KOI8-R', 'koi8-r'], ['ISO-8859-15', 'iso-8859-15'], ['nonsense', null], ['', null],
  ];
  for (const [label, want] of charsets) {
    test(`charset "${label}" is ${want}`, () => assert.equal(normalizeCharset(label), want));
  }
});

describe('XML reader', () => {
  test('decodes the five entities, character references and CDATA, and keeps mixed text', () => {
    const root = parseXml('<a x="1 &amp; 2" y=\'&#x41;&#66;\'>t&lt;&gt;&quot;&apos;<b/><![CDATA[<raw & text>]]>&#x1F600;</a>');
    assert.deepEqual(root.attributes, { x: '1 & 2', y: 'AB' });
    assert.equal(root.text, 't<>"\'<raw & text>😀');
    assert.deepEqual(root.children.map((c) => c.name), ['b']);
  });

  const malformed: readonly [string, RegExp][] = [
    ['<a>&nbsp;</a>', /an entity other than/],
    ['<a>fish & chips</a>', /does not start a reference/],
    ['<a>&#0;</a>', /character XML forbids/],
    ['<a><b></a>', /does not match/],
    ['<a>', /never closed/],
    ['<a/><b/>', /second root/],
    ['<a x=1/>', /without quotes/],
    ['<a x="1" x="2"/>', /repeated attribute/],
    ['<a x="<"/>', /"<" inside an attribute/],
    ['text<a/>', /text outside the root/],
    ['<!DOCTYPE a><a/>', /document type declaration/],
    ['<a><!-- never closed </a>', /unterminated comment/],
  ];
  for (const [xml, pattern] of malformed) {
    test(`refuses ${JSON.stringify(xml)}`, () => {
      assert.throws(() => parseXml(xml), (err: unknown) => err instanceof WharfError && err.kind === 'invalid-input' && pattern.test(err.message));
    });
  }

  test('errors give a position but never the text around it (it could be a password)', () => {
    assert.throws(() => parseXml('<Server>\n  <Pass>hunter2-secret</Pas>\n</Server>'), (err: unknown) => {
      assert.ok(err instanceof WharfError);
      assert.match(err.message, /\(line 2, column \d+\)/);
      assert.ok(!err.message.includes('hunter2'));
      return true;
    });
  });

  test('limits depth and size', () => {
    assert.throws(() => parseXml('<a>'.repeat(100) + '</a>'.repeat(100)), /nested too deeply/);
    assert.throws(() => parseXml(`<a>${'x'.repeat(100)}</a>`, { maxLength: 50 }), /too large/);
  });

  test('refuses bytes that are not UTF-8', () => {
    assert.throws(() => decodeXmlBytes(new Uint8Array([0x3c, 0x61, 0xff, 0x2f, 0x3e])), /not valid UTF-8/);
  });
});
