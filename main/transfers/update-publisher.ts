import type { QueueUpdate } from '../../common/models/transfer';
import type { Clock, TimerHandle } from './clock';

/** Where updates come from: what changed since the last one (null: nothing), and whether transfers run. */
export interface UpdateSource {
  collect(): Omit<QueueUpdate, 'revision'> | null;
  isRunning(): boolean;
}

/**
 * Sends queue changes to subscribers at most once per interval however many items change, numbered by
 * revision so a window can join a snapshot with the updates after it.
 */
export class UpdatePublisher {
  private currentRevision = 0;
  private timer: TimerHandle | null = null;
  private lastUpdateAt = Number.NEGATIVE_INFINITY;
  private stopped = false;
  private readonly listeners = new Set<(update: QueueUpdate) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly source: UpdateSource,
  ) {}

  /** The revision of the last update sent. */
  get revision(): number {
    return this.currentRevision;
  }

  subscribe(listener: (update: QueueUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something changed: an update goes out when the interval since the last one has passed. */
  schedule(): void {
    if (this.timer !== null || this.listeners.size === 0 || this.stopped) return;
    const delay = Math.max(0, this.lastUpdateAt + this.intervalMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.publish();
    }, delay);
  }

  /** No updates from now on (a quit). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private publish(): void {
    const changes = this.source.collect();
    if (changes === null) return;
    this.lastUpdateAt = this.clock.now();
    this.currentRevision += 1;
    const update: QueueUpdate = { revision: this.currentRevision, ...changes };
    for (const listener of this.listeners) listener(update);
    // Running transfers keep changing speed and ETA even between progress reports.
    if (this.source.isRunning()) this.schedule();
  }
}
