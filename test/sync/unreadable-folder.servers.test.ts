/**
 * A sync whose server side holds a folder the server will not list (a folder of another user that may be entered
 * but not read, mode 0o311): the folder is not empty, it is unknown. Through the sync service (the app's path),
 * on each server: nothing inside it, or under its name here, is copied or deleted, down or mirror, and it is
 * reported with the server's reason; a sync whose whole server folder cannot be read plans nothing at all.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeForeign } from '../servers/fleet';
import { fleet, freshPair, localFile, paths, syncServiceFor, withQueue, writeLocal, writeRemote } from './support';

const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'] as const;


for (const name of SERVERS) {
  const server = fleet.servers[name];
  describe(`sync with a server folder that cannot be read, on ${name}`, () => {
    test('down and mirror leave the unreadable folder and its copy here alone, and say why', async () => {
      const { local, base, remoteRoot } = await freshPair(server, 'unreadable');
      writeRemote(server, base, 'shared.txt', 'shared');
      writeRemote(server, base, 'locked/inside.txt', 'inside');
      writeRemote(server, base, 'locked/deeper/more.txt', 'more');
      await withQueue(server, async (queue) => {
        const service = syncServiceFor(server, queue, `unreadable-${server.name}`);
        // A first mirror while everything can be read: both sides hold the same, and the pair has a record.
        const first = await service.plan({ sessionId: 's', localRoot: local, remoteRoot, direction: 'mirror', delete: true });
        assert.equal((await service.run({ planId: first.planId })).summary.failed, 0);
        assert.equal(localFile(local, 'locked/deeper/more.txt'), 'more');
        writeLocal(local, 'locked/mine.txt', 'only here');
        writeLocal(local, 'only-here.txt', 'only here');

        makeForeign(server, `${base}/locked`, 0o311);
        for (const direction of ['down', 'mirror'] as const) {
          const plan = await service.plan({ sessionId: 's', localRoot: local, remoteRoot, direction, delete: true });
          // Only what could be seen is planned: nothing under locked/ (its files would look deleted on the server).
          assert.deepEqual(paths(plan), direction === 'down' ? ['delete local only-here.txt'] : ['copy remote only-here.txt']);
          assert.deepEqual(plan.skipped.map((s) => [s.side, s.path]), [['remote', 'locked']]);
          const reason = plan.skipped[0]?.reason ?? '';
          assert.match(reason, new RegExp(`^Could not read the folder ${remoteRoot}/locked: \\d{3} .+ \\(nothing in it is compared, copied or deleted\\)$`));
          assert.ok(!plan.compare.entries.some((e) => e.relativePath === 'locked' || e.relativePath.startsWith('locked/')), 'the folder is not compared');
        }
        assert.equal(localFile(local, 'locked/inside.txt'), 'inside');
        assert.equal(localFile(local, 'locked/deeper/more.txt'), 'more');
        assert.equal(localFile(local, 'locked/mine.txt'), 'only here');
      });
    });

    test('a sync whose server folder itself cannot be read fails with the reason and plans nothing', async () => {
      const { local, base, remoteRoot } = await freshPair(server, 'unreadable-root');
      writeRemote(server, base, 'inside.txt', 'inside');
      await withQueue(server, async (queue) => {
        const service = syncServiceFor(server, queue, `unreadable-${server.name}`);
        const first = await service.plan({ sessionId: 's', localRoot: local, remoteRoot, direction: 'mirror', delete: true });
        assert.equal((await service.run({ planId: first.planId })).summary.done, 1);
        makeForeign(server, base, 0o311);
        for (const direction of ['down', 'mirror'] as const) {
          await assert.rejects(service.plan({ sessionId: 's', localRoot: local, remoteRoot, direction, delete: true }), (err: Error) =>
            err.message.startsWith(`Could not read the folder ${remoteRoot}: `));
        }
      });
      assert.equal(localFile(local, 'inside.txt'), 'inside');
    });
  });
}
