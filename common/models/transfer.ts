import type { WharfErrorData } from './errors';

/** Which way bytes go: upload sends a local file to the server, download brings a remote file here. */
export type TransferDirection = 'upload' | 'download';

/** A file is copied; a directory item creates a folder that has no files to carry it (empty folders too). */
export type TransferKind = 'file' | 'directory';

/**
 * Where an item is in its life. `queued` also covers an item waiting for its retry backoff
 * (`nextAttemptAt` set); `paused` keeps its byte offset so a resume continues from it.
 */
export type TransferState = 'queued' | 'running' | 'paused' | 'done' | 'failed' | 'skipped';

/** Every state, in the order the queue view groups them. */
export const TRANSFER_STATES: readonly TransferState[] = ['running', 'queued', 'paused', 'failed', 'skipped', 'done'];

/**
 * How a finished file was checked against the server: a server hash (HASH/XSHA256/XSHA1/XMD5/XCRC) of
 * the same algorithm computed locally, or only the size where the server offers no hash (vsftpd).
 */
export type VerificationMethod = 'SHA-256' | 'SHA-1' | 'MD5' | 'CRC32' | 'size';

/**
 * What to do when the target already exists. `ask` puts a question to the user (with "apply to all");
 * `overwrite-if-newer` compares modification times (1 s tolerance, skips when a time is unknown);
 * `resume` continues a shorter target from its size; `rename` writes `name (1).ext`.
 */
export type OverwritePolicy =
  | 'ask'
  | 'overwrite'
  | 'overwrite-if-newer'
  | 'overwrite-if-size-differs'
  | 'resume'
  | 'rename'
  | 'skip';

/** Every policy, in the order the settings and the CLI (`--overwrite=`) offer them. */
export const OVERWRITE_POLICIES: readonly OverwritePolicy[] = [
  'ask',
  'overwrite',
  'overwrite-if-newer',
  'overwrite-if-size-differs',
  'resume',
  'rename',
  'skip',
];

/** A policy that decides without asking: what an answer to an overwrite question may be. */
export type OverwriteChoice = Exclude<OverwritePolicy, 'ask'>;

/** Parallel transfers per site when the site sets none: two keeps small-file queues fast on any server. */
export const DEFAULT_SITE_CONCURRENCY = 2;

/** The most connections one site may use for transfers; more gets refused by most servers anyway. */
export const MAX_SITE_CONCURRENCY = 10;

/** One entry of the transfer queue, as plain data for the renderer, the CLI and the queue file. */
export interface TransferItem {
  readonly id: string;
  readonly kind: TransferKind;
  readonly direction: TransferDirection;
  readonly localPath: string;
  /** Absolute remote path, `/`-separated. */
  readonly remotePath: string;
  /** Which site's connection pool carries it (a site id, or a connection key for ad-hoc CLI targets). */
  readonly siteKey: string;
  /**
   * Where an upload is written until it is complete and verified, then renamed to `remotePath`
   * (`NAME.wharf-part` in the same folder); null: straight to `remotePath` (the site's "upload via a
   * temporary name" was off, a download, a folder, or an item saved by a Wharf without the setting).
   * Saved with the queue so a restarted Wharf resumes into the same file.
   */
  readonly temporaryRemotePath: string | null;
  /**
   * The folder the user chose for a download (the pane's folder, a sync's local folder, the CLI target):
   * the item's local path must stay inside it, links resolved. null for uploads and for items saved by a
   * Wharf that did not record it (their own folder is used).
   */
  readonly localRoot: string | null;
  /**
   * Where a download is written until it is complete and verified (`.NAME.<id>.wharf-part` beside the
   * target), recorded before the first byte so only a file Wharf made is ever resumed or deleted; null for
   * uploads and folders.
   */
  readonly temporaryLocalPath: string | null;
  /** Size of the source as known when queued (listing or stat); null where unknown. */
  readonly size: number | null;
  /** Modification time of the source as known when queued, ISO 8601 UTC; null where unknown. */
  readonly modifiedAt: string | null;
  /** What to do if the target exists; an answered `ask` is replaced by the answer. */
  readonly overwrite: OverwritePolicy;
  readonly state: TransferState;
  /** Bytes of the target written so far (including what an earlier attempt left). */
  readonly bytesDone: number;
  /** Bytes the target will have when done; the source size once the transfer started. */
  readonly bytesTotal: number;
  /** Bytes per second over the last seconds; 0 unless running. */
  readonly speed: number;
  /** Seconds left at the current speed; null when not running or unknown. */
  readonly etaSeconds: number | null;
  /** Attempts started so far; retries stop at the queue's limit. */
  readonly attempts: number;
  /** Why the last attempt failed (kept while a retry waits); null after success. */
  readonly lastError: WharfErrorData | null;
  /** When a retry waiting for its backoff may start, ISO 8601; null otherwise. */
  readonly nextAttemptAt: string | null;
  /** The byte offset the last attempt continued from (REST / APPE); 0 for a fresh start. */
  readonly resumedFrom: number;
  /** How the finished file was verified; null until done, or for directories. */
  readonly verifiedBy: VerificationMethod | null;
  /** Why an item was skipped (the overwrite policy said so), for people; null otherwise. */
  readonly skipReason: string | null;
  /**
   * A download fetched in ranges at once (the site's "segments"): the ranges and how much of each is on disk,
   * recorded as they progress so a pause, a cut or a restart continues range by range; absent or null for a
   * download in one stream, and once done.
   */
  readonly segments?: SegmentProgress | null;
}

