/**
 * A keyboard-only walk through the window (issue 15), end to end: real Chromium, the bridge host running
 * main's real services and the real vsftpd. From the quick-connect bar Tab reaches the local list, F6 the
 * remote list; the remote column heads are one Tab stop where the arrows move, Enter and Space sort
 * (aria-sort says how) and Alt+Left/Right resizes; Tab goes on to the queue and Shift+Tab comes back the
 * same way. Column widths, set by keyboard or by dragging a head's edge, survive a reload, per pane; so do
 * columns hidden from the heads' menu (right-click or Shift+F10 on a head).
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { TrackingCredentialStore } from '../credentials/keyring-helpers';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeAllDialogs, closeApp, openRemoteFolder, pageProblems, paneGrid, paneRow, quickConnect, scratch, startApp, waitReady } from './support';

const work = scratch('wharf-keyboard-walk-');
const credentials = new TrackingCredentialStore(new KeytarCredentialStore());
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;
const shots = new Screenshots('keyboard-walk-');

/** The remote folder of the walk: three files whose sizes sort differently from their names. */
const FOLDER = 'keyboard-walk';
const FILES = { 'a-small.txt': 'x', 'b-large.txt': 'x'.repeat(3000), 'c-medium.txt': 'x'.repeat(300) };
const BY_SIZE = ['a-small.txt', 'c-medium.txt', 'b-large.txt'];

/** The most Tab presses a walk from one region to the next may take before it counts as lost. */
const MAX_STOPS = 80;

/** Where the focus is: its region of the window and a name for messages. */
interface Stop {
  readonly region: 'quick-connect' | 'local-list' | 'local-pane' | 'remote-list' | 'remote-heads' | 'remote-pane' | 'queue' | 'other';
  readonly name: string;
}

type PageElement = {
  readonly id: string;
  readonly tagName: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
};

/** document.activeElement, as a region of the window. */
function focusedStop(): Promise<Stop> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as { document: { activeElement: PageElement | null } }).document.activeElement;
    if (!el) return { region: 'other', name: 'nothing' } as const;
    const name = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}"`;
    const label = el.getAttribute('aria-label');
    if (el.closest('form[aria-label="Quick connect"]')) return { region: 'quick-connect', name } as const;
    if (label === 'Local files' && el.getAttribute('role') === 'grid') return { region: 'local-list', name } as const;
    if (label === 'Remote files' && el.getAttribute('role') === 'grid') return { region: 'remote-list', name } as const;
    if (label === 'Transfer queue') return { region: 'queue', name } as const;
    if (el.closest('.grid.remote .grid-head')) return { region: 'remote-heads', name } as const;
    if (el.closest('.pane.local')) return { region: 'local-pane', name } as const;
    if (el.closest('.pane.remote')) return { region: 'remote-pane', name } as const;
    return { region: 'other', name } as const;
  });
}

/** Presses `key` until the focus is in `region`; returns every stop on the way (the last one in `region`). */
async function walkTo(region: Stop['region'], key: 'Tab' | 'Shift+Tab'): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < MAX_STOPS; i++) {
    await page.keyboard.press(key);
    const stop = await focusedStop();
    assert.notEqual(stop.name, 'nothing', `${key} left the window after ${stops.map((s) => s.name).join(' → ')}`);
    stops.push(stop);
    if (stop.region === region) return stops;
  }
  assert.fail(`${key} never reached ${region}: ${stops.map((s) => `${s.region} ${s.name}`).join(' → ')}`);
}

/** The regions a walk passed through, each once, in order. */
function regionsOf(stops: readonly Stop[]): string[] {
  return stops.map((s) => s.region).filter((r, i, all) => i === 0 || all[i - 1] !== r);
}

function head(side: 'local' | 'remote', label: string) {
  return paneGrid(page, side).getByRole('columnheader', { name: label });
}

async function widthOf(locator: ReturnType<typeof head>): Promise<number> {
  return (await locator.boundingBox())!.width;
}

