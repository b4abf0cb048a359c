import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { encodeFileZillaPath, exportFileZillaSiteManager } from '../../main/sites/filezilla-export';
import { decodeFileZillaPath, parseFileZillaSiteManager } from '../../main/sites/filezilla-import';
import { WharfError } from '../../main/core/errors';
import { detectSiteImportFormat, parseSiteImport } from '../../main/sites/site-import-file';
import { storeFixture } from './site-helpers';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url));

describe('FileZilla export', () => {
  test('export then FileZilla import gives the same sites and folders, and no password', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    // Sites of every kind Wharf holds, from the WinSCP fixture (nested and non-ASCII folders, charsets, timezones, active mode).
    const source = parseSiteImport(await fixture('winscp-6.3-WinSCP.ini'));
    await f.store.importSites(source.plan, { passwords: source.passwords });
    await f.store.createFolder(['Empty', 'Still empty']);
    await f.store.create({ name: 'Relative <home> & co', host: 'rel.example.com', user: 'anonymous', passwordStorage: 'ask', remoteDir: 'public_html', comments: 'Line 1\nLine 2 "quoted"' });
    const snapshot = await f.store.snapshot();

    const exported = exportFileZillaSiteManager(snapshot);
    assert.equal(detectSiteImportFormat(exported.xml), 'filezilla');
    for (const password of source.passwords.values()) assert.ok(!exported.xml.includes(password), 'no password in the export');
    assert.deepEqual(exported.notes.map((n) => [n.name, n.note.replace(/;.*/, '')]), [
      ['Relative <home> & co', 'FileZilla needs an absolute remote folder'],
      ['東京サーバー', 'FileZilla has no per-site minimum TLS version'],
    ]);

    const back = parseFileZillaSiteManager(exported.xml);
    assert.equal(back.passwords.size, 0);
    assert.deepEqual(new Set(back.plan.folders.map((p) => p.join('/'))), new Set(snapshot.folders.map((p) => p.join('/'))));
    const key = (s: { folderPath: readonly string[]; name: string }) => [...s.folderPath, s.name].join('/');
    const imported = new Map(back.plan.sites.map((e) => [key({ folderPath: e.folderPath, name: e.input.name }), e.input]));
    assert.equal(imported.size, snapshot.sites.length);
    for (const site of snapshot.sites) {
      const again = imported.get(key(site));
      assert.ok(again, key(site));
      const same = ['protocol', 'host', 'port', 'user', 'dataMode', 'localDir', 'encoding', 'maxConnections', 'timezoneOffsetMinutes', 'comments'] as const;
      for (const field of same) assert.deepEqual(again[field], site[field], `${key(site)}: ${field}`);
      assert.equal(again.remoteDir, site.remoteDir.startsWith('/') || site.remoteDir === '' ? site.remoteDir : '', `${key(site)}: remote folder`);
      // The password is not in the file: FileZilla asks for it, and so does the site once imported back.
      assert.equal(again.passwordStorage, 'ask');
    }
  });

  test('remote folders encode as FileZilla serializes them and decode back', () => {
    assert.equal(encodeFileZillaPath('/home/bob'), '1 0 4 home 3 bob');
    assert.equal(encodeFileZillaPath('C:\\inetpub\\wwwroot'), '3 0 2 C: 7 inetpub 7 wwwroot');
    assert.equal(encodeFileZillaPath('relative'), null);
    for (const path of ['/', '/My Files/2024 Q1', '/данные/日本 語', 'C:\\', 'C:\\inetpub\\wwwroot', 'D:/web/site']) {
      assert.equal(decodeFileZillaPath(encodeFileZillaPath(path) ?? '').path, path, path);
    }
  });

  test('formats are told from the content, whatever the file is called; a WinSCP registry export says how to get a WinSCP.ini', async () => {
    assert.equal(detectSiteImportFormat(await fixture('filezilla-3.20-legacy-sitemanager.xml')), 'filezilla');
    assert.equal(detectSiteImportFormat(await fixture('winscp-6.3-WinSCP.ini')), 'winscp');
    assert.equal(detectSiteImportFormat(await fixture('cyberduck-bookmarks/tokyo.duck')), 'cyberduck');
    assert.equal(detectSiteImportFormat(Buffer.from('\ufeff{"format":"wharf-sites"}')), 'wharf-json');
    assert.equal(detectSiteImportFormat(Buffer.from('\ufeff[Sessions\\x]\r\nHostName=h', 'utf16le')), 'winscp');
    const registry = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Martin Prikryl\\WinSCP 2\\Sessions\\x]\r\n"HostName"="h"\r\n';
    assert.throws(() => detectSiteImportFormat(registry), (err: unknown) => err instanceof WharfError && /Export\/Backup Configuration/.test(err.message));
    assert.throws(() => detectSiteImportFormat('hello'), /FileZilla's sitemanager\.xml, WinSCP's WinSCP\.ini, Cyberduck bookmarks/);
  });
});
