import { Transform, type TransformCallback } from 'node:stream';
import { systemClock, type Clock, type TimerHandle } from './clock';

/**
 * One global speed limit shared by every transfer: a token bucket that may go into debt, so chunks of
 * any size pass whole and the average rate holds. A rate of null means unlimited.
 */
export class TokenBucket {
  private rate: number | null;
  private tokens: number;
  private last: number;
  private readonly clock: Clock;

  constructor(bytesPerSecond: number | null, clock: Clock = systemClock) {
    this.clock = clock;
    this.rate = normalizeRate(bytesPerSecond);
    this.tokens = this.burst();
    this.last = clock.now();
  }

  /** Bytes per second, or null when unlimited. */
  get bytesPerSecond(): number | null {
    return this.rate;
  }

  /** Changes the limit at once for every running transfer. */
  setRate(bytesPerSecond: number | null): void {
    this.refill();
    this.rate = normalizeRate(bytesPerSecond);
    this.tokens = Math.min(this.tokens, this.burst());
  }

  /** Takes `bytes` from the bucket; returns how long to wait before passing them on (0: at once). */
  take(bytes: number): number {
    if (this.rate === null) return 0;
    this.refill();
    this.tokens -= bytes;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.rate);
  }

  /** Gives back bytes taken for data that never went out (a transfer stopped while it waited). */
  refund(bytes: number): void {
    if (this.rate === null) return;
    this.refill();
    this.tokens = Math.min(this.burst(), this.tokens + bytes);
  }

  private refill(): void {
    const now = this.clock.now();
    if (this.rate !== null) this.tokens = Math.min(this.burst(), this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
  }

  /** A quarter second of data may pass in one go: smooth enough, without a timer per chunk. */
  private burst(): number {
    return this.rate === null ? 0 : Math.max(16 * 1024, this.rate / 4);
  }
}

function normalizeRate(bytesPerSecond: number | null): number | null {
  return bytesPerSecond !== null && Number.isFinite(bytesPerSecond) && bytesPerSecond > 0 ? bytesPerSecond : null;
}

/** Under a limit, chunks are metered in slices this big, so progress moves smoothly and a pause costs little. */
const SLICE_BYTES = 64 * 1024;

/**
 * A pass-through stream that counts bytes (for progress per chunk, finer than basic-ftp's 500 ms
 * tracker) and holds data back as the bucket says. Under a limit a chunk goes out in slices: a 1 MiB
 * chunk at 128 KiB/s would otherwise show no progress for 8 s, and a pause during that wait would leave
 * its debt to the next attempt (the slice still waiting is refunded). Memory stays flat: one chunk waits
 * at a time and back-pressure reaches the socket.
 */
export function createMeteredStream(options: {
  bucket?: TokenBucket;
  clock?: Clock;
  onBytes?: (chunkBytes: number) => void;
  highWaterMark?: number;
}): Transform {
  const clock = options.clock ?? systemClock;
  const bucket = options.bucket;
  let pending: TimerHandle | null = null;
  let waitingBytes = 0;
  return new Transform({
    highWaterMark: options.highWaterMark ?? 1024 * 1024,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (!bucket || bucket.bytesPerSecond === null) {
        options.onBytes?.(chunk.length);
        callback(null, chunk);
        return;
      }
      let offset = 0;
      const sendNext = (): void => {
        if (offset >= chunk.length) {
          callback();
          return;
        }
        const slice = chunk.subarray(offset, offset + SLICE_BYTES);
        offset += slice.length;
        const pass = () => {
          pending = null;
          waitingBytes = 0;
          options.onBytes?.(slice.length);
          this.push(slice);
          sendNext();
        };
        const wait = bucket.take(slice.length);
        if (wait <= 0) pass();
        else {
          waitingBytes = slice.length;
          pending = clock.setTimeout(pass, wait);
        }
      };
      sendNext();
    },
    destroy(error, callback) {
      if (pending !== null) clock.clearTimeout(pending);
      pending = null;
      if (waitingBytes > 0) bucket?.refund(waitingBytes);
      waitingBytes = 0;
      callback(error);
    },
  });
}
