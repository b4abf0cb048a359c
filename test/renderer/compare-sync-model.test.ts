import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompareEntry, CompareResult, RunningSync, SyncAction, SyncPlan } from '../../common/models/sync';
import type { QueueSnapshot, TransferItem } from '../../common/models/transfer';
import { compareCounts, followPath, markFor, paneMarks, paneRows, resultApplies } from '../../renderer/state/compare-model';
import { applyListing, initialPane, type PaneEntry } from '../../renderer/state/pane-model';
import {
  applySyncProgress,
  canRun,
  changeSettings,
  checkedSummary,
  initialRunningSyncs,
  newSyncDialog,
  receivePlan,
  receiveRunningSyncs,
  runActionIds,
  runningSyncText,
  syncWaitingOnPausedQueue,
  toggleAction,
  toggleAll,
  unfinishedSyncTransfers,
} from '../../renderer/state/sync-model';

function entry(name: string, status: CompareEntry['status'], extra: Partial<CompareEntry> = {}): CompareEntry {
  const file = { type: 'file' as const, size: 10, modifiedAt: null, hash: null };
  return {
    relativePath: name, name, status, reasons: status === 'different' ? ['size'] : [], newer: null, explanation: `${name} ${status}`,
    local: status === 'only-remote' ? null : file, remote: status === 'only-local' ? null : file, ...extra,
  };
}

function result(entries: CompareEntry[], localRoot = '/home/ann/site', remoteRoot = '/www'): CompareResult {
  return {
    localRoot, remoteRoot, entries, skipped: [], comparedAt: '2024-05-01T00:00:00.000Z',
    settings: { recursive: false, timezoneOffsetMinutes: 0, offsetApplies: false, toleranceSeconds: 1, hashAlgorithm: 'SHA-256' },
    summary: { same: 0, different: 0, onlyLocal: 0, onlyRemote: 0 },
  };
}

function paneEntry(name: string, type: PaneEntry['type'] = 'file'): PaneEntry {
  return { name, type, size: 10, modifiedAt: null, permissions: null, owner: null, group: null, linkTarget: null } as PaneEntry;
}

const compared = result([
  entry('same.txt', 'same'),
  entry('changed.txt', 'different', { newer: 'remote' }),
  entry('mine.txt', 'only-local'),
  entry('theirs.txt', 'only-remote'),
  entry('docs', 'same', { local: { type: 'directory', size: null, modifiedAt: null, hash: null }, remote: { type: 'directory', size: null, modifiedAt: null, hash: null } }),
  entry('docs/deep.txt', 'only-local'),
]);

describe('compare marks', () => {
  it('marks each pane’s rows from its side, the newer copy on its own side', () => {
    const local = paneMarks(compared, 'local', '/home/ann/site', '/www', '/');
    const remote = paneMarks(compared, 'remote', '/home/ann/site/', '/www', '/');
    assert.ok(local && remote);
    assert.deepEqual([...local.entries()].map(([n, m]) => [n, m.kind, m.newer]), [
      ['same.txt', 'same', false],
      ['changed.txt', 'different', false],
      ['mine.txt', 'only-local', false],
      ['docs', 'folder', false],
    ]);
    assert.equal(remote.get('changed.txt')?.newer, true);
    assert.equal(remote.get('theirs.txt')?.kind, 'only-remote');
    assert.equal(remote.has('mine.txt'), false);
    assert.equal(paneMarks(compared, 'local', '/home/ann/site', '/www', '/'), local, 'the same result gives the same map');
  });

  it('applies only while both panes still show the compared folders', () => {
    assert.equal(paneMarks(compared, 'local', '/home/ann/other', '/www', '/'), null);
    assert.equal(resultApplies(compared, '/home/ann/site', '/www/', '/'), true);
    assert.equal(resultApplies(result([], 'C:\\Users\\ann'), 'C:\\Users\\ann\\', '/www', '\\'), true);
    assert.equal(resultApplies(null, '/a', '/b', '/'), false);
  });

  it('matches names in NFC, as the engine does', () => {
    const nfc = result([entry('caf\u00e9.txt', 'different')]);
    const marks = paneMarks(nfc, 'local', '/home/ann/site', '/www', '/');
    assert.equal(markFor(marks, { name: 'cafe\u0301.txt' })?.kind, 'different');
  });

  it('"only differences" hides identical files, keeps folders and what was not compared', () => {
    let pane = initialPane('local');
    pane = applyListing(pane, { path: '/home/ann/site', parent: '/home/ann', entries: ['same.txt', 'changed.txt', 'mine.txt', 'new-since.txt'].map((n) => paneEntry(n)).concat([paneEntry('docs', 'directory')]) });
    const marks = paneMarks(compared, 'local', pane.path, '/www', '/');
    assert.deepEqual(paneRows(pane, marks, true).map((e) => e.name), ['docs', 'changed.txt', 'mine.txt', 'new-since.txt']);
    assert.equal(paneRows(pane, marks, false).length, 5);
    assert.equal(paneRows(pane, null, true).length, 5, 'without a compare for these folders nothing is hidden');
  });

  it('counts the entries of the compared folders only', () => {
    assert.deepEqual(compareCounts(compared), { same: 1, different: 1, onlyLocal: 1, onlyRemote: 1, folders: 1 });
  });
});

