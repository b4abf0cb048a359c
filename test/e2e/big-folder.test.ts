/**
 * A folder of a few thousand entries from a real vsftpd over FTPS, opened in Chromium: the listing comes
 * in chunks with a running count, the first rows show before it is complete, the rows end up in the
 * pane's sort order (sorted in slices for a folder this size), the virtual list scrolls to the last row,
 * a folder opened from a view scrolled down shows from its first row, and a newer listing of the pane
 * wins over one still arriving.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { Page } from 'playwright-core';
import { useFleet, type ServerInfo } from '../servers/fleet';
import { closeApp, openRemoteFolder, pageProblems, paneGrid, paneRow, quickConnect, scratch, Screenshots, startApp, type App } from './support';

const work = scratch('wharf-e2e-big-folder-');
const shots = new Screenshots('big-folder-');
const folder = `many-${randomBytes(3).toString('hex')}`;
const FILES = 4500;
const FOLDERS = 12;
let server: ServerInfo;
let app: App | undefined;

/** The names as the pane sorts them by name: folders first, then numbers in names by value (`f-9` before `f-10`). */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const fileNames = Array.from({ length: FILES }, (_, i) => `f-${i}.txt`);
const folderNames = Array.from({ length: FOLDERS }, (_, i) => `dir-${i}`);
/** What the last folder holds: more rows than a view scrolled past the folders leaves room for above it. */
const innerNames = Array.from({ length: 40 }, (_, i) => `inner-${String(i).padStart(2, '0')}.txt`);
const byName = [...folderNames.sort((a, b) => collator.compare(a, b)), ...[...fileNames].sort((a, b) => collator.compare(a, b))];
const sizeOf = (i: number) => (i * 7919) % 10_007;

type FooterWindow = { wharfFooterTexts?: string[]; document: { querySelector(s: string): { textContent: string | null } | null } };

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  const dir = join(server.root, folder);
  mkdirSync(dir);
  fileNames.forEach((name, i) => writeFileSync(join(dir, name), Buffer.alloc(sizeOf(i))));
  for (const name of folderNames) mkdirSync(join(dir, name));
  for (const name of innerNames) writeFileSync(join(dir, folderNames.at(-1)!, name), 'x');
  const { uid, gid } = statSync(server.root);
  execFileSync('chown', ['-R', `${uid}:${gid}`, dir]);
  app = await startApp(work);
});

after(async () => {
  await closeApp({ app, work, shots });
  rmSync(join(server.root, folder), { recursive: true, force: true });
});

/** The names of the rows the virtual list has drawn, in row order. */
async function drawnNames(page: Page): Promise<string[]> {
  const rows = paneGrid(page, 'remote').locator('.grid-body [role="row"]');
  const drawn = await rows.evaluateAll((els) =>
    els.map((el) => {
      const row = el as unknown as { getAttribute(n: string): string | null };
      return { index: Number(row.getAttribute('aria-rowindex')), name: row.getAttribute('data-name') ?? '' };
    }),
  );
  return drawn.sort((a, b) => a.index - b.index).map((r) => r.name);
}

/** Waits until the pane is neither loading nor sorting. */
async function settled(page: Page): Promise<void> {
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).waitFor();
}

it('shows a running count while the listing arrives, then every row in name order down to the last', async () => {
  const { page } = app!;
  await quickConnect(page, server);
  // The root listed before the footer is watched: its own running count is not the big folder's.
  await settled(page);
  // Every text the footer shows, kept by the page itself: the count passes too fast to poll.
  await page.evaluate(() => {
    const w = globalThis as unknown as FooterWindow & { MutationObserver: new (cb: () => void) => { observe(t: unknown, o: unknown): void } };
    const footer = w.document.querySelector('.pane.remote .pane-footer')!;
    const texts: string[] = [];
    w.wharfFooterTexts = texts;
    new w.MutationObserver(() => texts.push(footer.textContent ?? '')).observe(footer, { subtree: true, childList: true, characterData: true });
  });
  await openRemoteFolder(page, `/${folder}`);
  await page.locator('.pane.remote .pane-footer').filter({ hasText: `${FOLDERS} folders, ${FILES.toLocaleString('en-US')} files` }).waitFor({ timeout: 60_000 });
  await settled(page);

  const texts = await page.evaluate(() => (globalThis as unknown as FooterWindow).wharfFooterTexts ?? []);
  const counts = texts.map((t) => /Loading… ([\d,]+) entries/.exec(t)?.[1]).filter((c): c is string => c !== undefined).map((c) => Number(c.replace(/,/g, '')));
  assert.ok(counts.length > 0, `no running count among ${JSON.stringify(texts.slice(0, 8))}`);
  assert.ok(counts.some((c) => c < FILES + FOLDERS), `the count only showed the whole listing: ${counts.join(', ')}`);
  assert.deepEqual(counts, [...counts].sort((a, b) => a - b), 'the running count only goes up');

  const top = await drawnNames(page);
  assert.deepEqual(top, byName.slice(0, top.length));
  await paneRow(page, 'remote', byName[0]!).click();
  await page.keyboard.press('End');
  await paneRow(page, 'remote', byName.at(-1)!).waitFor();
  const bottom = await drawnNames(page);
  assert.deepEqual(bottom, byName.slice(-bottom.length));
  assert.ok(bottom.length < 100, `rows in the page: ${bottom.length}`);
  await shots.take(page, 'end');
  assert.deepEqual(pageProblems(page), []);
});

