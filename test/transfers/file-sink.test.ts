/**
 * The download sink (main/transfers/file-sink.ts) on a real file: what a cut connection had delivered before the
 * cut is on disk and counted as persisted, so a resume continues from the byte the connection reached, not from
 * the last full 1 MiB batch; a range's sink keeps no byte past its end; bytes taken straight from a plain data
 * connection's one reused read buffer (takeFrom) land byte for byte, and reading stops and resumes as the disk
 * and the speed limit say, also both at once (a stalled disk under a limit, whichever frees first). A finished sink's batches go to the next sink (a folder of small files allocates no
 * 256 KiB batch per file), only once none of its writes is in flight: files written one after the other, or one
 * cut while another runs, each land byte for byte.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { FileSink } from '../../main/transfers/file-sink';
import { TokenBucket } from '../../main/transfers/speed-limit';
import { testBytes } from '../ftps/support';
import { FakeClock } from './fakes';
import { stallThreadPool } from './stall-thread-pool';

const work = mkdtempSync(join(tmpdir(), 'wharf-file-sink-'));
after(() => rmSync(work, { recursive: true, force: true }));
/** TLS records carry at most 16 KiB: chunks of that size, as a data connection hands them over. */
const RECORD = 16 * 1024;

async function writeInRecords(sink: FileSink, data: Buffer): Promise<void> {
  for (let at = 0; at < data.length; at += RECORD) {
    if (!sink.write(data.subarray(at, at + RECORD))) await once(sink, 'drain');
  }
}

