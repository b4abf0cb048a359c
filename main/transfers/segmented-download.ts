import { t } from '../../common/i18n/t';
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import type { SegmentProgress, SegmentRangeProgress, VerificationMethod } from '../../common/models/transfer';
import { WharfError } from '../core/errors';
import { FileSink, type FileSinkOptions } from './file-sink';
import { hashLocalFile, sameDigest } from './local-hash';
import { openTemporaryDownload, prepareDownloadTarget, temporaryDownloadPathFor } from './local-target';
import { backoffDelay, classifyFailure, toErrorData } from './retry-policy';
import type { TransferSession } from './transfer-session';

/** Ranges smaller than this are not worth a connection of their own. */
const MIN_SEGMENT_BYTES = 4 * 1024 * 1024;
/** The state file is rewritten at most this often while ranges progress (and at every range's end or failure). */
const STATE_SAVE_INTERVAL_MS = 1000;
/** Attempts per range before the download fails; each continues where the range stopped (REST). */
const ATTEMPTS_PER_RANGE = 5;
/** The wait before a range's next connection: short, a cut range's neighbours keep the link busy meanwhile. */
const RANGE_BACKOFF = { baseDelayMs: 200, maxDelayMs: 4000 };

/** One range of the file: bytes [start, end), of which the first `done` are on disk. */
export interface SegmentRange {
  readonly start: number;
  readonly end: number;
  done: number;
}

/** What the state file beside the temporary file records, so a later run continues range by range. */
interface SegmentState {
  readonly version: 1;
  readonly remotePath: string;
  readonly size: number;
  readonly modifiedAt: string | null;
  readonly ranges: readonly SegmentRangeProgress[];
}

/** A connection lent to one range at a time: `release(broken)` gives it back to its pool, or closes it. */
export interface RangeConnection {
  readonly session: TransferSession;
  release(broken: boolean): void | Promise<void>;
  /** True when another transfer waits for this connection: it is given back between two ranges. */
  wanted?(): boolean;
}

/** Where the ranges' progress is kept between runs: a state file beside the temporary (the CLI), or the queue item. */
export interface RangeRecord {
  load(): Promise<SegmentProgress | null>;
  save(progress: SegmentProgress): Promise<void>;
  clear(): Promise<void>;
}

/**
 * Why a download is not worth fetching in ranges after all; the caller fetches it in one stream instead: no
 * second connection was free or allowed on a fresh start, or the server refused REST.
 */
export class SegmentsUnavailable extends Error {
  constructor(readonly reason: 'no-second-connection' | 'rest-refused', cause?: unknown) {
    super(reason === 'rest-refused' ? 'The server refused REST: downloading in one stream.' : 'No second connection: downloading in one stream.', { cause });
    this.name = 'SegmentsUnavailable';
  }
}

export interface SegmentedDownloadRequest {
  readonly remotePath: string;
  readonly localPath: string;
  /** The folder the user chose: the target must stay inside it (`prepareDownloadTarget`). */
  readonly localRoot: string;
  /** Ranges the file is split into (and at most that many connections at once). */
  readonly segments: number;
  /** Continue the ranges a previous run recorded for the same remote file (same size and time); else start over. */
  readonly resume: boolean;
  /** Compare the server's hash (HASH/XSHA) of the whole file when it offers one; default true. */
  readonly verify?: boolean;
  /** Asked for the size, time and hash; also fetches ranges (the last first: it needs no early stop). */
  readonly session: TransferSession;
  /** The CLI: a new logged-in session for each further range worker and each retry of one. */
  readonly openSession?: () => Promise<TransferSession>;
  /** The queue: a free connection of the site's pool, or null when none is free (fewer ranges run at once). */
  readonly openConnection?: () => Promise<RangeConnection | null>;
  /** Where the ranges are written; default `segmentedTemporaryPaths(...).data`. */
  readonly temporaryPath?: string;
  /** Where the ranges' progress is kept; default a state file beside the temporary. */
  readonly record?: RangeRecord;
  /** The size and time the caller already asked the server for. */
  readonly remoteFacts?: { readonly size: number; readonly modifiedAt: Date | null };
  /** Stops every range (pause, cancel): what is on disk stays recorded. */
  readonly signal?: AbortSignal;
  /** On a fresh start with no second connection, throw SegmentsUnavailable instead of fetching range after range on one. */
  readonly requireSecondConnection?: boolean;
  /** Passed to each range's FileSink: the global speed limit. */
  readonly sink?: Pick<FileSinkOptions, 'bucket' | 'clock'>;
  /** The bytes already on disk (recorded ranges) and the file's size, once known. */
  readonly onStarted?: (bytesDone: number, bytesTotal: number) => void;
  readonly onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Carry the server's modification time over; default true. */
  readonly preserveModifiedTime?: boolean;
}

