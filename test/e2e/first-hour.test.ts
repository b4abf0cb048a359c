/**
 * The first hour of a FileZilla user (issue 15), end to end: real Chromium, the bridge host running main's
 * real services and the real FTP fleet. Folder transfers show in the target pane without F5. Screenshots
 * are saved under SCREENSHOT_DIR.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { closeAllDialogs, dialogTitled, launchChromium, openApp, pageProblems, paneGrid, paneRow, scratch, screenshot, startHost, submitQuickConnect } from './support';

const work = scratch('wharf-first-hour-');
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;
const shots: string[] = [];

async function shot(name: string): Promise<void> {
  shots.push(await screenshot(page, `first-hour-${name}`));
}

/** Quick-connects with explicit FTPS, trusting the test certificate once. */
async function connect(): Promise<void> {
  await submitQuickConnect(page, server, 'explicit');
  const question = dialogTitled(page, 'Unknown certificate');
  await question.getByRole('button', { name: 'Trust once' }).click();
  await paneRow(page, 'remote', 'first').waitFor();
}

/** Drags a row onto the empty space at the bottom of a pane (its folder on screen). */
async function dropOnPane(row: ReturnType<typeof paneRow>, side: 'local' | 'remote'): Promise<void> {
  const grid = paneGrid(page, side);
  const box = (await grid.boundingBox())!;
  await row.dragTo(grid, { targetPosition: { x: 40, y: box.height - 30 } });
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
  host = await startHost({ home: work.home, dataDir: work.dataDir });
  browser = await launchChromium();
  page = await openApp(browser, host);
  await connect();
});

after(async () => {
  await browser?.close();
  await host?.close();
  rmSync(work.base, { recursive: true, force: true });
  if (shots.length > 0) console.log(`screenshots:\n${shots.join('\n')}`);
});

describe('the first hour of a FileZilla user', () => {
  afterEach(async () => {
    await closeAllDialogs(page);
  });

  it('shows an uploaded folder in the remote pane without F5', async () => {
    await paneRow(page, 'remote', 'first').dblclick();
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
    assert.ok(existsSync(join(work.home, 'downloads', 'album', '2024', 'photo.txt')));
    await shot('folder-download-shown');
    assert.deepEqual(pageProblems(page), []);
  });
});
