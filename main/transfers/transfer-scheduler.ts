// Over 500 lines: the pump (~250 lines from "scheduling") and the item controls it serves share its private state; its four helpers have their own files.
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_SITE_CONCURRENCY,
  type OverwriteAnswer,
  type OverwriteChoice,
  type OverwritePolicy,
  type OverwriteQuestion,
  type QueueProgress,
  type QueueSnapshot,
  type QueueUpdate,
  type TransferDirection,
  type TransferItem,
} from '../../common/models/transfer';
import { systemClock, type Clock } from './clock';
import { OverwriteQuestions } from './overwrite-questions';
import type { MoveTarget, QueueControls } from './queue-controls';
import {
  DEFAULT_RETRY_OPTIONS,
  backoffDelay,
  cancelledError,
  classifyFailure,
  toErrorData,
  type RetryOptions,
} from './retry-policy';
import { SiteLimits, clampConcurrency } from './site-limits';
import { TransferItems, newItem, type NewTransferItem } from './transfer-items';
import type { OverwriteConflict, TransferOutcome, TransferRunContext, TransferRunner } from './transfer-runner';
import { RunningAttempt, type AbortReason } from './running-attempt';
import { UpdatePublisher } from './update-publisher';
import { WakeTimers } from './wake-timers';

export type { MoveTarget } from './queue-controls';
export type { NewTransferItem } from './transfer-items';
export { clampConcurrency } from './site-limits';

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
  /**
   * Retried folders that could not be read: they are walked anew (by the queue, which can list), since queued
   * again as they are they would pass as empty folders. Absent: they stay failed.
   */
  readonly walkAgain?: (items: readonly TransferItem[]) => void;
}

/**
 * The queue's pump as pure logic: order, retries with backoff, pause/resume/cancel/reorder, around four
 * helpers: `TransferItems` (items, order and counts), `SiteLimits` (per-site concurrency, lowered on "too
 * many connections"), `OverwriteQuestions` (one at a time) and `UpdatePublisher` (throttled updates). It
 * owns no socket and no file: one `TransferRunner` does the attempts, and time comes from an injected
 * `Clock`, so all of it is tested with fakes and no sleeps.
 */
export class TransferScheduler implements QueueControls {
  private readonly runner: TransferRunner;
  private readonly clock: Clock;
  private readonly retryOptions: RetryOptions;
  private readonly defaultOverwrite: OverwritePolicy;
  private readonly createId: () => string;
  private readonly log: (text: string) => void;
  private readonly walkAgain: ((items: readonly TransferItem[]) => void) | null;

  private readonly items = new TransferItems();
  private readonly sites: SiteLimits;
  private readonly questions: OverwriteQuestions;
  private readonly publisher: UpdatePublisher;
  private readonly live = new Map<string, RunningAttempt>();
  /** Running attempts that gave their connection back, by site: they leave room for others. */
  private readonly freedOn = new Map<string, Set<RunningAttempt>>();
  /** Names typed with rename answers, by item id. */
  private readonly chosenNames = new Map<string, string>();
  private readonly timers: WakeTimers;

  private pausedAll: boolean;
  private pausedChanged = false;
  private stopped = false;

  private readonly changeListeners = new Set<() => void>();
  private readonly settledWaiters: (() => void)[] = [];

  constructor(options: TransferSchedulerOptions) {
    this.runner = options.runner;
    this.clock = options.clock ?? systemClock;
    this.retryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
    this.defaultOverwrite = options.defaultOverwrite ?? 'ask';
    this.createId = options.createId ?? randomUUID;
    this.walkAgain = options.walkAgain ?? null;
    this.log = options.onLog ?? (() => undefined);
    this.pausedAll = options.initialPaused ?? false;
    const defaultConcurrency = clampConcurrency(options.defaultConcurrency ?? DEFAULT_SITE_CONCURRENCY);
    this.sites = new SiteLimits(defaultConcurrency, options.siteConcurrency ?? {}, this.log);
    this.questions = new OverwriteQuestions(this.createId);
    this.timers = new WakeTimers(this.clock, () => this.pump());
    this.publisher = new UpdatePublisher(this.clock, options.updateIntervalMs ?? 100, {
      collect: () => this.collectUpdate(),
      isRunning: () => this.live.size > 0,
    });
    for (const restored of options.initialItems ?? []) {
      const item: TransferItem =
        restored.state === 'running'
          ? { ...restored, state: 'paused', speed: 0, etaSeconds: null, nextAttemptAt: null }
          : restored.state === 'queued' && restored.nextAttemptAt !== null
            ? { ...restored, nextAttemptAt: null }
            : restored;
      if (this.items.has(item.id)) continue;
      this.setItem(item);
    }
    this.items.forgetChanges();
    this.pump();
  }

