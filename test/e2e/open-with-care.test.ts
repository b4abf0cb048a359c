/**
 * Open with care, end to end in Chromium through the bridge against the real vsftpd of the fleet: a name
 * holding a right-to-left override (U+202E) shows it as a visible marker in the remote pane, and opening a
 * program (`x.exe`) asks first, offering Save, instead of handing it to the OS.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { closeApp, openRemoteFolder, pageProblems, paneRow, quickConnect, scratch, screenshot, startApp } from './support';

const work = scratch('wharf-e2e-open-care-');
const folder = `care-${randomBytes(3).toString('hex')}`;
/** Shown raw, it reads "invoice-exe.txt": the override reverses what follows it. */
const disguised = 'invoice-\u202Etxt.exe';
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  writeServerFile(server, `${folder}/x.exe`, 'MZ not really a program');
  writeServerFile(server, `${folder}/${disguised}`, 'MZ');
  ({ host, browser, page } = await startApp(work));
  await quickConnect(page, server);
  await openRemoteFolder(page, `/${folder}`);
  await paneRow(page, 'remote', 'x.exe').waitFor();
});

after(async () => {
  await closeApp({ app: { host, browser }, work });
  rmSync(join(server.root, folder), { recursive: true, force: true });
});

it('shows a bidi override in a name as a visible marker', async () => {
  const row = paneRow(page, 'remote', disguised);
  await row.waitFor();
  assert.equal(await row.locator('.name-text').innerText(), 'invoice-⟨U+202E⟩txt.exe');
  assert.match((await row.locator('.c-name').getAttribute('title')) ?? '', /invoice-⟨U\+202E⟩txt\.exe/);
  await screenshot(page, 'open-care-01-marker');
});

it('asks before opening a program, names its type, offers Save, and opens nothing when cancelled', async () => {
  const opensBefore = host.platform.record.opened.length;
  await paneRow(page, 'remote', 'x.exe').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Remote file actions' }).getByRole('menuitem', { name: 'Open' }).click();
  const question = page.locator('[role="alertdialog"]').filter({ has: page.getByRole('heading', { name: '“x.exe” is a program' }) });
  await question.waitFor();
  assert.match(await question.innerText(), /is a Windows program \(\.exe\)\. Opening it runs it on this computer/);
  assert.ok(await question.getByRole('button', { name: 'Save…' }).isVisible());
  assert.ok(await question.getByRole('button', { name: 'Open anyway' }).isVisible());
  await screenshot(page, 'open-care-02-question');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await question.waitFor({ state: 'detached' });
  assert.equal(host.platform.record.opened.length, opensBefore, 'nothing was handed to the OS');
  assert.deepEqual(pageProblems(page), []);
});
