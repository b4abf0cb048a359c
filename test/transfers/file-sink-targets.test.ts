/**
 * The download sink's read targets (main/transfers/file-sink.ts, ReadTargetSink of main/ftps/direct-read.ts): a data
 * connection's reads land in the sink's own batches, each where the sink said, and are written byte for byte without
 * a copy; reading stopped for the disk resumes only once several batches are free (not at each freed one); and the
 * batch an open reader still points into serves no other sink until that reader has closed.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { FileSink } from '../../main/transfers/file-sink';
import { testBytes } from '../ftps/support';
import { stallThreadPool } from './stall-thread-pool';

const work = mkdtempSync(join(tmpdir(), 'wharf-file-sink-targets-'));
after(() => rmSync(work, { recursive: true, force: true }));
const BATCH = 256 * 1024;

/** Ends `sink` and waits until its last write is done. */
async function finish(sink: FileSink): Promise<void> {
  sink.end();
  await once(sink, 'finish');
}

describe('FileSink read targets', () => {
  test('reads land in the batches the sink names and reach the file byte for byte; reading stops and resumes on the way', async () => {
    const path = join(work, 'targets.bin');
    const handle = await open(path, 'w+');
    // More than the sink's 8 MiB of batches, in reads of uneven size as a socket delivers them.
    const data = testBytes(20 * 1024 * 1024 + 4321, 9);
    const position = 1000;
    const memory = new Set<ArrayBufferLike>();
    let stops = 0;
    try {
      const sink = new FileSink({ handle, position });
      for (let at = 0, read = 0; at < data.length; read += 1) {
        const target = sink.readTarget();
        memory.add(target.buffer);
        const length = Math.min(data.length - at, target.length, 64 * 1024 - (read % 7) * 1111);
        data.copy(target, 0, at, at + length);
        let resumed: () => void = () => undefined;
        const resumes = new Promise<void>((resolve) => (resumed = resolve));
        const goOn = sink.tookInto(length, resumed);
        at += length;
        if (!goOn) {
          stops += 1;
          await resumes;
        }
      }
      sink.readerClosed();
      await finish(sink);
      assert.equal(sink.persistedBytes, data.length);
    } finally {
      await handle.close();
    }
    assert.ok(stops > 0, 'reading stopped at least once: the batches were all waiting for the disk');
    // Targets are views of the batches: no buffer of their own per read (32 batches, and one past the limit at most).
    assert.ok(memory.size <= 33, `${memory.size} distinct buffers for ${data.length} bytes`);
    const onDisk = readFileSync(path);
    assert.equal(onDisk.length, position + data.length);
    assert.ok(onDisk.subarray(position).equals(data));
  });

  test('reading stopped for the disk resumes once several batches are written, not at the first', async () => {
    const path = join(work, 'resume-late.bin');
    const handle = await open(path, 'w+');
    const data = testBytes(12 * 1024 * 1024, 13);
    const sink = new FileSink({ handle, position: 0 });
    const release = stallThreadPool(work);
    let released = false;
    try {
      let persistedAtResume = -1;
      let resumed: () => void = () => undefined;
      const resumes = new Promise<void>((resolve) => (resumed = resolve));
      let at = 0;
      for (;;) {
        const target = sink.readTarget();
        const length = Math.min(data.length - at, target.length, 64 * 1024);
        data.copy(target, 0, at, at + length);
        at += length;
        const goOn = sink.tookInto(length, () => {
          persistedAtResume = sink.persistedBytes;
          resumed();
        });
        if (!goOn) break;
        assert.ok(at < data.length, 'reading stops before 12 MiB while the disk takes nothing');
      }
      assert.equal(sink.persistedBytes, 0);
      await release();
      released = true;
      await resumes;
      // Stopped with at most one batch free: resumed with 8 free, so 7 or more of the queued batches are on disk.
      assert.ok(persistedAtResume >= 7 * BATCH, `resumed with ${persistedAtResume} bytes on disk`);
      for (; at < data.length; ) {
        const target = sink.readTarget();
        const length = Math.min(data.length - at, target.length);
        data.copy(target, 0, at, at + length);
        at += length;
        sink.tookInto(length, () => undefined);
      }
      sink.readerClosed();
      await finish(sink);
    } finally {
      if (!released) await release();
      if (!sink.closed) sink.destroy();
      await handle.close();
    }
    assert.ok(readFileSync(path).equals(data));
  });

  test('a sink cut while its reader is still open keeps the batch that reader points into until it closes: a late read lands in no other file', async () => {
    const cutPath = join(work, 'cut-reader-open.bin');
    const nextPath = join(work, 'next-sink.bin');
    const cutHandle = await open(cutPath, 'w+');
    const nextHandle = await open(nextPath, 'w+');
    const first = testBytes(100 * 1024, 21);
    const next = testBytes(3 * BATCH + 999, 22);
    try {
      const cut = new FileSink({ handle: cutHandle, position: 0 });
      const target = cut.readTarget();
      first.copy(target);
      cut.tookInto(first.length, () => undefined);
      // The reader's next target, in the same batch, is where a read still under way would land.
      const late = cut.readTarget();
      const closed = new Promise((resolve) => cut.once('close', resolve));
      cut.once('error', () => undefined);
      cut.destroy(new Error('cut'));
      await closed;
      // The next download's sink takes its batches from those the cut one gave back.
      const sink = new FileSink({ handle: nextHandle, position: 0 });
      for (let at = 0; at < next.length; ) {
        const into = sink.readTarget();
        const length = Math.min(next.length - at, into.length);
        next.copy(into, 0, at, at + length);
        // The cut sink's reader delivers late, into the target it was given before the cut.
        late.fill(0xee);
        at += length;
        sink.tookInto(length, () => undefined);
      }
      sink.readerClosed();
      await finish(sink);
      cut.readerClosed();
      assert.equal(cut.persistedBytes, first.length);
    } finally {
      await cutHandle.close();
      await nextHandle.close();
    }
    assert.ok(readFileSync(cutPath).equals(first), 'the cut file holds what it took before the cut');
    assert.ok(readFileSync(nextPath).equals(next), 'the next file holds its own bytes, none of the late read');
  });
});
