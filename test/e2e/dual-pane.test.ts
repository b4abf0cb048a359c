/**
 * The renderer end to end: real Chromium, the bridge host running main's real services, the real FTP
 * fleet and (under scripts/run-tests.ts) a real gnome-keyring. One window goes through what a user does:
 * quick-connect with a certificate question, the security report, browsing with mouse and keyboard,
 * transfers by drag-and-drop (pane to pane and from the OS), the overwrite question, rename, delete, new
 * folder, pause/resume of a running transfer, the log, a reload, saved sites (keychain, explicit,
 * implicit, a changed certificate), the plain-FTP warning and a 100,000-entry folder. Screenshots of the
 * main states are saved under SCREENSHOT_DIR.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { WharfBridge } from '../../common/ipc/contract';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { PinnedCertificateStore } from '../../main/sites/pinned-certificates';
import { TrackingCredentialStore } from '../credentials/keyring-helpers';
import { useFleet, writeServerFile, type FleetInfo, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeAllDialogs, closeApp, dialogTitled, openRemoteFolder, pageProblems, paneGrid, paneRow, remoteListed, scratch, startApp, submitQuickConnect, waitReady } from './support';

type PageWindow = { wharf: WharfBridge; wharfBridgeTest: { registerDroppedPath(name: string, path: string): void } };

const work = scratch('wharf-e2e-');
const credentials = new TrackingCredentialStore(new KeytarCredentialStore());
let fleet: FleetInfo;
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;
const shots = new Screenshots();

const uploadBytes = randomBytes(200 * 1024);

async function shot(name: string): Promise<void> {
  await shots.take(page, name);
}

/** Fills and submits the quick connect bar. */
async function quickConnect(target: ServerInfo, mode: 'explicit' | 'implicit' | 'plain'): Promise<void> {
  await submitQuickConnect(page, target, mode);
}

/** Waits for a transfer row in the Completed tab (the queue shows its state if it never comes). */
async function waitCompleted(name: string, nth = 0): Promise<void> {
  await page.getByRole('tab', { name: /^Completed/ }).click();
  try {
    await page.locator('.qrow[data-state="done"]', { hasText: name }).nth(nth).waitFor();
  } catch (err) {
    const queue = await page.evaluate(() => (globalThis as unknown as PageWindow).wharf.queueSnapshot({}));
    const items = queue.ok ? queue.value.items.filter((i) => i.localPath.endsWith(name) || i.remotePath.endsWith(name)) : queue;
    throw new Error(`${name} did not complete: ${JSON.stringify(items)}`, { cause: err });
  }
}

/** Closes whatever dialog a failed test left open, so the next test starts from the window. */
async function closeDialogs(): Promise<void> {
  await closeAllDialogs(page);
}

/** Waits until the remote pane lists `name`. */
async function remoteShows(name: string): Promise<void> {
  await paneRow(page, 'remote', name).waitFor();
}

/** The dialog with this title. */
function dialog(title: string | RegExp) {
  return dialogTitled(page, title);
}

before(async () => {
  fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  writeServerFile(server, 'e2e/docs/readme.txt', 'read me');
  writeServerFile(server, 'e2e/notes.txt', 'some notes');
  writeFileSync(join(work.home, 'upload-me.bin'), uploadBytes);
  writeFileSync(join(work.home, 'big-upload.bin'), randomBytes(12 * 1024 * 1024));
  writeFileSync(join(work.home, '.hidden-file'), 'hidden');
  mkdirSync(join(work.home, 'downloads'));
  mkdirSync(join(work.home, 'project', 'src'), { recursive: true });
  writeFileSync(join(work.home, 'project', 'src', 'main.c'), 'int main(void) { return 0; }\n');
  writeFileSync(join(work.home, 'project', 'README'), 'project readme\n');
  ({ host, browser, page } = await startApp(work, { credentials }));
});

after(() => closeApp({ app: { host, browser }, credentials, work, shots }));

