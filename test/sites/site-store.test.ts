import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { WharfError } from '../../main/core/errors';
import { defaultDataDir } from '../../main/sites/site-store';
import { storeFixture } from './site-helpers';

function isWharf(kind: string, message?: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof WharfError, String(err));
    assert.equal(err.kind, kind, err.message);
    if (message) assert.match(err.message, message);
    return true;
  };
}

describe('site store: sites and their passwords', () => {
  test('creates a site with the documented defaults and the port following the protocol', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const site = await f.store.create({ name: 'Web', host: 'ftp.example.com' });
    assert.match(site.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      { ...site, id: '', createdAt: '', updatedAt: '' },
      {
        id: '', name: 'Web', folderPath: [], protocol: 'explicit', host: 'ftp.example.com', port: 21, portFollowsProtocol: true,
        user: '', passwordStorage: 'keychain', hasPassword: false, dataMode: 'passive', localDir: '', remoteDir: '',
        encoding: 'utf8', maxConnections: 2, timezoneOffsetMinutes: 0, minTlsVersion: 'TLSv1.2', uploadViaTemporaryName: true, keepModifiedTimes: true, segments: 4,
        clientCertPath: '', clientKeyPath: '', proxyMode: 'app', proxyUrl: '', allowClearData: false, comments: '', createdAt: '', updatedAt: '',
      },
    );
    const implicit = await f.store.update(site.id, { protocol: 'implicit' });
    assert.equal(implicit.port, 990, 'a following port moves to 990 with implicit FTPS');
    const custom = await f.store.update(site.id, { port: 2121 });
    assert.deepEqual([custom.port, custom.portFollowsProtocol], [2121, false]);
    const back = await f.store.update(site.id, { protocol: 'explicit' });
    assert.equal(back.port, 2121, 'a port the user typed stays when the protocol changes');
    const reset = await f.store.update(site.id, { portFollowsProtocol: true });
    assert.equal(reset.port, 21);
  });

  test('saves, reads, changes and forgets a password through the keychain, never in the file', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const password = `pw-${randomUUID()}`;
    const site = await f.store.create({ name: 'Files', host: 'files.example.com', user: 'bob', password });
    assert.equal(site.hasPassword, true);
    assert.equal(await f.credentials.get(site.id), password, 'keychain entry keyed by the site id');
    assert.equal(await f.store.getPassword(site.id), password);
    assert.ok(!(await readFile(f.store.filePath, 'utf8')).includes(password));

    const changed = `pw2-${randomUUID()}`;
    await f.store.update(site.id, { password: changed });
    assert.equal(await f.store.getPassword(site.id), changed);
    assert.equal((await f.store.get(site.id)).hasPassword, true);

    const forgotten = await f.store.update(site.id, { password: null });
    assert.equal(forgotten.hasPassword, false);
    assert.equal(await f.credentials.get(site.id), null);

    await f.store.update(site.id, { password });
    const ask = await f.store.update(site.id, { passwordStorage: 'ask' });
    assert.deepEqual([ask.passwordStorage, ask.hasPassword], ['ask', false]);
    assert.equal(await f.credentials.get(site.id), null, 'switching to "ask" removes the saved password');
    assert.equal(await f.store.getPassword(site.id), null);
    await assert.rejects(f.store.update(site.id, { password: 'x' }), isWharf('invalid-input', /keychain/));
  });

  test('renaming or moving a site keeps its password; deleting it removes the secret', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const site = await f.store.create({ name: 'Old name', host: 'h.example.com', password: 'keep-me' });
    const renamed = await f.store.rename(site.id, 'New name');
    assert.deepEqual([renamed.id, renamed.name, renamed.hasPassword], [site.id, 'New name', true]);
    const moved = await f.store.moveToFolder(site.id, ['Clients', 'ACME']);
    assert.deepEqual(moved.folderPath, ['Clients', 'ACME']);
    assert.equal(await f.credentials.get(site.id), 'keep-me');

    await f.store.delete(site.id);
    assert.equal(await f.credentials.get(site.id), null, 'the secret went with the site');
    await assert.rejects(f.store.get(site.id), isWharf('invalid-input'));
    assert.deepEqual((await f.store.list()).sites, []);
  });

  test('duplicating copies the settings and the password under a new id', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const site = await f.store.create({ name: 'Prod', host: 'prod.example.com', user: 'deploy', password: 'dup-pw', folderPath: ['Work'] });
    const copy = await f.store.duplicate(site.id);
    assert.notEqual(copy.id, site.id);
    assert.deepEqual([copy.name, copy.folderPath, copy.user, copy.hasPassword], ['Prod (copy)', ['Work'], 'deploy', true]);
    assert.equal((await f.store.duplicate(site.id)).name, 'Prod (copy) (2)');
    await f.store.delete(site.id);
    assert.equal(await f.store.getPassword(copy.id), 'dup-pw', "deleting the original leaves the copy's password");
  });

  test('keeps names unique per folder, finds sites by name or Folder/Name, and searches name and host', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const a = await f.store.create({ name: 'Backup', host: 'backup.example.com', folderPath: ['Home'] });
    await f.store.create({ name: 'Backup', host: 'nas.local', folderPath: ['Work'] });
    const mail = await f.store.create({ name: 'Mail server', host: 'mx.example.org' });
    await assert.rejects(f.store.create({ name: 'backup', host: 'x.example.com', folderPath: ['Home'] }), isWharf('invalid-input', /already exists/));
    await assert.rejects(f.store.rename(mail.id, 'MAIL SERVER ').then(() => f.store.create({ name: 'Mail server', host: 'y' })), isWharf('invalid-input'));

    assert.equal((await f.store.find('Home/Backup')).id, a.id);
    assert.equal((await f.store.find('home/backup')).id, a.id, 'case-insensitive');
    assert.equal((await f.store.find(a.id)).id, a.id);
    await assert.rejects(f.store.find('Backup'), isWharf('invalid-input', /Several sites are named "Backup": Home\/Backup, Work\/Backup/));
    await assert.rejects(f.store.find('Nope'), isWharf('invalid-input', /No saved site/));

    assert.deepEqual((await f.store.search('BACK')).map((s) => s.host), ['backup.example.com', 'nas.local']);
    assert.deepEqual((await f.store.search('example.org')).map((s) => s.name), ['MAIL SERVER']);
    assert.equal((await f.store.search('')).length, 3);
  });

  test('folders: create, rename (sites and passwords follow), refuse to delete a non-empty one unless asked', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    await f.store.createFolder(['Clients', 'Empty']);
    const site = await f.store.create({ name: 'ACME', host: 'acme.example.com', folderPath: ['Clients', 'ACME Corp'], password: 'folder-pw' });
    await assert.rejects(f.store.createFolder(['clients']), isWharf('invalid-input', /already exists/));

    await f.store.renameFolder(['Clients'], 'Customers');
    const tree = await f.store.list();
    assert.deepEqual(tree.folders, [['Customers'], ['Customers', 'ACME Corp'], ['Customers', 'Empty']]);
    const moved = await f.store.get(site.id);
    assert.deepEqual([moved.folderPath, moved.hasPassword], [['Customers', 'ACME Corp'], true]);

    await assert.rejects(f.store.deleteFolder(['Customers']), isWharf('invalid-input', /not empty \(1 sites, 2 folders\)/));
    await f.store.deleteFolder(['Customers', 'Empty']);
    assert.deepEqual(await f.store.deleteFolder(['Customers'], { recursive: true }), { deletedSites: 1 });
    assert.equal(await f.credentials.get(site.id), null, 'deleting a folder deletes its sites’ secrets');
    assert.deepEqual(await f.store.list(), { folders: [], sites: [] });
  });

  test('refuses input that would inject FTP commands or is plainly wrong, naming the field', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    await assert.rejects(f.store.create({ name: 'X', host: 'h', user: 'bob\r\nDELE x' }), isWharf('invalid-input', /^user: /));
    await assert.rejects(f.store.create({ name: 'X', host: 'h', remoteDir: '/a\n' }), isWharf('invalid-input', /remoteDir/));
    await assert.rejects(f.store.create({ name: 'X', host: 'h', password: 'a\nb' }), (err: unknown) => {
      assert.ok(err instanceof WharfError && err.kind === 'invalid-input' && !err.message.includes('a\nb'));
      return true;
    });
    await assert.rejects(f.store.create({ name: 'a/b', host: 'h' }), isWharf('invalid-input', /"\/"/));
    await assert.rejects(f.store.create({ name: 'X', host: 'h', maxConnections: 11 }), isWharf('invalid-input', /maxConnections/));
    await assert.rejects(f.store.create({ name: 'X', host: 'h', passwordStorage: 'ask', password: 'p' }), isWharf('invalid-input', /keychain/));
    assert.deepEqual((await f.store.list()).sites, []);
  });

  test('another store on the same folder (the CLI) sees every change, and parallel edits all land', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const cli = f.reopen();
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => f.store.create({ name: `Site ${i}`, host: `h${i}.example.com` })));
    assert.equal((await cli.list()).sites.length, 8);
    await cli.rename((created[0] as { id: string }).id, 'Renamed by the CLI');
    assert.equal((await f.store.get((created[0] as { id: string }).id)).name, 'Renamed by the CLI');
    assert.deepEqual(f.warnings, []);
  });
});

