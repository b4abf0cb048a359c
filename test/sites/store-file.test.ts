import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setUiLocale, uiLocale } from '../../common/i18n/t';
import { WharfError } from '../../main/core/errors';
import { TEMP_FILE_MARKER, nodeStoreFs, writeFileAtomic, type StoreFs } from '../../main/sites/atomic-file';
import { SITES_SCHEMA_VERSION } from '../../main/sites/site-migrations';
import { SITES_FILE_NAME } from '../../main/sites/site-store';
import { tempDir } from '../credentials/keyring-helpers';
import { storeFixture } from './site-helpers';

const validSite = (name: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(), name, folderPath: ['Work'], protocol: 'explicit', host: `${name.toLowerCase().replace(/\W/g, '')}.example.com`,
  port: 21, portFollowsProtocol: true, user: 'bob', passwordStorage: 'ask', dataMode: 'passive', localDir: '', remoteDir: '/srv',
  encoding: 'utf8', maxConnections: 2, timezoneOffsetMinutes: 0, minTlsVersion: 'TLSv1.2', comments: '',
  createdAt: '2024-05-01T10:00:00.000Z', updatedAt: '2024-05-01T10:00:00.000Z', ...extra,
});

async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

describe('sites file: damaged, unreadable and newer files', () => {
  test('a truncated file is kept byte for byte as a timestamped backup and reported; the store starts over', async (t) => {
    const f = await storeFixture(t, { now: () => new Date('2025-03-04T05:06:07.890Z') });
    if (!f) return;
    const original = JSON.stringify({ schemaVersion: 1, folders: [], sites: [validSite('Alpha'), validSite('Beta')] }, null, 2);
    const cut = original.slice(0, original.length / 2);
    await writeFile(f.store.filePath, cut);

    const { warnings } = await f.store.open();
    assert.equal(warnings.length, 1);
    const w = warnings[0] as (typeof warnings)[number];
    assert.equal(w.kind, 'corrupt-file');
    assert.equal(w.backupPath, `${f.store.filePath}.corrupt-2025-03-04T05-06-07-890Z.bak`);
    assert.match(w.message, /was damaged: it is not valid JSON.*The damaged file was kept at .*corrupt-2025-03-04T05-06-07-890Z\.bak/);
    assert.equal(await readFile(w.backupPath, 'utf8'), cut, 'the backup holds exactly what was on disk');
    assert.deepEqual(f.warnings, warnings, 'onWarning heard it too');

    // The store works again and the repaired file is valid; opening again reports nothing new.
    await f.store.create({ name: 'Gamma', host: 'g.example.com', passwordStorage: 'ask' });
    assert.deepEqual((await f.reopen().open()).warnings, []);
    assert.deepEqual(JSON.parse(await readFile(f.store.filePath, 'utf8')).sites.map((s: { name: string }) => s.name), ['Gamma']);
  });

  test('invalid entries are named in the warning while every valid site is kept', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const good = [validSite('Alpha'), validSite('Beta', { folderPath: ['Work', 'Deep'] })];
    const doc = {
      schemaVersion: 1,
      folders: [['Empty folder'], 42],
      sites: [good[0], { ...validSite('Broken port'), port: 70000 }, 'not a site', good[1], { ...good[0], name: 'Same id' }],
    };
    const bytes = JSON.stringify(doc);
    await writeFile(f.store.filePath, bytes);

    const tree = await f.store.list();
    assert.deepEqual(tree.sites.map((s) => s.name), ['Alpha', 'Beta']);
    assert.deepEqual(tree.folders, [['Empty folder'], ['Work'], ['Work', 'Deep']]);
    const w = f.warnings[0];
    assert.ok(w && w.kind === 'corrupt-file');
    assert.deepEqual(w.lost, ['"Broken port" (#2)', 'site #3', '"Same id" (#5) (duplicate id)', 'folder #2']);
    assert.equal(w.recovered, 2);
    assert.match(w.message, /2 entries were kept\. 4 could not be read \("Broken port" \(#2\), site #3/);
    assert.equal(await readFile(w.backupPath, 'utf8'), bytes);
  });

  test('a file written by a newer Wharf is refused and left untouched, even by writes', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const bytes = JSON.stringify({ schemaVersion: 7, sites: [{ future: true }] });
    await writeFile(f.store.filePath, bytes);
    await assert.rejects(f.store.open(), (err: unknown) => {
      assert.ok(err instanceof WharfError && err.kind === 'local-io');
      assert.match(err.message, new RegExp(`written by a newer version of Wharf \\(schema 7; this version reads up to ${SITES_SCHEMA_VERSION}\\)\\. It was left untouched`));
      return true;
    });
    await assert.rejects(f.store.create({ name: 'X', host: 'x', passwordStorage: 'ask' }), WharfError);
    assert.equal(await readFile(f.store.filePath, 'utf8'), bytes);
    assert.deepEqual(await filesIn(f.dataDir), [SITES_FILE_NAME], 'no backup, no temp file');
  });

  test('a file that cannot be read is reported and never overwritten', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    await mkdir(f.store.filePath); // reading a directory fails with EISDIR, as a permission problem would
    await assert.rejects(f.store.list(), (err: unknown) => {
      assert.ok(err instanceof WharfError && err.kind === 'local-io');
      assert.match(err.message, /cannot read its sites file .* it was left untouched \(EISDIR\)/);
      return true;
    });
    await assert.rejects(f.store.create({ name: 'X', host: 'x', passwordStorage: 'ask' }), WharfError);
    assert.ok((await stat(f.store.filePath)).isDirectory());
  });
});

