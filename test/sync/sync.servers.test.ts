/**
 * Folder compare and sync against real servers: timezone offsets on a LIST server (vsftpd), hashes on a
 * HASH server (proftpd), hostile names, and every direction with and without deletion, through the real
 * transfer queue (which verifies each file). Waits are on the queue's own events, never on time.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ConnectionTarget } from '../../common/models/site';
import type { RunningSync, SyncPlan } from '../../common/models/sync';
import type { QueueSnapshot } from '../../common/models/transfer';
import { FtpsSession } from '../../main/ftps/session';
import { runSyncCommand } from '../../main/cli/commands/sync';
import { compareFolders, type CompareFoldersOptions } from '../../main/sync/compare-folders';
import { MemorySyncStateStore, syncPairKey } from '../../main/sync/sync-state';
import { planSync } from '../../main/sync/plan';
import { runSyncPlan } from '../../main/sync/run';
import { SyncService } from '../../main/sync/service';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import type { SessionConnection } from '../../main/connections/session-connection';
import { targetFor } from '../ftps/support';
import { serverLog, useFleet, writeServerFile, type ServerInfo, type ServerName } from '../servers/fleet';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-sync-'));
after(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
/** A recent whole minute: `ls -l` shows a time of day (not only the date) for files of the last six months. */
const T = Math.floor((Date.now() - 24 * 3600_000) / 60_000) * 60_000;


function optionsFor(server: ServerInfo, overrides: Partial<ConnectionTarget> = {}) {
  return { target: targetFor(server, overrides), password: server.password, extraCaPem: [fleet.caCertPem], keepAliveIntervalMs: 0, timeoutMs: 10_000 };
}

async function withSession<T>(server: ServerInfo, use: (session: FtpsSession) => Promise<T>, overrides: Partial<ConnectionTarget> = {}): Promise<T> {
  const session = await FtpsSession.open(optionsFor(server, overrides));
  try {
    return await use(session);
  } finally {
    await session.close();
  }
}

async function withQueue<T>(server: ServerInfo, use: (queue: TransferQueue) => Promise<T>): Promise<T> {
  const queue = await TransferQueue.open({
    openSession: () => FtpsSession.open(optionsFor(server)),
    stateFile: null,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 50, maxDelayMs: 200, tooManyConnectionsDelayMs: 100 },
  });
  try {
    return await use(queue);
  } finally {
    await queue.stop();
  }
}

function writeLocal(root: string, rel: string, data: string, mtimeMs?: number): void {
  const full = join(root, rel);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, data);
  if (mtimeMs !== undefined) utimesSync(full, new Date(mtimeMs), new Date(mtimeMs));
}

function writeRemote(server: ServerInfo, base: string, rel: string, data: string, mtimeMs?: number): void {
  const full = writeServerFile(server, `${base}/${rel}`, data);
  if (mtimeMs !== undefined) utimesSync(full, new Date(mtimeMs), new Date(mtimeMs));
}

function remoteFile(server: ServerInfo, base: string, rel: string): string | null {
  const full = join(server.root, base, rel);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
}

function localFile(root: string, rel: string): string | null {
  const full = join(root, rel);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
}

/** A fresh local folder and a fresh (empty) remote folder. */
async function freshPair(server: ServerInfo, prefix: string): Promise<{ local: string; base: string; remoteRoot: string }> {
  const base = unique(prefix);
  const local = join(work, base);
  mkdirSync(local, { recursive: true });
  await withSession(server, (s) => s.mkdir(`/${base}`));
  return { local, base, remoteRoot: `/${base}` };
}

async function compare(server: ServerInfo, options: CompareFoldersOptions, overrides: Partial<ConnectionTarget> = {}) {
  return withSession(server, (s) => compareFolders(s, options), overrides);
}

function paths(plan: SyncPlan): string[] {
  return plan.actions.map((a) => `${a.operation} ${a.target} ${a.relativePath}${a.selected ? '' : ' (unticked)'}`);
}

