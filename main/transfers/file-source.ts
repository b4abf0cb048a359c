import { t } from '../../common/i18n/t';
import type { FileHandle } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';
import { WharfError } from '../core/errors';
import { systemClock, type Clock, type TimerHandle } from './clock';
import type { TokenBucket } from './speed-limit';
import type { StreamingHash } from './streaming-hash';

/** Bytes per read: one system call per MiB. */
const READ_BYTES = 1024 * 1024;
/**
 * Bytes per read once the file goes out fast (see FAST_WINDOW_BYTES). Each read costs a round of work whatever its
 * size (the thread pool's read, the stream's hand-over, the socket's writes and their wake-ups: about a dozen system
 * calls): 4 MiB reads took a 1 GiB upload's user CPU time over TLS from 1.3 s to 0.95 s here, 2 MiB most of that,
 * 8 and 16 MiB nothing more (docs/BENCHMARKS.md, seventh round).
 */
export const FAST_READ_BYTES = 4 * 1024 * 1024;
/**
 * How the read size is chosen: every this many bytes, the time they took. The first window only filled the
 * system's socket buffer (a few MiB, at memory speed) and says nothing about the connection: it is not counted.
 */
const FAST_WINDOW_BYTES = 8 * 1024 * 1024;
/** A window sent this fast or faster (40 MiB/s and up) gets FAST_READ_BYTES reads: progress still moves every 0.1 s. */
const FAST_WINDOW_MS = 200;
/** Under a speed limit a read is this small, so progress moves smoothly and a pause leaves little debt. */
const LIMITED_READ_BYTES = 64 * 1024;
/** Read buffers kept for reuse: enough for one being read, one waiting in the stream and two being sent (16 MiB at most). */
const POOLED_BUFFERS = 4;

export interface FileSourceOptions {
  /** An open file; the source never closes it. */
  readonly handle: FileHandle;
  /** Where the first byte is read. */
  readonly position: number;
  /** The file's size and modification time when the transfer was decided: the file must still have them at the end. */
  readonly expected: { readonly size: number; readonly mtimeMs: number };
  /** The local path, for the error that says the file changed. */
  readonly path: string;
  /** Each chunk as it is handed on, for progress. */
  readonly onBytes?: (bytes: number) => void;
  /** Fed every byte in order: the upload's hash without reading the file again. */
  readonly hash?: StreamingHash | null;
  /** The global speed limit: a read waits as the bucket says. */
  readonly bucket?: TokenBucket;
  readonly clock?: Clock;
}

/** A pushed chunk: which pooled buffer holds it and where it ends in the stream, to know when it is sent. */
interface Lent {
  readonly buffer: Buffer;
  readonly endsAt: number;
}

/**
 * The start of an upload's data path, in one stage: reads the file in positional reads of 1 MiB (4 MiB on a fast
 * connection), hashes, counts and throttles each chunk, and checks at the end that the file still has the size and
 * time it had when the upload began (a file saved again during its upload is refused, even at the same size).
 * Replaces an fs.ReadStream plus a metering Transform.
 *
 * Read buffers are reused: a fresh 1 MiB buffer per read costs the kernel page faults for every MiB (four times
 * the CPU of reading into a warm buffer, measured). A buffer is reused only once its bytes have provably left
 * the stream it is piped to (bytes handed on minus that stream's `writableLength`: a socket counts a write
 * there until the system has taken it); anything else gets a fresh buffer.
 */
export class FileSource extends Readable {
  private readonly options: FileSourceOptions;
  private readonly clock: Clock;
  private readAt: number;
  private readonly endAt: number;
  /** Bytes pushed so far. */
  private pushedBytes = 0;
  private readonly free: Buffer[] = [];
  private readonly lent: Lent[] = [];
  private pooled = 0;
  private destination: Writable | null = null;
  private pipes = 0;
  private throttleTimer: TimerHandle | null = null;
  private throttledBytes = 0;
  private reading = false;
  /** Bytes per unlimited read: READ_BYTES, or FAST_READ_BYTES while the last window went out fast. */
  private readBytes = READ_BYTES;
  /** Where and when the current window began (see FAST_WINDOW_BYTES); null before the first window ended. */
  private window: { readonly startsAt: number; readonly startedAt: number } | null = null;

  constructor(options: FileSourceOptions) {
    super({ highWaterMark: READ_BYTES });
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.readAt = options.position;
    this.endAt = options.expected.size;
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    this.pipes += 1;
    this.destination = this.pipes === 1 ? (destination as unknown as Writable) : null;
    return super.pipe(destination, options);
  }

