/**
 * The pure halves of folder compare and sync: compareTrees on tables of entries (time precision, timezone
 * shifts, hashes, types, folders) and planSync on compare results (each direction, with and without
 * deletion, mirror records, conflicts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompareEntry, SyncAction, SyncDirection } from '../../common/models/sync';
import { compareTimes, compareTrees, type TreeEntry } from '../../main/sync/compare';
import { actionId, planSync } from '../../main/sync/plan';
import { runSyncPlan } from '../../main/sync/run';
import { compareOf, dir, file, sha, T } from './tree-fixtures';


function one(local: TreeEntry[], remote: TreeEntry[], rules = {}): CompareEntry {
  const entries = compareTrees(local, remote, rules);
  assert.equal(entries.length, 1);
  return entries[0] as CompareEntry;
}

describe('compareTimes: a listing time covers its whole minute or day', () => {
  const cases: [string, number, number, 'exact' | 'second' | 'minute' | 'day', string][] = [
    ['same second', T + 400, T, 'second', 'equal'],
    ['2 s apart, second precision', T + 2500, T, 'second', 'local-newer'],
    ['inside the listed minute', T + 59_000, T, 'minute', 'equal'],
    ['the next minute', T + 61_500, T, 'minute', 'local-newer'],
    ['a minute earlier than listed', T - 60_000, T, 'minute', 'remote-newer'],
    ['same day, day precision', T + 5 * 3600_000, Date.UTC(2025, 4, 10), 'day', 'equal'],
    ['the next day, day precision', Date.UTC(2025, 4, 11, 0, 0, 2), Date.UTC(2025, 4, 10), 'day', 'local-newer'],
  ];
  for (const [name, local, remote, precision, expected] of cases) {
    test(name, () => assert.equal(compareTimes(local, remote, precision, 1000), expected));
  }
});

describe('compareTrees', () => {
  test('same size and time: same', () => {
    assert.equal(one([file('a', 5, T + 20_000)], [file('a', 5, T, { precision: 'minute' })]).status, 'same');
  });

  test('sizes differ: different, with the sizes in words', () => {
    const e = one([file('a', 5, T)], [file('a', 7, T)]);
    assert.equal(e.status, 'different');
    assert.deepEqual(e.reasons, ['size']);
    assert.match(e.explanation, /5 B here, 7 B on the server/);
  });

  test('a server two hours ahead: times line up only with the offset', () => {
    const local = [file('a', 5, T)];
    const remote = [file('a', 5, T + 2 * 3600_000, { precision: 'minute' })];
    const without = one(local, remote);
    assert.equal(without.status, 'different');
    assert.deepEqual(without.reasons, ['modified-time']);
    assert.equal(without.newer, 'remote');
    const withOffset = one(local, remote, { remoteShiftMinutes: -120 });
    assert.equal(withOffset.status, 'same');
    assert.equal(withOffset.remote?.modifiedAt, new Date(T).toISOString(), 'the remote time is shown corrected');
    assert.equal(one(local, remote, { remoteShiftMinutes: 120 }).newer, 'remote', 'the wrong sign makes it worse');
  });

  test('equal hashes win over different times; different hashes make equal sizes different', () => {
    const same = one([file('a', 5, T, { hash: sha('AB12') })], [file('a', 5, T + 9e6, { hash: sha('ab12') })]);
    assert.equal(same.status, 'same');
    assert.match(same.explanation, /Same content \(SHA-256\)/);
    const differ = one([file('a', 5, T, { hash: sha('ab12') })], [file('a', 5, T, { hash: sha('cd34') })]);
    assert.deepEqual(differ.reasons, ['hash']);
  });

  test('a file here and a folder there: different by type', () => {
    assert.deepEqual(one([file('x', 1, T)], [dir('x')]).reasons, ['type']);
  });

  test('one-sided entries, and a folder on both sides whose contents differ', () => {
    const entries = compareTrees([dir('d'), file('d/a', 1, T), file('d/b', 2, T)], [dir('d'), file('d/a', 1, T), file('d/c', 3, T)]);
    const byPath = Object.fromEntries(entries.map((e) => [e.relativePath, e]));
    assert.deepEqual(entries.map((e) => e.relativePath), ['d', 'd/a', 'd/b', 'd/c'], 'parents first, sorted');
    assert.equal(byPath['d']?.status, 'different');
    assert.deepEqual(byPath['d']?.reasons, ['contents']);
    assert.equal(byPath['d/a']?.status, 'same');
    assert.equal(byPath['d/b']?.status, 'only-local');
    assert.equal(byPath['d/c']?.status, 'only-remote');
  });

  test('names match across Unicode normalisation (NFD here, NFC on the server)', () => {
    const e = one([file('cafe\u0301.txt', 3, T)], [file('caf\u00e9.txt', 3, T)]);
    assert.equal(e.status, 'same');
  });
});

// ---------------------------------------------------------------------------------------------------------

/** A typical pair: new files on both sides, a changed file newer here, one newer on the server, a folder only on the server. */
const pair = compareOf(
  compareTrees(
    [file('same', 1, T), file('new-here', 10, T), file('changed-here', 20, T + 600_000), file('changed-there', 30, T), dir('only-here-dir'), file('only-here-dir/x', 4, T)],
    [file('same', 1, T), file('new-there', 11, T), file('changed-here', 21, T), file('changed-there', 31, T + 600_000), dir('old'), file('old/y', 5, T), file('old/z', 6, T)],
  ),
);

