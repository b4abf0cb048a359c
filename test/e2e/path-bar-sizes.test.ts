/**
 * The path bars in small windows on high-density screens (800x600 at scale 2, 1024x768 at scale 1.5), in Chromium
 * through the bridge, connected to a real vsftpd. Deep folders with long names in both panes: the folder shown and
 * the root lie inside the bar with nothing painted over them; the remote pane's lock badge stays on one line,
 * inside the pane, clear of the pane's name and of the session list a second session brings; a path bar being typed
 * in is a field wholly visible and on top. A Windows path in the local pane (`C:\` and a deep folder under it; the
 * local paths are given by an init script standing in for a Windows main: this machine has none) splits into the
 * drive and its folders and lies the same way.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import { overlap, placementOf, type Placement } from './layout';
import { closeApp, openApp, openRemoteFolder, paneRow, quickConnect, scratch, Screenshots, startApp, type App } from './support';

const work = scratch('wharf-e2e-path-bar-');
const shots = new Screenshots('path-bar-');
const top = `path-bar-${randomBytes(3).toString('hex')}`;
const REMOTE_FOLDERS = [top, 'a very long folder name that goes on and on', 'and another folder with a long name'];
const LOCAL_FOLDERS = ['projects with a long name', 'a very long folder name that goes on and on'];
const WINDOWS_FOLDERS = ['Users', 'name', 'Documents', 'a very long folder name'];
const SIZES = [
  { name: '800x600-x2', size: { width: 800, height: 600 }, deviceScaleFactor: 2 },
  { name: '1024x768-x1.5', size: { width: 1024, height: 768 }, deviceScaleFactor: 1.5 },
];
let server: ServerInfo;
let app: App | undefined;

before(async () => {
  server = (await useFleet()).servers['vsftpd-explicit'];
  writeServerFile(server, `${REMOTE_FOLDERS.join('/')}/inside.txt`, 'x');
  mkdirSync(join(work.home, ...LOCAL_FOLDERS), { recursive: true });
  app = await startApp(work);
});

after(async () => {
  await closeApp({ app, work, shots });
  rmSync(join(server.root, top), { recursive: true, force: true });
});

function crumbs(page: Page, side: 'Local' | 'Remote'): Locator {
  return page.getByRole('navigation', { name: `${side} breadcrumbs` });
}

/** A crumb shown whole or shortened: inside the bar, nothing over it, wide enough to read a few letters. */
async function assertCrumbShown(crumb: Locator, what: string, whole = false): Promise<void> {
  const seen = await placementOf(crumb, 'nav');
  assert.ok(seen.inside && seen.inWindow && seen.onTop, `${what}: ${JSON.stringify(seen)}`);
  if (whole) assert.ok(!seen.clipped, `${what} is not cut: ${JSON.stringify(seen)}`);
  else assert.ok(seen.width >= 20, `${what} is wide enough to read a few letters: ${JSON.stringify(seen)}`);
}

/**
 * Every crumb of a bar is shown whole, shortened to a few letters, or folded into "…": none is a sliver (a bit of
 * its arrow and a letter, as folders in between were squeezed to in a narrow bar).
 */
async function assertNoSlivers(page: Page, side: 'Local' | 'Remote', what: string): Promise<void> {
  const shown = await crumbs(page, side).locator('.crumb').evaluateAll((buttons) =>
    buttons.map((node) => {
      const button = node as unknown as { textContent: string | null; scrollWidth: number; getBoundingClientRect(): { width: number } };
      return { label: button.textContent, width: button.getBoundingClientRect().width, natural: Math.min(button.scrollWidth, 180) };
    }),
  );
  const slivers = shown.filter((crumb) => crumb.width + 1 < crumb.natural && crumb.width < 20);
  assert.deepEqual(slivers, [], `${what}: ${JSON.stringify(shown)}`);
}

/**
 * The path bar of `side` opened for typing: the field lies wholly inside its pane and the window, on top, wide
 * enough; the list below stays where it was.
 */
