/**
 * Chunked listings (#16) on a slow link, in Chromium through the bridge: the fault proxy trickles every data
 * connection of a real vsftpd. A refresh of a folder of a few thousand entries is under way (its data
 * connection held by the proxy, so it is surely still arriving, and the pane keeps the rows it has) when the
 * user opens a subfolder. The pane ends showing the subfolder's rows only, none of the refreshed listing mixed
 * in. And a pane that moves on does not wait for the listing it left: with the big folder's listing held (not a
 * byte of it arrived), a folder typed into the path bar shows at once. And a folder opened while an upload into
 * the shown one ends stays open: the upload's refresh of the folder left does not take the pane back to it. The
 * same in the local pane: a local folder opened while a download into the local folder shown ends stays open, also in
 * a small window (800x600) on a high-density screen (scale factor 2).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { SUBFOLDER, SUBFOLDER_FILES, shownNames, startHeldListingServer, type HeldListingServer } from './held-listing';
import type { Page } from 'playwright-core';
import { placementOf } from './layout';
import { closeApp, dropOnPane, openApp, openRemoteFolder, pageProblems, paneGrid, paneRow, quickConnect, scratch, Screenshots, startApp, whenQueueItemEnded, type App } from './support';

const work = scratch('wharf-e2e-slow-listing-');
const shots = new Screenshots('slow-listing-');
const uploadName = 'dropped-while-moving.txt';
/** A local folder of the home the local pane shows, opened while a download into the home ends. */
const localSubfolder = 'opened-while-downloading';
const localSubfolderFiles = ['mine-1.txt', 'mine-2.txt'];
/** The same for the small, high-density window, with a download of its own. */
const smallWindowSubfolder = 'opened-in-a-small-window';
const smallWindowSubfolderFiles = ['small-1.txt'];
let held: HeldListingServer | undefined;
let app: App | undefined;

before(async () => {
  held = await startHeldListingServer('slow-many');
  writeFileSync(join(work.home, uploadName), 'uploaded while the pane moved on');
  mkdirSync(join(work.home, localSubfolder));
  for (const name of localSubfolderFiles) writeFileSync(join(work.home, localSubfolder, name), 'mine');
  mkdirSync(join(work.home, smallWindowSubfolder));
  for (const name of smallWindowSubfolderFiles) writeFileSync(join(work.home, smallWindowSubfolder, name), 'mine');
  app = await startApp(work);
});

after(async () => {
  await closeApp({ app, work, shots });
  await held?.close();
});

it('a refresh of a big folder raced by opening a subfolder ends showing the subfolder only', async () => {
  const { page } = app!;
  await quickConnect(page, held!.target);
  await openRemoteFolder(page, `/${held!.folder}`);
  await page.locator('.pane.remote .pane-footer', { hasText: /3,000 files/ }).waitFor();
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();

  // The refresh's data connection is held: its listing surely still arrives when the subfolder is opened.
  const { arrived, release } = held!.holdNextDataConnection();
  await page.getByRole('button', { name: 'Refresh remote' }).click();
  await arrived;
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="true"]')).waitFor();
  await paneRow(page, 'remote', 'a-sub').dblclick();
  release();
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: 'a-sub' }).waitFor();
  await paneRow(page, 'remote', 'inner-c.txt').waitFor();
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
  assert.ok(held!.proxy.stats().faultsInjected.trickle > 0, 'the listings came over the trickled link');

  const shown = await shownNames(page, 'remote');
  assert.deepEqual(shown.sort(), [...SUBFOLDER_FILES].sort());
  const footer = await page.locator('.pane.remote .pane-footer').textContent();
  assert.match(footer ?? '', /0 folders, 3 files/);
  await shots.take(page, 'subfolder');
  assert.deepEqual(pageProblems(page), []);
});

it('moving on while the big folder\'s listing is held shows the next folder without waiting for it', async () => {
  const { page } = app!;
  const { arrived, release } = held!.holdNextDataConnection();
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: held!.folder }).click();
  const heldConnection = await arrived;
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="true"]')).waitFor();

  await page.getByRole('button', { name: 'Edit remote path' }).click();
  await page.getByRole('textbox', { name: 'Remote path' }).fill(`/${held!.folder}/a-sub`);
  await page.getByRole('textbox', { name: 'Remote path' }).press('Enter');
  try {
    await paneRow(page, 'remote', 'inner-c.txt').waitFor();
    await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
    assert.equal(held!.proxy.stats().bytesToClient.data[heldConnection], 0, 'the big listing is still held');
  } finally {
    release();
  }
  const shown = await shownNames(page, 'remote');
  assert.deepEqual(shown.sort(), [...SUBFOLDER_FILES].sort());
  assert.match((await page.locator('.pane.remote .pane-footer').textContent()) ?? '', /0 folders, 3 files/);
  await shots.take(page, 'moved-on');
  assert.deepEqual(pageProblems(page), []);
});

