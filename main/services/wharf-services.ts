// Over 500 lines: the composition root that builds every service and maps each IPC method onto one of them; the services themselves live beside it.
import { copyFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type { WharfApi, WharfEvents } from '../../common/ipc/contract';
import { setUiLocale, t, translator } from '../../common/i18n/t';
import type { PendingQuestion, QuickConnectLink } from '../../common/ipc/payloads';
import { ok, type Result } from '../../common/models/result';
import type { StoreWarning } from '../../common/models/site-profile';
import { KeytarCredentialStore, type CredentialStore } from '../credentials/keychain';
import { ProxySettingsStore } from '../sites/proxy-settings';
import { type ConnectivitySources } from '../sites/site-connectivity';
import { FtpsSession, type SessionOptions } from '../ftps/session';
import { downloadFile } from '../transfers/file-download';
import { WharfError } from '../core/errors';
import { downloadMarkFor, executableType, markDownloaded } from '../local-fs/downloaded-file';
import { LocalAccess } from '../local-fs/local-access';
import { LocalFsService } from '../local-fs/local-fs-service';
import { PinnedCertificateStore } from '../sites/pinned-certificates';
import { SiteStore } from '../sites/site-store';
import { downloadPathIn, prepareDownloadTarget } from '../transfers/local-target';
import type { BudgetExceeded, ExpansionBudget } from '../transfers/expand';
import { TransferQueue } from '../transfers/transfer-queue';
import { printableName } from '../ftps/safe-names';
import { createDispatcher, type Dispatch } from './dispatcher';
import { EditedFilesService } from './edited-files';
import { toErrorData } from './error-data';
import { EventHub } from './event-hub';
import { LogHub } from './log-hub';
import type { PlatformPort } from './platform';
import { QuestionBroker } from './question-broker';
import { QueueConnections, QueueService, type OpenTransferSession } from './queue-service';
import { RemoteSessionService, type OpenSession } from './remote-sessions';
import { ScratchSpace } from './scratch-space';
import { SitesService } from './sites-service';
import { DoctorService } from '../doctor/service';
import { FileSyncStateStore } from '../sync/sync-state';
import { SyncService } from '../sync/service';

/**
 * Where `ftps://`/`ftpes://` links wait for the window: main/app's `LinkInbox` (fed by the OS), or the
 * bridge host's in the end-to-end tests. Later links are pushed by their owner as `openQuickConnect`.
 */
export interface LinkSource {
  /** The window is ready: the waiting link, once, or null; from now on links are delivered as they come. */
  takePending(): QuickConnectLink | null;
}

/** The parts the API is made of; built by `createWharfServices`, or by a test from stand-ins. */
export interface WharfServiceParts {
  readonly platform: PlatformPort;
  readonly events: EventHub;
  readonly log: LogHub;
  readonly access: LocalAccess;
  readonly local: LocalFsService;
  readonly remote: RemoteSessionService;
  readonly queue: QueueService;
  readonly sites: SitesService;
  readonly questions: QuestionBroker;
  readonly doctor: DoctorService;
  readonly sync: SyncService;
  /** Copies opened with `remoteOpen`, watched for saves to upload back. */
  readonly edited: EditedFilesService;
  readonly app: { readonly name: string; readonly version: string };
  /** Where remote files dragged out to the OS, or opened, are downloaded first (private; removed at shutdown). */
  readonly scratch: ScratchSpace;
  /** Links opened by the OS; null where nothing hands any (the CLI, service tests). */
  readonly links: LinkSource | null;
  /** The app-wide proxy setting (#18); absent in service tests that do not need it. */
  readonly proxySettings?: ProxySettingsStore;
}

function requireProxySettings(parts: WharfServiceParts): ProxySettingsStore {
  if (!parts.proxySettings) throw new WharfError('internal', t('services.proxySettingsUnavailable'));
  return parts.proxySettings;
}

/** Runs a service call and wraps its value, or its failure as error data: the API never throws. */
async function attempt<T>(run: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}

/**
 * The contract implemented by plain Node services: one method per contract method, each a thin call into
 * a service. Electron (main/app) and the bridge host serve exactly this object through `createDispatcher`.
 */
export function createWharfApi(parts: WharfServiceParts): WharfApi {
  const { platform, events, local, remote, queue, sites, questions, log, doctor, sync, edited } = parts;

  /** A remote file downloaded (and verified) into a new private folder of its own in the scratch space, keeping its name. */
  const downloadToTemporaryFolder = async (sessionId: string, remotePath: string): Promise<string> => {
    const folder = await parts.scratch.newFolder();
    // The same check as every queued download: a name that is not one safe segment is refused with its reason.
    // Each copy's folder has a random name: a refusal names the scratch folder instead.
    const target = downloadPathIn(folder, posix.basename(remotePath), 'the scratch folder');
    await prepareDownloadTarget(folder, target);
    await downloadFile(remote.browseSession(sessionId), remotePath, target, {});
    await parts.scratch.seal(target);
    await markAsDownloaded(target);
    return target;
  };

  /** The OS's downloaded-file mark (quarantine, Mark of the Web) where it has one; a failure is logged. */
  const markAsDownloaded = async (path: string): Promise<void> => {
    const failed = await markDownloaded(path);
    if (failed) log.info('app', 'warning', `${path} could not be marked as downloaded: ${failed.message}`);
  };

  /**
   * Opening a file the OS would run (a program, a script, a shortcut) hands the server code execution on
   * this computer: asked first, with Save as the default. Answers whether to go on opening.
   */
  const confirmOpen = async (sessionId: string, remotePath: string): Promise<'open' | { saved: string | null }> => {
    const name = posix.basename(remotePath);
    const type = executableType(name);
    if (type === null) return 'open';
    const choice = await questions.askChoice({
      topic: 'open-executable',
      title: t('services.openExecutable.title', { name: printableName(name) }),
      message: t('services.openExecutable.message', { name: printableName(name), type }),
      choices: [
        { id: 'save', label: t('services.openExecutable.save') },
        { id: 'open', label: t('services.openExecutable.open') },
        { id: 'cancel', label: t('common.cancel') },
      ],
      cancelChoice: 'cancel',
    });
    if (choice === 'open') return 'open';
    if (choice !== 'save') throw new WharfError('cancelled', t('services.notOpened', { name: printableName(name) }));
    const path = await platform.chooseSaveFile({ title: t('services.saveDialogTitle'), suggestedName: name });
    if (path === null) return { saved: null };
    const copy = await downloadToTemporaryFolder(sessionId, remotePath);
    await copyFile(copy, path);
    await markAsDownloaded(path);
    return { saved: path };
  };

  const refreshLocal = async (folders: readonly string[]) => {
    for (const folder of new Set(folders)) {
      if (!parts.access.allowsByName(folder)) continue;
      try {
        events.emit('listingRefreshed', { side: 'local', ...(await local.list(folder)) });
      } catch {
        // The folder went away or is no longer allowed: nothing to refresh.
      }
    }
  };

  return {
    appInfo: () => attempt(() => ({ name: parts.app.name, version: parts.app.version, platform: process.platform, host: platform.host })),
    openExternal: (r) =>
      attempt(async () => {
        if (new URL(r.url).protocol !== 'https:') throw new WharfError('invalid-input', t('services.onlyHttpsLinks'));
        await platform.openExternal(r.url);
      }),
    clipboardWriteText: (r) => attempt(() => platform.clipboardWriteText(r.text)),
    saveTextFile: (r) =>
      attempt(async () => {
        const path = await platform.chooseSaveFile({ title: t('services.saveDialogTitle'), suggestedName: r.suggestedName });
        if (path !== null) await writeFile(path, r.text, 'utf8');
        return { savedTo: path };
      }),
    linksReady: () => attempt(() => parts.links?.takePending() ?? null),
    uiLanguageSet: (r) => attempt(() => void setUiLocale(r.locale)),

    localPlaces: () => attempt(() => local.places()),
    localList: (r) => attempt(() => local.list(r.path)),
    localMkdir: (r) =>
      attempt(async () => {
        try {
          await local.mkdir(r.path);
        } finally {
          await refreshLocal([dirname(r.path)]);
        }
      }),
    localRename: (r) =>
      attempt(async () => {
        try {
          await local.rename(r.from, r.to);
        } finally {
          await refreshLocal([dirname(r.from), dirname(r.to)]);
        }
      }),
    localDelete: (r) =>
      attempt(async () => {
        try {
          await local.delete(r.paths, r.toTrash ?? true);
        } finally {
          await refreshLocal(r.paths.map((p) => dirname(p)));
        }
      }),
    localOpen: (r) => attempt(async () => platform.openPath(await local.existing(r.path))),
    localReveal: (r) => attempt(async () => platform.revealPath(await local.existing(r.path))),
    localChooseFolder: (r) =>
      attempt(async () => {
        const chosen = await platform.chooseFolder({ ...(r.title ? { title: r.title } : {}), ...(r.defaultPath ? { defaultPath: r.defaultPath } : {}) });
        return { path: chosen === null ? null : await parts.access.grant(chosen) };
      }),

    dropIn: (r) => attempt(async () => ({ entries: await local.dropIn(r.paths) })),
    dragOut: (r) =>
      attempt(async () => {
        const files: string[] = [];
        for (const item of r.items) {
          if (item.side === 'local') {
            files.push(await local.existing(item.path));
            continue;
          }
          try {
            files.push(await downloadToTemporaryFolder(item.sessionId, item.path));
          } catch (err) {
            // Per item, never per batch: an unsafe name is left out with its reason in the log, the rest are dragged.
            if (!(err instanceof WharfError) || err.kind !== 'unsafe-name' || r.items.length === 1) throw err;
            log.info('app', 'warning', `Drag out: ${err.message}`);
          }
        }
        if (files.length === 0) throw new WharfError('unsafe-name', t('services.dragOutNothingSafe'));
        platform.startDrag(files);
        return { files };
      }),

    remoteConnect: (r) => attempt(() => remote.connect(r)),
    remoteDisconnect: (r) => attempt(() => remote.disconnect(r.sessionId)),
    remoteSessions: () => attempt(() => remote.list()),
    remoteList: (r) => attempt(() => remote.listFolder(r.sessionId, r.path, r.listingId)),
    remoteMkdir: (r) => attempt(() => remote.mkdir(r.sessionId, r.path)),
    remoteRename: (r) => attempt(() => remote.rename(r.sessionId, r.from, r.to)),
    remoteDelete: (r) => attempt(() => remote.remove(r.sessionId, r.paths, r.recursive)),
    remoteOpen: (r) =>
      attempt(async () => {
        // Read before the download: a change on the server during it then counts as a change (the safe side).
        // A server that answers neither SIZE nor MDTM still opens the file; its question then says the
        // server's copy could not be checked.
        const decision = await confirmOpen(r.sessionId, r.path);
        if (decision !== 'open') {
          if (decision.saved === null) throw new WharfError('cancelled', t('services.nothingSaved'));
          return { file: decision.saved };
        }
        const remoteFacts = await remote.fileFacts(r.sessionId, r.path).catch(() => ({ size: null, modifiedAt: null }));
        const file = await downloadToTemporaryFolder(r.sessionId, r.path);
        // Watching starts before the editor opens, so its first save is never missed.
        await edited.watch({ sessionId: r.sessionId, localPath: file, remotePath: r.path, remote: remoteFacts });
        try {
          await platform.openPath(file);
        } catch (err) {
          edited.stop(file);
          throw err;
        }
        return { file };
      }),
    remoteChmod: (r) => attempt(() => remote.chmod(r.sessionId, r.path, r.mode)),
    remoteCommand: (r) => attempt(() => remote.raw(r.sessionId, r.command)),
    remoteSecurityReport: (r) => attempt(() => remote.report(r.sessionId)),

    doctorRun: (r) => attempt(() => doctor.run(r)),
    doctorCancel: (r) => attempt(() => doctor.cancel(r.runId)),
    syncCompare: (r) => attempt(() => sync.compare(r)),
    syncPlan: (r) => attempt(() => sync.plan(r)),
    syncRun: (r) => attempt(() => sync.run(r)),
    syncCancel: (r) => attempt(() => sync.cancel(r.planId)),
    syncRunning: () => attempt(() => sync.runningSyncs()),

    queueSnapshot: () => attempt(() => queue.snapshot()),
    queueEnqueue: (r) => attempt(() => queue.enqueue(remote.connectionFor(r.sessionId), r.transfers)),
    queuePause: (r) => attempt(() => queue.controls.pause(r.itemIds)),
    queueResume: (r) => attempt(() => queue.controls.resume(r.itemIds)),
    queueCancel: (r) => attempt(() => queue.controls.cancel(r.itemIds)),
    queueRetry: (r) => attempt(() => queue.controls.retry(r.itemIds)),
    queueRemove: (r) => attempt(() => queue.controls.remove(r.itemIds)),
    queueMove: (r) => attempt(() => queue.controls.move(r.itemIds, r.to)),
    queuePauseAll: () => attempt(() => queue.controls.pauseAll()),
    queueResumeAll: () => attempt(() => queue.controls.resumeAll()),
    queueClear: (r) => attempt(() => queue.clear(r.states)),
    queueSettings: () => attempt(() => queue.settings()),
    queueSetOverwritePolicy: (r) => attempt(() => queue.setOverwritePolicy(r.policy)),
    queueSetSpeedLimit: (r) => attempt(() => queue.setSpeedLimit(r.bytesPerSecond)),

    sitesList: () => attempt(() => sites.list()),
    sitesGet: (r) => attempt(() => sites.get(r.id)),
    sitesCreate: (r) => attempt(() => sites.create(r.site)),
    sitesUpdate: (r) => attempt(() => sites.update(r.id, r.changes)),
    sitesDelete: (r) => attempt(() => sites.delete(r.id)),
    sitesDuplicate: (r) => attempt(() => sites.duplicate(r.id)),
    sitesMove: (r) => attempt(() => sites.move(r.id, r.folderPath)),
    siteFoldersCreate: (r) => attempt(() => sites.createFolder(r.folderPath)),
    siteFoldersRename: (r) => attempt(() => sites.renameFolder(r.folderPath, r.name)),
    siteFoldersDelete: (r) => attempt(() => sites.deleteFolder(r.folderPath)),
    sitesImportPreview: (r) => attempt(() => sites.importPreview(r.format, r.text)),
    sitesImportCommit: (r) => attempt(() => sites.importCommit(r.importId, r.storePasswords, r.intoFolder)),
    sitesExport: (r) => attempt(() => sites.export(r.siteIds, r.saveWithDialog, r.format)),
    certificatesList: () => attempt(() => sites.certificates()),
    certificatesRemove: (r) => attempt(() => sites.removeCertificate(r.host, r.port)),
    keychainStatus: () => attempt(() => sites.keychainStatus()),
    proxySettingsGet: () => attempt(() => requireProxySettings(parts).get()),
    proxySettingsSet: (r) => attempt(() => requireProxySettings(parts).set(r)),

    questionsPending: () =>
      attempt(() => {
        const pending: PendingQuestion[] = questions.pending().map((q) => ({ kind: 'certificate' as const, ...q }));
        const overwrite = queue.currentQuestion();
        if (overwrite) pending.push({ kind: 'overwrite', ...overwrite });
        for (const q of edited.pending()) pending.push({ kind: 'edited-file', ...q });
        for (const q of questions.pendingChoices()) pending.push({ kind: 'choice', ...q });
        return pending;
      }),
    answerCertificate: (r) => attempt(() => questions.answerCertificate(r.questionId, r.decision)),
    answerOverwrite: (r) => attempt(() => queue.answer(r)),
    answerEditedFile: (r) => attempt(() => edited.answer(r.questionId, r.action)),
    answerChoice: (r) => attempt(() => questions.answerChoice(r.questionId, r.choice)),
    logRecent: () => attempt(() => log.recent()),
  };
}

/** How to build the services; everything varying is injectable, defaults are what the app uses. */
export interface WharfServicesOptions {
  /** The app's data folder (Electron's userData; `WHARF_DATA_DIR` for the bridge and tests). */
  readonly dataDir: string;
  readonly platform: PlatformPort;
  readonly app: { readonly name: string; readonly version: string };
  /** default: os.homedir() */
  readonly home?: string;
  /** default: the OS keychain through keytar */
  readonly credentials?: CredentialStore;
  /** default: FtpsSession.open (browsing and the queue's pool) */
  readonly openSession?: OpenSession & OpenTransferSession;
  /** default: a TransferQueue saving to `<dataDir>/queue.json` */
  readonly queue?: (openSession: (siteKey: string) => ReturnType<QueueConnections['open']>, onLog: (text: string) => void) => Promise<TransferQueue>;
  /**
   * Where the private scratch folder for View/Edit and drag-out copies is made (`mkdtemp`, 0700);
   * default: `<dataDir>/scratch`, or the system temp folder when that one is not private.
   */
  readonly scratchParent?: string;
  /** default: none (`linksReady` answers null) */
  readonly links?: LinkSource;
  /** How far a folder download walks before asking whether to go on. default DEFAULT_EXPANSION_BUDGET */
  readonly expansionBudget?: ExpansionBudget;
  /** Downloads larger than this go in ranges where the site allows (#16). default 64 MiB; tests lower it */
  readonly segmentThresholdBytes?: number;
}

/** "Keep going?" when a folder download passes its budget (a huge tree, or a server listing one without end). */
async function askToGoOn(questions: QuestionBroker, exceeded: BudgetExceeded): Promise<boolean> {
  const choice = await questions.askChoice({
    topic: 'expansion-budget',
    title: t('services.largeFolder.title'),
    message:
      exceeded.limit === 'items'
        ? t('services.largeFolder.items', { count: translator().number(exceeded.value), path: printableName(exceeded.path) })
        : t('services.largeFolder.depth', { depth: exceeded.value, path: printableName(exceeded.path) }),
    choices: [
      { id: 'stop', label: t('services.largeFolder.stop') },
      { id: 'continue', label: t('services.largeFolder.continue') },
    ],
    cancelChoice: 'stop',
  });
  return choice === 'continue';
}

/** The running services: the API, the gate in front of it, and shutdown. */
export interface WharfServices extends WharfServiceParts {
  readonly api: WharfApi;
  /** The one gate (validation, allow-list, errors as data) both Electron and the bridge call. */
  readonly dispatch: Dispatch;
  /** Stops watching opened files, closes sessions, stops (and saves) the queue, withdraws questions, flushes the log. */
  dispose(): Promise<void>;
}

/**
 * Builds every service from main/sites, main/credentials, main/ftps and main/transfers. The app calls it
 * once with the Electron platform; the bridge host calls it with a headless one: the same code serves both.
 */
export async function createWharfServices(options: WharfServicesOptions): Promise<WharfServices> {
  const events = new EventHub();
  const log = new LogHub(events);
  const access = new LocalAccess();
  const questions = new QuestionBroker(events);
  const platform = options.platform;
  const warnings: StoreWarning[] = [];
  const credentials = options.credentials ?? new KeytarCredentialStore();
  const store = new SiteStore({ dataDir: options.dataDir, credentials, onWarning: (w) => warnings.push(w) });
  const pinned = new PinnedCertificateStore({ dataDir: options.dataDir, onWarning: (w) => warnings.push(w) });
  // Read when first needed (a connection, Settings), after start-up: its warnings go to the site manager from then on too.
  let siteManager: SitesService | null = null;
  const proxySettings = new ProxySettingsStore({ dataDir: options.dataDir, credentials, onWarning: (w) => (siteManager ? siteManager.addWarning(w) : warnings.push(w)) });
  const connectivity: ConnectivitySources = {
    getClientKeyPassphrase: (id) => store.getClientKeyPassphrase(id),
    getProxyPassword: (id) => store.getProxyPassword(id),
    appProxy: proxySettings,
  };
  await store.open().catch((err: unknown) => log.info('app', 'error', `The sites file could not be read: ${toErrorData(err).message}`));

  // No session opens while the app-wide proxy setting's file is damaged: also none for a site connected before it
  // was (its queue, sync and edits open sessions of their own), whatever proxy the site uses.
  const proxyFileReads = () => proxySettings.read();
  const engineOpen = options.openSession ?? ((o) => FtpsSession.open(o));
  const openSession = (async (o: SessionOptions) => {
    await proxyFileReads();
    return engineOpen(o);
  }) as typeof engineOpen;
  const local = new LocalFsService({ access, ...(platform.trash ? { trash: platform.trash } : {}), ...(options.home ? { home: options.home } : {}) });
  await local.init();
  const remote = new RemoteSessionService({
    openSession, sites: store, trustStore: pinned, questions, events, log, connectivity,
    // Saved like an edit in the site manager, so the site's sessions and the manager show it at once.
    onTimezoneOffsetDetected: (siteId, minutes) => void sites.update(siteId, { timezoneOffsetMinutes: minutes }).catch(() => undefined),
  });
  const connections = new QueueConnections({ openSession, sites: store, trustStore: pinned, questions, onLog: (line) => log.push(line), connectivity });
  const queueLog = (text: string) => log.info('queue', 'info', text);
  const transferQueue = options.queue
    ? await options.queue(connections.open, queueLog)
    : await TransferQueue.open({
        openSession: connections.open,
        keepUploadTimes: connections.keepsModifiedTimes,
        segmentsFor: connections.segmentsFor,
        ...(options.segmentThresholdBytes !== undefined ? { segmentThresholdBytes: options.segmentThresholdBytes } : {}),
        stateFile: join(options.dataDir, 'queue.json'),
        onLog: queueLog,
        ...(options.expansionBudget ? { expansionBudget: options.expansionBudget } : {}),
        onBudgetExceeded: (exceeded) => askToGoOn(questions, exceeded),
      });
  const queue = new QueueService(transferQueue, connections, events);
  const sites = new SitesService({
    store,
    pinned,
    credentials,
    platform,
    events,
    onDidUpdateSite: (site) => {
      remote.applySiteSettings(site);
      queue.applySiteSettings(site);
    },
  });
  for (const w of warnings) sites.addWarning(w);
  siteManager = sites;
  const doctor = new DoctorService({
    sites: store,
    connectivity,
    trustStore: pinned,
    decideTrust: (q) => questions.askCertificate({ ...q, sessionId: null, previousFingerprint: null }, null),
    onStep: (e) => events.emit('doctorStep', e),
  });
  const sync = new SyncService({
    connectionFor: (id) => remote.connectionFor(id),
    openSession: async (c) => {
      await proxyFileReads();
      return FtpsSession.open({ ...c.options, keepAliveIntervalMs: 0, onLog: (l) => log.push(l) });
    },
    registerConnection: (c) => connections.register(c),
    queue: transferQueue,
    stateStore: new FileSyncStateStore(options.dataDir),
    deleteLocal: (p) => local.delete([p], true),
    onDidChangeRunning: (running) => events.emit('syncProgress', running),
    ...(options.expansionBudget ? { budget: options.expansionBudget } : {}),
    onBudgetExceeded: (exceeded) => askToGoOn(questions, exceeded),
  });

  // Files the queue downloaded get the OS's downloaded-file mark too, once each (a no-op on Linux).
  if (downloadMarkFor(process.platform) !== null) {
    const marked = new Set<string>();
    events.subscribe((event, payload) => {
      if (event !== 'queueUpdate') return;
      for (const item of (payload as WharfEvents['queueUpdate']).items) {
        if (item.direction !== 'download' || item.kind !== 'file' || item.state !== 'done' || marked.has(item.id)) continue;
        marked.add(item.id);
        void markDownloaded(item.localPath).then((failed) => failed && log.info('queue', 'warning', `${item.localPath} could not be marked as downloaded: ${failed.message}`));
      }
    });
  }
  const scratch = await ScratchSpace.create({
    parent: options.scratchParent ?? join(options.dataDir, 'scratch'),
    onLog: (text) => log.info('app', 'warning', text),
  });
  const edited = new EditedFilesService({
    events,
    remoteFacts: (sessionId, path) => remote.fileFacts(sessionId, path),
    upload: async (sessionId, localPath, remotePath) => {
      const result = await queue.enqueue(remote.connectionFor(sessionId), [{ direction: 'upload', localPath, remotePath, kind: 'file', overwrite: 'overwrite' }]);
      const skipped = result.skipped[0];
      if (result.added === 0) throw new WharfError('local-io', skipped ? t('services.uploadNotQueuedBecause', { path: localPath, reason: skipped.reason }) : t('services.uploadNotQueued', { path: localPath }));
    },
    serverLabel: (sessionId) => remote.list().find((s) => s.sessionId === sessionId)?.label ?? t('services.theServer'),
    onLog: (text) => log.info('app', 'warning', text),
  });

  const parts: WharfServiceParts = {
    platform,
    events,
    log,
    access,
    local,
    remote,
    queue,
    sites,
    questions,
    doctor,
    sync,
    edited,
    app: options.app,
    scratch,
    links: options.links ?? null,
    proxySettings,
  };
  const api = createWharfApi(parts);
  const dispatch = createDispatcher({
    api,
    access,
    onInternalError: (method, err) => log.info('app', 'error', `${method} failed unexpectedly: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  });
  return {
    ...parts,
    api,
    dispatch,
    async dispose() {
      edited.stopAll();
      questions.withdrawAll();
      await remote.closeAll();
      await queue.stop().catch(() => undefined);
      log.flush();
      await scratch.remove().catch(() => undefined);
    },
  };
}
