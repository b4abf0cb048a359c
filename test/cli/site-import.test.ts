/**
 * `wharf site import` and `wharf site export` as a user runs them: the real launcher, its own data folder,
 * the real keychain. Realistic files of each format preview with what maps and what is skipped; imports of
 * files pointing at the fleet are then used by `wharf ls site:...` (WinSCP's passwords from the keychain,
 * Cyberduck's typed), and an export reads back. Every site saved is deleted afterwards with its secret.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { SiteStore } from '../../main/sites/site-store';
import { requireKeyring } from '../credentials/keyring-helpers';
import { useFleet, writeServerFile } from '../servers/fleet';
import { writeFleetImportFiles } from '../sites/fleet-import-files';

const root = fileURLToPath(new URL('../..', import.meta.url));
const wharf = join(root, 'bin', 'wharf');
const fixtures = join(root, 'test', 'sites', 'fixtures');
const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-cli-import-'));
const dataDir = join(work, 'data');
const caFile = join(work, 'ca.pem');
writeFileSync(caFile, fleet.caCertPem);
const files = writeFleetImportFiles(fleet, join(work, 'from-other-clients'));

before(() => {
  if (!existsSync(join(root, 'dist', 'cli', 'wharf.cjs'))) {
    const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { cwd: root, stdio: 'ignore' });
    assert.equal(built.status, 0, 'the CLI bundle builds');
  }
});

after(async () => {
  // Deleting through the store takes each site's keychain entry with it.
  if (existsSync(join(dataDir, 'sites.json'))) {
    const store = new SiteStore({ dataDir, credentials: new KeytarCredentialStore() });
    await store.open();
    for (const site of (await store.list()).sites) await store.delete(site.id);
  }
  rmSync(work, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const { WHARF_PASSWORD: _none, ...base } = process.env;
    execFile(process.execPath, [wharf, ...args], { env: { ...base, WHARF_DATA_DIR: dataDir, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const siteUrl = (path: string) => `site:${encodeURIComponent(path)}/`;

describe('wharf site import / export', () => {
  test('--dry-run previews realistic files of every format and saves nothing', async () => {
    const winscp = await run(['site', 'import', join(fixtures, 'winscp-6.3-WinSCP.ini'), '--dry-run']);
    assert.equal(winscp.code, 0, winscp.stderr);
    assert.match(winscp.stdout, /^WinSCP configuration: 10 sites in 4 folders, 7 readable passwords$/m);
    assert.match(winscp.stdout, /^ {2}Work\/Client A\/Old archive\tftps:\/\/archiver@archive\.example\.com:990\/Archiv\/Übersicht 2024\tpassive, windows-1252\tno password saved$/m);
    assert.match(winscp.stdout, /^ {2}Work\/Client A\/Intranet\tftpes:\/\/bob@intranet\.example\.com:21\/home\/bob\/My Files\tactive, utf8\tpassword found$/m);
    assert.match(winscp.stdout, /^ {2}Work\/Europa\/Сервер в Москве\t/m);
    assert.match(winscp.stdout, /^Skipped \(6\):$/m);
    assert.match(winscp.stdout, /^ {2}Work\/Bucket: Amazon S3 sites are not supported/m);
    assert.match(winscp.stdout, /^ {2}Work\/Client A\/Old archive: WinSCP used the Windows ANSI code page/m);
    assert.match(winscp.stdout, /^Dry run: nothing was saved\.$/m);
    assert.ok(!winscp.stdout.includes('hunter2') && !winscp.stdout.includes('пароль'), 'passwords are never printed');

    const cyberduck = await run(['site', 'import', join(fixtures, 'cyberduck-bookmarks'), '--dry-run']);
    assert.equal(cyberduck.code, 0, cyberduck.stderr);
    assert.match(cyberduck.stdout, /^Cyberduck bookmarks: 5 sites in 3 folders, 0 readable passwords$/m);
    assert.match(cyberduck.stdout, /^ {2}東京サーバー\tftpes:\/\/%E7%94%B0%E4%B8%AD@ftp\.example\.jp:21\tpassive, shift_jis\tno password saved$/m);
    assert.match(cyberduck.stdout, /each site asks for its password/);
    assert.match(cyberduck.stdout, /^ {2}Europa\/Intranet DAV: WebDAV \(HTTPS\) bookmarks are not supported/m);

    const one = await run(['site', 'import', join(fixtures, 'cyberduck-bookmarks', 'tokyo.duck'), '--dry-run']);
    assert.match(one.stdout, /^Cyberduck bookmarks: 1 site in 0 folders/m);

    const filezilla = await run(['site', 'import', join(fixtures, 'filezilla-3.66-sitemanager.xml'), '--dry-run']);
    assert.match(filezilla.stdout, /^FileZilla site list: 10 sites in 5 folders, 4 readable passwords$/m);
    assert.equal(existsSync(join(dataDir, 'sites.json')), false, 'a dry run writes nothing');
  });

  test('imports a WinSCP.ini into a folder with its passwords in the keychain; wharf ls site: then lists without being given one', async (t) => {
    if (!(await requireKeyring(t))) return;
    const imported = await run(['site', 'import', files.winScpIni, '--into', 'From WinSCP']);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /^Imported 2 sites into From WinSCP; 2 passwords moved to the keychain\.$/m);
    const sitesFile = readFileSync(join(dataDir, 'sites.json'), 'utf8');
    for (const [path, serverName] of Object.entries(files.winScpSites)) {
      const server = fleet.servers[serverName];
      assert.ok(!sitesFile.includes(server.password), 'the password is not in the sites file');
      const marker = `cli-winscp-${serverName}.txt`;
      writeServerFile(server, marker, 'imported');
      const ls = await run(['ls', siteUrl(`From WinSCP/${path}`), '--ca', caFile]);
      assert.equal(ls.code, 0, ls.stderr);
      assert.match(ls.stdout, new RegExp(marker.replace(/\./g, '\\.')));
    }
  });

  test('imports a folder of Cyberduck bookmarks as one batch; the sites connect with the password given on use', async () => {
    const imported = await run(['site', 'import', files.cyberduckFolder]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /^Imported 2 sites; 0 passwords moved to the keychain\.$/m);
    for (const [path, serverName] of Object.entries(files.cyberduckSites)) {
      const server = fleet.servers[serverName];
      const marker = `cli-cyberduck-${serverName}.txt`;
      writeServerFile(server, marker, 'imported');
      const ls = await run(['ls', siteUrl(path), '--ca', caFile], { WHARF_PASSWORD: server.password });
      assert.equal(ls.code, 0, ls.stderr);
      assert.match(ls.stdout, new RegExp(marker.replace(/\./g, '\\.')));
    }
  });

  test('site export writes FileZilla XML (or Wharf JSON for a .json name) without passwords, refuses to overwrite, and the file imports back as the same sites', async () => {
    const out = join(work, 'sitemanager.xml');
    const exported = await run(['site', 'export', out]);
    assert.equal(exported.code, 0, exported.stderr);
    const saved = (await run(['site', 'ls'])).stdout.trim().split('\n').length;
    assert.match(exported.stdout, new RegExp(`^Exported ${saved} sites to .*sitemanager\\.xml \\(FileZilla's sitemanager\\.xml\\), without passwords\\.$`, 'm'));
    const xml = readFileSync(out, 'utf8');
    for (const server of Object.values(fleet.servers)) assert.ok(!xml.includes(server.password));
    const again = await run(['site', 'export', out]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /exists; pass --force/);
    const back = await run(['site', 'import', out, '--dry-run']);
    assert.match(back.stdout, new RegExp(`^FileZilla site list: ${saved} sites in \\d+ folders, 0 readable passwords$`, 'm'));

    // A .json name writes Wharf's own export, which imports back the same way.
    const json = join(work, 'wharf-sites.json');
    assert.equal((await run(['site', 'export', json])).code, 0);
    const fromJson = await run(['site', 'import', json, '--dry-run']);
    assert.equal(fromJson.code, 0, fromJson.stderr);
    assert.match(fromJson.stdout, new RegExp(`^Wharf export: ${saved} sites in \\d+ folders, 0 readable passwords$`, 'm'));
  });

  test('what is not a site list, or not there, is refused with the reason and the right exit code', async () => {
    const text = join(work, 'notes.txt');
    writeFileSync(text, 'just some notes\n');
    const unknown = await run(['site', 'import', text]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /cannot tell what this file holds/);
    const missing = await run(['site', 'import', join(work, 'nowhere.ini')]);
    assert.equal(missing.code, 7);
    assert.match(missing.stderr, /no such file or folder/);
    const usage = await run(['site', 'import']);
    assert.equal(usage.code, 2);
  });
});