describe('sites file: atomic writes', () => {
  test('a failed rename leaves the previous file intact and no temporary file behind', async (t) => {
    let failRename = false;
    const fs: StoreFs = {
      ...nodeStoreFs,
      rename: async (from, to) => {
        if (failRename) throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
        return nodeStoreFs.rename(from, to);
      },
    };
    const f = await storeFixture(t, { fs });
    if (!f) return;
    await f.store.create({ name: 'Before', host: 'b.example.com', passwordStorage: 'ask' });
    const before = await readFile(f.store.filePath, 'utf8');

    failRename = true;
    await assert.rejects(f.store.create({ name: 'After', host: 'a.example.com', passwordStorage: 'ask' }), (err: unknown) => {
      assert.ok(err instanceof WharfError && err.kind === 'local-io');
      assert.match(err.message, /could not save its sites file .*\(EIO\)/);
      return true;
    });
    assert.equal(await readFile(f.store.filePath, 'utf8'), before);
    assert.deepEqual(await filesIn(f.dataDir), [SITES_FILE_NAME]);
  });

  test('a write cut off half-way (disk full) leaves the previous file intact, and a password saved for it is removed', async (t) => {
    let failWrite = false;
    const fs: StoreFs = {
      ...nodeStoreFs,
      open: async (path, flags, mode) => {
        const handle = await nodeStoreFs.open(path, flags, mode);
        if (!failWrite || !path.includes(TEMP_FILE_MARKER)) return handle;
        return {
          writeFile: async (data) => {
            await handle.writeFile(String(data).slice(0, 40)); // part of the document reaches the disk...
            throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' }); // ...then the disk is full
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const f = await storeFixture(t, { fs });
    if (!f) return;
    const first = await f.store.create({ name: 'Before', host: 'b.example.com', passwordStorage: 'ask' });
    const before = await readFile(f.store.filePath, 'utf8');

    failWrite = true;
    await assert.rejects(f.store.create({ name: 'After', host: 'a.example.com', password: 'never-orphaned' }), /ENOSPC/);
    assert.equal(await readFile(f.store.filePath, 'utf8'), before);
    assert.deepEqual(await filesIn(f.dataDir), [SITES_FILE_NAME]);
    for (const id of f.credentials.ids) assert.equal(await f.credentials.get(id), null, 'no password without its site');
    failWrite = false;
    assert.deepEqual((await f.store.list()).sites.map((s) => s.id), [first.id]);
  });

  test('writeFileAtomic replaces the file whole and creates it private (0600)', async () => {
    const dir = await tempDir('atomic');
    try {
      const path = join(dir.path, 'doc.json');
      await writeFileAtomic(path, 'one');
      await writeFileAtomic(path, 'two');
      assert.equal(await readFile(path, 'utf8'), 'two');
      assert.deepEqual(await filesIn(dir.path), ['doc.json']);
      if (process.platform !== 'win32') assert.equal((await stat(path)).mode & 0o777, 0o600);
    } finally {
      await dir.remove();
    }
  });
});

describe('sites file: migrations', () => {
  test('a schema 0 file (a bare list) is upgraded to schema 1, the old file kept, and nothing lost', async (t) => {
    const f = await storeFixture(t, { now: () => new Date('2025-01-02T03:04:05.000Z') });
    if (!f) return;
    const v0 = [
      { id: randomUUID(), name: 'Legacy', folder: 'Clients/ACME', host: 'legacy.example.com', port: 990, secure: 'implicit', passive: false, user: 'ann', created: Date.UTC(2023, 0, 1) },
      { id: randomUUID(), name: 'Plain', host: 'plain.example.com', secure: 'none', savePassword: false },
    ];
    const bytes = JSON.stringify(v0);
    await writeFile(f.store.filePath, bytes);

    const { warnings } = await f.store.open();
    assert.deepEqual(warnings.map((w) => [w.kind, w.recovered]), [['migrated', 2]]);
    assert.equal(await readFile(`${f.store.filePath}.v0-2025-01-02T03-04-05-000Z.bak`, 'utf8'), bytes);

    const tree = await f.store.list();
    assert.deepEqual(tree.folders, [['Clients'], ['Clients', 'ACME']]);
    const legacy = tree.sites.find((s) => s.name === 'Legacy');
    const plain = tree.sites.find((s) => s.name === 'Plain');
    assert.deepEqual(
      legacy && [legacy.id, legacy.folderPath, legacy.protocol, legacy.port, legacy.portFollowsProtocol, legacy.dataMode, legacy.user, legacy.createdAt],
      [v0[0]?.id, ['Clients', 'ACME'], 'implicit', 990, true, 'active', 'ann', '2023-01-01T00:00:00.000Z'],
    );
    assert.deepEqual(plain && [plain.protocol, plain.port, plain.passwordStorage, plain.dataMode], ['plain', 21, 'ask', 'passive']);
    assert.equal(JSON.parse(await readFile(f.store.filePath, 'utf8')).schemaVersion, SITES_SCHEMA_VERSION);
    assert.deepEqual((await f.reopen().open()).warnings, [], 'upgraded once');
  });

  test('a site saved before "upload via a temporary name" existed loads with it on, and an edit saves it off', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const old = validSite('Before the setting'); // a schema 1 site: no uploadViaTemporaryName
    assert.equal('uploadViaTemporaryName' in old, false);
    await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: 1, folders: [['Work']], sites: [old] }));
    const { warnings } = await f.store.open();
    assert.deepEqual(warnings.map((w) => [w.kind, w.recovered]), [['migrated', 1]]);
    const [loaded] = (await f.store.list()).sites;
    assert.equal(loaded?.uploadViaTemporaryName, true);
    assert.equal(JSON.parse(await readFile(f.store.filePath, 'utf8')).schemaVersion, SITES_SCHEMA_VERSION);

    await f.store.update(old.id, { uploadViaTemporaryName: false });
    const reopened = f.reopen();
    assert.deepEqual((await reopened.open()).warnings, []);
    assert.equal((await reopened.get(old.id)).uploadViaTemporaryName, false);
  });

  test('a schema 2 site (before client certificates and proxies) loads with none and the app-wide proxy, and keeps a new setting', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const old = { ...validSite('Before #18'), uploadViaTemporaryName: true };
    await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: 2, folders: [['Work']], sites: [old] }));
    const { warnings } = await f.store.open();
    assert.deepEqual(warnings.map((w) => [w.kind, w.recovered]), [['migrated', 1]]);
    const [loaded] = (await f.store.list()).sites;
    assert.deepEqual(loaded && [loaded.clientCertPath, loaded.clientKeyPath, loaded.proxyMode, loaded.proxyUrl], ['', '', 'app', '']);
    await f.store.update(old.id, { proxyMode: 'custom', proxyUrl: 'http://proxy.example:3128', clientCertPath: '/certs/me.p12' });
    const reopened = f.reopen();
    assert.deepEqual((await reopened.open()).warnings, []);
    const saved = await reopened.get(old.id);
    assert.deepEqual([saved.proxyMode, saved.proxyUrl, saved.clientCertPath], ['custom', 'http://proxy.example:3128', '/certs/me.p12']);
  });

  test('a schema 2 site loads with "allow unencrypted file data" off, and an edit turns it on', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const old = { ...validSite('Before PROT P was required'), uploadViaTemporaryName: false };
    assert.equal('allowClearData' in old, false);
    await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: 2, folders: [['Work']], sites: [old] }));
    const { warnings } = await f.store.open();
    assert.deepEqual(warnings.map((w) => [w.kind, w.recovered]), [['migrated', 1]]);
    const [loaded] = (await f.store.list()).sites;
    assert.deepEqual([loaded?.allowClearData, loaded?.uploadViaTemporaryName], [false, false]);
    assert.equal(JSON.parse(await readFile(f.store.filePath, 'utf8')).schemaVersion, SITES_SCHEMA_VERSION);

    await f.store.update(old.id, { allowClearData: true });
    const reopened = f.reopen();
    assert.deepEqual((await reopened.open()).warnings, []);
    assert.equal((await reopened.get(old.id)).allowClearData, true);
  });

  test('a schema 3 site loads with "keep modification times" on, the file is upgraded, and an edit turns it off', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const old = { ...validSite('Before keeping times'), allowClearData: true };
    assert.equal('keepModifiedTimes' in old, false);
    await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: 3, folders: [['Work']], sites: [old] }));
    const { warnings } = await f.store.open();
    assert.deepEqual(warnings.map((w) => [w.kind, w.recovered]), [['migrated', 1]]);
    const [loaded] = (await f.store.list()).sites;
    assert.deepEqual([loaded?.keepModifiedTimes, loaded?.allowClearData], [true, true]);
    const written = JSON.parse(await readFile(f.store.filePath, 'utf8')) as { schemaVersion: number; sites: { keepModifiedTimes?: boolean }[] };
    assert.deepEqual([written.schemaVersion, written.sites[0]?.keepModifiedTimes], [SITES_SCHEMA_VERSION, true]);

    await f.store.update(old.id, { keepModifiedTimes: false });
    const reopened = f.reopen();
    assert.deepEqual((await reopened.open()).warnings, []);
    assert.equal((await reopened.get(old.id)).keepModifiedTimes, false);
  });

  test('schema 4 sites get segmented downloads (4 at most), off where one connection is allowed; an edit changes it', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const several = { ...validSite('Several connections'), keepModifiedTimes: false, maxConnections: 3 };
    const single = { ...validSite('One connection only'), keepModifiedTimes: true, maxConnections: 1 };
    assert.equal('segments' in several, false);
    await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: 4, folders: [['Work']], sites: [several, single] }));
    const { warnings } = await f.store.open();
    assert.deepEqual(warnings.map((w) => [w.kind, w.recovered]), [['migrated', 2]]);
    assert.deepEqual([(await f.store.get(several.id)).segments, (await f.store.get(single.id)).segments], [4, 0]);
    assert.equal((await f.store.get(several.id)).keepModifiedTimes, false, 'the other settings are kept');
    const written = JSON.parse(await readFile(f.store.filePath, 'utf8')) as { schemaVersion: number; sites: { segments?: number }[] };
    assert.deepEqual([written.schemaVersion, written.sites.map((s) => s.segments)], [5, [4, 0]]);

    await f.store.update(several.id, { segments: 0 });
    await f.store.update(single.id, { segments: 2 });
    const reopened = f.reopen();
    assert.deepEqual((await reopened.open()).warnings, []);
    assert.deepEqual([(await reopened.get(several.id)).segments, (await reopened.get(single.id)).segments], [0, 2]);
    await assert.rejects(reopened.update(several.id, { segments: 11 }), /segments/);
  });

  test('a current file whose site lacks the field (edited by hand) loads it with the default, without a warning', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: SITES_SCHEMA_VERSION, folders: [['Work']], sites: [validSite('Hand edited')] }));
    assert.deepEqual((await f.store.open()).warnings, []);
    assert.equal((await f.store.list()).sites[0]?.uploadViaTemporaryName, true);
  });

  test('a schemaVersion that is not a number is treated as damage, with a backup', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: 'one', sites: [] }));
    const { warnings } = await f.store.open();
    assert.equal(warnings[0]?.kind, 'corrupt-file');
    assert.match(warnings[0]?.message ?? '', /schemaVersion is not a number/);
  });
});

