/**
 * Imports from other clients through the services the app runs (createWharfServices, the same gate the
 * renderer calls): a WinSCP.ini and a folder of Cyberduck bookmarks chosen in the (headless) dialogs, the
 * format told from the content; the imported sites then connect to the real servers of the fleet and list.
 * Passwords come from the keychain (WinSCP's, once agreed) or are typed (Cyberduck keeps none in its files).
 * The export for FileZilla goes through the save dialog and reads back as the same sites.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Result } from '../../common/models/result';
import type { SiteProfile } from '../../common/models/site-profile';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices, type WharfServices } from '../../main/services/wharf-services';
import { PinnedCertificateStore } from '../../main/sites/pinned-certificates';
import { TrackingCredentialStore, requireKeyring } from '../credentials/keyring-helpers';
import { useFleet, writeServerFile } from '../servers/fleet';
import { writeFleetImportFiles } from '../sites/fleet-import-files';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-site-import-'));
const dataDir = join(work, 'data');
const platform = new HeadlessPlatform();
const credentials = new TrackingCredentialStore();
const files = writeFleetImportFiles(fleet, join(work, 'from-other-clients'));
let services: WharfServices;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

before(async () => {
  mkdirSync(dataDir, { recursive: true });
  const pins = new PinnedCertificateStore({ dataDir });
  for (const server of Object.values(fleet.servers)) {
    if (server.certFingerprintSha256) await pins.pin({ host: server.host, port: server.port, fingerprintSha256: server.certFingerprintSha256, subject: 'CN=fleet' });
  }
  services = await createWharfServices({ dataDir, home: work, platform, app: { name: 'Wharf', version: 'test' }, credentials });
});

after(async () => {
  await services.dispose();
  await credentials.cleanUp();
  rmSync(work, { recursive: true, force: true });
});

/** Connects to an imported site (typing `password` when given), lists its root and disconnects. */
async function listThrough(site: SiteProfile, password?: string): Promise<readonly string[]> {
  const { sessionId } = value(await services.api.remoteConnect({ kind: 'site', siteId: site.id, ...(password ? { password } : {}) }));
  try {
    return value(await services.api.remoteList({ sessionId, path: '/' })).entries.map((e) => e.name);
  } finally {
    await services.api.remoteDisconnect({ sessionId });
  }
}

const pathOf = (site: SiteProfile, under: readonly string[]) => [...site.folderPath.slice(under.length), site.name].join('/');

describe('imports from other clients, through the services, onto the real servers', () => {
  test('a WinSCP.ini chosen in the dialog: told by its content, previewed, imported with its passwords into the keychain, then each site lists', async (t) => {
    if (!(await requireKeyring(t, credentials))) return;
    platform.answerNextOpenFile(files.winScpIni);
    const preview = value(await services.api.sitesImportPreview({ format: 'auto' }));
    assert.ok(preview);
    assert.equal(preview.summary.source, 'winscp');
    assert.equal(preview.summary.sitesFound, 2);
    assert.equal(preview.summary.passwordsFound, 2);
    assert.deepEqual(preview.summary.skipped.map((s) => [s.name, s.reason]), [['Shell', 'SFTP (SSH) sites are not supported: Wharf speaks FTP and FTPS only.']]);
    assert.ok(!JSON.stringify(preview).includes(fleet.servers['vsftpd-implicit'].password), 'no password leaves main');

    const result = value(await services.api.sitesImportCommit({ importId: preview.importId, storePasswords: true, intoFolder: ['From WinSCP'] }));
    assert.equal(result.passwordsSaved, 2);
    for (const site of result.created) {
      const server = fleet.servers[files.winScpSites[pathOf(site, ['From WinSCP'])] as keyof typeof fleet.servers];
      assert.ok(server, pathOf(site, ['From WinSCP']));
      assert.equal(site.protocol, server.mode);
      const marker = `winscp-${server.name}.txt`;
      writeServerFile(server, marker, 'imported from WinSCP');
      assert.ok((await listThrough(site)).includes(marker), `${site.name} lists through the password taken from WinSCP.ini`);
    }
  });

  test('a folder of Cyberduck bookmarks imports as one batch; the sites ask for their password, connect (one in active mode) and list', async () => {
    platform.answerNextFolder(files.cyberduckFolder);
    const preview = value(await services.api.sitesImportPreview({ format: 'cyberduck-folder' }));
    assert.ok(preview);
    assert.equal(preview.summary.source, 'cyberduck');
    assert.equal(preview.summary.sitesFound, 2);
    assert.equal(preview.summary.passwordsFound, 0);
    assert.deepEqual(preview.summary.skipped.map((s) => s.name), ['Shell']);
    const result = value(await services.api.sitesImportCommit({ importId: preview.importId, storePasswords: true, intoFolder: ['From Cyberduck'] }));
    for (const site of result.created) {
      const server = fleet.servers[files.cyberduckSites[pathOf(site, ['From Cyberduck'])] as keyof typeof fleet.servers];
      assert.ok(server, pathOf(site, ['From Cyberduck']));
      assert.equal(site.hasPassword, false);
      const marker = `cyberduck-${server.name}.txt`;
      writeServerFile(server, marker, 'imported from Cyberduck');
      const before = services.log.recent().length;
      assert.ok((await listThrough(site, server.password)).includes(marker), `${site.name} lists with the password typed on connect`);
      const commands = services.log.recent().slice(before).filter((line) => line.direction === 'command').map((line) => line.text);
      if (site.dataMode === 'active') assert.ok(commands.some((c) => /^(EPRT|PORT) /.test(c)), `active mode: ${commands.join(' | ')}`);
      else assert.ok(commands.some((c) => /^(EPSV|PASV)/.test(c)), `passive mode: ${commands.join(' | ')}`);
    }
    assert.ok(result.created.some((s) => s.dataMode === 'active'));
  });

  test('export for FileZilla goes where the save dialog says, holds no password, and reads back as the same sites', async () => {
    const sites = value(await services.api.sitesList({})).sites;
    const target = join(work, 'sitemanager.xml');
    platform.answerNextSaveFile(target);
    const exported = value(await services.api.sitesExport({ saveWithDialog: true, format: 'filezilla' }));
    assert.equal(exported.savedTo, target);
    const xml = readFileSync(target, 'utf8');
    for (const server of Object.values(fleet.servers)) assert.ok(!xml.includes(server.password), 'no password in the export');
    const back = value(await services.api.sitesImportPreview({ format: 'auto', text: xml }));
    assert.ok(back);
    assert.equal(back.summary.source, 'filezilla');
    assert.equal(back.summary.sitesFound, sites.length);
    assert.equal(back.summary.passwordsFound, 0);
  });

  test('a file chosen as one format that holds another is refused, saying what it holds', async () => {
    platform.answerNextOpenFile(files.winScpIni);
    const result = await services.api.sitesImportPreview({ format: 'filezilla' });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error.message, /holds WinSCP's configuration/);
  });
});
