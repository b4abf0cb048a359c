/**
 * A folder download with an empty folder whose name is taken by a file on this computer: the folder's queue
 * item fails, naming the file, instead of passing as done with no folder made.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { useFleet, writeServerFile, type ServerName } from '../servers/fleet';
import { openSession } from '../ftps/support';

const fleet = await useFleet();
const SERVER: ServerName = 'vsftpd-explicit';
const work = mkdtempSync(join(tmpdir(), 'wharf-folder-over-file-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('the folder item fails with "is not a folder" and the file under that name is left as it was', async () => {
  const folder = `folder-over-file-${process.pid}`;
  // An empty folder on the server: the download queues it as a folder item of its own (a folder with files is made on the way to them).
  writeServerFile(fleet.servers[SERVER], `${folder}/a.txt`, 'from the server');
  mkdirSync(join(fleet.servers[SERVER].root, folder, 'inner'), { mode: 0o755 });
  const chosen = join(work, 'chosen');
  mkdirSync(join(chosen, folder), { recursive: true });
  writeFileSync(join(chosen, folder, 'inner'), 'a file of mine');
  const queue = await TransferQueue.open({
    openSession: async () => (await openSession(fleet, fleet.servers[SERVER])).session,
    stateFile: null,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 20, maxDelayMs: 50 },
  });
  let items;
  try {
    await queue.add({ direction: 'download', siteKey: SERVER, kind: 'directory', remotePath: `/${folder}`, localPath: join(chosen, folder) });
    await queue.whenSettled();
    items = queue.getSnapshot().items;
  } finally {
    await queue.stop();
  }
  const inner = items.find((i) => i.kind === 'directory' && i.localPath === join(chosen, folder, 'inner'));
  assert.equal(inner?.state, 'failed');
  assert.equal(inner?.lastError?.kind, 'local-io');
  assert.equal(inner?.lastError?.message, `${join(chosen, folder, 'inner')} is not a folder.`);
  assert.equal(inner?.attempts, 1, 'not retried: nothing will change by trying again');
  assert.equal(readFileSync(join(chosen, folder, 'inner'), 'utf8'), 'a file of mine');
  assert.equal(items.find((i) => i.kind === 'file')?.state, 'done', 'the rest of the folder arrives');
});
