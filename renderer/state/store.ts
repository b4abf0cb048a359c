/**
 * A tiny observable store: one per domain (sites, each pane, queue, log, dialogs). Readonly state replaced
 * whole on every change, so `useSyncExternalStore` can compare snapshots by identity. No DOM, no React:
 * unit tests drive it in plain Node.
 */
export class Store<T> {
  private state: T;
  private readonly listeners = new Set<() => void>();

  constructor(initial: T) {
    this.state = initial;
  }

  /** The current state (the same object until the next change). */
  readonly get = (): T => this.state;

  /** Replaces the state; listeners run only when it actually changed. */
  set(next: T): void {
    if (Object.is(next, this.state)) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }

  /** Replaces the state with what `change` makes of it. */
  update(change: (state: T) => T): void {
    this.set(change(this.state));
  }

  /** Calls `listener` after each change; returns the unsubscribe function (the shape React expects). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
