import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { WharfErrorData } from '../../common/models/errors';
import {
  DEFAULT_SITE_CONCURRENCY,
  MAX_SITE_CONCURRENCY,
  type OverwriteAnswer,
  type OverwriteChoice,
  type OverwritePolicy,
  type OverwriteQuestion,
  type QueueProgress,
  type QueueSnapshot,
  type QueueUpdate,
  type TransferDirection,
  type TransferItem,
  type TransferKind,
  type TransferState,
} from '../../common/models/transfer';
import { WharfError } from '../ftps/errors';
import { temporaryUploadPathFor } from '../ftps/file-transfer';
import { temporaryDownloadPathFor } from './local-target';
import { systemClock, type Clock, type TimerHandle } from './clock';
import {
  DEFAULT_RETRY_OPTIONS,
  backoffDelay,
  classifyFailure,
  toErrorData,
  type RetryOptions,
} from './retry-policy';
import type { OverwriteConflict, TransferOutcome, TransferRunContext, TransferRunner } from './transfer-runner';

/** An item to add: a file or a folder to create, already expanded from what the user picked. */
export interface NewTransferItem {
  readonly kind: TransferKind;
  readonly direction: TransferDirection;
  readonly siteKey: string;
  readonly localPath: string;
  readonly remotePath: string;
  readonly size?: number | null;
  readonly modifiedAt?: string | null;
  /** default: the scheduler's `defaultOverwrite` */
  readonly overwrite?: OverwritePolicy;
  /** A file upload goes to `NAME.wharf-part` and is renamed when verified (the site setting). default true */
  readonly uploadViaTemporaryName?: boolean;
  /** Downloads: the folder the user chose, which the local path must stay inside. default: the local path's own folder */
  readonly localRoot?: string;
  /** Queued already refused (a server's name unsafe as a local name): the item fails with this, nothing runs. */
  readonly refusal?: WharfErrorData;
}

/** Where `move` puts the selected items. */
export type MoveTarget = 'up' | 'down' | 'top' | 'bottom';

/** What the scheduler is built with; everything that varies is injected. */
export interface TransferSchedulerOptions {
  readonly runner: TransferRunner;
  /** default: the system clock */
  readonly clock?: Clock;
  readonly retry?: Partial<RetryOptions>;
  /** Per-site parallel transfers where `setSiteConcurrency` was not called. default 2, at most 10 */
  readonly defaultConcurrency?: number;
  /** Per-site concurrency from the site profiles, known before restored items start. */
  readonly siteConcurrency?: Readonly<Record<string, number>>;
  /** default 'ask' */
  readonly defaultOverwrite?: OverwritePolicy;
  /** Least time between two updates to subscribers. default 100 ms (about 10 per second) */
  readonly updateIntervalMs?: number;
  /** default: random UUIDs */
  readonly createId?: () => string;
  /** Items to start with (a restored queue); running ones come back paused. */
  readonly initialItems?: readonly TransferItem[];
  /** Whether the whole queue starts paused. default false */
  readonly initialPaused?: boolean;
  /** Lines for the log: backoffs, lowered concurrency, retries. */
  readonly onLog?: (text: string) => void;
}

/** Why the scheduler aborted a running attempt; decides the state the item lands in. */
type AbortReason = 'pause' | 'requeue' | 'cancel' | 'remove' | 'stop';

interface RunRecord {
  readonly controller: AbortController;
  readonly attemptsBefore: number;
  readonly done: Promise<void>;
  abortReason: AbortReason | null;
  /** Set when the item was removed while running: cleaned up once the attempt has returned. */
  removedItem: TransferItem | null;
  bytesDone: number;
  bytesTotal: number;
  resumedFrom: number;
  speed: number;
  /** (time, bytes) samples over the last seconds for the speed. */
  samples: { t: number; b: number }[];
}

interface SiteState {
  configured: number;
  effective: number;
  blockedUntil: number;
  tooManyStreak: number;
}

interface PendingQuestion {
  readonly question: OverwriteQuestion;
  readonly resolve: (choice: OverwriteChoice) => void;
  readonly reject: (error: unknown) => void;
}

const SPEED_WINDOW_MS = 3000;
const SPEED_SAMPLE_MS = 200;

/** Clamps a requested per-site concurrency into 1..10. */
export function clampConcurrency(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_SITE_CONCURRENCY;
  return Math.min(MAX_SITE_CONCURRENCY, Math.max(1, Math.floor(value)));
}

