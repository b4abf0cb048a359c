/**
 * A pane moved on from the keyboard does not wait for the listing it left, in Chromium through the bridge (the
 * path bar and the breadcrumbs are slow-listing-race.test.ts): the fault proxy holds a data connection of a real
 * vsftpd, so not a byte of that listing has arrived. Enter on a folder row while the big folder's refresh is held
 * shows the folder; Backspace (the pane's "up") while a subfolder's refresh is held shows the parent, the
 * subfolder's row under the cursor. Each time the held listing is still held when the target shows, and is cut
 * (ABOR).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SUBFOLDER_FILES, shownNames, startHeldListingServer, type HeldListingServer } from './held-listing';
import { closeApp, eventually, openRemoteFolder, pageProblems, paneGrid, paneRow, quickConnect, scratch, Screenshots, startApp, type App } from './support';

const work = scratch('wharf-e2e-keyboard-listing-');
const shots = new Screenshots('keyboard-listing-');
let held: HeldListingServer | undefined;
let app: App | undefined;

/** Waits until the listing left was cut: an ABOR on the command log the window shows, since `since`. */
async function abortSentSince(since: string): Promise<void> {
  const aborted = () => app!.host.services.log.recent().some((line) => line.time >= since && line.direction === 'command' && line.text === 'ABOR');
  await eventually('an ABOR of the listing left', aborted);
}

/**
 * Refreshes the remote pane (F5) with its listing's data connection held: returns that connection's index, what
 * lets it go on, and when the refresh began (for abortSentSince).
 */
async function refreshHeld(): Promise<{ heldConnection: number; release: () => void; since: string }> {
  const { page } = app!;
  const { arrived, release } = held!.holdNextDataConnection();
  await page.keyboard.press('F5');
  const heldConnection = await arrived;
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="true"]')).waitFor();
  return { heldConnection, release, since: new Date().toISOString() };
}

before(async () => {
  held = await startHeldListingServer('keys-many');
  app = await startApp(work);
});

after(async () => {
  await closeApp({ app, work, shots });
  await held?.close();
});

it('Enter on a folder row while the big folder\'s refresh is held opens the folder without waiting for it', async () => {
  const { page } = app!;
  await quickConnect(page, held!.target);
  await openRemoteFolder(page, `/${held!.folder}`);
  await page.locator('.pane.remote .pane-footer', { hasText: /3,000 files/ }).waitFor();
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
  await paneRow(page, 'remote', 'a-sub').click();

  const { heldConnection, release, since } = await refreshHeld();
  try {
    // The refresh keeps the rows it has: the cursor is still on a-sub.
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: 'a-sub' }).waitFor();
    await paneRow(page, 'remote', 'inner-c.txt').waitFor();
    await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
    assert.equal(held!.proxy.stats().bytesToClient.data[heldConnection], 0, 'the big listing is still held');
    await abortSentSince(since);
  } finally {
    release();
  }
  assert.deepEqual((await shownNames(page, 'remote')).sort(), [...SUBFOLDER_FILES].sort());
  assert.match((await page.locator('.pane.remote .pane-footer').textContent()) ?? '', /0 folders, 3 files/);
  await shots.take(page, 'enter');
  assert.deepEqual(pageProblems(page), []);
});

it('Backspace while the subfolder\'s refresh is held goes up without waiting for it, the subfolder under the cursor', async () => {
  const { page } = app!;
  await paneGrid(page, 'remote').focus();
  const { heldConnection, release, since } = await refreshHeld();
  try {
    await page.keyboard.press('Backspace');
    await page.locator('.pane.remote .pane-footer', { hasText: /1 folder, 3,000 files/ }).waitFor();
    await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
    assert.equal(held!.proxy.stats().bytesToClient.data[heldConnection], 0, 'the subfolder\'s listing is still held');
    await abortSentSince(since);
  } finally {
    release();
  }
  assert.equal(await paneRow(page, 'remote', 'a-sub').getAttribute('aria-selected'), 'true', 'the folder left is under the cursor');
  assert.equal(await paneRow(page, 'remote', 'inner-c.txt').count(), 0, 'none of the held listing mixed in');
  await shots.take(page, 'backspace');
  assert.deepEqual(pageProblems(page), []);
});
