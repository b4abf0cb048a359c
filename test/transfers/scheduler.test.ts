// Over 500 lines: the pure scheduler driven by a fake clock and fake runner, one describe per behaviour (order, limits, retries, pause, overwrite questions); they share the fixtures at the top.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyQueueUpdate, type QueueSnapshot, type QueueUpdate, type TransferItem } from '../../common/models/transfer';
import { TransferScheduler, type NewTransferItem, type TransferSchedulerOptions } from '../../main/transfers/transfer-scheduler';
import { drain, FakeClock, FakeRunner } from './fakes';

function file(name: string, siteKey = 'site-a', size = 100): NewTransferItem {
  return { kind: 'file', direction: 'download', siteKey, localPath: `/local/${name}`, remotePath: `/${name}`, size };
}

function setup(options: Partial<TransferSchedulerOptions> = {}) {
  const clock = new FakeClock();
  const runner = new FakeRunner();
  let n = 0;
  const scheduler = new TransferScheduler({ runner, clock, createId: () => `id-${++n}`, defaultOverwrite: 'overwrite', ...options });
  return { clock, runner, scheduler };
}

function states(scheduler: TransferScheduler): Record<string, string> {
  return Object.fromEntries(scheduler.getSnapshot().items.map((i) => [i.remotePath, i.state]));
}

function itemAt(scheduler: TransferScheduler, remotePath: string): TransferItem {
  const item = scheduler.getSnapshot().items.find((i) => i.remotePath === remotePath);
  assert.ok(item, `no item ${remotePath}`);
  return item;
}

const timeout = { kind: 'timeout', message: 'The server did not answer in time.' } as const;
const tooMany = { kind: 'too-many-connections', message: 'There are too many connections from your internet address.', code: 421 } as const;

describe('ordering and concurrency', () => {
  test('starts items in queue order, two at a time per site by default', async () => {
    const { runner, scheduler } = setup();
    scheduler.enqueue(['a', 'b', 'c', 'd'].map((n) => file(n)));
    assert.deepEqual(runner.openPaths, ['/a', '/b']);
    runner.open[0]?.succeed();
    await drain();
    assert.deepEqual(runner.openPaths, ['/b', '/c']);
    assert.equal(itemAt(scheduler, '/a').state, 'done');
  });

  test('each site has its own cap, so a busy site does not hold back another site queued behind it', async () => {
    const { runner, scheduler } = setup();
    scheduler.setSiteConcurrency('site-a', 1);
    scheduler.enqueue([file('a1'), file('a2'), file('a3'), file('b1', 'site-b'), file('b2', 'site-b'), file('b3', 'site-b')]);
    assert.deepEqual(runner.openPaths, ['/a1', '/b1', '/b2']);
  });

  test('clamps a site concurrency to 1..10', () => {
    const { scheduler } = setup();
    scheduler.setSiteConcurrency('x', 50);
    assert.deepEqual(scheduler.siteConcurrency('x'), { configured: 10, effective: 10 });
    scheduler.setSiteConcurrency('x', 0);
    assert.deepEqual(scheduler.siteConcurrency('x'), { configured: 1, effective: 1 });
    assert.equal(scheduler.siteConcurrency('fresh').configured, 2);
  });

  test('raising the concurrency starts more at once', () => {
    const { runner, scheduler } = setup();
    scheduler.enqueue(['a', 'b', 'c', 'd', 'e'].map((n) => file(n)));
    scheduler.setSiteConcurrency('site-a', 4);
    assert.deepEqual(runner.openPaths, ['/a', '/b', '/c', '/d']);
  });

  test('an attempt that gave its connection back leaves room for one more, once, and only on its own site, until it ends', async () => {
    const { runner, scheduler } = setup();
    scheduler.setSiteConcurrency('site-a', 1);
    scheduler.setSiteConcurrency('site-b', 1);
    scheduler.enqueue([file('a1'), file('a2'), file('a3'), file('a4'), file('b1', 'site-b'), file('b2', 'site-b')]);
    assert.deepEqual(runner.openPaths, ['/a1', '/b1']);
    const first = runner.open[0];
    assert.ok(first);
    first.context.connectionFreed?.();
    first.context.connectionFreed?.(); // said twice: still one connection
    assert.deepEqual(runner.openPaths, ['/a1', '/b1', '/a2'], 'a2 starts on the freed connection; b2 waits for b1');
    const second = runner.open[2];
    assert.ok(second);
    second.context.connectionFreed?.();
    assert.deepEqual(runner.openPaths, ['/a1', '/b1', '/a2', '/a3']);
    first.succeed();
    second.succeed();
    await drain();
    // Both freed attempts ended: a3 alone holds site-a's one connection again.
    assert.deepEqual(runner.openPaths, ['/b1', '/a3']);
    runner.open[1]?.succeed();
    await drain();
    assert.deepEqual(runner.openPaths, ['/b1', '/a4']);
  });
});

