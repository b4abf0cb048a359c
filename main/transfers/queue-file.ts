import { lstat, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ERROR_KINDS, type WharfErrorData } from '../../common/models/errors';
import {
  OVERWRITE_POLICIES,
  TRANSFER_STATES,
  type SegmentProgress,
  type SegmentRangeProgress,
  type TransferItem,
  type VerificationMethod,
} from '../../common/models/transfer';
import { isTemporaryDownloadPathFor } from './local-target';
import { systemClock, type Clock, type TimerHandle } from './clock';

/** Bumped when the file's shape changes incompatibly; older files are then read through a migration. */
export const QUEUE_FILE_VERSION = 1;

/** What the queue file holds. */
export interface SavedQueue {
  readonly paused: boolean;
  readonly items: readonly TransferItem[];
}

/** Items serialized per write: each chunk takes well under a millisecond, so saving 100,000 items never stalls the event loop. */
const ITEMS_PER_CHUNK = 500;

let temporaryCounter = 0;

/**
 * Writes the queue atomically: to a temporary file beside it, flushed to disk, then renamed over the
 * old one, so a crash leaves either the old or the new queue, never half of one. Serialized in chunks
 * with a turn of the event loop between them.
 */
export async function saveQueueFile(path: string, queue: SavedQueue): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  temporaryCounter += 1;
  const temporary = `${path}.${process.pid}.${temporaryCounter}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.write(`{"version":${QUEUE_FILE_VERSION},"paused":${queue.paused},"items":[\n`);
    for (let i = 0; i < queue.items.length; i += ITEMS_PER_CHUNK) {
      const chunk = queue.items.slice(i, i + ITEMS_PER_CHUNK).map((item) => JSON.stringify(persistable(item)));
      await handle.write(`${i > 0 ? ',\n' : ''}${chunk.join(',\n')}`);
      await nextTurn();
    }
    await handle.write('\n]}\n');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
}

/** Speed and ETA mean nothing after a restart; everything else is kept. */
function persistable(item: TransferItem): TransferItem {
  return item.speed === 0 && item.etaSeconds === null ? item : { ...item, speed: 0, etaSeconds: null };
}

/** What loading found: the queue, how many entries were unreadable, and where a corrupt file was moved. */
export interface LoadedQueue extends SavedQueue {
  readonly dropped: number;
  readonly corruptFileMovedTo: string | null;
}

/**
 * Reads the queue file. A missing file is an empty queue; a file that is not JSON is moved aside (kept
 * for a bug report) and the queue starts empty; single malformed items are dropped and counted.
 * Running items come back paused, keeping their byte offsets.
 */
export async function loadQueueFile(path: string, clock: Clock = systemClock): Promise<LoadedQueue> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { paused: false, items: [], dropped: 0, corruptFileMovedTo: null };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const aside = `${path}.corrupt-${new Date(clock.now()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, aside);
    return { paused: false, items: [], dropped: 0, corruptFileMovedTo: aside };
  }
  const root = isRecord(parsed) ? parsed : {};
  const rawItems = Array.isArray(root.items) ? root.items : [];
  const items: TransferItem[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const raw of rawItems) {
    const item = await withPartialOffset(raw, restoreItem(raw));
    if (item && !seen.has(item.id)) {
      seen.add(item.id);
      items.push(item);
    } else {
      dropped += 1;
    }
  }
  return { paused: root.paused === true, items, dropped, corruptFileMovedTo: null };
}

/**
 * A download that was running when the process died continues from its recorded temporary file, which is written as bytes
 * arrive, while the offset in the file is only as recent as the last save (progress alone is not saved):
 * a save made before the first byte would restart a large download from byte 0.
 */
async function withPartialOffset(raw: unknown, item: TransferItem | null): Promise<TransferItem | null> {
  if (item === null || !isRecord(raw) || raw.state !== 'running' || item.direction !== 'download' || item.kind !== 'file') return item;
  // A download in ranges: its temporary has its full size from the start; the ranges say what arrived.
  if (item.temporaryLocalPath === null || item.segments) return item;
  const partSize = await lstat(item.temporaryLocalPath).then((info) => (info.isFile() ? info.size : 0), () => 0);
  return partSize > item.bytesDone ? { ...item, bytesDone: partSize } : item;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const VERIFICATION_METHODS: readonly VerificationMethod[] = ['SHA-256', 'SHA-1', 'MD5', 'CRC32', 'size'];

function nonNegative(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The folder part of a `/`-separated remote path, trailing slash included. */
function remoteFolderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/**
 * A saved upload's temporary name, if it is one Wharf could have chosen: a file upload, in the same folder
 * as the final name, and not the final name itself. Anything else (an edited or damaged file) means in
 * place: the rename would otherwise move an unrelated remote file over the target. Items saved before the
 * setting existed have none, and rightly resume in place, where their partial bytes are.
 */
function temporaryPathOrNull(value: unknown, direction: 'upload' | 'download', kind: unknown, remotePath: string): string | null {
  if (typeof value !== 'string' || direction !== 'upload' || kind === 'directory') return null;
  if (value === remotePath || remoteFolderOf(value) !== remoteFolderOf(remotePath)) return null;
  return value;
}

/** Saved ranges of a segmented download, if they describe one file whole; else none (the download starts over). */
function segmentsOrNull(value: unknown, direction: 'upload' | 'download'): SegmentProgress | null {
  if (direction !== 'download' || !isRecord(value) || !Array.isArray(value.ranges)) return null;
  const size = value.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size <= 0) return null;
  const ranges: SegmentRangeProgress[] = [];
  let next = 0;
  for (const raw of value.ranges) {
    if (!isRecord(raw)) return null;
    const { start, end, done } = raw;
    if (typeof start !== 'number' || typeof end !== 'number' || typeof done !== 'number') return null;
    if (start !== next || !(end > start) || !Number.isSafeInteger(end) || !Number.isSafeInteger(done) || done < 0 || done > end - start) return null;
    ranges.push({ start, end, done });
    next = end;
  }
  return next === size ? { size, modifiedAt: stringOrNull(value.modifiedAt), ranges } : null;
}

function errorOrNull(value: unknown): WharfErrorData | null {
  if (!isRecord(value) || typeof value.message !== 'string') return null;
  const kind = (ERROR_KINDS as readonly unknown[]).includes(value.kind) ? (value.kind as WharfErrorData['kind']) : 'internal';
  // A refused name stays refused after a restart: retrying cannot make it safe. An unread folder too: retried, it would pass as empty.
  const refusedName = isRecord(value.detail) && value.detail.refusedName === true;
  const unreadFolder = isRecord(value.detail) && value.detail.unreadFolder === true;
  const detail = { ...(refusedName ? { refusedName: true } : {}), ...(unreadFolder ? { unreadFolder: true } : {}) };
  return { kind, message: value.message, ...(typeof value.code === 'number' ? { code: value.code } : {}), ...(refusedName || unreadFolder ? { detail } : {}) };
}

/**
 * One saved item back as a valid TransferItem, or null if its identity (id, direction, paths, site) is
 * missing. Other fields fall back to safe values. A running item becomes paused with its offset.
 */
export function restoreItem(raw: unknown): TransferItem | null {
  if (!isRecord(raw)) return null;
  const { id, direction, localPath, remotePath, siteKey } = raw;
  if (typeof id !== 'string' || id === '' || typeof localPath !== 'string' || typeof remotePath !== 'string' || typeof siteKey !== 'string') return null;
  if (direction !== 'upload' && direction !== 'download') return null;
  const savedState = (TRANSFER_STATES as readonly unknown[]).includes(raw.state) ? (raw.state as TransferItem['state']) : 'paused';
  const size = typeof raw.size === 'number' && Number.isFinite(raw.size) && raw.size >= 0 ? raw.size : null;
  const segments = segmentsOrNull(raw.segments, direction);
  return {
    id,
    kind: raw.kind === 'directory' ? 'directory' : 'file',
    direction,
    localPath,
    remotePath,
    siteKey,
    temporaryRemotePath: temporaryPathOrNull(raw.temporaryRemotePath, direction, raw.kind, remotePath),
    // Queues saved before these were recorded load with null: their folder, and a fresh temporary file.
    localRoot: direction === 'download' && typeof raw.localRoot === 'string' ? raw.localRoot : null,
    temporaryLocalPath:
      direction === 'download' && raw.kind !== 'directory' && typeof raw.temporaryLocalPath === 'string' && isTemporaryDownloadPathFor(localPath, raw.temporaryLocalPath)
        ? raw.temporaryLocalPath
        : null,
    size,
    modifiedAt: stringOrNull(raw.modifiedAt),
    overwrite: (OVERWRITE_POLICIES as readonly unknown[]).includes(raw.overwrite) ? (raw.overwrite as TransferItem['overwrite']) : 'ask',
    state: savedState === 'running' ? 'paused' : savedState,
    bytesDone: nonNegative(raw.bytesDone),
    bytesTotal: nonNegative(raw.bytesTotal ?? size),
    speed: 0,
    etaSeconds: null,
    attempts: nonNegative(raw.attempts),
    lastError: errorOrNull(raw.lastError),
    nextAttemptAt: null,
    resumedFrom: nonNegative(raw.resumedFrom),
    verifiedBy: (VERIFICATION_METHODS as readonly unknown[]).includes(raw.verifiedBy) ? (raw.verifiedBy as VerificationMethod) : null,
    skipReason: stringOrNull(raw.skipReason),
    ...(segments ? { segments } : {}),
  };
}

/** What the saver reads the queue from. */
export interface QueueSource {
  getSnapshot(): SavedQueue;
}

/**
 * Saves the queue as it changes: a burst of changes becomes one write after `debounceMs`, one write at
 * a time, and `flush()` writes what is pending (on stop and quit). Progress alone is not a change worth
 * a write: offsets on disk only need to be close, since a resume reads the real temporary file's or remote size.
 */
export class QueueSaver {
  private readonly path: string;
  private readonly source: QueueSource;
  private readonly clock: Clock;
  private readonly debounceMs: number;
  private readonly onError: (error: unknown) => void;
  private timer: TimerHandle | null = null;
  private dirty = false;
  private writing: Promise<void> | null = null;

  constructor(options: { path: string; source: QueueSource; clock?: Clock; debounceMs?: number; onError?: (error: unknown) => void }) {
    this.path = options.path;
    this.source = options.source;
    this.clock = options.clock ?? systemClock;
    this.debounceMs = options.debounceMs ?? 1000;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Notes a change; the write follows after the debounce. */
  markChanged(): void {
    this.dirty = true;
    if (this.timer !== null) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.writeNow();
    }, this.debounceMs);
  }

  /** Writes pending changes now and resolves when they are on disk. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    await this.writeNow();
  }

  /** Resolves when no write is in progress (the debounced one included, once its timer has fired). */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeNow(): Promise<void> {
    while (this.writing) await this.writing;
    if (!this.dirty) return;
    this.dirty = false;
    const snapshot = this.source.getSnapshot();
    this.writing = saveQueueFile(this.path, { paused: snapshot.paused, items: snapshot.items }).catch((error: unknown) => {
      this.dirty = true;
      this.onError(error);
    });
    try {
      await this.writing;
    } finally {
      this.writing = null;
    }
  }
}