async function assertEditFieldShown(page: Page, side: 'local' | 'remote', what: string): Promise<void> {
  const title = side === 'local' ? 'Local' : 'Remote';
  const grid = page.locator(`section.pane.${side} [role="grid"]`);
  const gridBefore = await grid.boundingBox();
  await page.getByRole('button', { name: `Edit ${side} path` }).click();
  const field = page.getByRole('textbox', { name: `${title} path` });
  await field.waitFor();
  const seen = await placementOf(field, `section.pane.${side}`);
  const inBar = await placementOf(field, '.pathbar');
  assert.ok(seen.inside && seen.inWindow && seen.onTop && inBar.inside && seen.width >= 120 && seen.height >= 20, `${what}: ${JSON.stringify(seen)}`);
  assert.deepEqual(await grid.boundingBox(), gridBefore, `${what}: the list does not move`);
  await shots.take(page, `${what}-editing`);
  await field.press('Escape');
  await field.waitFor({ state: 'detached' });
}

/** The lock badge: on one line, inside the pane's title row and the window, clear of what shares the row. */
async function assertLockBadgeShown(page: Page, what: string): Promise<Placement> {
  const badge = page.locator('section.pane.remote .lock-badge');
  const seen = await placementOf(badge, '.pane-title');
  const inPane = await placementOf(badge, 'section.pane.remote');
  assert.ok(seen.inside && inPane.inside && seen.inWindow && seen.onTop && !seen.clipped, `${what}: ${JSON.stringify(seen)}`);
  const text = await placementOf(badge.locator('span'), '.lock-badge');
  assert.ok(text.inside && !text.clipped && text.height <= seen.height, `${what}, its text on one line: ${JSON.stringify(text)}`);
  const name = await placementOf(page.locator('section.pane.remote .pane-name'), '.pane-title');
  assert.ok(!overlap(seen, name), `${what} clear of the pane's name: ${JSON.stringify({ badge: seen, name })}`);
  return seen;
}

describe('the path bars in small windows on high-density screens', () => {
  for (const { name, size, deviceScaleFactor } of SIZES) {
    it(`${name}: deep folders with long names in both panes, the lock badge, typing a path`, async () => {
      const page = await openApp(app!.browser, app!.host, size, { deviceScaleFactor });
      try {
        await quickConnect(page, server);
        await openRemoteFolder(page, `/${REMOTE_FOLDERS.join('/')}`);
        const shown = crumbs(page, 'Remote').getByRole('button', { name: REMOTE_FOLDERS.at(-1)!, exact: true });
        await shown.waitFor();
        await paneRow(page, 'remote', 'inside.txt').waitFor();
        await shots.take(page, `${name}-remote`);
        await assertCrumbShown(shown, `${name} remote folder shown`);
        await assertCrumbShown(crumbs(page, 'Remote').getByRole('button', { name: '/', exact: true }), `${name} remote root`, true);
        await assertNoSlivers(page, 'Remote', `${name} remote crumbs`);
        await assertLockBadgeShown(page, `${name} lock badge`);
        await assertEditFieldShown(page, 'remote', `${name}-remote`);

        const local = page.getByRole('button', { name: 'Edit local path' });
        await local.click();
        await page.getByRole('textbox', { name: 'Local path' }).fill(join(work.home, ...LOCAL_FOLDERS));
        await page.getByRole('textbox', { name: 'Local path' }).press('Enter');
        const localShown = crumbs(page, 'Local').getByRole('button', { name: LOCAL_FOLDERS.at(-1)!, exact: true });
        await localShown.waitFor();
        await shots.take(page, `${name}-local`);
        await assertCrumbShown(localShown, `${name} local folder shown`);
        await assertCrumbShown(crumbs(page, 'Local').getByRole('button', { name: '/', exact: true }), `${name} local root`, true);
        await assertNoSlivers(page, 'Local', `${name} local crumbs`);
        await assertEditFieldShown(page, 'local', `${name}-local`);

        // A second session adds the session list to the remote pane's title row.
        await quickConnect(page, server);
        await page.getByRole('combobox', { name: 'Session' }).waitFor();
        const badge = await assertLockBadgeShown(page, `${name} lock badge beside the session list`);
        const list = await placementOf(page.getByRole('combobox', { name: 'Session' }), '.pane-title');
        assert.ok(list.inside && list.onTop && list.width >= 60 && !overlap(badge, list), `${name} session list: ${JSON.stringify({ list, badge })}`);
        await shots.take(page, `${name}-two-sessions`);
      } finally {
        await page.close();
      }
    });
  }
});