describe('FileSink', () => {
  test('a sink destroyed mid-batch (a cut connection) writes every byte it accepted, at its position', async () => {
    const path = join(work, 'cut.bin');
    const handle = await open(path, 'w+');
    // 1.5 MiB plus a bit: full batches and a partial one that no batch boundary would have flushed.
    const data = testBytes(1024 * 1024 + 512 * 1024 + 777, 3);
    const position = 4096;
    try {
      const sink = new FileSink({ handle, position });
      await writeInRecords(sink, data);
      const closed = new Promise((resolve) => sink.once('close', resolve));
      const failure = once(sink, 'error');
      sink.destroy(new Error('the data connection was cut'));
      assert.equal(((await failure)[0] as Error).message, 'the data connection was cut');
      await closed;
      assert.equal(sink.bytesReceived, data.length);
      assert.equal(sink.persistedBytes, data.length, 'the partial batch counts as persisted once written');
    } finally {
      await handle.close();
    }
    const onDisk = readFileSync(path);
    assert.equal(onDisk.length, position + data.length);
    assert.ok(onDisk.subarray(position).equals(data));
  });

  test('a write the file refuses stops the sink with that error, and no byte after it counts as persisted', async () => {
    const path = join(work, 'refused.bin');
    await (await open(path, 'w')).close();
    // Opened for reading only: every write fails (EBADF), as a full or vanished disk would.
    const handle = await open(path, 'r');
    try {
      const sink = new FileSink({ handle, position: 0 });
      const failure = once(sink, 'error');
      void writeInRecords(sink, testBytes(2 * 1024 * 1024, 7)).catch(() => undefined);
      const [error] = (await failure) as [NodeJS.ErrnoException];
      assert.equal(error.code, 'EBADF');
      if (!sink.closed) await once(sink, 'close');
      assert.equal(sink.persistedBytes, 0);
    } finally {
      await handle.close();
    }
    assert.equal(readFileSync(path).length, 0);
  });

  test('a range sink takes exactly its bytes and reports itself full once', async () => {
    const path = join(work, 'range.bin');
    const handle = await open(path, 'w+');
    const data = testBytes(3 * RECORD, 5);
    const maxBytes = 2 * RECORD + 100;
    let full = 0;
    try {
      const sink = new FileSink({ handle, position: 0, maxBytes, onFull: () => (full += 1) });
      await writeInRecords(sink, data);
      sink.end();
      await once(sink, 'finish');
      assert.equal(sink.persistedBytes, maxBytes);
    } finally {
      await handle.close();
    }
    assert.equal(full, 1);
    assert.ok(readFileSync(path).equals(data.subarray(0, maxBytes)));
  });

  test('bytes taken from one reused read buffer land byte for byte; reading stops while every batch waits for the disk, and resumes', async () => {
    const path = join(work, 'direct.bin');
    const handle = await open(path, 'w+');
    // More than the sink's 8 MiB of batches, in reads of uneven size as a socket delivers them.
    const data = testBytes(20 * 1024 * 1024 + 4321, 9);
    const readBuffer = Buffer.alloc(256 * 1024);
    const position = 1000;
    let stops = 0;
    try {
      const sink = new FileSink({ handle, position });
      for (let at = 0, read = 0; at < data.length; read += 1) {
        const length = Math.min(data.length - at, readBuffer.length - (read % 7) * 1111);
        data.copy(readBuffer, 0, at, at + length);
        let resumed: () => void = () => undefined;
        const resumes = new Promise<void>((resolve) => (resumed = resolve));
        const goOn = sink.takeFrom(readBuffer.subarray(0, length), resumed);
        // The next read overwrites the buffer: a sink that kept a view instead of a copy would write this.
        readBuffer.fill(0xee);
        at += length;
        if (!goOn) {
          stops += 1;
          await resumes;
        }
      }
      sink.end();
      await once(sink, 'finish');
      assert.equal(sink.bytesReceived, data.length);
      assert.equal(sink.persistedBytes, data.length);
    } finally {
      await handle.close();
    }
    assert.ok(stops > 0, 'reading stopped at least once: the batches were all waiting for the disk');
    const onDisk = readFileSync(path);
    assert.equal(onDisk.length, position + data.length);
    assert.ok(onDisk.subarray(position).equals(data));
  });

  /**
   * A sink at 64 KiB/s (a burst of 16 KiB) on a fake clock writing `data` to a file of its own: `run` feeds it; the
   * sink is then ended, and the file must hold exactly `data`.
   */
  async function withLimitedSink(name: string, data: Buffer, run: (sink: FileSink, clock: FakeClock) => void): Promise<void> {
    const path = join(work, name);
    const handle = await open(path, 'w+');
    const clock = new FakeClock();
    try {
      const sink = new FileSink({ handle, position: 0, bucket: new TokenBucket(64 * 1024, clock), clock });
      run(sink, clock);
      sink.end();
      await once(sink, 'finish');
    } finally {
      await handle.close();
    }
    assert.ok(readFileSync(path).equals(data));
  }

  test('under a speed limit a direct read stops reading until the bucket allows the next one', async () => {
    // A 48 KiB read puts the bucket 32 KiB in debt, half a second of it.
    const data = testBytes(48 * 1024, 4);
    let resumed = 0;
    await withLimitedSink('direct-limited.bin', data, (sink, clock) => {
      assert.equal(sink.takeFrom(Buffer.from(data), () => (resumed += 1)), false);
      clock.advance(499);
      assert.equal(resumed, 0);
      clock.advance(1);
      assert.equal(resumed, 1);
    });
  });

  test('reads a paused TLS socket still hands over are paid for before reading resumes, with one resume', async () => {
    // The first 48 KiB read owes 32 KiB (500 ms); two 16 KiB records decrypted before the pause took effect owe
    // 32 KiB more (another 500 ms).
    const data = testBytes(80 * 1024, 5);
    let resumed = 0;
    const resume = () => (resumed += 1);
    await withLimitedSink('direct-limited-after-pause.bin', data, (sink, clock) => {
      assert.equal(sink.takeFrom(Buffer.from(data.subarray(0, 48 * 1024)), resume), false);
      assert.equal(sink.takeFrom(Buffer.from(data.subarray(48 * 1024, 64 * 1024)), resume), false);
      assert.equal(sink.takeFrom(Buffer.from(data.subarray(64 * 1024)), resume), false);
      clock.advance(500);
      assert.equal(resumed, 0, 'not resumed while the later reads are still owed');
      clock.advance(499);
      assert.equal(resumed, 0);
      clock.advance(1);
      assert.equal(resumed, 1);
      clock.advance(5_000);
      assert.equal(resumed, 1, 'one pause, one resume');
    });
  });

  test('a slow disk under a speed limit: bytes intact, no read before the bucket has paid for the ones before, one resume per stop whichever frees first', async () => {
    const path = join(work, 'direct-limited-slow-disk.bin');
    const handle = await open(path, 'w+');
    const clock = new FakeClock();
    const rate = 1024 * 1024;
    const burst = 256 * 1024; // a quarter second at 1 MiB/s
    const bucket = new TokenBucket(rate, clock);
    // More than the sink's 8 MiB of batches, twice over, in reads of uneven size from one reused buffer.
    const data = testBytes(20 * 1024 * 1024 + 999, 11);
    const readBuffer = Buffer.alloc(64 * 1024);
    const started = clock.now();
    let resumes = 0;
    let stops = 0;
    let wake: () => void = () => undefined;
    const resume = () => {
      resumes += 1;
      wake();
    };
    /** Node's I/O threads held (stallThreadPool): the sink's writes wait behind them. */
    let stalled = null as (() => Promise<void>) | null;
    const stallDisk = () => {
      const release = stallThreadPool(work);
      stalled = async () => {
        await release();
        stalled = null;
      };
    };
    const turns = async (n = 20) => {
      for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    };
    /** What the bucket still wants paid, in ms (0 once paid). */
    const owed = () => bucket.take(0);
    const orders: string[] = [];
    const sink = new FileSink({ handle, position: 0, bucket, clock });
    try {
      /** Every full batch on disk: what is left is the batch being filled. */
      const drained = () => sink.bytesReceived - sink.persistedBytes < 256 * 1024;
      stallDisk();
      for (let at = 0, read = 0; at < data.length; read += 1) {
        // The limit: a read starts only once the bucket has been paid for every byte before it.
        assert.ok(at <= burst + ((clock.now() - started) * rate) / 1000, `read ${read} at byte ${at}, ${clock.now() - started} ms in`);
        const length = Math.min(data.length - at, readBuffer.length - (read % 5) * 3333);
        data.copy(readBuffer, 0, at, at + length);
        const before = resumes;
        const resumed = new Promise<void>((resolve) => (wake = resolve));
        const goOn = sink.takeFrom(readBuffer.subarray(0, length), resume);
        readBuffer.fill(0xee);
        at += length;
        if (goOn) continue;
        stops += 1;
        // Disk stalled and every batch waiting for it (8 MiB, less the two kept for a paused socket's records).
        const full = stalled !== null && sink.bytesReceived - sink.persistedBytes >= 30 * 256 * 1024;
        if (full && orders.length === 0) {
          // The bucket is paid first, well past the debt: reading waits for the disk all the same.
          clock.advance(owed() + 10_000);
          await turns();
          assert.equal(resumes, before, 'the bucket alone does not resume reading while every batch waits for the disk');
          await stalled?.();
          await resumed;
          orders.push('bucket, then disk');
          stallDisk();
        } else if (full) {
          // The disk first: reading waits for the bucket all the same.
          const debt = owed();
          assert.ok(debt > 0);
          await stalled?.();
          // The sink's own signal that its queued writes are done (a count of event-loop turns raced the disk under load).
          await new Promise<void>((resolve, reject) => (sink as unknown as { whenIdle(done: (error?: Error | null) => void): void }).whenIdle((error) => (error ? reject(error) : resolve())));
          assert.ok(drained(), 'the disk took every full batch');
          await turns();
          assert.equal(resumes, before, 'the disk alone does not resume reading while the bucket is owed');
          clock.advance(debt);
          await resumed;
          orders.push('disk, then bucket');
        } else {
          clock.advance(owed());
          await resumed;
        }
        assert.equal(resumes, before + 1, 'one resume per stop');
      }
      await stalled?.();
      sink.end();
      await once(sink, 'finish');
      assert.equal(sink.persistedBytes, data.length);
    } finally {
      await stalled?.();
      // A failed assertion leaves writes under way: they end before the file closes.
      if (!sink.closed) {
        sink.destroy();
        await once(sink, 'close');
      }
      await handle.close();
    }
    assert.deepEqual(orders, ['bucket, then disk', 'disk, then bucket']);
    assert.equal(resumes, stops);
    assert.ok(readFileSync(path).equals(data));
  });

  test('a finished sink leaves its batch to the next: small files one after the other allocate one batch, not one each', async () => {
    const files = Array.from({ length: 5 }, (_, index) => ({ path: join(work, `small-${index}.bin`), data: testBytes(4096 + index, 20 + index) }));
    const allocate = Buffer.allocUnsafeSlow;
    let batchesAllocated = 0;
    Buffer.allocUnsafeSlow = (size: number) => {
      if (size >= 256 * 1024) batchesAllocated += 1;
      return allocate(size);
    };
    try {
      for (const { path, data } of files) {
        const handle = await open(path, 'w+');
        try {
          const sink = new FileSink({ handle, position: 0 });
          await writeInRecords(sink, data);
          sink.end();
          await once(sink, 'finish');
        } finally {
          await handle.close();
        }
      }
    } finally {
      Buffer.allocUnsafeSlow = allocate;
    }
    // None when an earlier test's sinks left batches, else one: the first sink's, given back and taken by each next.
    assert.ok(batchesAllocated <= 1, `${batchesAllocated} batches allocated for ${files.length} files in a row`);
    for (const { path, data } of files) assert.ok(readFileSync(path).equals(data), path);
  });

  test('a sink cut while its writes are queued gives its batches back only once they are written; a sink running beside it loses nothing', async () => {
    const cutPath = join(work, 'cut-beside.bin');
    const keptPath = join(work, 'kept-beside.bin');
    const cutHandle = await open(cutPath, 'w+');
    const keptHandle = await open(keptPath, 'w+');
    const cutData = testBytes(3 * 1024 * 1024 + 5000, 31);
    const keptData = testBytes(3 * 1024 * 1024 + 7000, 32);
    try {
      const cut = new FileSink({ handle: cutHandle, position: 0 });
      const kept = new FileSink({ handle: keptHandle, position: 0 });
      // Every batch of the cut sink queued at once (direct reads do not wait), then the cut with all of them pending.
      for (let at = 0; at < cutData.length; at += RECORD) cut.takeFrom(Buffer.from(cutData.subarray(at, at + RECORD)), () => undefined);
      const failure = once(cut, 'error');
      cut.destroy(new Error('cut'));
      const writingKept = writeInRecords(kept, keptData);
      await failure;
      if (!cut.closed) await once(cut, 'close');
      await writingKept;
      kept.end();
      await once(kept, 'finish');
      assert.equal(cut.persistedBytes, cutData.length);
    } finally {
      await cutHandle.close();
      await keptHandle.close();
    }
    assert.ok(readFileSync(cutPath).equals(cutData), 'the cut file holds what it accepted');
    assert.ok(readFileSync(keptPath).equals(keptData), 'the other file holds its own bytes');
  });
});
