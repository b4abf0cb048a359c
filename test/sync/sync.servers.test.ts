/**
 * Folder compare and sync against real servers: timezone offsets on a LIST server (vsftpd), hashes on a
 * HASH server (proftpd), hostile names, and every direction with and without deletion, through the real
 * transfer queue (which verifies each file). Waits are on the queue's own events, never on time. The sync
 * service's tests are in sync-service.servers.test.ts, `wharf sync`'s in test/cli/sync.servers.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { SyncPlan } from '../../common/models/sync';
import { MemorySyncStateStore, syncPairKey } from '../../main/sync/sync-state';
import { planSync } from '../../main/sync/plan';
import { runSyncPlan } from '../../main/sync/run';
import { fleet, T, withSession, withQueue, writeLocal, writeRemote, remoteFile, localFile, freshPair, compare, paths } from './support';

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
