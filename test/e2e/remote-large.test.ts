/**
 * A 100,000-entry remote folder, listed from a real vsftpd over FTPS and scrolled in Chromium: the pane
 * keeps a bounded number of rows in the page however long the listing.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { useFleet, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { closeApp, openRemoteFolder, pageProblems, paneGrid, paneRow, scratch, screenshot, startApp } from './support';

const work = scratch('wharf-e2e-large-');
const folder = `huge-${randomBytes(3).toString('hex')}`;
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  const big = join(server.root, folder);
  mkdirSync(big);
  for (let i = 0; i < 100_000; i++) writeFileSync(join(big, `r-${String(i).padStart(6, '0')}.dat`), '');
  const { uid, gid } = statSync(server.root);
  execFileSync('chown', ['-R', `${uid}:${gid}`, big]);
  ({ host, browser, page } = await startApp(work));
});

after(async () => {
  await closeApp({ app: { host, browser }, work });
  rmSync(join(server.root, folder), { recursive: true, force: true });
});

it('lists a 100,000-entry remote folder and scrolls it with a bounded number of rows in the page', async () => {
  const bar = page.getByRole('form', { name: 'Quick connect' });
  await bar.getByLabel('Protocol').selectOption('explicit');
  await bar.getByLabel('Host').fill(server.host);
  await bar.getByLabel('Port').fill(String(server.port));
  await bar.getByLabel('User').fill(server.user);
  await bar.getByLabel('Password').fill(server.password);
  await bar.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('button', { name: 'Trust once' }).click();
  await openRemoteFolder(page, `/${folder}`);
  await page.locator('.pane.remote .pane-footer').filter({ hasText: '100,000 files' }).waitFor({ timeout: 120_000 });
  const grid = paneGrid(page, 'remote');
  const rowsNow = () => grid.locator('.grid-body [role="row"]').count();
  assert.ok((await rowsNow()) < 100, `rows in the DOM: ${await rowsNow()}`);
  await grid.locator('.grid-body').evaluate((el) => {
    (el as unknown as { scrollTop: number }).scrollTop = 24 * 50_000;
  });
  await paneRow(page, 'remote', 'r-050000.dat').waitFor();
  assert.ok((await rowsNow()) < 100);
  await paneRow(page, 'remote', 'r-050000.dat').click();
  await page.keyboard.press('End');
  await paneRow(page, 'remote', 'r-099999.dat').waitFor();
  await page.keyboard.press('Home');
  await paneRow(page, 'remote', 'r-000000.dat').waitFor();
  assert.ok((await rowsNow()) < 100);
  await screenshot(page, '16-remote-hundred-thousand');
  assert.deepEqual(pageProblems(page), []);
});