describe('retries and backoff', () => {
  test('retries a timeout after a doubling backoff and resumes from the bytes already done', async () => {
    const { clock, runner, scheduler } = setup({ retry: { baseDelayMs: 1000, maxAttempts: 5 } });
    scheduler.setSiteConcurrency('site-a', 1);
    scheduler.enqueue([file('a')]);
    const first = runner.open[0];
    assert.ok(first);
    assert.equal(first.context.resume, false);
    first.context.reportStarted(0, 100);
    first.context.reportProgress(40);
    first.fail(timeout);
    await drain();
    const waiting = itemAt(scheduler, '/a');
    assert.equal(waiting.state, 'queued');
    assert.equal(waiting.bytesDone, 40);
    assert.deepEqual(waiting.lastError, timeout);
    assert.equal(waiting.nextAttemptAt, new Date(clock.now() + 1000).toISOString());
    clock.advance(999);
    assert.equal(runner.open.length, 0);
    clock.advance(1);
    const second = runner.open[0];
    assert.ok(second);
    assert.equal(second.context.resume, true, 'the second attempt continues from byte 40');
    second.fail(timeout);
    await drain();
    clock.advance(1999);
    assert.equal(runner.open.length, 0, 'the second backoff is twice the first');
    clock.advance(1);
    assert.equal(runner.open.length, 1);
  });

  test('fails an item with its last reason once the attempt limit is reached', async () => {
    const { clock, runner, scheduler } = setup({ retry: { maxAttempts: 3, baseDelayMs: 10 } });
    scheduler.enqueue([file('a')]);
    for (let attempt = 1; attempt <= 3; attempt++) {
      runner.open[0]?.fail({ kind: 'connection-lost', message: `reset ${attempt}` });
      await drain();
      clock.advance(1000);
    }
    const item = itemAt(scheduler, '/a');
    assert.equal(item.state, 'failed');
    assert.equal(item.attempts, 3);
    assert.deepEqual(item.lastError, { kind: 'connection-lost', message: 'reset 3' });
    assert.equal(runner.attempts.length, 3);
  });

  test('retries 4xx replies but fails 5xx replies, login refusals and local disk errors at once', async () => {
    const { clock, runner, scheduler } = setup({ defaultConcurrency: 4 });
    scheduler.enqueue([file('busy'), file('missing'), file('login'), file('disk')]);
    const [busy, missing, login, disk] = runner.open;
    busy?.fail({ kind: 'ftp', code: 450, message: '450 file busy' });
    missing?.fail({ kind: 'ftp', code: 550, message: '550 no such file' });
    login?.fail({ kind: 'auth', code: 530, message: 'Login incorrect.' });
    disk?.fail({ kind: 'local-io', message: 'The local disk is full.' });
    await drain();
    assert.deepEqual(states(scheduler), { '/busy': 'queued', '/missing': 'failed', '/login': 'failed', '/disk': 'failed' });
    clock.advance(1000);
    assert.deepEqual(runner.openPaths, ['/busy']);
  });

  test('a failed verification starts over from byte 0', async () => {
    const { clock, runner, scheduler } = setup();
    scheduler.enqueue([file('a')]);
    const first = runner.open[0];
    first?.context.reportStarted(0, 100);
    first?.context.reportProgress(100);
    first?.fail({ kind: 'verification', message: 'SHA-256 mismatch' });
    await drain();
    assert.equal(itemAt(scheduler, '/a').bytesDone, 0);
    clock.advance(1000);
    assert.equal(runner.open[0]?.context.resume, false);
  });

  test('a runner that throws synchronously is treated like a failed attempt', async () => {
    const clock = new FakeClock();
    const scheduler = new TransferScheduler({
      clock,
      runner: { run: () => { throw new Error('boom'); } },
    });
    scheduler.enqueue([file('a')]);
    await drain();
    assert.equal(itemAt(scheduler, '/a').state, 'failed');
    assert.deepEqual(itemAt(scheduler, '/a').lastError, { kind: 'internal', message: 'boom' });
  });
});

