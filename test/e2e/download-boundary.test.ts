/**
 * The download boundary in the window: real Chromium, the bridge host running main's services, and a
 * scripted hostile server over real TLS whose folder lists every name trick beside honest files. A user
 * shows hidden files, selects everything and downloads it (Ctrl+A, Ctrl+Enter), double-clicks a device
 * name and drags a traversal name onto the local pane: the queue takes every request, each tricked name
 * fails alone with its reason in the Failed tab, the honest files arrive whole, and nothing exists
 * anywhere in the temporary home outside the chosen folder. View/Edit (Open) of every tricked name either
 * refuses it in a notice saying why or downloads a private copy inside this run's scratch folder; a sync
 * down from the hostile folder names each left-out entry with its reason in the preview and copies the
 * honest files; an Alt+drag out to the OS of a selection with tricked names drags the honest file alone.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { WharfBridge } from '../../common/ipc/contract';
import type { TransferItem } from '../../common/models/transfer';
import { visibleName } from '../../common/models/visible-name';
import { printableName } from '../../main/ftps/safe-names';
import { useFleet } from '../servers/fleet';
import { absoluteEscapes, boundaryFolder, HOSTILE_BYTES, startBoundaryServer, strayPaths, type BoundaryFolder, type Trick } from '../hostile/boundary';
import type { HostileServer } from '../hostile/hostile-server';
import { PASSWORD, USER } from '../hostile/scenarios';
import { fleetCertificate } from '../hostile/support';
import type { BridgeHost } from './bridge/host';
import { closeAllDialogs, closeApp, dialogTitled, eventually, pageProblems, paneGrid, paneRow, scratch, screenshot, startApp } from './support';

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

/** Every regular file in the temporary home holding the hostile server's bytes: each a copy of a tricked name. */
function hostileCopies(): string[] {
  const files = execFileSync('find', [work.base, '-type', 'f', '-print0'], { encoding: 'utf8' }).split('\0').filter((p) => p.length > 0);
  return files.filter((p) => readFileSync(p, 'utf8') === HOSTILE_BYTES);
}

/** Paths below `root` (itself included) whose permission bits are not `mode` for their type. */
function notPrivate(root: string): string[] {
  const paths = execFileSync('find', [root, '-print0'], { encoding: 'utf8' }).split('\0').filter((p) => p.length > 0);
  return paths.filter((p) => {
    const info = lstatSync(p);
    return (info.mode & 0o777) !== (info.isDirectory() ? 0o700 : 0o600);
  });
}

/**
 * The words a sync preview gives for a skipped server entry: a traversal name holds a separator, which is
 * what the compare refuses it for (it never joins a name to a path); the other tricks keep their reason.
 */