describe('compare', () => {
  test('vsftpd lists local time: with the server two hours ahead, times line up only with the offset', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const { local, base, remoteRoot } = await freshPair(server, 'tz');
    // The file was written at T (UTC); a server on UTC+2 that lists local time shows T + 2 h.
    writeLocal(local, 'report.txt', 'quarterly', T + 30_000);
    writeRemote(server, base, 'report.txt', 'quarterly', T + 2 * 3600_000);

    const plain = await compare(server, { localRoot: local, remoteRoot });
    assert.equal(plain.settings.offsetApplies, true, 'vsftpd lists with LIST: the offset applies');
    const without = plain.entries.find((e) => e.name === 'report.txt');
    assert.equal(without?.status, 'different');
    assert.deepEqual(without?.reasons, ['modified-time']);
    assert.equal(without?.newer, 'remote');

    // The site's offset, applied by the session's listing:
    const site = await compare(server, { localRoot: local, remoteRoot, listingOffsetMinutes: 120 }, { timezoneOffsetMinutes: 120 });
    assert.equal(site.entries.find((e) => e.name === 'report.txt')?.status, 'same');
    assert.equal(site.settings.timezoneOffsetMinutes, 120);
    // Or tried in the compare without changing the site:
    const tried = await compare(server, { localRoot: local, remoteRoot, timezoneOffsetMinutes: 120 });
    assert.equal(tried.entries.find((e) => e.name === 'report.txt')?.status, 'same');
    assert.equal(tried.entries.find((e) => e.name === 'report.txt')?.remote?.modifiedAt, new Date(T).toISOString());
    // The wrong sign does not line up:
    const wrong = await compare(server, { localRoot: local, remoteRoot, timezoneOffsetMinutes: -120 });
    assert.equal(wrong.entries.find((e) => e.name === 'report.txt')?.status, 'different');
  });

  test('proftpd lists in UTC (MLSD) and offers HASH: equal content is the same whatever the times', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const { local, base, remoteRoot } = await freshPair(server, 'hash');
    writeLocal(local, 'same.txt', 'identical bytes', T);
    writeRemote(server, base, 'same.txt', 'identical bytes', T + 5 * 3600_000);
    writeLocal(local, 'edited.txt', 'version one', T);
    writeRemote(server, base, 'edited.txt', 'version two', T);
    const result = await compare(server, { localRoot: local, remoteRoot, timezoneOffsetMinutes: 60 });
    assert.equal(result.settings.offsetApplies, false, 'MLSD times are UTC: no offset');
    assert.equal(result.settings.hashAlgorithm, 'SHA-256');
    const same = result.entries.find((e) => e.name === 'same.txt');
    assert.equal(same?.status, 'same');
    assert.match(same?.explanation ?? '', /Same content \(SHA-256\).*newer on the server/);
    assert.equal(same?.local?.hash?.hex, same?.remote?.hash?.hex);
    const edited = result.entries.find((e) => e.name === 'edited.txt');
    assert.equal(edited?.status, 'different');
    assert.deepEqual(edited?.reasons, ['hash']);
    // Without hashes only size and time are compared.
    const noHash = await compare(server, { localRoot: local, remoteRoot, useHash: false });
    assert.equal(noHash.settings.hashAlgorithm, null);
    assert.equal(noHash.entries.find((e) => e.name === 'edited.txt')?.status, 'same', 'same size, same time: looks the same without a hash');
    assert.equal(noHash.entries.find((e) => e.name === 'same.txt')?.status, 'different');
  });

  test('hostile remote names are skipped and reported; one level only without recursion', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const { local, base, remoteRoot } = await freshPair(server, 'names');
    writeRemote(server, base, 'aux.txt', 'device');
    writeRemote(server, base, 'trailing.', 'dot');
    writeRemote(server, base, 'ok/inner.txt', 'fine');
    writeLocal(local, 'ok/inner.txt', 'fine');
    const result = await compare(server, { localRoot: local, remoteRoot });
    assert.deepEqual(result.skipped.map((s) => [s.side, s.path]).sort(), [['remote', 'aux.txt'], ['remote', 'trailing.']]);
    assert.ok(result.skipped.every((s) => /reserved Windows device name|ends with a dot/.test(s.reason)));
    assert.deepEqual(result.entries.map((e) => e.relativePath), ['ok', 'ok/inner.txt']);
    const plan = planSync(result, { direction: 'down', delete: true });
    assert.ok(!plan.actions.some((a) => /aux|trailing/.test(a.relativePath)));
    assert.equal(plan.skipped.length, 2);
    const flat = await compare(server, { localRoot: local, remoteRoot, recursive: false });
    assert.deepEqual(flat.entries.map((e) => e.relativePath), ['ok']);
  });
});