describe('too many connections', () => {
  test('lowers the site to what the server accepts, backs off, and finishes everything without failing items', async () => {
    const logs: string[] = [];
    const { clock, runner, scheduler } = setup({ defaultConcurrency: 3, retry: { tooManyConnectionsDelayMs: 2000 }, onLog: (l) => logs.push(l) });
    scheduler.enqueue(['a', 'b', 'c', 'd', 'e'].map((n) => file(n)));
    assert.deepEqual(runner.openPaths, ['/a', '/b', '/c']);
    runner.open[2]?.fail(tooMany);
    await drain();
    assert.deepEqual(scheduler.siteConcurrency('site-a'), { configured: 3, effective: 2 });
    const refused = itemAt(scheduler, '/c');
    assert.equal(refused.state, 'queued');
    assert.equal(refused.attempts, 0, 'the refusal is not charged to the item');
    assert.match(logs.join('\n'), /refuses more connections; using 2 at a time/);

    runner.open[0]?.succeed();
    await drain();
    assert.deepEqual(runner.openPaths, ['/b'], 'nothing new starts while the site backs off');
    clock.advance(2000);
    assert.deepEqual(runner.openPaths, ['/b', '/c']);
    while (runner.open.length > 0) {
      runner.open[0]?.succeed();
      await drain();
    }
    assert.equal(scheduler.getSnapshot().progress.done, 5);
    assert.ok(runner.attempts.every((a) => runner.attempts.filter((b) => b.item.id === a.item.id).length <= 2));
  });

  test('a site refused even one connection counts attempts and fails with the reason', async () => {
    const { clock, runner, scheduler } = setup({ retry: { maxAttempts: 2, tooManyConnectionsDelayMs: 100 } });
    scheduler.enqueue([file('a')]);
    runner.open[0]?.fail(tooMany);
    await drain();
    assert.equal(itemAt(scheduler, '/a').state, 'queued');
    assert.equal(scheduler.siteConcurrency('site-a').effective, 1);
    clock.advance(100);
    runner.open[0]?.fail(tooMany);
    await drain();
    const item = itemAt(scheduler, '/a');
    assert.equal(item.state, 'failed');
    assert.equal(item.lastError?.kind, 'too-many-connections');
  });

  test('recognizes proftpd\'s 530 "maximum number of clients" as too many connections', async () => {
    const { runner, scheduler } = setup({ defaultConcurrency: 2 });
    scheduler.enqueue([file('a'), file('b')]);
    runner.open[1]?.fail({ kind: 'auth', code: 530, message: 'Sorry, the maximum number of clients (1) from your host are already connected.' });
    await drain();
    assert.equal(itemAt(scheduler, '/b').state, 'queued');
    assert.equal(scheduler.siteConcurrency('site-a').effective, 1);
  });
});