describe('synchronised browsing', () => {
  const roots = { local: '/home/ann/site', remote: '/www' };
  const seps = { local: '/', remote: '/' };

  it('enters the same relative folder on the other side', () => {
    assert.deepEqual(followPath(roots, 'local', '/home/ann/site/docs/api', seps), { kind: 'go', path: '/www/docs/api', relative: 'docs/api', roots });
    assert.deepEqual(followPath(roots, 'remote', '/www/docs', seps), { kind: 'go', path: '/home/ann/site/docs', relative: 'docs', roots });
    assert.deepEqual(followPath(roots, 'remote', '/www', seps), { kind: 'go', path: '/home/ann/site', relative: '', roots });
  });

  it('goes up on both sides above where it started, while the other side has folders above', () => {
    assert.deepEqual(followPath(roots, 'local', '/home/ann', seps), { kind: 'go', path: '/', relative: '', roots: { local: '/home/ann', remote: '/' } });
    assert.equal(followPath(roots, 'local', '/home', seps).kind, 'outside');
  });

  it('does not follow a jump elsewhere', () => {
    const move = followPath(roots, 'local', '/tmp/x', seps);
    assert.equal(move.kind, 'outside');
    assert.match(move.kind === 'outside' ? move.reason : '', /not inside \/home\/ann\/site/);
  });

  it('maps Windows paths (case-insensitive) to server paths and back', () => {
    const win = { local: 'C:\\Users\\Ann\\Site', remote: '/www' };
    const ws = { local: '\\', remote: '/' };
    assert.deepEqual(followPath(win, 'local', 'c:\\users\\ann\\site\\Docs', ws), { kind: 'go', path: '/www/Docs', relative: 'Docs', roots: win });
    assert.deepEqual(followPath(win, 'remote', '/www/a/b', ws), { kind: 'go', path: 'C:\\Users\\Ann\\Site\\a\\b', relative: 'a/b', roots: win });
    assert.deepEqual(followPath({ local: 'C:\\', remote: '/' }, 'remote', '/x', ws), { kind: 'go', path: 'C:\\x', relative: 'x', roots: { local: 'C:\\', remote: '/' } });
  });
});

function action(id: string, operation: SyncAction['operation'], extra: Partial<SyncAction> = {}): SyncAction {
  return {
    id, operation, target: 'remote', kind: 'file', relativePath: id, localPath: `/l/${id}`, remotePath: `/r/${id}`, size: 100, reason: 'why', selected: true, warning: null, ...extra,
  };
}

function plan(actions: SyncAction[], deleteEnabled: boolean, planId = 'p1'): SyncPlan {
  return {
    planId, direction: 'up', deleteEnabled, localRoot: '/l', remoteRoot: '/r', actions, conflicts: [], skipped: [], notes: [],
    summary: { copy: 0, overwrite: 0, delete: 0, bytesUp: 0, bytesDown: 0 }, compare: result([]), createdAt: '2024-05-01T00:00:00.000Z',
  };
}

