import { t } from '../../common/i18n/t';
import type { CompareResult, RunningSync, SyncCompareRequest, SyncPlan, SyncPlanRequest, SyncRunRequest, SyncRunResult } from '../../common/models/sync';
import type { ExpansionBudget, OnBudgetExceeded } from '../transfers/expand';
import { WharfError } from '../core/errors';
import type { SessionConnection } from '../connections/session-connection';
import { compareFolders, type CompareSession } from './compare-folders';
import { planSync } from './plan';
import { runSyncPlan, type SyncQueue, type SyncRemote } from './run';
import { syncPairKey, type SyncStateStore } from './sync-state';

/** A session for compare and deletions: `FtpsSession` satisfies it. */
export type SyncSession = CompareSession & SyncRemote & { close(): Promise<void> };

/** What the sync service needs of the app. */
export interface SyncServiceDeps {
  /** How to reach the site a browsing session shows (RemoteSessionService.connectionFor). */
  connectionFor(sessionId: string): SessionConnection;
  /** Opens a dedicated session (compare walks and hashes must not block browsing), e.g. FtpsSession.open. */
  openSession(connection: SessionConnection): Promise<SyncSession>;
  /** Lets the queue's pool log in to the site (QueueConnections.register). */
  registerConnection(connection: SessionConnection): void;
  /** The app's transfer queue. */
  readonly queue: SyncQueue;
  /** Records of earlier syncs (mirror deletions), e.g. FileSyncStateStore(dataDir). */
  readonly stateStore: SyncStateStore;
  /** Local deletions (the app: to the trash); default removed for good. */
  readonly deleteLocal?: (path: string, kind: 'file' | 'directory') => Promise<void>;
  /** A sync started, moved on, was cancelled or ended (the app: the `syncProgress` event). */
  readonly onDidChangeRunning?: (sync: RunningSync) => void;
  /** How far a compare walks the server's folder before asking. default DEFAULT_EXPANSION_BUDGET */
  readonly budget?: ExpansionBudget;
  /** Asked past the budget (the app asks the user); default: the compare stops. */
  readonly onBudgetExceeded?: OnBudgetExceeded;
}

/** Plans are kept this long after they were made, by id, for `run`. */
const MAX_PLANS = 20;

/**
 * Progress of one sync is published at most this often: a sync of many small files ends actions faster
 * than a window needs to redraw its line. Start, cancel and end are published at once.
 */
const PROGRESS_INTERVAL_MS = 250;

/** A sync under way: what is published about it, and how to stop it. */
interface RunningEntry {
  info: RunningSync;
  readonly controller: AbortController;
  /** Its start was published (a run refused before it started never is, nor listed). */
  announced: boolean;
  lastPublishedAt: number;
  pendingPublish: ReturnType<typeof setTimeout> | null;
}

/** user@host:port: the same pair key whether the app or the CLI syncs it. */
function remoteId(connection: SessionConnection): string {
  const { user, host, port } = connection.options.target;
  return `${user}@${host}:${port}`;
}

/**
 * Compare, preview and sync for the renderer. A plan is kept in main under its id, so `run` carries out
 * exactly the previewed actions the user ticked (the renderer sends ids, never paths).
 */
export class SyncService {
  private readonly plans = new Map<string, { plan: SyncPlan; connection: SessionConnection }>();
  /** Syncs under way, by plan id: for `cancel`, and for a window that opens (or reloads) while they run. */
  private readonly running = new Map<string, RunningEntry>();

  constructor(private readonly deps: SyncServiceDeps) {}

