/**
 * Folder compare and synchronisation as plain data: what differs between a local and a remote folder,
 * and the plan of actions (copy, overwrite, delete) a sync would carry out, each with an id the preview's
 * checkboxes refer to.
 */
import type { WharfErrorData } from './errors';
import type { VerificationMethod } from './transfer';

/** How one path compares. */
export type CompareStatus = 'same' | 'different' | 'only-local' | 'only-remote';

/** Why two entries differ. `contents`: a folder with differences somewhere below it. */
export type DifferenceReason = 'type' | 'size' | 'modified-time' | 'hash' | 'contents';

/** One side of a compared entry. */
export interface CompareSide {
  readonly type: 'file' | 'directory';
  /** Bytes; null for folders or where unknown. */
  readonly size: number | null;
  /** ISO 8601 UTC, remote times already corrected by the timezone offset; null where unknown. */
  readonly modifiedAt: string | null;
  /** A server-computed hash (HASH) and the same computed locally, when hashes were compared. */
  readonly hash: { readonly algorithm: 'SHA-256' | 'SHA-1' | 'MD5' | 'CRC32'; readonly hex: string } | null;
}

/** One path present on either side. */
export interface CompareEntry {
  /** `/`-separated, relative to the compared folders, e.g. `docs/a.txt`; never empty. */
  readonly relativePath: string;
  readonly name: string;
  readonly status: CompareStatus;
  /** Empty unless `different`. */
  readonly reasons: readonly DifferenceReason[];
  /** Which side has the newer modification time, when times differ beyond the tolerance. */
  readonly newer: 'local' | 'remote' | null;
  /** One line for people: "sizes differ: 10 B here, 12 B on the server". */
  readonly explanation: string;
  readonly local: CompareSide | null;
  readonly remote: CompareSide | null;
}

/**
 * An entry left out and why: a hostile remote name, a symbolic link to a folder, a name FTP cannot carry, a
 * server folder that could not be read.
 */
export interface SkippedPath {
  readonly side: 'local' | 'remote';
  /** Printable (control characters escaped). */
  readonly path: string;
  readonly reason: string;
  /** A folder whose contents are unknown (the server would not list it): the sync is not whole. */
  readonly unreadFolder?: true;
}

/** How a compare was made. */
export interface CompareSettings {
  readonly recursive: boolean;
  /** The offset applied to the server's listing times (minutes the server's clock is ahead of UTC). */
  readonly timezoneOffsetMinutes: number;
  /** False when the server lists in UTC (MLSD): the offset then does not apply and was not used. */
  readonly offsetApplies: boolean;
  /** Times this close count as equal (listings round to seconds or minutes). */
  readonly toleranceSeconds: number;
  /** The hash compared for equal-size files, or null when only sizes and times were compared. */
  readonly hashAlgorithm: 'SHA-256' | 'SHA-1' | 'MD5' | 'CRC32' | null;
  /** Only sizes were compared (times and hashes ignored); absent means false. */
  readonly sizeOnly?: boolean;
}

/** The result of comparing two folders. */
export interface CompareResult {
  readonly localRoot: string;
  readonly remoteRoot: string;
  readonly settings: CompareSettings;
  /** Every path, parents before children, sorted by path. */
  readonly entries: readonly CompareEntry[];
  readonly skipped: readonly SkippedPath[];
  readonly summary: { readonly same: number; readonly different: number; readonly onlyLocal: number; readonly onlyRemote: number };
  /** ISO 8601. */
  readonly comparedAt: string;
}

/** Which way a sync goes. `mirror`: both ways, the newer copy wins. */
export type SyncDirection = 'up' | 'down' | 'mirror';

/** What an action does. */
export type SyncOperation = 'copy' | 'overwrite' | 'delete';

/** One planned action; the preview shows one checkbox per action. */
export interface SyncAction {
  /** Stable for the same operation on the same path, so a refreshed preview keeps the user's choices. */
  readonly id: string;
  readonly operation: SyncOperation;
  /** The side that changes: `remote` for an upload or a remote delete, `local` for a download or a local delete. */
  readonly target: 'local' | 'remote';
  readonly kind: 'file' | 'directory';
  readonly relativePath: string;
  readonly localPath: string;
  readonly remotePath: string;
  /** Bytes to transfer (files), or bytes removed; null for folders. */
  readonly size: number | null;
  /** Why this action: "only here", "newer here", "sizes differ", "deleted on the server since the last sync". */
  readonly reason: string;
  /** Whether the preview's checkbox starts ticked. An overwrite of a newer copy starts unticked. */
  readonly selected: boolean;
  /** What the user should know before ticking it, or null. */
  readonly warning: string | null;
}

