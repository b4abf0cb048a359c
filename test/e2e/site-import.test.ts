/**
 * Imports and the FileZilla export in the site manager, end to end in Chromium through the bridge: one
 * "Import…" takes a WinSCP.ini (the format told from its content) and shows what maps, what is skipped and
 * why before anything is saved; "Import folder…" takes a folder of Cyberduck bookmarks as one batch;
 * "For FileZilla…" (export) writes a sitemanager.xml that FileZilla's importer reads back. The keychain is a
 * tracking store over the real one, emptied afterwards. Screenshots go to SCREENSHOT_DIR.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parseFileZillaSiteManager } from '../../main/sites/filezilla-import';
import { TrackingCredentialStore } from '../credentials/keyring-helpers';
import { useFleet } from '../servers/fleet';
import { writeFleetImportFiles, type FleetImportFiles } from '../sites/fleet-import-files';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeApp, dialogTitled, pageProblems, scratch, startApp } from './support';

const work = scratch('wharf-e2e-site-import-');
const credentials = new TrackingCredentialStore();
let files: FleetImportFiles;
let host: BridgeHost;
let browser: Browser;
let page: Page;
const shots = new Screenshots();

function dialog(title: string | RegExp) {
  return dialogTitled(page, title);
}

async function openSiteManager() {
  if ((await dialog('Site Manager').count()) === 0) await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
  const manager = dialog('Site Manager');
  await manager.waitFor();
  return manager;
}

before(async () => {
  const fleet = await useFleet();
  files = writeFleetImportFiles(fleet, join(work.base, 'from-other-clients'));
  ({ host, browser, page } = await startApp(work, { credentials }));
});

after(() => closeApp({ app: { host, browser }, credentials, work, shots }));

describe('site imports and the FileZilla export in the site manager', () => {
  afterEach(async () => {
    // A failed step leaves its dialog open; the next one starts from the site manager again.
    for (let i = 0; i < 3 && (await dialog(/^Import /).count()) > 0; i++) await page.keyboard.press('Escape');
  });

  it('Import… reads a WinSCP.ini: the preview names the format, what is skipped and why, and the passwords move only when agreed', async () => {
    host.platform.answerNextOpenFile(files.winScpIni);
    const manager = await openSiteManager();
    await manager.getByRole('button', { name: 'Import…', exact: true }).click();
    const preview = dialog('Import WinSCP sites');
    await preview.waitFor();
    const text = await preview.innerText();
    assert.match(text, /Found 2 sites in 2 folders/);
    assert.match(text, /2 readable passwords \(WinSCP only scrambles them\)/);
    assert.match(text, /1 cannot be imported/);
    assert.match(text, /Fleet \/ Shell: SFTP \(SSH\) sites are not supported/);
    await shots.take(page, 'import-winscp-preview');
    const consent = preview.getByRole('checkbox', { name: /to the system keychain/ });
    const offered = await consent.isEnabled();
    if (offered) await consent.check();
    await preview.getByRole('button', { name: 'Import 2 sites' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Import finished' }).last();
    await done.waitFor();
    if (offered) assert.match(await done.innerText(), /2 passwords moved to the system keychain/);
    const sites = (await host.services.sites.list()).sites.filter((s) => s.folderPath[0] === 'Fleet');
    assert.deepEqual(sites.map((s) => [s.folderPath.join('/'), s.name, s.protocol, s.hasPassword]).sort(), [
      ['Fleet', 'proftpd explicit', 'explicit', offered],
      ['Fleet/Implicit Ü', 'vsftpd implicit', 'implicit', offered],
    ]);
  });

  it('Import folder… takes a folder of Cyberduck bookmarks: it takes the bookmarks as one batch and says the sites will ask for their passwords', async () => {
    host.platform.answerNextFolder(files.cyberduckFolder);
    const manager = await openSiteManager();
    await manager.getByRole('button', { name: 'Import folder…' }).click();
    const preview = dialog('Import Cyberduck bookmarks');
    await preview.waitFor();
    const text = await preview.innerText();
    assert.match(text, /Found 2 sites in 1 folder\b/);
    assert.match(text, /each site asks for its password when it first connects/);
    assert.match(text, /Shell: SFTP \(SSH\) bookmarks are not supported/);
    await shots.take(page, 'import-cyberduck-preview');
    await preview.getByRole('button', { name: 'Import 2 sites' }).click();
    await page.getByRole('status').filter({ hasText: 'Import finished' }).last().waitFor();
    const active = (await host.services.sites.list()).sites.find((s) => s.name === 'vsftpd active');
    assert.equal(active?.dataMode, 'active');
  });

  it('For FileZilla… saves a sitemanager.xml without passwords that FileZilla’s importer reads as the same sites', async () => {
    const target = join(work.base, 'sitemanager.xml');
    host.platform.answerNextSaveFile(target);
    const manager = await openSiteManager();
    await manager.getByRole('button', { name: 'For FileZilla…' }).click();
    await page.getByRole('status').filter({ hasText: 'Sites exported' }).waitFor();
    const back = parseFileZillaSiteManager(readFileSync(target));
    const saved = (await host.services.sites.list()).sites;
    assert.deepEqual(back.plan.sites.map((e) => [...e.folderPath, e.input.name].join('/')).sort(), saved.map((s) => [...s.folderPath, s.name].join('/')).sort());
    assert.equal(back.passwords.size, 0);
    assert.deepEqual(pageProblems(page), []);
  });
});
