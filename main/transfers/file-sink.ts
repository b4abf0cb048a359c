import { write } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { systemClock, type Clock, type TimerHandle } from './clock';
import type { TokenBucket } from './speed-limit';
import type { ReadTargetSink } from '../ftps/direct-read';
import type { StreamingHash } from './streaming-hash';

/**
 * Bytes gathered before one positional write: one system call per 16 TLS records. Not more: on Linux 6.x, writes of
 * 512 KiB and up into the page cache cost 2-7x the kernel time of 256 KiB ones (large folios; test/bench/file-sink-bench.ts).
 */
const BATCH_BYTES = 256 * 1024;
/** Batches: one being filled while the others wait for the disk; 8 MiB of slack for a busy disk or a descheduled thread pool. */
const BATCHES = 32;
/**
 * Direct reads stopped for the disk resume once this many batches are free again, not at the first: a stop and a start
 * cost the socket a system call each and the server a wake-up, and resuming at every freed batch stopped a 1 GiB download
 * over TLS ~5,900 times, this ~700 (docs/BENCHMARKS.md, eighth round). The disk still has ~23 batches (almost 6 MiB) queued then.
 */
const RESUME_FREE_BATCHES = 8;
/**
 * Batches of finished sinks kept for the next ones: a folder of small files otherwise allocates a fresh 256 KiB
 * buffer per file, and that much memory outside the JavaScript heap, dropped a few milliseconds later, brings
 * garbage collections on at that pace. Enough for the batches in use by a queue's few connections at a time.
 */
const SPARE_BATCHES = 8;
const spareBatches: Buffer[] = [];
/**
 * Where reads land once a sink takes no more bytes (ended, cut, full): they count for nothing, and no batch, which
 * might serve another sink by then, is overwritten. Shared: its contents are never read.
 */
const discardTarget = Buffer.allocUnsafeSlow(64 * 1024);

export interface FileSinkOptions {
  /** An open file; the sink never closes it. */
  readonly handle: FileHandle;
  /** Where the first byte goes; later bytes follow it. */
  readonly position: number;
  /** Each chunk as it arrives, for progress. */
  readonly onBytes?: (bytes: number) => void;
  /** Fed every byte in order: the download's hash without reading the file again. */
  readonly hash?: StreamingHash | null;
  /** The global speed limit: a chunk waits as the bucket says, and back-pressure reaches the socket. */
  readonly bucket?: TokenBucket;
  readonly clock?: Clock;
  /** Accept at most this many bytes and drop the rest (one range of a segmented download); `onFull` then runs once. */
  readonly maxBytes?: number;
  /** The sink has all `maxBytes` bytes and has started writing the last of them: the data connection may stop. */
  readonly onFull?: () => void;
}

/**
 * The end of a download's data path, in one stage: counts, throttles and hashes each chunk, gathers chunks
 * into reused 256 KiB buffers and writes each with one positional write at its offset, one write at a time (so
 * several sinks may write one file at different offsets: segmented downloads). Replaces a metering Transform plus an fs.WriteStream,
 * which cost a stream stage and a write per 16 KiB TLS record. A data connection's reads land directly in the batch
 * being filled (`readTarget`, `tookInto`: no buffer per read and no copy), or are copied in from a reused read buffer
 * (`takeFrom`); written to as a stream it works the same.
 */
export class FileSink extends Writable implements ReadTargetSink {
  private readonly handle: FileHandle;
  private readonly options: FileSinkOptions;
  private readonly clock: Clock;
  /** Where the next batch is written. */
  private writeAt: number;
  /** Free batch buffers, allocated once: each chunk is copied in and dies young, instead of thousands of 16 KiB buffers outliving a scavenge. */
  private readonly free: Buffer[] = [];
  private batch: Buffer | null = null;
  private batchBytes = 0;
  /** Buffers allocated so far (free, filling, queued or being written): at most BATCHES, or more after a direct read overflowed (see hasRoom). */
  private allocated = 0;
  /** Full batches waiting for the write in progress. */
  private readonly queued: QueuedWrite[] = [];
  /** 1 while a write is in progress. */
  private inFlight = 0;
  /** A write callback held back until a batch buffer is free again (back-pressure). */
  private waitingForBuffer: (() => void) | null = null;
  private throttleTimer: TimerHandle | null = null;
  private throttledBytes = 0;
  /** Bytes accepted so far (not necessarily on disk until 'finish'). */
  bytesReceived = 0;
  /** Bytes from `position` on that are written to the file with nothing missing before them: what a resume may trust. */
  persistedBytes = 0;
  private full = false;
  /** The batch the reader's current target is in (readTarget), and where in it: the reader may write there until it closes. */
  private lent: { readonly batch: Buffer; readonly at: number } | null = null;
  /** A reader took a target and has not closed yet: the batch it points into must serve no other sink. */
  private readerOpen = false;
  /** The lent batch, once this sink is done, until the reader closes: then it goes to the spare batches. */
  private parked: Buffer | null = null;

