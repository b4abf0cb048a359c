import { t } from '../../common/i18n/t';
import { randomUUID } from 'node:crypto';
import { posix } from 'node:path';
import type { ConnectRequest } from '../../common/ipc/contract';
import type { RawReply, RemoteListing, SessionInfo } from '../../common/ipc/payloads';
import type { LogLine } from '../../common/models/log';
import type { RemoteEntry } from '../../common/models/remote-entry';
import type { SecurityReport } from '../../common/models/security';
import type { FileFacts } from '../../common/models/transfer';
import type { SiteProfile } from '../../common/models/site-profile';
import type { FtpsSession, SessionOptions, TrustStoreLike } from '../ftps/session';
import type { ConnectivitySources } from '../sites/site-connectivity';
import { WharfError } from '../core/errors';
import type { EventHub } from './event-hub';
import type { LogHub } from './log-hub';
import type { QuestionBroker } from './question-broker';
import { toErrorData } from './error-data';
import { connectionForSite, connectionForUrl } from '../connections/connection-rule';
import type { SessionConnection } from '../connections/session-connection';

/** The engine calls a browsing session makes: `FtpsSession` satisfies it; tests may pass a stand-in. */
export type BrowseSession = Pick<
  FtpsSession,
  'id' | 'report' | 'list' | 'pwd' | 'mkdir' | 'rename' | 'remove' | 'chmod' | 'raw' | 'close' | 'size' | 'modifiedAt' | 'download' | 'setListingTimezoneOffset'
>;

/** Opens an engine session: `FtpsSession.open` in the app and the bridge. */
export type OpenSession = (options: SessionOptions) => Promise<BrowseSession>;

/** What the session service needs of the site store. */
export interface SiteLookup {
  get(id: string): Promise<SiteProfile>;
  getPassword(id: string): Promise<string | null>;
}

/** Dependencies of the remote session service. */
export interface RemoteSessionDeps {
  readonly openSession: OpenSession;
  readonly sites: SiteLookup;
  readonly trustStore?: TrustStoreLike;
  readonly questions: QuestionBroker;
  readonly events: EventHub;
  readonly log: LogHub;
  /** Client certificates and proxies (#18); without it, connections are direct and carry no certificate. */
  readonly connectivity?: ConnectivitySources;
  /** A session found the server's LIST offset for a saved site whose offset was 0: store it with the site. */
  readonly onTimezoneOffsetDetected?: (siteId: string, minutes: number) => void;
}

interface Entry {
  info: SessionInfo;
  session: BrowseSession | null;
  cancelled: boolean;
  /** Replaced when the saved site changes (see applySiteSettings). */
  connection: SessionConnection;
  /** The listing being pushed as chunks, cancelled by the next one (the pane moved on). */
  chunkedListing: AbortController | null;
}

/**
 * Browsing sessions, one engine session per connected site, in plain Node. Certificate questions become
 * `certificateQuestion` events answered through the QuestionBroker; every state change is pushed whole as
 * `sessionState`; a change to a folder is followed by a fresh `listingRefreshed` of it.
 */
export class RemoteSessionService {
  private readonly sessions = new Map<string, Entry>();

  constructor(private readonly deps: RemoteSessionDeps) {}

  /** Opens a session; resolves once logged in (after any certificate question was answered). */
  async connect(request: ConnectRequest): Promise<SessionInfo> {
    const sessionId = randomUUID();
    const { connection, site, password } = await this.prepare(request, sessionId);
    const entry: Entry = {
      info: {
        sessionId,
        siteId: site?.id ?? null,
        label: connection.label,
        target: connection.options.target,
        state: 'connecting',
        initialPath: null,
        report: null,
        error: null,
      },
      session: null,
      cancelled: false,
      connection,
      chunkedListing: null,
    };
    this.sessions.set(sessionId, entry);
    this.publish(entry);

    let session: BrowseSession;
    try {
      session = await this.deps.openSession({
        ...connection.options,
        password,
        connectionId: sessionId,
        onLog: (line: LogLine) => this.deps.log.push(line),
        ...(site && site.timezoneOffsetMinutes === 0
          ? { detectTimezoneOffset: true, onTimezoneOffsetDetected: (minutes: number) => this.deps.onTimezoneOffsetDetected?.(site.id, minutes) }
          : {}),
        decideTrust: async (question) => {
          const previous = await this.deps.trustStore?.get(question.host, question.port).catch(() => null);
          return this.deps.questions.askCertificate({
            sessionId,
            host: question.host,
            port: question.port,
            certificate: question.certificate,
            reason: question.reason,
            previousFingerprint: previous?.fingerprintSha256 ?? null,
          });
        },
      });
    } catch (err) {
      this.deps.questions.withdrawFor(sessionId);
      const error = toErrorData(err);
      this.update(entry, { state: 'failed', error });
      this.sessions.delete(sessionId);
      throw err;
    }
    if (entry.cancelled) {
      await session.close().catch(() => undefined);
      throw new WharfError('cancelled', t('services.closedBeforeReady'));
    }
    entry.session = session;
    // The site may have been saved with another offset while this session was logging in.
    session.setListingTimezoneOffset(entry.connection.options.target.timezoneOffsetMinutes);
    let initialPath: string | null = site?.remoteDir ? site.remoteDir : null;
    if (!initialPath) initialPath = await session.pwd().catch(() => '/');
    this.update(entry, { state: 'connected', report: session.report, initialPath });
    return entry.info;
  }

