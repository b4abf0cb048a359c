/**
 * The download boundary in the window: real Chromium, the bridge host running main's services, and a
 * scripted hostile server over real TLS whose folder lists every name trick beside honest files. A user
 * shows hidden files, selects everything and downloads it (Ctrl+A, Ctrl+Enter), double-clicks a device
 * name and drags a traversal name onto the local pane: the queue takes every request, each tricked name
 * fails alone with its reason in the Failed tab, the honest files arrive whole, and nothing exists
 * anywhere in the temporary home outside the chosen folder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { WharfBridge } from '../../common/ipc/contract';
import type { TransferItem } from '../../common/models/transfer';
import { useFleet } from '../servers/fleet';
import { absoluteEscapes, boundaryFolder, startBoundaryServer, strayPaths, type BoundaryFolder } from '../hostile/boundary';
import type { HostileServer } from '../hostile/hostile-server';
import { PASSWORD, USER } from '../hostile/scenarios';
import { fleetCertificate } from '../hostile/support';
import type { BridgeHost } from './bridge/host';
import { closeApp, pageProblems, paneGrid, paneRow, scratch, screenshot, startApp } from './support';

type PageWindow = { wharf: WharfBridge };

const work = scratch('wharf-e2e-boundary-');
const chosen = join(work.home, 'Downloads');
let folder: BoundaryFolder;
let server: HostileServer;
let host: BridgeHost;
let browser: Browser;
let page: Page;

/** The queue as main has it, read through the page's own bridge. */
async function queueItems(): Promise<readonly TransferItem[]> {
  const snapshot = await page.evaluate(() => (globalThis as unknown as PageWindow).wharf.queueSnapshot({}));
  assert.ok(snapshot.ok);
  return snapshot.value.items;
}

/**
 * Waits until the queue holds `count` items, all ended (done, failed or skipped), on the page's queue
 * events. No named functions inside: the test bundler would wrap them in a helper the page does not have.
 */
async function queueEnded(count: number): Promise<readonly TransferItem[]> {
  await page.evaluate(async (n) => {
    const wharf = (globalThis as unknown as PageWindow).wharf;
    for (;;) {
      let off: (() => void) | null = null;
      const next = new Promise<void>((resolve) => {
        off = wharf.on('queueUpdate', () => resolve());
      });
      const snapshot = await wharf.queueSnapshot({});
      if (snapshot.ok && snapshot.value.items.length >= n && snapshot.value.items.every((i) => i.state === 'done' || i.state === 'failed' || i.state === 'skipped')) {
        (off as (() => void) | null)?.();
        return;
      }
      await next;
      (off as (() => void) | null)?.();
    }
  }, count);
  return queueItems();
}

async function clearQueue(): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as PageWindow).wharf.queueClear({ states: ['done', 'failed', 'skipped'] }));
  rmSync(chosen, { recursive: true, force: true });
  mkdirSync(chosen);
}

function assertContained(): void {
  assert.deepEqual(strayPaths(work.base, ['home/Downloads', 'data']), [], 'nothing in the temporary home outside the chosen folder');
  assert.deepEqual(absoluteEscapes(folder), [], 'nothing written at absolute paths');
}

before(async () => {
  const fleet = await useFleet();
  const cert = fleetCertificate(fleet, 'server');
  folder = boundaryFolder(`e2e-${process.pid}`);
  server = await startBoundaryServer(folder, cert);
  mkdirSync(chosen);
  ({ host, browser, page } = await startApp(work));

  const bar = page.getByRole('form', { name: 'Quick connect' });
  await bar.getByLabel('Protocol').selectOption('explicit');
  await bar.getByLabel('Host').fill('127.0.0.1');
  await bar.getByLabel('Port').fill(String(server.port));
  await bar.getByLabel('User').fill(USER);
  await bar.getByLabel('Password').fill(PASSWORD);
  await bar.getByRole('button', { name: 'Connect', exact: true }).click();
  const question = page.locator('[role="dialog"], [role="alertdialog"]').filter({ has: page.getByRole('heading', { name: 'Unknown certificate' }) });
  await question.getByRole('button', { name: 'Trust once' }).click();
  await paneRow(page, 'remote', 'dl').dblclick();
  await paneRow(page, 'remote', 'ok.txt').waitFor();
  await page.getByRole('button', { name: 'Show hidden remote files' }).click();
  await paneRow(page, 'remote', folder.tricks[1]?.name ?? '').waitFor();
  await paneRow(page, 'local', 'Downloads').dblclick();
  await page.getByRole('navigation', { name: 'Local breadcrumbs' }).getByRole('button', { name: 'Downloads' }).waitFor();
});