  constructor(options: FileSinkOptions) {
    // Small: the batches are the real buffer, and chunks queued in front of `_write` are lost if the connection is cut.
    super({ highWaterMark: 64 * 1024 });
    this.handle = options.handle;
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.writeAt = options.position;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const wait = this.bucketWait(chunk.length);
    if (wait <= 0) {
      this.accept(chunk, callback);
      return;
    }
    this.throttledBytes = chunk.length;
    this.throttleTimer = this.clock.setTimeout(() => {
      this.throttleTimer = null;
      this.throttledBytes = 0;
      this.accept(chunk, callback);
    }, wait);
  }

  /**
   * A data connection's read, straight from a reused read buffer (DirectReadSink): copied into the batches
   * now, past the batch limit if need be (reading stops first, see hasRoom, until a batch is free). A
   * speed limit stops reading for as long as the bucket says after the bytes, where `_write` waits before them.
   */
  takeFrom(bytes: Buffer, resume: () => void): boolean {
    // Torn down (a failed write, a cut): the data connection goes too, and what it still reads counts for nothing.
    if (this.takesNoMore()) return true;
    const wait = this.bucketWait(bytes.length);
    this.accept(bytes, noCallback, true);
    return this.readOn(wait, resume);
  }

  /**
   * Where the next direct read lands (ReadTargetSink): the free end of the batch being filled, so a read needs no copy
   * of its own. A batch is taken past the limit if need be, as takeFrom's copies do: the reader needs somewhere to
   * put what it reads now (a paused TLS socket still hands over the records it has decrypted).
   */
  readTarget(): Buffer {
    this.readerOpen = true;
    if (this.takesNoMore()) {
      this.lent = null;
      return discardTarget;
    }
    const batch = this.batch ?? (this.batch = this.free.pop() ?? this.allocate());
    this.lent = { batch, at: this.batchBytes };
    return batch.subarray(this.batchBytes);
  }

  /** `length` bytes landed where readTarget said: they are taken where they are, as takeFrom would take a copy of them. */
  tookInto(length: number, resume: () => void): boolean {
    const lent = this.lent;
    if (lent === null || this.takesNoMore()) return true;
    if (lent.batch !== this.batch || lent.at !== this.batchBytes) {
      // Nothing moves the batch between a target and its read; were it moved, these bytes would be lost, silently.
      this.destroy(new Error('a direct read landed outside the batch being filled'));
      return true;
    }
    const wait = this.bucketWait(length);
    const taken = this.counted(lent.batch.subarray(lent.at, lent.at + length));
    this.batchBytes += taken.length;
    if (this.batchBytes === BATCH_BYTES) this.flush();
    this.flushIfFull();
    return this.readOn(wait, resume);
  }

  readerClosed(): void {
    this.readerOpen = false;
    this.lent = null;
    const parked = this.parked;
    this.parked = null;
    if (parked !== null && spareBatches.length < SPARE_BATCHES) spareBatches.push(parked);
  }

  /** Torn down (a failed write, a cut), ended, or holding all its range's bytes: a read counts for nothing. */
  private takesNoMore(): boolean {
    return this.destroyed || this.writeError !== null || this.full || this.writableEnded;
  }