  // ---- reading --------------------------------------------------------------------------------

  /** The whole queue now, for a window that just loaded and for the queue file. */
  getSnapshot(): QueueSnapshot {
    this.materializeLive();
    return { revision: this.publisher.revision, paused: this.pausedAll, items: this.items.inOrder(), progress: this.progress() };
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
    return this.questions.current;
  }

  /** The configured and the current (possibly lowered) concurrency of a site. */
  siteConcurrency(siteKey: string): { configured: number; effective: number } {
    return this.sites.concurrency(siteKey);
  }

  // ---- subscribing ------------------------------------------------------------------------------

  /**
   * Updates for the UI, at most one per `updateIntervalMs` however many items change. Take
   * `getSnapshot()` first, then apply updates with a higher revision (`applyQueueUpdate`); applying one
   * that the snapshot already contains is harmless.
   */
  subscribe(listener: (update: QueueUpdate) => void): () => void {
    return this.publisher.subscribe(listener);
  }

  /** Called synchronously on every change worth saving (not on mere progress): the persistence hook. */
  onDidChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The overwrite question to show (or null to close the dialog) whenever it changes. */
  onDidChangeQuestion(listener: (question: OverwriteQuestion | null) => void): () => void {
    return this.questions.onDidChange(listener);
  }