describe('pause, resume, cancel, retry', () => {
  test('pausing a running item aborts its transfer, keeps its offset, and resuming continues from it', async () => {
    const { runner, scheduler } = setup();
    scheduler.enqueue([file('a')]);
    const attempt = runner.open[0];
    assert.ok(attempt);
    attempt.context.reportStarted(0, 100);
    attempt.context.reportProgress(30);
    scheduler.pause([attempt.item.id]);
    assert.equal(attempt.context.signal.aborted, true, 'the data connection is told to close');
    await drain();
    const paused = itemAt(scheduler, '/a');
    assert.equal(paused.state, 'paused');
    assert.equal(paused.bytesDone, 30);
    assert.equal(paused.attempts, 0, 'a pause is not a failed attempt');
    scheduler.resume([paused.id]);
    const again = runner.open[0];
    assert.equal(again?.context.resume, true);
    again?.context.reportStarted(30, 100);
    again?.succeed(100);
    await drain();
    const done = itemAt(scheduler, '/a');
    assert.equal(done.state, 'done');
    assert.equal(done.resumedFrom, 30);
  });

  test('a paused queued item is passed over, and resumes in its place', () => {
    const { runner, scheduler } = setup({ defaultConcurrency: 1 });
    const [a, b] = scheduler.enqueue([file('a'), file('b'), file('c')]);
    assert.ok(a && b);
    scheduler.pause([b.id]);
    runner.open[0]?.succeed();
    return drain().then(() => {
      assert.deepEqual(runner.openPaths, ['/c']);
      assert.equal(itemAt(scheduler, '/b').state, 'paused');
    });
  });

  test('resuming while the pause is still closing the connection puts the item straight back in the queue', async () => {
    const clock = new FakeClock();
    const attempts: { signal: AbortSignal; finish: () => void }[] = [];
    const scheduler = new TransferScheduler({
      clock,
      runner: {
        run: (_item, context) => new Promise((_resolve, reject) => {
          attempts.push({ signal: context.signal, finish: () => reject(new Error('closed')) });
        }),
      },
    });
    const [a] = scheduler.enqueue([file('a')]);
    assert.ok(a);
    scheduler.pause([a.id]);
    scheduler.resume([a.id]);
    attempts[0]?.finish();
    await drain();
    assert.equal(attempts.length, 2);
    assert.equal(itemAt(scheduler, '/a').state, 'running');
  });

  test('pausing the whole queue stops running transfers and starts nothing until resumed', async () => {
    const { runner, scheduler } = setup();
    scheduler.enqueue(['a', 'b', 'c'].map((n) => file(n)));
    scheduler.pauseAll();
    await drain();
    assert.deepEqual(states(scheduler), { '/a': 'paused', '/b': 'paused', '/c': 'queued' });
    assert.equal(runner.open.length, 0);
    assert.equal(scheduler.isPaused, true);
    scheduler.enqueue([file('d')]);
    assert.equal(runner.open.length, 0);
    scheduler.resumeAll();
    assert.deepEqual(runner.openPaths, ['/a', '/b']);
  });

  test('cancel fails an item as cancelled; retry queues it again with a fresh attempt count', async () => {
    const { runner, scheduler } = setup();
    const [a, b] = scheduler.enqueue([file('a'), file('b'), file('c')]);
    assert.ok(a && b);
    scheduler.cancel([a.id]);
    await drain();
    assert.equal(itemAt(scheduler, '/a').state, 'failed');
    assert.equal(itemAt(scheduler, '/a').lastError?.kind, 'cancelled');
    assert.deepEqual(runner.openPaths, ['/b', '/c']);
    scheduler.retry();
    assert.equal(itemAt(scheduler, '/a').state, 'queued');
    assert.equal(itemAt(scheduler, '/a').attempts, 0);
    runner.open[0]?.succeed();
    await drain();
    assert.deepEqual(runner.openPaths, ['/c', '/a']);
  });
});

describe('reorder and remove', () => {
  test('moves items up, down, to the top and bottom, and the order decides what starts next', async () => {
    const { runner, scheduler } = setup({ defaultConcurrency: 1 });
    const items = scheduler.enqueue(['a', 'b', 'c', 'd', 'e'].map((n) => file(n)));
    const id = (n: number) => items[n]?.id as string;
    const order = () => scheduler.getSnapshot().items.map((i) => i.remotePath).join(' ');
    scheduler.move([id(4)], 'top');
    assert.equal(order(), '/e /a /b /c /d');
    scheduler.move([id(2), id(3)], 'up');
    assert.equal(order(), '/e /a /c /d /b');
    scheduler.move([id(0)], 'down');
    assert.equal(order(), '/e /c /a /d /b');
    scheduler.move([id(2)], 'bottom');
    assert.equal(order(), '/e /a /d /b /c');
    runner.open[0]?.succeed();
    await drain();
    assert.deepEqual(runner.openPaths, ['/e'], 'the running item keeps running');
    runner.open[0]?.succeed();
    await drain();
    assert.deepEqual(runner.openPaths, ['/d']);
  });

  test('removing a running item stops it and cleans up once it returned; removing a queued one cleans up at once', async () => {
    const { runner, scheduler } = setup();
    const [a, , c] = scheduler.enqueue([file('a'), file('b'), file('c')]);
    assert.ok(a && c);
    scheduler.remove([a.id, c.id]);
    assert.deepEqual(runner.discarded.map((i) => i.remotePath), ['/c']);
    await drain();
    assert.deepEqual(runner.discarded.map((i) => i.remotePath), ['/c', '/a']);
    assert.deepEqual(scheduler.getSnapshot().items.map((i) => i.remotePath), ['/b']);
  });

  test('clearing finished items keeps the rest', async () => {
    const { runner, scheduler } = setup();
    scheduler.enqueue([file('a'), file('b'), file('c')]);
    const [a, b] = runner.open;
    a?.succeed();
    b?.skip('the target exists');
    await drain();
    scheduler.removeFinished();
    assert.deepEqual(scheduler.getSnapshot().items.map((i) => i.remotePath), ['/c']);
  });
});

