/**
 * A remote folder with a folder deeper inside it that the server will not list (another user's, mode 0o311),
 * downloaded from the window on each server, in Chromium through the bridge to main's real services: by a drag onto
 * the local pane, and by Download in the folder's context menu. As in FileZilla and WinSCP, every readable file
 * arrives, the unreadable folder is a failed item of its own whose row shows the folder and the server's reason,
 * it is not retried, and the rest of the folder completes (before, the whole folder's item failed). Retry on that row,
 * once the server lets the folder be read, walks it anew and its files arrive (before, Retry did nothing).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { TransferItem } from '../../common/models/transfer';
import { makeForeign, makeOwn, writeServerFile, type ServerInfo } from '../servers/fleet';
import { FIXTURE_SERVERS, openFolderPage, useServerFolderFixture } from './server-folder-fixture';
import { dropOnPane, pageProblems, paneRow, whenQueueItemEnded } from './support';

const fixture = await useServerFolderFixture('unreadable-sub');
const { fleet, work } = fixture;

/** The files of each downloaded folder, and the one folder inside it that cannot be read. */
const READABLE = [['top.txt', 'top'], ['a/one.txt', 'one'], ['z/last.txt', 'last']] as const;
const CLOSED = 'a/secret';

/** Resolves with the queue's items under `remoteFolder` once there are `count` and all have ended (done, failed or skipped). */
function whenAllEnded(remoteFolder: string, count: number): Promise<TransferItem[]> {
  return new Promise((resolve) => {
    const check = () => {
      const items = fixture.host.services.queue.snapshot().items.filter((i) => i.remotePath.startsWith(`${remoteFolder}/`));
      if (items.length < count || !items.every((i) => ['done', 'failed', 'skipped'].includes(i.state))) return;
      off();
      resolve(items);
    };
    const off = fixture.host.services.events.subscribe((event) => {
      if (event === 'queueUpdate') check();
    });
    check();
  });
}

for (const name of FIXTURE_SERVERS) {
  describe(`downloading a folder with an unreadable folder inside, on ${name}`, () => {
    let server: ServerInfo;
    let page: Page;
    const into = join(work.home, `down-${name}`);
    const FOLDER = fixture.folderOn(name);

    before(async () => {
      server = fleet.servers[name];
      for (const copy of ['dragged', 'menu']) {
        for (const [path, text] of READABLE) writeServerFile(server, `${FOLDER}/${copy}/${path}`, text);
        writeServerFile(server, `${FOLDER}/${copy}/${CLOSED}/hidden.txt`, 'hidden');
        makeForeign(server, `${FOLDER}/${copy}/${CLOSED}`, 0o311);
      }
      page = await openFolderPage(fixture, server, 'dragged', `down-${name}`);
    });

    after(async () => {
      await page?.close();
    });

    // A guard against a hang should the items never all end, not a timed assertion.
    const guard = { timeout: 60_000 };

    async function assertRestDownloaded(copy: string, items: readonly TransferItem[]): Promise<void> {
      const remoteFolder = `/${FOLDER}/${copy}`;
      for (const [path, text] of READABLE) assert.equal(readFileSync(join(into, copy, path), 'utf8'), text, path);
      const failed = items.filter((item) => item.state === 'failed');
      assert.deepEqual(failed.map((item) => item.remotePath), [`${remoteFolder}/${CLOSED}`], JSON.stringify(items.map((i) => [i.remotePath, i.state])));
      assert.ok(items.filter((item) => item.kind === 'file').every((item) => item.state === 'done'));
      const [closed] = failed;
      assert.ok(closed);
      assert.equal(closed.attempts, 0, 'not retried');
      const reason = new RegExp(`^Could not read the folder ${remoteFolder}/${CLOSED}: \\d{3} \\S`);
      assert.match(closed.lastError?.message ?? '', reason);
      assert.ok(!existsSync(join(into, copy, CLOSED)), 'not taken for an empty folder');
      await page.getByRole('tab', { name: /^Failed/ }).click();
      const row = page.locator('.qrow.failed').filter({ hasText: closed.localPath });
      assert.match(await row.locator('.q-status').innerText(), reason);
      assert.deepEqual(pageProblems(page), []);
    }

    it('dragged onto the local pane: the readable files arrive, the unreadable folder fails with the reason', guard, async () => {
      const ended = whenAllEnded(`/${FOLDER}/dragged`, READABLE.length + 1);
      await dropOnPane(page, paneRow(page, 'remote', 'dragged'), 'local');
      await assertRestDownloaded('dragged', await ended);
    });

    it('Download in the folder\'s context menu: the same', guard, async () => {
      const ended = whenAllEnded(`/${FOLDER}/menu`, READABLE.length + 1);
      await paneRow(page, 'remote', 'menu').click({ button: 'right' });
      await page.getByRole('menu', { name: 'Remote file actions' }).getByRole('menuitem', { name: 'Download' }).click();
      await assertRestDownloaded('menu', await ended);
    });

    it('Retry on the failed folder\'s row, once the server lets it be read: the folder is walked anew and its files arrive', guard, async () => {
      const remoteClosed = `/${FOLDER}/dragged/${CLOSED}`;
      makeOwn(server, remoteClosed, 0o755);
      const arrived = whenQueueItemEnded(fixture.host, `${remoteClosed}/hidden.txt`);
      await page.getByRole('tab', { name: /^Failed/ }).click();
      const failedRow = page.locator('.qrow.failed').filter({ hasText: join(into, 'dragged', CLOSED) });
      await failedRow.click();
      await page.getByRole('button', { name: 'Retry selected' }).click();
      assert.equal((await arrived).state, 'done');
      assert.equal(readFileSync(join(into, 'dragged', CLOSED, 'hidden.txt'), 'utf8'), 'hidden');
      await failedRow.waitFor({ state: 'detached' });
      assert.deepEqual(fixture.host.services.queue.snapshot().items.filter((item) => item.remotePath.startsWith(remoteClosed) && item.state !== 'done'), []);
      assert.deepEqual(pageProblems(page), []);
    });
  });
}