export interface SegmentedDownloadResult {
  readonly size: number;
  readonly segments: number;
  /** Bytes fetched by this run (less than the size when it continued earlier ranges). */
  readonly bytesFetched: number;
  /** Range retries after a cut connection. */
  readonly retries: number;
  /** Connections that fetched ranges at once at the most (the asking session included). */
  readonly connections: number;
  readonly verifiedBy: VerificationMethod;
}

/** Splits [0, size) into at most `segments` ranges of at least MIN_SEGMENT_BYTES (the last takes the rest). */
export function splitIntoRanges(size: number, segments: number): SegmentRange[] {
  const count = Math.max(1, Math.min(segments, Math.floor(size / MIN_SEGMENT_BYTES)));
  const step = Math.floor(size / count);
  return Array.from({ length: count }, (_, i) => ({ start: i * step, end: i === count - 1 ? size : (i + 1) * step, done: 0 }));
}

/**
 * The temporary file and the state file of a segmented download: `.NAME.<key>.wharf-part` and
 * `.NAME.<key>-ranges.wharf-part` beside the target, named like every download's temporary (local-target.ts),
 * keyed by the remote path so a later run finds them again.
 */
export function segmentedTemporaryPaths(localPath: string, remotePath: string): { data: string; state: string } {
  const key = `seg-${createHash('sha256').update(remotePath).digest('hex').slice(0, 12)}`;
  return { data: temporaryDownloadPathFor(localPath, key), state: temporaryDownloadPathFor(localPath, `${key}-ranges`) };
}

/** The CLI's record: a JSON file beside the temporary, for the same remote path. */
function stateFileRecord(path: string, remotePath: string): RangeRecord {
  return {
    load: async () => {
      try {
        const state = JSON.parse(await readFile(path, 'utf8')) as SegmentState;
        return state.version === 1 && Array.isArray(state.ranges) && state.remotePath === remotePath ? state : null;
      } catch {
        return null;
      }
    },
    save: (progress) => writeFile(path, JSON.stringify({ version: 1, remotePath, ...progress } satisfies SegmentState), { mode: 0o600 }),
    clear: () => rm(path, { force: true }),
  };
}

/** Recorded ranges fit the file: whole, in order, none past its end. */
function rangesFit(ranges: readonly SegmentRangeProgress[], size: number): boolean {
  let next = 0;
  for (const range of ranges) {
    if (range.start !== next || range.end <= range.start || range.done < 0 || range.done > range.end - range.start) return false;
    next = range.end;
  }
  return next === size && ranges.length > 0;
}

/**
 * Fetches one remote file in ranges over several connections at once (REST, then RETR, stopped at the range's
 * end), as lftp's `pget -n` does: one TCP stream rarely fills a long link. Every range is written at its offset
 * into one temporary file, created at its full size first; the final name appears only once every range is
 * complete and the whole file is verified (size, and the server's hash where it offers HASH or XSHA). Each
 * connection takes the next range still missing; a cut connection costs only its range's missing part: the
 * range goes back to be continued from where it stopped, and the ranges' progress is recorded (`record`), so
 * `resume` continues them in a later run. Fewer connections than ranges is fine: they take ranges in turn.
 */