/**
 * The local pane of a Windows main: the home and every listing given in Windows form, each folder empty. A script
 * of plain text: a function would be compiled with helpers the page does not have.
 */
async function asIfOnWindows(page: Page, home: string): Promise<void> {
  await page.addInitScript(`(() => {
    const home = ${JSON.stringify(home)};
    const sep = String.fromCharCode(92);
    const parentOf = (path) => (path.length === 3 ? null : path.slice(0, Math.max(path.lastIndexOf(sep), 3)));
    let installed;
    Object.defineProperty(globalThis, 'wharf', {
      configurable: true,
      get() { return installed; },
      set(bridge) {
        installed = Object.freeze({
          ...bridge,
          localPlaces: async () => ({ ok: true, value: { home, allowedRoots: [home.slice(0, 3)], separator: sep } }),
          localList: async ({ path }) => ({ ok: true, value: { path, parent: parentOf(path), separator: sep, entries: [] } }),
        });
      },
    });
  })();`);
}

describe('a Windows path in the local pane', () => {
  for (const { name, size, deviceScaleFactor } of SIZES) {
    it(`${name}: a deep folder under C:\\ and the drive root`, async () => {
      const home = `C:\\${WINDOWS_FOLDERS.join('\\')}`;
      const page = await openApp(app!.browser, app!.host, size, { deviceScaleFactor }, (p) => asIfOnWindows(p, home));
      try {
        const bar = crumbs(page, 'Local');
        const shown = bar.getByRole('button', { name: WINDOWS_FOLDERS.at(-1)!, exact: true });
        await shown.waitFor();
        await shots.take(page, `${name}-windows-folder`);
        // The drive and each folder: a crumb of its own, or folded into "…" (whose title is the deepest folded path);
        // in a bar too narrow for "…" too, only the drive and the folder shown (its title the whole path).
        const shownCrumbs = await bar.getByRole('button').evaluateAll((buttons) => buttons.map((b) => ({ text: (b as unknown as { textContent: string }).textContent, title: (b as unknown as { title: string }).title })));
        const titles = shownCrumbs.filter((c) => c.text !== '…').map((c) => c.title);
        const fold = shownCrumbs.find((c) => c.text === '…')?.title;
        assert.deepEqual([titles[0], shownCrumbs[0]?.text], ['C:\\', 'C:\\']);
        assert.equal(titles.at(-1), home);
        WINDOWS_FOLDERS.slice(0, -1).forEach((_, i) => {
          const path = `C:\\${WINDOWS_FOLDERS.slice(0, i + 1).join('\\')}`;
          const folded = fold === undefined ? titles.length === 2 : fold === path || fold.startsWith(`${path}\\`);
          assert.ok(titles.includes(path) !== folded, `${path} shown once, as a crumb or folded: ${JSON.stringify(shownCrumbs)}`);
        });
        await assertNoSlivers(page, 'Local', `${name} Windows crumbs`);
        await assertCrumbShown(shown, `${name} Windows folder shown`);
        await assertCrumbShown(bar.getByRole('button', { name: 'C:\\', exact: true }), `${name} drive`, true);
        await assertEditFieldShown(page, 'local', `${name}-windows`);
        assert.equal(await page.getByRole('button', { name: 'Edit local path' }).count(), 1);

        await bar.getByRole('button', { name: 'C:\\', exact: true }).click();
        await bar.getByRole('button', { name: 'Users', exact: true }).waitFor({ state: 'detached' });
        await shots.take(page, `${name}-windows-drive`);
        assert.deepEqual(await bar.getByRole('button').allInnerTexts(), ['C:\\']);
        await assertCrumbShown(bar.getByRole('button', { name: 'C:\\', exact: true }), `${name} drive root shown`, true);
      } finally {
        await page.close();
      }
    });
  }
});
