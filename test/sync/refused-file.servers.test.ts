/**
 * A sync down meeting a file the server refuses to send (another user's file, mode 0o000: 550 on RETR): through
 * the sync service (the app's path), on each server, that copy fails once with the server's refusal and is not
 * retried, nothing sits under its name here, and the other copies arrive.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { makeForeign } from '../servers/fleet';
import { fleet, freshPair, localFile, syncServiceFor, withQueue, writeRemote } from './support';

const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'] as const;


for (const name of SERVERS) {
  const server = fleet.servers[name];
  describe(`sync down with a file the server refuses to send, on ${name}`, () => {
    test('that copy fails once with the refusal, leaves nothing here, and the others arrive', async () => {
      const { local, base, remoteRoot } = await freshPair(server, 'refused');
      writeRemote(server, base, 'readable.txt', 'readable');
      writeRemote(server, base, 'secret.txt', 'secret');
      makeForeign(server, `${base}/secret.txt`, 0o000);
      await withQueue(server, async (queue) => {
        const service = syncServiceFor(server, queue, `refused-${server.name}`);
        const plan = await service.plan({ sessionId: 's', localRoot: local, remoteRoot, direction: 'down', delete: false });
        const result = await service.run({ planId: plan.planId });
        assert.deepEqual(result.summary, { done: 1, skipped: 0, failed: 1 });
        const failed = result.results.find((r) => r.status === 'failed');
        assert.equal(failed?.error?.kind, 'ftp');
        assert.equal(failed?.error?.code, 550, JSON.stringify(failed?.error));
        const item = queue.getSnapshot().items.find((i) => i.id === failed?.transferId);
        assert.equal(item?.attempts, 1, 'a refusal is not retried');
      });
      assert.equal(localFile(local, 'readable.txt'), 'readable');
      assert.equal(existsSync(join(local, 'secret.txt')), false);
      assert.deepEqual(readdirSync(local).sort(), ['readable.txt'], 'no temporary file left either');
    });
  });
}