  override _read(): void {
    if (this.reading || this.destroyed) return;
    const bucket = this.options.bucket;
    const limited = bucket !== undefined && bucket.bytesPerSecond !== null;
    const length = Math.min(this.endAt - this.readAt, limited ? LIMITED_READ_BYTES : this.nextReadBytes());
    if (length <= 0) {
      this.reading = true;
      void this.checkUnchanged().then(
        () => this.push(null),
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
      return;
    }
    const wait = limited ? bucket.take(length) : 0;
    this.reading = true;
    if (wait <= 0) {
      this.readChunk(length);
      return;
    }
    this.throttledBytes = length;
    this.throttleTimer = this.clock.setTimeout(() => {
      this.throttleTimer = null;
      this.throttledBytes = 0;
      this.readChunk(length);
    }, wait);
  }

  /**
   * The unlimited read size, decided each FAST_WINDOW_BYTES: large reads where the connection takes the file fast,
   * 1 MiB where it does not, so that a slow connection's progress still moves every MiB.
   */
  private nextReadBytes(): number {
    const window = this.window;
    const readBytes = this.readAt - this.options.position;
    if (window === null) {
      if (readBytes >= FAST_WINDOW_BYTES) this.window = { startsAt: readBytes, startedAt: this.clock.now() };
    } else if (readBytes - window.startsAt >= FAST_WINDOW_BYTES) {
      const now = this.clock.now();
      this.readBytes = now - window.startedAt <= FAST_WINDOW_MS ? FAST_READ_BYTES : READ_BYTES;
      this.window = { startsAt: readBytes, startedAt: now };
    }
    return this.readBytes;
  }

  private readChunk(length: number): void {
    const { buffer, pooled } = this.takeBuffer(length);
    void this.options.handle.read(buffer, 0, length, this.readAt).then(
      ({ bytesRead }) => {
        this.reading = false;
        if (this.destroyed) return;
        if (bytesRead === 0) {
          this.destroy(this.changed({ how: 'ended', size: this.readAt }));
          return;
        }
        const chunk = buffer.subarray(0, bytesRead);
        this.readAt += bytesRead;
        this.pushedBytes += bytesRead;
        if (pooled) this.lent.push({ buffer, endsAt: this.pushedBytes });
        this.options.hash?.update(chunk);
        this.options.onBytes?.(bytesRead);
        this.push(chunk);
      },
      (error: unknown) => {
        this.reading = false;
        this.destroy(new WharfError('local-io', t('errors.localUnreadable', { path: this.options.path, reason: error instanceof Error ? error.message : String(error) }), { cause: error }));
      },
    );
  }

  /**
   * A pooled buffer of at least `length` bytes whose bytes have left the destination, else a new one (pooled while
   * the pool has room). A free buffer too small for a grown read size leaves the pool for a larger one.
   */
  private takeBuffer(length: number): { buffer: Buffer; pooled: boolean } {
    const destination = this.destination;
    if (destination !== null && this.pipes === 1) {
      const sent = this.pushedBytes - this.readableLength - destination.writableLength;
      while (this.lent.length > 0 && (this.lent[0] as Lent).endsAt <= sent) this.free.push((this.lent.shift() as Lent).buffer);
    }
    const reused = this.free.pop();
    if (reused && reused.length >= length) return { buffer: reused, pooled: true };
    if (reused) this.pooled -= 1;
    // A small file gets a buffer of its size: a 4 KiB upload has no use for a fresh MiB.
    const size = Math.max(length, Math.min(this.readBytes, this.endAt - this.options.position));
    if (this.pooled < POOLED_BUFFERS && this.pipes === 1) {
      this.pooled += 1;
      return { buffer: Buffer.allocUnsafeSlow(size), pooled: true };
    }
    return { buffer: Buffer.allocUnsafeSlow(size), pooled: false };
  }

  /** The end of the file is where it was, and it was not written since the upload was decided. */
  private async checkUnchanged(): Promise<void> {
    const now = await this.options.handle.stat();
    const { size, mtimeMs } = this.options.expected;
    if (now.size > size) throw this.changed({ how: 'grew', size: now.size, expected: size });
    if (now.size < size) throw this.changed({ how: 'shrank', size: now.size, expected: size });
    if (now.mtimeMs !== mtimeMs) throw this.changed({ how: 'saved' });
  }

  private changed(how: { how: 'shrank' | 'grew'; size: number; expected: number } | { how: 'ended'; size: number } | { how: 'saved' }): WharfError {
    return new WharfError('verification', t('errors.changedDuringUpload', { path: this.options.path, ...how }), { detail: { localPath: this.options.path } });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.throttleTimer !== null) this.clock.clearTimeout(this.throttleTimer);
    if (this.throttledBytes > 0) this.options.bucket?.refund(this.throttledBytes);
    this.throttleTimer = null;
    this.throttledBytes = 0;
    callback(error);
  }
}
