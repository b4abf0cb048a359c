/**
 * End to end in Chromium through the bridge, against the real vsftpd of the fleet: ftps:// and ftpes://
 * links filling the quick connect bar (and never connecting by themselves), the list of always-trusted
 * certificates, the panes' context menus with file permissions (SITE CHMOD), Open with the edited copy
 * uploaded back (View/Edit) and a raw command, and folders in the site manager. Screenshots go to SCREENSHOT_DIR.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { TrackingCredentialStore } from '../credentials/keyring-helpers';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeAllDialogs, closeApp, dialogTitled, eventually, openRemoteFolder, pageProblems, paneGrid, paneRow, remoteListed, scratch, startApp } from './support';

const work = scratch('wharf-e2e-tools-');
const credentials = new TrackingCredentialStore(new KeytarCredentialStore());
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;
const shots = new Screenshots('tools-');

async function shot(name: string): Promise<void> {
  await shots.take(page, name);
}

/** The dialog with this title. */
function dialog(title: string | RegExp) {
  return dialogTitled(page, title);
}

function bar() {
  return page.getByRole('form', { name: 'Quick connect' });
}

/** Waits until an input shows this value (React sets the property, not the attribute). */
async function waitValue(locator: ReturnType<Page['getByLabel']>, value: string): Promise<void> {
  await eventually(
    async () => `the field shows ${JSON.stringify(await locator.inputValue())}, not ${JSON.stringify(value)}`,
    async () => (await locator.inputValue()) === value,
  );
}

/** The labels of an open context menu's items, in order. */
function menuLabels(menu: ReturnType<Page['getByRole']>): Promise<string[]> {
  return menu.locator('.menu-label').allInnerTexts();
}

async function closeDialogs(): Promise<void> {
  await closeAllDialogs(page, { menus: true });
}

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  writeServerFile(server, 'e2e-links/docs/readme.txt', 'read me');
  writeServerFile(server, 'e2e-links/docs/other.txt', 'other');
  writeFileSync(join(work.home, 'local-note.txt'), 'local');
  ({ host, browser, page } = await startApp(work, {
    credentials,
    // As the OS launches Wharf with a link, before the window exists: the password in it must be ignored.
    beforeChromium: (started) => started.offerLink(['/opt/Wharf/wharf', '--', `ftpes://${server.user}:not-the-password@${server.host}:${server.port}/e2e-links/docs/`]),
  }));
});

after(() => closeApp({ app: { host, browser }, credentials, work, shots }));

