/**
 * The upload side of test/transfers/unreadable-subfolder.servers.test.ts: a local folder uploaded through the queue
 * with a folder inside it that cannot be read (0o000). Every readable file is uploaded, that folder is a failed item
 * of its own with the reason, and "Retry" walks it anew: still closed, it fails again with the reason (queued as it
 * was, it would pass as an empty folder made on the server); opened meanwhile, its files arrive, uploaded as the
 * site's setting last asked for (here in place, no temporary name).
 *
 * The tests run as root, who reads every folder whatever its mode: the queue runs with the process's effective user
 * set to nobody (its real user stays root, so it comes back), as the app runs for any other user. The server, a
 * process of its own, is not affected.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models/log';
import type { TransferItem } from '../../common/models/transfer';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { useFleet, type ServerInfo } from '../servers/fleet';
import { openSession } from '../ftps/support';

const fleet = await useFleet();
const server: ServerInfo = fleet.servers['vsftpd-explicit'];
const work = mkdtempSync(join(tmpdir(), 'wharf-unreadable-local-sub-'));
// nobody walks these folders below: mkdtemp makes the work folder root's alone.
chmodSync(work, 0o755);
after(() => rmSync(work, { recursive: true, force: true }));

const NOBODY = 65534;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** Runs `use` with folder modes applying to this process as to any user but root. */
async function withFolderModesApplying<T>(use: () => Promise<T>): Promise<T> {
  if (process.getuid?.() !== 0) return use();
  process.seteuid?.(NOBODY);
  try {
    return await use();
  } finally {
    process.seteuid?.(0);
  }
}

/** A local tree with a closed folder two levels down, and files before and after it. */
function treeWithClosedFolder(): { local: string; closed: string } {
  const local = join(work, unique('up'));
  const closed = join(local, 'a', 'locked');
  mkdirSync(closed, { recursive: true });
  mkdirSync(join(local, 'z'));
  writeFileSync(join(local, 'top.txt'), 'top');
  writeFileSync(join(local, 'a', 'one.txt'), 'one');
  writeFileSync(join(closed, 'hidden.txt'), 'hidden');
  writeFileSync(join(closed, 'deeper.txt'), 'deeper');
  writeFileSync(join(local, 'z', 'last.txt'), 'last');
  chmodSync(closed, 0o000);
  return { local, closed };
}

/** Uploads `local` to `/base` through a queue whose retries are quick, then "retry all" after `beforeRetry` (run as root). */
async function upload(local: string, base: string, transferLog: LogLine[], beforeRetry: () => void): Promise<{ items: readonly TransferItem[]; retried: readonly TransferItem[] }> {
  const queue = await TransferQueue.open({
    openSession: async () => (await openSession(fleet, server, { onLog: (line) => transferLog.push(line) })).session,
    stateFile: null,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 20, maxDelayMs: 50, tooManyConnectionsDelayMs: 50 },
  });
  try {
    await withFolderModesApplying(async () => {
      await queue.add({ direction: 'upload', siteKey: 's', localPath: local, remotePath: `/${base}`, kind: 'directory', uploadViaTemporaryName: false });
      await queue.whenSettled();
    });
    const items = queue.getSnapshot().items;
    beforeRetry();
    await withFolderModesApplying(async () => {
      queue.controls.retry();
      await queue.whenSettled();
    });
    return { items, retried: queue.getSnapshot().items };
  } finally {
    await queue.stop();
  }
}

const serverFile = (base: string, path: string) => readFileSync(join(server.root, base, path), 'utf8');

describe('a folder upload with a local folder inside it that cannot be read', () => {
  test('the rest is uploaded; the folder fails on its own with the reason, and fails again on "retry" while still closed', async () => {
    const { local, closed } = treeWithClosedFolder();
    const base = unique('still-closed');
    try {
      const { items, retried } = await upload(local, base, [], () => undefined);
      for (const [path, text] of [['top.txt', 'top'], ['a/one.txt', 'one'], ['z/last.txt', 'last']] as const) assert.equal(serverFile(base, path), text, path);
      const reason = `The local folder ${closed} cannot be read (EACCES).`;
      const failed = items.filter((item) => item.state === 'failed');
      assert.deepEqual(failed.map((item) => [item.localPath, item.kind, item.attempts, item.lastError?.kind, item.lastError?.message]), [[closed, 'directory', 0, 'local-io', reason]]);
      assert.ok(items.filter((item) => item.state !== 'failed').every((item) => item.state === 'done'), JSON.stringify(items.map((i) => [i.localPath, i.state])));

      const failedAgain = retried.filter((item) => item.state === 'failed');
      assert.deepEqual(failedAgain.map((item) => [item.localPath, item.lastError?.message]), [[closed, reason]]);
      assert.notEqual(failedAgain[0]?.id, failed[0]?.id, 'walked anew, not queued as it was');
      assert.equal(failedAgain[0]?.lastError?.detail?.unreadFolder, true, 'still marked, so a later retry walks it once more');
      assert.ok(!existsSync(join(server.root, base, 'a', 'locked')), 'no empty folder made for it on the server');
    } finally {
      chmodSync(closed, 0o755);
    }
  });

  test('a closed folder opened meanwhile: "retry" walks it anew and its files arrive, uploaded in place as the site asked', async () => {
    const { local, closed } = treeWithClosedFolder();
    const base = unique('reopened');
    const transferLog: LogLine[] = [];
    const { items, retried } = await upload(local, base, transferLog, () => chmodSync(closed, 0o755));
    assert.equal(items.filter((item) => item.state === 'failed').length, 1);
    assert.ok(retried.every((item) => item.state === 'done'), JSON.stringify(retried.map((i) => [i.localPath, i.state, i.lastError?.message])));
    assert.equal(serverFile(base, 'a/locked/hidden.txt'), 'hidden');
    assert.equal(serverFile(base, 'a/locked/deeper.txt'), 'deeper');
    const commands = transferLog.filter((line) => line.direction === 'command').map((line) => line.text);
    assert.ok(commands.some((text) => /^STOR .*hidden\.txt$/.test(text)), commands.join('\n'));
    assert.ok(!commands.some((text) => /wharf-part/.test(text)), `no temporary name: ${commands.join('\n')}`);
  });
});
