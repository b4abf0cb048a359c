import { t } from '../../common/i18n/t';
import type { QueueProgress } from '../../common/models/transfer';

/** A queue that ran at least this long earns a notification when it finishes. */
export const LONG_QUEUE_MS = 10_000;

/** What the OS should show for the queue now. */
export interface QueueIndicator {
  /** 0..1 for the taskbar/dock progress bar, or -1 to hide it. */
  readonly progress: number;
  /** A notification to show now (the queue just finished after a long run), or null. */
  readonly notify: { readonly title: string; readonly body: string } | null;
}

/**
 * Turns queue progress into taskbar progress and a "transfers finished" notification. Pure state machine
 * fed with each update and the time, so it is tested without a window or a clock.
 */
export class QueueProgressTracker {
  private busySince: number | null = null;

  update(progress: QueueProgress, now: number): QueueIndicator {
    const busy = progress.running > 0 || progress.queued > 0;
    if (busy) {
      this.busySince ??= now;
      const fraction = progress.bytesTotal > 0 ? Math.min(1, progress.bytesDone / progress.bytesTotal) : 0;
      return { progress: fraction, notify: null };
    }
    const startedAt = this.busySince;
    this.busySince = null;
    if (startedAt !== null && now - startedAt >= LONG_QUEUE_MS) {
      const body = t('app.notify.transfersSummary', { done: progress.done, failed: progress.failed });
      return { progress: -1, notify: { title: t('app.notify.transfersFinished'), body } };
    }
    return { progress: -1, notify: null };
  }
}