  /** After a direct read's bytes are taken: whether the next read may come now (see DirectReadSink.takeFrom). */
  private readOn(wait: number, resume: () => void): boolean {
    // Full: the owner stops the data connection; nothing more is read.
    if (this.full) return false;
    // Already stopped for the bucket: a paused TLS socket still hands over the records it has decrypted. Their
    // bytes were taken from the bucket above; the one timer waits for them too (a timer per read would resume early).
    if (this.throttleTimer !== null) return false;
    if (wait > 0) {
      this.throttleUntilPaid(wait, resume);
      return false;
    }
    if (this.hasRoom()) return true;
    // A batch freed while the bucket has stopped reading leaves the resume to the bucket's timer.
    this.waitForRoom(() => {
      if (this.throttleTimer === null) resume();
    });
    return false;
  }

  private bucketWait(bytes: number): number {
    const bucket = this.options.bucket;
    return bucket && bucket.bytesPerSecond !== null ? bucket.take(bytes) : 0;
  }

  /** Reading resumes once the bucket has paid for every byte read, also those read after the pause. */
  private throttleUntilPaid(wait: number, resume: () => void): void {
    this.throttleTimer = this.clock.setTimeout(() => {
      this.throttleTimer = null;
      const owed = this.bucketWait(0);
      if (owed > 0) this.throttleUntilPaid(owed, resume);
      else this.resumeWhenRoom(resume);
    }, wait);
  }

  /**
   * Two batches free (or still to be allocated): one for the next read, one for what a paused TLS socket may still
   * hand over (the records it has already decrypted), so a direct read goes past the batch limit hardly ever.
   */
  private hasRoom(): boolean {
    return this.freeBatches() >= 2;
  }

  /** Batches free or still to be allocated. */
  private freeBatches(): number {
    return this.free.length + (BATCHES - this.allocated);
  }

  private resumeWhenRoom(resume: () => void): void {
    if (this.destroyed || this.writeError !== null) return;
    if (this.hasRoom()) resume();
    else this.waitForRoom(resume);
  }

  /** Runs `then` once RESUME_FREE_BATCHES batches are free, or the disk has nothing left to write (checked at each write's end). */
  private waitForRoom(then: () => void): void {
    this.waitingForBuffer = () => {
      if (this.freeBatches() >= RESUME_FREE_BATCHES || (this.inFlight === 0 && this.queued.length === 0)) then();
      else this.waitForRoom(then);
    };
  }

  private accept(chunk: Buffer, callback: (error?: Error | null) => void, overflow = false): void {
    if (this.full) {
      callback();
      return;
    }
    this.copyIn(this.counted(chunk), 0, callback, overflow);
  }

  /** The part of `chunk` this sink takes (a range's sink none past its end), counted, hashed and reported. */
  private counted(chunk: Buffer): Buffer {
    const max = this.options.maxBytes;
    if (max !== undefined && this.bytesReceived + chunk.length >= max) {
      chunk = chunk.subarray(0, max - this.bytesReceived);
      this.full = true;
    }
    this.bytesReceived += chunk.length;
    this.options.hash?.update(chunk);
    this.options.onBytes?.(chunk.length);
    return chunk;
  }

  /** A range's sink that has all its bytes: the last of them go to disk, and its owner hears of it after this read. */
  private flushIfFull(): void {
    if (!this.full) return;
    if (this.batchBytes > 0) this.flush();
    // After this write returns: the owner stops the data connection, which destroys this sink.
    const onFull = this.options.onFull;
    if (onFull) process.nextTick(onFull);
  }

  /**
   * Copies a chunk into batches from `offset`; the callback runs once all of it is copied. With `overflow`, a
   * batch beyond the limit is allocated rather than waiting for one: the chunk is a reused read buffer.
   */
  private copyIn(chunk: Buffer, offset: number, callback: (error?: Error | null) => void, overflow = false): void {
    while (offset < chunk.length) {
      if (this.batch === null) {
        const next = this.free.pop() ?? (this.allocated < BATCHES || overflow ? this.allocate() : null);
        if (next === null) {
          this.waitingForBuffer = () => this.copyIn(chunk, offset, callback);
          return;
        }
        this.batch = next;
      }
      const copied = chunk.copy(this.batch, this.batchBytes, offset);
      offset += copied;
      this.batchBytes += copied;
      if (this.batchBytes === BATCH_BYTES) this.flush();
    }
    this.flushIfFull();
    callback();
  }

  private allocate(): Buffer {
    this.allocated += 1;
    return spareBatches.pop() ?? Buffer.allocUnsafeSlow(BATCH_BYTES);
  }

