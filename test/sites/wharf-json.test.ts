import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WharfError } from '../../main/core/errors';
import { exportSitesJson, parseSitesJson } from '../../main/sites/wharf-json';
import { storeFixture } from './site-helpers';

describe("Wharf's own JSON export and import", () => {
  test('round-trips every setting and folder, without ids or passwords', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    await f.store.createFolder(['Empty']);
    const a = await f.store.create({
      name: 'Alpha', host: 'alpha.example.com', folderPath: ['Work', 'Web'], protocol: 'implicit', port: 2990, user: 'ann',
      password: 'export-never-sees-me', dataMode: 'active', localDir: '/tmp/l', remoteDir: '/r', encoding: 'latin1',
      maxConnections: 5, timezoneOffsetMinutes: -60, minTlsVersion: 'TLSv1.3', uploadViaTemporaryName: false, comments: 'multi\nline',
      clientCertPath: '/certs/client.p12', clientKeyPassphrase: 'export-never-sees-this-either', proxyMode: 'custom', proxyUrl: 'socks5://proxyuser@proxy.example:1080', proxyPassword: 'nor-this',
    });
    await f.store.create({ name: 'Beta', host: 'beta.example.com', passwordStorage: 'ask' });

    const json = exportSitesJson(await f.store.snapshot(), new Date('2025-02-03T04:05:06.000Z'));
    assert.ok(!json.includes('export-never-sees-me'));
    assert.ok(!json.includes('export-never-sees-this-either') && !json.includes('nor-this'), 'no connectivity secret either');
    assert.ok(!json.includes(a.id), 'ids stay local');
    assert.ok(!json.includes('hasPassword'));

    const plan = parseSitesJson(json);
    assert.deepEqual([plan.summary.source, plan.summary.sitesFound, plan.summary.passwordsFound], ['wharf', 2, 0]);
    const other = f.reopen({ dataDir: `${f.dataDir}/other` });
    const result = await other.importSites(plan);
    const alpha = result.created.find((s) => s.name === 'Alpha');
    assert.ok(alpha);
    const strip = (s: typeof alpha) => ({ ...s, id: '', createdAt: '', updatedAt: '', hasPassword: false });
    assert.deepEqual(strip(alpha), strip(a));
    assert.deepEqual((await other.list()).folders.map((p) => p.join('/')), ['Empty', 'Work', 'Work/Web']);
  });

  test('skips invalid entries with the reason, ignores a password added by hand, refuses foreign or newer files', () => {
    const plan = parseSitesJson(
      JSON.stringify({
        format: 'wharf-sites', schemaVersion: 1, folders: [],
        sites: [
          { name: 'Good', host: 'good.example.com', password: 'typed-into-the-file' },
          { name: 'Bad', host: 'bad.example.com', port: 0 },
        ],
      }),
    );
    assert.deepEqual(plan.sites.map((s) => s.input.name), ['Good']);
    assert.ok(!JSON.stringify(plan).includes('typed-into-the-file'));
    assert.match(plan.summary.notes[0]?.note ?? '', /password in the export file was ignored/);
    assert.deepEqual(plan.summary.skipped.map((s) => [s.name, /port/.test(s.reason)]), [['Bad', true]]);

    const invalid = (text: string, pattern: RegExp) =>
      assert.throws(() => parseSitesJson(text), (err: unknown) => err instanceof WharfError && err.kind === 'invalid-input' && pattern.test(err.message));
    invalid('{', /not valid JSON/);
    invalid('{"sites":[]}', /not a Wharf sites export/);
    invalid('{"format":"wharf-sites","schemaVersion":9,"sites":[]}', /newer Wharf \(schema 9\)/);
  });
});

describe('importing into a folder', () => {
  test('an entry that would nest too deep is skipped with the reason, the rest imported', async (t) => {
    const f = await storeFixture(t);
    if (!f) return;
    const deep = Array.from({ length: 16 }, (_, i) => `L${i}`);
    const plan = parseSitesJson(
      JSON.stringify({ format: 'wharf-sites', schemaVersion: 1, sites: [{ name: 'Deep', host: 'd.example.com', folderPath: deep }, { name: 'Flat', host: 'f.example.com' }] }),
    );
    const result = await f.store.importSites(plan, { intoFolder: ['Imported'] });
    assert.deepEqual(result.created.map((s) => [s.name, s.folderPath]), [['Flat', ['Imported']]]);
    assert.deepEqual(result.skipped.map((s) => [s.name, /16 levels/.test(s.reason)]), [['Deep', true]]);
  });
});
