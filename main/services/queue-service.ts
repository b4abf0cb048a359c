import { t } from '../../common/i18n/t';
import type { EnqueueResult, EnqueueTransfer, QueueSettings } from '../../common/ipc/payloads';
import type { LogLine } from '../../common/models/log';
import { DEFAULT_SEGMENTS, type SiteProfile } from '../../common/models/site-profile';
import type { ConnectivitySources } from '../sites/site-connectivity';
import type { OverwriteAnswer, OverwritePolicy, OverwriteQuestion, TransferState, QueueSnapshot } from '../../common/models/transfer';
import type { FtpsSession, SessionOptions, TrustStoreLike } from '../ftps/session';
import { WharfError } from '../core/errors';
import type { QueueControls } from '../transfers/queue-controls';
import type { TransferQueue } from '../transfers/transfer-queue';
import type { TransferSession } from '../transfers/transfer-session';
import type { EventHub } from './event-hub';
import { foldersChangedBy } from './folders-changed';
import type { QuestionBroker } from './question-broker';
import { connectionForSite } from '../connections/connection-rule';
import type { SessionConnection } from '../connections/session-connection';
import { withLiveSiteSettings, type SiteLookup } from './remote-sessions';
import { knowledgeFor, serverKey, type ServerKnowledge } from '../ftps/server-knowledge';

/** Opens an engine session for the queue's pool: `FtpsSession.open`. */
export type OpenTransferSession = (options: SessionOptions) => Promise<Pick<FtpsSession, keyof TransferSession>>;

/** Dependencies of QueueConnections. */
export interface QueueConnectionsDeps {
  readonly openSession: OpenTransferSession;
  readonly sites: SiteLookup;
  readonly trustStore?: TrustStoreLike;
  readonly questions: QuestionBroker;
  readonly onLog: (line: LogLine) => void;
  /** Client certificates and proxies of saved sites (#18). */
  readonly connectivity?: ConnectivitySources;
}

/**
 * How the queue's pool logs in, per site key: with the connection of the session the user queued from
 * (same password, the certificate decision carried as a pin), or, for a saved site restored from the
 * queue file after a restart, from the site store and the keychain. A certificate nobody decided on yet is
 * asked like any other (a question with no session).
 */
export class QueueConnections {
  private readonly registered = new Map<string, SessionConnection>();
  private opened = 0;
  /** What a site's transfer sessions learned about its server, shared between them (see ServerKnowledge). */
  private readonly serverKnowledge = new Map<string, ServerKnowledge>();

  constructor(private readonly deps: QueueConnectionsDeps) {}

  /** Remembers how to reach a site key (called on every enqueue: the latest session's decision wins). */
  register(connection: SessionConnection): void {
    this.registered.set(connection.siteKey, connection);
  }

  /**
   * A saved site was updated: the connection registered for it takes the settings that need no new login
   * (withLiveSiteSettings), so pool sessions opened from now on read listings with the new timezone offset.
   * Host, user, password and the rest stay those of the session the user queued from until they reconnect.
   */
  applySiteSettings(site: SiteProfile): void {
    const registered = this.registered.get(site.id);
    if (registered) this.registered.set(site.id, withLiveSiteSettings(registered, site));
  }

  /** Whether uploads to a site key keep the local modification time: the site's setting, on when unknown. */
  readonly keepsModifiedTimes = async (siteKey: string): Promise<boolean> => {
    const registered = this.registered.get(siteKey);
    if (registered) return registered.keepModifiedTimes ?? true;
    if (siteKey.startsWith('quick:')) return true;
    return (await this.deps.sites.get(siteKey).catch(() => null))?.keepModifiedTimes ?? true;
  };

  /** Up to how many ranges a big download of a site key is fetched in: the site's setting, the default when unknown. */
  readonly segmentsFor = async (siteKey: string): Promise<number> => {
    const registered = this.registered.get(siteKey);
    if (registered) return registered.segments ?? DEFAULT_SEGMENTS;
    if (siteKey.startsWith('quick:')) return DEFAULT_SEGMENTS;
    return (await this.deps.sites.get(siteKey).catch(() => null))?.segments ?? DEFAULT_SEGMENTS;
  };

  /** The SessionFactory given to TransferQueue.open. */
  readonly open = async (siteKey: string): Promise<TransferSession> => {
    const options = this.registered.get(siteKey)?.options ?? (await this.fromSiteStore(siteKey));
    this.opened += 1;
    return this.deps.openSession({
      ...options,
      known: knowledgeFor(this.serverKnowledge, `${siteKey} ${serverKey(options.target)}`),
      connectionId: `transfer-${this.opened}`,
      onLog: this.deps.onLog,
      decideTrust: (question) =>
        this.deps.questions.askCertificate({ ...question, sessionId: null, previousFingerprint: null }, null),
    });
  };

  private async fromSiteStore(siteKey: string): Promise<SessionConnection['options']> {
    if (siteKey.startsWith('quick:')) {
      throw new WharfError('invalid-input', t('services.quickConnectionClosed'), { detail: { reason: 'no-session', siteKey } });
    }
    const site = await this.deps.sites.get(siteKey);
    const connection = await connectionForSite(site, {
      getPassword: (id) => this.deps.sites.getPassword(id),
      missing: () => new WharfError('invalid-input', t('services.connectToResume', { site: site.name }), { detail: { reason: 'password-required', siteId: site.id } }),
      trustStore: this.deps.trustStore,
      connectivity: this.deps.connectivity,
    });
    return connection.options;
  }
}

