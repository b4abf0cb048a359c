import { createHash } from 'node:crypto';
import { open, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import type { VerificationMethod } from '../../common/models/transfer';
import { WharfError } from '../core/errors';
import { FileSink } from './file-sink';
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
  readonly ranges: SegmentRange[];
}

export interface SegmentedDownloadRequest {
  readonly remotePath: string;
  readonly localPath: string;
  /** The folder the user chose: the target must stay inside it (`prepareDownloadTarget`). */
  readonly localRoot: string;
  /** Connections, each fetching one range. */
  readonly segments: number;
  /** Continue the ranges a previous run recorded for the same remote file (same size and time); else start over. */
  readonly resume: boolean;
  /** Compare the server's hash (HASH/XSHA) of the whole file when it offers one; default true. */
  readonly verify?: boolean;
  /** Asked for the size, time and hash; may also carry a range (it is then closed like the others). */
  readonly session: TransferSession;
  /** A new logged-in session for each range and each retry of a range. */
  readonly openSession: () => Promise<TransferSession>;
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

async function loadState(path: string): Promise<SegmentState | null> {
  try {
    const state = JSON.parse(await readFile(path, 'utf8')) as SegmentState;
    return state.version === 1 && Array.isArray(state.ranges) ? state : null;
  } catch {
    return null;
  }
}

/**
 * Fetches one remote file in ranges over several connections at once (REST, then RETR, stopped at the range's
 * end), as lftp's `pget -n` does: one TCP stream rarely fills a long link. Every range is written at its offset
 * into one temporary file, created at its full size first; the final name appears only once every range is
 * complete and the whole file is verified (size, and the server's hash where it offers HASH or XSHA). A cut
 * connection costs only its range's missing part: the range continues on a new connection from where it stopped,
 * and the ranges' progress is recorded beside the temporary file, so `resume` continues them in a later run.
 */
export async function downloadInSegments(request: SegmentedDownloadRequest): Promise<SegmentedDownloadResult> {
  const { remotePath, localPath, localRoot, session } = request;
  await prepareDownloadTarget(localRoot, localPath);
  const size = await session.size(remotePath);
  const modifiedAt = request.preserveModifiedTime === false ? null : await session.modifiedAt(remotePath).catch(() => null);
  const paths = segmentedTemporaryPaths(localPath, remotePath);

  const saved = request.resume ? await loadState(paths.state) : null;
  const continues = saved !== null && saved.remotePath === remotePath && saved.size === size && saved.modifiedAt === (modifiedAt?.toISOString() ?? null);
  const opened = await openTemporaryDownload(paths.data, continues).catch((error: unknown) => {
    throw new WharfError('local-io', `${paths.data} cannot be written: ${toErrorData(error).message}`, { cause: error });
  });
  const ranges = continues && opened.size === size ? saved.ranges : splitIntoRanges(size, request.segments);
  let stateWrite: Promise<void> = Promise.resolve();
  const saveState = (): Promise<void> => {
    const state: SegmentState = { version: 1, remotePath, size, modifiedAt: modifiedAt?.toISOString() ?? null, ranges };
    stateWrite = stateWrite.then(() => writeFile(paths.state, JSON.stringify(state), { mode: 0o600 }));
    return stateWrite;
  };
  let bytesFetched = 0;
  let retries = 0;
  const report = () => request.onProgress?.(ranges.reduce((sum, range) => sum + range.done, 0), size);
  try {
    // Created at its full size at once, so each range can be written at its offset.
    if (opened.size !== size) await opened.handle.truncate(size);
    await saveState();
    let lastSave = Date.now();
    const progressed = () => {
      report();
      if (Date.now() - lastSave >= STATE_SAVE_INTERVAL_MS) {
        lastSave = Date.now();
        void saveState();
      }
    };
    // The asking session carries the last range (it ends at the end of the file: no early stop, the session stays usable).
    let lent: TransferSession | null = session;
    const fetchRange = async (range: SegmentRange, last: boolean): Promise<void> => {
      let failures = 0;
      while (range.done < range.end - range.start) {
        const connection = last && lent ? lent : await request.openSession();
        if (connection === lent) lent = null;
        try {
          const fetched = await fetchOnce(connection, remotePath, opened.handle, range, progressed);
          bytesFetched += fetched;
        } catch (error) {
          failures += 1;
          if (!isRetryable(error) || failures >= ATTEMPTS_PER_RANGE) throw error;
          retries += 1;
          await delay(backoffDelay(failures, RANGE_BACKOFF));
        } finally {
          await saveState();
          if (connection !== session) await connection.close().catch(() => undefined);
        }
      }
    };
    const results = await Promise.allSettled(ranges.map((range, i) => fetchRange(range, i === ranges.length - 1)));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await stateWrite.catch(() => undefined);
    await opened.handle.close().catch(() => undefined);
  }
  report();

  const verifiedBy = await verifyWhole(request, paths.data, size).catch(async (error: unknown) => {
    // Every range is complete yet the whole is wrong: a later run must fetch it all again, not trust the ranges.
    await rm(paths.state, { force: true });
    throw error;
  });
  await prepareDownloadTarget(localRoot, localPath);
  await rename(paths.data, localPath);
  await rm(paths.state, { force: true });
  if (modifiedAt) await utimes(localPath, modifiedAt, modifiedAt).catch(() => undefined);
  return { size, segments: ranges.length, bytesFetched, retries, verifiedBy };
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
): Promise<number> {
  const from = range.start + range.done;
  const wanted = range.end - from;
  const stop = new AbortController();
  const startDone = range.done;
  const sink = new FileSink({ handle, position: from, maxBytes: wanted, onFull: () => stop.abort() });
  const track = setInterval(() => {
    range.done = startDone + sink.persistedBytes;
    progressed();
  }, 200);
  try {
    await session.download(remotePath, sink, { startAt: from, signal: stop.signal });
    if (!sink.writableFinished) await once(sink, 'finish');
  } catch (error) {
    sink.destroy();
    if (!(stop.signal.aborted && sink.bytesReceived === wanted)) {
      if (!sink.closed) await once(sink, 'close').catch(() => undefined);
      range.done = startDone + sink.persistedBytes;
      throw error;
    }
  } finally {
    clearInterval(track);
  }
  if (!sink.closed) await once(sink, 'close').catch(() => undefined);
  range.done = startDone + sink.persistedBytes;
  if (range.done < range.end - range.start) {
    throw new WharfError('data-channel', `The data connection of ${remotePath} ended early: ${range.done} of ${range.end - range.start} bytes of the range from ${range.start} arrived.`);
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
    throw new WharfError('verification', `The download of ${request.remotePath} has ${onDisk} bytes, the server says ${size}.`, { detail: { localSize: onDisk, remoteSize: size } });
  }
  if (request.verify === false) return 'size';
  const remoteHash = await request.session.hash(request.remotePath).catch(() => null);
  if (!remoteHash) return 'size';
  // The ranges arrived out of order: the whole-file hash needs one read of the file.
  const localHex = await hashLocalFile(path, remoteHash.algorithm);
  if (!sameDigest(remoteHash.algorithm, localHex, remoteHash.hex)) {
    throw new WharfError('verification', `The ${remoteHash.algorithm} of the download of ${request.remotePath} does not match the server's; the next attempt fetches it all again.`, {
      detail: { algorithm: remoteHash.algorithm, local: localHex, remote: remoteHash.hex },
    });
  }
  return remoteHash.algorithm;
}