it('a folder opened while an upload into the folder shown ends stays open: the upload\'s refresh does not take the pane back', async () => {
  const { page, host } = app!;
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: held!.folder }).click();
  await page.locator('.pane.remote .pane-footer', { hasText: /3,000 files/ }).waitFor();
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();

  // The subfolder's listing is held while a file dropped on the folder shown uploads and ends.
  const { arrived, release } = held!.holdNextDataConnection();
  await paneRow(page, 'remote', 'a-sub').dblclick();
  await arrived;
  try {
    const uploaded = whenQueueItemEnded(host, `/${held!.folder}/${uploadName}`);
    await dropOnPane(page, paneRow(page, 'local', uploadName), 'remote');
    assert.equal((await uploaded).state, 'done');
    // A round trip over the bridge after the upload's end: the folder-changed event sent with it has been handled.
    await page.evaluate(() => (globalThis as unknown as { wharf: { queueSnapshot(): Promise<unknown> } }).wharf.queueSnapshot());
  } finally {
    release();
  }
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: 'a-sub' }).waitFor();
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
  const shown = await shownNames(page, 'remote');
  assert.deepEqual(shown.sort(), [...SUBFOLDER_FILES].sort());
  assert.equal(readFileSync(join(held!.server.root, held!.folder, uploadName), 'utf8'), 'uploaded while the pane moved on');
  assert.deepEqual(pageProblems(page), []);
});

/**
 * The local pane's case: a local folder opened (its listing held) while a remote file dropped on the local folder shown
 * downloads and ends; the remote pane already shows a-sub. Busy from the double click until the subfolder's listing
 * lands, unless a refresh of the folder shown took the pane back.
 */
async function localFolderStaysOpen(page: Page, host: App['host'], opened: { folder: string; files: readonly string[] }, downloadName: string): Promise<void> {
  await paneRow(page, 'remote', downloadName).waitFor();
  await paneRow(page, 'local', opened.folder).waitFor();
  const { arrived, release } = host.holdNextCall('localList', (payload) => String((payload as { path?: unknown }).path).endsWith(`/${opened.folder}`));
  await paneRow(page, 'local', opened.folder).dblclick();
  await arrived;
  try {
    const downloaded = whenQueueItemEnded(host, `/${held!.folder}/${SUBFOLDER}/${downloadName}`);
    await dropOnPane(page, paneRow(page, 'remote', downloadName), 'local');
    assert.equal((await downloaded).state, 'done');
    // A round trip over the bridge after the download's end: the folder-changed event sent with it has been handled.
    await page.evaluate(() => (globalThis as unknown as { wharf: { queueSnapshot(): Promise<unknown> } }).wharf.queueSnapshot());
  } finally {
    release();
  }
  await paneGrid(page, 'local').and(page.locator('[aria-busy="false"]')).waitFor();
  assert.deepEqual((await shownNames(page, 'local')).sort(), [...opened.files].sort(), 'the pane stayed in the folder opened');
  assert.equal(await page.getByRole('navigation', { name: 'Local breadcrumbs' }).getByRole('button', { name: opened.folder }).count(), 1);
  assert.equal(readFileSync(join(work.home, downloadName), 'utf8'), 'y', 'downloaded into the folder the pane left');
  assert.deepEqual(pageProblems(page), []);
}

it('a local folder opened while a download into the local folder shown ends stays open: the download\'s refresh does not take the pane back', async () => {
  const { page, host } = app!;
  // The remote pane shows a-sub since the case above.
  await localFolderStaysOpen(page, host, { folder: localSubfolder, files: localSubfolderFiles }, SUBFOLDER_FILES[0]);
});

it('the same in a small window on a high-density screen (800x600, scale factor 2)', async () => {
  const { browser, host } = app!;
  const page = await openApp(browser, host, { width: 800, height: 600 }, { deviceScaleFactor: 2 });
  try {
    await quickConnect(page, held!.target);
    await openRemoteFolder(page, `/${held!.folder}/${SUBFOLDER}`);
    await localFolderStaysOpen(page, host, { folder: smallWindowSubfolder, files: smallWindowSubfolderFiles }, SUBFOLDER_FILES[1]);
    await shots.take(page, 'local-stays-small-window');
    // The narrow path bar still shows where the pane is: the folder's crumb lies inside the bar, and no shortened
    // crumb before it paints over it (both happened: it was cut at the bar's end, and a folder in between showed through).
    const crumb = page.getByRole('navigation', { name: 'Local breadcrumbs' }).getByRole('button', { name: smallWindowSubfolder });
    const seen = await placementOf(crumb, 'nav');
    assert.ok(seen.inside && seen.onTop && seen.width >= 20, JSON.stringify(seen));
  } finally {
    await page.close();
  }
});