  /**
   * Gives the batches back for other sinks, once this one is ended or destroyed and no write is in flight or
   * queued: only free batches, which nothing here refers to any more (a later write, were there one, would take
   * a batch of its own).
   */
  private returnBatches(): void {
    // A batch still here holds nothing to keep: ended, it was written; destroyed after a failed write, it never will be.
    if (this.batch !== null) this.free.push(this.batch);
    this.batch = null;
    this.batchBytes = 0;
    // The batch an open reader still points into (its target of before the end) waits for the reader to close: a
    // late read into another sink's batch would corrupt that sink's file.
    const lentBatch = this.readerOpen ? (this.lent?.batch ?? null) : null;
    for (const buffer of this.free.splice(0)) {
      if (buffer === lentBatch) this.parked = buffer;
      else if (spareBatches.length < SPARE_BATCHES) spareBatches.push(buffer);
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.batchBytes > 0) this.flush();
    this.whenIdle((error) => {
      this.returnBatches();
      callback(error);
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.throttleTimer !== null) this.clock.clearTimeout(this.throttleTimer);
    if (this.throttledBytes > 0) this.options.bucket?.refund(this.throttledBytes);
    this.throttleTimer = null;
    this.throttledBytes = 0;
    // Bytes already accepted arrived intact (a cut stops the stream, it does not spoil what came before it): they
    // go to disk too, so a resume continues from the byte the connection reached, not from the last full batch.
    if (this.batchBytes > 0 && this.writeError === null) this.flush();
    // The file is closed by its owner right after: let writes in flight land first.
    this.whenIdle((writeError) => {
      this.returnBatches();
      callback(error ?? writeError ?? null);
    });
  }

  private idleWaiters: ((error?: Error | null) => void)[] = [];
  private writeError: Error | null = null;

  private whenIdle(callback: (error?: Error | null) => void): void {
    if (this.inFlight === 0 && this.queued.length === 0) callback(this.writeError);
    else this.idleWaiters.push(callback);
  }

  private flush(): void {
    const buffer = this.batch as Buffer;
    const length = this.batchBytes;
    this.batch = null;
    this.batchBytes = 0;
    this.queued.push({ buffer, at: this.writeAt, length });
    this.writeAt += length;
    this.pump();
  }

  /** One write at a time: writes of one sink follow each other in the file, and parallel ones only contend for the file's lock. */
  private pump(): void {
    if (this.inFlight > 0) return;
    const next = this.queued.shift();
    if (!next) return;
    this.inFlight = 1;
    writeFully(this.handle.fd, next.buffer, next.length, next.at, (error) => this.writeDone(next, error));
  }

  private writeDone(done: QueuedWrite, error: Error | null): void {
    this.inFlight = 0;
    if (!error) this.persistedBytes += done.length;
    this.free.push(done.buffer);
    if (error && !this.writeError) {
      this.writeError = error;
      // Batches not yet written stay unwritten: the bytes before the failure are all a resume may trust.
      for (const dropped of this.queued.splice(0)) this.free.push(dropped.buffer);
      if (!this.destroyed) this.destroy(error);
    }
    if (!this.writeError) this.pump();
    const waiting = this.waitingForBuffer;
    this.waitingForBuffer = null;
    // A destroyed sink's held-back callback no longer matters.
    if (waiting && !this.writeError) waiting();
    if (this.inFlight === 0 && this.queued.length === 0) for (const waiter of this.idleWaiters.splice(0)) waiter(this.writeError);
  }
}

function noCallback(): void {}

interface QueuedWrite {
  readonly buffer: Buffer;
  readonly at: number;
  readonly length: number;
}

/**
 * Writes `length` bytes of `data` at a position until all are written (a short write, on a nearly full disk
 * say, continues). A callback, not a FileHandle promise: no promise and no handle bookkeeping per write.
 */
function writeFully(fd: number, data: Buffer, length: number, position: number, callback: (error: Error | null) => void): void {
  let done = 0;
  const next = (): void => {
    write(fd, data, done, length - done, position + done, (error, bytesWritten) => {
      if (error) return callback(error);
      if (bytesWritten <= 0) return callback(new Error(`could not write at offset ${position + done}`));
      done += bytesWritten;
      if (done < length) next();
      else callback(null);
    });
  };
  next();
}