describe('defaultDataDir', () => {
  const home = '/home/ann';
  const rows: readonly { env: NodeJS.ProcessEnv; platform: NodeJS.Platform; want: string }[] = [
    { env: { WHARF_DATA_DIR: '/tmp/wharf-data' }, platform: 'linux', want: '/tmp/wharf-data' },
    { env: {}, platform: 'linux', want: '/home/ann/.config/Wharf' },
    { env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', want: '/xdg/Wharf' },
    { env: { XDG_CONFIG_HOME: 'relative/ignored' }, platform: 'linux', want: '/home/ann/.config/Wharf' },
    { env: {}, platform: 'darwin', want: '/home/ann/Library/Application Support/Wharf' },
    { env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, platform: 'win32', want: 'C:\\Users\\ann\\AppData\\Roaming\\Wharf' },
  ];
  for (const row of rows) {
    test(`on ${row.platform} with ${JSON.stringify(row.env)} is ${row.want}`, () => {
      assert.equal(defaultDataDir(row.env, row.platform, home), row.want);
    });
  }
});

describe('site store: a saved password stays with its server', () => {
  test('a new host, port, user or protocol forgets the saved password; name, folder and other settings keep it', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const changes = [{ host: 'elsewhere.example.net' }, { port: 2121 }, { user: 'mallory' }, { protocol: 'implicit' as const }];
    for (const change of changes) {
      const site = await f.store.create({ name: `Site ${Object.keys(change)[0]}`, host: 'files.example.com', user: 'bob', password: 'for files.example.com' });
      const renamed = await f.store.update(site.id, { name: `${site.name} renamed`, comments: 'x', maxConnections: 3, minTlsVersion: 'TLSv1.3' });
      assert.equal(renamed.hasPassword, true, 'settings that leave the server as it was keep the password');
      const moved = await f.store.update(site.id, change);
      assert.equal(moved.hasPassword, false, `${JSON.stringify(change)} forgets it`);
      assert.equal(await f.credentials.get(site.id), null, 'gone from the real keychain');
      assert.equal(await f.store.getPassword(site.id), null);
      assert.equal((await f.store.get(site.id)).hasPassword, false);
    }
  });

  test('the same host in other letter case, or the same values sent again, keep it', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const site = await f.store.create({ name: 'Same', host: 'files.example.com', user: 'bob', password: 'stays' });
    const same = await f.store.update(site.id, { host: 'FILES.example.com', port: 21, user: 'bob', protocol: 'explicit' });
    assert.equal(same.hasPassword, true);
    assert.equal(await f.credentials.get(site.id), 'stays');
  });

  test('keepPassword keeps it for the new server; a new password given with the change replaces it', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const site = await f.store.create({ name: 'Kept', host: 'old.example.com', user: 'bob', password: 'old one' });
    const kept = await f.store.update(site.id, { host: 'new.example.com', keepPassword: true });
    assert.deepEqual([kept.host, kept.hasPassword], ['new.example.com', true]);
    assert.equal(await f.credentials.get(site.id), 'old one');
    const replaced = await f.store.update(site.id, { host: 'third.example.com', password: 'typed for the third' });
    assert.equal(replaced.hasPassword, true);
    assert.equal(await f.credentials.get(site.id), 'typed for the third');
  });
});