describe('sync', () => {
  test('up to proftpd without, then with deletion; each file verified by SHA-256', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const { local, base, remoteRoot } = await freshPair(server, 'up');
    writeLocal(local, 'a.txt', 'new content of A', T + 600_000);
    writeLocal(local, 'sub/b.txt', 'bee');
    mkdirSync(join(local, 'empty'));
    writeLocal(local, 'same.txt', 'same', T);
    writeRemote(server, base, 'a.txt', 'old A', T);
    writeRemote(server, base, 'old.txt', 'old');
    writeRemote(server, base, 'gone/x.txt', 'x');
    writeRemote(server, base, 'same.txt', 'same', T);

    const first = planSync(await compare(server, { localRoot: local, remoteRoot }), { direction: 'up' });
    assert.deepEqual(paths(first), ['overwrite remote a.txt', 'copy remote empty', 'copy remote sub', 'copy remote sub/b.txt']);
    const run = await withSession(server, (session) => withQueue(server, (queue) => runSyncPlan(first, { queue, siteKey: 'up', session })));
    assert.deepEqual(run.summary, { done: 4, skipped: 0, failed: 0 });
    assert.ok(run.results.filter((r) => r.transferId && first.actions.find((a) => a.id === r.actionId)?.kind === 'file').every((r) => r.verifiedBy === 'SHA-256'));
    assert.equal(remoteFile(server, base, 'a.txt'), 'new content of A');
    assert.equal(remoteFile(server, base, 'sub/b.txt'), 'bee');
    assert.ok(statSync(join(server.root, base, 'empty')).isDirectory());
    assert.equal(remoteFile(server, base, 'old.txt'), 'old', 'nothing is deleted unless deletion was chosen');

    const second = planSync(await compare(server, { localRoot: local, remoteRoot }), { direction: 'up', delete: true });
    assert.deepEqual(paths(second), ['delete remote gone', 'delete remote old.txt']);
    const deleted = await withSession(server, (session) => withQueue(server, (queue) => runSyncPlan(second, { queue, siteKey: 'up', session })));
    assert.deepEqual(deleted.summary, { done: 2, skipped: 0, failed: 0 });
    assert.equal(remoteFile(server, base, 'old.txt'), null);
    assert.ok(!existsSync(join(server.root, base, 'gone')));
    const after = await compare(server, { localRoot: local, remoteRoot });
    assert.deepEqual(after.summary, { same: after.entries.length, different: 0, onlyLocal: 0, onlyRemote: 0 });
  });

  test('down from vsftpd without, then with deletion; verified by size where the server has no hash', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const { local, base, remoteRoot } = await freshPair(server, 'down');
    writeRemote(server, base, 'r.txt', 'from the server');
    writeRemote(server, base, 'd/e.txt', 'eee');
    writeLocal(local, 'r.txt', 'stale', T - 3600_000);
    writeLocal(local, 'l.txt', 'only here');

    const first = planSync(await compare(server, { localRoot: local, remoteRoot }), { direction: 'down' });
    assert.deepEqual(paths(first), ['copy local d', 'copy local d/e.txt', 'overwrite local r.txt']);
    assert.ok(first.notes.some((n) => /only here and kept/.test(n)));
    const run = await withSession(server, (session) => withQueue(server, (queue) => runSyncPlan(first, { queue, siteKey: 'down', session })));
    assert.deepEqual(run.summary, { done: 3, skipped: 0, failed: 0 });
    assert.equal(run.results.find((r) => r.actionId === first.actions.find((a) => a.relativePath === 'r.txt')?.id)?.verifiedBy, 'size');
    assert.equal(localFile(local, 'r.txt'), 'from the server');
    assert.equal(localFile(local, 'd/e.txt'), 'eee');
    assert.equal(localFile(local, 'l.txt'), 'only here');

    const second = planSync(await compare(server, { localRoot: local, remoteRoot }), { direction: 'down', delete: true });
    assert.deepEqual(paths(second), ['delete local l.txt']);
    await withSession(server, (session) => withQueue(server, (queue) => runSyncPlan(second, { queue, siteKey: 'down', session })));
    assert.equal(localFile(local, 'l.txt'), null);
    const after = await compare(server, { localRoot: local, remoteRoot });
    assert.deepEqual(after.summary, { same: 3, different: 0, onlyLocal: 0, onlyRemote: 0 }, 'downloads carry the server time over');
  });

  test('mirror on proftpd: both ways; then deletions on either side follow only with deletion chosen', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const { local, base, remoteRoot } = await freshPair(server, 'mirror');
    const state = new MemorySyncStateStore();
    const pairKey = syncPairKey('test', remoteRoot, local);
    writeLocal(local, 'L1.txt', 'made here');
    writeRemote(server, base, 'R1.txt', 'made there');
    writeLocal(local, 'both.txt', 'second version, edited here', T + 3600_000);
    writeRemote(server, base, 'both.txt', 'first version', T);

    const sync = async (del: boolean) => {
      const plan = planSync(await compare(server, { localRoot: local, remoteRoot }), { direction: 'mirror', delete: del, baseline: await state.load(pairKey) });
      return plan;
    };
    const run = (plan: SyncPlan) =>
      withSession(server, (session) => withQueue(server, (queue) => runSyncPlan(plan, { queue, siteKey: 'mirror', session, state: { store: state, pairKey } })));

    const first = await sync(true);
    assert.deepEqual(paths(first), ['copy remote L1.txt', 'copy local R1.txt', 'overwrite remote both.txt']);
    assert.ok(first.notes.some((n) => /no record of an earlier sync/.test(n)));
    assert.equal((await run(first)).summary.failed, 0);
    assert.equal(remoteFile(server, base, 'both.txt'), 'second version, edited here');
    assert.equal(localFile(local, 'R1.txt'), 'made there');
    assert.equal(remoteFile(server, base, 'L1.txt'), 'made here');
    assert.deepEqual([...((await state.load(pairKey)) ?? [])].sort(), ['L1.txt', 'R1.txt', 'both.txt']);

    // R1 is deleted here, L1 on the server.
    unlinkSync(join(local, 'R1.txt'));
    unlinkSync(join(server.root, base, 'L1.txt'));
    const keep = await sync(false);
    assert.deepEqual(paths(keep), ['copy remote L1.txt', 'copy local R1.txt'], 'without deletion, what is gone on one side is copied back');
    const del = await sync(true);
    assert.deepEqual(paths(del), ['delete local L1.txt', 'delete remote R1.txt']);
    assert.deepEqual((await run(del)).summary, { done: 2, skipped: 0, failed: 0 });
    assert.equal(localFile(local, 'L1.txt'), null);
    assert.equal(remoteFile(server, base, 'R1.txt'), null);
    assert.deepEqual([...((await state.load(pairKey)) ?? [])], ['both.txt']);
  });

  test('a dry run changes nothing; a file changed since the preview is not deleted; only ticked actions run', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const { local, base, remoteRoot } = await freshPair(server, 'safe');
    writeLocal(local, 'keep.txt', 'here');
    writeRemote(server, base, 'extra.txt', 'extra');
    writeRemote(server, base, 'moving.txt', 'v1');
    const plan = planSync(await compare(server, { localRoot: local, remoteRoot }), { direction: 'up', delete: true });
    assert.deepEqual(paths(plan), ['delete remote extra.txt', 'copy remote keep.txt', 'delete remote moving.txt']);

    const dry = await withSession(server, (session) => withQueue(server, (queue) => runSyncPlan(plan, { queue, siteKey: 'safe', session, dryRun: true })));
    assert.equal(dry.dryRun, true);
    assert.deepEqual(dry.summary, { done: 0, skipped: 3, failed: 0 });
    assert.equal(remoteFile(server, base, 'extra.txt'), 'extra');
    assert.equal(remoteFile(server, base, 'keep.txt'), null);

    writeRemote(server, base, 'moving.txt', 'v2 is longer');
    const ticked = plan.actions.filter((a) => a.operation === 'delete').map((a) => a.id);
    const run = await withSession(server, (session) => withQueue(server, (queue) => runSyncPlan(plan, { queue, siteKey: 'safe', session, actionIds: ticked })));
    assert.deepEqual(run.summary, { done: 1, skipped: 1, failed: 0 });
    assert.match(run.results.find((r) => r.status === 'skipped')?.note ?? '', /Changed on the server since the preview/);
    assert.equal(remoteFile(server, base, 'extra.txt'), null);
    assert.equal(remoteFile(server, base, 'moving.txt'), 'v2 is longer');
    assert.equal(remoteFile(server, base, 'keep.txt'), null, 'the copy was not ticked');

    const noDelete = planSync(await compare(server, { localRoot: local, remoteRoot }), { direction: 'up' });
    await assert.rejects(
      withSession(server, (session) => withQueue(server, (queue) => runSyncPlan({ ...noDelete, actions: [...noDelete.actions, { ...plan.actions[0]!, id: 'forged' }] }, { queue, siteKey: 'safe', session, actionIds: ['forged'] }))),
      /made without deletion/,
    );
  });
});

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

