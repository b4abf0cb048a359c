// Over 500 lines: one transfer attempt from target to verified rename (download, upload, segments, hashes, times) shares the attempt's state; the sink, the source, the segments and the local target have their own files.
import { t } from '../../common/i18n/t';
import { once } from 'node:events';
import { lstat, open, rename, rm, stat, utimes } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import { finished } from 'node:stream/promises';
import type { FileFacts, TransferItem, VerificationMethod } from '../../common/models/transfer';
import { WharfError } from '../core/errors';
import { moveUploadIntoPlace, temporaryUploadPathFor, uploadViaTemporaryNameSetting } from '../ftps/file-transfer';
import type { Clock } from './clock';
import type { ConnectionPool } from './connection-pool';
import { FileSink } from './file-sink';
import { FileSource } from './file-source';
import { downloadInSegments, SegmentsUnavailable } from './segmented-download';
import { feedFilePrefix, hashLocalFile, sameDigest } from './local-hash';
import { ensureLocalFolder, openTemporaryDownload, prepareDownloadTarget, temporaryDownloadPathFor } from './local-target';
import { decideOverwrite, renamedTarget, type OverwriteDecision } from './overwrite';
import { toErrorData } from './retry-policy';
import type { TokenBucket } from './speed-limit';
import type { TransferOutcome, TransferRunContext, TransferRunner } from './transfer-runner';
import type { TransferSession } from './transfer-session';
import { createStreamingHash, type StreamingHash } from './streaming-hash';

/** Downloads bigger than this are fetched in ranges where the site allows segments (#16). */
export const DEFAULT_SEGMENT_THRESHOLD_BYTES = 64 * 1024 * 1024;

/** What the real runner is built with. */
export interface FtpsTransferRunnerOptions {
  readonly pool: ConnectionPool;
  /** The global speed limit; unlimited when absent. */
  readonly speedLimit?: TokenBucket;
  readonly clock?: Clock;
  /** Compare a server hash (else the size) after each file. default true */
  readonly verify?: boolean;
  /** Carry modification times over (MFMT up, utimes down). default true */
  readonly preserveModifiedTimes?: boolean;
  /** Per site key: do uploads keep the local modification time (the site's setting)? default: yes */
  readonly keepUploadTimes?: (siteKey: string) => boolean | Promise<boolean>;
  /** Per site key: up to how many ranges a big download is fetched in at once (the site's setting); 0 or 1: one stream. default: one stream */
  readonly segmentsFor?: (siteKey: string) => number | Promise<number>;
  /** Downloads larger than this go in ranges. default DEFAULT_SEGMENT_THRESHOLD_BYTES (64 MiB) */
  readonly segmentThresholdBytes?: number;
  readonly onLog?: (text: string) => void;
}

/** Where a download fetched in ranges is written until verified: its own temporary, never resumed as one stream. */
function segmentedPathFor(localPath: string, item: TransferItem): string {
  return temporaryDownloadPathFor(localPath, `${item.id}-ranges`);
}