/** The names of the remote rows, top to bottom. */
function remoteNames(): Promise<string[]> {
  return paneGrid(page, 'remote').locator('[role="row"][data-name]').evaluateAll((rows) => rows.map((r) => (r as unknown as PageElement).getAttribute('data-name')!));
}

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  for (const [name, data] of Object.entries(FILES)) writeServerFile(server, `${FOLDER}/${name}`, data);
  ({ host, browser, page } = await startApp(work, { credentials }));
  await quickConnect(page, server);
  await openRemoteFolder(page, `/${FOLDER}`);
  await paneRow(page, 'remote', 'b-large.txt').waitFor();
});

after(() => closeApp({ app: { host, browser }, credentials, work, shots }));

describe('the keyboard alone', () => {
  afterEach(async () => {
    await closeAllDialogs(page);
    assert.deepEqual(pageProblems(page), []);
  });

  it('walks from the quick-connect bar through both panes, sorts and resizes a column, reaches the queue and comes back; the width survives a reload', async () => {
    const localSizeBefore = await widthOf(head('local', 'Size'));
    const remoteSizeBefore = await widthOf(head('remote', 'Size'));

    await page.getByRole('form', { name: 'Quick connect' }).getByLabel('Host').focus();
    assert.equal((await focusedStop()).region, 'quick-connect');

    // Tab: on through the toolbar and the local pane's own controls to the local list, never into the remote pane.
    const toLocal = await walkTo('local-list', 'Tab');
    assert.ok(!toLocal.some((s) => s.region.startsWith('remote') || s.region === 'queue'), `reached the remote pane or the queue first: ${toLocal.map((s) => s.name).join(' → ')}`);

    // F6: the remote list.
    await page.keyboard.press('F6');
    assert.equal((await focusedStop()).region, 'remote-list');

    // Tab: the column heads, one stop, on the first head.
    await page.keyboard.press('Tab');
    assert.deepEqual(await focusedStop(), { region: 'remote-heads', name: '#remote-head-name' });
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await focusedStop(), { region: 'remote-heads', name: '#remote-head-size' });
    assert.equal(await head('remote', 'Size').getAttribute('aria-sort'), 'none');

    await page.keyboard.press('Enter');
    assert.equal(await head('remote', 'Size').getAttribute('aria-sort'), 'ascending');
    assert.equal(await head('remote', 'Name').getAttribute('aria-sort'), 'none');
    assert.deepEqual(await remoteNames(), BY_SIZE);
    await page.keyboard.press('Space');
    assert.equal(await head('remote', 'Size').getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await remoteNames(), [...BY_SIZE].reverse());
    assert.equal((await focusedStop()).region, 'remote-heads', 'sorting keeps the focus on the head');

    // Alt+Right widens the focused column: the head and the cells below it together.
    await page.keyboard.press('Alt+ArrowRight');
    const widened = await widthOf(head('remote', 'Size'));
    assert.ok(widened > remoteSizeBefore, `Size was ${remoteSizeBefore}px wide and is ${widened}px after Alt+Right`);
    assert.equal(await widthOf(paneRow(page, 'remote', 'b-large.txt').locator('.c-size')), widened);
    assert.equal(await widthOf(head('local', 'Size')), localSizeBefore, 'the local pane keeps its own widths');
    assert.equal((await focusedStop()).name, '#remote-head-size');
    await shots.take(page, 'remote-sorted-and-resized');

    // Tab: on to the queue, without going back into either list.
    const toQueue = await walkTo('queue', 'Tab');
    assert.ok(!toQueue.some((s) => s.region === 'local-list' || s.region === 'remote-list' || s.region === 'quick-connect'), `went back on the way to the queue: ${toQueue.map((s) => s.name).join(' → ')}`);

    // Shift+Tab: back the same way to the quick-connect bar; the heads remember their focused column.
    const back = await walkTo('quick-connect', 'Shift+Tab');
    const regions = regionsOf(back);
    const order = ['remote-heads', 'remote-list', 'local-list', 'quick-connect'].map((r) => regions.indexOf(r));
    assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), `Shift+Tab went ${regions.join(' → ')}`);
    assert.ok(back.some((s) => s.name === '#remote-head-size'));

    await page.reload();
    await waitReady(page);
    assert.equal(await widthOf(head('remote', 'Size')), widened, 'the widened column survives a reload');
    assert.equal(await widthOf(head('local', 'Size')), localSizeBefore);
  });

  it('resizes a column by dragging its head’s edge, and remembers the width across a reload', async () => {
    const type = head('local', 'Type');
    const before = await widthOf(type);
    const box = (await type.boundingBox())!;
    const drag = 40;
    // The edge: the last pixels inside the head.
    const edge = { x: box.x + box.width - 2, y: box.y + box.height / 2 };
    await page.mouse.move(edge.x, edge.y);
    await page.mouse.down();
    await page.mouse.move(edge.x + drag / 2, edge.y);
    await page.mouse.move(edge.x + drag, edge.y);
    await page.mouse.up();
    assert.equal(await widthOf(type), before + drag);
    assert.equal(await head('local', 'Type').getAttribute('aria-sort'), 'none', 'letting go of the edge does not sort');

    await page.reload();
    await waitReady(page);
    assert.equal(await widthOf(head('local', 'Type')), before + drag);
  });
  it('hides a column from the heads’ menu in one pane only, keeps it hidden across a reload, and shows it again', async () => {
    const columnMenu = () => page.getByRole('menu', { name: 'Remote columns' });
    const ownerCells = () => paneGrid(page, 'remote').locator('[role="row"][data-name] .c-owner');
    assert.equal(await head('remote', 'Modified').count(), 1);

    // Right-click on a head: a checkbox per column; Name cannot be unticked.
    await head('remote', 'Size').click({ button: 'right' });
    const modified = columnMenu().getByRole('menuitemcheckbox', { name: 'Modified' });
    assert.equal(await modified.getAttribute('aria-checked'), 'true');
    assert.equal(await columnMenu().getByRole('menuitemcheckbox', { name: 'Name' }).getAttribute('aria-disabled'), 'true');
    await modified.click();
    assert.equal(await modified.getAttribute('aria-checked'), 'false');
    await page.keyboard.press('Escape');
    assert.equal(await columnMenu().count(), 0);

    // The keyboard: Shift+F10 on a head opens the same menu; Owner goes too.
    await head('remote', 'Name').getByRole('button').focus();
    await page.keyboard.press('Shift+F10');
    await columnMenu().getByRole('menuitemcheckbox', { name: 'Owner' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await columnMenu().getByRole('menuitemcheckbox', { name: 'Owner' }).getAttribute('aria-checked'), 'false');
    await page.keyboard.press('Escape');

    const assertHidden = async () => {
      assert.equal(await head('remote', 'Modified').count(), 0, 'the Modified head is gone');
      assert.equal(await head('remote', 'Owner').count(), 0, 'the Owner head is gone');
      assert.equal(await paneRow(page, 'remote', 'b-large.txt').locator('.c-modified').count(), 0, 'the Modified cells are gone');
      assert.equal(await ownerCells().count(), 0, 'the Owner cells are gone');
      assert.equal(await paneRow(page, 'remote', 'b-large.txt').locator('.c-size').count(), 1, 'the other columns stay');
      assert.equal(await head('local', 'Modified').count(), 1, 'the local pane keeps its Modified column');
      const localRows = paneGrid(page, 'local').locator('[role="row"][data-name]');
      assert.equal(await localRows.locator('.c-modified').count(), await localRows.count(), 'every local row keeps its Modified cell');
    };
    await assertHidden();
    await shots.take(page, 'remote-columns-hidden');

    await page.reload();
    await waitReady(page);
    await paneRow(page, 'remote', 'b-large.txt').waitFor();
    await assertHidden();

    await head('remote', 'Size').click({ button: 'right' });
    await columnMenu().getByRole('menuitemcheckbox', { name: 'Modified' }).click();
    await columnMenu().getByRole('menuitemcheckbox', { name: 'Owner' }).click();
    await page.keyboard.press('Escape');
    assert.equal(await head('remote', 'Modified').count(), 1);
    assert.equal(await head('remote', 'Owner').count(), 1);
    assert.equal(await paneRow(page, 'remote', 'b-large.txt').locator('.c-modified').count(), 1);
    assert.ok((await ownerCells().count()) > 0);
  });
});