function summary(actions: readonly SyncAction[]): string[] {
  return actions.map((a) => `${a.operation} ${a.target} ${a.relativePath}${a.selected ? '' : ' (unticked)'}`);
}

describe('planSync', () => {
  test('up without deletion: copies and overwrites to the server, keeps what is only there', () => {
    const plan = planSync(pair, { direction: 'up' });
    assert.deepEqual(summary(plan.actions), [
      'overwrite remote changed-here',
      'overwrite remote changed-there (unticked)',
      'copy remote new-here',
      'copy remote only-here-dir',
      'copy remote only-here-dir/x',
    ]);
    assert.equal(plan.actions.find((a) => a.relativePath === 'changed-there')?.warning, 'The copy on the server is newer: overwriting it loses its changes.');
    assert.ok(plan.notes.some((n) => /4 entries are only on the server and kept: deletion was not chosen/.test(n)));
    assert.equal(plan.summary.delete, 0);
    assert.equal(plan.summary.bytesUp, 20 + 30 + 10 + 4);
    assert.deepEqual(plan.skipped, pair.skipped, 'hostile names are listed as skipped');
    const copy = plan.actions.find((a) => a.relativePath === 'only-here-dir/x');
    assert.equal(copy?.localPath, '/l/only-here-dir/x');
    assert.equal(copy?.remotePath, '/r/only-here-dir/x');
  });

  test('up with deletion: a folder only on the server is one delete action', () => {
    const plan = planSync(pair, { direction: 'up', delete: true });
    assert.deepEqual(summary(plan.actions.filter((a) => a.operation === 'delete')), ['delete remote new-there', 'delete remote old']);
    assert.equal(plan.actions.find((a) => a.relativePath === 'old')?.kind, 'directory');
    assert.ok(!plan.actions.some((a) => a.relativePath.startsWith('old/')), 'its contents go with it');
  });

  test('down without and with deletion', () => {
    const keep = planSync(pair, { direction: 'down' });
    assert.deepEqual(summary(keep.actions), [
      'overwrite local changed-here (unticked)',
      'overwrite local changed-there',
      'copy local new-there',
      'copy local old',
      'copy local old/y',
      'copy local old/z',
    ]);
    assert.ok(keep.notes.some((n) => /only here and kept/.test(n)));
    const del = planSync(pair, { direction: 'down', delete: true });
    assert.deepEqual(summary(del.actions.filter((a) => a.operation === 'delete')), ['delete local new-here', 'delete local only-here-dir']);
  });

  test('mirror: both ways, the newer copy wins; without a record nothing is deleted', () => {
    const plan = planSync(pair, { direction: 'mirror', delete: true, baseline: null });
    assert.deepEqual(summary(plan.actions), [
      'overwrite remote changed-here',
      'overwrite local changed-there',
      'copy remote new-here',
      'copy local new-there',
      'copy local old',
      'copy local old/y',
      'copy local old/z',
      'copy remote only-here-dir',
      'copy remote only-here-dir/x',
    ]);
    assert.ok(plan.notes.some((n) => /no record of an earlier sync/.test(n)));
  });

  test('mirror with a record: what was deleted on one side since is deleted on the other; what is new is copied', () => {
    const baseline = new Set(['same', 'changed-here', 'changed-there', 'new-here', 'old', 'old/y', 'old/z']);
    const plan = planSync(pair, { direction: 'mirror', delete: true, baseline });
    const deletions = summary(plan.actions.filter((a) => a.operation === 'delete'));
    assert.deepEqual(deletions, ['delete local new-here', 'delete remote old']);
    assert.ok(plan.actions.some((a) => a.operation === 'copy' && a.relativePath === 'new-there'), 'not in the record: new, so copied');
    const withoutDelete = planSync(pair, { direction: 'mirror', baseline });
    assert.equal(withoutDelete.summary.delete, 0, 'nothing is deleted unless deletion was chosen');
  });

  test('mirror: a folder deleted on one side with new files inside on the other is a conflict', () => {
    const compare = compareOf(compareTrees([], [dir('old'), file('old/y', 5, T), file('old/new', 1, T)]));
    const plan = planSync(compare, { direction: 'mirror', delete: true, baseline: new Set(['old', 'old/y']) });
    assert.deepEqual(plan.actions, []);
    assert.match(plan.conflicts[0]?.reason ?? '', /1 new entry inside it on the server/);
  });

  test('conflicts: a file against a folder, and two changed copies with equal times', () => {
    const compare = compareOf(compareTrees([file('x', 1, T), file('y', 1, T)], [dir('x'), file('x/inner', 1, T), file('y', 2, T)]));
    for (const direction of ['up', 'down', 'mirror'] as SyncDirection[]) {
      const plan = planSync(compare, { direction, delete: true });
      assert.ok(!plan.actions.some((a) => a.relativePath === 'x' || a.relativePath.startsWith('x/')), direction);
      assert.equal(plan.conflicts[0]?.relativePath, 'x');
    }
    assert.equal(planSync(compare, { direction: 'mirror' }).conflicts[1]?.relativePath, 'y');
    assert.equal(planSync(compare, { direction: 'up' }).actions[0]?.relativePath, 'y', 'one direction decides by itself');
  });

  test('action ids are stable across previews and distinct', () => {
    const a = planSync(pair, { direction: 'up', delete: true });
    const b = planSync(pair, { direction: 'up', delete: true });
    assert.deepEqual(a.actions.map((x) => x.id), b.actions.map((x) => x.id));
    assert.equal(new Set(a.actions.map((x) => x.id)).size, a.actions.length);
    assert.equal(a.actions[0]?.id, actionId('overwrite', 'remote', 'changed-here'));
    assert.match(a.actions[0]?.id ?? '', /^[A-Za-z0-9_-]+$/);
  });
});