  private async withSession<T>(connection: SessionConnection, use: (session: SyncSession) => Promise<T>): Promise<T> {
    const session = await this.deps.openSession(connection);
    try {
      return await use(session);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private compareWith(session: SyncSession, connection: SessionConnection, request: SyncCompareRequest): Promise<CompareResult> {
    return compareFolders(session, {
      localRoot: request.localRoot,
      remoteRoot: request.remoteRoot,
      recursive: request.recursive ?? true,
      listingOffsetMinutes: connection.options.target.timezoneOffsetMinutes,
      ...(request.timezoneOffsetMinutes !== undefined ? { timezoneOffsetMinutes: request.timezoneOffsetMinutes } : {}),
      useHash: request.useHash ?? true,
      ...(this.deps.budget ? { budget: this.deps.budget } : {}),
      ...(this.deps.onBudgetExceeded ? { onBudgetExceeded: this.deps.onBudgetExceeded } : {}),
      sizeOnly: request.sizeOnly ?? false,
    });
  }

  /** Compares a local folder with a folder on the session's server. */
  async compare(request: SyncCompareRequest): Promise<CompareResult> {
    const connection = this.deps.connectionFor(request.sessionId);
    return this.withSession(connection, (session) => this.compareWith(session, connection, request));
  }

  /** Compares and plans; nothing changes until `run`. */
  async plan(request: SyncPlanRequest): Promise<SyncPlan> {
    const connection = this.deps.connectionFor(request.sessionId);
    const compare = await this.withSession(connection, (session) => this.compareWith(session, connection, request));
    const baseline = await this.deps.stateStore.load(syncPairKey(remoteId(connection), request.remoteRoot, request.localRoot));
    const plan = planSync(compare, { direction: request.direction, delete: request.delete === true, baseline });
    this.plans.set(plan.planId, { plan, connection });
    while (this.plans.size > MAX_PLANS) this.plans.delete(this.plans.keys().next().value as string);
    return plan;
  }

  /**
   * Runs the ticked actions of a plan and resolves when they have all ended (the queue shows progress).
   * While the queue is paused the transfers wait there and nothing else is held: the session for remote
   * deletions is opened only once the transfers have ended (a server drops a session left idle that long).
   */
  async run(request: SyncRunRequest): Promise<SyncRunResult> {
    const planned = this.plans.get(request.planId);
    if (!planned) throw new WharfError('invalid-input', t('transfers.previewGone'), { detail: { reason: 'unknown-plan' } });
    const { plan, connection } = planned;
    this.deps.registerConnection(connection);
    this.plans.delete(request.planId);
    const controller = new AbortController();
    const entry: RunningEntry = {
      info: { planId: plan.planId, direction: plan.direction, localRoot: plan.localRoot, remoteRoot: plan.remoteRoot, siteLabel: connection.label, actionsDone: 0, actionsTotal: 0, cancelled: false, ended: false },
      controller,
      announced: false,
      lastPublishedAt: 0,
      pendingPublish: null,
    };
    this.running.set(plan.planId, entry);
    // The first report (0 of all) comes before anything starts: that is the sync's start.
    const onProgress = (actionsDone: number, actionsTotal: number) => {
      entry.info = { ...entry.info, actionsDone, actionsTotal };
      if (entry.announced) return this.publishSoon(entry);
      entry.announced = true;
      this.publish(entry);
    };
    const remote = new SessionOnFirstUse(() => this.deps.openSession(connection));
    try {
      return await runSyncPlan(plan, {
        queue: this.deps.queue,
        siteKey: connection.siteKey,
        session: remote,
        signal: controller.signal,
        uploadViaTemporaryName: connection.uploadViaTemporaryName,
        ...(request.actionIds ? { actionIds: request.actionIds } : {}),
        ...(this.deps.deleteLocal ? { deleteLocal: this.deps.deleteLocal } : {}),
        onProgress,
        state: { store: this.deps.stateStore, pairKey: syncPairKey(remoteId(connection), plan.remoteRoot, plan.localRoot) },
      });
    } finally {
      this.running.delete(plan.planId);
      if (entry.pendingPublish) clearTimeout(entry.pendingPublish);
      // A run refused before it started (unknown action ids) was never announced, so it has nothing to end.
      if (entry.announced) {
        entry.info = { ...entry.info, ended: true };
        this.publish(entry);
      }
      await remote.close();
    }
  }

  /** The syncs under way, oldest first, for a window that opens (or reloads) while they run. */
  runningSyncs(): RunningSync[] {
    return [...this.running.values()].filter((e) => e.announced).map((e) => e.info);
  }

  private publish(entry: RunningEntry): void {
    if (entry.pendingPublish) clearTimeout(entry.pendingPublish);
    entry.pendingPublish = null;
    entry.lastPublishedAt = Date.now();
    this.deps.onDidChangeRunning?.(entry.info);
  }

  /** Publishes now if the last one is old enough, else once it is (with the counts of then). */
  private publishSoon(entry: RunningEntry): void {
    if (entry.pendingPublish) return;
    const wait = entry.lastPublishedAt + PROGRESS_INTERVAL_MS - Date.now();
    if (wait <= 0) return this.publish(entry);
    entry.pendingPublish = setTimeout(() => this.publish(entry), wait);
  }

  /**
   * Cancels the sync running this plan: its unfinished transfers are cancelled in the queue and no deletion
   * starts after this. An unknown plan (its sync ended a moment ago) is not an error: nothing is left to stop.
   */
  cancel(planId: string): void {
    const entry = this.running.get(planId);
    if (!entry || entry.info.cancelled) return;
    entry.info = { ...entry.info, cancelled: true };
    entry.controller.abort();
    // The window's line says "Cancelling" while the queue cancels the transfers; the end follows.
    if (entry.announced && this.running.has(planId)) this.publish(entry);
  }
}

/**
 * The deletion half of a session, opened on the first deletion rather than before the run: the transfers
 * come first and may wait in a paused queue for hours, and a session opened before them would sit idle and
 * be dropped by the server. A failure to open fails each deletion that needed it.
 */
class SessionOnFirstUse implements SyncRemote {
  private opening: Promise<SyncSession> | null = null;

  constructor(private readonly open: () => Promise<SyncSession>) {}

  private session(): Promise<SyncSession> {
    this.opening ??= this.open();
    return this.opening;
  }

  async size(path: string): Promise<number> {
    return (await this.session()).size(path);
  }

  async remove(path: string, options?: { recursive?: boolean }): Promise<void> {
    return (await this.session()).remove(path, options);
  }

  /** Closes the session if one was opened; never throws (the run's result matters more than a QUIT). */
  async close(): Promise<void> {
    const opened = await this.opening?.catch(() => null);
    await opened?.close().catch(() => undefined);
  }
}
