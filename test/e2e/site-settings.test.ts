/**
 * Editing a saved site while connected to it, end to end in Chromium through the bridge, against the real
 * vsftpd of the fleet: settings an open connection takes over (timezone offset, maximum connections) apply
 * at once, the remote pane listing its times again, with no notice; settings that need a new connection
 * (the charset, the port) are named in a notice saying they apply on the next connection. Screenshots go
 * to SCREENSHOT_DIR.
 */
import assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { SiteProfile } from '../../common/models/site-profile';
import { PinnedCertificateStore } from '../../main/sites/pinned-certificates';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeAllDialogs, closeApp, dialogTitled, pageProblems, paneRow, scratch, startApp } from './support';

const work = scratch('wharf-e2e-site-settings-');
const FOLDER = `e2e-site-settings-${process.pid}`;
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;
let site: SiteProfile;
const shots = new Screenshots();

/** The dialog with this title. */
function dialog(title: string | RegExp) {
  return dialogTitled(page, title);
}

async function closeDialogs(): Promise<void> {
  await closeAllDialogs(page);
}

/** The Modified cell of a remote row, as the pane shows it (`2024-05-01 13:37`, local time). */
function modifiedCell(name: string) {
  return paneRow(page, 'remote', name).locator('.c-modified');
}

/** The same `YYYY-MM-DD HH:MM` local time shifted by whole minutes, formatted as the pane does. */
function shiftedBy(shown: string, minutes: number): string {
  const [date, clock] = shown.split(' ') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = clock.split(':').map(Number) as [number, number];
  const t = new Date(y, mo - 1, d, h, mi + minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** Opens the site manager on the site, on the Advanced tab. */
async function editSite() {
  await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
  const manager = dialog('Site Manager');
  await manager.getByRole('treeitem', { name: new RegExp(site.name) }).click();
  await manager.getByRole('tab', { name: 'Advanced' }).click();
  return manager;
}

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  const dated = writeServerFile(server, `${FOLDER}/dated.txt`, 'dated');
  const threeDaysAgo = new Date(Date.now() - 3 * 24 * 3600_000);
  utimesSync(dated, threeDaysAgo, threeDaysAgo);
  // "Always trust" given beforehand: this file is about site settings, not certificate questions.
  await new PinnedCertificateStore({ dataDir: work.dataDir }).pin({ host: server.host, port: server.port, fingerprintSha256: server.certFingerprintSha256 as string, subject: 'CN=fleet' });
  ({ host, browser, page } = await startApp(work, {
    beforeChromium: async (started) => {
      site = await started.services.sites.create({
        name: 'Settings site',
        host: server.host,
        port: server.port,
        user: server.user,
        passwordStorage: 'ask',
        remoteDir: `/${FOLDER}`,
      });
    },
  }));
});

after(() => closeApp({ app: { host, browser }, work, shots }));

describe('a saved site edited while connected to it', () => {
  afterEach(async () => {
    await closeDialogs();
  });

  it('connects to the site (its password typed on connect)', async () => {
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialog('Site Manager');
    await manager.getByRole('treeitem', { name: /Settings site/ }).click();
    await manager.getByRole('button', { name: 'Connect', exact: true }).click();
    const ask = dialog(/^Password for/);
    await ask.getByLabel('Site password').fill(server.password);
    await ask.getByRole('button', { name: 'Connect' }).click();
    await paneRow(page, 'remote', 'dated.txt').waitFor();
  });

  it('applies a new timezone offset and maximum of connections at once, listing the times again, with no notice', async () => {
    const shownBefore = await modifiedCell('dated.txt').innerText();
    const manager = await editSite();
    await manager.getByLabel('Timezone offset (minutes)').fill('120');
    await manager.getByLabel('Maximum connections').fill('1');
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    await closeDialogs();
    // The server's clock is now read as two hours ahead of UTC: the same line means two hours earlier.
    const expected = shiftedBy(shownBefore, -120);
    await page.waitForFunction(
      ([text]) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('[role="grid"][aria-label="Remote files"] [data-name="dated.txt"] .c-modified')?.textContent === text,
      [expected],
    );
    const saved = await host.services.sites.get(site.id);
    assert.equal(saved.timezoneOffsetMinutes, 120);
    assert.equal(saved.maxConnections, 1);
    assert.equal(await page.getByRole('status').filter({ hasText: 'Reconnect to apply' }).count(), 0, 'nothing waits for a new connection');
    assert.equal(host.services.remote.list()[0]?.state, 'connected');
  });

  it('names the charset and port changes that apply on the next connection in a notice', async () => {
    const manager = await editSite();
    await manager.getByLabel('Charset').fill('latin1');
    await manager.getByRole('tab', { name: 'General' }).click();
    await manager.getByLabel('Port').fill(String(server.port + 1));
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    await closeDialogs();
    const notice = page.getByRole('status').filter({ hasText: 'Reconnect to apply: Settings site' });
    await notice.waitFor();
    assert.match(await notice.innerText(), /The new port and charset apply the next time you connect; the open connection keeps using the old ones\. Other settings apply at once\./);
    await shots.take(page, 'site-settings-reconnect-notice');
    // The open connection still lists the server it logged in to, on its old port.
    const [session] = host.services.remote.list();
    assert.equal(session?.state, 'connected');
    const listed = await host.services.api.remoteList({ sessionId: session.sessionId, path: `/${FOLDER}` });
    assert.ok(listed.ok && listed.value.entries.some((e) => e.name === 'dated.txt'));
  });

  it('reported no console errors or CSP violations', () => {
    assert.deepEqual(pageProblems(page), []);
  });
});