function syncReason(trick: Trick): RegExp {
  return trick.reason.test('would be written outside') ? /: the name contains "[/\\]"$/ : trick.reason;
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

  it('View/Edit (Open) of each tricked name: refused in a notice saying why, or a private copy inside the scratch folder; an honest file opens', async () => {
    await clearQueue();
    await closeAllDialogs(page, { menus: true });
    const scratchRoot = host.services.scratch.root;
    assert.ok(scratchRoot.startsWith(`${work.dataDir}/`), `the scratch folder ${scratchRoot} is in the app's data folder`);
    // Errors and warnings of the earlier tests stay until dismissed, over the rows the menu is opened on.
    const lasting = page.locator('.notice.error, .notice.warning');
    while ((await lasting.count()) > 0) await lasting.first().getByRole('button', { name: 'Dismiss' }).click();
    const refusals = page.locator('.notice.error');
    const opened: string[] = [];
    const refused: string[] = [];
    for (const name of [...folder.tricks.map((t) => t.name), 'ok.txt']) {
      const trick = folder.tricks.find((t) => t.name === name);
      const opensBefore = host.platform.record.opened.length;
      await paneRow(page, 'remote', name).click({ button: 'right' });
      await page.getByRole('menu', { name: 'Remote file actions' }).getByRole('menuitem', { name: 'Open' }).click();
      await eventually(`Open of ${JSON.stringify(name)} ended (a copy opened, or a notice)`, async () => host.platform.record.opened.length > opensBefore || (await refusals.count()) > 0);
      if (host.platform.record.opened.length > opensBefore) {
        const copy = host.platform.record.opened.at(-1) ?? '';
        assert.equal(dirname(dirname(copy)), scratchRoot, `${JSON.stringify(name)}: the copy ${copy} is in a folder of its own in the scratch folder`);
        assert.equal(readFileSync(copy, 'utf8'), trick ? HOSTILE_BYTES : folder.honest[name]);
        opened.push(name);
        continue;
      }
      assert.ok(trick, `the honest ${name} opens`);
      const notice = await refusals.innerText();
      assert.match(notice, /^Open: Unsafe file name/);
      // Named as main writes it (`\x07`), or as the renderer marks it (`⟨U+0007⟩`) where no request may carry it.
      const shown = [printableName(name.slice(0, 200)), visibleName(name.slice(0, 200))];
      assert.ok(shown.some((n) => notice.includes(`The server named this file "${n}`)), `${JSON.stringify(name)} is named: ${notice}`);
      assert.match(notice, trick.reason, `${JSON.stringify(name)}: the notice says why`);
      if (trick.reason.test('would be written outside')) assert.match(notice, /which would be written outside the scratch folder; skipped\./);
      if (refused.length === 0) await screenshot(page, 'boundary-open-refused');
      refused.push(name);
      await refusals.getByRole('button', { name: 'Dismiss' }).click();
      await refusals.waitFor({ state: 'detached' });
    }
    assert.ok(opened.includes('ok.txt') && refused.includes('CON'), JSON.stringify({ opened, refused }));
    assert.deepEqual(hostileCopies().filter((p) => !p.startsWith(`${scratchRoot}/`)), [], 'every copy of a tricked name is in the scratch folder');
    assert.deepEqual(notPrivate(scratchRoot), [], 'the scratch folders are 0700, the copies 0600');
    assertContained();
    assert.deepEqual(pageProblems(page), []);
  });

  it('Synchronise… down from the hostile folder: the preview names each left-out entry with its reason, the honest files arrive', async () => {
    await clearQueue();
    await closeAllDialogs(page, { menus: true });
    await page.getByRole('button', { name: 'Synchronise…' }).click();
    const sync = dialogTitled(page, 'Synchronise folders');
    await sync.getByRole('radio', { name: /^Download/ }).check();
    await sync.getByRole('button', { name: 'Preview', exact: true }).click();
    await sync.locator('.sync-preview').waitFor();
    const rows = sync.locator('tr.sync-action');
    const planned: string[] = [];
    for (let i = 0; i < (await rows.count()); i++) planned.push(`${await rows.nth(i).getAttribute('data-operation')} ${await rows.nth(i).getAttribute('data-path')}`);
    assert.deepEqual(planned.sort(), Object.keys(folder.honest).map((n) => `copy ${n}`).sort(), 'only the honest files are planned');
    const skipped = sync.locator('details').filter({ has: page.locator('summary', { hasText: / skipped$/ }) });
    await skipped.locator('summary').click();
    const lines = await skipped.locator('li').allInnerTexts();
    assert.equal(lines.length, folder.tricks.length, JSON.stringify(lines));
    for (const trick of folder.tricks) {
      const line = lines.find((l) => l.startsWith(`${printableName(trick.name)} (server): the name `));
      assert.ok(line, `${JSON.stringify(trick.name)} is named among the skipped: ${JSON.stringify(lines)}`);
      assert.match(line, syncReason(trick));
    }
    await screenshot(page, 'boundary-sync-skipped');
    await sync.getByRole('button', { name: /^Run \d+ action/ }).click();
    const finished = sync.getByRole('status').filter({ hasText: /^Finished:/ });
    await finished.waitFor();
    await screenshot(page, 'boundary-sync-finished');
    assert.match(await finished.innerText(), new RegExp(`^Finished: ${Object.keys(folder.honest).length} done, 0 skipped, 0 failed\\.$`));
    for (const [name, content] of Object.entries(folder.honest)) assert.equal(readFileSync(join(chosen, name), 'utf8'), content, name);
    await sync.locator('.modal-footer').getByRole('button', { name: 'Close', exact: true }).click();
    await sync.waitFor({ state: 'detached' });
    assertContained();
    assert.deepEqual(pageProblems(page), []);
    await clearQueue();
  });

  it('Alt+drag out of a selection holding tricked names: the honest file is dragged from the scratch folder, each refusal says why (in the log, a control character in the notice)', async () => {
    await closeAllDialogs(page, { menus: true });
    const lasting = page.locator('.notice.error, .notice.warning');
    while ((await lasting.count()) > 0) await lasting.first().getByRole('button', { name: 'Dismiss' }).click();
    const tricked = ['CON', folder.tricks[2]?.name ?? '', folder.tricks[4]?.name ?? ''];
    const dragsBefore = host.platform.record.drags.length;
    await paneRow(page, 'remote', 'ok.txt').click();
    for (const name of tricked) await paneRow(page, 'remote', name).click({ modifiers: ['Control'] });
    await page.keyboard.down('Alt');
    await paneRow(page, 'remote', 'ok.txt').dragTo(paneGrid(page, 'local'));
    await page.keyboard.up('Alt');
    await eventually('a drag out started', () => host.platform.record.drags.length > dragsBefore);
    const dragged = host.platform.record.drags.at(-1) ?? [];
    assert.equal(dragged.length, 1, JSON.stringify(dragged));
    assert.ok(dragged[0]?.startsWith(`${host.services.scratch.root}/`), dragged[0]);
    assert.equal(readFileSync(dragged[0] ?? '', 'utf8'), folder.honest['ok.txt']);
    const warning = page.locator('.notice.warning', { hasText: `${tricked.length} of ${tricked.length + 1} files left out` });
    await warning.waitFor();
    assert.ok((await warning.innerText()).includes(`"${visibleName(tricked[2] ?? '')}": the name contains a control character.`), await warning.innerText());
    await page.getByRole('tab', { name: 'Message log' }).click();
    for (const reason of ['"CON", which is a reserved Windows device name; skipped.', `"${printableName(tricked[1] ?? '')}", which would be written outside the scratch folder; skipped.`]) {
      await page.locator('.log-text', { hasText: `Drag out: The server named this file ${reason}` }).first().waitFor();
    }
    await screenshot(page, 'boundary-drag-out-log');
    await page.getByRole('tab', { name: 'Transfer queue' }).click();
    assertContained();
    assert.deepEqual(pageProblems(page), []);
  });
});