describe('the dual-pane window against real FTPS servers', () => {
  afterEach(async (t) => {
    if (process.env.WHARF_E2E_DEBUG) await shot(`debug-${t.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`);
    await closeDialogs();
  });

  it('starts with the local home listed, hidden files hidden, and nothing connected', async () => {
    await paneRow(page, 'local', 'upload-me.bin').waitFor();
    assert.equal(await paneRow(page, 'local', '.hidden-file').count(), 0);
    await page.getByRole('button', { name: 'Show hidden local files' }).click();
    await paneRow(page, 'local', '.hidden-file').waitFor();
    await page.getByRole('button', { name: 'Show hidden local files' }).click();
    await paneRow(page, 'local', '.hidden-file').waitFor({ state: 'detached' });
    await page.getByText('Not connected', { exact: true }).first().waitFor();
    await shot('01-start');
  });

  it('quick-connects with explicit FTPS after the certificate question (trust once)', async () => {
    await quickConnect(server, 'explicit');
    const question = dialog('Unknown certificate');
    await question.waitFor();
    const text = await question.innerText();
    assert.ok(server.certFingerprintSha256 && text.includes(server.certFingerprintSha256), 'the dialog shows the SHA-256 fingerprint');
    assert.match(text, /Subject/);
    assert.match(text, /Issuer/);
    await shot('02-certificate-question');
    await question.getByRole('button', { name: 'Trust once' }).click();
    await remoteListed(page);
    await page.getByRole('status').filter({ hasText: 'Connected to' }).waitFor();
    await shot('03-connected');
  });

  it('shows TLS 1.3 and encrypted credentials in the lock badge’s security report', async () => {
    await page.getByRole('button', { name: /^Security report/ }).click();
    const report = dialog(/^Security of/);
    await report.waitFor();
    const text = await report.innerText();
    assert.match(text, /TLSv1\.3/);
    assert.match(text, /Credentials encrypted\s+Yes/);
    assert.match(text, /Data protected\s+Yes/);
    await shot('04-security-report');
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'detached' });
  });

  it('browses the remote side with mouse and keyboard', async () => {
    await openRemoteFolder(page, '/e2e');
    await remoteShows('docs');
    // Opened from the path bar, not by a double click on its row: the keys go to the list once it has the focus.
    await paneGrid(page, 'remote').focus();
    await page.keyboard.press('Backspace');
    await remoteShows('e2e');
    // The cursor is back on the folder we came from: Enter opens it again.
    await page.keyboard.press('Enter');
    await remoteShows('notes.txt');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await remoteShows('readme.txt');
    await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: 'e2e' }).click();
    await remoteShows('notes.txt');
    // Alt+Up goes up too (the file managers of Windows and Linux), the folder left under the cursor.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await remoteShows('readme.txt');
    await page.keyboard.press('Alt+ArrowUp');
    await remoteShows('notes.txt');
    await paneRow(page, 'remote', 'docs').and(page.locator('[aria-selected="true"]')).waitFor();
    // F6 goes to the other pane, where the arrows move the cursor.
    await paneRow(page, 'remote', 'notes.txt').click();
    await page.keyboard.press('F6');
    await page.keyboard.press('End');
    assert.equal(await paneGrid(page, 'local').evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement), true);
    await page.keyboard.press('F6');
  });

  it('creates a remote folder with F7', async () => {
    await paneGrid(page, 'remote').focus();
    await page.keyboard.press('F7');
    const named = dialog('New remote folder');
    await named.getByLabel('Folder name').fill('made-by-e2e');
    await named.getByRole('button', { name: 'Create' }).click();
    await remoteShows('made-by-e2e');
    assert.ok(existsSync(join(server.root, 'e2e', 'made-by-e2e')));
  });

  it('uploads a local file dragged onto the remote pane; the server gets the same bytes', async () => {
    const remoteGrid = paneGrid(page, 'remote');
    const box = (await remoteGrid.boundingBox())!;
    await paneRow(page, 'local', 'upload-me.bin').dragTo(remoteGrid, { targetPosition: { x: 40, y: box.height - 30 } });
    await waitCompleted('upload-me.bin');
    await remoteShows('upload-me.bin');
    assert.deepEqual(readFileSync(join(server.root, 'e2e', 'upload-me.bin')), uploadBytes);
    const row = page.locator('.qrow[data-state="done"]', { hasText: 'upload-me.bin' }).first();
    assert.match(await row.innerText(), /Size matches|SHA|MD5|CRC/);
    await shot('05-upload-done');
  });

  it('uploads a folder dragged onto a remote folder row', async () => {
    await paneRow(page, 'local', 'project').dragTo(paneRow(page, 'remote', 'made-by-e2e'));
    await waitCompleted('main.c');
    assert.equal(readFileSync(join(server.root, 'e2e', 'made-by-e2e', 'project', 'src', 'main.c'), 'utf8'), 'int main(void) { return 0; }\n');
  });

  it('downloads it back by dragging from the remote pane to the local pane', async () => {
    await paneRow(page, 'local', 'downloads').dblclick();
    await page.getByRole('navigation', { name: 'Local breadcrumbs' }).getByRole('button', { name: 'downloads' }).waitFor();
    const localGrid = paneGrid(page, 'local');
    const box = (await localGrid.boundingBox())!;
    await paneRow(page, 'remote', 'upload-me.bin').dragTo(localGrid, { targetPosition: { x: 40, y: box.height - 30 } });
    await paneRow(page, 'local', 'upload-me.bin').waitFor();
    assert.deepEqual(readFileSync(join(work.home, 'downloads', 'upload-me.bin')), uploadBytes);
    // Alt+Up in the local pane too, the folder left under the cursor: Enter opens it again.
    await localGrid.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await paneRow(page, 'local', 'downloads').and(page.locator('[aria-selected="true"]')).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Local breadcrumbs' }).getByRole('button', { name: 'downloads' }).waitFor();
    await paneRow(page, 'local', 'upload-me.bin').waitFor();
  });

  it('asks before overwriting, with “apply to all”', async () => {
    const localGrid = paneGrid(page, 'local');
    const box = (await localGrid.boundingBox())!;
    await paneRow(page, 'remote', 'upload-me.bin').dragTo(localGrid, { targetPosition: { x: 40, y: box.height - 30 } });
    const question = dialog('The target file already exists');
    await question.waitFor();
    await shot('06-overwrite-question');
    await question.getByRole('radio', { name: 'Overwrite', exact: true }).check();
    await question.getByRole('checkbox', { name: 'Apply to all' }).check();
    await question.getByRole('button', { name: 'OK' }).click();
    await question.waitFor({ state: 'detached' });
    await waitCompleted('upload-me.bin', 2);
    assert.deepEqual(readFileSync(join(work.home, 'downloads', 'upload-me.bin')), uploadBytes);
  });

  it('uploads a file dropped from the OS file manager onto the remote pane', async () => {
    const dropped = join(work.home, 'from-the-desktop.txt');
    writeFileSync(dropped, 'dropped from the file manager');
    await page.evaluate(({ name, path }) => (globalThis as unknown as PageWindow).wharfBridgeTest.registerDroppedPath(name, path), { name: 'from-the-desktop.txt', path: dropped });
    const transfer = await page.evaluateHandle(() => {
      const g = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } }; File: new (bits: string[], name: string) => unknown };
      const dt = new g.DataTransfer();
      dt.items.add(new g.File(['dropped from the file manager'], 'from-the-desktop.txt'));
      return dt;
    });
    const remoteGrid = paneGrid(page, 'remote');
    await remoteGrid.dispatchEvent('dragover', { dataTransfer: transfer });
    await remoteGrid.dispatchEvent('drop', { dataTransfer: transfer });
    await remoteShows('from-the-desktop.txt');
    assert.equal(readFileSync(join(server.root, 'e2e', 'from-the-desktop.txt'), 'utf8'), 'dropped from the file manager');
  });

  it('renames with F2 and deletes with Delete', async () => {
    await paneRow(page, 'remote', 'from-the-desktop.txt').click();
    await page.keyboard.press('F2');
    const rename = dialog(/^Rename/);
    await rename.getByLabel('New name').fill('renamed.txt');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await remoteShows('renamed.txt');
    assert.ok(existsSync(join(server.root, 'e2e', 'renamed.txt')));
    await page.keyboard.press('Delete');
    const confirm = dialog(/^Delete/);
    await confirm.waitFor();
    await shot('07-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await paneRow(page, 'remote', 'renamed.txt').waitFor({ state: 'detached' });
    assert.equal(existsSync(join(server.root, 'e2e', 'renamed.txt')), false);
  });

  it('pauses and resumes a running transfer from the queue', async () => {
    // 1 MB/s makes the 12 MB upload last long enough to pause it mid-way, whatever the machine.
    await page.evaluate(() => (globalThis as unknown as PageWindow).wharf.queueSetSpeedLimit({ bytesPerSecond: 1024 * 1024 }));
    await page.getByRole('navigation', { name: 'Local breadcrumbs' }).getByRole('button', { name: 'home' }).click();
    const remoteGrid = paneGrid(page, 'remote');
    const box = (await remoteGrid.boundingBox())!;
    await paneRow(page, 'local', 'big-upload.bin').dragTo(remoteGrid, { targetPosition: { x: 40, y: box.height - 30 } });
    const running = page.locator('.qrow[data-state="running"]', { hasText: 'big-upload.bin' });
    await running.locator('[role="progressbar"]:not([aria-valuenow="0"])').waitFor();
    await running.click();
    await shot('08-transfer-running');
    await page.getByRole('button', { name: 'Pause selected' }).click();
    const paused = page.locator('.qrow[data-state="paused"]', { hasText: 'big-upload.bin' });
    await paused.waitFor();
    await page.evaluate(() => (globalThis as unknown as PageWindow).wharf.queueSetSpeedLimit({ bytesPerSecond: null }));
    await paused.click();
    await page.getByRole('button', { name: 'Resume selected' }).click();
    await waitCompleted('big-upload.bin');
    assert.deepEqual(readFileSync(join(server.root, 'e2e', 'big-upload.bin')), readFileSync(join(work.home, 'big-upload.bin')));
  });

  it('keeps the session, the folder and the queue across a window reload', async () => {
    const completedBefore = await page.getByRole('tab', { name: /^Completed/ }).innerText();
    await page.reload();
    await waitReady(page);
    await remoteShows('upload-me.bin');
    await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: 'e2e' }).waitFor();
    assert.equal(await page.getByRole('tab', { name: /^Completed/ }).innerText(), completedBefore);
  });

  it('logs AUTH TLS before USER and never the password', async () => {
    await page.getByRole('tab', { name: /^Message log/ }).click();
    await page.locator('.log-line.command').first().waitFor();
    await shot('09-log');
    await page.getByRole('button', { name: 'Copy log' }).click();
    await page.getByRole('status').filter({ hasText: 'Log copied' }).waitFor();
    const log = host.platform.record.clipboard.at(-1) ?? '';
    const auth = log.indexOf('AUTH TLS');
    const user = log.search(/USER /);
    assert.ok(auth >= 0 && user > auth, 'AUTH TLS comes before USER');
    assert.equal(log.includes(server.password), false);
    assert.equal((await page.locator('.log-view').innerText()).includes(server.password), false);
    await page.getByRole('tab', { name: /^Transfer queue/ }).click();
  });

  it('shows the plain-FTP warning before connecting without encryption', async () => {
    await quickConnect(fleet.servers['vsftpd-plain'], 'plain');
    const warning = dialog('Connect without encryption?');
    await warning.waitFor();
    assert.match(await warning.innerText(), /password and your files travel .* in clear text/);
    await shot('10-plain-warning');
    await warning.getByRole('button', { name: 'Cancel' }).click();
    await warning.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Not connected', { exact: true }).first().waitFor();
  });

  it('saves an explicit site with its password in the system keychain, then connects from it', async (t) => {
    const status = await credentials.isAvailable();
    if (!status.available) {
      if (process.env.CI === 'true') throw new Error(`The keyring must be available in CI: ${status.reason}`);
      t.skip(`no keyring: ${status.reason}`);
      return;
    }
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialog('Site Manager');
    await manager.waitFor();
    await manager.getByRole('button', { name: 'New site' }).first().click();
    await manager.getByLabel('Name').fill('vsftpd explicit');
    assert.equal(await manager.getByLabel('Port').inputValue(), '21');
    await manager.getByLabel('Host').fill(server.host);
    await manager.getByLabel('Port').fill(String(server.port));
    await manager.getByLabel('User').fill(server.user);
    assert.equal(await manager.getByRole('radio', { name: 'Save in the system keychain' }).isChecked(), true);
    await manager.getByLabel('Password', { exact: true }).fill(server.password);
    await shot('11-site-manager');
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    // The saved row (named with its host), not the draft row that may still show for a moment.
    await manager.getByRole('treeitem', { name: `vsftpd explicit ${server.host}` }).waitFor();
    await manager.getByText('A password is saved in the system keychain.').waitFor();
    const saved = (await host.services.sites.list()).sites.find((s) => s.name === 'vsftpd explicit');
    assert.ok(saved?.hasPassword);
    assert.equal(await credentials.get(saved.id), server.password);
    assert.equal(readFileSync(join(work.dataDir, 'sites.json'), 'utf8').includes(server.password), false);

    await manager.getByRole('button', { name: 'Connect', exact: true }).click();
    const question = dialog('Unknown certificate');
    await question.getByRole('button', { name: 'Trust once' }).click();
    await remoteListed(page);
    await page.getByRole('status').filter({ hasText: 'vsftpd explicit' }).waitFor();
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Not connected', { exact: true }).first().waitFor();
  });

  it('refuses a changed certificate on an implicit site, then trusts the right one always', async () => {
    const implicit = fleet.servers['vsftpd-implicit'];
    const pins = new PinnedCertificateStore({ dataDir: work.dataDir });
    const stale = 'AB:'.repeat(31) + 'AB';
    await pins.pin({ host: implicit.host, port: implicit.port, fingerprintSha256: stale, subject: 'CN=old' });

    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialog('Site Manager');
    await manager.getByRole('button', { name: 'New site' }).first().click();
    await manager.getByLabel('Name').fill('vsftpd implicit');
    await manager.getByLabel('Protocol').selectOption('implicit');
    assert.equal(await manager.getByLabel('Port').inputValue(), '990', 'the port follows the protocol');
    await manager.getByText(/not defined by any RFC/).waitFor();
    await manager.getByLabel('Protocol').selectOption('plain');
    await manager.getByText(/password and your files travel over the network in clear text/).waitFor();
    await manager.getByLabel('Protocol').selectOption('implicit');
    await manager.getByLabel('Host').fill(implicit.host);
    await manager.getByLabel('Port').fill(String(implicit.port));
    await manager.getByLabel('User').fill(implicit.user);
    await manager.getByRole('radio', { name: 'Ask on connect' }).check();
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    // The saved row (named with its host), not the draft row that may still show for a moment.
    await manager.getByRole('treeitem', { name: `vsftpd implicit ${implicit.host}` }).waitFor();
    await manager.getByRole('button', { name: 'Connect', exact: true }).click();

    const ask = dialog(/^Password for/);
    await ask.getByLabel('Site password').fill(implicit.password);
    await ask.getByRole('button', { name: 'Connect' }).click();
    const changed = dialog('The server’s certificate has changed');
    await changed.waitFor();
    const text = await changed.innerText();
    assert.ok(text.includes(stale) && implicit.certFingerprintSha256 && text.includes(implicit.certFingerprintSha256), 'both fingerprints are shown');
    await shot('12-certificate-changed');
    // Cancel has the focus: Enter refuses, and nothing is connected.
    await page.keyboard.press('Enter');
    await changed.waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: /^Security report/ }).count(), 0);
    assert.equal((await pins.get(implicit.host, implicit.port))?.fingerprintSha256, stale);

    // The user decides the new certificate is fine: forget the old one, connect, and trust the new one always.
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    await manager.getByRole('treeitem', { name: /vsftpd implicit/ }).click();
    await manager.getByRole('button', { name: 'Connect', exact: true }).click();
    await ask.getByLabel('Site password').fill(implicit.password);
    await ask.getByRole('button', { name: 'Connect' }).click();
    await changed.getByRole('button', { name: 'Forget the old certificate' }).click();
    await page.getByRole('status').filter({ hasText: 'Certificate forgotten' }).waitFor();
    assert.equal(await pins.get(implicit.host, implicit.port), null);
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    await manager.getByRole('treeitem', { name: /vsftpd implicit/ }).click();
    await manager.getByRole('button', { name: 'Connect', exact: true }).click();
    await ask.getByLabel('Site password').fill(implicit.password);
    await ask.getByRole('button', { name: 'Connect' }).click();
    await dialog('Unknown certificate').getByRole('button', { name: 'Always trust' }).click();
    // Connected, not merely connecting: the security report exists only for an open session.
    await page.getByRole('button', { name: /^Security report/ }).waitFor();
    assert.equal((await pins.get(implicit.host, implicit.port))?.fingerprintSha256, implicit.certFingerprintSha256);
    await shot('13-implicit-connected');
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Not connected', { exact: true }).first().waitFor();
  });

  it('imports FileZilla sites after showing what the file holds, moving passwords to the keychain only when agreed', async () => {
    host.platform.answerNextOpenFile(fileURLToPath(new URL('../sites/fixtures/filezilla-3.66-sitemanager.xml', import.meta.url)));
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialog('Site Manager');
    await manager.getByRole('button', { name: 'Import…', exact: true }).click();
    const preview = dialog('Import FileZilla sites');
    await preview.waitFor();
    assert.match(await preview.innerText(), /Found \d+ sites? in \d+ folders?/);
    await shot('14-import-preview');
    const consent = preview.getByRole('checkbox', { name: /to the system keychain/ });
    const offered = (await consent.count()) > 0 && (await consent.isEnabled());
    if (offered) await consent.check();
    await preview.getByRole('button', { name: /^Import \d+ sites?/ }).click();
    const done = page.getByRole('status').filter({ hasText: 'Import finished' }).last();
    await done.waitFor();
    if (offered) assert.match(await done.innerText(), /moved to the system keychain/);
    const imported = (await host.services.sites.list()).sites.length;
    assert.ok(imported > 2, `sites after the import: ${imported}`);
    await page.keyboard.press('Escape');
    await manager.waitFor({ state: 'detached' });
  });

  it('lists a 100,000-entry folder and scrolls it with a bounded number of rows in the page', async () => {
    const big = join(work.home, 'huge');
    mkdirSync(big);
    for (let i = 0; i < 100_000; i++) writeFileSync(join(big, `f-${String(i).padStart(6, '0')}.dat`), '');
    await page.getByRole('button', { name: 'Edit local path' }).click();
    await page.getByLabel('Local path').fill(big);
    await page.getByLabel('Local path').press('Enter');
    await page.locator('.pane.local .pane-footer').filter({ hasText: '100,000 files' }).waitFor({ timeout: 120_000 });
    const grid = paneGrid(page, 'local');
    const rowsNow = () => grid.locator('.grid-body [role="row"]').count();
    assert.ok((await rowsNow()) < 100, `rows in the DOM: ${await rowsNow()}`);
    await grid.locator('.grid-body').evaluate((el) => {
      (el as unknown as { scrollTop: number }).scrollTop = 24 * 50_000;
    });
    await paneRow(page, 'local', 'f-050000.dat').waitFor();
    assert.ok((await rowsNow()) < 100);
    await paneRow(page, 'local', 'f-050000.dat').click();
    await page.keyboard.press('End');
    await paneRow(page, 'local', 'f-099999.dat').waitFor();
    await page.keyboard.press('PageUp');
    assert.ok((await rowsNow()) < 100);
    await shot('15-hundred-thousand');
  });

  it('reported no console errors or CSP violations', () => {
    assert.deepEqual(pageProblems(page), []);
  });
});
