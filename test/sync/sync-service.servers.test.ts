/**
 * The sync service (main/sync/service.ts) against real servers: a plan over a session run by action ids, a sync
 * that waits on the paused queue (holding no session), its cancelling, and what it publishes while it runs.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { RunningSync } from '../../common/models/sync';
import type { QueueSnapshot } from '../../common/models/transfer';
import { FtpsSession } from '../../main/ftps/session';
import { MemorySyncStateStore } from '../../main/sync/sync-state';
import { SyncService } from '../../main/sync/service';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import type { SessionConnection } from '../../main/connections/session-connection';
import { type ServerInfo } from '../servers/fleet';
import { fleet, optionsFor, withQueue, writeLocal, writeRemote, remoteFile, freshPair, paths } from './support';

/** What a SyncService published about running syncs, in order, with a wait for the first that matches. */
class PublishedSyncs {
  readonly all: RunningSync[] = [];
  private readonly waiters: { readonly matches: (sync: RunningSync) => boolean; readonly resolve: (sync: RunningSync) => void }[] = [];

  push(sync: RunningSync): void {
    this.all.push(sync);
    for (const waiter of [...this.waiters]) {
      if (!waiter.matches(sync)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(sync);
    }
  }

  /** Resolves with the first published sync that matches, already published or still to come. */
  when(matches: (sync: RunningSync) => boolean): Promise<RunningSync> {
    const seen = this.all.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }
}
describe('the sync service', () => {
  test('SyncService: plan over a session, then run only the ticked actions by id', async () => {
    const server = fleet.servers['pureftpd-explicit'];
    const { local, base, remoteRoot } = await freshPair(server, 'svc');
    writeLocal(local, 'one.txt', '1');
    writeLocal(local, 'two.txt', '22');
    const connection: SessionConnection = { siteKey: 'svc-site', label: 'pure', maxConnections: null, uploadViaTemporaryName: true, options: optionsFor(server) };
    const registered: string[] = [];
    await withQueue(server, async (queue) => {
      const service = new SyncService({
        connectionFor: () => connection,
        openSession: (c) => FtpsSession.open({ ...c.options }),
        registerConnection: (c) => registered.push(c.siteKey),
        queue,
        stateStore: new MemorySyncStateStore(),
      });
      const plan = await service.plan({ sessionId: 'browse-1', localRoot: local, remoteRoot, direction: 'up' });
      assert.deepEqual(paths(plan), ['copy remote one.txt', 'copy remote two.txt']);
      const run = await service.run({ planId: plan.planId, actionIds: [plan.actions[1]!.id] });
      assert.equal(run.summary.done, 1);
      assert.deepEqual(registered, ['svc-site'], 'the queue learns how to reach the site');
      await assert.rejects(service.run({ planId: plan.planId }), /no longer available/);
    });
    assert.equal(remoteFile(server, base, 'one.txt'), null);
    assert.equal(remoteFile(server, base, 'two.txt'), '22');
  });

  /**
   * A sync service over `queue` that counts the sessions it opens, and what the queue held at each opening,
   * and keeps what it publishes about running syncs (`published.when` resolves once one matches).
   */
  function countingService(server: ServerInfo, queue: TransferQueue, siteKey: string) {
    const connection: SessionConnection = { siteKey, label: 'proftpd', maxConnections: null, uploadViaTemporaryName: true, options: optionsFor(server) };
    const opened: { unfinishedTransfers: number }[] = [];
    const published = new PublishedSyncs();
    const service = new SyncService({
      onDidChangeRunning: (sync) => published.push(sync),
      connectionFor: () => connection,
      openSession: (c) => {
        opened.push({ unfinishedTransfers: queue.getSnapshot().items.filter((i) => i.siteKey === siteKey && !['done', 'skipped', 'failed'].includes(i.state)).length });
        return FtpsSession.open({ ...c.options });
      },
      registerConnection: () => undefined,
      queue,
      stateStore: new MemorySyncStateStore(),
    });
    return { service, opened, published };
  }

  /** Resolves with the queue's snapshot once `ready` holds for it, checked now and at each update. */
  function queueReaches(queue: TransferQueue, ready: (snapshot: QueueSnapshot) => boolean): Promise<QueueSnapshot> {
    return new Promise((resolve) => {
      let off: () => void = () => undefined;
      const check = () => {
        const snapshot = queue.getSnapshot();
        if (!ready(snapshot)) return;
        off();
        resolve(snapshot);
      };
      off = queue.subscribe(check);
      check();
    });
  }

  /** Two files and a folder to upload, and one file on the server to delete. */
  async function pausedSyncPair(server: ServerInfo, prefix: string) {
    const pair = await freshPair(server, prefix);
    writeLocal(pair.local, 'a.txt', 'content of A');
    writeLocal(pair.local, 'sub/b.txt', 'bee bee');
    writeRemote(server, pair.base, 'old.txt', 'only on the server');
    return pair;
  }

  /**
   * Plans an upload with deletion over `queue`, pauses the queue, runs the plan and resolves once its three
   * transfers are in the queue: the sync is then waiting. `opened` counts the sessions opened from then on.
   */
  async function syncWaitingOnPausedQueue(server: ServerInfo, queue: TransferQueue, siteKey: string, pair: { local: string; remoteRoot: string }) {
    const { service, opened, published } = countingService(server, queue, siteKey);
    const plan = await service.plan({ sessionId: 'browse-1', localRoot: pair.local, remoteRoot: pair.remoteRoot, direction: 'up', delete: true });
    assert.deepEqual(paths(plan), ['copy remote a.txt', 'delete remote old.txt', 'copy remote sub', 'copy remote sub/b.txt']);
    opened.length = 0;
    queue.controls.pauseAll();
    let settled = false;
    const running = service.run({ planId: plan.planId }).finally(() => {
      settled = true;
    });
    const waiting = await queueReaches(queue, (s) => s.items.filter((i) => i.siteKey === siteKey).length === 3);
    return { service, opened, published, plan, running, waiting, settled: () => settled };
  }

  test('SyncService with the queue paused: the sync waits in the queue holding no session, then completes and verifies once resumed', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const pair = await pausedSyncPair(server, 'paused');
    const { base } = pair;
    await withQueue(server, async (queue) => {
      const { opened, plan, running, waiting, settled } = await syncWaitingOnPausedQueue(server, queue, 'paused-site', pair);
      assert.ok(waiting.paused);
      assert.deepEqual(waiting.items.filter((i) => i.siteKey === 'paused-site').map((i) => i.state), ['queued', 'queued', 'queued']);
      assert.equal(settled(), false, 'the sync waits for its transfers');
      assert.deepEqual(opened, [], 'no session is held open while the transfers wait');
      assert.equal(remoteFile(server, base, 'a.txt'), null);
      assert.equal(remoteFile(server, base, 'old.txt'), 'only on the server', 'no deletion before the transfers');

      queue.controls.resumeAll();
      const run = await running;
      assert.equal(run.cancelled, false);
      assert.deepEqual(run.summary, { done: 4, skipped: 0, failed: 0 });
      const files = plan.actions.filter((a) => a.kind === 'file' && a.operation !== 'delete').map((a) => a.id);
      assert.deepEqual(run.results.filter((r) => files.includes(r.actionId)).map((r) => r.verifiedBy), ['SHA-256', 'SHA-256']);
      assert.deepEqual(opened, [{ unfinishedTransfers: 0 }], 'one session, opened for the deletion once every transfer had ended');
    });
    assert.equal(remoteFile(server, base, 'a.txt'), 'content of A');
    assert.equal(remoteFile(server, base, 'sub/b.txt'), 'bee bee');
    assert.equal(remoteFile(server, base, 'old.txt'), null);
  });

  test('SyncService: cancelling a sync that waits on the paused queue transfers nothing and deletes nothing', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const pair = await pausedSyncPair(server, 'cancel');
    const { base } = pair;
    await withQueue(server, async (queue) => {
      const { service, opened, plan, running } = await syncWaitingOnPausedQueue(server, queue, 'cancel-site', pair);
      service.cancel(plan.planId);
      const run = await running;

      assert.equal(run.cancelled, true);
      assert.deepEqual(run.summary, { done: 0, skipped: 4, failed: 0 });
      assert.deepEqual(run.results.map((r) => r.note).sort(), ['Cancelled: not copied.', 'Cancelled: not copied.', 'Cancelled: not copied.', 'Cancelled: not deleted.']);
      const items = queue.getSnapshot().items.filter((i) => i.siteKey === 'cancel-site');
      assert.deepEqual(items.map((i) => [i.state, i.lastError?.kind]), [['failed', 'cancelled'], ['failed', 'cancelled'], ['failed', 'cancelled']], 'its queue items are cancelled');
      assert.deepEqual(opened, [], 'no session was opened: nothing was to be deleted any more');
      // Resuming the queue afterwards does not bring the cancelled transfers back.
      queue.controls.resumeAll();
      await queue.whenSettled();
      assert.ok(queue.getSnapshot().items.filter((i) => i.siteKey === 'cancel-site').every((i) => i.state === 'failed'));
      service.cancel(plan.planId);
    });
    assert.equal(remoteFile(server, base, 'a.txt'), null);
    assert.equal(existsSync(join(server.root, base, 'sub')), false);
    assert.equal(remoteFile(server, base, 'old.txt'), 'only on the server');
  });