describe('overwrite questions', () => {
  const conflict = { sourcePath: '/x', targetPath: '/local/x', source: { size: 1, modifiedAt: null }, target: { size: 2, modifiedAt: null } };

  test('asks one question at a time; the answer becomes the item\'s policy', async () => {
    const { runner, scheduler } = setup({ defaultOverwrite: 'ask' });
    const shown: (string | null)[] = [];
    scheduler.onDidChangeQuestion((q) => shown.push(q?.itemId ?? null));
    const [a, b] = scheduler.enqueue([file('a'), file('b')]);
    assert.ok(a && b);
    const answerA = runner.open[0]?.context.askOverwrite(conflict);
    const answerB = runner.open[1]?.context.askOverwrite(conflict);
    assert.deepEqual(shown, [a.id]);
    const question = scheduler.currentQuestion;
    assert.equal(question?.direction, 'download');
    assert.equal(scheduler.answerOverwrite({ questionId: question?.id ?? '', choice: 'rename', applyToAll: false }), true);
    assert.equal(await answerA, 'rename');
    assert.deepEqual(shown, [a.id, b.id]);
    assert.equal(itemAt(scheduler, '/a').overwrite, 'rename');
    assert.equal(itemAt(scheduler, '/b').overwrite, 'ask');
    scheduler.answerOverwrite({ questionId: scheduler.currentQuestion?.id ?? '', choice: 'skip', applyToAll: false });
    assert.equal(await answerB, 'skip');
    assert.deepEqual(shown, [a.id, b.id, null]);
  });

  test('"apply to all" answers the waiting questions and sets every item still on ask', async () => {
    const { runner, scheduler } = setup({ defaultOverwrite: 'ask' });
    scheduler.enqueue([file('a'), file('b'), file('c'), { ...file('d'), overwrite: 'skip' }]);
    const answers = runner.open.map((a) => a.context.askOverwrite(conflict));
    scheduler.answerOverwrite({ questionId: scheduler.currentQuestion?.id ?? '', choice: 'overwrite', applyToAll: true });
    assert.deepEqual(await Promise.all(answers), ['overwrite', 'overwrite']);
    assert.equal(scheduler.currentQuestion, null);
    assert.deepEqual(scheduler.getSnapshot().items.map((i) => i.overwrite), ['overwrite', 'overwrite', 'overwrite', 'skip']);
    assert.equal(scheduler.answerOverwrite({ questionId: 'unknown', choice: 'skip', applyToAll: false }), false);
  });

  test('pausing an item withdraws its question', async () => {
    const { runner, scheduler } = setup({ defaultOverwrite: 'ask' });
    const [a] = scheduler.enqueue([file('a')]);
    assert.ok(a);
    const answer = runner.open[0]?.context.askOverwrite(conflict);
    scheduler.pause([a.id]);
    await assert.rejects(answer as Promise<unknown>, { kind: 'cancelled' });
    assert.equal(scheduler.currentQuestion, null);
  });
});