/**
 * The queue half of the contract over main/transfers: enqueue over a browsing session's site, item and
 * queue-wide controls, queue-wide settings, and the scheduler's one-at-a-time overwrite question relayed
 * as `overwriteQuestion` / `questionClosed`. Updates are relayed as `queueUpdate` events.
 */
export class QueueService {
  private shownQuestion: string | null = null;
  private readonly answered = new Set<string>();
  private readonly unsubscribe: (() => void)[] = [];
  private current: QueueSettings;
  /** The queue's item controls as they are (pause, resume, cancel, retry, remove, move, pause/resume all). */
  readonly controls: QueueControls;

  constructor(
    private readonly queue: TransferQueue,
    private readonly connections: QueueConnections,
    private readonly events: EventHub,
    settings: QueueSettings = { overwritePolicy: 'ask', speedLimitBytesPerSecond: null },
  ) {
    this.current = settings;
    this.controls = queue.controls;
    this.unsubscribe.push(
      queue.subscribe((update) => {
        events.emit('queueUpdate', update);
        for (const changed of foldersChangedBy(update.items)) events.emit('foldersChanged', changed);
      }),
    );
    this.unsubscribe.push(queue.onDidChangeQuestion((question) => this.relayQuestion(question)));
  }

  /** The whole queue now. */
  snapshot(): QueueSnapshot {
    return this.queue.getSnapshot();
  }

  /** Queues transfers over the site a session browses; folders expand in main, download paths are joined in main. */
  async enqueue(connection: SessionConnection, transfers: readonly EnqueueTransfer[]): Promise<EnqueueResult> {
    this.connections.register(connection);
    if (connection.maxConnections !== null) this.queue.setSiteConcurrency(connection.siteKey, connection.maxConnections);
    let added = 0;
    const skipped: { path: string; reason: string }[] = [];
    for (const t of transfers) {
      const result = await this.queue.add({
        ...t,
        siteKey: connection.siteKey,
        overwrite: t.overwrite ?? this.current.overwritePolicy,
        ...(t.direction === 'upload' ? { uploadViaTemporaryName: connection.uploadViaTemporaryName } : {}),
      });
      added += result.added;
      skipped.push(...result.skipped);
    }
    return { added, skipped };
  }

  /**
   * A saved site was updated. Its maximum connections apply to the pool at once: a lower one closes idle
   * sessions now and busy ones as their transfers end, and a changed one also lifts a limit lowered after
   * "too many connections" (the user has spoken). Left alone when unchanged, so saving a comment does not
   * lift that limit. The upload setting applies to uploads queued from now on: an item already queued keeps
   * the temporary name it was given, which a retry or a restart must resume into.
   */
  applySiteSettings(site: SiteProfile): void {
    this.connections.applySiteSettings(site);
    if (this.queue.siteConcurrency(site.id).configured !== site.maxConnections) this.queue.setSiteConcurrency(site.id, site.maxConnections);
  }

  /** Removes every item in the given states (the "clear" buttons). */
  clear(states: readonly TransferState[]): void {
    const wanted = new Set(states);
    const ids = this.queue.getSnapshot().items.filter((i) => wanted.has(i.state)).map((i) => i.id);
    if (ids.length > 0) this.controls.remove(ids);
  }

  settings(): QueueSettings {
    return this.current;
  }

  /** The policy new items get (items already queued keep theirs). */
  setOverwritePolicy(policy: OverwritePolicy): QueueSettings {
    this.current = { ...this.current, overwritePolicy: policy };
    return this.current;
  }

  /** Applies to running transfers too. */
  setSpeedLimit(bytesPerSecond: number | null): QueueSettings {
    this.queue.setSpeedLimit(bytesPerSecond);
    this.current = { ...this.current, speedLimitBytesPerSecond: bytesPerSecond };
    return this.current;
  }

  /** The overwrite question open now. */
  currentQuestion(): OverwriteQuestion | null {
    return this.queue.currentQuestion;
  }

  /** Answers the overwrite question. */
  answer(answer: OverwriteAnswer): void {
    this.answered.add(answer.questionId);
    if (!this.queue.answerOverwrite(answer)) {
      this.answered.delete(answer.questionId);
      throw new WharfError('invalid-input', t('services.questionGone'), { detail: { questionId: answer.questionId } });
    }
  }

  /** Stops the queue (app quit): running items are saved paused with their offsets. */
  async stop(): Promise<void> {
    await this.queue.stop();
    for (const off of this.unsubscribe.splice(0)) off();
  }

  private relayQuestion(question: OverwriteQuestion | null): void {
    if ((question?.id ?? null) === this.shownQuestion) return;
    if (this.shownQuestion !== null) {
      const id = this.shownQuestion;
      this.events.emit('questionClosed', { questionId: id, reason: this.answered.delete(id) ? 'answered' : 'cancelled' });
    }
    this.shownQuestion = question?.id ?? null;
    if (question) this.events.emit('overwriteQuestion', question);
  }
}
