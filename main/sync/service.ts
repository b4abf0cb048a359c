import type { CompareResult, SyncCompareRequest, SyncPlan, SyncPlanRequest, SyncRunRequest, SyncRunResult } from '../../common/models/sync';
import { WharfError } from '../ftps/errors';
import type { SessionConnection } from '../services/remote-sessions';
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
}

/** Plans are kept this long after they were made, by id, for `run`. */
const MAX_PLANS = 20;

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
  /** Syncs under way, by plan id, for `cancel`. */
  private readonly running = new Map<string, AbortController>();

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
    const entry = this.plans.get(request.planId);
    if (!entry) throw new WharfError('invalid-input', 'This preview is no longer available; compare again.', { detail: { reason: 'unknown-plan' } });
    const { plan, connection } = entry;
    this.deps.registerConnection(connection);
    this.plans.delete(request.planId);
    const controller = new AbortController();
    this.running.set(plan.planId, controller);
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
        state: { store: this.deps.stateStore, pairKey: syncPairKey(remoteId(connection), plan.remoteRoot, plan.localRoot) },
      });
    } finally {
      this.running.delete(plan.planId);
      await remote.close();
    }
  }

  /**
   * Cancels the sync running this plan: its unfinished transfers are cancelled in the queue and no deletion
   * starts after this. An unknown plan (its sync ended a moment ago) is not an error: nothing is left to stop.
   */
  cancel(planId: string): void {
    this.running.get(planId)?.abort();
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