describe('the sync preview', () => {
  const base = newSyncDialog('s1', '/l', '/r');

  it('starts as an upload with deletion off', () => {
    assert.equal(base.direction, 'up');
    assert.equal(base.deleteEnabled, false);
    assert.equal(canRun(base), false);
  });

  it('ticks what the plan suggests, counts and sizes what is ticked, and runs exactly those ids', () => {
    let d = receivePlan(base, plan([action('a', 'copy'), action('b', 'overwrite', { selected: false, warning: 'newer there', size: 50 }), action('c', 'copy', { target: 'local', size: 7 })], false));
    assert.deepEqual([...d.checked], ['a', 'c']);
    assert.deepEqual(checkedSummary(d.plan!, d.checked), { copy: 2, overwrite: 0, delete: 0, bytesUp: 100, bytesDown: 7, total: 2 });
    d = toggleAction(d, 'b');
    d = toggleAction(d, 'a', false);
    assert.deepEqual(runActionIds(d.plan!, d.checked), ['b', 'c']);
    assert.equal(canRun(d), true);
    assert.equal(canRun(toggleAll(d, false)), false);
  });

  it('never sends a delete unless the plan was made with deletion chosen', () => {
    // A (hostile or stale) plan without deletion that still lists a delete: it can be neither ticked nor sent.
    let d = receivePlan(base, plan([action('a', 'copy'), action('x', 'delete')], false));
    assert.deepEqual([...d.checked], ['a']);
    d = toggleAction(d, 'x', true);
    d = toggleAll(d, true);
    assert.deepEqual(runActionIds(d.plan!, new Set(['a', 'x'])), ['a']);
    assert.equal(d.checked.has('x'), false);
  });

  it('deletes only the ticked deletions of a plan made with deletion', () => {
    let d = receivePlan({ ...base, deleteEnabled: true }, plan([action('a', 'copy'), action('x', 'delete'), action('y', 'delete')], true));
    d = toggleAction(d, 'y', false);
    assert.deepEqual(runActionIds(d.plan!, d.checked), ['a', 'x']);
    assert.equal(checkedSummary(d.plan!, d.checked).delete, 1);
    d = toggleAll(d, false, 'delete');
    assert.deepEqual(runActionIds(d.plan!, d.checked), ['a']);
  });

  it('keeps the user’s choices across a refreshed preview, by action id', () => {
    let d = receivePlan(base, plan([action('a', 'copy'), action('b', 'copy')], false));
    d = toggleAction(d, 'a', false);
    d = receivePlan(d, plan([action('a', 'copy'), action('b', 'copy'), action('n', 'copy')], false, 'p2'));
    assert.deepEqual([...d.checked].sort(), ['b', 'n']);
  });

  it('needs a new preview after the settings change', () => {
    let d = receivePlan(base, plan([action('a', 'copy')], false));
    d = changeSettings(d, { deleteEnabled: true });
    assert.equal(d.stale, true);
    assert.equal(canRun(d), false);
    assert.equal(toggleAction(d, 'a', false), d, 'a stale preview is read-only');
    assert.equal(changeSettings(base, { direction: 'down' }).stale, false, 'no preview yet: nothing stale');
  });

  it('"compare file sizes only" starts off and, once ticked, makes a preview stale', () => {
    assert.equal(base.sizeOnly, false);
    const d = changeSettings(receivePlan(base, plan([action('a', 'copy')], false)), { sizeOnly: true });
    assert.equal(d.sizeOnly, true);
    assert.equal(d.stale, true);
  });
});

