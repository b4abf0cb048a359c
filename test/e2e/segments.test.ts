/**
 * Segmented downloads from the window (#16), end to end in Chromium through the bridge against the fleet's real
 * pure-ftpd: the user turns "Big downloads in segments" on in the Site Manager (the site was saved with it off),
 * connects, and double-clicks a big file in the remote pane. It arrives byte for byte, shown as one item in the
 * queue, fetched in ranges on several connections: the command log shows a RETR per range, each after a REST to
 * the range's start. The threshold is lowered from 64 MiB to 8 MiB for the test (segments-support.ts).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { SiteProfile } from '../../common/models/site-profile';
import { splitIntoRanges } from '../../main/transfers/segmented-download';
import { retrievalsOf } from '../ftps/support';
import type { ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { bigFile, startSegmentsApp, whenDone } from './segments-support';
import { Screenshots, closeAllDialogs, closeApp, dialogTitled, pageProblems, paneRow, scratch } from './support';

const work = scratch('wharf-e2e-segments-');
const FOLDER = `e2e-segments-${process.pid}`;
const NAME = 'big-download.bin';
const DATA = bigFile(31);
const SIZE = DATA.length;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;
let site: SiteProfile;
const shots = new Screenshots('segments-');
const into = join(work.home, 'down');

before(async () => {
  mkdirSync(into, { recursive: true });
  ({ host, browser, page, server, site } = await startSegmentsApp(work, { folder: FOLDER, name: NAME, data: DATA }, { name: 'Segments site', segments: 0 }));
});

after(() => closeApp({ app: { host, browser }, work, shots }));

describe('a big download in segments from the window', () => {
  it('the Site Manager turns segments on for the site', async () => {
    assert.equal(site.segments, 0);
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialogTitled(page, 'Site Manager');
    await manager.getByRole('treeitem', { name: /Segments site/ }).click();
    await manager.getByRole('tab', { name: 'Advanced' }).click();
    const field = manager.getByLabel('Big downloads in segments');
    assert.equal(await field.inputValue(), '0', 'the saved "off" is shown');
    await field.selectOption({ label: 'Up to 4 at once' });
    await manager.getByLabel('Maximum connections').fill('4');
    await shots.take(page, 'site-manager-field');
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = await host.services.sites.get(site.id);
    assert.deepEqual([saved.segments, saved.maxConnections], [4, 4]);

    await manager.getByRole('button', { name: 'Connect', exact: true }).click();
    const ask = dialogTitled(page, /^Password for/);
    await ask.getByLabel('Site password').fill(server.password);
    await ask.getByRole('button', { name: 'Connect' }).click();
    await paneRow(page, 'remote', NAME).waitFor();
    await closeAllDialogs(page);
  });

  it('a double-click downloads the big file in 4 ranges on 4 connections, as one queue item', async () => {
    await paneRow(page, 'local', 'down').dblclick();
    await page.getByRole('navigation', { name: 'Local breadcrumbs' }).getByRole('button', { name: 'down' }).waitFor();
    const remotePath = `/${FOLDER}/${NAME}`;
    const done = whenDone(host, remotePath);
    await paneRow(page, 'remote', NAME).dblclick();
    const item = await done;
    assert.deepEqual([item.bytesDone, item.bytesTotal], [SIZE, SIZE]);
    assert.equal(sha256(readFileSync(join(into, NAME))), sha256(DATA));
    assert.deepEqual(readdirSync(into), [NAME], 'no temporary file is left');
    assert.equal(host.services.queue.snapshot().items.length, 1, 'one item for the whole file');

    const { rest, retr } = retrievalsOf(host.services.log.recent(), remotePath);
    assert.equal(retr, 4, 'the server was asked for the file four times, once per range');
    assert.deepEqual(rest.sort((a, b) => a - b), splitIntoRanges(SIZE, 4).slice(1).map((r) => r.start), 'each RETR but the first after a REST to its range');

    await page.getByRole('tab', { name: /^Completed/ }).click();
    const rows = page.locator('.qrow', { hasText: NAME });
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().getAttribute('data-state'), 'done');
    await shots.take(page, 'completed');
  });

  it('reported no console errors or CSP violations', () => {
    assert.deepEqual(pageProblems(page), []);
  });
});
