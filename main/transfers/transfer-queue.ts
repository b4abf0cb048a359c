import type {
  OverwriteAnswer,
  OverwritePolicy,
  OverwriteQuestion,
  QueueSnapshot,
  QueueUpdate,
  TransferItem,
} from '../../common/models/transfer';
import { systemClock, type Clock } from './clock';
import { ConnectionPool } from './connection-pool';
import { dirname, resolve } from 'node:path';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import { printableName } from '../ftps/safe-names';
import { expandLocalForUpload, expandRemoteForDownload, folderListingRefused, joinRemote, unreadRemoteFolder, type ExpansionBudget, type OnBudgetExceeded, type SkippedEntry } from './expand';
import { downloadPathIn, refusedNameError, unsafeRemoteNameCode } from './local-target';
import { describeUnsafeName } from '../ftps/safe-names';
import { FtpsTransferRunner } from './ftps-transfer-runner';
import { QueueSaver, loadQueueFile } from './queue-file';
import { toErrorData, type RetryOptions } from './retry-policy';
import { TokenBucket } from './speed-limit';
import type { QueueControls } from './queue-controls';
import { TransferScheduler, type NewTransferItem } from './transfer-scheduler';
import type { AddTransferRequest, DownloadIntoFolderRequest } from './transfer-request';
import type { SessionFactory, TransferSession } from './transfer-session';

/** How the queue is set up by the app (`main/app`) or the CLI. */
export interface TransferQueueOptions {
  /** Opens a logged-in transfer session for a site key (never the browsing session). */
  readonly openSession: SessionFactory;
  /** Where the queue is saved and restored from (e.g. `<userData>/queue.json`); null: not saved (one-shot CLI). */
  readonly stateFile: string | null;
  /** default: the system clock */
  readonly clock?: Clock;
  /** Per-site parallel transfers. default 2, at most 10 */
  readonly defaultConcurrency?: number;
  /** Per-site overrides from the site profiles. */
  readonly siteConcurrency?: Readonly<Record<string, number>>;
  /** default 'ask' */
  readonly defaultOverwrite?: OverwritePolicy;
  readonly retry?: Partial<RetryOptions>;
  /** Global limit in bytes per second; null or absent: unlimited. */
  readonly speedLimitBytesPerSecond?: number | null;
  /** Compare hashes (else sizes) after each file. default true */
  readonly verify?: boolean;
  /** default true */
  readonly preserveModifiedTimes?: boolean;
  /** Per site key: do uploads keep the local modification time (the site's setting)? default: yes, where preserveModifiedTimes */
  readonly keepUploadTimes?: (siteKey: string) => boolean | Promise<boolean>;
  /** Per site key: up to how many ranges a big download is fetched in at once (the site's "segments"). default: one stream */
  readonly segmentsFor?: (siteKey: string) => number | Promise<number>;
  /** Downloads larger than this go in ranges where the site allows. default 64 MiB (tests lower it) */
  readonly segmentThresholdBytes?: number;
  /** Save this long after the last change. default 1000 ms */
  readonly saveDebounceMs?: number;
  /** default 100 ms: about 10 updates a second */
  readonly updateIntervalMs?: number;
  /** An idle pooled session is closed after this long. default 60000 ms */
  readonly idleSessionTimeoutMs?: number;
  readonly onLog?: (text: string) => void;
  /** How far a folder download walks before `onBudgetExceeded` is asked. default DEFAULT_EXPANSION_BUDGET */
  readonly expansionBudget?: ExpansionBudget;
  /** Go on past the budget? default: no, the walk stops (what was found so far stays queued) */
  readonly onBudgetExceeded?: OnBudgetExceeded;
}

/** What adding did. */
export interface AddResult {
  readonly added: number;
  readonly skipped: readonly SkippedEntry[];
}

/**
 * The transfer queue as the IPC layer and the CLI use it: the pure scheduler wired to pooled FTPS
 * sessions, folder expansion, the queue file and the speed limit. One per process; `stop()` on quit.
 */