describe('updates for the UI', () => {
  test('batches changes into at most one update per interval, and updates rebuild the snapshot', async () => {
    const { clock, runner, scheduler } = setup({ updateIntervalMs: 100 });
    let mirror: QueueSnapshot = scheduler.getSnapshot();
    const updates: QueueUpdate[] = [];
    scheduler.subscribe((u) => {
      updates.push(u);
      mirror = applyQueueUpdate(mirror, u);
    });
    scheduler.enqueue(Array.from({ length: 50 }, (_, i) => file(`f${i}`)));
    for (let bytes = 1; bytes <= 100; bytes++) runner.open[0]?.context.reportProgress(bytes);
    clock.advance(0);
    assert.equal(updates.length, 1);
    assert.equal(updates[0]?.items.length, 50);
    for (let bytes = 1; bytes <= 100; bytes++) runner.open[1]?.context.reportProgress(bytes);
    clock.advance(50);
    assert.equal(updates.length, 1, 'no second update within the interval');
    clock.advance(50);
    assert.equal(updates.length, 2);
    assert.ok((updates[1]?.items.length ?? 0) <= 2, 'only the items that moved are sent');

    const [first] = scheduler.getSnapshot().items;
    assert.ok(first);
    scheduler.move([scheduler.getSnapshot().items[10]?.id ?? ''], 'top');
    scheduler.remove([first.id]);
    runner.open[0]?.succeed();
    await drain();
    clock.advance(1000);
    const truth = scheduler.getSnapshot();
    assert.deepEqual(mirror.items, truth.items);
    assert.deepEqual(mirror.progress, truth.progress);
  });

  test('reports speed and ETA from the fake clock and aggregates progress', () => {
    const { clock, runner, scheduler } = setup();
    scheduler.enqueue([file('a', 'site-a', 1000), file('b', 'site-a', 1000)]);
    const attempt = runner.open[0];
    attempt?.context.reportStarted(0, 1000);
    for (let t = 1; t <= 10; t++) {
      clock.advance(100);
      attempt?.context.reportProgress(t * 10);
    }
    const item = scheduler.getItem(attempt?.item.id ?? '');
    assert.equal(item?.speed, 100);
    assert.equal(item?.etaSeconds, 9);
    const progress = scheduler.getSnapshot().progress;
    assert.equal(progress.bytesDone, 100);
    assert.equal(progress.bytesTotal, 2000);
    assert.equal(progress.running, 2);
  });

  test('whenSettled resolves once nothing runs or can start', async () => {
    const { runner, scheduler } = setup();
    scheduler.enqueue([file('a'), file('b'), file('c')]);
    let settled = false;
    void scheduler.whenSettled().then(() => (settled = true));
    const [a, b] = runner.open;
    a?.succeed();
    b?.fail({ kind: 'auth', message: 'no' });
    await drain();
    assert.equal(settled, false);
    runner.open[0]?.succeed();
    await drain();
    assert.equal(settled, true);
  });
});

describe('stop and restore', () => {
  test('stop brings running items back paused with their offsets and starts nothing more', async () => {
    const { runner, scheduler } = setup();
    scheduler.enqueue([file('a'), file('b'), file('c')]);
    runner.open[0]?.context.reportStarted(0, 100);
    runner.open[0]?.context.reportProgress(60);
    await scheduler.stop();
    assert.deepEqual(states(scheduler), { '/a': 'paused', '/b': 'paused', '/c': 'queued' });
    assert.equal(itemAt(scheduler, '/a').bytesDone, 60);
    assert.equal(runner.attempts.length, 2);
  });

  test('restored running items come back paused; restored queued items start', () => {
    const { scheduler: first, runner: firstRunner } = setup();
    first.enqueue([file('a'), file('b'), file('c')]);
    firstRunner.open[0]?.context.reportProgress(25);
    const saved = first.getSnapshot().items;
    const { scheduler, runner } = setup({ initialItems: saved });
    assert.deepEqual(states(scheduler), { '/a': 'paused', '/b': 'paused', '/c': 'running' });
    assert.equal(itemAt(scheduler, '/a').bytesDone, 25);
    assert.deepEqual(runner.openPaths, ['/c']);
  });

  test('a queue restored paused starts nothing until resumed', () => {
    const { scheduler: first } = setup();
    first.enqueue([file('a')]);
    first.pauseAll();
    const saved = first.getSnapshot();
    const { scheduler, runner } = setup({ initialItems: saved.items, initialPaused: saved.paused });
    assert.equal(runner.open.length, 0);
    scheduler.resumeAll();
    assert.deepEqual(runner.openPaths, ['/a']);
  });
});

describe('large queues', () => {
  test('runs 20,000 items through two slots with constant work per finished item', async () => {
    const { runner, scheduler } = setup();
    const count = 20_000;
    const batch: NewTransferItem[] = [];
    for (let i = 0; i < count; i++) batch.push(file(`f${i}`, 'site-a', 1));
    scheduler.enqueue(batch);
    let finished = 0;
    while (runner.open.length > 0) {
      for (const attempt of runner.open) {
        attempt.succeed(1);
        finished += 1;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    assert.equal(finished, count);
    assert.equal(scheduler.getSnapshot().progress.done, count);
  });
});
