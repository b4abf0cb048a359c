import type { Clock, TimerHandle } from './clock';

/** Timers that wake the pump at a given time (a retry's backoff, a site's pause), all cleared on quit. */
export class WakeTimers {
  private readonly timers = new Set<TimerHandle>();
  private readonly retryTimers = new Map<string, TimerHandle>();

  constructor(
    private readonly clock: Clock,
    private readonly wake: () => void,
  ) {}

  /** Wakes the pump at `at`; with `retryOf`, the timer of that item's retry, which `clearRetry` cancels. */
  wakeAt(at: number, retryOf?: string): void {
    const handle = this.arm(at);
    if (retryOf !== undefined) this.retryTimers.set(retryOf, handle);
  }

  /** The item no longer waits for its retry (paused, cancelled, removed). */
  clearRetry(id: string): void {
    const handle = this.retryTimers.get(id);
    if (handle === undefined) return;
    this.clock.clearTimeout(handle);
    this.timers.delete(handle);
    this.retryTimers.delete(id);
  }

  clearAll(): void {
    for (const timer of this.timers) this.clock.clearTimeout(timer);
    this.timers.clear();
    this.retryTimers.clear();
  }

  private arm(at: number): TimerHandle {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle);
      // Node fires timers by libuv's loop time, read once per turn, so this can run a few ms before now()
      // reaches `at`: the pump would skip what this timer was set for, and nothing would wake it again.
      if (this.clock.now() < at) {
        this.arm(at);
        return;
      }
      this.wake();
    }, Math.max(0, at - this.clock.now()));
    this.timers.add(handle);
    return handle;
  }
}
