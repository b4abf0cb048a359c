/**
 * A drag from the remote pane onto the local pane of something the server will not give, on each server, in
 * Chromium through the bridge to main's real services: a folder of another user that may be entered but not read
 * (0o311), a folder listed and then gone from the server, and a file of another user with no permissions (0o000).
 * Each ends as a failed item in the queue, with the server's reason in its status, at once: a refusal is not
 * retried (a folder is not taken for empty, and nothing of it is written here).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { TransferItem } from '../../common/models/transfer';
import { makeForeign, writeServerFile, type ServerInfo } from '../servers/fleet';
import { FIXTURE_SERVERS, openFolderPage, useServerFolderFixture } from './server-folder-fixture';
import { dropOnPane, pageProblems, paneRow, whenQueueItemEnded } from './support';

const fixture = await useServerFolderFixture('refused-drag');
const { fleet, work } = fixture;

/** The item failed at once, without a retry, with the server's reason shown in its queue row. */
async function assertRefusedInQueue(page: Page, item: TransferItem, reason: RegExp): Promise<void> {
  assert.equal(item.state, 'failed', JSON.stringify(item));
  assert.ok(item.attempts <= 1, `not retried: ${item.attempts} attempts`);
  assert.equal(item.lastError?.kind, 'ftp', item.lastError?.message);
  const code = item.lastError?.code ?? 0;
  assert.ok(code < 400 || code >= 500, `a permanent reply, not one the queue would retry: ${code}`);
  assert.match(item.lastError?.message ?? '', reason);
  await page.getByRole('tab', { name: /^Failed/ }).click();
  const row = page.locator('.qrow.failed').filter({ hasText: item.localPath });
  assert.match(await row.locator('.q-status').innerText(), reason);
}

for (const name of FIXTURE_SERVERS) {
  describe(`dragging what the server refuses onto the local pane, on ${name}`, () => {
    let server: ServerInfo;
    let page: Page;
    const into = join(work.home, `down-${name}`);
    const FOLDER = fixture.folderOn(name);

    before(async () => {
      server = fleet.servers[name];
      writeServerFile(server, `${FOLDER}/here.txt`, 'here');
      writeServerFile(server, `${FOLDER}/vanishing/gone.txt`, 'gone');
      writeServerFile(server, `${FOLDER}/closed/secret.txt`, 'secret');
      makeForeign(server, `${FOLDER}/closed`, 0o311);
      writeServerFile(server, `${FOLDER}/refused.txt`, 'not yours');
      makeForeign(server, `${FOLDER}/refused.txt`, 0o000);
      page = await openFolderPage(fixture, server, 'here.txt', `down-${name}`);
    });

    after(async () => {
      await page?.close();
    });

    // A guard against a hang should no item ever come (the queue refused the drag outright), not a timed assertion.
    const guard = { timeout: 60_000 };

    it('a folder that may be entered but not read: failed at once, with the reason, nothing written here', guard, async () => {
      const remotePath = `/${FOLDER}/closed`;
      const ended = whenQueueItemEnded(fixture.host, remotePath);
      await dropOnPane(page, paneRow(page, 'remote', 'closed'), 'local');
      await assertRefusedInQueue(page, await ended, new RegExp(`^Could not read the folder ${remotePath}: \\d{3} `));
      assert.ok(!existsSync(join(into, 'closed', 'secret.txt')));
      assert.deepEqual(pageProblems(page), []);
    });

    it('a folder listed, then gone from the server: failed at once, with the reason', guard, async () => {
      const remotePath = `/${FOLDER}/vanishing`;
      await paneRow(page, 'remote', 'vanishing').waitFor();
      rmSync(join(server.root, FOLDER, 'vanishing'), { recursive: true });
      const ended = whenQueueItemEnded(fixture.host, remotePath);
      await dropOnPane(page, paneRow(page, 'remote', 'vanishing'), 'local');
      await assertRefusedInQueue(page, await ended, new RegExp(`^Could not read the folder ${remotePath}: 5\\d\\d `));
      assert.ok(!existsSync(join(into, 'vanishing')) || readdirSync(join(into, 'vanishing')).length === 0);
      assert.deepEqual(pageProblems(page), []);
    });

    it('a file of another user with no permissions: one RETR, refused with 550, not retried', guard, async () => {
      const remotePath = `/${FOLDER}/refused.txt`;
      const ended = whenQueueItemEnded(fixture.host, remotePath);
      await dropOnPane(page, paneRow(page, 'remote', 'refused.txt'), 'local');
      const item = await ended;
      await assertRefusedInQueue(page, item, /\b55\d\b/);
      assert.equal(item.attempts, 1);
      const retrievals = fixture.host.services.log.recent().filter((line) => line.direction === 'command' && line.text === `RETR ${remotePath}`);
      assert.equal(retrievals.length, 1, 'the server was asked once');
      assert.ok(!existsSync(join(into, 'refused.txt')));
      assert.deepEqual(pageProblems(page), []);
    });
  });
}
