/**
 * Chunked listings (#16) against a hostile server, in Chromium through the bridge: a folder whose LIST sends
 * one line that never ends (bytes without a newline while the client reads, the data connection open), and
 * one whose LIST sends megabytes without a newline and then closes. Each shows a clear error in the remote
 * pane (no listing line is longer than 64 KiB: the reader stops there rather than read 40 MiB, or show the
 * garbage as an empty folder), and the window stays usable: the next navigation lists its folder. The hostile
 * server (test/hostile/hostile-server.ts) scripts the replies; its certificate is trusted once, as a user would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startHostileServer, unixLine, type HostileServer } from '../hostile/hostile-server';
import { selfSignedCertificate } from '../hostile/support';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeApp, pageProblems, paneRow, quickConnect, scratch, startApp } from './support';

const work = scratch('wharf-e2e-endless-line-');
const shots = new Screenshots('endless-line-');
let server: HostileServer;
let host: BridgeHost;
let browser: Browser;
let page: Page;

before(async () => {
  const cert = selfSignedCertificate();
  server = await startHostileServer({
    mode: 'explicit',
    key: cert.key,
    cert: cert.cert,
    listing: (path) => {
      if (path.endsWith('endless')) return { endless: () => Buffer.alloc(256 * 1024, 0x61) };
      if (path.endsWith('closed')) return Buffer.alloc(3 * 1024 * 1024, 0x62);
      if (path.endsWith('fine')) return unixLine('after.txt', { size: 5 });
      return Buffer.concat([unixLine('endless', { directory: true }), unixLine('closed', { directory: true }), unixLine('fine', { directory: true })]);
    },
  });
  ({ host, browser, page } = await startApp(work));
  await quickConnect(page, { host: '127.0.0.1', port: server.port, user: 'user', password: 'pw' });
  await paneRow(page, 'remote', 'endless').waitFor();
});

after(async () => {
  await closeApp({ app: { host, browser }, work, shots });
  await server?.close();
});

const remoteFailure = () => page.locator('section.pane.remote .pane-failure');

/** Opens `folder` from the root, expects the pane's error, dismisses it, then opens `fine` and sees only its rows. */
async function failsThenNextNavigationWorks(folder: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button').first().click();
  await paneRow(page, 'remote', folder).dblclick();
  await remoteFailure().filter({ hasText: /A line of the folder listing is longer than 64 KiB/ }).waitFor();
  await shots.take(page, folder);
  await remoteFailure().getByRole('button', { name: 'Dismiss' }).click();
  await remoteFailure().waitFor({ state: 'detached' });
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button').first().click();
  await paneRow(page, 'remote', 'fine').dblclick();
  await paneRow(page, 'remote', 'after.txt').waitFor();
  assert.equal(await page.locator('section.pane.remote [role="row"]', { hasText: /^(endless|closed)/ }).count(), 0, 'no row of another folder is mixed in');
}

describe('a LIST line that never ends', () => {
  it('while the data connection stays open: a clear error in the pane, and the next navigation works', async () => {
    await failsThenNextNavigationWorks('endless');
  });

  it('megabytes without a newline, then the data connection closes: a clear error in the pane, and the next navigation works', async () => {
    await failsThenNextNavigationWorks('closed');
  });

  it('reported no console errors or CSP violations', () => {
    assert.deepEqual(pageProblems(page), []);
  });
});