/** The remote parent of a `/`-separated path. */
function remoteParent(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

function isMissing(error: unknown): boolean {
  const data = toErrorData(error);
  return data.kind === 'ftp' && data.code !== undefined && data.code >= 500;
}

async function localFacts(path: string): Promise<FileFacts | null> {
  try {
    const info = await stat(path);
    return { size: info.size, modifiedAt: info.mtime.toISOString() };
  } catch {
    return null;
  }
}

async function localSize(path: string): Promise<number> {
  return (await localFacts(path))?.size ?? 0;
}

/**
 * Carries out queue items over pooled FTPS sessions: downloads into the item's recorded temporary file
 * (`.NAME.<id>.wharf-part`, REST from its size on resume), after `prepareDownloadTarget` checked the path
 * against the chosen folder, and renames to the final name only when complete and verified; uploads the same way into the
 * item's `temporaryRemotePath` (`NAME.wharf-part`, APPE from its size on resume), MFMT, then RNFR/RNTO, or
 * straight to the final name where the site turned that off. Overwrite policies are applied to the final
 * name, asking the scheduler when the policy is `ask`. Bytes are counted per chunk and pass the global
 * speed limit. An aborted signal makes the session close its connections, so a pause really stops the
 * data connection.
 */
export class FtpsTransferRunner implements TransferRunner {
  private readonly pool: ConnectionPool;
  private readonly speedLimit: TokenBucket | undefined;
  private readonly clock: Clock | undefined;
  private readonly verify: boolean;
  private readonly preserveModifiedTimes: boolean;
  private readonly keepUploadTimes: (siteKey: string) => boolean | Promise<boolean>;
  private readonly segmentsFor: (siteKey: string) => number | Promise<number>;
  private readonly segmentThresholdBytes: number;
  private readonly log: (text: string) => void;
  /** Remote folders known to exist per site, shared by the site's sessions so each is made once. */
  private readonly remoteFolders = new Map<string, Map<string, Promise<void>>>();

  constructor(options: FtpsTransferRunnerOptions) {
    this.pool = options.pool;
    this.speedLimit = options.speedLimit;
    this.clock = options.clock;
    this.verify = options.verify ?? true;
    this.preserveModifiedTimes = options.preserveModifiedTimes ?? true;
    this.keepUploadTimes = options.keepUploadTimes ?? (() => true);
    this.segmentsFor = options.segmentsFor ?? (() => 0);
    this.segmentThresholdBytes = options.segmentThresholdBytes ?? DEFAULT_SEGMENT_THRESHOLD_BYTES;
    this.log = options.onLog ?? (() => undefined);
  }

  async run(item: TransferItem, context: TransferRunContext): Promise<TransferOutcome> {
    if (item.kind === 'directory' && item.direction === 'download') {
      const root = item.localRoot ?? dirname(item.localPath);
      const found = await prepareDownloadTarget(root, item.localPath);
      // A deeper item of the same download may have made this folder since: ensureLocalFolder takes a real folder.
      if (found.existing === null) await ensureLocalFolder(item.localPath);
      // A file under the folder's name: this item fails saying so, rather than pass as done with no folder made.
      else if (!found.existingIsFolder) throw new WharfError('local-io', t('transfers.notAFolder', { path: item.localPath }), { detail: { path: item.localPath } });
      context.reportStarted(0, 0);
      return { status: 'done', bytesTotal: 0, verifiedBy: null };
    }
    const lease = await this.pool.acquire(item.siteKey, context.signal);
    let broken = false;
    let released = false;
    const releaseEarly = (): void => {
      if (released) return;
      released = true;
      context.connectionFreed?.();
      lease.release();
    };
    try {
      if (item.kind === 'directory') {
        await this.ensureRemoteFolder(lease.session, item.siteKey, item.remotePath);
        context.reportStarted(0, 0);
        return { status: 'done', bytesTotal: 0, verifiedBy: null };
      }
      return item.direction === 'download'
        ? await this.download(lease.session, item, context)
        : await this.upload(lease.session, item, context, releaseEarly);
    } catch (error) {
      const kind = toErrorData(error).kind;
      broken = kind === 'auth' || kind === 'tls-changed' || kind === 'tls-untrusted' || kind === 'too-many-connections';
      if (item.direction === 'upload' && kind !== 'cancelled') this.forgetRemoteFolders(item.siteKey);
      throw error;
    } finally {
      if (!released) lease.release({ broken });
    }
  }

  /**
   * A removed, unfinished download leaves no temporary file behind, nor an upload its temporary file (ours by its
   * name; an in-place partial upload is under the user's own name and is left alone).
   */
  async discard(item: TransferItem): Promise<void> {
    // Only the temporary file recorded for the item: a `NAME.part` of the user's or the server's is not ours.
    if (item.kind === 'file' && item.direction === 'download' && item.temporaryLocalPath !== null) await rm(item.temporaryLocalPath, { force: true });
    if (item.kind === 'file' && item.direction === 'download' && item.segments) await rm(segmentedPathFor(item.localPath, item), { force: true });
    const mayHaveWritten = item.attempts > 0 || item.bytesDone > 0;
    if (item.kind === 'file' && item.direction === 'upload' && item.temporaryRemotePath !== null && mayHaveWritten) {
      const lease = await this.pool.acquire(item.siteKey);
      try {
        await lease.session.remove(item.temporaryRemotePath).catch((error: unknown) => {
          if (!isMissing(error)) throw error; // never written, or already renamed into place
        });
      } finally {
        lease.release();
      }
    }
  }

  private async download(session: TransferSession, item: TransferItem, context: TransferRunContext): Promise<TransferOutcome> {
    const remotePath = item.remotePath;
    const root = item.localRoot ?? dirname(item.localPath);
    // Before the server is asked anything: a refused path costs no connection time.
    const found = await prepareDownloadTarget(root, item.localPath);
    // A first attempt queued from a listing already has the server's size (in bytes, LIST too), and from an
    // MLSD listing its time (LIST times are local and often to the minute): one or two round trips per file
    // fewer. A file changed since it was listed (or a link, listed with its own size) fails verification or
    // ends early, and its retry asks the server.
    const listed = item.attempts <= 1 && !context.resume && item.size !== null;
    const timeListed = listed && session.listingHasExactFacts?.() === true;
    const remoteSize = listed && item.size !== null ? item.size : await session.size(remotePath);
    const needsTime = this.preserveModifiedTimes || item.overwrite !== 'overwrite';
    // A time only to be kept (no file to decide over, not big enough for ranges) is asked with the transfer:
    // one round trip fewer per file where the listing's times are not exact (LIST).
    const timeWithTransfer = needsTime && !(timeListed && item.modifiedAt !== null) && !found.existing && remoteSize <= this.segmentThresholdBytes;
    const remoteTime = !needsTime || timeWithTransfer
      ? null
      : timeListed && item.modifiedAt !== null
        ? new Date(item.modifiedAt)
        : await session.modifiedAt(remotePath).catch(() => null);
    const source: FileFacts = { size: remoteSize, modifiedAt: remoteTime?.toISOString() ?? item.modifiedAt };
    let timeAskedWithTransfer: Date | null = null;
    // Items saved by a Wharf that did not record temporaries get one now; their old `.part` is left alone.
    const partPath = item.temporaryLocalPath ?? temporaryDownloadPathFor(item.localPath, item.id);
    if (item.temporaryLocalPath === null) context.retarget({ temporaryLocalPath: partPath });

    let target = item.localPath;
    let resume = context.resume;
    if (found.existing) {
      const decision = await this.decide(item, context, source, found.existing, remotePath, target);
      if (decision.action === 'skip') return { status: 'skipped', reason: decision.reason };
      if (decision.action === 'rename') {
        target = await renamedTarget(target, context.chosenName?.() ?? null, async (candidate) => (await lstat(candidate).then(() => true, () => false)), sep === '\\' ? '\\' : '/');
        context.retarget({ localPath: target });
        await prepareDownloadTarget(root, target);
      } else if (decision.action === 'resume' && found.existingIsRegularFile) {
        // Continue the existing file like our own partial one: it becomes the temporary file until complete.
        await rm(partPath, { force: true });
        await rename(target, partPath);
        resume = true;
      }
    }

    const segmented = await this.downloadInRanges(session, item, context, { target, root, resume, source: { size: remoteSize, modifiedAt: remoteTime } });
    if (segmented !== null) return segmented;
    // Ranges no longer wanted or possible: their temporary goes, the one stream starts at byte 0 of its own.
    if (item.segments) resume = false;

    const opened = await openTemporaryDownload(partPath, resume).catch((error: unknown) => {
      // A temporary file that cannot be created (read-only folder) is a local error: found out before the
      // data connection, it would surface from inside it and be retried as a network failure.
      throw new WharfError('local-io', t('transfers.cannotWrite', { path: partPath, reason: toErrorData(error).message }), { cause: error });
    });
    let startAt = resume ? opened.size : 0;
    if (startAt > remoteSize) startAt = 0; // the remote file changed under us: start over
    if (startAt < opened.size) await opened.handle.truncate(startAt);
    context.reportStarted(startAt, remoteSize);

    let written = startAt;
    let leftEmpty = false;
    const inlineHash = await this.inlineHash(session, partPath, startAt);
    const sink = new FileSink({
      handle: opened.handle,
      position: startAt,
      hash: inlineHash,
      ...(this.speedLimit ? { bucket: this.speedLimit } : {}),
      ...(this.clock ? { clock: this.clock } : {}),
      onBytes: (bytes) => {
        written += bytes;
        context.reportProgress(written);
      },
    });
    try {
      await session.download(remotePath, sink, {
        startAt,
        signal: context.signal,
        ...(timeWithTransfer ? { onModifiedAt: (time: Date | null) => (timeAskedWithTransfer = time) } : {}),
      });
      if (!sink.writableFinished) await finished(sink);
    } catch (error) {
      sink.destroy();
      // A file the server refused to send (RETR 550: with sizes from the listing no SIZE found out first)
      // leaves no empty .part behind.
      leftEmpty = startAt === 0 && written === 0;
      throw error;
    } finally {
      // The temporary file is renamed or resumed next: its descriptor must be closed first (Windows insists).
      if (!sink.closed) await once(sink, 'close').catch(() => undefined);
      await opened.handle.close().catch(() => undefined);
      if (leftEmpty) await rm(partPath, { force: true }).catch(() => undefined);
    }

    const verifiedBy = await this.verifyDownload(session, remotePath, partPath, remoteSize, inlineHash);
    // Checked once more right before the rename: a link planted at the target meanwhile is refused, and
    // rename replaces a link inside the folder rather than writing through it.
    await prepareDownloadTarget(root, target, { foldersMade: true });
    await rename(partPath, target);
    const keptTime = timeAskedWithTransfer ?? (source.modifiedAt ? new Date(source.modifiedAt) : null);
    if (this.preserveModifiedTimes && keptTime) await utimes(target, keptTime, keptTime).catch(() => undefined);
    return { status: 'done', bytesTotal: remoteSize, verifiedBy };
  }

  /**
   * A big download in ranges at once (`downloadInSegments`), on the item's own session and on free sessions of
   * the site's pool (never more than the site's limit, and only those nobody waits for), into its own
   * temporary (`.NAME.<id>-ranges.wharf-part`), the ranges recorded on the item as they progress. Null when the
   * item goes in one stream: small, segments off for its site, a one-stream partial to continue, or (found
   * out here) no second connection free or REST refused.
   */
  private async downloadInRanges(
    session: TransferSession,
    item: TransferItem,
    context: TransferRunContext,
    plan: { readonly target: string; readonly root: string; readonly resume: boolean; readonly source: { readonly size: number; readonly modifiedAt: Date | null } },
  ): Promise<TransferOutcome | null> {
    const segments = await this.segmentsFor(item.siteKey);
    const recorded = item.segments ?? null;
    const record = context.recordSegments;
    if (segments < 2 || plan.source.size <= this.segmentThresholdBytes || !record || (plan.resume && recorded === null)) {
      if (recorded !== null) {
        record?.(null);
        await rm(segmentedPathFor(plan.target, item), { force: true });
      }
      return null;
    }
    let current = recorded;
    try {
      const result = await downloadInSegments({
        remotePath: item.remotePath,
        localPath: plan.target,
        localRoot: plan.root,
        segments,
        resume: plan.resume,
        verify: this.verify,
        session,
        openConnection: async () => {
          const lease = await this.pool.tryAcquire(item.siteKey, context.signal);
          return lease ? { session: lease.session, release: (broken) => lease.release({ broken }), wanted: () => this.pool.hasWaiters(item.siteKey) } : null;
        },
        temporaryPath: segmentedPathFor(plan.target, item),
        record: {
          load: async () => current,
          save: async (progress) => {
            current = progress;
            record(progress);
          },
          clear: async () => {
            current = null;
            record(null);
          },
        },
        remoteFacts: plan.source,
        signal: context.signal,
        requireSecondConnection: true,
        sink: { ...(this.speedLimit ? { bucket: this.speedLimit } : {}), ...(this.clock ? { clock: this.clock } : {}) },
        onStarted: (done, total) => context.reportStarted(done, total),
        onProgress: (done) => context.reportProgress(done),
        preserveModifiedTime: this.preserveModifiedTimes,
      });
      if (result.retries > 0) this.log(`${item.remotePath}: ${result.retries} ranges continued on a new connection`);
      return { status: 'done', bytesTotal: result.size, verifiedBy: this.verify ? result.verifiedBy : null };
    } catch (error) {
      if (!(error instanceof SegmentsUnavailable)) throw error;
      this.log(`${item.remotePath}: ${error.message}`);
      record(null);
      await rm(segmentedPathFor(plan.target, item), { force: true });
      return null;
    }
  }

  private async upload(session: TransferSession, item: TransferItem, context: TransferRunContext, releaseEarly: () => void): Promise<TransferOutcome> {
    const info = await stat(item.localPath).catch((error: unknown) => {
      throw new WharfError('local-io', t('transfers.cannotRead', { path: item.localPath, reason: toErrorData(error).message }), { cause: error });
    });
    const size = info.size;
    const source: FileFacts = { size, modifiedAt: info.mtime.toISOString() };
    await this.ensureRemoteFolder(session, item.siteKey, remoteParent(item.remotePath));

    let target = item.remotePath;
    // Where the bytes go: the temporary name, or the final one for an in-place upload.
    let written = item.temporaryRemotePath ?? target;
    let startAt = 0;
    if (context.resume) {
      // What is there is what an earlier attempt of this item sent: append to it (APPE).
      startAt = await session.size(written).catch(() => 0);
      if (startAt > size) startAt = 0;
    } else if (item.overwrite !== 'overwrite') {
      // Policies are about the final name: the temporary one is ours and simply overwritten.
      const remoteSize = await session.size(target).catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
      if (remoteSize !== null) {
        const needsTime = item.overwrite === 'overwrite-if-newer' || item.overwrite === 'ask';
        const remoteTime = needsTime ? await session.modifiedAt(target).catch(() => null) : null;
        const existing: FileFacts = { size: remoteSize, modifiedAt: remoteTime?.toISOString() ?? null };
        const decision = await this.decide(item, context, source, existing, item.localPath, target);
        if (decision.action === 'skip') return { status: 'skipped', reason: decision.reason };
        if (decision.action === 'rename') {
          target = await renamedTarget(target, context.chosenName?.() ?? null, (candidate) => session.size(candidate).then(() => true, () => false));
          written = item.temporaryRemotePath === null ? target : temporaryUploadPathFor(target);
          context.retarget({ remotePath: target, temporaryRemotePath: item.temporaryRemotePath === null ? null : written });
        } else if (decision.action === 'resume') {
          // Continue the shorter target like our own partial upload, as downloads do with their temporary file:
          // it moves to the temporary name until it is complete and verified.
          if (written !== target) await this.moveTargetAside(session, target, written);
          startAt = remoteSize;
        }
      }
    }
    context.reportStarted(startAt, size);

    let sent = startAt;
    // A temporary file completed by an attempt whose rename failed needs no data connection, only the rename.
    const inlineHash = await this.inlineHash(session, item.localPath, startAt);
    if (startAt < size || size === 0) {
      const file = await open(item.localPath, 'r').catch((error: unknown) => {
        throw new WharfError('local-io', t('transfers.cannotRead', { path: item.localPath, reason: toErrorData(error).message }), { cause: error });
      });
      const source = new FileSource({
        handle: file,
        position: startAt,
        expected: { size, mtimeMs: info.mtimeMs },
        path: item.localPath,
        hash: inlineHash,
        ...(this.speedLimit ? { bucket: this.speedLimit } : {}),
        ...(this.clock ? { clock: this.clock } : {}),
        onBytes: (bytes) => {
          sent += bytes;
          context.reportProgress(sent);
        },
      });
      try {
        await session.upload(source, written, { append: startAt > 0, signal: context.signal });
      } finally {
        source.destroy();
        await file.close().catch(() => undefined);
      }
    }
    if (sent !== size) {
      throw new WharfError('verification', t('transfers.uploadSourceChanged', { path: item.localPath, sent: String(sent), size: String(size) }));
    }

    const keptTime = this.preserveModifiedTimes && (await this.keepUploadTimes(item.siteKey)) ? info.mtime : null;
    // Verified by its size alone (no hash asked): the SIZE goes with the connection's next transfer, and the rename
    // with the one after, once the size was read right.
    if (written !== target && !(this.verify && session.hashAlgorithm?.())) {
      let verifiedBy: VerificationMethod | null = null;
      const check = (remoteSize: number | null): void => {
        this.checkUploadedSize(item.localPath, written, size, remoteSize);
        verifiedBy = this.verify && remoteSize !== null ? 'size' : null;
      };
      const held = session.verifyAndRenameWithNextCommands?.(written, target, keptTime, check) ?? null;
      if (held !== null) {
        releaseEarly();
        await this.settleHeldRename(held, item, context, written, target);
        return { status: 'done', bytesTotal: size, verifiedBy };
      }
    }
    const verifiedBy = await this.verifyUpload(session, item.localPath, written, size, startAt < size || size === 0 ? inlineHash : null);
    // A refused rename leaves the complete, verified temporary file in place rather than deleting it: it
    // is not under the final name, so it misleads nobody; the server that refused RNFR often refuses DELE
    // too; and a retry once the rename is allowed only renames, without sending the file again. The time is
    // set on the temporary file, in the rename's round trip where the server allows.
    if (written !== target) await this.moveIntoPlace(session, item, context, { written, target, keptTime }, releaseEarly);
    else if (keptTime !== null) await session.setModifiedAt(written, keptTime).catch(() => false);
    return { status: 'done', bytesTotal: size, verifiedBy };
  }

  /**
   * The verified temporary file to its final name (see moveUploadIntoPlace). Where the session can hold the time and
   * rename for its next transfer, the connection goes back to the pool at once and the next file's EPSV and STOR go
   * out in the same write as this file's rename; this attempt ends when their replies are read. A refused rename is
   * then dealt with on a connection of its own (the refusal is the server's reply to this file's RNFR or RNTO).
   */
  private async moveIntoPlace(
    session: TransferSession,
    item: TransferItem,
    context: TransferRunContext,
    paths: { readonly written: string; readonly target: string; readonly keptTime: Date | null },
    releaseEarly: () => void,
  ): Promise<void> {
    const { written, target, keptTime } = paths;
    const held = session.renameWithNextCommand?.(written, target, keptTime) ?? null;
    if (held === null) {
      await moveUploadIntoPlace(session, written, target, keptTime);
      return;
    }
    releaseEarly();
    await this.settleHeldRename(held, item, context, written, target);
  }

  /**
   * Waits for a held rename's replies (the session was given back meanwhile). A refusal is dealt with on a connection
   * of its own; any other error (replies not read: the attempt is retried; a size found wrong) is the attempt's.
   */
  private async settleHeldRename(held: Promise<boolean>, item: TransferItem, context: TransferRunContext, written: string, target: string): Promise<void> {
    const refusal = await held.then(
      () => null,
      (error: unknown) => {
        if (toErrorData(error).kind !== 'ftp') throw error;
        return error;
      },
    );
    if (refusal === null) return;
    const lease = await this.pool.acquire(item.siteKey, context.signal);
    try {
      await moveUploadIntoPlace(lease.session, written, target, null, refusal);
    } finally {
      lease.release();
    }
  }

  /** Moves a shorter target to the temporary name to resume it there; a refusal names the setting to turn off. */
  private async moveTargetAside(session: TransferSession, target: string, temporary: string): Promise<void> {
    await session.rename(target, temporary).catch((error: unknown) => {
      const data = toErrorData(error);
      if (data.kind !== 'ftp') throw error;
      throw new WharfError(
        'ftp',
        t('transfers.resumeRenameRefused', { finalPath: target, temporaryPath: temporary, reply: data.message, setting: uploadViaTemporaryNameSetting() }),
        { ...(data.code !== undefined ? { code: data.code } : {}), detail: { temporaryPath: temporary, finalPath: target, setting: 'uploadViaTemporaryName' }, cause: error },
      );
    });
  }

  private async decide(
    item: TransferItem,
    context: TransferRunContext,
    source: FileFacts,
    target: FileFacts,
    sourcePath: string,
    targetPath: string,
  ): Promise<OverwriteDecision> {
    let decision = decideOverwrite(item.overwrite, source, target);
    if (decision.action === 'ask') {
      const choice = await context.askOverwrite({ sourcePath, targetPath, source, target });
      decision = decideOverwrite(choice, source, target);
    }
    return decision;
  }

  /**
   * The hash a transfer feeds as its bytes pass, in the algorithm the server will be asked for; null when
   * verification is off or the server has no hash command. A resumed transfer first hashes what is already
   * there (`startAt` bytes of `localPath`): only that part is read twice.
   */
  private async inlineHash(session: TransferSession, localPath: string, startAt: number): Promise<StreamingHash | null> {
    const algorithm = this.verify ? (session.hashAlgorithm?.() ?? null) : null;
    if (algorithm === null) return null;
    const hash = createStreamingHash(algorithm);
    if (startAt > 0) await feedFilePrefix(localPath, startAt, hash);
    return hash;
  }

  private async verifyDownload(
    session: TransferSession,
    remotePath: string,
    partPath: string,
    remoteSize: number,
    inlineHash: StreamingHash | null,
  ): Promise<VerificationMethod | null> {
    const size = await localSize(partPath);
    if (size < remoteSize) {
      // A data connection cut by a router or the server can look like a normal end: retry from here.
      throw new WharfError('data-channel', t('transfers.downloadEndedEarly', { path: remotePath, localSize: String(size), remoteSize: String(remoteSize) }), {
        detail: { localSize: size, remoteSize },
      });
    }
    if (size !== remoteSize) {
      throw new WharfError('verification', t('transfers.downloadSizeDiffers', { path: remotePath, localSize: String(size), remoteSize: String(remoteSize) }), {
        detail: { localSize: size, remoteSize },
      });
    }
    if (!this.verify) return null;
    const remoteHash = await session.hash(remotePath).catch(() => null);
    if (!remoteHash) return 'size';
    const localHex = inlineHash?.algorithm === remoteHash.algorithm ? inlineHash.digest() : await hashLocalFile(partPath, remoteHash.algorithm);
    if (!sameDigest(remoteHash.algorithm, localHex, remoteHash.hex)) {
      throw new WharfError('verification', t('transfers.downloadHashDiffers', { algorithm: remoteHash.algorithm, path: remotePath, next: 'none' }), {
        detail: { algorithm: remoteHash.algorithm, local: localHex, remote: remoteHash.hex },
      });
    }
    return remoteHash.algorithm;
  }

  private async verifyUpload(
    session: TransferSession,
    localPath: string,
    remotePath: string,
    size: number,
    inlineHash: StreamingHash | null,
  ): Promise<VerificationMethod | null> {
    // With verification on, the hash is asked with the size (one round trip): a wrong size fails the file all the same.
    const both = this.verify && session.sizeAndHash ? await session.sizeAndHash(remotePath).catch(() => ({ size: null, hash: null })) : null;
    const remoteSize = both ? both.size : await session.size(remotePath).catch(() => null);
    this.checkUploadedSize(localPath, remotePath, size, remoteSize);
    if (!this.verify) return null;
    const remoteHash = both ? both.hash : await session.hash(remotePath).catch(() => null);
    if (!remoteHash) return remoteSize === null ? null : 'size';
    const localHex = inlineHash?.algorithm === remoteHash.algorithm ? inlineHash.digest() : await hashLocalFile(localPath, remoteHash.algorithm);
    if (!sameDigest(remoteHash.algorithm, localHex, remoteHash.hex)) {
      throw new WharfError('verification', t('transfers.uploadHashDiffers', { algorithm: remoteHash.algorithm, path: remotePath, localPath }), {
        detail: { algorithm: remoteHash.algorithm, local: localHex, remote: remoteHash.hex },
      });
    }
    return remoteHash.algorithm;
  }

  /** The uploaded file's size as the server tells it (null: it does not) against the local one: shorter is a cut, other is a mismatch. */
  private checkUploadedSize(localPath: string, remotePath: string, size: number, remoteSize: number | null): void {
    if (remoteSize !== null && remoteSize < size) {
      throw new WharfError('data-channel', t('transfers.uploadEndedEarly', { path: remotePath, localSize: String(size), remoteSize: String(remoteSize) }), {
        detail: { localSize: size, remoteSize },
      });
    }
    if (remoteSize !== null && remoteSize !== size) {
      throw new WharfError('verification', t('errors.uploadSizeMismatch', { path: localPath, localSize: String(size), remoteSize: String(remoteSize) }), {
        detail: { localSize: size, remoteSize },
      });
    }
  }

  /** Makes a remote folder (and its parents) once per site, however many files and sessions need it. */
  private ensureRemoteFolder(session: TransferSession, siteKey: string, path: string): Promise<void> {
    if (path === '/' || path === '') return Promise.resolve();
    let known = this.remoteFolders.get(siteKey);
    if (!known) {
      known = new Map();
      this.remoteFolders.set(siteKey, known);
    }
    let made = known.get(path);
    if (!made) {
      made = session.mkdir(path, { recursive: true });
      known.set(path, made);
      made.catch(() => known.delete(path));
    }
    return made;
  }

  private forgetRemoteFolders(siteKey: string): void {
    this.remoteFolders.delete(siteKey);
  }
}