/** A path the plan leaves alone because it cannot decide (a file here, a folder there; both changed). */
export interface SyncConflict {
  readonly relativePath: string;
  readonly reason: string;
}

/** A sync preview: every action, nothing run yet. */
export interface SyncPlan {
  /** Refers to this plan in `syncRun`. */
  readonly planId: string;
  readonly direction: SyncDirection;
  /** Deletions were asked for; without it the plan has no delete actions at all. */
  readonly deleteEnabled: boolean;
  readonly localRoot: string;
  readonly remoteRoot: string;
  readonly actions: readonly SyncAction[];
  readonly conflicts: readonly SyncConflict[];
  readonly skipped: readonly SkippedPath[];
  /** Things to say above the list ("3 files only on the server are kept: deletion was not chosen"). */
  readonly notes: readonly string[];
  readonly summary: {
    readonly copy: number;
    readonly overwrite: number;
    readonly delete: number;
    readonly bytesUp: number;
    readonly bytesDown: number;
  };
  readonly compare: CompareResult;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** How one action ended. */
export interface SyncActionResult {
  readonly actionId: string;
  readonly status: 'done' | 'skipped' | 'failed';
  /** The queue item that carried a copy or overwrite; null for deletions. */
  readonly transferId: string | null;
  readonly verifiedBy: VerificationMethod | null;
  readonly error: WharfErrorData | null;
  /** Why it was skipped (the target appeared or changed since the preview). */
  readonly note: string | null;
}

/** What a sync run did. */
export interface SyncRunResult {
  readonly planId: string;
  readonly dryRun: boolean;
  /** `syncCancel` stopped it: what had not ended then is skipped with a note saying so. */
  readonly cancelled: boolean;
  readonly results: readonly SyncActionResult[];
  readonly summary: { readonly done: number; readonly skipped: number; readonly failed: number };
}

// ---------------------------------------------------------------------------------------------------------
// IPC requests (their validators: sync-schema.ts)

/** `syncCompare`: compare a local folder with a folder of an open browsing session. */
export interface SyncCompareRequest {
  readonly sessionId: string;
  readonly localRoot: string;
  readonly remoteRoot: string;
  /** default true */
  readonly recursive?: boolean;
  /** default: the site's offset. Minutes the server's clock is ahead of UTC (LIST times only). */
  readonly timezoneOffsetMinutes?: number;
  /** Compare server hashes of equal-size files where the server offers HASH. default true */
  readonly useHash?: boolean;
  /** Compare sizes only, as FileZilla's "compare file size": for servers whose times cannot be trusted or set. default false */
  readonly sizeOnly?: boolean;
}

/** `syncPlan`: compare, then plan a sync in one direction (or both). */
export interface SyncPlanRequest extends SyncCompareRequest {
  readonly direction: SyncDirection;
  /** Delete what the other side does not have (mirror: what was deleted since the last sync). default false */
  readonly delete?: boolean;
}

/** `syncRun`: run the ticked actions of a plan (through the transfer queue) and wait for them. */
export interface SyncRunRequest {
  readonly planId: string;
  /** default: the actions whose checkbox starts ticked */
  readonly actionIds?: readonly string[];
}

/**
 * A sync under way, as main keeps it: the window shows it while its dialog is closed and after a reload,
 * and cancels it with `syncCancel`. Published by `syncRunning` and, as it changes, by `syncProgress`.
 */
export interface RunningSync {
  readonly planId: string;
  readonly direction: SyncDirection;
  readonly localRoot: string;
  readonly remoteRoot: string;
  /** The site's name, or user@host for a quick connection. */
  readonly siteLabel: string;
  /** Actions that have ended (done, skipped or failed). */
  readonly actionsDone: number;
  /** Every action the run carries out; `actionsTotal - actionsDone` are left. */
  readonly actionsTotal: number;
  /** `syncCancel` was asked: its transfers are being cancelled and no deletion starts. */
  readonly cancelled: boolean;
  /** The run has ended (the last `syncProgress` of a sync); `syncRunning` lists only those not ended. */
  readonly ended: boolean;
}