export class TransferQueue {
  /** Pause, resume, cancel, retry, remove and reorder items, or the whole queue. */
  readonly controls: QueueControls;
  private readonly scheduler: TransferScheduler;
  private readonly pool: ConnectionPool;
  private readonly bucket: TokenBucket;
  private readonly saver: QueueSaver | null;
  private readonly log: (text: string) => void;
  private stopped = false;
  /** Retried unreadable folders being walked again: the queue is not settled while one is. */
  private readonly walksAgain = new Set<Promise<void>>();
  /** Per site, the upload setting last asked for: a folder walked again keeps it. */
  private readonly uploadViaTemporaryName = new Map<string, boolean>();
  private readonly expansionLimits: { readonly budget?: ExpansionBudget; readonly onExceeded?: OnBudgetExceeded };

  private constructor(options: TransferQueueOptions, restored: { paused: boolean; items: readonly TransferItem[] }) {
    const clock = options.clock ?? systemClock;
    this.log = options.onLog ?? (() => undefined);
    this.expansionLimits = {
      ...(options.expansionBudget ? { budget: options.expansionBudget } : {}),
      ...(options.onBudgetExceeded ? { onExceeded: options.onBudgetExceeded } : {}),
    };
    this.bucket = new TokenBucket(options.speedLimitBytesPerSecond ?? null, clock);
    let scheduler: TransferScheduler | null = null;
    this.pool = new ConnectionPool({
      openSession: options.openSession,
      limitFor: (siteKey) => scheduler?.siteConcurrency(siteKey).effective ?? 1,
      clock,
      ...(options.idleSessionTimeoutMs !== undefined ? { idleTimeoutMs: options.idleSessionTimeoutMs } : {}),
    });
    const runner = new FtpsTransferRunner({
      pool: this.pool,
      speedLimit: this.bucket,
      clock,
      ...(options.verify !== undefined ? { verify: options.verify } : {}),
      ...(options.preserveModifiedTimes !== undefined ? { preserveModifiedTimes: options.preserveModifiedTimes } : {}),
      ...(options.keepUploadTimes ? { keepUploadTimes: options.keepUploadTimes } : {}),
      ...(options.segmentsFor ? { segmentsFor: options.segmentsFor } : {}),
      ...(options.segmentThresholdBytes !== undefined ? { segmentThresholdBytes: options.segmentThresholdBytes } : {}),
      onLog: this.log,
    });
    scheduler = new TransferScheduler({
      runner,
      clock,
      initialPaused: restored.paused,
      ...(options.siteConcurrency ? { siteConcurrency: options.siteConcurrency } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.defaultConcurrency !== undefined ? { defaultConcurrency: options.defaultConcurrency } : {}),
      ...(options.defaultOverwrite ? { defaultOverwrite: options.defaultOverwrite } : {}),
      ...(options.updateIntervalMs !== undefined ? { updateIntervalMs: options.updateIntervalMs } : {}),
      initialItems: restored.items,
      onLog: this.log,
      walkAgain: (items) => this.walkAgain(items),
    });
    this.scheduler = scheduler;
    this.controls = scheduler;
    this.saver = options.stateFile
      ? new QueueSaver({
          path: options.stateFile,
          source: scheduler,
          clock,
          ...(options.saveDebounceMs !== undefined ? { debounceMs: options.saveDebounceMs } : {}),
          onError: (error) => this.log(t('queueTexts.saveFailed', { reason: error instanceof Error ? error.message : String(error) })),
        })
      : null;
    const saver = this.saver;
    if (saver) scheduler.onDidChange(() => saver.markChanged());
  }

  /** Restores the saved queue (running items come back paused with their offsets) and starts what was queued. */
  static async open(options: TransferQueueOptions): Promise<TransferQueue> {
    let restored: { paused: boolean; items: readonly TransferItem[] } = { paused: false, items: [] };
    if (options.stateFile) {
      const loaded = await loadQueueFile(options.stateFile, options.clock);
      if (loaded.corruptFileMovedTo) options.onLog?.(t('queueTexts.savedQueueUnreadable', { path: loaded.corruptFileMovedTo }));
      if (loaded.dropped > 0) options.onLog?.(t('queueTexts.savedItemsDropped', { count: loaded.dropped }));
      restored = loaded;
    }
    return new TransferQueue(options, restored);
  }

