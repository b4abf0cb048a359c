/**
 * For tests of direct reads (main/ftps/direct-read.ts): a download's sink that takes them, and a download that checks
 * its bytes all came that way, whole, with reading stopped and resumed on the way.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { DirectReadSink, ReadTargetSink } from '../../main/ftps/direct-read';
import type { FtpsSession } from '../../main/ftps/session';

/** A download's destination that takes direct reads, stops reading every fourth one for a turn, and counts both ways in. */
export class RecordingSink extends Writable implements DirectReadSink {
  readonly chunks: Buffer[] = [];
  direct = 0;
  streamed = 0;
  stops = 0;

  takeFrom(bytes: Buffer, resume: () => void): boolean {
    this.chunks.push(Buffer.from(bytes));
    this.direct += bytes.length;
    if (this.chunks.length % 4 !== 0) return true;
    this.stops += 1;
    setImmediate(resume);
    return false;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    this.streamed += chunk.length;
    callback();
  }
}

/**
 * The same for a sink that names where each read lands (ReadTargetSink): every byte must arrive in its targets
 * (`inPlace`), none through `takeFrom`; targets are 64 KiB views of one of two alternating buffers, so a read that
 * came in the wrong one is found out.
 */
export class TargetRecordingSink extends RecordingSink implements ReadTargetSink {
  inPlace = 0;
  copied = 0;
  readerClosings = 0;
  /** Resolves when the reader says it closed: its socket's close, which may come after the download's end. */
  readonly closedByReader: Promise<void>;
  private closedNow: () => void = () => undefined;
  private readonly buffers = [Buffer.alloc(64 * 1024), Buffer.alloc(64 * 1024)];
  private current = 0;

  constructor() {
    super();
    this.closedByReader = new Promise((resolve) => (this.closedNow = resolve));
  }

  override takeFrom(bytes: Buffer, resume: () => void): boolean {
    this.copied += bytes.length;
    return super.takeFrom(bytes, resume);
  }

  readTarget(): Buffer {
    this.current = 1 - this.current;
    return (this.buffers[this.current] as Buffer).fill(0);
  }

  tookInto(length: number, resume: () => void): boolean {
    this.inPlace += length;
    return super.takeFrom((this.buffers[this.current] as Buffer).subarray(0, length), resume);
  }

  readerClosed(): void {
    this.readerClosings += 1;
    this.closedNow();
  }
}

/** Downloads `remote` (holding `data`) through `session` into a RecordingSink (or `sink`); asserts it arrived whole and directly. */
export async function downloadDirectly(session: FtpsSession, remote: string, data: Buffer, options: { proxied?: boolean; sink?: RecordingSink } = {}): Promise<void> {
  const sink = options.sink ?? new RecordingSink();
  let progress = 0;
  await session.download(remote, sink, { onProgress: (bytes) => (progress = bytes) });
  assert.ok(Buffer.concat(sink.chunks).equals(data), `every byte arrived, in order: ${Buffer.concat(sink.chunks).length} of ${data.length}, first diff at ${Buffer.concat(sink.chunks).findIndex((b, i) => b !== data[i])}`);
  assert.equal(sink.streamed, 0, 'no byte came through the stream');
  if (sink instanceof TargetRecordingSink) {
    assert.equal(sink.inPlace, data.length, 'every byte landed where the sink said');
    assert.equal(sink.copied, 0, 'none was copied through takeFrom');
    await sink.closedByReader;
    assert.equal(sink.readerClosings, 1, 'the reader said once that it closed');
  }
  assert.equal(sink.direct, data.length);
  assert.ok(sink.stops > 0, 'the sink stopped reading on the way, and reading resumed');
  if (options.proxied) {
    // basic-ftp's progress counts a socket's bytes both ways: through a proxy, also its few hundred bytes of handshake.
    assert.ok(progress >= data.length && progress < data.length + 1024, `progress counts the bytes read directly: ${progress}`);
  } else {
    assert.equal(progress, data.length, 'progress counts the bytes read directly');
  }
}