  /** Resolves when nothing runs and nothing queued can start (done, failed, skipped, paused remain). */
  whenSettled(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  // ---- changing (QueueControls documents the item controls) ---------------------------------------

  /** Appends items in the given order and starts what may start. */
  enqueue(inputs: readonly NewTransferItem[]): TransferItem[] {
    const added: TransferItem[] = [];
    for (const input of inputs) {
      const item = newItem(this.createId(), input, this.defaultOverwrite);
      this.setItem(item);
      added.push(item);
    }
    this.pump();
    return added;
  }

  pause(ids: readonly string[]): void {
    for (const id of ids) {
      const item = this.items.get(id);
      if (!item) continue;
      if (item.state === 'queued') {
        this.timers.clearRetry(id);
        this.setItem({ ...item, state: 'paused', nextAttemptAt: null });
      } else if (item.state === 'running') {
        this.abortRun(id, 'pause');
      }
    }
    this.pump();
  }

  resume(ids: readonly string[]): void {
    for (const id of ids) {
      const item = this.items.get(id);
      if (!item) continue;
      if (item.state === 'paused') {
        this.setItem({ ...item, state: 'queued', nextAttemptAt: null });
        this.items.rescanFromStart();
      } else if (item.state === 'running') {
        const record = this.live.get(id);
        if (record?.abortReason === 'pause') record.abortReason = 'requeue';
      }
    }
    this.pump();
  }

  pauseAll(): void {
    if (!this.pausedAll) {
      this.pausedAll = true;
      this.pausedChanged = true;
      this.changed();
    }
    for (const id of [...this.live.keys()]) this.abortRun(id, 'pause');
  }

  resumeAll(): void {
    if (this.pausedAll) {
      this.pausedAll = false;
      this.pausedChanged = true;
      this.changed();
    }
    const paused = this.items.idsWhere((item) => item.state === 'paused');
    this.resume(paused);
    for (const record of this.live.values()) if (record.abortReason === 'pause') record.abortReason = 'requeue';
    this.pump();
  }

  cancel(ids: readonly string[]): void {
    for (const id of ids) {
      const item = this.items.get(id);
      if (!item) continue;
      if (item.state === 'queued' || item.state === 'paused') {
        this.timers.clearRetry(id);
        this.setItem({ ...item, state: 'failed', nextAttemptAt: null, lastError: cancelledError() });
      } else if (item.state === 'running') {
        this.abortRun(id, 'cancel');
      }
    }
    this.pump();
  }

  retry(ids?: readonly string[]): void {
    const targets = ids ?? this.items.idsWhere((item) => item.state === 'failed');
    const unreadFolders: TransferItem[] = [];
    for (const id of targets) {
      const item = this.items.get(id);
      if (item?.state !== 'failed') continue;
      // A server's name refused for the local disk stays refused: retrying cannot make it safe.
      if (item.lastError?.detail?.refusedName === true) continue;
      // A folder that could not be read would be made empty and pass as done: it is walked anew instead.
      if (item.lastError?.detail?.unreadFolder === true) {
        unreadFolders.push(item);
        continue;
      }
      this.setItem({ ...item, state: 'queued', attempts: 0, lastError: null, nextAttemptAt: null });
    }
    this.items.rescanFromStart();
    this.pump();
    if (unreadFolders.length > 0) this.walkAgain?.(unreadFolders);
  }

  /** Removes items from the queue, stopping running ones and cleaning up what unfinished ones left. */
  remove(ids: readonly string[]): void {
    const removing: TransferItem[] = [];
    for (const id of new Set(ids)) {
      const item = this.items.get(id);
      if (!item) continue;
      if (item.state === 'running') {
        this.abortRun(id, 'remove');
        const record = this.live.get(id);
        if (record) record.removedItem = item;
      } else if (item.state !== 'done' && item.state !== 'skipped') {
        this.discard(item);
      }
      this.timers.clearRetry(id);
      removing.push(item);
    }
    if (removing.length === 0) return;
    this.items.delete(removing);
    this.changed();
    this.pump();
  }

  removeFinished(): void {
    this.remove(this.items.idsWhere((item) => item.state === 'done' || item.state === 'skipped'));
  }

  move(ids: readonly string[], target: MoveTarget): void {
    const selected = new Set(ids.filter((id) => this.items.has(id)));
    if (selected.size === 0) return;
    this.items.move(selected, target);
    this.changed();
    this.publisher.schedule();
  }

  /** Sets a site's parallel transfers (clamped to 1..10); also lifts a lowered limit. */
  setSiteConcurrency(siteKey: string, concurrency: number): void {
    this.sites.set(siteKey, concurrency);
    this.pump();
  }

  /**
   * Answers the current overwrite question. The choice becomes the item's policy; with `applyToAll`
   * it becomes the policy of every item still set to `ask` and answers the questions waiting behind.
   * Returns false for an unknown or already answered question.
   */
  answerOverwrite(answer: OverwriteAnswer): boolean {
    return this.questions.answer(answer, (itemId) => {
      this.setPolicy(itemId, answer.choice);
      // The typed name is for the item asked about; the others of "apply to all" take the next free number.
      if (answer.choice === 'rename' && answer.newName !== undefined) this.chosenNames.set(itemId, answer.newName);
      if (!answer.applyToAll) return;
      const asking = this.items.idsWhere((item) => item.overwrite === 'ask' && item.state !== 'done' && item.state !== 'skipped');
      for (const id of asking) this.setPolicy(id, answer.choice);
    });
  }

  /**
   * Stops everything for a quit: running attempts are aborted and come back paused with their offsets,
   * timers are cleared, waiting questions are withdrawn. Resolves when every runner has returned.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clearAll();
    this.publisher.stop();
    const running = [...this.live.entries()];
    for (const [id] of running) this.abortRun(id, 'stop');
    this.questions.withdrawAll();
    await Promise.all(running.map(([, record]) => record.done));
    this.materializeLive();
  }

  // ---- scheduling -------------------------------------------------------------------------------

  private pump(): void {
    if (this.stopped || this.pausedAll || this.items.count('queued') === 0) {
      this.checkSettled();
      return;
    }
    const now = this.clock.now();
    // Every batch of a big folder arrives while its first files run: with no room anywhere, walking all
    // queued items would start none, and cost O(queue) per batch.
    if (!this.anySiteHasRoom(now)) {
      this.checkSettled();
      return;
    }
    for (const item of this.items.queuedInOrder()) {
      if (!this.siteHasRoom(item.siteKey, now)) continue;
      if (item.nextAttemptAt !== null && Date.parse(item.nextAttemptAt) > now) continue;
      this.start(item);
      if (!this.anySiteHasRoom(now)) break;
    }
    this.checkSettled();
  }

  private siteHasRoom(siteKey: string, now: number): boolean {
    return this.sites.hasRoom(siteKey, this.items.runningOn(siteKey) - (this.freedOn.get(siteKey)?.size ?? 0), now);
  }

  /** The attempt gave its connection back (see TransferRunContext.connectionFreed): the site has room for one more. */
  private freeConnection(id: string, record: RunningAttempt, siteKey: string): void {
    if (this.live.get(id) !== record || this.isFreed(record)) return;
    const freed = this.freedOn.get(siteKey) ?? new Set<RunningAttempt>();
    this.freedOn.set(siteKey, freed.add(record));
    this.pump();
  }

  /** The attempt ended: it counts as running until its item's state changes, and no longer as freed. */
  private endFreed(record: RunningAttempt): void {
    for (const [siteKey, freed] of this.freedOn) {
      if (freed.delete(record) && freed.size === 0) this.freedOn.delete(siteKey);
    }
  }

  private isFreed(record: RunningAttempt): boolean {
    for (const freed of this.freedOn.values()) if (freed.has(record)) return true;
    return false;
  }

  private anySiteHasRoom(now: number): boolean {
    for (const siteKey of this.items.sitesWithQueued()) {
      if (this.siteHasRoom(siteKey, now)) return true;
    }
    return false;
  }

  private start(item: TransferItem): void {
    const id = item.id;
    const record = new RunningAttempt(item, this.clock.now());
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
    ).finally(() => record.ended());
  }