describe('a running sync and the queue', () => {
  function item(id: string, state: TransferItem['state'], localPath: string, remotePath: string, direction: TransferItem['direction'] = 'upload'): TransferItem {
    return {
      id, kind: 'file', direction, localPath, remotePath, siteKey: 's', size: 100, modifiedAt: null, overwrite: 'skip', state, bytesDone: 0, bytesTotal: 100, speed: 0,
      etaSeconds: null, attempts: 0, lastError: null, nextAttemptAt: null, resumedFrom: 0, verifiedBy: null, skipReason: null, temporaryRemotePath: null, localRoot: null, temporaryLocalPath: null,
    };
  }
  function queue(paused: boolean, items: TransferItem[]): QueueSnapshot {
    return { revision: 1, paused, items, progress: { total: items.length, queued: 0, running: 0, paused: 0, done: 0, failed: 0, skipped: 0, bytesDone: 0, bytesTotal: 0, speed: 0, etaSeconds: null } };
  }
  const d = receivePlan(newSyncDialog('s1', '/l', '/r'), plan([action('a', 'copy'), action('b', 'copy', { selected: false }), action('x', 'delete')], true));
  const running = { ...d, phase: 'running' as const };

  it('finds its unfinished transfers by direction and both paths: not unticked ones, ended ones or others', () => {
    const snapshot = queue(true, [
      item('q1', 'queued', '/l/a', '/r/a'),
      item('q2', 'queued', '/l/b', '/r/b'),
      item('q3', 'done', '/l/a', '/r/a'),
      item('q4', 'paused', '/l/a', '/r/a', 'download'),
      item('q5', 'queued', '/l/other', '/r/other'),
    ]);
    assert.deepEqual(unfinishedSyncTransfers(running, snapshot), ['q1']);
    assert.deepEqual(unfinishedSyncTransfers(d, snapshot), [], 'only while it runs');
  });

  it('waits on the paused queue only while the queue is paused and its transfers have not ended', () => {
    assert.deepEqual(syncWaitingOnPausedQueue(running, queue(true, [item('q1', 'queued', '/l/a', '/r/a')])), { transfers: 1 });
    assert.equal(syncWaitingOnPausedQueue(running, queue(false, [item('q1', 'queued', '/l/a', '/r/a')])), null, 'a running queue: not waiting on a pause');
    assert.equal(syncWaitingOnPausedQueue(running, queue(true, [item('q1', 'done', '/l/a', '/r/a')])), null, 'its transfers ended: the deletions do not wait on the queue');
    assert.equal(syncWaitingOnPausedQueue(running, null), null);
  });
});

describe('the syncs main runs, mirrored for the running-sync line', () => {
  const sync = (planId: string, fields: Partial<RunningSync> = {}): RunningSync => ({
    planId,
    direction: 'up',
    localRoot: '/home/me/site',
    remoteRoot: '/www',
    siteLabel: 'example',
    actionsDone: 0,
    actionsTotal: 10,
    cancelled: false,
    ended: false,
    ...fields,
  });
  const ids = (state: typeof initialRunningSyncs) => state.syncs.map((s) => `${s.planId} ${s.actionsDone}/${s.actionsTotal}${s.cancelled ? ' cancelled' : ''}`);

  it('adds a started sync, replaces it in place as it moves on, and drops it when it ends', () => {
    let state = applySyncProgress(initialRunningSyncs, sync('p1'));
    state = applySyncProgress(state, sync('p2'));
    state = applySyncProgress(state, sync('p1', { actionsDone: 3 }));
    assert.deepEqual(ids(state), ['p1 3/10', 'p2 0/10']);
    state = applySyncProgress(state, sync('p1', { actionsDone: 4, cancelled: true }));
    assert.deepEqual(ids(state), ['p1 4/10 cancelled', 'p2 0/10']);
    state = applySyncProgress(state, sync('p1', { actionsDone: 10, cancelled: true, ended: true }));
    assert.deepEqual(ids(state), ['p2 0/10']);
    // A late progress event of an ended sync does not bring it back.
    assert.deepEqual(ids(applySyncProgress(state, sync('p1', { actionsDone: 9 }))), ['p2 0/10']);
  });

  it("takes main's list after a reload, but not a sync already seen ending, and keeps one that started since", () => {
    let state = applySyncProgress(initialRunningSyncs, sync('p1', { ended: true }));
    state = applySyncProgress(state, sync('p3'));
    state = receiveRunningSyncs(state, [sync('p1', { actionsDone: 2 }), sync('p2', { actionsDone: 5 })]);
    assert.deepEqual(ids(state), ['p2 5/10', 'p3 0/10']);
  });

  it('says what runs, which way, where, and how far', () => {
    assert.equal(runningSyncText(sync('p1', { actionsDone: 3 })), 'Syncing /home/me/site → example:/www — 3 of 10 done');
    assert.equal(runningSyncText(sync('p1', { direction: 'down' })), 'Syncing /home/me/site ← example:/www — 0 of 10 done');
    assert.equal(runningSyncText(sync('p1', { direction: 'mirror', cancelled: true, actionsDone: 4 })), 'Cancelling sync /home/me/site ↔ example:/www — 4 of 10 done');
  });
});