it('a folder opened from a view scrolled down shows from its first row, not at the old folder\'s scroll offset', async () => {
  const { page } = app!;
  const lastFolder = folderNames.at(-1)!;
  const body = paneGrid(page, 'remote').locator('.grid-body');
  await paneGrid(page, 'remote').locator('.grid-body [role="row"]').first().click();
  await page.keyboard.press('Home');
  await paneRow(page, 'remote', byName[0]!).waitFor();
  const rowHeight = (await paneRow(page, 'remote', byName[0]!).boundingBox())!.height;
  // Scrolled down by the wheel until the last folder is the top row: the rows above it are out of view.
  const scrolledTo = (FOLDERS - 1) * rowHeight;
  await body.hover();
  await page.mouse.wheel(0, scrolledTo);
  await page.waitForFunction((top) => ((globalThis as unknown as FooterWindow).document.querySelector('.pane.remote .grid-body') as unknown as { scrollTop: number }).scrollTop >= top, scrolledTo);
  await paneRow(page, 'remote', lastFolder).dblclick();
  await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: lastFolder }).waitFor();
  await paneRow(page, 'remote', innerNames[0]!).waitFor();
  assert.equal(await body.evaluate((el) => (el as unknown as { scrollTop: number }).scrollTop), 0);
  const top = await drawnNames(page);
  assert.deepEqual(top, innerNames.slice(0, top.length));
  await shots.take(page, 'opened-from-scrolled');

  await page.getByRole('button', { name: 'Up (remote)' }).click();
  await paneRow(page, 'remote', lastFolder).waitFor();
  await settled(page);
  assert.deepEqual(pageProblems(page), []);
});

it('sorts the whole folder by size and back by name, descending', async () => {
  const { page } = app!;
  const bySize = [...folderNames, ...fileNames.map((name, i) => ({ name, size: sizeOf(i) })).sort((a, b) => a.size - b.size || collator.compare(a.name, b.name)).map((e) => e.name)];
  await paneGrid(page, 'remote').getByRole('columnheader', { name: 'Size' }).click();
  await settled(page);
  await paneGrid(page, 'remote').locator('.grid-body [role="row"]').first().click();
  await page.keyboard.press('End');
  await paneRow(page, 'remote', bySize.at(-1)!).waitFor();
  const end = await drawnNames(page);
  assert.deepEqual(end, bySize.slice(-end.length));
  await page.keyboard.press('Home');
  await paneRow(page, 'remote', bySize[0]!).waitFor();
  // Folders stay first whatever the column; sizes of folders are not compared (all 4096 on vsftpd).
  const top = await drawnNames(page);
  assert.deepEqual(top.slice(FOLDERS), bySize.slice(FOLDERS, top.length));

  await paneGrid(page, 'remote').getByRole('columnheader', { name: 'Name' }).click();
  await paneGrid(page, 'remote').getByRole('columnheader', { name: 'Name' }).click();
  await settled(page);
  await paneGrid(page, 'remote').locator('.grid-body [role="row"]').first().click();
  const descending = [...[...folderNames].reverse(), ...[...fileNames].sort((a, b) => collator.compare(b, a))];
  await page.keyboard.press('Home');
  await paneRow(page, 'remote', descending[0]!).waitFor();
  const first = await drawnNames(page);
  assert.deepEqual(first, descending.slice(0, first.length));
});

it('a newer listing of the pane wins over the big one still arriving', async () => {
  const { page } = app!;
  await page.getByRole('button', { name: 'Refresh remote' }).click();
  await page.getByRole('button', { name: 'Up (remote)' }).click();
  await paneRow(page, 'remote', folder).waitFor();
  await settled(page);
  assert.equal(await paneRow(page, 'remote', 'f-0.txt').count(), 0);
  const footer = await page.locator('.pane.remote .pane-footer').textContent();
  assert.doesNotMatch(footer ?? '', /4,500 files/);
  assert.deepEqual(pageProblems(page), []);
});
