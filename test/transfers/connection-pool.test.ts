import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConnectionPool } from '../../main/transfers/connection-pool';
import type { TransferSession } from '../../main/transfers/transfer-session';
import { drain, FakeClock } from './fakes';

/** A session that only knows whether it was closed: the pool never calls anything else. */
function fakeSession(name: string): TransferSession & { name: string; closed: boolean } {
  const session = {
    name,
    closed: false,
    close: async () => {
      session.closed = true;
    },
  };
  return session as unknown as TransferSession & { name: string; closed: boolean };
}

function setup(limit = 2) {
  const clock = new FakeClock();
  const opened: ReturnType<typeof fakeSession>[] = [];
  let currentLimit = limit;
  let failNext: unknown = null;
  const pool = new ConnectionPool({
    clock,
    idleTimeoutMs: 60_000,
    limitFor: () => currentLimit,
    openSession: async (siteKey) => {
      if (failNext) {
        const error = failNext;
        failNext = null;
        throw error;
      }
      const session = fakeSession(`${siteKey}#${opened.length + 1}`);
      opened.push(session);
      return session;
    },
  });
  return {
    clock,
    pool,
    opened,
    setLimit: (n: number) => (currentLimit = n),
    failNextOpen: (error: unknown) => (failNext = error),
  };
}

test('reuses a returned session instead of logging in again', async () => {
  const { pool, opened } = setup();
  const first = await pool.acquire('s');
  first.release();
  const second = await pool.acquire('s');
  assert.equal(second.session, first.session);
  assert.equal(opened.length, 1);
});

test('never opens more sessions than the limit; a waiter gets the next one returned', async () => {
  const { pool, opened } = setup(2);
  const a = await pool.acquire('s');
  const b = await pool.acquire('s');
  let third: unknown = null;
  void pool.acquire('s').then((lease) => (third = lease.session));
  await drain();
  assert.equal(third, null);
  assert.equal(opened.length, 2);
  assert.deepEqual(pool.stats('s'), { idle: 0, busy: 2, opening: 0, waiting: 1 });
  a.release();
  await drain();
  assert.equal(third, a.session);
  b.release();
});

test('a lowered limit closes sessions as they come back', async () => {
  const { pool, opened, setLimit } = setup(2);
  const a = await pool.acquire('s');
  const b = await pool.acquire('s');
  setLimit(1);
  a.release();
  await drain();
  assert.equal(opened[0]?.closed, true);
  b.release();
  assert.equal(opened[1]?.closed, false);
  assert.deepEqual(pool.stats('s'), { idle: 1, busy: 0, opening: 0, waiting: 0 });
});

test('a broken session is closed, not reused', async () => {
  const { pool, opened } = setup();
  const a = await pool.acquire('s');
  a.release({ broken: true });
  const b = await pool.acquire('s');
  assert.notEqual(b.session, a.session);
  assert.equal(opened[0]?.closed, true);
});

test('closes sessions idle for longer than the timeout', async () => {
  const { clock, pool, opened } = setup();
  (await pool.acquire('s')).release();
  clock.advance(59_999);
  assert.equal(opened[0]?.closed, false);
  clock.advance(1);
  assert.equal(opened[0]?.closed, true);
  assert.equal(pool.stats('s').idle, 0);
});

test('a login that fails reaches the one waiting for it', async () => {
  const { pool, failNextOpen } = setup();
  failNextOpen({ kind: 'too-many-connections', message: '421 too many' });
  await assert.rejects(pool.acquire('s'), { kind: 'too-many-connections' });
  const lease = await pool.acquire('s');
  assert.ok(lease.session);
});

test('an aborted wait leaves the queue of waiters', async () => {
  const { pool } = setup(1);
  const a = await pool.acquire('s');
  const controller = new AbortController();
  const waiting = pool.acquire('s', controller.signal);
  controller.abort();
  await assert.rejects(waiting, { kind: 'cancelled' });
  assert.equal(pool.stats('s').waiting, 0);
  a.release();
});

test('close refuses new leases and closes every session', async () => {
  const { pool, opened } = setup();
  const a = await pool.acquire('s');
  (await pool.acquire('s')).release();
  await pool.close();
  assert.equal(opened[1]?.closed, true);
  a.release();
  await drain();
  assert.equal(opened[0]?.closed, true);
  await assert.rejects(pool.acquire('s'), { kind: 'cancelled' });
});

test('after a refused login the pool does not open another session at once while others are still opening', async () => {
  const { pool, opened, failNextOpen } = setup(2);
  failNextOpen({ kind: 'too-many-connections', message: '421 too many' });
  const first = pool.acquire('s');
  const second = pool.acquire('s');
  const third = pool.acquire('s');
  await assert.rejects(first, { kind: 'too-many-connections' });
  const lease = await second;
  assert.equal(opened.length, 1, 'only the login already under way succeeded; none was retried');
  assert.equal(pool.stats('s').waiting, 1);
  lease.release();
  assert.equal((await third).session, lease.session);
});
