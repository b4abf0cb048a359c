/** A timer handle as the clock hands it out; opaque to callers. */
export type TimerHandle = unknown;

/**
 * Time as the queue sees it. Injected so scheduling tests advance a fake clock instead of sleeping,
 * and backoffs, throttles and debounces stay deterministic.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock. Timers stay ref'd: a CLI awaiting a retry backoff must not exit; `stop()` clears them. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    return setTimeout(callback, Math.max(0, delayMs));
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