/** A fresh queued item from what to add. */
function newItem(id: string, input: NewTransferItem, defaultOverwrite: OverwritePolicy): TransferItem {
  const size = input.size ?? null;
  return {
    id,
    kind: input.kind,
    direction: input.direction,
    localPath: input.localPath,
    remotePath: input.remotePath,
    siteKey: input.siteKey,
    localRoot: input.direction === 'download' ? (input.localRoot ?? dirname(input.localPath)) : null,
    // Recorded before the first byte: only a temporary file the queue knows of is ever resumed or deleted.
    temporaryLocalPath: input.kind === 'file' && input.direction === 'download' && !input.refusal ? temporaryDownloadPathFor(input.localPath, id) : null,
    // Chosen once, here, and kept: a retry or a restarted Wharf must resume into the file the first attempt wrote.
    temporaryRemotePath:
      input.kind === 'file' && input.direction === 'upload' && (input.uploadViaTemporaryName ?? true) ? temporaryUploadPathFor(input.remotePath) : null,
    size,
    modifiedAt: input.modifiedAt ?? null,
    overwrite: input.overwrite ?? defaultOverwrite,
    state: input.refusal ? 'failed' : 'queued',
    bytesDone: 0,
    bytesTotal: size ?? 0,
    speed: 0,
    etaSeconds: null,
    attempts: 0,
    lastError: input.refusal ?? null,
    nextAttemptAt: null,
    resumedFrom: 0,
    verifiedBy: null,
    skipReason: null,
  };
}

/**
 * The queue's brain as pure logic: order, per-site concurrency, retries with backoff, backing off and
 * lowering a site's concurrency on "too many connections", pause/resume/cancel/reorder, overwrite
 * questions, throttled updates. It owns no socket and no file: one `TransferRunner` does the attempts,
 * and time comes from an injected `Clock`, so all of it is tested with fakes and no sleeps.
 *
 * Large queues: items live in a map plus an order array; starting the next item scans from the first
 * index that can still hold a queued item, counts per state and site are kept incrementally, and
 * subscribers get only what changed, so 100,000 items cost O(1) per finished transfer in the usual case.
 */
export class TransferScheduler {
  private readonly runner: TransferRunner;
  private readonly clock: Clock;
  private readonly retryOptions: RetryOptions;
  private readonly defaultConcurrency: number;
  private readonly defaultOverwrite: OverwritePolicy;
  private readonly updateIntervalMs: number;
  private readonly createId: () => string;
  private readonly log: (text: string) => void;

  private readonly items = new Map<string, TransferItem>();
  private order: string[] = [];
  /** No queued item sits before this index of `order`. */
  private scanFrom = 0;
  private readonly live = new Map<string, RunRecord>();
  private readonly stateCounts = new Map<TransferState, number>();
  private readonly queuedBySite = new Map<string, number>();
  private readonly runningBySite = new Map<string, number>();
  private readonly sites = new Map<string, SiteState>();
  private readonly timers = new Set<TimerHandle>();
  private readonly retryTimers = new Map<string, TimerHandle>();
  private bytesTotalSum = 0;
  private bytesDoneSum = 0;

  private pausedAll: boolean;
  private stopped = false;

  private revision = 0;
  private readonly dirty = new Set<string>();
  private removedSinceUpdate: string[] = [];
  private orderChanged = false;
  private pausedChanged = false;
  private updateTimer: TimerHandle | null = null;
  private lastUpdateAt = Number.NEGATIVE_INFINITY;
  private readonly updateListeners = new Set<(update: QueueUpdate) => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly questionListeners = new Set<(question: OverwriteQuestion | null) => void>();
  private readonly settledWaiters: (() => void)[] = [];

  private readonly questions: PendingQuestion[] = [];
  /** Names typed with rename answers, by item id. */
  private readonly chosenNames = new Map<string, string>();

  constructor(options: TransferSchedulerOptions) {
    this.runner = options.runner;
    this.clock = options.clock ?? systemClock;
    this.retryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
    this.defaultConcurrency = clampConcurrency(options.defaultConcurrency ?? DEFAULT_SITE_CONCURRENCY);
    this.defaultOverwrite = options.defaultOverwrite ?? 'ask';
    this.updateIntervalMs = options.updateIntervalMs ?? 100;
    this.createId = options.createId ?? randomUUID;
    this.log = options.onLog ?? (() => undefined);
    this.pausedAll = options.initialPaused ?? false;
    for (const [siteKey, concurrency] of Object.entries(options.siteConcurrency ?? {})) {
      const limit = clampConcurrency(concurrency);
      this.sites.set(siteKey, { configured: limit, effective: limit, blockedUntil: 0, tooManyStreak: 0 });
    }
    for (const restored of options.initialItems ?? []) {
      const item: TransferItem =
        restored.state === 'running'
          ? { ...restored, state: 'paused', speed: 0, etaSeconds: null, nextAttemptAt: null }
          : restored.state === 'queued' && restored.nextAttemptAt !== null
            ? { ...restored, nextAttemptAt: null }
            : restored;
      if (this.items.has(item.id)) continue;
      this.order.push(item.id);
      this.setItem(item);
    }
    this.dirty.clear();
    this.pump();
  }

