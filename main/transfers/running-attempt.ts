import { t } from '../../common/i18n/t';
import type { TransferItem } from '../../common/models/transfer';
import { WharfError } from '../core/errors';

/** Why the scheduler aborted a running attempt; decides the state the item lands in. */
export type AbortReason = 'pause' | 'requeue' | 'cancel' | 'remove' | 'stop';

const SPEED_WINDOW_MS = 3000;
const SPEED_SAMPLE_MS = 200;

/** What a running item shows: copied into the item when an update or a snapshot is taken, not per report. */
export interface LiveFigures {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly speed: number;
  readonly etaSeconds: number | null;
}

/** One running attempt of an item: how to stop it, why it was stopped, and its bytes and speed as reported. */
export class RunningAttempt {
  readonly controller = new AbortController();
  readonly attemptsBefore: number;
  /** Resolves when the runner has returned (`ended`). */
  readonly done: Promise<void>;
  abortReason: AbortReason | null = null;
  /** Set when the item was removed while running: cleaned up once the attempt has returned. */
  removedItem: TransferItem | null = null;
  bytesDone: number;
  bytesTotal: number;
  resumedFrom = 0;
  private speed = 0;
  /** (time, bytes) samples over the last seconds for the speed. */
  private samples: { t: number; b: number }[];
  private settle: () => void = () => undefined;

  constructor(item: TransferItem, now: number) {
    this.attemptsBefore = item.attempts;
    this.bytesDone = item.bytesDone;
    this.bytesTotal = item.bytesTotal;
    this.samples = [{ t: now, b: item.bytesDone }];
    this.done = new Promise<void>((resolve) => (this.settle = resolve));
  }

  /** The runner has returned. */
  ended(): void {
    this.settle();
  }

  /** Stops the attempt; a pause does not override a stronger reason given before (cancel, remove, stop). */
  abort(reason: AbortReason): void {
    if (this.abortReason === null || this.abortReason === 'requeue' || reason !== 'pause') {
      this.abortReason = reason;
    }
    if (!this.controller.signal.aborted) {
      this.controller.abort(new WharfError('cancelled', t('transfers.attemptStopped', { reason: reason === 'pause' || reason === 'stop' ? 'pause' : 'cancel' })));
    }
  }

  /** The runner knows the offset it continues from and the size. */
  started(resumedFrom: number, bytesTotal: number, now: number): void {
    this.resumedFrom = resumedFrom;
    this.bytesTotal = bytesTotal;
    this.bytesDone = resumedFrom;
    this.samples = [{ t: now, b: resumedFrom }];
  }

  progressed(bytesDone: number, now: number): void {
    this.bytesDone = bytesDone;
    const last = this.samples[this.samples.length - 1];
    if (!last || now - last.t >= SPEED_SAMPLE_MS) {
      this.samples.push({ t: now, b: bytesDone });
      while (this.samples.length > 2 && now - (this.samples[1] as { t: number }).t >= SPEED_WINDOW_MS) {
        this.samples.shift();
      }
    }
  }

  /** Bytes, speed over the last seconds, and the time left at that speed. */
  figures(now: number): LiveFigures {
    const oldest = this.samples[0];
    if (oldest && now - oldest.t >= SPEED_SAMPLE_MS) {
      this.speed = Math.max(0, ((this.bytesDone - oldest.b) * 1000) / (now - oldest.t));
    }
    const left = Math.max(0, this.bytesTotal - this.bytesDone);
    const etaSeconds = this.speed > 0 ? Math.ceil(left / this.speed) : null;
    return { bytesDone: this.bytesDone, bytesTotal: this.bytesTotal, speed: Math.round(this.speed), etaSeconds };
  }
}
