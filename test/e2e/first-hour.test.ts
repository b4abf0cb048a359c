/**
 * The first hour of a FileZilla user (issue 15), end to end: real Chromium, the bridge host running main's
 * real services and the real FTP fleet. Folder transfers show in the target pane without F5. Screenshots
 * are saved under SCREENSHOT_DIR.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { TrackingCredentialStore } from '../credentials/keyring-helpers';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeAllDialogs, closeApp, dialogTitled, openRemoteFolder, pageProblems, paneGrid, paneRow, remoteListed, scratch, startApp, submitQuickConnect, waitReady } from './support';
import { findClippedText } from './text-fit';

const work = scratch('wharf-first-hour-');
const credentials = new TrackingCredentialStore(new KeytarCredentialStore());
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;
const shots = new Screenshots();

async function shot(name: string): Promise<void> {
  await shots.take(page, `first-hour-${name}`);
}

/** Quick-connects with explicit FTPS, trusting the test certificate once. */
async function connect(): Promise<void> {
  await submitQuickConnect(page, server, 'explicit');
  const question = dialogTitled(page, 'Unknown certificate');
  await question.waitFor();
  // The certificate question comes while connecting: the remote pane says so, not "use the quick connect bar".
  assert.match(await page.locator('.pane.remote .not-connected').innerText(), /Connecting…/);
  await question.getByRole('button', { name: 'Trust once' }).click();
  await remoteListed(page);
}

/** Drags a row onto the empty space at the bottom of a pane (its folder on screen). */
async function dropOnPane(row: ReturnType<typeof paneRow>, side: 'local' | 'remote'): Promise<void> {
  const grid = paneGrid(page, side);
  const box = (await grid.boundingBox())!;
  await row.dragTo(grid, { targetPosition: { x: 40, y: box.height - 30 } });
}

/** The screens of the issue, as CSS pixels and scale: a 1366x768 laptop at 125% is 1093x614 CSS pixels. */
const SCREENS = [
  { name: '1440x900', viewport: { width: 1440, height: 900 }, scale: 1 },
  { name: '1280x800', viewport: { width: 1280, height: 800 }, scale: 1 },
  { name: '1366x768-125pct', viewport: { width: Math.round(1366 / 1.25), height: Math.round(768 / 1.25) }, scale: 1.25 },
  { name: '1280x800-150pct', viewport: { width: Math.round(1280 / 1.5), height: Math.round(800 / 1.5) }, scale: 1.5 },
  { name: '1024x600', viewport: { width: 1024, height: 600 }, scale: 1 },
] as const;

/** The rows a pane keeps on every screen above (issue 15: "at least ~8"). */
const MIN_ROWS = 8;

/** Types a path into a pane's path box. */
async function openFolder(view: Page, side: 'local' | 'remote', path: string): Promise<void> {
  await view.getByRole('button', { name: `Edit ${side} path` }).click();
  const input = view.getByLabel(`${side === 'local' ? 'Local' : 'Remote'} path`);
  await input.fill(path);
  await input.press('Enter');
}

/** Rows of a pane's list that are entirely inside its scrolled viewport. */
function visibleRows(view: Page, side: 'local' | 'remote'): Promise<number> {
  return paneGrid(view, side).locator('.grid-body').evaluate((body) => {
    type Box = { top: number; bottom: number };
    type El = { getBoundingClientRect(): Box; querySelectorAll(s: string): Iterable<El> };
    const frame = (body as unknown as El).getBoundingClientRect();
    return [...(body as unknown as El).querySelectorAll('[role="row"]')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= frame.top - 0.5 && box.bottom <= frame.bottom + 0.5;
    }).length;
  });
}

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  writeServerFile(server, 'first/target/keep.txt', 'keep');
  writeServerFile(server, 'first/fetch/album/2024/photo.txt', 'a photo');
  writeServerFile(server, 'first/fetch/album/notes.txt', 'notes');
  mkdirSync(join(work.home, 'project', 'src'), { recursive: true });
  writeFileSync(join(work.home, 'project', 'src', 'main.c'), 'int main(void) { return 0; }\n');
  mkdirSync(join(work.home, 'downloads', 'deep'), { recursive: true });
  for (let i = 1; i <= 40; i++) {
    writeFileSync(join(work.home, `local-file-${String(i).padStart(2, '0')}.txt`), `local ${i}`);
    writeServerFile(server, `first/many/remote-file-${String(i).padStart(2, '0')}.txt`, `remote ${i}`);
  }
  ({ host, browser, page } = await startApp(work, { credentials }));
  await connect();
});

after(() => closeApp({ app: { host, browser }, credentials, work, shots }));

/** Resolves once every item in the queue has ended, following the queue's own updates (no polling on time). */
function queueSettled(): Promise<void> {
  const ended = () => host.services.queue.snapshot().items.every((i) => i.state === 'done' || i.state === 'failed' || i.state === 'skipped');
  if (ended()) return Promise.resolve();
  return new Promise((resolve) => {
    const off = host.services.events.subscribe((event) => {
      if (event !== 'queueUpdate' || !ended()) return;
      off();
      resolve();
    });
  });
}

