/**
 * Chunked listings (#16) on a slow link, in Chromium through the bridge: the fault proxy trickles every data
 * connection of a real vsftpd. A refresh of a folder of a few thousand entries is under way (its data
 * connection held by the proxy, so it is surely still arriving, and the pane keeps the rows it has) when the
 * user opens a subfolder. The pane ends showing the subfolder's rows only, none of the refreshed listing mixed
 * in. And a pane that moves on does not wait for the listing it left: with the big folder's listing held (not a
 * byte of it arrived), a folder typed into the path bar shows at once. And a folder opened while an upload into
 * the shown one ends stays open: the upload's refresh of the folder left does not take the pane back to it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { startFaultProxy, type FaultProxy } from '../faults/fault-proxy';
import { passivePortsOf } from '../faults/support';
import { useFleet, type ServerInfo } from '../servers/fleet';
import { closeApp, dropOnPane, openRemoteFolder, pageProblems, paneGrid, paneRow, quickConnect, scratch, Screenshots, startApp, whenQueueItemEnded, type App } from './support';

const work = scratch('wharf-e2e-slow-listing-');
const shots = new Screenshots('slow-listing-');
const folder = `slow-many-${randomBytes(3).toString('hex')}`;
const fileNames = Array.from({ length: 3000 }, (_, i) => `f-${i}.txt`);
const subNames = ['inner-a.txt', 'inner-b.txt', 'inner-c.txt'];
const uploadName = 'dropped-while-moving.txt';
let server: ServerInfo;
let proxy: FaultProxy | undefined;
let app: App | undefined;

/** The next data connection is held until `until` settles; `arrived` is called with its index when it comes. */
let hold: { readonly until: Promise<void>; arrived(index: number): void } | null = null;

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  const dir = join(server.root, folder);
  mkdirSync(join(dir, 'a-sub'), { recursive: true });
  for (const name of fileNames) writeFileSync(join(dir, name), 'x');
  for (const name of subNames) writeFileSync(join(dir, 'a-sub', name), 'y');
  const { uid, gid } = statSync(server.root);
  execFileSync('chown', ['-R', `${uid}:${gid}`, dir]);
  proxy = await startFaultProxy({
    upstreamHost: server.host,
    controlPort: server.port,
    passivePorts: passivePortsOf(fleet, 'vsftpd-explicit'),
    plan: ({ kind, index }) => {
      if (kind !== 'data') return null;
      const held = hold;
      hold = null;
      held?.arrived(index);
      return { kind: 'trickle', bytesPerTick: 2048, tickMs: 5, ...(held ? { heldUntil: held.until } : {}) };
    },
  });
  writeFileSync(join(work.home, uploadName), 'uploaded while the pane moved on');
  app = await startApp(work);
});

after(async () => {
  await closeApp({ app, work, shots });
  await proxy?.close();
  rmSync(join(server.root, folder), { recursive: true, force: true });
});

it('a refresh of a big folder raced by opening a subfolder ends showing the subfolder only', async () => {
  const { page } = app!;
  await quickConnect(page, { host: proxy!.host, port: proxy!.controlPort, user: server.user, password: server.password });
  await openRemoteFolder(page, `/${folder}`);
  await page.locator('.pane.remote .pane-footer', { hasText: /3,000 files/ }).waitFor();
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();

  // The refresh's data connection is held: its listing surely still arrives when the subfolder is opened.
  let release = () => {};
  const until = new Promise<void>((resolve) => (release = resolve));
  const arrived = new Promise<number>((resolve) => (hold = { until, arrived: resolve }));
  await page.getByRole('button', { name: 'Refresh remote' }).click();
  await arrived;
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="true"]')).waitFor();
  await paneRow(page, 'remote', 'a-sub').dblclick();
  release();
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: 'a-sub' }).waitFor();
  await paneRow(page, 'remote', 'inner-c.txt').waitFor();
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
  assert.ok(proxy!.stats().faultsInjected.trickle > 0, 'the listings came over the trickled link');

  const shown = await paneGrid(page, 'remote').locator('.grid-body [role="row"]').evaluateAll((rows) => rows.map((row) => (row as unknown as { getAttribute(n: string): string | null }).getAttribute('data-name') ?? ''));
  assert.deepEqual(shown.sort(), [...subNames].sort());
  const footer = await page.locator('.pane.remote .pane-footer').textContent();
  assert.match(footer ?? '', /0 folders, 3 files/);
  await shots.take(page, 'subfolder');
  assert.deepEqual(pageProblems(page), []);
});

it('moving on while the big folder\'s listing is held shows the next folder without waiting for it', async () => {
  const { page } = app!;
  let release = () => {};
  const until = new Promise<void>((resolve) => (release = resolve));
  const arrived = new Promise<number>((resolve) => (hold = { until, arrived: resolve }));
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: folder }).click();
  const heldConnection = await arrived;
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="true"]')).waitFor();

  await page.getByRole('button', { name: 'Edit remote path' }).click();
  await page.getByRole('textbox', { name: 'Remote path' }).fill(`/${folder}/a-sub`);
  await page.getByRole('textbox', { name: 'Remote path' }).press('Enter');
  try {
    await paneRow(page, 'remote', 'inner-c.txt').waitFor();
    await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
    assert.equal(proxy!.stats().bytesToClient.data[heldConnection], 0, 'the big listing is still held');
  } finally {
    release();
  }
  const shown = await paneGrid(page, 'remote').locator('.grid-body [role="row"]').evaluateAll((rows) => rows.map((row) => (row as unknown as { getAttribute(n: string): string | null }).getAttribute('data-name') ?? ''));
  assert.deepEqual(shown.sort(), [...subNames].sort());
  assert.match((await page.locator('.pane.remote .pane-footer').textContent()) ?? '', /0 folders, 3 files/);
  await shots.take(page, 'moved-on');
  assert.deepEqual(pageProblems(page), []);
});

it('a folder opened while an upload into the folder shown ends stays open: the upload\'s refresh does not take the pane back', async () => {
  const { page, host } = app!;
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: folder }).click();
  await page.locator('.pane.remote .pane-footer', { hasText: /3,000 files/ }).waitFor();
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();

  // The subfolder's listing is held while a file dropped on the folder shown uploads and ends.
  let release = () => {};
  const until = new Promise<void>((resolve) => (release = resolve));
  const arrived = new Promise<number>((resolve) => (hold = { until, arrived: resolve }));
  await paneRow(page, 'remote', 'a-sub').dblclick();
  await arrived;
  try {
    const uploaded = whenQueueItemEnded(host, `/${folder}/${uploadName}`);
    await dropOnPane(page, paneRow(page, 'local', uploadName), 'remote');
    assert.equal((await uploaded).state, 'done');
    // A round trip over the bridge after the upload's end: the folder-changed event sent with it has been handled.
    await page.evaluate(() => (globalThis as unknown as { wharf: { queueSnapshot(): Promise<unknown> } }).wharf.queueSnapshot());
  } finally {
    release();
  }
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: 'a-sub' }).waitFor();
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
  const shown = await paneGrid(page, 'remote').locator('.grid-body [role="row"]').evaluateAll((rows) => rows.map((row) => (row as unknown as { getAttribute(n: string): string | null }).getAttribute('data-name') ?? ''));
  assert.deepEqual(shown.sort(), [...subNames].sort());
  assert.equal(readFileSync(join(server.root, folder, uploadName), 'utf8'), 'uploaded while the pane moved on');
  assert.deepEqual(pageProblems(page), []);
});