  /** Closes a session (and withdraws its open questions). Closing twice is fine. */
  async disconnect(sessionId: string): Promise<void> {
    const entry = this.sessions.get(sessionId);
    if (!entry) return;
    this.sessions.delete(sessionId);
    entry.cancelled = true;
    this.deps.questions.withdrawFor(sessionId);
    try {
      await entry.session?.close();
    } finally {
      this.update(entry, { state: 'closed' });
    }
  }

  /** Closes every session (app quit). */
  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.sessions.keys()].map((id) => this.disconnect(id)));
  }

  /** Every session, for a reloaded window. */
  list(): readonly SessionInfo[] {
    return [...this.sessions.values()].map((e) => e.info);
  }

  /**
   * Lists a folder (the working directory when `path` is absent). With a `listingId`, entries go out as
   * `listingChunk` events while they arrive and the answer holds the rest; the previous chunked listing
   * of the session is cancelled, so a pane that moved on does not wait for a folder it left.
   */
  async listFolder(sessionId: string, path?: string, listingId?: string): Promise<RemoteListing> {
    const entry = this.connected(sessionId);
    const controller = listingId === undefined ? null : new AbortController();
    if (controller) {
      entry.chunkedListing?.abort();
      entry.chunkedListing = controller;
    }
    try {
      const folder = path ?? (await this.run(entry, (s) => s.pwd()));
      if (!controller || listingId === undefined) {
        const entries: RemoteEntry[] = await this.run(entry, (s) => s.list(folder));
        return { sessionId, path: folder, entries };
      }
      const sent: RemoteEntry[] = [];
      const onBatch = (from: number, batch: readonly RemoteEntry[]) => {
        if (controller.signal.aborted) return;
        sent.length = from;
        for (const e of batch) sent.push(e);
        this.deps.events.emit('listingChunk', { listingId, sessionId, path: folder, from, entries: batch });
      };
      const entries: RemoteEntry[] = await this.run(entry, (s) => s.list(folder, { onBatch, signal: controller.signal }));
      // The chunks stand only if the answer begins with exactly them (a listing read again replaces them).
      const chunked = sent.length <= entries.length && sent.every((e, i) => entries[i] === e) ? sent.length : 0;
      return { sessionId, path: folder, entries: chunked > 0 ? entries.slice(chunked) : entries, chunked };
    } finally {
      if (controller && entry.chunkedListing === controller) entry.chunkedListing = null;
    }
  }

  /** Creates a folder, then refreshes its parent. */
  async mkdir(sessionId: string, path: string): Promise<void> {
    const entry = this.connected(sessionId);
    try {
      await this.run(entry, (s) => s.mkdir(path));
    } finally {
      await this.refresh(entry, [posix.dirname(path)]);
    }
  }

  /** Renames or moves, then refreshes both parents. */
  async rename(sessionId: string, from: string, to: string): Promise<void> {
    const entry = this.connected(sessionId);
    try {
      await this.run(entry, (s) => s.rename(from, to));
    } finally {
      await this.refresh(entry, [posix.dirname(from), posix.dirname(to)]);
    }
  }

  /** Deletes paths one by one (stopping at the first failure), then refreshes their parents. */
  async remove(sessionId: string, paths: readonly string[], recursive: boolean): Promise<void> {
    const entry = this.connected(sessionId);
    for (const path of paths) {
      if (posix.normalize(path) === '/') throw new WharfError('invalid-input', t('services.noRootDelete'));
    }
    try {
      for (const path of paths) await this.run(entry, (s) => s.remove(path, { recursive }));
    } finally {
      await this.refresh(entry, paths.map((p) => posix.dirname(p)));
    }
  }

  /** SITE CHMOD, then refreshes the parent (permissions column). */
  async chmod(sessionId: string, path: string, mode: string): Promise<void> {
    const entry = this.connected(sessionId);
    try {
      await this.run(entry, (s) => s.chmod(path, mode));
    } finally {
      await this.refresh(entry, [posix.dirname(path)]);
    }
  }

  /** One raw command typed by the user. */
  async raw(sessionId: string, command: string): Promise<RawReply> {
    const entry = this.connected(sessionId);
    const reply = await this.run(entry, (s) => s.raw(command));
    return { code: reply.code, message: reply.message };
  }

  /**
   * A remote file's size (SIZE) and modification time (MDTM or MLST; null where the server cannot say).
   * Throws when the file is not there.
   */
  async fileFacts(sessionId: string, path: string): Promise<FileFacts> {
    const entry = this.connected(sessionId);
    const size = await this.run(entry, (s) => s.size(path));
    const modified = await this.run(entry, (s) => s.modifiedAt(path)).catch(() => null);
    const known = modified !== null && !Number.isNaN(modified.getTime());
    return { size, modifiedAt: known ? modified.toISOString() : null };
  }

  /** The current security report. */
  report(sessionId: string): SecurityReport {
    const entry = this.connected(sessionId);
    return entry.session!.report;
  }

  /** The browse session itself, for a drag-out download through the session's own connection. */
  browseSession(sessionId: string): BrowseSession {
    return this.connected(sessionId).session!;
  }

  /** How the queue connects to this session's site (see SessionConnection). */
  connectionFor(sessionId: string): SessionConnection {
    const entry = this.connected(sessionId);
    const report = entry.session!.report;
    const pin = report.certificateTrust === 'accepted-once' && report.certificate ? report.certificate.fingerprintSha256 : undefined;
    return pin ? { ...entry.connection, options: { ...entry.connection.options, pinnedFingerprint: pin } } : entry.connection;
  }

  /**
   * A saved site was updated: its open sessions take over what applies without a new login (see
   * SITE_SETTINGS_APPLIED_ON_RECONNECT for the rest). The name becomes the session's label; the timezone
   * offset applies to the next listing; the queue's settings (maximum connections, upload via a temporary
   * name) go into the connection the next enqueue registers, so it cannot put back the old ones.
   */
  applySiteSettings(site: SiteProfile): void {
    for (const entry of this.sessions.values()) {
      if (entry.info.siteId !== site.id) continue;
      entry.connection = withLiveSiteSettings(entry.connection, site);
      entry.session?.setListingTimezoneOffset(site.timezoneOffsetMinutes);
      if (entry.info.label !== site.name) this.update(entry, { label: site.name });
    }
  }

  private async prepare(
    request: ConnectRequest,
    sessionId: string,
  ): Promise<{ connection: SessionConnection; site: SiteProfile | null; password: string }> {
    const common = { trustStore: this.deps.trustStore, connectivity: this.deps.connectivity };
    if (request.kind === 'site') {
      const site = await this.deps.sites.get(request.siteId);
      const connection = await connectionForSite(site, {
        ...common,
        typed: request.password,
        getPassword: (id) => this.deps.sites.getPassword(id),
        ...(request.clientKeyPassphrase !== undefined ? { clientKeyPassphrase: request.clientKeyPassphrase } : {}),
      });
      return { site, password: connection.options.password, connection };
    }
    const connection = await connectionForUrl(request, { ...common, siteKey: `quick:${sessionId}`, typed: request.password });
    return { site: null, password: connection.options.password, connection };
  }

  private connected(sessionId: string): Entry {
    const entry = this.sessions.get(sessionId);
    if (!entry || !entry.session || entry.info.state !== 'connected') {
      throw new WharfError('invalid-input', t('services.sessionNotOpen'), { detail: { reason: 'no-session', sessionId } });
    }
    return entry;
  }

  /** Runs an engine call and republishes the session if its security report changed (a data connection). */
  private async run<T>(entry: Entry, operation: (session: BrowseSession) => Promise<T>): Promise<T> {
    const session = entry.session!;
    try {
      return await operation(session);
    } finally {
      if (session.report !== entry.info.report && this.sessions.get(entry.info.sessionId) === entry) {
        this.update(entry, { report: session.report });
      }
    }
  }

  private async refresh(entry: Entry, folders: readonly string[]): Promise<void> {
    for (const folder of new Set(folders)) {
      if (this.sessions.get(entry.info.sessionId) !== entry) return;
      try {
        const entries = await this.run(entry, (s) => s.list(folder));
        this.deps.events.emit('listingRefreshed', { side: 'remote', sessionId: entry.info.sessionId, path: folder, entries });
      } catch (err) {
        this.deps.log.info(entry.info.sessionId, 'warning', `Could not refresh ${folder}: ${toErrorData(err).message}`);
      }
    }
  }

  private update(entry: Entry, changes: Partial<SessionInfo>): void {
    entry.info = { ...entry.info, ...changes };
    this.publish(entry);
  }

  private publish(entry: Entry): void {
    this.deps.events.emit('sessionState', entry.info);
  }
}

/**
 * A site's connection with the settings that apply without a new login taken from the saved site: the
 * label, the queue's maximum connections and upload setting, and the timezone offset. The target's other
 * fields and the password stay those the connection logged in with, until the user reconnects.
 */
export function withLiveSiteSettings(connection: SessionConnection, site: SiteProfile): SessionConnection {
  return {
    ...connection,
    label: site.name,
    maxConnections: site.maxConnections,
    uploadViaTemporaryName: site.uploadViaTemporaryName,
    keepModifiedTimes: site.keepModifiedTimes,
    segments: site.segments,
    options: { ...connection.options, target: { ...connection.options.target, timezoneOffsetMinutes: site.timezoneOffsetMinutes } },
  };
}