describe('sites file: repairs reported in the user language', () => {
  test('a damaged file is reported in German and a file from a newer Wharf refused in Japanese', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const before = uiLocale();
    try {
      setUiLocale('de');
      await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: 1, folders: [], sites: [validSite('Alpha'), { ...validSite('Broken port'), port: 70000 }] }));
      await f.store.list();
      const w = f.warnings[0];
      assert.ok(w && w.kind === 'corrupt-file');
      assert.match(w.message, /^Die Serverdatei .* war beschädigt: einige Einträge sind ungültig\. Die beschädigte Datei wurde unter .*\.bak aufbewahrt\. 1 Eintrag wurde behalten\. 1 konnte nicht gelesen werden \(„Broken port“ \(Nr\. 2\)\)\.$/);

      setUiLocale('ja');
      await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: SITES_SCHEMA_VERSION + 1, sites: [] }));
      await assert.rejects(f.store.list(), (err: unknown) => {
        assert.ok(err instanceof WharfError && err.kind === 'local-io');
        assert.match(err.message, new RegExp(`^サイトファイル .* は新しいバージョンの Wharf で書き込まれています \\(スキーマ ${SITES_SCHEMA_VERSION + 1}。`));
        return true;
      });
    } finally {
      setUiLocale(before);
    }
  });

  test('the entries a damaged file lost are named in German: sites, a duplicate id, a folder, the folder list', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const before = uiLocale();
    try {
      setUiLocale('de');
      const alpha = validSite('Alpha');
      await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: 1, folders: [['Work'], 42], sites: [alpha, { ...validSite('Broken port'), port: 70000 }, 'not a site', { ...alpha, name: 'Same id' }] }));
      await f.store.list();
      assert.deepEqual(f.warnings[0]?.lost, ['„Broken port“ (Nr. 2)', 'Server Nr. 3', '„Same id“ (Nr. 4) (doppelte ID)', 'Ordner Nr. 2']);
      await writeFile(f.store.filePath, JSON.stringify({ schemaVersion: 1, folders: 'Work', sites: [alpha] }));
      await f.reopen().list();
      assert.deepEqual(f.warnings.at(-1)?.lost, ['die Ordnerliste']);
    } finally {
      setUiLocale(before);
    }
  });
});
