/**
 * Local failures during a queue: the item that meets them fails with a clear local-io error (not retried
 * as if the network were at fault), nothing partial sits under a final name, and the rest of the queue
 * goes on and completes with equal SHA-256.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { useFleet } from '../servers/fleet';
import { runDeletedDuringUploadScenario, runLocalDiskScenario } from './local-disk-scenarios';

const fleet = await useFleet();

describe('local disk failures', () => {
  test('a full local disk fails the download that does not fit, once, as local-io; the others complete', async () => {
    const result = await runLocalDiskScenario(fleet, 'full-disk', 21);
    const byName = new Map(result.items.map((i) => [i.localPath.split('/').pop(), i]));
    const tooBig = byName.get('too-big.bin');
    assert.equal(tooBig?.state, 'failed');
    assert.equal(tooBig?.lastError?.kind, 'local-io');
    assert.match(tooBig?.lastError?.message ?? '', /disk is full/);
    assert.equal(tooBig?.attempts, 1, 'a full disk is not retried as if the network had failed');
    assert.equal(existsSync(tooBig?.localPath ?? ''), false, 'nothing under the final name');
    for (const name of ['fits.bin', 'after-1.bin', 'after-2.bin']) assert.equal(byName.get(name)?.state, 'done', name);
    assert.equal(result.completed, 3);
    assert.equal(result.lostOrCorrupted, 0);
  });

  test('a read-only target folder fails its download once, as local-io naming the file; the others complete', async () => {
    const result = await runLocalDiskScenario(fleet, 'read-only', 22);
    const [blocked, ...others] = result.items;
    assert.equal(blocked?.state, 'failed');
    assert.equal(blocked?.lastError?.kind, 'local-io', blocked?.lastError?.message);
    assert.match(blocked?.lastError?.message ?? '', /\.too-big\.bin\.[\w-]+\.wharf-part/);
    assert.match(blocked?.lastError?.message ?? '', /read-only|EROFS/i);
    assert.equal(blocked?.attempts, 1, 'not retried as a data-connection failure');
    assert.deepEqual(others.map((i) => i.state), ['done', 'done']);
    assert.equal(result.lostOrCorrupted, 0);
  });

  for (const server of ['vsftpd-explicit', 'proftpd-explicit'] as const) {
    test(`${server}: a file deleted while it uploads ends done with its bytes on the server, or failed as local-io; the others complete`, async () => {
      const result = await runDeletedDuringUploadScenario(fleet, server, 23);
      const [before, deleted, after] = result.items;
      assert.equal(before?.state, 'done');
      assert.equal(after?.state, 'done');
      if (deleted?.state === 'done') {
        assert.equal(result.equal[deleted.localPath], true, 'what the server holds is the file as it was read');
      } else {
        assert.equal(deleted?.state, 'failed');
        assert.equal(deleted?.lastError?.kind, 'local-io');
        assert.match(deleted?.lastError?.message ?? '', /deleted\.bin/);
      }
      assert.equal(result.lostOrCorrupted, 0, 'no item is done with other bytes than its file');
    });
  }
});