describe('the first hour of a FileZilla user', () => {
  afterEach(async () => {
    await closeAllDialogs(page);
  });

  it('shows an uploaded folder in the remote pane without F5', async () => {
    await openRemoteFolder(page, '/first');
    await paneRow(page, 'remote', 'target').waitFor();
    // The files land in first/project/src: two levels below the folder on screen.
    await dropOnPane(paneRow(page, 'local', 'project'), 'remote');
    await paneRow(page, 'remote', 'project').waitFor();
    assert.ok(existsSync(join(server.root, 'first', 'project', 'src', 'main.c')));
  });

  it('shows a downloaded folder in the local pane without F5', async () => {
    await paneRow(page, 'local', 'downloads').dblclick();
    await paneRow(page, 'local', 'deep').waitFor();
    await paneRow(page, 'remote', 'fetch').dblclick();
    await paneRow(page, 'remote', 'album').waitFor();
    await dropOnPane(paneRow(page, 'remote', 'album'), 'local');
    await paneRow(page, 'local', 'album').waitFor();
    // The folder shows as soon as its first file lands; the deepest file may still be on its way.
    await queueSettled();
    assert.ok(existsSync(join(work.home, 'downloads', 'album', '2024', 'photo.txt')));
    await shot('folder-download-shown');
    assert.deepEqual(pageProblems(page), []);
  });

  it('imports FileZilla sites with their passwords in the keychain by default, naming the "TLS if available" sites up front', async () => {
    host.platform.answerNextOpenFile(fileURLToPath(new URL('../sites/fixtures/filezilla-3.66-sitemanager.xml', import.meta.url)));
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialogTitled(page, 'Site Manager');
    await manager.getByRole('button', { name: 'Import…', exact: true }).click();
    const preview = dialogTitled(page, 'Import FileZilla sites');
    const tls = preview.getByRole('note', { name: 'TLS required' });
    assert.match(await tls.innerText(), /Use explicit FTP over TLS if available[\s\S]*FTPS explicit[\s\S]*refused rather than used in clear/);
    assert.match(await tls.innerText(), /Homepage/);
    await shot('import-preview');
    const consent = preview.getByRole('checkbox', { name: /to the system keychain/ });
    assert.equal(await consent.isChecked(), true, 'passwords go to the keychain unless the user unticks it');
    await preview.getByRole('button', { name: /^Import \d+ sites?/ }).click();
    const done = page.getByRole('status').filter({ hasText: 'Import finished' }).last();
    assert.match(await done.innerText(), /moved to the system keychain/);
    const homepage = (await host.services.sites.list()).sites.find((x) => x.name === 'Homepage');
    assert.equal(homepage?.protocol, 'explicit');
    assert.equal(homepage?.hasPassword, true);
  });

  it('says "Waiting for your answer" on the row whose overwrite question is open', async () => {
    await dropOnPane(paneRow(page, 'remote', 'album'), 'local');
    const question = dialogTitled(page, 'The target file already exists');
    await question.waitFor();
    const waiting = page.locator('.qrow', { hasText: 'Waiting for your answer' });
    await waiting.first().waitFor();
    assert.equal(await waiting.count(), 1, 'only the item asked about waits for an answer');
    await question.getByRole('checkbox', { name: 'Apply to all' }).check();
    await question.getByRole('button', { name: 'Skip' }).click();
    await question.waitFor({ state: 'detached' });
    await waiting.first().waitFor({ state: 'detached' });
  });

  for (const screen of SCREENS) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`keeps ${MIN_ROWS} rows in each pane and clips nothing at ${screen.name}, ${colorScheme}`, async () => {
        const view = await browser.newPage({ viewport: screen.viewport, deviceScaleFactor: screen.scale, colorScheme });
        try {
          await view.goto(host.url);
          await waitReady(view);
          await openFolder(view, 'local', work.home);
          await openFolder(view, 'remote', '/first/many');
          await paneRow(view, 'remote', 'remote-file-01.txt').waitFor();
          const rows = { local: await visibleRows(view, 'local'), remote: await visibleRows(view, 'remote') };
          await shots.take(view, `first-hour-layout-${screen.name}-${colorScheme}`);
          assert.ok(rows.local >= MIN_ROWS && rows.remote >= MIN_ROWS, `visible rows at ${screen.name}: ${JSON.stringify(rows)}`);
          assert.deepEqual(await findClippedText(view), [], 'text cut off');
          const toolbar = (await view.locator('header.toolbar').boundingBox())!;
          assert.ok(toolbar.height < 60, `the toolbar is one line (${toolbar.height}px high)`);
          if (screen.viewport.width >= 1440) await view.getByRole('status').filter({ hasText: 'Connected to' }).waitFor();
          assert.deepEqual(pageProblems(view), []);
        } finally {
          await view.close();
        }
      });
    }
  }

  it('lets information fade, and keeps an error out of a dialog\'s way until it closes', async () => {
    await page.getByRole('tab', { name: /^Message log/ }).click();
    await page.getByRole('button', { name: 'Copy log' }).click();
    const copied = page.getByRole('status').filter({ hasText: 'Log copied' });
    await copied.waitFor();
    await copied.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /^Transfer queue/ }).click();

    // Nothing listens on port 1 of this machine: the connection is refused.
    await submitQuickConnect(page, { host: '127.0.0.1', port: 1, user: 'nobody', password: 'x' }, 'explicit');
    const refused = page.getByRole('alert').filter({ hasText: /refused/i });
    await refused.waitFor();
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialogTitled(page, 'Site Manager');
    await manager.waitFor();
    await refused.waitFor({ state: 'hidden' });
    await shot('error-behind-dialog');
    await page.keyboard.press('Escape');
    await manager.waitFor({ state: 'detached' });
    await refused.waitFor();
  });
});
