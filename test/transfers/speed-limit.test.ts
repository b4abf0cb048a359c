import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMeteredStream, TokenBucket } from '../../main/transfers/speed-limit';
import { drain, FakeClock } from './fakes';

test('an unlimited bucket never holds bytes back', () => {
  const bucket = new TokenBucket(null, new FakeClock());
  assert.equal(bucket.take(10_000_000), 0);
});

test('a bucket lets a quarter second through at once, then paces to the rate', () => {
  const clock = new FakeClock();
  const bucket = new TokenBucket(100_000, clock);
  assert.equal(bucket.take(25_000), 0);
  assert.equal(bucket.take(50_000), 500, 'in debt by 50,000 bytes: half a second at 100 kB/s');
  clock.advance(500);
  assert.equal(bucket.take(10_000), 100);
  bucket.setRate(null);
  assert.equal(bucket.take(1_000_000), 0);
});

test('the metered stream counts bytes and releases chunks only when the clock allows', async () => {
  const clock = new FakeClock();
  const bucket = new TokenBucket(16 * 1024, clock);
  let counted = 0;
  const stream = createMeteredStream({ bucket, clock, onBytes: (n) => (counted += n) });
  const out: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  stream.write(Buffer.alloc(16 * 1024));
  stream.write(Buffer.alloc(16 * 1024));
  await drain();
  assert.equal(counted, 16 * 1024, 'the first chunk fits the burst');
  clock.advance(999);
  await drain();
  assert.equal(counted, 16 * 1024);
  clock.advance(1);
  await drain();
  assert.equal(counted, 32 * 1024);
  assert.equal(Buffer.concat(out).length, 32 * 1024);
  stream.destroy();
});

test('under a limit a large chunk goes out in slices, so progress moves before the whole chunk is due', async () => {
  const clock = new FakeClock();
  const bucket = new TokenBucket(128 * 1024, clock); // burst: 32 KiB
  let counted = 0;
  const stream = createMeteredStream({ bucket, clock, onBytes: (n) => (counted += n) });
  stream.on('data', () => undefined);
  stream.write(Buffer.alloc(1024 * 1024));
  await drain();
  assert.equal(counted, 0, 'the first 64 KiB slice is 32 KiB over the burst');
  clock.advance(250);
  await drain();
  assert.equal(counted, 64 * 1024, 'a quarter second later the first slice is out, long before the 8 s a whole MiB takes');
  stream.destroy();
});

test('a stream destroyed while a slice waits gives its bytes back, so the next attempt does not pay for them', async () => {
  const clock = new FakeClock();
  const bucket = new TokenBucket(128 * 1024, clock);
  const paused = createMeteredStream({ bucket, clock });
  paused.on('data', () => undefined);
  paused.write(Buffer.alloc(1024 * 1024));
  await drain();
  paused.destroy(); // a pause: the slice that waited never went out
  await drain();
  assert.equal(bucket.take(32 * 1024), 0, 'the burst is whole again');
});
