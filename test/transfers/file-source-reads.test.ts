/**
 * The upload source's read size (main/transfers/file-source.ts): 1 MiB reads, 4 MiB ones while the connection takes
 * the file fast (fewer rounds of reads and writes per GiB), back to 1 MiB when it slows, so a slow connection's
 * progress still moves every MiB. Growing swaps pooled buffers for larger ones while earlier ones may still be
 * sent: every byte is compared at the other end of a real TCP connection. Time is a fake clock: "fast" and "slow"
 * are what it says, never how fast this machine is.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { after, test } from 'node:test';
import { FAST_READ_BYTES, FileSource } from '../../main/transfers/file-source';
import { FakeClock } from './fakes';
import { testBytes } from '../ftps/support';

const MiB = 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'wharf-file-source-reads-'));
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * Sends `data` from a file through a FileSource into a TCP connection; returns the sizes of its reads and what arrived.
 * `msFor`: how far the clock moves for a read of `bytes`, `before` bytes having been read already.
 */
async function send(data: Buffer, name: string, msFor: (bytes: number, before: number) => number): Promise<{ reads: number[]; received: Buffer }> {
  const path = join(work, name);
  writeFileSync(path, data);
  const received: Buffer[] = [];
  let peer: Socket | null = null;
  const server = createServer((socket) => {
    peer = socket;
    socket.on('data', (chunk: Buffer) => received.push(chunk));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = connect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });
  await once(socket, 'connect');
  const clock = new FakeClock();
  const reads: number[] = [];
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    const source = new FileSource({
      handle,
      position: 0,
      expected: { size: stat.size, mtimeMs: stat.mtimeMs },
      path,
      clock,
      onBytes: (bytes) => {
        clock.advance(msFor(bytes, reads.reduce((sum, read) => sum + read, 0)));
        reads.push(bytes);
      },
    });
    await pipeline(source, socket);
    if (peer !== null && !(peer as Socket).readableEnded) await once(peer as Socket, 'end');
  } finally {
    await handle.close();
    server.close();
  }
  return { reads, received: Buffer.concat(received) };
}

/** A connection taking `mibPerSecond`, as the clock tells it. */
const at = (mibPerSecond: number) => (bytes: number) => (bytes / MiB / mibPerSecond) * 1000;

test('a file taken fast is read 4 MiB at a time after its first 16 MiB, and arrives byte for byte', async () => {
  const data = testBytes(41 * MiB + 4321, 31);
  const { reads, received } = await send(data, 'fast', () => 0);
  assert.ok(received.equals(data), 'every byte arrived, in order, through the grown buffers');
  assert.deepEqual(reads.slice(0, 16), Array(16).fill(MiB), 'the first 16 MiB go 1 MiB at a time');
  assert.equal(reads[16], FAST_READ_BYTES);
  assert.equal(Math.max(...reads), FAST_READ_BYTES);
});

test('a file taken slowly keeps 1 MiB reads', async () => {
  const data = testBytes(30 * MiB + 99, 32);
  const { reads, received } = await send(data, 'slow', at(10));
  assert.ok(received.equals(data));
  assert.equal(Math.max(...reads), MiB, 'at 10 MiB/s a 4 MiB read would hold progress back for 0.4 s');
});

test('reads grow while a file goes fast and shrink again once it slows down', async () => {
  const data = testBytes(64 * MiB + 7, 33);
  const { reads, received } = await send(data, 'slowing', (bytes, before) => (before >= 32 * MiB ? at(10)(bytes) : 0));
  assert.ok(received.equals(data));
  const firstFast = reads.indexOf(FAST_READ_BYTES);
  assert.ok(firstFast > 0, 'reads grew while the file went fast');
  const lastFast = reads.lastIndexOf(FAST_READ_BYTES);
  assert.ok(lastFast < reads.length - 2 && reads.slice(lastFast + 1).every((read) => read <= MiB), reads.join(' '));
});
