/**
 * Node fires a timer by libuv's loop time, which is read once per loop turn; `Date.now()` is read when
 * asked. A timer set late in a busy turn can therefore fire a millisecond or two before `Date.now()`
 * reaches the time it was set for. The queue's retry backoff must not depend on the two agreeing: an item
 * whose retry timer fires "early" must still be retried, or the queue waits forever.
 * Found by the fault proxy (reset on control connections): a queue that never settled.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TransferScheduler } from '../../main/transfers/transfer-scheduler';
import { FakeClock, FakeRunner, drain } from '../transfers/fakes';

test('a retry whose backoff timer fires a millisecond early still runs, and the queue settles', async () => {
  const clock = new FakeClock(1);
  const runner = new FakeRunner();
  const scheduler = new TransferScheduler({ runner, clock, retry: { baseDelayMs: 100, maxDelayMs: 100 } });
  scheduler.enqueue([{ kind: 'file', direction: 'upload', siteKey: 's', localPath: '/tmp/a', remotePath: '/a', size: 1 }]);
  assert.equal(runner.open.length, 1);
  runner.open[0]?.fail({ kind: 'connection-lost', message: 'The server closed the connection (ECONNRESET).' });
  await drain();
  assert.equal(runner.open.length, 0, 'backing off');

  // The backoff timer fires 1 ms before now() says the retry is due. Nothing else will ever happen in
  // this queue, so unless that timer leads to the retry (now or by a timer of its own), it waits forever.
  clock.advance(99);
  await drain();
  clock.advance(10);
  await drain();
  assert.equal(runner.open.length, 1, `the retry started (timers pending: ${clock.pending})`);
  runner.open[0]?.succeed(1);
  await drain();
  await scheduler.whenSettled();
  assert.equal(scheduler.getSnapshot().items[0]?.state, 'done');
});