  private contextFor(id: string, record: RunningAttempt, direction: TransferDirection): TransferRunContext {
    const isCurrent = () => this.live.get(id) === record && record.abortReason === null;
    return {
      signal: record.controller.signal,
      resume: record.bytesDone > 0,
      reportStarted: (resumedFrom, bytesTotal) => {
        if (!isCurrent()) return;
        record.started(resumedFrom, bytesTotal, this.clock.now());
        const item = this.items.get(id);
        if (item) this.setItem({ ...item, resumedFrom, bytesTotal, bytesDone: resumedFrom });
      },
      reportProgress: (bytesDone) => {
        if (!isCurrent()) return;
        record.progressed(bytesDone, this.clock.now());
        this.items.touch(id);
        this.publisher.schedule();
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
      connectionFreed: () => {
        const item = this.items.get(id);
        if (item) this.freeConnection(id, record, item.siteKey);
      },
      recordSegments: (segments) => {
        if (this.live.get(id) !== record) return;
        const item = this.items.get(id);
        if (item && (item.segments ?? null) !== segments) this.setItem({ ...item, segments });
      },
    };
  }

  private ask(id: string, record: RunningAttempt, direction: TransferDirection, conflict: OverwriteConflict): Promise<OverwriteChoice> {
    const item = this.items.get(id);
    if (item && item.overwrite !== 'ask') return Promise.resolve(item.overwrite);
    if (record.controller.signal.aborted || this.stopped) return Promise.reject(cancelledError());
    return this.questions.ask(id, direction, conflict, record.controller.signal);
  }

  private finishRun(id: string, record: RunningAttempt, outcome: TransferOutcome): void {
    this.endFreed(record);
    if (this.live.get(id) !== record) return;
    this.live.delete(id);
    // The attempt has retargeted the item to the typed name; a retry starts from there.
    this.chosenNames.delete(id);
    const item = this.items.get(id);
    if (!item) {
      this.pump();
      return;
    }
    this.sites.succeeded(item.siteKey);
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

  private failRun(id: string, record: RunningAttempt, thrown: unknown): void {
    this.endFreed(record);
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
        this.items.rescanFromStart();
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
      // The item itself still counts as running until the setItem below.
      const stillRunning = this.items.runningOn(item.siteKey) - 1;
      this.timers.wakeAt(this.sites.refused(item.siteKey, stillRunning, now, this.retryOptions));
      // Another transfer of the site still runs: the refusal is the limit, not this item's fault.
      const attempts = stillRunning > 0 ? record.attemptsBefore : stopped.attempts;
      if (attempts >= this.retryOptions.maxAttempts) {
        this.setItem({ ...stopped, state: 'failed', attempts, lastError: error });
      } else {
        this.setItem({ ...stopped, state: 'queued', attempts, lastError: error });
        this.items.rescanFromStart();
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
    this.items.rescanFromStart();
    this.timers.wakeAt(at, id);
    this.pump();
  }

  private abortRun(id: string, reason: AbortReason): void {
    this.live.get(id)?.abort(reason);
  }

  private discard(item: TransferItem): void {
    const cleanup = this.runner.discard?.(item);
    cleanup?.catch((error: unknown) => this.log(`${item.localPath}: could not clean up: ${toErrorData(error).message}`));
  }

  private setPolicy(id: string, policy: OverwriteChoice): void {
    const item = this.items.get(id);
    if (item && item.overwrite !== policy) this.setItem({ ...item, overwrite: policy });
  }

  // ---- bookkeeping ------------------------------------------------------------------------------

  /** The one place items change: keeps counts and sums right, saves, publishes, wakes `whenSettled`. */
  private setItem(next: TransferItem): void {
    this.items.set(next);
    this.changed();
    this.checkSettled();
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
    this.publisher.schedule();
  }

  private isSettled(): boolean {
    return this.items.count('running') === 0 && (this.items.count('queued') === 0 || this.pausedAll || this.stopped);
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
      const live = record.figures(now);
      if (item.bytesDone !== live.bytesDone || item.bytesTotal !== live.bytesTotal || item.speed !== live.speed || item.etaSeconds !== live.etaSeconds) {
        this.items.set({ ...item, ...live });
      }
    }
  }

  private progress(): QueueProgress {
    let speed = 0;
    for (const id of this.live.keys()) speed += this.items.get(id)?.speed ?? 0;
    return this.items.progress(speed);
  }

  /** What the next update carries, or null when nothing changed (for the publisher). */
  private collectUpdate(): Omit<QueueUpdate, 'revision'> | null {
    this.materializeLive();
    if (!this.items.hasChanges && !this.pausedChanged) return null;
    const paused = this.pausedAll;
    const progress = this.progress();
    const { items, removedIds, order } = this.items.takeChanges();
    this.pausedChanged = false;
    return { paused, progress, items, removedIds, order };
  }
}