  test('SyncService publishes a running sync: listed with its counts while it waits on the paused queue, gone once cancelled', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const pair = await pausedSyncPair(server, 'running');
    const { base } = pair;
    await withQueue(server, async (queue) => {
      const { service, published, plan, running } = await syncWaitingOnPausedQueue(server, queue, 'running-site', pair);
      const waiting: RunningSync = {
        planId: plan.planId,
        direction: 'up',
        localRoot: plan.localRoot,
        remoteRoot: plan.remoteRoot,
        siteLabel: 'proftpd',
        actionsDone: 0,
        actionsTotal: 4,
        cancelled: false,
        ended: false,
      };
      assert.deepEqual(service.runningSyncs(), [waiting], 'listed while its transfers wait in the paused queue');
      assert.deepEqual(published.all[0], waiting, 'its start was published, before anything moved');

      // One of its transfers cancelled by hand in the queue has ended: the count moves on, the sync still runs.
      const [first] = queue.getSnapshot().items.filter((i) => i.siteKey === 'running-site');
      queue.controls.cancel([first!.id]);
      await published.when((s) => s.actionsDone === 1);
      assert.deepEqual(service.runningSyncs(), [{ ...waiting, actionsDone: 1 }]);

      service.cancel(plan.planId);
      assert.deepEqual(service.runningSyncs().map((s) => s.cancelled), [true], 'listed as cancelled until its transfers have ended');
      await published.when((s) => s.cancelled && !s.ended);
      const run = await running;
      assert.equal(run.cancelled, true);
      assert.deepEqual(service.runningSyncs(), [], 'an ended sync is no longer listed');
      assert.deepEqual(published.all.at(-1), { ...waiting, actionsDone: 4, cancelled: true, ended: true }, 'its end was published last, every action ended');
      assert.equal(published.all.filter((s) => s.ended).length, 1, 'one end, no progress after it');
      assert.ok(published.all.every((s) => s.planId === plan.planId));
    });
    assert.equal(remoteFile(server, base, 'a.txt'), null, 'nothing was transferred');
    assert.equal(remoteFile(server, base, 'old.txt'), 'only on the server', 'nothing was deleted');
  });
});
