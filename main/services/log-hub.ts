import type { LogLine } from '../../common/models/log';
import type { EventHub } from './event-hub';

/** Lines kept for a reloaded window (`logRecent`). */
export const LOG_HISTORY_LIMIT = 5000;

/** How long lines gather before one `log` event carries them: a busy queue logs thousands per second. */
export const LOG_BATCH_MS = 100;

/**
 * Collects the FTP dialogue of every connection (already password-masked by the engine), keeps the most
 * recent lines and pushes them in batches, so IPC carries at most ~10 log events a second.
 */
export class LogHub {
  private readonly history: LogLine[] = [];
  private pending: LogLine[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly events: EventHub) {}

  /** Adds a line; it is pushed with the next batch. */
  push(line: LogLine): void {
    this.history.push(line);
    if (this.history.length > LOG_HISTORY_LIMIT) this.history.splice(0, this.history.length - LOG_HISTORY_LIMIT);
    this.pending.push(line);
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), LOG_BATCH_MS);
      this.timer.unref();
    }
  }

  /** Adds a line of our own (connection state, errors) to the same log the user reads. */
  info(connectionId: string, direction: LogLine['direction'], text: string): void {
    this.push({ time: new Date().toISOString(), connectionId, direction, text });
  }

  /** Pushes what is pending now (also called at shutdown, and by tests instead of waiting). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    this.events.emit('log', { lines });
  }

  /** The most recent lines, oldest first. */
  recent(): readonly LogLine[] {
    return [...this.history];
  }
}