after(async () => {
  await closeApp({ app: { host, browser }, work });
  await server?.close();
  for (const p of folder?.absoluteOutside ?? []) rmSync(p, { force: true });
});

describe('downloads from a hostile listing in the window', () => {
  it('select all and download: the request is taken whole, each trick fails alone with its reason, the honest files arrive', async () => {
    await paneRow(page, 'remote', 'ok.txt').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+Enter');
    const items = await queueEnded(folder.tricks.length + Object.keys(folder.honest).length);
    for (const trick of folder.tricks) {
      assert.ok(
        items.some((i) => i.state === 'failed' && i.lastError?.kind === 'unsafe-name' && trick.reason.test(i.lastError.message)),
        `${JSON.stringify(trick.name)} failed with a reason matching ${trick.reason}: ${JSON.stringify(items.map((i) => [i.remotePath, i.state, i.lastError?.message]))}`,
      );
    }
    assert.equal(items.filter((i) => i.state === 'done').length, Object.keys(folder.honest).length, JSON.stringify(items.map((i) => [i.remotePath, i.state, i.lastError?.message])));
    for (const [name, content] of Object.entries(folder.honest)) assert.equal(readFileSync(join(chosen, name), 'utf8'), content, name);
    await page.getByText(`${folder.tricks.length} left out`).first().waitFor();
    await page.getByRole('tab', { name: /^Failed/ }).click();
    await page.locator('.qrow[data-state="failed"]', { hasText: 'which would be written outside Downloads; skipped' }).first().waitFor();
    await screenshot(page, 'boundary-failed-tab');
    assertContained();
    await clearQueue();
  });

  it('a double-click on a device name and a drag of a traversal name onto the local pane each fail with the reason', async () => {
    await paneRow(page, 'remote', 'CON').dblclick();
    const escape = folder.tricks[0]?.name ?? '';
    const localGrid = paneGrid(page, 'local');
    const box = (await localGrid.boundingBox())!;
    await paneRow(page, 'remote', escape).dragTo(localGrid, { targetPosition: { x: 40, y: box.height - 30 } });
    await paneRow(page, 'remote', 'a.part').dblclick();
    const items = await queueEnded(3);
    const byName = (needle: string) => items.find((i) => i.remotePath.includes(needle));
    assert.match(byName('CON')?.lastError?.message ?? '', /^The server named this file "CON", which is a reserved Windows device name; skipped\.$/);
    assert.match(byName('escape-mid')?.lastError?.message ?? '', /^The server named this file "sub\/\.\.\/\.\.\/escape-mid-.*\.txt", which would be written outside Downloads; skipped\.$/);
    assert.equal(byName('a.part')?.state, 'done');
    assert.equal(readFileSync(join(chosen, 'a.part'), 'utf8'), folder.honest['a.part']);
    assertContained();
    assert.deepEqual(pageProblems(page), []);
  });

  it('Enter on a traversal name (the keyboard\'s activate) fails it with the reason; Enter on an honest file downloads it', async () => {
    await clearQueue();
    const up = folder.tricks[1]?.name ?? '';
    await paneRow(page, 'remote', up).click();
    await page.keyboard.press('Enter');
    await paneRow(page, 'remote', 'ok.txt').click();
    await page.keyboard.press('Enter');
    const items = await queueEnded(2);
    const refused = items.find((i) => i.remotePath.includes('up-'));
    assert.equal(refused?.state, 'failed');
    assert.match(refused?.lastError?.message ?? '', /^The server named this file "\.\.\/up-.*\.txt", which would be written outside Downloads; skipped\.$/);
    assert.equal(readFileSync(join(chosen, 'ok.txt'), 'utf8'), folder.honest['ok.txt']);
    assertContained();
    assert.deepEqual(pageProblems(page), []);
  });
});
