/**
 * A pane moved on from the keyboard does not wait for the listing it left, in Chromium through the bridge (the
 * path bar and the breadcrumbs are slow-listing-race.test.ts): the fault proxy holds a data connection of a real
 * vsftpd, so not a byte of that listing has arrived. Enter on a folder row while the big folder's refresh is held
 * shows the folder; Backspace (the pane's "up") while a subfolder's refresh is held shows the parent, the
 * subfolder's row under the cursor. Each time the held listing is still held when the target shows, and is cut
 * (ABOR).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { startFaultProxy, type FaultProxy } from '../faults/fault-proxy';
import { passivePortsOf } from '../faults/support';
import { useFleet, type ServerInfo } from '../servers/fleet';
import { closeApp, eventually, openRemoteFolder, pageProblems, paneGrid, paneRow, quickConnect, scratch, Screenshots, startApp, type App } from './support';

const work = scratch('wharf-e2e-keyboard-listing-');
const shots = new Screenshots('keyboard-listing-');
const folder = `keys-many-${randomBytes(3).toString('hex')}`;
const fileNames = Array.from({ length: 3000 }, (_, i) => `f-${i}.txt`);
const subNames = ['inner-a.txt', 'inner-b.txt', 'inner-c.txt'];
let server: ServerInfo;
let proxy: FaultProxy | undefined;
let app: App | undefined;

/** The next data connection is held until `until` settles; `arrived` is called with its index when it comes. */
let hold: { readonly until: Promise<void>; arrived(index: number): void } | null = null;

/** Holds the next data connection: `arrived` gives its index once it has come, `release` lets it go on. */
function holdNextDataConnection(): { arrived: Promise<number>; release: () => void } {
  let release = () => {};
  const until = new Promise<void>((resolve) => (release = resolve));
  const arrived = new Promise<number>((resolve) => (hold = { until, arrived: resolve }));
  return { arrived, release };
}

/** Waits until the listing left was cut: an ABOR on the command log the window shows, since `since`. */
async function abortSentSince(since: string): Promise<void> {
  const aborted = () => app!.host.services.log.recent().some((line) => line.time >= since && line.direction === 'command' && line.text === 'ABOR');
  await eventually('an ABOR of the listing left', aborted);
}

/** The names of the rows the remote pane shows. */
function shownNames(): Promise<string[]> {
  return paneGrid(app!.page, 'remote').locator('.grid-body [role="row"]').evaluateAll((rows) => rows.map((row) => (row as unknown as { getAttribute(n: string): string | null }).getAttribute('data-name') ?? ''));
}

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
  app = await startApp(work);
});

after(async () => {
  await closeApp({ app, work, shots });
  await proxy?.close();
  rmSync(join(server.root, folder), { recursive: true, force: true });
});

it('Enter on a folder row while the big folder\'s refresh is held opens the folder without waiting for it', async () => {
  const { page } = app!;
  await quickConnect(page, { host: proxy!.host, port: proxy!.controlPort, user: server.user, password: server.password });
  await openRemoteFolder(page, `/${folder}`);
  await page.locator('.pane.remote .pane-footer', { hasText: /3,000 files/ }).waitFor();
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
  await paneRow(page, 'remote', 'a-sub').click();

  const { arrived, release } = holdNextDataConnection();
  await page.keyboard.press('F5');
  const heldConnection = await arrived;
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="true"]')).waitFor();
  const since = new Date().toISOString();
  try {
    // The refresh keeps the rows it has: the cursor is still on a-sub.
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: 'a-sub' }).waitFor();
    await paneRow(page, 'remote', 'inner-c.txt').waitFor();
    await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
    assert.equal(proxy!.stats().bytesToClient.data[heldConnection], 0, 'the big listing is still held');
    await abortSentSince(since);
  } finally {
    release();
  }
  assert.deepEqual((await shownNames()).sort(), [...subNames].sort());
  assert.match((await page.locator('.pane.remote .pane-footer').textContent()) ?? '', /0 folders, 3 files/);
  await shots.take(page, 'enter');
  assert.deepEqual(pageProblems(page), []);
});

it('Backspace while the subfolder\'s refresh is held goes up without waiting for it, the subfolder under the cursor', async () => {
  const { page } = app!;
  await paneGrid(page, 'remote').focus();
  const { arrived, release } = holdNextDataConnection();
  await page.keyboard.press('F5');
  const heldConnection = await arrived;
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="true"]')).waitFor();
  const since = new Date().toISOString();
  try {
    await page.keyboard.press('Backspace');
    await page.locator('.pane.remote .pane-footer', { hasText: /1 folder, 3,000 files/ }).waitFor();
    await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
    assert.equal(proxy!.stats().bytesToClient.data[heldConnection], 0, 'the subfolder\'s listing is still held');
    await abortSentSince(since);
  } finally {
    release();
  }
  assert.equal(await paneRow(page, 'remote', 'a-sub').getAttribute('aria-selected'), 'true', 'the folder left is under the cursor');
  assert.equal(await paneRow(page, 'remote', 'inner-c.txt').count(), 0, 'none of the held listing mixed in');
  await shots.take(page, 'backspace');
  assert.deepEqual(pageProblems(page), []);
});