  // ---- reading --------------------------------------------------------------------------------

  /** The whole queue now, for a window that just loaded and for the queue file. */
  getSnapshot(): QueueSnapshot {
    this.materializeLive();
    const items: TransferItem[] = [];
    for (const id of this.order) {
      const item = this.items.get(id);
      if (item) items.push(item);
    }
    return { revision: this.revision, paused: this.pausedAll, items, progress: this.progress() };
  }

  /** One item by id, with live progress. */
  getItem(id: string): TransferItem | undefined {
    this.materializeLive();
    return this.items.get(id);
  }

  /** True when the whole queue is paused. */
  get isPaused(): boolean {
    return this.pausedAll;
  }

  /** The question the user should see now, or null. */
  get currentQuestion(): OverwriteQuestion | null {
    return this.questions[0]?.question ?? null;
  }

  /** The configured and the current (possibly lowered) concurrency of a site. */
  siteConcurrency(siteKey: string): { configured: number; effective: number } {
    const site = this.site(siteKey);
    return { configured: site.configured, effective: site.effective };
  }

  // ---- subscribing ------------------------------------------------------------------------------

  /**
   * Updates for the UI, at most one per `updateIntervalMs` however many items change. Take
   * `getSnapshot()` first, then apply updates with a higher revision (`applyQueueUpdate`); applying one
   * that the snapshot already contains is harmless.
   */
  subscribe(listener: (update: QueueUpdate) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  /** Called synchronously on every change worth saving (not on mere progress): the persistence hook. */
  onDidChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The overwrite question to show (or null to close the dialog) whenever it changes. */
  onDidChangeQuestion(listener: (question: OverwriteQuestion | null) => void): () => void {
    this.questionListeners.add(listener);
    return () => this.questionListeners.delete(listener);
  }

  /** Resolves when nothing runs and nothing queued can start (done, failed, skipped, paused remain). */
  whenSettled(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  // ---- changing ---------------------------------------------------------------------------------

  /** Appends items in the given order and starts what may start. */
  enqueue(inputs: readonly NewTransferItem[]): TransferItem[] {
    const added: TransferItem[] = [];
    for (const input of inputs) {
      const item = newItem(this.createId(), input, this.defaultOverwrite);
      this.order.push(item.id);
      this.setItem(item);
      added.push(item);
    }
    this.pump();
    return added;
  }

  /** Pauses items: queued ones stay put, running ones stop their data connection and keep their offset. */
  pause(ids: readonly string[]): void {
    for (const id of ids) {
      const item = this.items.get(id);
      if (!item) continue;
      if (item.state === 'queued') {
        this.clearRetryTimer(id);
        this.setItem({ ...item, state: 'paused', nextAttemptAt: null });
      } else if (item.state === 'running') {
        this.abortRun(id, 'pause');
      }
    }
    this.pump();
  }

  /** Puts paused items back in the queue; a started one continues from its byte offset. */
  resume(ids: readonly string[]): void {
    for (const id of ids) {
      const item = this.items.get(id);
      if (!item) continue;
      if (item.state === 'paused') {
        this.setItem({ ...item, state: 'queued', nextAttemptAt: null });
        this.rescanFromStart();
      } else if (item.state === 'running') {
        const record = this.live.get(id);
        if (record?.abortReason === 'pause') record.abortReason = 'requeue';
      }
    }
    this.pump();
  }

  /** Pauses the whole queue: running transfers stop (and become paused), nothing new starts. */
  pauseAll(): void {
    if (!this.pausedAll) {
      this.pausedAll = true;
      this.pausedChanged = true;
      this.changed();
    }
    for (const id of [...this.live.keys()]) this.abortRun(id, 'pause');
  }

  /** Resumes the whole queue and every paused item. */
  resumeAll(): void {
    if (this.pausedAll) {
      this.pausedAll = false;
      this.pausedChanged = true;
      this.changed();
    }
    const paused = this.order.filter((id) => this.items.get(id)?.state === 'paused');
    this.resume(paused);
    for (const record of this.live.values()) if (record.abortReason === 'pause') record.abortReason = 'requeue';
    this.pump();
  }

  /** Stops items for good: they fail with kind `cancelled` (retry brings them back). */
  cancel(ids: readonly string[]): void {
    for (const id of ids) {
      const item = this.items.get(id);
      if (!item) continue;
      if (item.state === 'queued' || item.state === 'paused') {
        this.clearRetryTimer(id);
        this.setItem({ ...item, state: 'failed', nextAttemptAt: null, lastError: cancelledError() });
      } else if (item.state === 'running') {
        this.abortRun(id, 'cancel');
      }
    }
    this.pump();
  }

  /** Queues failed items again with a fresh attempt count; all failed ones when `ids` is omitted. */
  retry(ids?: readonly string[]): void {
    const targets = ids ?? this.order.filter((id) => this.items.get(id)?.state === 'failed');
    for (const id of targets) {
      const item = this.items.get(id);
      if (item?.state !== 'failed') continue;
      // A server's name refused for the local disk stays refused: retrying cannot make it safe.
      if (item.lastError?.detail?.refusedName === true) continue;
      this.setItem({ ...item, state: 'queued', attempts: 0, lastError: null, nextAttemptAt: null });
    }
    this.rescanFromStart();
    this.pump();
  }

  /** Removes items from the queue, stopping running ones and cleaning up what unfinished ones left. */
  remove(ids: readonly string[]): void {
    const removing = new Set(ids.filter((id) => this.items.has(id)));
    if (removing.size === 0) return;
    for (const id of removing) {
      const item = this.items.get(id);
      if (!item) continue;
      if (item.state === 'running') {
        this.abortRun(id, 'remove');
        const record = this.live.get(id);
        if (record) record.removedItem = item;
      } else if (item.state !== 'done' && item.state !== 'skipped') {
        this.discard(item);
      }
      this.clearRetryTimer(id);
      this.deleteItem(item);
    }
    this.order = this.order.filter((id) => !removing.has(id));
    this.rescanFromStart();
    this.changed();
    this.pump();
  }

  /** Removes done and skipped items in one pass (a long queue's "clear finished"). */
  removeFinished(): void {
    this.remove(this.order.filter((id) => {
      const state = this.items.get(id)?.state;
      return state === 'done' || state === 'skipped';
    }));
  }

  /** Moves the selected items one step up or down, or to the top or bottom, keeping their relative order. */
  move(ids: readonly string[], target: MoveTarget): void {
    const selected = new Set(ids.filter((id) => this.items.has(id)));
    if (selected.size === 0) return;
    const order = this.order;
    if (target === 'top' || target === 'bottom') {
      const picked = order.filter((id) => selected.has(id));
      const rest = order.filter((id) => !selected.has(id));
      this.order = target === 'top' ? [...picked, ...rest] : [...rest, ...picked];
    } else if (target === 'up') {
      for (let i = 1; i < order.length; i++) {
        const here = order[i] as string;
        const before = order[i - 1] as string;
        if (selected.has(here) && !selected.has(before)) {
          order[i - 1] = here;
          order[i] = before;
        }
      }
    } else {
      for (let i = order.length - 2; i >= 0; i--) {
        const here = order[i] as string;
        const after = order[i + 1] as string;
        if (selected.has(here) && !selected.has(after)) {
          order[i + 1] = here;
          order[i] = after;
        }
      }
    }
    this.orderChanged = true;
    this.rescanFromStart();
    this.changed();
    this.scheduleUpdate();
  }

  /** Sets a site's parallel transfers (clamped to 1..10); also lifts a lowered limit. */
  setSiteConcurrency(siteKey: string, concurrency: number): void {
    const site = this.site(siteKey);
    site.configured = clampConcurrency(concurrency);
    site.effective = site.configured;
    this.pump();
  }

  /**
   * Answers the current overwrite question. The choice becomes the item's policy; with `applyToAll`
   * it becomes the policy of every item still set to `ask` and answers the questions waiting behind.
   * Returns false for an unknown or already answered question.
   */
  answerOverwrite(answer: OverwriteAnswer): boolean {
    const index = this.questions.findIndex((q) => q.question.id === answer.questionId);
    if (index < 0) return false;
    const [pending] = this.questions.splice(index, 1) as [PendingQuestion];
    this.setPolicy(pending.question.itemId, answer.choice);
    // The typed name is for the item asked about; the others of "apply to all" take the next free number.
    if (answer.choice === 'rename' && answer.newName !== undefined) this.chosenNames.set(pending.question.itemId, answer.newName);
    pending.resolve(answer.choice);
    if (answer.applyToAll) {
      for (const id of this.order) {
        const item = this.items.get(id);
        if (item && item.overwrite === 'ask' && item.state !== 'done' && item.state !== 'skipped') {
          this.setPolicy(id, answer.choice);
        }
      }
      for (const waiting of this.questions.splice(0)) waiting.resolve(answer.choice);
    }
    this.emitQuestion();
    return true;
  }

  /**
   * Stops everything for a quit: running attempts are aborted and come back paused with their offsets,
   * timers are cleared, waiting questions are withdrawn. Resolves when every runner has returned.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) this.clock.clearTimeout(timer);
    this.timers.clear();
    this.retryTimers.clear();
    if (this.updateTimer !== null) this.clock.clearTimeout(this.updateTimer);
    this.updateTimer = null;
    const running = [...this.live.entries()];
    for (const [id] of running) this.abortRun(id, 'stop');
    for (const pending of this.questions.splice(0)) pending.reject(cancelledError());
    this.emitQuestion();
    await Promise.all(running.map(([, record]) => record.done));
    this.materializeLive();
  }

  // ---- scheduling -------------------------------------------------------------------------------

  private pump(): void {
    if (this.stopped || this.pausedAll || this.count('queued') === 0) {
      this.checkSettled();
      return;
    }
    const now = this.clock.now();
    let advancing = true;
    for (let i = this.scanFrom; i < this.order.length; i++) {
      const id = this.order[i] as string;
      const item = this.items.get(id);
      if (item?.state !== 'queued') {
        if (advancing) this.scanFrom = i + 1;
        continue;
      }
      advancing = false;
      if (!this.siteHasRoom(item.siteKey, now)) continue;
      if (item.nextAttemptAt !== null && Date.parse(item.nextAttemptAt) > now) continue;
      this.start(item);
      if (!this.anySiteHasRoom(now)) break;
    }
    this.checkSettled();
  }

  private siteHasRoom(siteKey: string, now: number): boolean {
    const site = this.site(siteKey);
    return site.blockedUntil <= now && (this.runningBySite.get(siteKey) ?? 0) < site.effective;
  }

  private anySiteHasRoom(now: number): boolean {
    for (const [siteKey, queued] of this.queuedBySite) {
      if (queued > 0 && this.siteHasRoom(siteKey, now)) return true;
    }
    return false;
  }

  private start(item: TransferItem): void {
    const id = item.id;
    const controller = new AbortController();
    let settle: () => void = () => undefined;
    const record: RunRecord = {
      controller,
      attemptsBefore: item.attempts,
      done: new Promise<void>((resolve) => (settle = resolve)),
      abortReason: null,
      removedItem: null,
      bytesDone: item.bytesDone,
      bytesTotal: item.bytesTotal,
      resumedFrom: 0,
      speed: 0,
      samples: [{ t: this.clock.now(), b: item.bytesDone }],
    };
    this.live.set(id, record);
    const running: TransferItem = {
      ...item,
      state: 'running',
      attempts: item.attempts + 1,
      nextAttemptAt: null,
      speed: 0,
      etaSeconds: null,
      skipReason: null,
    };
    this.setItem(running);
    const context = this.contextFor(id, record, running.direction);
    let attempt: Promise<TransferOutcome>;
    try {
      attempt = this.runner.run(running, context);
    } catch (error) {
      attempt = Promise.reject(error);
    }
    attempt.then(
      (outcome) => this.finishRun(id, record, outcome),
      (error: unknown) => this.failRun(id, record, error),
    ).finally(settle);
  }

  private contextFor(id: string, record: RunRecord, direction: TransferDirection): TransferRunContext {
    const isCurrent = () => this.live.get(id) === record && record.abortReason === null;
    return {
      signal: record.controller.signal,
      resume: record.bytesDone > 0,
      reportStarted: (resumedFrom, bytesTotal) => {
        if (!isCurrent()) return;
        record.resumedFrom = resumedFrom;
        record.bytesTotal = bytesTotal;
        record.bytesDone = resumedFrom;
        record.samples = [{ t: this.clock.now(), b: resumedFrom }];
        const item = this.items.get(id);
        if (item) this.setItem({ ...item, resumedFrom, bytesTotal, bytesDone: resumedFrom });
      },
      reportProgress: (bytesDone) => {
        if (!isCurrent()) return;
        record.bytesDone = bytesDone;
        const now = this.clock.now();
        const last = record.samples[record.samples.length - 1];
        if (!last || now - last.t >= SPEED_SAMPLE_MS) {
          record.samples.push({ t: now, b: bytesDone });
          while (record.samples.length > 2 && now - (record.samples[1] as { t: number }).t >= SPEED_WINDOW_MS) {
            record.samples.shift();
          }
        }
        this.dirty.add(id);
        this.scheduleUpdate();
      },
      retarget: (paths) => {
        if (!isCurrent()) return;
        const item = this.items.get(id);
        if (!item) return;
        this.setItem({
          ...item,
          localPath: paths.localPath ?? item.localPath,
          remotePath: paths.remotePath ?? item.remotePath,
          temporaryRemotePath: paths.temporaryRemotePath !== undefined ? paths.temporaryRemotePath : item.temporaryRemotePath,
          temporaryLocalPath: paths.temporaryLocalPath ?? item.temporaryLocalPath,
        });
      },
      askOverwrite: (conflict) => this.ask(id, record, direction, conflict),
      chosenName: () => this.chosenNames.get(id) ?? null,
    };
  }

  private ask(id: string, record: RunRecord, direction: TransferDirection, conflict: OverwriteConflict): Promise<OverwriteChoice> {
    const item = this.items.get(id);
    if (item && item.overwrite !== 'ask') return Promise.resolve(item.overwrite);
    if (record.controller.signal.aborted || this.stopped) return Promise.reject(cancelledError());
    return new Promise<OverwriteChoice>((resolve, reject) => {
      const question: OverwriteQuestion = {
        id: this.createId(),
        itemId: id,
        direction,
        sourcePath: conflict.sourcePath,
        targetPath: conflict.targetPath,
        source: conflict.source,
        target: conflict.target,
      };
      const pending: PendingQuestion = { question, resolve, reject };
      this.questions.push(pending);
      record.controller.signal.addEventListener('abort', () => {
        const index = this.questions.indexOf(pending);
        if (index < 0) return;
        this.questions.splice(index, 1);
        reject(cancelledError());
        if (index === 0) this.emitQuestion();
      }, { once: true });
      if (this.questions.length === 1) this.emitQuestion();
    });
  }

  private finishRun(id: string, record: RunRecord, outcome: TransferOutcome): void {
    if (this.live.get(id) !== record) return;
    this.live.delete(id);
    // The attempt has retargeted the item to the typed name; a retry starts from there.
    this.chosenNames.delete(id);
    const item = this.items.get(id);
    if (!item) {
      this.pump();
      return;
    }
    const site = this.site(item.siteKey);
    site.tooManyStreak = 0;
    const finished = { ...item, speed: 0, etaSeconds: null, nextAttemptAt: null, resumedFrom: record.resumedFrom };
    if (outcome.status === 'done') {
      this.setItem({
        ...finished,
        state: 'done',
        bytesDone: outcome.bytesTotal,
        bytesTotal: outcome.bytesTotal,
        verifiedBy: outcome.verifiedBy,
        lastError: null,
      });
    } else {
      this.setItem({ ...finished, state: 'skipped', skipReason: outcome.reason, bytesDone: item.bytesTotal, lastError: null });
    }
    this.pump();
  }

  private failRun(id: string, record: RunRecord, thrown: unknown): void {
    if (this.live.get(id) !== record) return;
    this.live.delete(id);
    const item = this.items.get(id);
    if (!item) {
      if (record.removedItem) this.discard(record.removedItem);
      this.pump();
      return;
    }
    const stopped = { ...item, bytesDone: record.bytesDone, bytesTotal: record.bytesTotal, speed: 0, etaSeconds: null, resumedFrom: record.resumedFrom };
    switch (record.abortReason) {
      case 'pause':
      case 'stop':
        this.setItem({ ...stopped, state: 'paused', attempts: record.attemptsBefore });
        this.pump();
        return;
      case 'requeue':
        this.setItem({ ...stopped, state: 'queued', attempts: record.attemptsBefore });
        this.rescanFromStart();
        this.pump();
        return;
      case 'cancel':
        this.setItem({ ...stopped, state: 'failed', attempts: record.attemptsBefore, lastError: cancelledError() });
        this.pump();
        return;
      case 'remove':
        this.pump();
        return;
      case null:
        break;
    }
    const error = toErrorData(thrown);
    const action = classifyFailure(error);
    const now = this.clock.now();
    if (action === 'too-many-connections') {
      const site = this.site(item.siteKey);
      // The item itself still counts as running until the setItem below.
      const stillRunning = (this.runningBySite.get(item.siteKey) ?? 1) - 1;
      const lowered = Math.max(1, Math.min(site.effective, stillRunning));
      if (lowered < site.effective) {
        this.log(`${item.siteKey}: the server refuses more connections; using ${lowered} at a time`);
      }
      site.effective = lowered;
      const delay = Math.min(this.retryOptions.maxDelayMs, this.retryOptions.tooManyConnectionsDelayMs * 2 ** Math.min(site.tooManyStreak, 20));
      site.tooManyStreak += 1;
      site.blockedUntil = Math.max(site.blockedUntil, now + delay);
      this.wakeAt(site.blockedUntil);
      // Another transfer of the site still runs: the refusal is the limit, not this item's fault.
      const attempts = stillRunning > 0 ? record.attemptsBefore : stopped.attempts;
      if (attempts >= this.retryOptions.maxAttempts) {
        this.setItem({ ...stopped, state: 'failed', attempts, lastError: error });
      } else {
        this.setItem({ ...stopped, state: 'queued', attempts, lastError: error });
        this.rescanFromStart();
      }
      this.pump();
      return;
    }
    if (action === 'fatal' || stopped.attempts >= this.retryOptions.maxAttempts) {
      if (action !== 'fatal') this.log(`${item.remotePath}: giving up after ${stopped.attempts} attempts: ${error.message}`);
      this.setItem({ ...stopped, state: 'failed', lastError: error });
      this.pump();
      return;
    }
    const delay = backoffDelay(stopped.attempts, this.retryOptions);
    const at = now + delay;
    this.log(`${item.remotePath}: ${error.message}; retrying in ${Math.round(delay / 100) / 10} s`);
    this.setItem({
      ...stopped,
      state: 'queued',
      lastError: error,
      nextAttemptAt: new Date(at).toISOString(),
      bytesDone: action === 'restart' ? 0 : stopped.bytesDone,
    });
    this.rescanFromStart();
    this.retryTimers.set(id, this.wakeAt(at));
    this.pump();
  }

  private abortRun(id: string, reason: AbortReason): void {
    const record = this.live.get(id);
    if (!record) return;
    if (record.abortReason === null || record.abortReason === 'requeue' || reason !== 'pause') {
      record.abortReason = reason;
    }
    if (!record.controller.signal.aborted) {
      record.controller.abort(new WharfError('cancelled', reason === 'pause' || reason === 'stop' ? 'Paused' : 'Cancelled'));
    }
  }

  private wakeAt(at: number): TimerHandle {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle);
      // Node fires timers by libuv's loop time, read once per turn, so this can run a few ms before now()
      // reaches `at`: pump() would skip what this timer was set for, and nothing would wake it again.
      if (this.clock.now() < at) {
        this.wakeAt(at);
        return;
      }
      this.pump();
    }, Math.max(0, at - this.clock.now()));
    this.timers.add(handle);
    return handle;
  }

  private clearRetryTimer(id: string): void {
    const handle = this.retryTimers.get(id);
    if (handle === undefined) return;
    this.clock.clearTimeout(handle);
    this.timers.delete(handle);
    this.retryTimers.delete(id);
  }

  private discard(item: TransferItem): void {
    const cleanup = this.runner.discard?.(item);
    cleanup?.catch((error: unknown) => this.log(`${item.localPath}: could not clean up: ${toErrorData(error).message}`));
  }

  private rescanFromStart(): void {
    this.scanFrom = 0;
  }

  private site(siteKey: string): SiteState {
    let site = this.sites.get(siteKey);
    if (!site) {
      site = { configured: this.defaultConcurrency, effective: this.defaultConcurrency, blockedUntil: 0, tooManyStreak: 0 };
      this.sites.set(siteKey, site);
    }
    return site;
  }

  private setPolicy(id: string, policy: OverwriteChoice): void {
    const item = this.items.get(id);
    if (item && item.overwrite !== policy) this.setItem({ ...item, overwrite: policy });
  }

  // ---- bookkeeping ------------------------------------------------------------------------------

  /** The one place items change: keeps counts, sums and the dirty set right. */
  private setItem(next: TransferItem): void {
    const previous = this.items.get(next.id);
    if (previous) this.account(previous, -1);
    this.items.set(next.id, next);
    this.account(next, +1);
    this.dirty.add(next.id);
    this.changed();
    this.checkSettled();
  }

  private deleteItem(item: TransferItem): void {
    this.account(item, -1);
    this.items.delete(item.id);
    this.dirty.delete(item.id);
    this.removedSinceUpdate.push(item.id);
  }

  private account(item: TransferItem, sign: 1 | -1): void {
    this.stateCounts.set(item.state, this.count(item.state) + sign);
    if (item.state === 'queued') this.queuedBySite.set(item.siteKey, (this.queuedBySite.get(item.siteKey) ?? 0) + sign);
    if (item.state === 'running') this.runningBySite.set(item.siteKey, (this.runningBySite.get(item.siteKey) ?? 0) + sign);
    this.bytesTotalSum += sign * item.bytesTotal;
    this.bytesDoneSum += sign * item.bytesDone;
  }

  private count(state: TransferState): number {
    return this.stateCounts.get(state) ?? 0;
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
    this.scheduleUpdate();
  }

  private isSettled(): boolean {
    return this.count('running') === 0 && (this.count('queued') === 0 || this.pausedAll || this.stopped);
  }

  private checkSettled(): void {
    if (this.settledWaiters.length === 0 || !this.isSettled()) return;
    for (const resolve of this.settledWaiters.splice(0)) resolve();
  }

  /** Copies running attempts' progress, speed and ETA into their items. */
  private materializeLive(): void {
    const now = this.clock.now();
    for (const [id, record] of this.live) {
      const item = this.items.get(id);
      if (!item) continue;
      const oldest = record.samples[0];
      if (oldest && now - oldest.t >= SPEED_SAMPLE_MS) {
        record.speed = Math.max(0, ((record.bytesDone - oldest.b) * 1000) / (now - oldest.t));
      }
      const left = Math.max(0, record.bytesTotal - record.bytesDone);
      const etaSeconds = record.speed > 0 ? Math.ceil(left / record.speed) : null;
      const speed = Math.round(record.speed);
      if (item.bytesDone !== record.bytesDone || item.bytesTotal !== record.bytesTotal || item.speed !== speed || item.etaSeconds !== etaSeconds) {
        this.account(item, -1);
        const next = { ...item, bytesDone: record.bytesDone, bytesTotal: record.bytesTotal, speed, etaSeconds };
        this.items.set(id, next);
        this.account(next, +1);
        this.dirty.add(id);
      }
    }
  }

  private progress(): QueueProgress {
    let speed = 0;
    for (const id of this.live.keys()) speed += this.items.get(id)?.speed ?? 0;
    const left = Math.max(0, this.bytesTotalSum - this.bytesDoneSum);
    return {
      total: this.items.size,
      queued: this.count('queued'),
      running: this.count('running'),
      paused: this.count('paused'),
      done: this.count('done'),
      failed: this.count('failed'),
      skipped: this.count('skipped'),
      bytesDone: this.bytesDoneSum,
      bytesTotal: this.bytesTotalSum,
      speed,
      etaSeconds: speed > 0 ? Math.ceil(left / speed) : null,
    };
  }

  private scheduleUpdate(): void {
    if (this.updateTimer !== null || this.updateListeners.size === 0 || this.stopped) return;
    const delay = Math.max(0, this.lastUpdateAt + this.updateIntervalMs - this.clock.now());
    this.updateTimer = this.clock.setTimeout(() => {
      this.updateTimer = null;
      this.emitUpdate();
    }, delay);
  }

  private emitUpdate(): void {
    this.materializeLive();
    if (this.dirty.size === 0 && this.removedSinceUpdate.length === 0 && !this.orderChanged && !this.pausedChanged) return;
    this.lastUpdateAt = this.clock.now();
    this.revision += 1;
    const items: TransferItem[] = [];
    for (const id of this.dirty) {
      const item = this.items.get(id);
      if (item) items.push(item);
    }
    // New items must arrive in queue order; a Set keeps insertion order, which is enqueue order.
    const update: QueueUpdate = {
      revision: this.revision,
      paused: this.pausedAll,
      progress: this.progress(),
      items,
      removedIds: this.removedSinceUpdate,
      order: this.orderChanged ? [...this.order] : null,
    };
    this.dirty.clear();
    this.removedSinceUpdate = [];
    this.orderChanged = false;
    this.pausedChanged = false;
    for (const listener of this.updateListeners) listener(update);
    // Running transfers keep changing speed and ETA even between progress reports.
    if (this.live.size > 0) this.scheduleUpdate();
  }

  private emitQuestion(): void {
    const question = this.currentQuestion;
    for (const listener of this.questionListeners) listener(question);
  }
}

function cancelledError(message = 'Cancelled'): WharfErrorData {
  return { kind: 'cancelled', message };
}
