/**
 * The download sink (main/transfers/file-sink.ts) on a real file: what a cut connection had delivered before the
 * cut is on disk and counted as persisted, so a resume continues from the byte the connection reached, not from
 * the last full 1 MiB batch; a range's sink keeps no byte past its end.
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
});
