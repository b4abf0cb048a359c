/**
 * The setup of the e2e tests that take, on each server, a folder holding parts the server will not give
 * (another user's, made with makeForeign) down to the local pane: one bridge host and one Chromium for the test file,
 * a folder of the test's own in each server's root (the queue and the command log are the host's, shared by all
 * three), and per server a page connected to it with that folder open on the remote side and a download folder of
 * its own open on the local side.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { TrackingCredentialStore } from '../credentials/keyring-helpers';
import { useFleet, type FleetInfo, type ServerInfo, type ServerName } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { launchChromium, openApp, openRemoteFolder, paneRow, quickConnect, scratch, startHost } from './support';

/** The servers each such test runs on. */
export const FIXTURE_SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'] as const satisfies readonly ServerName[];

export interface ServerFolderFixture {
  readonly fleet: FleetInfo;
  /** The scratch folder: `home` is the local pane's. */
  readonly work: { readonly base: string; readonly home: string; readonly dataDir: string };
  /** The test's folder in the root of the server `name`. */
  folderOn(name: ServerName): string;
  /** The host and Chromium, there once the test file's `before` has run. */
  readonly host: BridgeHost;
  readonly browser: Browser;
}

/**
 * Registers the test file's `before` (host, Chromium) and `after` (all closed, the keychain emptied, the test's
 * folders and the scratch folder removed). `name` names the scratch folder and the servers' folders.
 */
export async function useServerFolderFixture(name: string): Promise<ServerFolderFixture> {
  const work = scratch(`wharf-${name}-`);
  const credentials = new TrackingCredentialStore(new KeytarCredentialStore());
  const fleet = await useFleet();
  let host: BridgeHost | undefined;
  let browser: Browser | undefined;
  const fixture: ServerFolderFixture = {
    fleet,
    work,
    folderOn: (server) => `${name}-${process.pid}-${server}`,
    get host() {
      if (!host) throw new Error('the host starts in the test file\'s before');
      return host;
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in the test file\'s before');
      return browser;
    },
  };
  before(async () => {
    host = await startHost({ home: work.home, dataDir: work.dataDir, credentials });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await credentials.cleanUp();
    for (const server of FIXTURE_SERVERS) rmSync(join(fleet.servers[server].root, fixture.folderOn(server)), { recursive: true, force: true });
    rmSync(work.base, { recursive: true, force: true });
  });
  return fixture;
}

/**
 * A new page connected to `server`, with the test's folder open on the remote side (once its row `shows` is
 * listed) and the folder `into` of the local home (made here) open on the local side. The caller closes it.
 */
export async function openFolderPage(fixture: ServerFolderFixture, server: ServerInfo, shows: string, into: string): Promise<Page> {
  mkdirSync(join(fixture.work.home, into), { recursive: true });
  const page = await openApp(fixture.browser, fixture.host);
  await quickConnect(page, server);
  await openRemoteFolder(page, `/${fixture.folderOn(server.name)}`);
  await paneRow(page, 'remote', shows).waitFor();
  await paneRow(page, 'local', into).dblclick();
  await page.getByRole('navigation', { name: 'Local breadcrumbs' }).getByRole('button', { name: into }).waitFor();
  return page;
}
