/**
 * The site manager's saved-password rule (issue #13), end to end in Chromium through the bridge, with the
 * real keychain (gnome-keyring through keytar, as the app uses): editing a saved site's host, user or port
 * shows a warning naming the old server with a "Keep the saved password for <new host>" checkbox, unticked.
 * Saved unticked, the keychain entry is gone; ticked, it stays. Going back to the old server takes the
 * question away. No server is contacted: the rule is about where a password may be sent.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import type { SiteProfile } from '../../common/models/site-profile';
import type { BridgeHost } from './bridge/host';
import { launchChromium, openApp, pageProblems, scratch, startHost } from './support';

const work = scratch('wharf-e2e-site-password-');
/** The keychain the services use by default, read directly: the entry itself, not the site's hasPassword. */
const keychain = new KeytarCredentialStore();
let host: BridgeHost;
let browser: Browser;
let page: Page;
const created: SiteProfile[] = [];

function dialog(title: string | RegExp) {
  return page.locator('[role="dialog"], [role="alertdialog"]').filter({ has: page.getByRole('heading', { name: title }) });
}

async function closeDialogs(): Promise<void> {
  for (let i = 0; i < 5 && (await page.locator('.backdrop').count()) > 0; i++) await page.keyboard.press('Escape');
}

/** A site on ftp.example.test:2121 as alice, its password in the keychain. */
async function siteWithPassword(name: string): Promise<{ site: SiteProfile; password: string }> {
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const site = await host.services.sites.create({ name, host: 'ftp.example.test', port: 2121, user: 'alice', passwordStorage: 'keychain', password });
  created.push(site);
  assert.equal(await keychain.get(site.id), password, 'the password is in the keychain to begin with');
  return { site, password };
}

/** Opens the site manager on a site's General tab. */
async function editSite(name: string) {
  await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
  const manager = dialog('Site Manager');
  await manager.getByRole('treeitem', { name: new RegExp(name) }).click();
  await manager.getByRole('tab', { name: 'General' }).click();
  return manager;
}

/** Saves and waits until the form shows the saved site (the warning goes once the saved site is the new server). */
async function save(manager: ReturnType<typeof dialog>): Promise<void> {
  await manager.getByRole('button', { name: 'Save', exact: true }).click();
  await manager.getByRole('alert', { name: 'Saved password and the new server' }).waitFor({ state: 'detached' });
}

before(async () => {
  assert.deepEqual(await keychain.isAvailable(), { available: true }, 'the test runner starts gnome-keyring');
  host = await startHost({ home: work.home, dataDir: work.dataDir });
  browser = await launchChromium();
  page = await openApp(browser, host);
});

after(async () => {
  await browser?.close();
  for (const site of created) await keychain.delete(site.id).catch(() => false);
  await host?.close();
  rmSync(work.base, { recursive: true, force: true });
});

describe('editing where a saved password goes', () => {
  afterEach(async () => {
    await closeDialogs();
  });

  it('a new host asks, naming both servers; saved unticked, the keychain entry is gone', async () => {
    const { site } = await siteWithPassword('Host change');
    const manager = await editSite('Host change');
    const warning = manager.getByRole('alert', { name: 'Saved password and the new server' });
    assert.equal(await warning.count(), 0, 'no question before anything changes');
    await manager.getByLabel('Host', { exact: true }).fill('ftp.elsewhere.test');
    await warning.waitFor();
    assert.match(await warning.innerText(), /typed for alice@ftp\.example\.test:2121\. Saving removes it, so it is not sent to\s+ftp\.elsewhere\.test unasked/);
    const keep = warning.getByRole('checkbox', { name: 'Keep the saved password for ftp.elsewhere.test' });
    assert.equal(await keep.isChecked(), false, 'dropping the password is the default');
    await save(manager);
    const saved = await host.services.sites.get(site.id);
    assert.equal(saved.host, 'ftp.elsewhere.test');
    assert.equal(saved.hasPassword, false);
    assert.equal(await keychain.get(site.id), null, 'the keychain entry is deleted');
  });

  it('a new user, ticked: the password stays in the keychain for the new login', async () => {
    const { site, password } = await siteWithPassword('User change');
    const manager = await editSite('User change');
    await manager.getByLabel('User', { exact: true }).fill('bob');
    const warning = manager.getByRole('alert', { name: 'Saved password and the new server' });
    await warning.waitFor();
    await warning.getByRole('checkbox', { name: 'Keep the saved password for ftp.example.test' }).check();
    await save(manager);
    const saved = await host.services.sites.get(site.id);
    assert.equal(saved.user, 'bob');
    assert.equal(saved.hasPassword, true);
    assert.equal(await keychain.get(site.id), password, 'the keychain entry is kept, unchanged');
  });

  it('a new port asks too; going back to the old one takes the question away', async () => {
    const { site, password } = await siteWithPassword('Port change');
    const manager = await editSite('Port change');
    const warning = manager.getByRole('alert', { name: 'Saved password and the new server' });
    const port = manager.getByLabel('Port', { exact: true });
    await port.fill('2122');
    await warning.waitFor();
    await port.fill('2121');
    await warning.waitFor({ state: 'detached' });
    assert.equal(await keychain.get(site.id), password, 'nothing is forgotten before Save');
    await port.fill('2122');
    await warning.waitFor();
    await save(manager);
    assert.equal((await host.services.sites.get(site.id)).port, 2122);
    assert.equal(await keychain.get(site.id), null);
  });

  it('no page errors', () => {
    assert.deepEqual(pageProblems(page), []);
  });
});
