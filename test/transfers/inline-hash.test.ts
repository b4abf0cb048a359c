/**
 * Verification by hash without reading the file a second time: a transfer feeds the hash the server will be
 * asked for (proftpd offers HASH with SHA-256) as its bytes pass. It must still catch a file that came out
 * different from the server's: here the first bytes of one side change (same size) after they were sent, so the
 * server's hash no longer matches what went through; the queue then starts over and the second attempt is whole.
 */
import assert from 'node:assert/strict';
import { openSync, writeSync, closeSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { TransferItem } from '../../common/models/transfer';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { useFleet, writeServerFile } from '../servers/fleet';
import { openSession, testBytes } from '../ftps/support';

const fleet = await useFleet();
const server = fleet.servers['proftpd-explicit'];
const work = mkdtempSync(join(tmpdir(), 'wharf-inline-hash-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
const SIZE = 3 * 1024 * 1024;

/** A queue on proftpd at 1 MB/s, so a transfer is still running when its first bytes are long sent. */
function slowQueue(): Promise<TransferQueue> {
  return TransferQueue.open({
    openSession: async () => (await openSession(fleet, server)).session,
    stateFile: null,
    defaultOverwrite: 'overwrite',
    speedLimitBytesPerSecond: 1_000_000,
    retry: { baseDelayMs: 50, maxDelayMs: 200, tooManyConnectionsDelayMs: 100 },
  });
}

/** Overwrites the first 64 KiB of a file in place (same size), as a changed or damaged copy would differ. */
function scribbleOverStart(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, 0);
  } finally {
    closeSync(fd);
  }
}

/** Runs `onFirstBytes` once, when the first attempt has moved more than 512 KiB. */
function whenFirstAttemptPasses(queue: TransferQueue, onFirstBytes: (item: TransferItem) => void): void {
  let done = false;
  const unsubscribe = queue.subscribe((update) => {
    const item = update.items.find((i) => i.kind === 'file');
    if (done || !item || item.attempts !== 1 || item.bytesDone < 512 * 1024) return;
    done = true;
    unsubscribe();
    onFirstBytes(item);
  });
}

/**
 * Runs one transfer on a slow queue until it settles, scribbling over the start of the server copy
 * `serverCopyOf` names once the first attempt has moved its first bytes. Returns the item and every error it
 * showed on the way.
 */
async function damagedTransfer(serverCopyOf: (item: TransferItem) => string, enqueue: (queue: TransferQueue) => Promise<void>): Promise<{ item: TransferItem | undefined; errors: string[] }> {
  const queue = await slowQueue();
  const errors: string[] = [];
  queue.subscribe((update) => {
    for (const item of update.items) if (item.lastError) errors.push(`${item.lastError.kind}: ${item.lastError.message}`);
  });
  whenFirstAttemptPasses(queue, (item) => scribbleOverStart(serverCopyOf(item)));
  try {
    await enqueue(queue);
    await queue.whenSettled();
  } finally {
    await queue.stop();
  }
  return { item: queue.getSnapshot().items[0], errors };
}

describe('hash verification while streaming (proftpd, HASH SHA-256)', () => {
  test('a download whose server copy changed after its first bytes were sent fails verification, then arrives whole', async () => {
    const remote = `/${unique('down')}.bin`;
    const serverPath = writeServerFile(server, remote, testBytes(SIZE, 7));
    const local = join(work, unique('down'));
    const { item, errors } = await damagedTransfer(
      () => serverPath,
      async (queue) => {
        queue.enqueue([{ kind: 'file', direction: 'download', siteKey: 'proftpd-explicit', localPath: local, remotePath: remote }]);
      },
    );
    assert.equal(item?.state, 'done');
    assert.equal(item?.attempts, 2, 'the first attempt was refused by verification');
    assert.ok(errors.some((e) => e.startsWith('verification: The SHA-256 of the download')), errors.join('\n'));
    assert.equal(item?.verifiedBy, 'SHA-256');
    assert.deepEqual(readFileSync(local), readFileSync(serverPath));
  });

  test('an upload whose server copy was damaged after its first bytes arrived fails verification, then arrives whole', async () => {
    const folder = `/${unique('up')}`;
    writeServerFile(server, `${folder}/.keep`, '');
    const local = join(work, unique('up'));
    const data = testBytes(SIZE, 8);
    writeFileSync(local, data);
    const { item, errors } = await damagedTransfer(
      // The upload goes to NAME.wharf-part first: that is the server copy damaged while it grows.
      (growing) => join(server.root, (growing.temporaryRemotePath ?? growing.remotePath).slice(1)),
      async (queue) => {
        await queue.add({ direction: 'upload', siteKey: 'proftpd-explicit', localPath: local, remotePath: `${folder}/up.bin`, uploadViaTemporaryName: true, kind: 'file' });
      },
    );
    assert.equal(item?.state, 'done');
    assert.equal(item?.attempts, 2, 'the first attempt was refused by verification');
    assert.ok(errors.some((e) => e.startsWith('verification: The SHA-256 of')), errors.join('\n'));
    assert.equal(item?.verifiedBy, 'SHA-256');
    assert.deepEqual(readFileSync(join(server.root, folder.slice(1), 'up.bin')), data);
  });
});
