import type {
  FileFacts,
  OverwriteChoice,
  SegmentProgress,
  TransferItem,
  VerificationMethod,
} from '../../common/models/transfer';

/** A conflict as the runner found it; the scheduler adds the ids and asks the user. */
export interface OverwriteConflict {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly source: FileFacts;
  readonly target: FileFacts;
}

/**
 * What the scheduler hands a runner for one attempt. The runner reports, the scheduler decides: the
 * runner never changes item state itself.
 */
export interface TransferRunContext {
  /** Aborted when the item is paused, cancelled or removed, or the queue stops: close the data connection. */
  readonly signal: AbortSignal;
  /** Continue from what an earlier attempt left (the temporary file's size, the remote size); false: start at byte 0. */
  readonly resume: boolean;
  /** The offset this attempt starts from (REST/APPE) and the size of the whole target. */
  reportStarted(resumedFrom: number, bytesTotal: number): void;
  /** Bytes of the target written so far, offset included. Cheap: call it per chunk. */
  reportProgress(bytesDone: number): void;
  /** The target got a new name (`rename` policy); retries then continue under that name (and its temporary one). */
  retarget(paths: { readonly localPath?: string; readonly remotePath?: string; readonly temporaryRemotePath?: string | null; readonly temporaryLocalPath?: string }): void;
  /**
   * Asks the user what to do about an existing target (policy `ask`); resolves with the choice, which
   * also becomes the item's policy so a retry does not ask again. Rejects if the attempt is aborted.
   */
  askOverwrite(conflict: OverwriteConflict): Promise<OverwriteChoice>;
  /** The name typed with a rename answer for this item, if any. */
  chosenName?(): string | null;
  /**
   * Records a segmented download's ranges on the item (saved with the queue) so a later attempt continues
   * them; null when done or given up. Kept even as the attempt is being stopped: that is when it matters.
   */
  recordSegments?(progress: SegmentProgress | null): void;
  /**
   * The attempt has given its connection back and only waits for replies (a verified upload's rename, sent with
   * the session's next transfer): it no longer counts against the site's connections, so the next item starts.
   * Call it right before releasing the lease, so the next item is waiting for that session.
   */
  connectionFreed?(): void;
}

/** How an attempt ended when it did not throw. */
export type TransferOutcome =
  | {
      readonly status: 'done';
      readonly bytesTotal: number;
      readonly verifiedBy: VerificationMethod | null;
    }
  | { readonly status: 'skipped'; readonly reason: string };

/**
 * Does one attempt of one item: the seam between the pure scheduler and sockets and files. The real
 * one is `FtpsTransferRunner`; scheduling tests pass a fake. Failures are thrown (a WharfError, ideally)
 * and classified by the scheduler (`classifyFailure`).
 */
export interface TransferRunner {
  run(item: TransferItem, context: TransferRunContext): Promise<TransferOutcome>;
  /** Cleans up what an unfinished item left behind when the user removes it (a download's recorded temporary file, an upload's `.wharf-part`). */
  discard?(item: TransferItem): Promise<void>;
}
