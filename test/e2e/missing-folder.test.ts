/**
 * A remote folder that does not exist or cannot be read shows an error in the remote pane, not an empty
 * folder or a folder containing itself (what vsftpd's listing looked like); an empty folder shows no error.
 * Real Chromium, the bridge host running main's real services and the real vsftpd.
 */
import assert from 'node:assert/strict';
import { chownSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { TrackingCredentialStore } from '../credentials/keyring-helpers';
import { makeForeign, useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { launchChromium, openApp, openRemoteFolder, pageProblems, paneRow, quickConnect, scratch, startHost } from './support';

const work = scratch('wharf-missing-folder-');
const credentials = new TrackingCredentialStore(new KeytarCredentialStore());
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;

const remoteFailure = () => page.locator('.pane.remote').getByRole('alert', { name: /pane error/ });

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  writeServerFile(server, 'unreadable-e2e/closed/secret.txt', 'secret');
  // Private: the server's user may not open it.
  makeForeign(server, 'unreadable-e2e/closed', 0o700);
  mkdirSync(join(server.root, 'unreadable-e2e', 'empty'));
  const { uid, gid } = statSync(server.root);
  chownSync(join(server.root, 'unreadable-e2e', 'empty'), uid, gid);
  writeServerFile(server, 'unreadable-e2e/here.txt', 'here');
  host = await startHost({ home: work.home, dataDir: work.dataDir, credentials });
  browser = await launchChromium();
  page = await openApp(browser, host);
  await quickConnect(page, server);
});

after(async () => {
  await browser?.close();
  await host?.close();
  await credentials.cleanUp();
  rmSync(join(server.root, 'unreadable-e2e'), { recursive: true, force: true });
  rmSync(work.base, { recursive: true, force: true });
});

describe('a remote folder that cannot be read', () => {
  it('shows "Could not read the folder" for a folder that does not exist and for a closed one', async () => {
    for (const path of ['/unreadable-e2e/not-there', '/unreadable-e2e/closed']) {
      await openRemoteFolder(page, path);
      const failure = remoteFailure();
      await failure.waitFor();
      assert.match(await failure.innerText(), new RegExp(`Could not read the folder ${path}: `));
      assert.equal(await page.locator('.pane.remote').getByText('This folder is empty.').count(), 0);
      await openRemoteFolder(page, '/unreadable-e2e', { afterFailure: true });
      await paneRow(page, 'remote', 'here.txt').waitFor();
      await failure.waitFor({ state: 'detached' });
    }
    assert.deepEqual(pageProblems(page), []);
  });

  it('shows an empty folder as empty, without an error', async () => {
    await openRemoteFolder(page, '/unreadable-e2e/empty');
    await page.locator('.pane.remote').getByText('This folder is empty.').waitFor();
    assert.equal(await remoteFailure().count(), 0);
    assert.deepEqual(pageProblems(page), []);
  });
});