describe('runSyncPlan refuses what the plan must never do', () => {
  const unusedQueue = {
    enqueue: () => assert.fail('nothing may be queued'),
    getSnapshot: () => assert.fail('nothing may be queued'),
    subscribe: () => assert.fail('nothing may be queued'),
    controls: { cancel: () => assert.fail('nothing may be queued') },
  };
  const unusedSession = { size: () => assert.fail('no remote call'), remove: () => assert.fail('no remote call') };

  test('a download target outside the local folder fails as unsafe-name, before anything is queued', async () => {
    const plan = planSync(pair, { direction: 'down' });
    const forged = { ...plan, actions: [{ ...plan.actions[0]!, id: 'evil', relativePath: '../evil', localPath: '/evil' }] };
    const run = await runSyncPlan(forged, { queue: unusedQueue, siteKey: 'x', session: unusedSession, actionIds: ['evil'] });
    assert.equal(run.results[0]?.status, 'failed');
    assert.equal(run.results[0]?.error?.kind, 'unsafe-name');
  });

  test('unknown action ids are refused', async () => {
    const plan = planSync(pair, { direction: 'up' });
    await assert.rejects(runSyncPlan(plan, { queue: unusedQueue, siteKey: 'x', session: unusedSession, actionIds: ['nope'] }), /not in this plan/);
  });
});