describe('the sync service and the command line', () => {
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

  test('wharf sync: --dry-run prints the plan; then a real run with --delete makes the server match', async () => {
    const server = fleet.servers['vsftpd-explicit'] satisfies ServerInfo;
    const { local, base } = await freshPair(server, 'cli');
    writeLocal(local, 'x.txt', 'x');
    writeRemote(server, base, 'y.txt', 'y');
    const caFile = join(work, 'ca.pem');
    writeFileSync(caFile, fleet.caCertPem);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, 'data') }, interactive: false, ask: async () => '' };
    const url = `ftpes://${server.user}@${server.host}:${server.port}/${base}`;
    const name = 'vsftpd-explicit' satisfies ServerName;

    assert.equal(await runSyncCommand([local, url, '--direction', 'up', '--delete', '--dry-run', '--ca', caFile], io), 0, err.join('\n'));
    const text = out.join('\n');
    assert.match(text, /\[x\] copy\s+-> server x\.txt \(1 B\)/);
    assert.match(text, /\[x\] delete\s+on server y\.txt/);
    assert.match(text, /Dry run: nothing was changed/);
    assert.equal(remoteFile(server, base, 'y.txt'), 'y', `${name}: unchanged`);

    out.length = 0;
    assert.equal(await runSyncCommand([local, url, '--direction', 'up', '--delete', '--ca', caFile, '--json'], io), 0, err.join('\n'));
    const parsed = JSON.parse(out.join('\n')) as { run: { summary: { done: number } } };
    assert.equal(parsed.run.summary.done, 2);
    assert.equal(remoteFile(server, base, 'x.txt'), 'x');
    assert.equal(remoteFile(server, base, 'y.txt'), null);

    assert.equal(await runSyncCommand([local, url, '--direction', 'sideways'], io), 2);
    assert.match(err.at(-1) ?? '', /--direction takes up, down or mirror/);
  });

  test('wharf sync: uploads go via NAME.wharf-part, or straight to the final names with --in-place', async () => {
    const server = fleet.servers['vsftpd-explicit'] satisfies ServerInfo;
    const { local, base } = await freshPair(server, 'cli-temp');
    writeLocal(local, 'via-temporary.txt', 'renamed into place');
    const caFile = join(work, 'ca.pem');
    writeFileSync(caFile, fleet.caCertPem);
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => err.push(t), env: { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, 'data') }, interactive: false, ask: async () => '' };
    const url = `ftpes://${server.user}@${server.host}:${server.port}/${base}`;

    let logBefore = serverLog(server).length;
    assert.equal(await runSyncCommand([local, url, '--direction', 'up', '--ca', caFile, '-q'], io), 0, err.join('\n'));
    let log = serverLog(server).slice(logBefore);
    assert.match(log, new RegExp(`STOR /${base}/via-temporary\\.txt\\.wharf-part`));
    assert.match(log, new RegExp(`RNTO /${base}/via-temporary\\.txt`));
    assert.equal(remoteFile(server, base, 'via-temporary.txt'), 'renamed into place');

    writeLocal(local, 'in-place.txt', 'written where it belongs');
    logBefore = serverLog(server).length;
    assert.equal(await runSyncCommand([local, url, '--direction', 'up', '--ca', caFile, '-q', '--in-place'], io), 0, err.join('\n'));
    log = serverLog(server).slice(logBefore);
    assert.match(log, new RegExp(`STOR /${base}/in-place\\.txt`));
    assert.doesNotMatch(log, /wharf-part|RNFR|RNTO/);
    assert.equal(remoteFile(server, base, 'in-place.txt'), 'written where it belongs');
  });
});
