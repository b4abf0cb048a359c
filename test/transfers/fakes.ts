/** Test doubles for the queue's seams: time and the transfer runner. No sockets, no sleeps. */
import type { TransferItem } from '../../common/models/transfer';
import type { Clock, TimerHandle } from '../../main/transfers/clock';
import type { TransferOutcome, TransferRunContext, TransferRunner } from '../../main/transfers/transfer-runner';

interface FakeTimer {
  readonly id: number;
  readonly at: number;
  /** How long before `at` it fires (see `earlyMs`). */
  readonly early: number;
  readonly callback: () => void;
}

/** A clock that moves only when a test says so; timers fire in time order inside `advance`. */
export class FakeClock implements Clock {
  private time = Date.UTC(2025, 0, 1);
  private nextId = 1;
  private timers: FakeTimer[] = [];

  /**
   * @param earlyMs timers longer than this fire this much before `now()` reaches their time, as Node's
   *   can (its loop time is read once per turn); shorter ones (a re-armed remainder) fire on time. default 0
   */
  constructor(private readonly earlyMs = 0) {}

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const early = delayMs > this.earlyMs ? this.earlyMs : 0;
    const timer = { id: this.nextId++, at: this.time + Math.max(0, delayMs), early, callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Moves time forward, firing every timer that falls due (including ones set while advancing). */
  advance(ms: number): void {
    const end = this.time + ms;
    const firesAt = (t: FakeTimer) => t.at - t.early;
    for (;;) {
      const due = this.timers.filter((t) => firesAt(t) <= end).sort((a, b) => firesAt(a) - firesAt(b) || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, firesAt(due));
      due.callback();
    }
    this.time = end;
  }

  /** Timers not fired yet. */
  get pending(): number {
    return this.timers.length;
  }
}

/** One attempt the fake runner was asked to do; the test ends it. */
export interface FakeAttempt {
  readonly item: TransferItem;
  readonly context: TransferRunContext;
  settled: boolean;
  succeed(bytesTotal?: number): void;
  skip(reason: string): void;
  fail(error: unknown): void;
}

/**
 * A runner whose attempts stay open until the test ends them. Like the real session, an aborted signal
 * ends the attempt with a `cancelled` error.
 */
export class FakeRunner implements TransferRunner {
  readonly attempts: FakeAttempt[] = [];
  readonly discarded: TransferItem[] = [];

  run(item: TransferItem, context: TransferRunContext): Promise<TransferOutcome> {
    return new Promise<TransferOutcome>((resolve, reject) => {
      const attempt: FakeAttempt = {
        item,
        context,
        settled: false,
        succeed: (bytesTotal = item.size ?? 0) => {
          attempt.settled = true;
          resolve({ status: 'done', bytesTotal, verifiedBy: 'size' });
        },
        skip: (reason) => {
          attempt.settled = true;
          resolve({ status: 'skipped', reason });
        },
        fail: (error) => {
          attempt.settled = true;
          reject(error);
        },
      };
      context.signal.addEventListener('abort', () => attempt.fail({ kind: 'cancelled', message: 'The transfer was cancelled.' }), { once: true });
      this.attempts.push(attempt);
    });
  }

  async discard(item: TransferItem): Promise<void> {
    this.discarded.push(item);
  }

  /** Attempts still open, oldest first. */
  get open(): FakeAttempt[] {
    return this.attempts.filter((a) => !a.settled);
  }

  /** Remote paths of open attempts, for readable assertions. */
  get openPaths(): string[] {
    return this.open.map((a) => a.item.remotePath);
  }
}

/** Lets promise callbacks run (the scheduler reacts to a runner's result in a then): no time passes. */
export async function drain(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
