/**
 * The last failed action of each pane (listing, new folder, rename, delete, move), shown in place in that
 * pane with Retry, as a file manager does; notices stay in their corner. A pane's failure leaves when its
 * retry succeeds, when it is dismissed, or when the pane lists a folder again.
 */
import type { WharfErrorData } from '../../common/models/errors';
import type { PaneSide } from './pane-model';
import { Store } from './store';

/** One failed action of a pane. */
export interface PaneFailure {
  /** What was being done, in words ("Rename", "Remote folder"). */
  readonly action: string;
  readonly error: WharfErrorData;
  /** Repeats the action; resolves true when it worked. */
  readonly retry: () => Promise<boolean>;
  /** Listing the folder failed: the next listing of the pane settles it. */
  readonly listing?: boolean;
}

/** The failures of both panes. */
export type PaneFailureState = Readonly<Record<PaneSide, PaneFailure | null>>;

/** Keeps each pane's failed action and runs its retry. */
export class PaneFailures {
  readonly store = new Store<PaneFailureState>({ local: null, remote: null });
  private readonly retrying = new Set<PaneSide>();

  /** Shows a failed action in its pane (replacing an older one). */
  fail(side: PaneSide, failure: PaneFailure): void {
    this.store.update((s) => ({ ...s, [side]: failure }));
  }

  /** Takes the pane's failure away. */
  clear(side: PaneSide): void {
    if (this.store.get()[side] !== null) this.store.update((s) => ({ ...s, [side]: null }));
  }

  /** The pane listed a folder: a failed listing is over; another action's failure stays until the pane moves. */
  listed(side: PaneSide, moved: boolean): void {
    const failure = this.store.get()[side];
    if (failure && (moved || failure.listing === true)) this.clear(side);
  }

  /** Repeats the pane's failed action once at a time; a new failure of the retry takes its place. */
  async retry(side: PaneSide): Promise<void> {
    const failure = this.store.get()[side];
    if (!failure || this.retrying.has(side)) return;
    this.retrying.add(side);
    try {
      if (await failure.retry()) {
        if (this.store.get()[side] === failure) this.clear(side);
      }
    } finally {
      this.retrying.delete(side);
    }
  }
}
