/**
 * Segmented downloads (#16) from the window's other entry points, in Chromium through the bridge against the
 * fleet's real pure-ftpd, for a site saved with "up to 4 at once": Enter on a selected big remote file, the
 * remote context menu's Download, and a drag from the remote pane onto the local pane. Each file arrives byte
 * for byte as one queue item, fetched in 4 ranges (a RETR per range, each but the first after a REST to its
 * start). The threshold is lowered from 64 MiB to 8 MiB (segments-support.ts).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { splitIntoRanges } from '../../main/transfers/segmented-download';
import { retrievalsOf } from '../ftps/support';
import { writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { bigFile, connectFromSiteManager, startSegmentsApp, whenDone } from './segments-support';
import { Screenshots, closeApp, dropOnPane, pageProblems, paneRow, scratch } from './support';

const work = scratch('wharf-e2e-segments-entry-');
const FOLDER = `e2e-segments-entry-${process.pid}`;
const FILES = { enter: 'big-enter.bin', menu: 'big-menu.bin', drag: 'big-drag.bin' } as const;
const DATA = bigFile(47);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;
const shots = new Screenshots('segments-entry-');
const into = join(work.home, 'down');

before(async () => {
  mkdirSync(into, { recursive: true });
  ({ host, browser, page, server } = await startSegmentsApp(work, { folder: FOLDER, name: FILES.enter, data: DATA }, { name: 'Entry points site', segments: 4, maxConnections: 4 }));
  for (const name of [FILES.menu, FILES.drag]) writeServerFile(server, `${FOLDER}/${name}`, DATA);
  await connectFromSiteManager(page, 'Entry points site', server.password, FILES.drag);
  await paneRow(page, 'local', 'down').dblclick();
  await page.getByRole('navigation', { name: 'Local breadcrumbs' }).getByRole('button', { name: 'down' }).waitFor();
});

after(() => closeApp({ app: { host, browser }, work, shots }));

/** Starts a download of `name` the given way and checks it arrived whole, as one item, in 4 ranges. */
async function downloadsInRanges(name: string, start: () => Promise<void>): Promise<void> {
  const remotePath = `/${FOLDER}/${name}`;
  const done = whenDone(host, remotePath);
  await start();
  const item = await done;
  assert.deepEqual([item.bytesDone, item.bytesTotal], [DATA.length, DATA.length]);
  assert.equal(sha256(readFileSync(join(into, name))), sha256(DATA));
  assert.equal(host.services.queue.snapshot().items.filter((i) => i.remotePath === remotePath).length, 1, 'one item for the whole file');
  const { rest, retr } = retrievalsOf(host.services.log.recent(), remotePath);
  assert.equal(retr, 4, 'the server was asked for the file four times, once per range');
  assert.deepEqual(rest.sort((a, b) => a - b), splitIntoRanges(DATA.length, 4).slice(1).map((r) => r.start), 'each RETR but the first after a REST to its range');
}

describe('a big download in segments from every entry point of the window', () => {
  it('Enter on a selected big remote file', async () => {
    await downloadsInRanges(FILES.enter, async () => {
      await paneRow(page, 'remote', FILES.enter).click();
      await page.keyboard.press('Enter');
    });
  });

  it('Download in the remote context menu', async () => {
    await downloadsInRanges(FILES.menu, async () => {
      await paneRow(page, 'remote', FILES.menu).click({ button: 'right' });
      await page.getByRole('menu', { name: 'Remote file actions' }).getByRole('menuitem', { name: 'Download' }).click();
    });
  });

  it('a drag from the remote pane onto the local pane', async () => {
    await downloadsInRanges(FILES.drag, () => dropOnPane(page, paneRow(page, 'remote', FILES.drag), 'local'));
    await shots.take(page, 'three-downloaded');
  });

  it('reported no console errors or CSP violations', () => {
    assert.deepEqual(pageProblems(page), []);
  });
});