describe('links, trusted certificates, context menus and site folders', () => {
  afterEach(async () => {
    await closeDialogs();
  });

  it('fills the quick connect bar from the launch link, without its password, and connects only on Connect', async () => {
    assert.equal(await bar().getByLabel('Protocol').inputValue(), 'explicit');
    assert.equal(await bar().getByLabel('Host').inputValue(), server.host);
    assert.equal(await bar().getByLabel('Port').inputValue(), String(server.port));
    assert.equal(await bar().getByLabel('User').inputValue(), server.user);
    assert.equal(await bar().getByLabel('Password').inputValue(), '', 'a password in a link is never filled in');
    const note = page.getByRole('status', { name: 'Opened link' });
    await note.waitFor();
    const text = await note.innerText();
    assert.match(text, /Nothing has been sent/);
    assert.match(text, /contained a password\. Wharf ignored it/);
    assert.match(text, /\/e2e-links\/docs\/ opens once connected/);
    assert.doesNotMatch(text, /not-the-password/);
    // What is left to type has the focus.
    await page.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label') === 'Password');
    await shot('01-link-filled');

    // A link opened while the window is up arrives as an event and replaces the form.
    host.offerLink('ftps://guest@files.example.org/pub');
    await waitValue(bar().getByLabel('Host'), 'files.example.org');
    assert.equal(await bar().getByLabel('Protocol').inputValue(), 'implicit');
    assert.equal(await bar().getByLabel('Port').inputValue(), '990');
    assert.equal(await bar().getByLabel('User').inputValue(), 'guest');
    assert.doesNotMatch(await note.innerText(), /contained a password/);

    host.offerLink(`ftpes://${server.user}@${server.host}:${server.port}/e2e-links/docs/`);
    await waitValue(bar().getByLabel('Host'), server.host);
    assert.equal(await bar().getByLabel('Protocol').inputValue(), 'explicit');
    // Nothing connected on its own: no session, no certificate question, nothing in the remote pane. One
    // round trip over the bridge first: calls travel one ordered socket, so a connect the renderer made
    // when the link arrived would reach main before this answer does.
    await page.evaluate(() => (globalThis as unknown as { wharf: { appInfo(request: object): Promise<unknown> } }).wharf.appInfo({}));
    assert.deepEqual(host.services.remote.list(), []);
    assert.deepEqual(host.services.questions.pending(), []);
    assert.equal(await dialog('Unknown certificate').count(), 0);
    await page.getByText('Not connected', { exact: true }).first().waitFor();

    await bar().getByLabel('Password').fill(server.password);
    await bar().getByRole('button', { name: 'Connect', exact: true }).click();
    const question = dialog('Unknown certificate');
    await question.waitFor();
    await question.getByRole('button', { name: 'Always trust' }).click();
    // The link's folder opens once connected.
    await paneRow(page, 'remote', 'readme.txt').waitFor();
    await page.getByRole('navigation', { name: 'Remote breadcrumbs' }).getByRole('button', { name: 'docs' }).waitFor();
    await note.waitFor({ state: 'detached' });
    await shot('02-link-connected');
  });

  it('lists the always-trusted certificate with its fingerprint, removes it, and asks again on the next connection', async () => {
    await page.getByRole('button', { name: 'Trusted certificates' }).click();
    const list = dialog('Trusted certificates');
    await list.waitFor();
    const item = list.getByRole('listitem', { name: `${server.host}:${server.port}` });
    await item.waitFor();
    const text = await item.innerText();
    assert.ok(server.certFingerprintSha256 && text.includes(server.certFingerprintSha256), 'the SHA-256 fingerprint is shown');
    assert.match(text, /Subject/);
    assert.match(text, /trusted \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await shot('03-trusted-certificates');
    await item.getByRole('button', { name: `Remove ${server.host}:${server.port}` }).click();
    await item.waitFor({ state: 'detached' });
    await list.getByText('No certificate is always trusted.').waitFor();
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Not connected', { exact: true }).first().waitFor();
    await bar().getByRole('button', { name: 'Connect', exact: true }).click();
    const question = dialog('Unknown certificate');
    await question.waitFor();
    await question.getByRole('button', { name: 'Trust once' }).click();
    await remoteListed(page);
  });

  it('changes a file’s permissions to 640 from the remote context menu and shows rw-r----- in the pane', async () => {
    await openRemoteFolder(page, '/e2e-links');
    await paneRow(page, 'remote', 'docs').dblclick();
    await paneRow(page, 'remote', 'readme.txt').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Remote file actions' });
    await menu.waitFor();
    assert.deepEqual(await menuLabels(menu), [
      'Open', 'Download', 'Rename', 'Delete', 'New folder', 'Permissions…', 'Enter custom command…', 'Copy path', 'Refresh',
    ]);
    await shot('04-context-menu');
    await menu.getByRole('menuitem', { name: 'Permissions…' }).click();
    const perms = dialog('Permissions of “readme.txt”');
    await perms.waitFor();
    assert.equal(await perms.getByLabel('Numeric value').inputValue(), '644', 'starts from the listed rw-r--r--');
    // The boxes and the octal value follow each other.
    await perms.getByRole('checkbox', { name: 'Others read' }).uncheck();
    assert.equal(await perms.getByLabel('Numeric value').inputValue(), '640');
    await perms.getByLabel('Numeric value').fill('755');
    assert.equal(await perms.getByRole('checkbox', { name: 'Owner execute' }).isChecked(), true);
    await perms.getByLabel('Numeric value').fill('640');
    assert.equal(await perms.getByRole('checkbox', { name: 'Group write' }).isChecked(), false);
    assert.equal(await perms.getByRole('checkbox', { name: 'Group read' }).isChecked(), true);
    assert.equal(await perms.getByLabel('Resulting permissions').innerText(), 'rw-r-----');
    await shot('05-permissions');
    await perms.getByRole('button', { name: 'OK' }).click();
    await perms.waitFor({ state: 'detached' });
    await paneRow(page, 'remote', 'readme.txt').locator('.c-perms', { hasText: 'rw-r-----' }).waitFor();
    assert.equal(statSync(join(server.root, 'e2e-links', 'docs', 'readme.txt')).mode & 0o777, 0o640);
  });

  it('opens a temporary copy of a remote file, uploads it back when saved and the user agrees, and warns when the server’s file changed meanwhile', async () => {
    const onServer = join(server.root, 'e2e-links', 'docs', 'readme.txt');
    const opensBefore = host.platform.record.opened.length;
    await paneRow(page, 'remote', 'readme.txt').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Remote file actions' });
    await menu.getByRole('menuitem', { name: 'Open' }).click();
    await eventually('the copy was handed to the OS to open', () => host.platform.record.opened.length > opensBefore);
    const opened = host.platform.record.opened.at(-1) ?? '';
    assert.equal(basename(opened), 'readme.txt');
    assert.ok(!opened.startsWith(work.home), 'the copy is not written into the user’s folders');
    assert.deepEqual(readFileSync(opened), readFileSync(onServer));

    // The user saves the copy in their editor: Wharf asks whether to upload it back.
    writeFileSync(opened, 'read me, edited in my editor\n');
    const question = dialog('“readme.txt” was changed');
    await question.waitFor();
    assert.match(await question.innerText(), new RegExp(`Upload it back to ${server.user}@${server.host}:/e2e-links/docs/readme\\.txt\\?`));
    assert.equal(await question.getByRole('button', { name: 'Upload', exact: true }).evaluate((b) => b === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true, 'Upload is the default when the server’s file is unchanged');
    await shot('06-edited-file');
    await question.getByRole('button', { name: 'Upload', exact: true }).click();
    await question.waitFor({ state: 'detached' });
    await eventually('the edited copy reached the server', () => readFileSync(onServer, 'utf8') === 'read me, edited in my editor\n');

    // Another file: a colleague changes it on the server after it was opened. Saving the copy warns, and
    // a keypress (Enter on the focused default) keeps the colleague's version; only the explicit
    // "Upload and overwrite" replaces it.
    const otherOnServer = join(server.root, 'e2e-links', 'docs', 'other.txt');
    await paneRow(page, 'remote', 'other.txt').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Remote file actions' }).getByRole('menuitem', { name: 'Open' }).click();
    await eventually('the second copy was opened', () => basename(host.platform.record.opened.at(-1) ?? '') === 'other.txt');
    const otherCopy = host.platform.record.opened.at(-1) ?? '';
    writeFileSync(otherOnServer, 'changed on the server by a colleague, meanwhile\n');
    writeFileSync(otherCopy, 'my edit\n');
    const warned = dialog('“other.txt” was changed');
    await warned.getByRole('alert').filter({ hasText: 'The file on the server changed since you opened it.' }).waitFor();
    assert.equal(await warned.getByRole('button', { name: 'Don’t upload' }).evaluate((b) => b === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true, 'not uploading is the default when the server’s file changed');
    await shot('06b-edited-file-server-changed');
    await page.keyboard.press('Enter');
    await warned.waitFor({ state: 'detached' });
    assert.equal(readFileSync(otherOnServer, 'utf8'), 'changed on the server by a colleague, meanwhile\n');

    writeFileSync(otherCopy, 'my edit, saved again\n');
    await warned.getByRole('button', { name: 'Upload and overwrite' }).click();
    await warned.waitFor({ state: 'detached' });
    await eventually('the overwrite reached the server', () => readFileSync(otherOnServer, 'utf8') === 'my edit, saved again\n');
  });

  it('sends SYST from the keyboard’s context menu (Shift+F10) and shows the reply in the log', async () => {
    await paneRow(page, 'remote', 'other.txt').click();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Remote file actions' });
    await menu.waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    const raw = dialog('Enter custom command');
    await raw.waitFor();
    await raw.getByLabel('Command').fill('SYST');
    await raw.getByRole('button', { name: 'Send' }).click();
    const reply = raw.getByRole('status', { name: 'Server reply' });
    await reply.waitFor();
    assert.match(await reply.innerText(), /215[\s\S]*UNIX/);
    await shot('07-raw-command');
    await raw.getByRole('button', { name: 'Close' }).first().click();
    await raw.waitFor({ state: 'detached' });
    // The log tab is shown, with the command and the server's answer.
    const log = page.getByRole('log', { name: 'Message log' });
    await log.locator('.log-line', { hasText: 'SYST' }).first().waitFor();
    await log.locator('.log-line', { hasText: /215 UNIX/ }).first().waitFor();
    // A refused command says why and sends nothing.
    await paneGrid(page, 'remote').focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menuitem', { name: 'Enter custom command…' }).click();
    await raw.getByLabel('Command').fill('PASS hunter2');
    await raw.getByRole('button', { name: 'Send' }).click();
    await page.locator('.notice.error', { hasText: 'Custom command' }).waitFor();
    assert.equal(await log.locator('.log-line', { hasText: 'hunter2' }).count(), 0);
    await raw.getByRole('button', { name: 'Close' }).first().click();
    await raw.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /^Transfer queue/ }).click();
  });

  it('offers the local commands on a local file and reveals it in the file manager', async () => {
    await paneRow(page, 'local', 'local-note.txt').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Local file actions' });
    await menu.waitFor();
    assert.deepEqual(await menuLabels(menu), [
      'Open', 'Upload', 'Rename', 'Delete', 'New folder', 'Reveal in file manager',
    ]);
    await menu.getByRole('menuitem', { name: 'Reveal in file manager' }).click();
    await eventually('the file was revealed', () => host.platform.record.revealed.includes(join(work.home, 'local-note.txt')));
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Not connected', { exact: true }).first().waitFor();
  });

  it('creates, renames and deletes site folders and moves sites into them by the Folder field and by dragging', async () => {
    const sites = host.services.sites;
    for (const name of ['alpha', 'beta']) await sites.create({ name, host: server.host, port: server.port, user: server.user, passwordStorage: 'ask' });
    const folderOf = async (name: string) => (await sites.list()).sites.find((s) => s.name === name)?.folderPath.join('/');

    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialog('Site Manager');
    await manager.waitFor();
    const tree = manager.getByRole('tree', { name: 'Sites' });

    await manager.getByRole('button', { name: 'New folder', exact: true }).click();
    await manager.getByLabel('New folder name').fill('Clients');
    await manager.getByRole('button', { name: 'Create', exact: true }).click();
    await tree.getByRole('treeitem', { name: 'Clients' }).waitFor();

    // The Folder field moves a saved site at once.
    await tree.getByRole('treeitem', { name: /alpha/ }).click();
    await manager.getByLabel('Folder', { exact: true }).selectOption({ label: 'Clients' });
    await eventually('alpha moved to Clients', async () => (await folderOf('alpha')) === 'Clients');

    // Dragging a site onto a folder moves it there.
    await tree.getByRole('treeitem', { name: /beta/ }).dragTo(tree.getByRole('treeitem', { name: 'Clients' }));
    await eventually('beta moved to Clients', async () => (await folderOf('beta')) === 'Clients');
    await tree.getByRole('treeitem', { name: /beta/, level: 2 }).waitFor();
    await shot('08-site-folders');

    // Rename: the folder's sites follow.
    await tree.getByRole('treeitem', { name: 'Clients' }).click();
    await manager.getByLabel('Folder name').fill('Customers');
    await manager.getByRole('button', { name: 'Rename folder' }).click();
    await tree.getByRole('treeitem', { name: 'Customers' }).waitFor();
    await eventually('sites follow the renamed folder', async () => (await folderOf('alpha')) === 'Customers' && (await folderOf('beta')) === 'Customers');

    // An empty folder (made inside the selected one) goes at once.
    await tree.getByRole('treeitem', { name: 'Customers' }).click();
    await manager.getByRole('button', { name: 'New folder', exact: true }).click();
    await manager.getByLabel('New folder name').fill('Scratch');
    await manager.getByRole('button', { name: 'Create', exact: true }).click();
    await tree.getByRole('treeitem', { name: 'Scratch' }).waitFor();
    await manager.getByRole('button', { name: 'Delete folder' }).click();
    await tree.getByRole('treeitem', { name: 'Scratch' }).waitFor({ state: 'detached' });
    assert.equal(await dialog(/^Delete folder/).count(), 0, 'no confirmation for an empty folder');

    // A folder with sites asks first, saying what goes with it; Cancel keeps everything.
    await tree.getByRole('treeitem', { name: 'Customers' }).click();
    await manager.getByRole('button', { name: 'Delete folder' }).click();
    const confirm = dialog('Delete folder “Customers”?');
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /holds 2 sites/);
    await shot('09-delete-folder-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await folderOf('alpha'), 'Customers');
    await tree.getByRole('treeitem', { name: 'Customers' }).click();
    await manager.getByRole('button', { name: 'Delete folder' }).click();
    await confirm.getByRole('button', { name: 'Delete folder' }).click();
    await tree.getByRole('treeitem', { name: 'Customers' }).waitFor({ state: 'detached' });
    await eventually('the folder and its sites are gone', async () => (await sites.list()).sites.every((s) => s.name !== 'alpha' && s.name !== 'beta'));
  });

  it('reported no console errors or CSP violations', () => {
    assert.deepEqual(pageProblems(page), []);
  });
});