export async function downloadInSegments(request: SegmentedDownloadRequest): Promise<SegmentedDownloadResult> {
  const { remotePath, localPath, localRoot, session, signal } = request;
  await prepareDownloadTarget(localRoot, localPath);
  const size = request.remoteFacts?.size ?? (await session.size(remotePath));
  const modifiedAt =
    request.remoteFacts !== undefined ? request.remoteFacts.modifiedAt : request.preserveModifiedTime === false ? null : await session.modifiedAt(remotePath).catch(() => null);
  const paths = segmentedTemporaryPaths(localPath, remotePath);
  const dataPath = request.temporaryPath ?? paths.data;
  const record = request.record ?? stateFileRecord(paths.state, remotePath);
  const openConnection = request.openConnection ?? connectionsFrom(request.openSession);

  const saved = request.resume ? await record.load() : null;
  const sameTime = (a: string | null, b: string | null) => a === null || b === null || Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000);
  const continues = saved !== null && saved.size === size && sameTime(saved.modifiedAt, modifiedAt?.toISOString() ?? null) && rangesFit(saved.ranges, size);
  const opened = await openTemporaryDownload(dataPath, continues).catch((error: unknown) => {
    throw new WharfError('local-io', t('transfers.cannotWrite', { path: dataPath, reason: toErrorData(error).message }), { cause: error });
  });
  const ranges: SegmentRange[] = continues && opened.size === size ? saved.ranges.map((range) => ({ ...range })) : splitIntoRanges(size, request.segments);
  let stateWrite: Promise<void> = Promise.resolve();
  const saveState = (): Promise<void> => {
    const progress: SegmentProgress = { size, modifiedAt: modifiedAt?.toISOString() ?? null, ranges: ranges.map((range) => ({ ...range })) };
    stateWrite = stateWrite.then(() => record.save(progress)).catch(() => undefined);
    return stateWrite;
  };
  const bytesOnDisk = () => ranges.reduce((sum, range) => sum + range.done, 0);
  const complete = (range: SegmentRange) => range.done >= range.end - range.start;
  let bytesFetched = 0;
  let retries = 0;
  let connections: number;
  const report = () => request.onProgress?.(bytesOnDisk(), size);
  const helpers: RangeConnection[] = [];
  try {
    // Created at its full size at once, so each range can be written at its offset.
    if (opened.size !== size) await opened.handle.truncate(size);
    await saveState();
    request.onStarted?.(bytesOnDisk(), size);
    let lastSave = Date.now();
    const progressed = () => {
      report();
      if (Date.now() - lastSave >= STATE_SAVE_INTERVAL_MS) {
        lastSave = Date.now();
        void saveState();
      }
    };
    // The ranges still missing; the asking session takes the last (it ends at the end of the file: no early stop).
    const pending = ranges.filter((range) => !complete(range));
    const failures = new Map<SegmentRange, number>();
    // One range failing for good stops the others (what they have is recorded).
    const everyRange = new AbortController();
    const stopAll = () => everyRange.abort();
    signal?.addEventListener('abort', stopAll, { once: true });
    let failed: { error: unknown } | null = null;

    // The helpers log in at the same time: one after the other, each login (~8 round trips) delayed the ranges.
    const wanted = Math.max(0, Math.min(pending.length, request.segments) - 1);
    const opening = await Promise.all(Array.from({ length: wanted }, () => openConnection().catch(() => null)));
    for (const helper of opening) if (helper !== null) helpers.push(helper);
    if (helpers.length === 0 && request.requireSecondConnection === true && !continues && pending.length > 1) {
      throw new SegmentsUnavailable('no-second-connection');
    }
    connections = 1 + helpers.length;

    const work = async (first: RangeConnection, lent: boolean, lastFirst: boolean): Promise<void> => {
      let connection: RangeConnection | null = first;
      let takeLast = lastFirst;
      while (connection !== null && failed === null) {
        if (everyRange.signal.aborted) return;
        if (!lent && connection.wanted?.() === true) {
          helpers.splice(helpers.indexOf(connection), 1);
          await connection.release(false);
          return;
        }
        const range = takeLast ? pending.pop() : pending.shift();
        takeLast = false;
        if (range === undefined) return;
        const before = range.done;
        try {
          await fetchOnce(connection.session, remotePath, opened.handle, range, progressed, everyRange.signal, request.sink);
          bytesFetched += range.done - before;
        } catch (error) {
          // Counted before the range goes back: once it is pending again another connection may advance it.
          bytesFetched += range.done - before;
          if (!complete(range)) pending.unshift(range);
          if (everyRange.signal.aborted) return;
          const count = (failures.get(range) ?? 0) + 1;
          failures.set(range, count);
          if (isRestRefused(error, range)) {
            failed = { error: new SegmentsUnavailable('rest-refused', error) };
          } else if (!isRetryable(error) || count >= ATTEMPTS_PER_RANGE) {
            failed = { error };
          }
          if (failed !== null) {
            stopAll();
            return;
          }
          retries += 1;
          await delay(backoffDelay(count, RANGE_BACKOFF));
          // The asking session reconnects by itself; a helper is replaced by a fresh connection, if one is free.
          if (!lent) {
            const broken: RangeConnection = connection;
            helpers.splice(helpers.indexOf(broken), 1);
            await broken.release(true);
            connection = await openConnection().catch(() => null);
            if (connection !== null) helpers.push(connection);
          }
        } finally {
          await saveState();
        }
      }
    };
    const lent: RangeConnection = { session, release: () => undefined };
    await Promise.all([work(lent, true, true), ...helpers.map((helper) => work(helper, false, false))]);
    // A range given back by a helper that found no new connection is fetched on the asking session.
    while (failed === null && pending.length > 0 && !everyRange.signal.aborted) await work(lent, true, false);
    signal?.removeEventListener('abort', stopAll);
    if (failed !== null) throw (failed as { error: unknown }).error;
    if (signal?.aborted) throw new WharfError('cancelled', t('errors.transferCancelled'));
  } finally {
    await Promise.all(helpers.splice(0).map((helper) => helper.release(false)));
    await stateWrite;
    await opened.handle.close().catch(() => undefined);
  }
  report();

  const verifiedBy = await verifyWhole(request, dataPath, size).catch(async (error: unknown) => {
    // Every range is complete yet the whole is wrong: a later run must fetch it all again, not trust the ranges.
    await record.clear();
    throw error;
  });
  await prepareDownloadTarget(localRoot, localPath);
  await rename(dataPath, localPath);
  await record.clear();
  if (modifiedAt && request.preserveModifiedTime !== false) await utimes(localPath, modifiedAt, modifiedAt).catch(() => undefined);
  return { size, segments: ranges.length, bytesFetched, retries, connections, verifiedBy };
}