  /**
   * Queues a file or a folder (expanded recursively, empty folders included), in batches so the first
   * files start while a big folder is still being walked. Resolves when everything is queued.
   */
  async add(request: AddTransferRequest): Promise<AddResult> {
    if ('name' in request) return this.addFromListing(request);
    const skipped: SkippedEntry[] = [];
    const onSkipped = (entry: SkippedEntry) => skipped.push(entry);
    let added = 0;
    if (request.direction === 'upload') {
      if (request.uploadViaTemporaryName !== undefined) this.uploadViaTemporaryName.set(request.siteKey, request.uploadViaTemporaryName);
      // The mirror of the download check: a local name becomes a remote one only when it is one safe segment.
      const name = request.remotePath.slice(request.remotePath.lastIndexOf('/') + 1);
      const unsafe = unsafeRemoteNameCode(name);
      if (unsafe !== null) {
        const refusal = new WharfError('unsafe-name', t('queueTexts.localNameUnsafe', { name: printableName(name), reason: describeUnsafeName(unsafe) }), {
          detail: { name: printableName(name), reason: unsafe, refusedName: true },
        });
        this.enqueue([{ kind: request.kind ?? 'file', direction: 'upload', siteKey: request.siteKey, localPath: request.localPath, remotePath: request.remotePath, refusal: refusal.toData() }]);
        return { added, skipped: [{ path: request.localPath, reason: refusal.message }] };
      }
      for await (const batch of expandLocalForUpload(request, onSkipped)) added += this.enqueue(batch);
      return { added, skipped };
    }
    const withSession = async <T>(use: (session: TransferSession) => Promise<T>): Promise<T> => {
      if (request.listingSession) return use(request.listingSession);
      const lease = await this.pool.acquire(request.siteKey);
      try {
        return await use(lease.session);
      } finally {
        lease.release();
      }
    };
    const kind = request.kind ?? (await withSession((session) => session.size(request.remotePath).then(() => 'file' as const, () => 'directory' as const)));
    // A path the caller named itself (the CLI's target, a test): its own folder is the one chosen for a
    // file, the folder itself for a folder; a folder row of a pane comes as `localFolder` + `name`.
    const localRoot = request.localRoot ?? (kind === 'file' ? dirname(request.localPath) : request.localPath);
    if (kind === 'file') {
      const { siteKey, localPath, remotePath, overwrite } = request;
      added += this.enqueue([{ kind: 'file', direction: 'download', siteKey, localPath, remotePath, localRoot, ...(overwrite ? { overwrite } : {}) }]);
      return { added, skipped };
    }
    await withSession(async (session) => {
      for await (const batch of expandRemoteForDownload(session, { ...request, localRoot }, onSkipped, this.expansionLimits)) added += this.enqueue(batch);
    });
    return { added, skipped };
  }

  /**
   * A download of a listed entry into the chosen folder: a name that is not one safe segment, or that
   * would land outside the folder, becomes a failed item of its own saying why; the others are unaffected.
   */
  private async addFromListing(request: DownloadIntoFolderRequest): Promise<AddResult> {
    const refusal = refusedNameError(request.name, request.localFolder);
    if (refusal) {
      const remotePath = joinRemote(request.remoteFolder, printableName(request.name));
      const folder = resolve(request.localFolder);
      this.enqueue([{ kind: request.kind ?? 'file', direction: 'download', siteKey: request.siteKey, localPath: folder, localRoot: folder, remotePath, refusal: refusal.toData() }]);
      return { added: 0, skipped: [{ path: remotePath, reason: refusal.message }] };
    }
    const { name, localFolder, remoteFolder, ...rest } = request;
    const localPath = downloadPathIn(localFolder, name);
    const remotePath = joinRemote(remoteFolder, name);
    const localRoot = resolve(localFolder);
    try {
      return await this.add({ ...rest, localPath, remotePath, localRoot });
    } catch (err) {
      if (!folderListingRefused(err)) throw err;
      // A folder row whose folder (or one inside it) the server will not list, gone or closed: a failed item in
      // the queue says so with the server's reason, as a refused file does, and is not retried.
      const added = this.enqueue([{ kind: 'directory', direction: 'download', siteKey: request.siteKey, localPath, localRoot, remotePath, refusal: unreadRemoteFolder(err) }]);
      return { added, skipped: [] };
    }
  }