/** One range of a segmented download: bytes [start, end) of the file, of which the first `done` are on disk. */
export interface SegmentRangeProgress {
  readonly start: number;
  readonly end: number;
  readonly done: number;
}

/** The ranges of a segmented download, and the remote file they belong to (a changed file starts over). */
export interface SegmentProgress {
  readonly size: number;
  /** ISO 8601, null where the server gave none. */
  readonly modifiedAt: string | null;
  readonly ranges: readonly SegmentRangeProgress[];
}

/** Totals over the whole queue for one progress bar and the window title. */
export interface QueueProgress {
  readonly total: number;
  readonly queued: number;
  readonly running: number;
  readonly paused: number;
  readonly done: number;
  readonly failed: number;
  readonly skipped: number;
  /** Bytes done over all items, finished ones included. */
  readonly bytesDone: number;
  /** Bytes of all items whose size is known. */
  readonly bytesTotal: number;
  /** Sum of the running items' speeds, bytes per second. */
  readonly speed: number;
  /** Seconds left at the current speed; null when idle. */
  readonly etaSeconds: number | null;
}

/** The whole queue at one moment: what a freshly loaded window asks for once. */
export interface QueueSnapshot {
  /** Increases with every update; an update applies only to the snapshot of the revision before it. */
  readonly revision: number;
  /** The whole queue is paused: nothing new starts until it is resumed. */
  readonly paused: boolean;
  /** Items in queue order. */
  readonly items: readonly TransferItem[];
  readonly progress: QueueProgress;
}

/**
 * What changed since the previous update, pushed at most about 10 times a second however many items
 * run, so a 10,000-file queue sends only the items that moved instead of the whole list.
 */
export interface QueueUpdate {
  readonly revision: number;
  readonly paused: boolean;
  readonly progress: QueueProgress;
  /** Changed items replace theirs by id; items not known yet are appended in this order. */
  readonly items: readonly TransferItem[];
  readonly removedIds: readonly string[];
  /** The full order of ids when existing items were reordered; null when only appended or removed. */
  readonly order: readonly string[] | null;
}

/**
 * Applies an update to a snapshot, as the renderer's queue store and the CLI do. Pure; O(items).
 */
export function applyQueueUpdate(snapshot: QueueSnapshot, update: QueueUpdate): QueueSnapshot {
  const removed = new Set(update.removedIds);
  const changed = new Map(update.items.map((item) => [item.id, item]));
  const known = new Map<string, TransferItem>();
  for (const item of snapshot.items) {
    if (!removed.has(item.id)) known.set(item.id, changed.get(item.id) ?? item);
  }
  let items: TransferItem[];
  if (update.order) {
    items = [];
    for (const id of update.order) {
      const item = changed.get(id) ?? known.get(id);
      if (item) items.push(item);
    }
  } else {
    items = [...known.values()];
    for (const item of update.items) {
      if (!known.has(item.id) && !removed.has(item.id)) items.push(item);
    }
  }
  return { revision: update.revision, paused: update.paused, items, progress: update.progress };
}

/** Size and time of one side of a conflict, for the question dialog and the policy decision. */
export interface FileFacts {
  readonly size: number | null;
  /** ISO 8601 UTC; null where unknown. */
  readonly modifiedAt: string | null;
}

/** The renderer's "file exists" dialog: one question at a time, answered with `OverwriteAnswer`. */
export interface OverwriteQuestion {
  readonly id: string;
  readonly itemId: string;
  readonly direction: TransferDirection;
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly source: FileFacts;
  readonly target: FileFacts;
}

/** The user's answer; `applyToAll` sets the same choice on every item still set to `ask`. */
export interface OverwriteAnswer {
  readonly questionId: string;
  readonly choice: OverwriteChoice;
  readonly applyToAll: boolean;
  /** With `rename`: the name the user typed for this item's target (a name, not a path); default: the next free number. */
  readonly newName?: string;
}