/** The CLI's connections: a new session each, closed when given back. */
function connectionsFrom(openSession: (() => Promise<TransferSession>) | undefined): () => Promise<RangeConnection | null> {
  return async () => {
    if (!openSession) return null;
    const session = await openSession();
    return { session, release: () => session.close().catch(() => undefined) };
  };
}

/** REST itself refused ("not implemented", "not understood") for a range that starts past byte 0. */
function isRestRefused(error: unknown, range: SegmentRange): boolean {
  const data = toErrorData(error);
  return range.start + range.done > 0 && data.kind === 'ftp' && data.code !== undefined && [500, 501, 502, 504].includes(data.code);
}

/** What the queue would retry (a lost connection, a timeout, a 4xx reply, too many connections) is worth another connection. */
function isRetryable(error: unknown): boolean {
  const action = classifyFailure(toErrorData(error));
  return action === 'retry' || action === 'too-many-connections';
}

/**
 * Fetches what a range still lacks on one connection: REST to its first missing byte, RETR, and a stop once the
 * range's end arrived (FTP has no "up to": the connection is closed, unless the range runs to the end of the file).
 * Returns the bytes written; `range.done` advances only by bytes on disk.
 */
async function fetchOnce(
  session: TransferSession,
  remotePath: string,
  handle: Awaited<ReturnType<typeof open>>,
  range: SegmentRange,
  progressed: () => void,
  cancel: AbortSignal,
  sinkOptions: Pick<FileSinkOptions, 'bucket' | 'clock'> = {},
): Promise<number> {
  const from = range.start + range.done;
  const wanted = range.end - from;
  const stop = new AbortController();
  // Cancelling aborts the download too: the session then closes its connection, as at the range's end.
  const onCancel = () => stop.abort();
  cancel.addEventListener('abort', onCancel, { once: true });
  const startDone = range.done;
  const sink = new FileSink({ ...sinkOptions, handle, position: from, maxBytes: wanted, onFull: () => stop.abort() });
  const track = setInterval(() => {
    range.done = startDone + sink.persistedBytes;
    progressed();
  }, 200);
  try {
    await session.download(remotePath, sink, { startAt: from, signal: stop.signal });
    if (!sink.writableFinished) await once(sink, 'finish');
  } catch (error) {
    sink.destroy();
    if (cancel.aborted || !(stop.signal.aborted && sink.bytesReceived === wanted)) {
      if (!sink.closed) await once(sink, 'close').catch(() => undefined);
      range.done = startDone + sink.persistedBytes;
      throw error;
    }
  } finally {
    clearInterval(track);
    cancel.removeEventListener('abort', onCancel);
  }
  if (!sink.closed) await once(sink, 'close').catch(() => undefined);
  range.done = startDone + sink.persistedBytes;
  if (range.done < range.end - range.start) {
    throw new WharfError('data-channel', t('transfers.rangeEndedEarly', { path: remotePath, done: String(range.done), length: String(range.end - range.start), start: String(range.start) }));
  }
  progressed();
  return range.done - startDone;
}

/** The whole file, once every range is in: its size, and the server's hash of it where the server has one. */
async function verifyWhole(request: SegmentedDownloadRequest, path: string, size: number): Promise<VerificationMethod> {
  const handle = await open(path, 'r');
  const onDisk = (await handle.stat()).size;
  await handle.close();
  if (onDisk !== size) {
    throw new WharfError('verification', t('transfers.downloadSizeDiffers', { path: request.remotePath, localSize: String(onDisk), remoteSize: String(size) }), { detail: { localSize: onDisk, remoteSize: size } });
  }
  // A server without a hash (FEAT says so) is not asked: the asking session may have closed its connection to
  // stop its range, and asking would log in again for nothing.
  if (request.verify === false || request.session.hashAlgorithm?.() === null) return 'size';
  const remoteHash = await request.session.hash(request.remotePath).catch(() => null);
  if (!remoteHash) return 'size';
  // The ranges arrived out of order: the whole-file hash needs one read of the file.
  const localHex = await hashLocalFile(path, remoteHash.algorithm);
  if (!sameDigest(remoteHash.algorithm, localHex, remoteHash.hex)) {
    throw new WharfError('verification', t('transfers.downloadHashDiffers', { algorithm: remoteHash.algorithm, path: request.remotePath, next: 'refetch' }), {
      detail: { algorithm: remoteHash.algorithm, local: localHex, remote: remoteHash.hex },
    });
  }
  return remoteHash.algorithm;
}
