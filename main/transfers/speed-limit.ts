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

/**
 * A pass-through stream that counts bytes (for progress per chunk, finer than basic-ftp's 500 ms
 * tracker) and holds chunks back as the bucket says. Memory stays flat: one chunk waits at a time and
 * back-pressure reaches the socket.
 */
export function createMeteredStream(options: {
  bucket?: TokenBucket;
  clock?: Clock;
  onBytes?: (chunkBytes: number) => void;
  highWaterMark?: number;
}): Transform {
  const clock = options.clock ?? systemClock;
  let pending: TimerHandle | null = null;
  return new Transform({
    highWaterMark: options.highWaterMark ?? 1024 * 1024,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const wait = options.bucket?.take(chunk.length) ?? 0;
      const pass = () => {
        pending = null;
        options.onBytes?.(chunk.length);
        callback(null, chunk);
      };
      if (wait <= 0) pass();
      else pending = clock.setTimeout(pass, wait);
    },
    destroy(error, callback) {
      if (pending !== null) clock.clearTimeout(pending);
      pending = null;
      callback(error);
    },
  });
}
