/**
 * Shared by the segmented-download e2e files (#16): a pure-ftpd site holding one big file, the app started with
 * the segment threshold lowered from 64 MiB to 8 MiB (the bridge host's option) so the file stays small, and
 * the wait for the file's queue item to end.
 */
import type { Page } from 'playwright-core';
import type { SiteProfile } from '../../common/models/site-profile';
import type { TransferItem } from '../../common/models/transfer';
import { PinnedCertificateStore } from '../../main/sites/pinned-certificates';
import { testBytes } from '../ftps/support';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { App } from './support';
import { closeAllDialogs, dialogTitled, paneRow, startApp } from './support';

export const SEGMENT_THRESHOLD_BYTES = 8 * 1024 * 1024;

/** Starts the app with a site (`segments` as given, password asked) whose remote folder `/<folder>` holds `name` (`data`). */
export async function startSegmentsApp(
  work: { home: string; dataDir: string },
  file: { readonly folder: string; readonly name: string; readonly data: Buffer },
  site: { readonly name: string; readonly segments: number; readonly maxConnections?: number },
): Promise<App & { server: ServerInfo; site: SiteProfile }> {
  const fleet = await useFleet();
  const server = fleet.servers['pureftpd-explicit'];
  writeServerFile(server, `${file.folder}/${file.name}`, file.data);
  // "Always trust" given beforehand: these files are about segments, not certificate questions.
  await new PinnedCertificateStore({ dataDir: work.dataDir }).pin({ host: server.host, port: server.port, fingerprintSha256: server.certFingerprintSha256 as string, subject: 'CN=fleet' });
  let created: SiteProfile | null = null;
  const app = await startApp(work, {
    segmentThresholdBytes: SEGMENT_THRESHOLD_BYTES,
    beforeChromium: async (started) => {
      created = await started.services.sites.create({
        name: site.name,
        host: server.host,
        port: server.port,
        user: server.user,
        passwordStorage: 'ask',
        remoteDir: `/${file.folder}`,
        segments: site.segments,
        ...(site.maxConnections !== undefined ? { maxConnections: site.maxConnections } : {}),
      });
    },
  });
  if (created === null) throw new Error('the site was not created');
  return { ...app, server, site: created };
}

/** A big file's bytes (above the lowered threshold, 4 ranges of at least 4 MiB) for a seed. */
export function bigFile(seed: number): Buffer {
  return testBytes(20 * 1024 * 1024 + 99, seed);
}

/** Connects to a saved site from the Site Manager, typing its password when asked, and waits for `shownName` in the remote pane. */
export async function connectFromSiteManager(page: Page, siteName: string, password: string, shownName: string): Promise<void> {
  await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
  const manager = dialogTitled(page, 'Site Manager');
  await manager.getByRole('treeitem', { name: new RegExp(siteName) }).click();
  await manager.getByRole('button', { name: 'Connect', exact: true }).click();
  const ask = dialogTitled(page, /^Password for/);
  await ask.getByLabel('Site password').fill(password);
  await ask.getByRole('button', { name: 'Connect' }).click();
  await paneRow(page, 'remote', shownName).waitFor();
  await closeAllDialogs(page);
}

/** Resolves with the queue item of `remotePath` once it is done (main's queue updates); fails when it fails. */
export function whenDone(host: App['host'], remotePath: string): Promise<TransferItem> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const item = host.services.queue.snapshot().items.find((i) => i.remotePath === remotePath);
      if (item?.state === 'done') {
        off();
        resolve(item);
      } else if (item?.state === 'failed' || item?.state === 'skipped') {
        off();
        reject(new Error(`${remotePath} ended ${item.state}: ${item.lastError?.message ?? item.skipReason ?? ''}`));
      }
    };
    const off = host.services.events.subscribe((event) => {
      if (event === 'queueUpdate') check();
    });
    check();
  });
}