  /**
   * Retried folders that could not be read, walked anew as the folder transfers they were part of: what the
   * walk finds replaces the failed item. A folder still unreadable, or a walk that cannot start (no connection),
   * is a failed item again with the new reason, still marked so a later retry walks it once more.
   */
  private walkAgain(items: readonly TransferItem[]): void {
    this.scheduler.remove(items.map((item) => item.id));
    for (const item of items) {
      const { kind, direction, siteKey, localPath, remotePath, overwrite } = item;
      const folder = { kind, direction, siteKey, localPath, remotePath, overwrite, ...(item.localRoot !== null ? { localRoot: item.localRoot } : {}) };
      const uploadViaTemporaryName = direction === 'upload' ? this.uploadViaTemporaryName.get(siteKey) : undefined;
      const walk = this.add({ ...folder, ...(uploadViaTemporaryName !== undefined ? { uploadViaTemporaryName } : {}) }).then(
        () => undefined,
        (err: unknown) => {
          const data = toErrorData(err);
          this.enqueue([{ ...folder, size: 0, refusal: { ...data, detail: { ...data.detail, unreadFolder: true } } }]);
        },
      );
      this.walksAgain.add(walk);
      void walk.finally(() => this.walksAgain.delete(walk));
    }
  }

  /** Queues already expanded items (the CLI's `--from-list`, tests). */
  enqueue(items: readonly NewTransferItem[]): number {
    if (this.stopped) return 0;
    return this.scheduler.enqueue(items).length;
  }

  /** Sets a site's parallel transfers (1..10), e.g. after the site profile changed. */
  setSiteConcurrency(siteKey: string, concurrency: number): void {
    this.scheduler.setSiteConcurrency(siteKey, concurrency);
    this.pool.resetLimit(siteKey);
  }

  /** A site's configured concurrency and the one in force (lower after "too many connections"). */
  siteConcurrency(siteKey: string): { configured: number; effective: number } {
    return this.scheduler.siteConcurrency(siteKey);
  }

  /** Sets or lifts (null) the global speed limit, for running transfers too. */
  setSpeedLimit(bytesPerSecond: number | null): void {
    this.bucket.setRate(bytesPerSecond);
  }

  /** Answers the overwrite question shown to the user; false if it was not the open one. */
  answerOverwrite(answer: OverwriteAnswer): boolean {
    return this.scheduler.answerOverwrite(answer);
  }

  /** The whole queue, for a window that just loaded. */
  getSnapshot(): QueueSnapshot {
    return this.scheduler.getSnapshot();
  }

  /** Changes at most about 10 times a second; see `TransferScheduler.subscribe`. */
  subscribe(listener: (update: QueueUpdate) => void): () => void {
    return this.scheduler.subscribe(listener);
  }

  /** The overwrite question to show, or null to close the dialog. */
  onDidChangeQuestion(listener: (question: OverwriteQuestion | null) => void): () => void {
    return this.scheduler.onDidChangeQuestion(listener);
  }

  /** The question open now, for a window that just loaded. */
  get currentQuestion(): OverwriteQuestion | null {
    return this.scheduler.currentQuestion;
  }

  /** Resolves when nothing runs, nothing queued can start and no retried folder is being walked: what the CLI waits for. */
  async whenSettled(): Promise<void> {
    do {
      await Promise.all(this.walksAgain);
      await this.scheduler.whenSettled();
    } while (this.walksAgain.size > 0);
  }

  /** For quit: stops running transfers (they are saved as paused with their offsets), saves, closes sessions. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.scheduler.stop();
    await this.saver?.flush();
    await this.pool.close();
  }
}
