/**
 * The upload's reading source (main/transfers/file-source.ts): positional reads (1 MiB; 4 MiB on a fast connection,
 * file-source-reads.test.ts) into reused buffers, hashed and counted as they go out, and a check at the end that
 * the file is still the one the upload began with. Reused buffers are the risk: a buffer refilled while the socket
 * still sends from it would corrupt the upload silently. Plain FTP is the sharp case (a TCP socket sends from our memory; TLS encrypts a copy at once), so a
 * multi-MiB upload is compared byte for byte on vsftpd without TLS, and on proftpd with its SHA-256 as well.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { TransferItem } from '../../common/models/transfer';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { useFleet, writeServerFile, type ServerName } from '../servers/fleet';
import { openSession, testBytes } from '../ftps/support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-file-source-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
/** Several reads, the last one partial. */
const SIZE = 9 * 1024 * 1024 + 12_345;

function queueOn(name: ServerName, speedLimitBytesPerSecond: number | null = null): Promise<TransferQueue> {
  return TransferQueue.open({
    openSession: async () => (await openSession(fleet, fleet.servers[name])).session,
    stateFile: null,
    defaultOverwrite: 'overwrite',
    speedLimitBytesPerSecond,
    retry: { baseDelayMs: 50, maxDelayMs: 200, tooManyConnectionsDelayMs: 100 },
  });
}

/** Uploads `local` to a new folder on `name` and returns the settled item, every error on the way, and the server's copy. */
async function upload(
  name: ServerName,
  local: string,
  options: { speedLimit?: number; whileFirstAttemptRuns?: () => void } = {},
): Promise<{ item: TransferItem | undefined; errors: string[]; onServer: Buffer }> {
  const server = fleet.servers[name];
  const folder = `/${unique('up')}`;
  writeServerFile(server, `${folder}/.keep`, '');
  const queue = await queueOn(name, options.speedLimit ?? null);
  const errors: string[] = [];
  let changed = false;
  queue.subscribe((update) => {
    for (const item of update.items) {
      if (item.lastError) errors.push(`${item.lastError.kind}: ${item.lastError.message}`);
      if (!changed && options.whileFirstAttemptRuns && item.attempts === 1 && item.bytesDone >= 512 * 1024) {
        changed = true;
        options.whileFirstAttemptRuns();
      }
    }
  });
  try {
    await queue.add({ direction: 'upload', siteKey: name, localPath: local, remotePath: `${folder}/up.bin`, uploadViaTemporaryName: true, kind: 'file' });
    await queue.whenSettled();
  } finally {
    await queue.stop();
  }
  const [item] = queue.getSnapshot().items;
  return { item, errors, onServer: readFileSync(join(server.root, folder.slice(1), 'up.bin')) };
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('the upload source', () => {
  test('a multi-MiB upload over plain FTP arrives byte for byte (reused read buffers are never refilled while sent)', async () => {
    const local = join(work, unique('plain'));
    const data = testBytes(SIZE, 21);
    writeFileSync(local, data);
    const { item, errors, onServer } = await upload('vsftpd-plain', local);
    assert.deepEqual(errors, []);
    assert.equal(item?.state, 'done');
    assert.equal(item?.bytesDone, SIZE);
    assert.equal(sha256(onServer), sha256(data));
  });

  test('a multi-MiB upload over TLS arrives byte for byte and is verified by the hash computed while reading', async () => {
    const local = join(work, unique('tls'));
    const data = testBytes(SIZE, 22);
    writeFileSync(local, data);
    const { item, errors, onServer } = await upload('proftpd-explicit', local);
    assert.deepEqual(errors, []);
    assert.equal(item?.state, 'done');
    assert.equal(item?.verifiedBy, 'SHA-256');
    assert.equal(sha256(onServer), sha256(data));
  });

  test('a file saved again at the same size during its upload is refused, and the retry sends what it holds now', async () => {
    const local = join(work, unique('saved'));
    writeFileSync(local, testBytes(3 * 1024 * 1024, 23));
    const { item, errors, onServer } = await upload('vsftpd-explicit', local, {
      speedLimit: 1_000_000,
      whileFirstAttemptRuns: () => {
        // The start was sent already: only the file's time says it changed (vsftpd has no hash to catch it).
        const fd = openSync(local, 'r+');
        try {
          writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, 0);
        } finally {
          closeSync(fd);
        }
      },
    });
    assert.ok(errors.some((e) => e.startsWith('verification: ') && e.includes('changed while it was being uploaded: it was saved again at the same size')), errors.join('\n'));
    assert.equal(item?.state, 'done');
    assert.equal(item?.attempts, 2);
    assert.equal(sha256(onServer), sha256(readFileSync(local)));
  });

  test('a file that grows during its upload is refused, and the retry sends all of it', async () => {
    const local = join(work, unique('grown'));
    writeFileSync(local, testBytes(3 * 1024 * 1024, 24));
    const { item, errors, onServer } = await upload('vsftpd-explicit', local, {
      speedLimit: 1_000_000,
      whileFirstAttemptRuns: () => appendFileSync(local, 'more'),
    });
    assert.ok(errors.some((e) => e.startsWith('verification: ') && e.includes('changed while it was being uploaded: it grew')), errors.join('\n'));
    assert.equal(item?.state, 'done');
    assert.equal(onServer.length, 3 * 1024 * 1024 + 4);
    assert.equal(sha256(onServer), sha256(readFileSync(local)));
  });
});
