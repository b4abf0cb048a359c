/**
 * The one place the renderer talks to main. Components read stores (through `useStore`) and change things
 * only by calling a method here; each method calls `window.wharf`, then updates the stores with what main
 * answered or pushed. Main owns the truth: `start()` asks for sessions, the queue, open questions and the
 * log once, then follows events, so a reload of the window loses nothing.
 * After GitHub Desktop's `ui/dispatcher/dispatcher.ts`.
 */
import type { ProxySettings, ProxySettingsInput } from '../common/models/proxy';
import type { EnqueueTransfer, QuickConnectFields, QuickConnectLink, RawReply, SessionInfo, SiteExportFormat, SiteImportFormat } from '../common/ipc/payloads';
import type { WharfErrorData } from '../common/models/errors';
import type { LogLine } from '../common/models/log';
import type { Result } from '../common/models/result';
import { settingsAwaitingReconnect, type SiteCreateInput, type SiteProfile, type SiteUpdateInput } from '../common/models/site-profile';
import type { OverwriteChoice, OverwritePolicy, QueueSnapshot, TransferState } from '../common/models/transfer';
import type { EditedFileAction, TrustDecision } from '../common/ipc/payloads';
import type { DoctorRequest } from '../common/models/doctor';
import type { RunningSync, SyncOperation } from '../common/models/sync';
import { followPath, initialPair, lastSegment, paneMarks as compareMarksOf, paneRows, type PairState } from './state/compare-model';
import { paneMenuItems, type MenuItem, type PaneCommand } from './state/context-menu-model';
import { closeDialog, initialDialogs, openDialog, questionDialog, type Dialog, type DialogState } from './state/dialogs';
import {
  askPassword,
  doctorPlanFromQuickConnect,
  doctorReportText,
  failRun,
  finishRun,
  applyStep,
  initialDoctor,
  requestCancel,
  startRun,
  withPassword,
  type DoctorPlan,
  type DoctorState,
  type DoctorTarget,
} from './state/doctor-model';
import { describeError } from './state/errors';
import { CoalescedRefresh, showsChangedFolder } from './state/folder-refresh';
import { appendLog, logAsText, mergeHistory } from './state/log-model';
import {
  applyListing,
  entryPath,
  initialPane,
  joinPath,
  remoteParent,
  selectedEntries,
  selectOnly,
  type PaneEntry,
  type PaneSide,
  type PaneState,
} from './state/pane-model';
import { dismissLinkNote, editQuickConnect, fillFromLink, initialQuickConnect, type QuickConnectEdit, type QuickConnectForm } from './state/quick-connect-model';
import { initialQueue, receiveSnapshot, receiveUpdate, statesOfTab, type QueueState, type QueueTab } from './state/queue-model';
import { activeSession, applySession, fromList, initialSessions, type SessionsState } from './state/session-model';
import { initialSites, reconnectNotice, type SitesState } from './state/sites-model';
import { Store } from './state/store';
import { transferRequests } from './state/transfer-requests';
import {
  canRun,
  changeSettings,
  applySyncProgress,
  initialRunningSyncs,
  initialSync,
  newSyncDialog,
  receiveRunningSyncs,
  receivePlan,
  runActionIds,
  runSummaryText,
  toggleAction,
  toggleAll,
  type RunningSyncsState,
  type SyncDialogState,
  type SyncSettingsChange,
  type SyncState,
} from './state/sync-model';
import { addNotice, dismissNotice, initialUi, type Notice, type UiState } from './state/ui-model';
import { PaneFailures } from './state/pane-failures';

/** The log as the view holds it. */
export interface LogState {
  readonly lines: readonly LogLine[];
}

const LOCAL_PATH_KEY = 'wharf.localPath';
const remotePathKey = (sessionId: string) => `wharf.remotePath.${sessionId}`;
const ACTIVE_SESSION_KEY = 'wharf.activeSession';

function remember(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable (private mode): paths are a convenience only.
  }
}

function recall(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

let nextDialogId = 1;
/** A fresh id for a dialog the renderer opens itself (questions use their own ids). */
export function dialogId(prefix: string): string {
  return `${prefix}-${nextDialogId++}`;
}

/** Every store and every action of the app. One instance, made in main.tsx and given to components by context. */
export class Dispatcher {
  readonly sessions = new Store<SessionsState>(initialSessions);
  readonly local = new Store<PaneState>(initialPane('local'));
  readonly remote = new Store<PaneState>(initialPane('remote'));
  readonly queue = new Store<QueueState>(initialQueue);
  readonly log = new Store<LogState>({ lines: [] });
  readonly sites = new Store<SitesState>(initialSites);
  readonly dialogs = new Store<DialogState>(initialDialogs);
  readonly ui = new Store<UiState>(initialUi);
  /** Each pane's last failed action, shown in place with Retry. */
  readonly paneFailures = new PaneFailures();
  readonly quickConnectForm = new Store<QuickConnectForm>(initialQuickConnect);
  /** The connection doctor's run the dialog shows. */
  readonly doctor = new Store<DoctorState>(initialDoctor);
  /** The folder pair: compare, "only differences", synchronised browsing. */
  readonly pair = new Store<PairState>(initialPair);
  /** The "Synchronise…" dialog: settings, preview, run. */
  readonly sync = new Store<SyncState>(initialSync);
  /** The syncs main runs, shown above the queue while their dialog is closed (or after a reload). */
  readonly runningSyncs = new Store<RunningSyncsState>(initialRunningSyncs);

  private readonly listSeq: Record<PaneSide, number> = { local: 0, remote: 0 };
  private nextNotice = 1;
  private readonly refreshers: Record<PaneSide, CoalescedRefresh> = { local: new CoalescedRefresh(() => this.refresh('local')), remote: new CoalescedRefresh(() => this.refresh('remote')) };
  private readonly offs: (() => void)[] = [];
  /** What the doctor tests, password included: kept here, never in a store. */
  private doctorTarget: DoctorTarget | null = null;
  private nextRun = 1;
  private compareSeq = 0;
  private compareTimer: ReturnType<typeof setTimeout> | null = null;
  /** Synchronised browsing is moving the other pane: that move is not followed back. */
  private following = false;
  private syncSeq = 0;
  /** Plans whose `syncRun` this window awaits: their end is reported from its answer, with the results. */
  private readonly syncRunsAwaited = new Set<string>();

  private get api() {
    return window.wharf;
  }

  /** Pane store by side. */
  pane(side: PaneSide): Store<PaneState> {
    return side === 'local' ? this.local : this.remote;
  }

  // ---- start ----------------------------------------------------------------------------------------

  /** Follows main's events, then asks for everything main owns (events first, so none is missed). */
  async start(): Promise<void> {
    const api = this.api;
    this.offs.push(
      api.on('sessionState', (info) => this.onSession(info)),
      api.on('listingRefreshed', (listing) => {
        if (listing.side === 'local') {
          if (this.local.get().path !== listing.path) return;
          this.local.update((s) => applyListing(s, listing));
        } else {
          const r = this.remote.get();
          if (r.sessionId !== listing.sessionId || r.path !== listing.path) return;
          this.remote.update((s) => applyListing(s, { ...listing, parent: remoteParent(listing.path) }));
        }
        this.scheduleCompare();
      }),
      api.on('queueUpdate', (update) => this.queue.update((q) => receiveUpdate(q, update))),
      api.on('foldersChanged', (changed) => {
        const pane = this.pane(changed.side).get();
        if (showsChangedFolder(pane.path, pane.separator, changed.folders)) this.refreshers[changed.side].request();
      }),
      api.on('log', (batch) => this.log.update((l) => ({ lines: appendLog(l.lines, batch.lines) }))),
      api.on('certificateQuestion', (question) => this.dialogs.update((d) => openDialog(d, { kind: 'certificate', id: question.id, question }))),
      api.on('overwriteQuestion', (question) => this.dialogs.update((d) => openDialog(d, { kind: 'overwrite', id: question.id, question }))),
      api.on('editedFileChanged', (question) => this.dialogs.update((d) => openDialog(d, { kind: 'edited-file', id: question.id, question }))),
      api.on('choiceQuestion', (question) => this.dialogs.update((d) => openDialog(d, { kind: 'choice', id: question.id, question }))),
      api.on('questionClosed', (closed) => this.dialogs.update((d) => closeDialog(d, closed.questionId))),
      api.on('sitesChanged', (listing) => this.sites.update((s) => ({ ...s, listing }))),
      api.on('openQuickConnect', (link) => this.openLink(link)),
      api.on('doctorStep', (event) => this.doctor.update((d) => (d.run ? { run: applyStep(d.run, event) } : d))),
      api.on('syncProgress', (sync) => this.onSyncProgress(sync)),
    );

    const [info, places, sessions, snapshot, pending, history, sites, keychain, settings, link, running] = await Promise.all([
      api.appInfo({}),
      api.localPlaces({}),
      api.remoteSessions({}),
      api.queueSnapshot({}),
      api.questionsPending({}),
      api.logRecent({}),
      api.sitesList({}),
      api.keychainStatus({}),
      api.queueSettings({}),
      api.linksReady({}),
      api.syncRunning({}),
    ]);
    this.ui.update((u) => ({
      ...u,
      app: info.ok ? info.value : null,
      places: places.ok ? places.value : null,
      queueSettings: settings.ok ? settings.value : null,
    }));
    if (snapshot.ok) this.queue.update((q) => receiveSnapshot(q, snapshot.value));
    else this.report(snapshot.error);
    if (running.ok) this.runningSyncs.update((r) => receiveRunningSyncs(r, running.value));
    else this.report(running.error, 'Running syncs');
    if (pending.ok) {
      for (const q of pending.value) this.dialogs.update((d) => openDialog(d, questionDialog(q)));
    }
    if (history.ok) this.log.update((l) => ({ lines: mergeHistory(history.value, l.lines) }));
    this.sites.update((s) => ({ ...s, listing: sites.ok ? sites.value : s.listing, keychain: keychain.ok ? keychain.value : s.keychain }));
    if (link.ok && link.value) this.openLink(link.value);
    if (sites.ok) for (const w of sites.value.warnings) this.notify('warning', 'Sites file', w.message);

    if (places.ok) {
      this.local.update((s) => ({ ...s, separator: places.value.separator }));
      const remembered = recall(LOCAL_PATH_KEY);
      const opened = remembered ? await this.openLocal(remembered, { quiet: true }) : false;
      if (!opened) await this.openLocal(places.value.home);
    } else {
      this.report(places.error);
    }
    if (sessions.ok) {
      const state = fromList(sessions.value, recall(ACTIVE_SESSION_KEY));
      this.sessions.set(state);
      const active = activeSession(state);
      if (active?.state === 'connected') await this.showSession(active);
    }
  }

  /** Stops following events (tests and hot reload). */
  stop(): void {
    for (const off of this.offs.splice(0)) off();
  }

  // ---- notices --------------------------------------------------------------------------------------

  /** Shows an error the way its kind asks. */
  report(error: WharfErrorData, context?: string): void {
    const view = describeError(error);
    const notice: Notice = {
      id: this.nextNotice++,
      level: error.kind === 'cancelled' ? 'info' : 'error',
      title: context ? `${context}: ${view.title}` : view.title,
      message: view.message,
      hint: view.hint,
      chooseFolder: view.offerChooseFolder,
    };
    this.ui.update((u) => addNotice(u, notice));
  }

  /** Shows the error of a pane's action in that pane, with Retry, and as a notice aside. */
  private reportInPane(side: PaneSide, action: string, error: WharfErrorData, retry: () => Promise<boolean>, listing = false): void {
    this.paneFailures.fail(side, { action, error, retry, listing });
    this.report(error, action);
  }

  /** Shows a message. */
  notify(level: Notice['level'], title: string, message: string): void {
    const id = this.nextNotice++;
    this.ui.update((u) => addNotice(u, { id, level, title, message, hint: null, chooseFolder: false }));
    if (level === 'info' || level === 'success') setTimeout(() => this.dismiss(id), 6000);
  }

  /** Closes a notice. */
  dismiss(id: number): void {
    this.ui.update((u) => dismissNotice(u, id));
  }

  // ---- view state -----------------------------------------------------------------------------------

  /** Changes a pane's view state (sort, filter, selection, cursor) with a pure function of pane-model. */
  changePane(side: PaneSide, change: (state: PaneState) => PaneState): void {
    this.pane(side).update(change);
  }

  /** Moves keyboard focus between panes. */
  focusPane(side: PaneSide): void {
    this.ui.update((u) => (u.focusedPane === side ? u : { ...u, focusedPane: side }));
  }

  /** The queue or the log. */
  showBottomTab(tab: UiState['bottomTab']): void {
    this.ui.update((u) => ({ ...u, bottomTab: tab }));
  }

  /** Where a drag would drop, for the highlight. */
  setDropTarget(target: UiState['dropTarget']): void {
    this.ui.update((u) => {
      const same = u.dropTarget?.side === target?.side && u.dropTarget?.folder === target?.folder;
      return same ? u : { ...u, dropTarget: target };
    });
  }

  /** Opens a dialog the renderer owns. */
  openDialog(dialog: Dialog): void {
    this.dialogs.update((d) => openDialog(d, dialog));
  }

  /** Closes a dialog the renderer owns. */
  closeDialog(id: string): void {
    this.dialogs.update((d) => closeDialog(d, id));
  }

  // ---- local pane -----------------------------------------------------------------------------------

  /** Lists a local folder into the left pane; false if it failed. */
  async openLocal(path: string, options: { quiet?: boolean } = {}): Promise<boolean> {
    const seq = ++this.listSeq.local;
    this.local.update((s) => ({ ...s, loading: true }));
    const result = await this.api.localList({ path });
    if (seq !== this.listSeq.local) return result.ok;
    if (!result.ok) {
      this.local.update((s) => ({ ...s, loading: false, error: options.quiet ? s.error : result.error }));
      if (!options.quiet) this.reportInPane('local', 'Local folder', result.error, () => this.openLocal(path), true);
      return false;
    }
    this.paneFailures.listed('local', result.value.path !== this.local.get().path);
    const before = this.local.get().path;
    this.local.update((s) => applyListing(s, result.value));
    remember(LOCAL_PATH_KEY, result.value.path);
    this.afterListing('local', before, result.value.path);
    return true;
  }

  /** Lets the user pick a folder in the native dialog (it becomes allowed) and opens it. */
  async chooseLocalFolder(): Promise<void> {
    const result = await this.api.localChooseFolder({ title: 'Open a local folder', ...(this.local.get().path ? { defaultPath: this.local.get().path! } : {}) });
    if (!result.ok) return this.report(result.error);
    if (result.value.path) await this.openLocal(result.value.path);
  }

  // ---- remote pane ----------------------------------------------------------------------------------

  /** Lists a remote folder of the active session into the right pane; `quiet` reports no failure. */
  async openRemote(path?: string, options: { quiet?: boolean } = {}): Promise<boolean> {
    const sessionId = this.sessions.get().activeId;
    if (!sessionId) return false;
    const seq = ++this.listSeq.remote;
    this.remote.update((s) => ({ ...s, sessionId, loading: true }));
    const result = await this.api.remoteList({ sessionId, ...(path ? { path } : {}) });
    if (seq !== this.listSeq.remote) return result.ok;
    if (!result.ok) {
      this.remote.update((s) => ({ ...s, loading: false, error: options.quiet ? s.error : result.error }));
      if (!options.quiet) this.reportInPane('remote', 'Remote folder', result.error, () => this.openRemote(path), true);
      return false;
    }
    this.paneFailures.listed('remote', result.value.path !== this.remote.get().path);
    const before = this.remote.get().sessionId === sessionId ? this.remote.get().path : null;
    this.remote.update((s) => applyListing({ ...s, sessionId }, { ...result.value, parent: remoteParent(result.value.path) }));
    remember(remotePathKey(sessionId), result.value.path);
    this.afterListing('remote', before, result.value.path);
    return true;
  }

  private async showSession(info: SessionInfo): Promise<void> {
    if (this.remote.get().sessionId !== info.sessionId) this.leavePair();
    this.sessions.update((s) => ({ ...s, activeId: info.sessionId }));
    remember(ACTIVE_SESSION_KEY, info.sessionId);
    this.remote.set({ ...initialPane('remote'), sessionId: info.sessionId, sort: this.remote.get().sort, showHidden: this.remote.get().showHidden });
    const path = recall(remotePathKey(info.sessionId)) ?? info.initialPath ?? undefined;
    const ok = await this.openRemote(path);
    if (!ok && path !== info.initialPath) await this.openRemote(info.initialPath ?? undefined);
  }

  /** Shows another open session in the remote pane. */
  async switchSession(sessionId: string): Promise<void> {
    const info = this.sessions.get().sessions.find((s) => s.sessionId === sessionId);
    if (info?.state === 'connected') await this.showSession(info);
  }

  private onSession(info: SessionInfo): void {
    const before = this.sessions.get();
    this.sessions.update((s) => applySession(s, info));
    if (info.state === 'failed' && info.error && before.sessions.some((s) => s.sessionId === info.sessionId && s.state === 'connected')) {
      this.report(info.error, info.label);
    }
    if ((info.state === 'closed' || info.state === 'failed') && this.remote.get().sessionId === info.sessionId) {
      remember(remotePathKey(info.sessionId), null);
      const next = activeSession(this.sessions.get());
      if (next?.state === 'connected') void this.showSession(next);
      else {
        this.leavePair();
        this.remote.set({ ...initialPane('remote'), sort: this.remote.get().sort, showHidden: this.remote.get().showHidden });
      }
    }
  }

  // ---- connecting -----------------------------------------------------------------------------------

  /** One edit of the quick connect bar. */
  editQuickConnect(edit: QuickConnectEdit): void {
    this.quickConnectForm.update((f) => editQuickConnect(f, edit));
  }

  /** Hides the note a link left beside the quick connect bar. */
  dismissLinkNote(): void {
    this.quickConnectForm.update(dismissLinkNote);
  }

  /**
   * An `ftps://`/`ftpes://` link the OS opened: it fills the quick connect bar (never the password) and
   * remembers its folder. It never connects: that waits for the user's click on Connect.
   */
  openLink(link: QuickConnectLink): void {
    this.quickConnectForm.update((f) => fillFromLink(f, link));
  }

  /**
   * The quick-connect bar: plain FTP first shows its warning and needs the user's agreement. When a link
   * filled the bar, the folder it points to opens once connected.
   */
  async quickConnect(fields: QuickConnectFields): Promise<void> {
    if (fields.mode === 'plain' && fields.allowPlain !== true) {
      this.openDialog({ kind: 'plain-ftp', id: dialogId('plain'), fields });
      return;
    }
    const form = this.quickConnectForm.get();
    const linked = form.link && form.host.trim() === fields.host ? form.link.remotePath : null;
    if (!(await this.connect({ kind: 'quick', ...fields }))) return;
    if (form.link) this.quickConnectForm.update((f) => (f.link === form.link ? { ...f, link: null } : f));
    if (linked) await this.openLinkedPath(linked);
  }

  /**
   * Opens the folder a link points to; a link to a file opens its folder with the file selected. A
   * trailing `/` says "folder"; otherwise the parent's listing tells (LIST of a file would list the file).
   */
  private async openLinkedPath(path: string): Promise<void> {
    const trimmed = path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : path;
    if (path.endsWith('/') || trimmed === '/') {
      await this.openRemote(trimmed);
      return;
    }
    const parent = remoteParent(trimmed) ?? '/';
    const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
    if (!(await this.openRemote(parent))) return;
    const entry = this.remote.get().entries.find((e) => e.name === name);
    if (!entry) {
      this.notify('warning', 'Not found', `The link points to “${name}”, which is not in ${parent}.`);
    } else if (entry.type === 'directory' || entry.type === 'symlink') {
      await this.openRemote(trimmed);
    } else {
      this.remote.update((s) => selectOnly(s, name));
    }
  }

  /** Connects to a saved site; a site whose password is asked on connect opens the password dialog. */
  async connectSite(site: Pick<SiteProfile, 'id' | 'name' | 'user' | 'passwordStorage' | 'hasPassword'>, password?: string): Promise<boolean> {
    if (password === undefined && !site.hasPassword && site.user !== '' && site.user.toLowerCase() !== 'anonymous') {
      this.openDialog({ kind: 'password', id: dialogId('password'), siteId: site.id, siteName: site.name, user: site.user });
      return false;
    }
    return this.connect({ kind: 'site', siteId: site.id, ...(password !== undefined ? { password } : {}) }, site);
  }

  /** Connects to a saved site with its client key's passphrase typed for this connection (not saved). */
  async connectSiteWithPassphrase(site: Pick<SiteProfile, 'id' | 'name' | 'user'>, clientKeyPassphrase: string, password?: string): Promise<boolean> {
    return this.connect({ kind: 'site', siteId: site.id, clientKeyPassphrase, ...(password !== undefined ? { password } : {}) }, site);
  }

  /** Forgets the certificate pinned for a server, so the next connection asks about the new one. */
  async forgetCertificate(host: string, port: number): Promise<void> {
    const result = await this.api.certificatesRemove({ host, port });
    if (!result.ok) return this.report(result.error, 'Forget certificate');
    this.notify('info', 'Certificate forgotten', `Connect to ${host}:${port} again to review its new certificate.`);
  }

  private async connect(request: Parameters<typeof window.wharf.remoteConnect>[0], site?: Pick<SiteProfile, 'id' | 'name' | 'user'>): Promise<boolean> {
    this.ui.update((u) => ({ ...u, connecting: true }));
    const result = await this.api.remoteConnect(request);
    this.ui.update((u) => ({ ...u, connecting: false }));
    if (!result.ok) {
      const view = describeError(result.error);
      const detail = result.error.detail;
      if (view.needsPassword && site) {
        this.openDialog({ kind: 'password', id: dialogId('password'), siteId: site.id, siteName: site.name, user: site.user });
      } else if (site && request.kind === 'site' && /^client-certificate-passphrase-(required|wrong)$/.test(String(detail?.['reason'] ?? ''))) {
        this.openDialog({
          kind: 'client-key-passphrase',
          id: dialogId('passphrase'),
          siteId: site.id,
          siteName: site.name,
          user: site.user,
          message: result.error.message,
          ...(request.password !== undefined ? { password: request.password } : {}),
        });
      } else if (result.error.kind === 'tls-changed' && typeof detail?.['expected'] === 'string' && typeof detail['presented'] === 'string') {
        // A pinned certificate changed: a hard stop, shown in red with both fingerprints.
        const target = request.kind === 'quick' ? { host: request.host, port: request.port ?? (request.mode === 'implicit' ? 990 : 21) } : this.sites.get().listing?.sites.find((s) => s.id === request.siteId);
        if (target) this.openDialog({ kind: 'certificate-changed', id: dialogId('changed'), host: target.host, port: target.port, pinned: detail['expected'], presented: detail['presented'] });
        else this.report(result.error, 'Connection');
      } else {
        this.report(result.error, 'Connection');
      }
      return false;
    }
    this.sessions.update((s) => applySession(s, result.value));
    await this.showSession(result.value);
    if (site && request.kind === 'site') {
      const profile = this.sites.get().listing?.sites.find((s) => s.id === site.id);
      if (profile?.localDir) await this.openLocal(profile.localDir, { quiet: true });
    }
    return true;
  }

  /** Closes the session the remote pane shows. */
  async disconnect(): Promise<void> {
    const id = this.sessions.get().activeId;
    if (!id) return;
    const result = await this.api.remoteDisconnect({ sessionId: id });
    if (!result.ok) this.report(result.error, 'Disconnect');
  }

  /** Opens the lock badge's security report. */
  async showSecurityReport(): Promise<void> {
    const session = activeSession(this.sessions.get());
    if (!session) return;
    const result = await this.api.remoteSecurityReport({ sessionId: session.sessionId });
    if (!result.ok) return this.report(result.error, 'Security report');
    this.openDialog({ kind: 'security-report', id: 'security-report', label: session.label, report: result.value });
  }

  /** Answers a certificate question. */
  async answerCertificate(questionId: string, decision: TrustDecision): Promise<void> {
    this.closeDialog(questionId);
    const result = await this.api.answerCertificate({ questionId, decision });
    if (!result.ok) this.report(result.error);
  }

  /** Answers an overwrite question. */
  async answerOverwrite(questionId: string, choice: OverwriteChoice, applyToAll: boolean, newName?: string): Promise<void> {
    this.closeDialog(questionId);
    const result = await this.api.answerOverwrite({ questionId, choice, applyToAll, ...(newName === undefined ? {} : { newName }) });
    if (!result.ok) this.report(result.error);
  }

  /** Answers "upload the edited file back?"; an upload shows in the queue like any other. */
  async answerEditedFile(questionId: string, action: EditedFileAction): Promise<void> {
    this.closeDialog(questionId);
    const result = await this.api.answerEditedFile({ questionId, action });
    if (!result.ok) this.report(result.error, 'Upload edited file');
  }

  /** Answers a question with named answers (`choiceQuestion`). */
  async answerChoice(questionId: string, choice: string): Promise<void> {
    this.closeDialog(questionId);
    const result = await this.api.answerChoice({ questionId, choice });
    if (!result.ok) this.report(result.error);
  }

  // ---- both panes -----------------------------------------------------------------------------------

  /** Re-lists a pane. */
  async refresh(side: PaneSide): Promise<void> {
    const path = this.pane(side).get().path;
    if (side === 'local') {
      if (path) await this.openLocal(path);
    } else {
      await this.openRemote(path ?? undefined);
    }
  }

  /** Goes to the parent folder. */
  async goUp(side: PaneSide): Promise<void> {
    const state = this.pane(side).get();
    if (!state.parent) return;
    const child = state.path;
    const ok = side === 'local' ? await this.openLocal(state.parent) : await this.openRemote(state.parent);
    if (ok && child) {
      const name = child.slice(child.lastIndexOf(state.separator) + 1);
      this.pane(side).update((s) => (s.entries.some((e) => e.name === name) ? { ...s, cursor: name, anchor: name, selected: new Set([name]) } : s));
    }
  }

  /** Opens a folder of a pane by path (breadcrumbs, the path box). */
  async go(side: PaneSide, path: string): Promise<boolean> {
    return side === 'local' ? this.openLocal(path) : this.openRemote(path);
  }

  /** Enter or double-click: a folder opens; a file is transferred to the other pane's folder. */
  async activate(side: PaneSide, entry: PaneEntry): Promise<void> {
    const state = this.pane(side).get();
    if (entry.type === 'directory' || (entry.type === 'symlink' && side === 'remote')) {
      await this.go(side, entryPath(state, entry));
      return;
    }
    await this.transfer(side, [entry]);
  }

  /** Creates a folder in the pane's current folder. */
  async mkdir(side: PaneSide, name: string): Promise<boolean> {
    const state = this.pane(side).get();
    if (!state.path) return false;
    const path = joinPath(state.path, name, state.separator);
    const result = side === 'local' ? await this.api.localMkdir({ path }) : await this.api.remoteMkdir({ sessionId: state.sessionId ?? '', path });
    if (!result.ok) {
      this.reportInPane(side, 'New folder', result.error, () => this.mkdir(side, name));
      return false;
    }
    this.pane(side).update((s) => ({ ...s, cursor: name, anchor: name, selected: new Set([name]) }));
    return true;
  }

  /** Renames an entry of the pane's current folder. */
  async rename(side: PaneSide, from: string, to: string): Promise<boolean> {
    const state = this.pane(side).get();
    if (!state.path || from === to) return true;
    const entry = state.entries.find((e) => e.name === from);
    const fromPath = entry ? entryPath(state, entry) : joinPath(state.path, from, state.separator);
    const toPath = joinPath(state.path, to, state.separator);
    const result =
      side === 'local'
        ? await this.api.localRename({ from: fromPath, to: toPath })
        : await this.api.remoteRename({ sessionId: state.sessionId ?? '', from: fromPath, to: toPath });
    if (!result.ok) {
      this.reportInPane(side, 'Rename', result.error, () => this.rename(side, from, to));
      return false;
    }
    this.pane(side).update((s) => ({ ...s, cursor: to, anchor: to, selected: new Set([to]) }));
    return true;
  }

  /** Deletes paths of a pane (local ones to the trash where there is one). */
  async remove(side: PaneSide, paths: readonly string[], recursive: boolean): Promise<boolean> {
    const state = this.pane(side).get();
    const result =
      side === 'local'
        ? await this.api.localDelete({ paths, toTrash: true })
        : await this.api.remoteDelete({ sessionId: state.sessionId ?? '', paths, recursive });
    if (!result.ok) {
      this.reportInPane(side, 'Delete', result.error, () => this.remove(side, paths, recursive));
      return false;
    }
    return true;
  }

  /** Moves entries into another folder of the same pane (a drop on a folder row within a pane). */
  async move(side: PaneSide, entries: readonly PaneEntry[], folder: string): Promise<boolean> {
    const state = this.pane(side).get();
    for (const entry of entries) {
      const from = entryPath(state, entry);
      const to = joinPath(folder, entry.name, state.separator);
      if (from === folder || folder.startsWith(`${from}${state.separator}`) || from === to) continue;
      const result =
        side === 'local'
          ? await this.api.localRename({ from, to })
          : await this.api.remoteRename({ sessionId: state.sessionId ?? '', from, to });
      if (!result.ok) {
        this.reportInPane(side, `Move ${entry.name}`, result.error, () => this.move(side, entries, folder));
        return false;
      }
    }
    return true;
  }

  /**
   * Queues the entries of one pane for the other: uploads from local, downloads from remote. `folder` is
   * a target folder row; default the other pane's current folder.
   */
  async transfer(from: PaneSide, entries: readonly PaneEntry[], folder?: string): Promise<boolean> {
    if (entries.length === 0) return false;
    const local = this.local.get();
    const remote = this.remote.get();
    const sessionId = this.sessions.get().activeId;
    if (!sessionId || !remote.path) {
      this.notify('warning', 'Not connected', 'Connect to a server first: transfers go between the local folder and the remote one.');
      return false;
    }
    if (!local.path) return false;
    return this.enqueue(sessionId, transferRequests(from, entries, { ...local, path: local.path }, { ...remote, path: remote.path }, folder));
  }

  private async enqueue(sessionId: string, transfers: readonly EnqueueTransfer[]): Promise<boolean> {
    const result = await this.api.queueEnqueue({ sessionId, transfers });
    if (!result.ok) {
      this.report(result.error, 'Transfer');
      return false;
    }
    this.showBottomTab('queue');
    this.queue.update((q) => ({ ...q, tab: 'queued' }));
    if (result.value.skipped.length > 0) {
      const first = result.value.skipped[0]!;
      this.notify('warning', `${result.value.skipped.length} left out`, `${first.path}: ${first.reason}`);
    }
    return true;
  }

  /**
   * Files and folders dropped from the OS file manager. On the remote pane they are uploaded (into the
   * folder row they were dropped on); on the local pane a dropped folder opens.
   */
  async dropFromOs(side: PaneSide, files: readonly { readonly name: string; readonly size: number }[], folder?: string): Promise<void> {
    const paths = files.map((f) => this.api.getPathForFile(f)).filter((p) => p !== '');
    if (paths.length === 0) {
      this.notify('warning', 'Nothing to add', 'Only files and folders from the file manager can be dropped here.');
      return;
    }
    const dropped = await this.api.dropIn({ paths });
    if (!dropped.ok) return this.report(dropped.error, 'Drop');
    const entries = dropped.value.entries;
    if (side === 'local') {
      const dir = entries.find((e) => e.type === 'directory');
      if (dir) await this.openLocal(dir.path);
      else this.notify('info', 'Dropped files', 'Drop files on the remote pane to upload them; drop a folder here to open it.');
      return;
    }
    const sessionId = this.sessions.get().activeId;
    const remotePath = folder ?? this.remote.get().path;
    if (!sessionId || !remotePath) {
      this.notify('warning', 'Not connected', 'Connect to a server, then drop files on the remote pane to upload them.');
      return;
    }
    await this.enqueue(
      sessionId,
      entries.map((e) => ({
        direction: 'upload' as const,
        localPath: e.path,
        remotePath: joinPath(remotePath, e.name, '/'),
        ...(e.type === 'directory' ? { kind: 'directory' as const } : e.type === 'file' ? { kind: 'file' as const } : {}),
      })),
    );
  }

  /** Drags entries out to the OS file manager (remote ones are downloaded to a temporary folder first). */
  async dragOut(side: PaneSide, entries: readonly PaneEntry[]): Promise<void> {
    const state = this.pane(side).get();
    const items =
      side === 'local'
        ? entries.map((e) => ({ side: 'local' as const, path: entryPath(state, e) }))
        : entries.filter((e) => e.type === 'file').map((e) => ({ side: 'remote' as const, sessionId: state.sessionId ?? '', path: entryPath(state, e) }));
    if (items.length === 0) return;
    const result = await this.api.dragOut({ items });
    if (!result.ok) this.report(result.error, 'Drag out');
  }

  // ---- pane commands and context menus -------------------------------------------------------------

  /** What a pane's commands act on: the selected entries in the order shown, else the cursor row. */
  paneTargets(side: PaneSide): PaneEntry[] {
    return selectedEntries(this.pane(side).get(), this.shownEntries(side));
  }

  /** The rows a pane shows: its own view, and "only differences" when comparing. */
  shownEntries(side: PaneSide): PaneEntry[] {
    const pair = this.pair.get();
    return paneRows(this.pane(side).get(), this.compareMarks(side), pair.compare && pair.onlyDifferences[side]);
  }

  /** The compare marks of a pane's rows, while the compare result is for the folders both panes show. */
  compareMarks(side: PaneSide): ReturnType<typeof compareMarksOf> {
    const pair = this.pair.get();
    if (!pair.compare) return null;
    return compareMarksOf(pair.result, side, this.local.get().path, this.remote.get().path, this.local.get().separator);
  }

  /** Whether a pane shows a folder it can act in (the remote pane: of a connected session). */
  private paneReady(side: PaneSide): boolean {
    const state = this.pane(side).get();
    if (!state.path) return false;
    return side === 'local' || (activeSession(this.sessions.get())?.state === 'connected' && state.sessionId === this.sessions.get().activeId);
  }

  /** The items of a pane's context menu for what is selected now. */
  menuItems(side: PaneSide): MenuItem[] {
    return paneMenuItems(side, this.paneTargets(side), { ready: this.paneReady(side), otherReady: this.paneReady(side === 'local' ? 'remote' : 'local') });
  }

  /**
   * Opens a pane's context menu at a point of the window. A right-click on a row that is not selected
   * selects it alone (as file managers do); on the empty part of the list, it clears the selection.
   */
  openContextMenu(side: PaneSide, at: { readonly x: number; readonly y: number }, row?: { readonly name: string | null }): void {
    if (row) {
      const name = row.name;
      this.pane(side).update((s) => (name === null ? { ...s, selected: new Set(), cursor: null, anchor: null } : s.selected.has(name) ? { ...s, cursor: name } : selectOnly(s, name)));
    }
    this.focusPane(side);
    this.ui.update((u) => ({ ...u, contextMenu: { side, x: Math.round(at.x), y: Math.round(at.y) } }));
  }

  /** Closes the context menu. */
  closeContextMenu(): void {
    this.ui.update((u) => (u.contextMenu ? { ...u, contextMenu: null } : u));
  }

  /** Runs one command of a pane (its context menu, and the F2/F7/Delete keys) on what is selected. */
  async paneCommand(side: PaneSide, command: PaneCommand): Promise<void> {
    const state = this.pane(side).get();
    const shown = this.shownEntries(side);
    const targets = selectedEntries(state, shown);
    const one = targets.length === 1 ? targets[0]! : null;
    const ready = this.paneReady(side);
    switch (command) {
      case 'open':
        if (!one) return;
        if (one.type === 'directory' || (side === 'remote' && one.type === 'symlink')) {
          await this.go(side, entryPath(state, one));
        } else {
          const path = entryPath(state, one);
          const result = side === 'local' ? await this.api.localOpen({ path }) : await this.api.remoteOpen({ sessionId: state.sessionId ?? '', path });
          if (!result.ok) this.report(result.error, 'Open');
        }
        return;
      case 'download':
      case 'upload':
        await this.transfer(side, targets);
        return;
      case 'rename': {
        // The row under the keyboard cursor first: F2 renames what the user is on.
        const target = (state.cursor !== null ? shown.find((e) => e.name === state.cursor) : undefined) ?? targets[0];
        if (ready && target) this.openDialog({ kind: 'rename', id: dialogId('rename'), side, name: target.name });
        return;
      }
      case 'delete':
        if (!ready || targets.length === 0) return;
        this.openDialog({
          kind: 'delete',
          id: dialogId('delete'),
          side,
          names: targets.map((e) => e.name),
          paths: targets.map((e) => entryPath(state, e)),
          hasFolders: targets.some((e) => e.type === 'directory'),
        });
        return;
      case 'new-folder':
        if (ready) this.openDialog({ kind: 'new-folder', id: dialogId('new-folder'), side });
        return;
      case 'permissions':
        if (side !== 'remote' || !ready || !state.sessionId || targets.length === 0) return;
        this.openDialog({
          kind: 'permissions',
          id: dialogId('permissions'),
          sessionId: state.sessionId,
          names: targets.map((e) => e.name),
          paths: targets.map((e) => entryPath(state, e)),
          permissions: targets.find((e) => e.permissions !== null)?.permissions ?? null,
        });
        return;
      case 'raw-command': {
        const session = activeSession(this.sessions.get());
        if (session?.state === 'connected') this.openDialog({ kind: 'raw-command', id: 'raw-command', sessionId: session.sessionId, label: session.label });
        return;
      }
      case 'copy-path': {
        const text = targets.length > 0 ? targets.map((e) => entryPath(state, e)).join('\n') : (state.path ?? '');
        if (!text) return;
        const result = await this.api.clipboardWriteText({ text });
        if (!result.ok) return this.report(result.error, 'Copy path');
        this.notify('success', targets.length > 1 ? 'Paths copied' : 'Path copied', text.length > 200 ? `${targets.length} paths are on the clipboard.` : text);
        return;
      }
      case 'refresh':
        await this.refresh(side);
        return;
      case 'reveal': {
        const path = one ? entryPath(state, one) : state.path;
        if (side !== 'local' || !path) return;
        const result = await this.api.localReveal({ path });
        if (!result.ok) this.report(result.error, 'Reveal');
        return;
      }
      default: {
        const never: never = command;
        throw new Error(`unknown pane command ${String(never)}`);
      }
    }
  }

  /** SITE CHMOD on each path (stopping at the first refusal); main refreshes the folder after each. */
  async chmod(sessionId: string, paths: readonly string[], mode: string): Promise<boolean> {
    for (const path of paths) {
      const result = await this.api.remoteChmod({ sessionId, path, mode });
      if (!result.ok) {
        this.report(result.error, `Permissions of ${path.slice(path.lastIndexOf('/') + 1)}`);
        return false;
      }
    }
    return true;
  }

  /** Sends one raw command; the command and the reply also go to the message log, which is shown. */
  async rawCommand(sessionId: string, command: string): Promise<RawReply | null> {
    const result = await this.api.remoteCommand({ sessionId, command });
    this.showBottomTab('log');
    if (!result.ok) {
      this.report(result.error, 'Custom command');
      return null;
    }
    return result.value;
  }

  // ---- trusted certificates -------------------------------------------------------------------------

  /** Reads the always-trusted (pinned) certificates for their list. */
  async loadCertificates(): Promise<void> {
    const result = await this.api.certificatesList({});
    if (!result.ok) return this.report(result.error, 'Trusted certificates');
    this.sites.update((s) => ({ ...s, pinned: result.value }));
  }

  /** Stops always trusting a server's certificate: the next connection asks again. */
  async removeCertificate(host: string, port: number): Promise<void> {
    const result = await this.api.certificatesRemove({ host, port });
    if (!result.ok) return this.report(result.error, 'Remove certificate');
    this.notify('info', 'Certificate removed', `Wharf will ask about the certificate of ${host}:${port} on the next connection.`);
    await this.loadCertificates();
  }

  // ---- app-wide proxy -------------------------------------------------------------------------------

  /** The app-wide proxy setting, or null when it cannot be read (the failure is reported). */
  async loadProxySettings(): Promise<ProxySettings | null> {
    const result = await this.api.proxySettingsGet({});
    if (!result.ok) {
      this.report(result.error, 'Proxy');
      return null;
    }
    return result.value;
  }

  /** Saves the app-wide proxy setting; true when saved. */
  async saveProxySettings(input: ProxySettingsInput): Promise<boolean> {
    const result = await this.api.proxySettingsSet(input);
    if (!result.ok) {
      this.report(result.error, 'Proxy');
      return false;
    }
    this.notify('info', 'Proxy saved', 'The new proxy setting applies from the next connection.');
    return true;
  }

  // ---- queue ----------------------------------------------------------------------------------------

  /** Switches the queue tab. */
  showQueueTab(tab: QueueTab): void {
    this.queue.update((q) => ({ ...q, tab, selected: new Set() }));
  }

  /** Sets the queue selection. */
  selectQueueItems(ids: ReadonlySet<string>): void {
    this.queue.update((q) => ({ ...q, selected: ids }));
  }

  /** Runs an item command on the selected items. */
  async queueCommand(command: 'pause' | 'resume' | 'cancel' | 'retry' | 'remove', itemIds: readonly string[]): Promise<void> {
    if (itemIds.length === 0) return;
    const api = this.api;
    const request = { itemIds };
    let result: Result<void>;
    switch (command) {
      case 'pause':
        result = await api.queuePause(request);
        break;
      case 'resume':
        result = await api.queueResume(request);
        break;
      case 'cancel':
        result = await api.queueCancel(request);
        break;
      case 'retry':
        result = await api.queueRetry(request);
        break;
      case 'remove':
        result = await api.queueRemove(request);
        break;
      default: {
        const never: never = command;
        throw new Error(`unknown queue command ${String(never)}`);
      }
    }
    if (!result.ok) this.report(result.error, 'Queue');
  }

  /** Reorders items. */
  async queueMove(itemIds: readonly string[], to: 'top' | 'up' | 'down' | 'bottom'): Promise<void> {
    if (itemIds.length === 0) return;
    const result = await this.api.queueMove({ itemIds, to });
    if (!result.ok) this.report(result.error, 'Queue');
  }

  /** Pauses or resumes the whole queue. */
  async toggleQueuePaused(): Promise<void> {
    const paused = this.queue.get().snapshot?.paused ?? false;
    const result = paused ? await this.api.queueResumeAll({}) : await this.api.queuePauseAll({});
    if (!result.ok) this.report(result.error, 'Queue');
  }

  /** Clears a tab. */
  async clearQueueTab(tab: QueueTab): Promise<void> {
    const states: TransferState[] = statesOfTab(tab);
    const result = await this.api.queueClear({ states });
    if (!result.ok) this.report(result.error, 'Queue');
  }

  /** The policy for new transfers whose target exists. */
  async setOverwritePolicy(policy: OverwritePolicy): Promise<void> {
    const result = await this.api.queueSetOverwritePolicy({ policy });
    if (!result.ok) return this.report(result.error, 'Queue');
    this.ui.update((u) => ({ ...u, queueSettings: result.value }));
  }

  /** Re-reads the whole queue (after a gap). */
  async resyncQueue(): Promise<QueueSnapshot | null> {
    const result = await this.api.queueSnapshot({});
    if (!result.ok) return null;
    this.queue.update((q) => receiveSnapshot({ ...q, snapshot: null }, result.value));
    return result.value;
  }

  // ---- sites ----------------------------------------------------------------------------------------

  /** Creates a site; the password (if any) goes to main once and into the keychain. */
  async createSite(site: SiteCreateInput): Promise<Result<SiteProfile>> {
    const result = await this.api.sitesCreate({ site });
    if (!result.ok) this.report(result.error, 'Save site');
    return result;
  }

  /**
   * Updates a site. Main hands what needs no new login to the open connections at once; while one is open,
   * a notice names the changes it keeps until it reconnects (not when a new connection follows the save),
   * and the remote pane is listed again when it shows this site with a new timezone offset.
   */
  async updateSite(id: string, changes: SiteUpdateInput, options: { readonly connectingNext?: boolean } = {}): Promise<Result<SiteProfile>> {
    const before = this.sites.get().listing?.sites.find((s) => s.id === id);
    const result = await this.api.sitesUpdate({ id, changes });
    if (!result.ok) {
      this.report(result.error, 'Save site');
      return result;
    }
    const open = this.sessions.get().sessions.filter((s) => s.siteId === id && s.state === 'connected');
    if (open.length === 0) return result;
    const awaiting = before ? settingsAwaitingReconnect(before, result.value, changes) : [];
    if (awaiting.length > 0 && !options.connectingNext) {
      const notice = reconnectNotice(result.value.name, awaiting);
      this.notify('warning', notice.title, notice.message);
    }
    if (changes.timezoneOffsetMinutes !== undefined && open.some((s) => s.sessionId === this.remote.get().sessionId)) await this.refresh('remote');
    return result;
  }

  /** Deletes a site and its keychain entry. */
  async deleteSite(id: string): Promise<boolean> {
    const result = await this.api.sitesDelete({ id });
    if (!result.ok) this.report(result.error, 'Delete site');
    return result.ok;
  }

  /** Duplicates a site. */
  async duplicateSite(id: string): Promise<SiteProfile | null> {
    const result = await this.api.sitesDuplicate({ id });
    if (!result.ok) {
      this.report(result.error, 'Duplicate site');
      return null;
    }
    return result.value;
  }

  /** Creates a folder in the site tree. */
  async createSiteFolder(folderPath: readonly string[]): Promise<boolean> {
    const result = await this.api.siteFoldersCreate({ folderPath });
    if (!result.ok) this.report(result.error, 'New folder');
    return result.ok;
  }

  /** Renames a folder of the site tree; its sites and subfolders follow. */
  async renameSiteFolder(folderPath: readonly string[], name: string): Promise<boolean> {
    const result = await this.api.siteFoldersRename({ folderPath, name });
    if (!result.ok) this.report(result.error, 'Rename folder');
    return result.ok;
  }

  /** Moves a site to another folder of the tree ([] for the top level). */
  async moveSite(id: string, folderPath: readonly string[]): Promise<SiteProfile | null> {
    const result = await this.api.sitesMove({ id, folderPath });
    if (!result.ok) {
      this.report(result.error, 'Move site');
      return null;
    }
    return result.value;
  }

  /** Deletes a folder of the site tree with its sites. */
  async deleteSiteFolder(folderPath: readonly string[]): Promise<boolean> {
    const result = await this.api.siteFoldersDelete({ folderPath });
    if (!result.ok) this.report(result.error, 'Delete folder');
    return result.ok;
  }

  /** Re-reads whether the keychain works. */
  async refreshKeychain(): Promise<void> {
    const result = await this.api.keychainStatus({});
    if (result.ok) this.sites.update((s) => ({ ...s, keychain: result.value }));
  }

  /** Reads an import file (main's open dialog) and shows what it holds before anything is saved. */
  async importSites(format: SiteImportFormat): Promise<void> {
    const result = await this.api.sitesImportPreview({ format });
    if (!result.ok) return this.report(result.error, 'Import');
    if (result.value === null) return;
    this.openDialog({ kind: 'import', id: 'import', format, preview: result.value });
  }

  /** Imports what the preview showed; passwords move into the keychain only when the user agreed. */
  async commitImport(importId: string, storePasswords: boolean): Promise<void> {
    this.closeDialog('import');
    const result = await this.api.sitesImportCommit({ importId, storePasswords });
    if (!result.ok) return this.report(result.error, 'Import');
    const r = result.value;
    const parts = [`${r.created.length} site${r.created.length === 1 ? '' : 's'} imported`];
    if (r.passwordsSaved > 0) parts.push(`${r.passwordsSaved} password${r.passwordsSaved === 1 ? '' : 's'} moved to the system keychain`);
    if (r.renamed.length > 0) parts.push(`${r.renamed.length} renamed to avoid a clash`);
    if (r.skipped.length > 0) parts.push(`${r.skipped.length} skipped`);
    this.notify('success', 'Import finished', `${parts.join(', ')}.`);
  }

  /** Exports sites as Wharf JSON or FileZilla XML (never with passwords) where the user chooses. */
  async exportSites(siteIds?: readonly string[], format: SiteExportFormat = 'wharf-json'): Promise<void> {
    const result = await this.api.sitesExport({ ...(siteIds ? { siteIds } : {}), saveWithDialog: true, format });
    if (!result.ok) return this.report(result.error, 'Export');
    const { savedTo, notes } = result.value;
    if (!savedTo) return;
    const left = notes.length > 0 ? ` ${notes.length} setting${notes.length === 1 ? '' : 's'} FileZilla has no place for ${notes.length === 1 ? 'was' : 'were'} left out: ${notes.map((n) => `${n.name}: ${n.note}`).join(' ')}` : '';
    this.notify('success', 'Sites exported', `Saved to ${savedTo} (without passwords).${left}`);
  }

  // ---- log ------------------------------------------------------------------------------------------

  /** Copies the log to the clipboard. */
  async copyLog(): Promise<void> {
    const result = await this.api.clipboardWriteText({ text: logAsText(this.log.get().lines) });
    if (!result.ok) return this.report(result.error, 'Copy');
    this.notify('success', 'Log copied', `${this.log.get().lines.length} lines are on the clipboard.`);
  }

  /** Saves the log where the user chooses. */
  async saveLog(): Promise<void> {
    const result = await this.api.saveTextFile({ suggestedName: 'wharf-log.txt', text: logAsText(this.log.get().lines) });
    if (!result.ok) return this.report(result.error, 'Save log');
    if (result.value.savedTo) this.notify('success', 'Log saved', result.value.savedTo);
  }

  /** Copies a text (a fingerprint). */
  async copyText(text: string): Promise<void> {
    const result = await this.api.clipboardWriteText({ text });
    if (!result.ok) this.report(result.error, 'Copy');
  }
  // ---- connection doctor ----------------------------------------------------------------------------

  /** "Test connection" for the quick connect bar's fields; plain FTP first shows its warning. */
  testQuickConnect(fields: QuickConnectFields | null): void {
    if (!fields) return;
    if (fields.mode === 'plain' && fields.allowPlain !== true) {
      this.openDialog({ kind: 'plain-ftp', id: dialogId('plain'), fields, purpose: 'test' });
      return;
    }
    this.testConnection(doctorPlanFromQuickConnect(fields));
  }

  /** Opens the doctor's dialog and runs it (or first asks for the password the plan lacks). */
  testConnection(plan: DoctorPlan): void {
    this.doctorTarget = plan.target;
    this.openDialog({ kind: 'doctor', id: 'doctor' });
    const runId = this.newRunId();
    if (plan.kind === 'ask-password') {
      this.doctor.set({ run: askPassword(runId, plan.label, plan.reason) });
      return;
    }
    void this.runDoctor(runId, plan.label, plan.target);
  }

  /** Runs the doctor with the password typed in its dialog (used for this test only). */
  testWithPassword(password: string): void {
    const run = this.doctor.get().run;
    if (!this.doctorTarget || !run) return;
    this.doctorTarget = withPassword(this.doctorTarget, password);
    void this.runDoctor(this.newRunId(), run.label, this.doctorTarget);
  }

  /** "Run again". */
  rerunDoctor(): void {
    const run = this.doctor.get().run;
    if (!this.doctorTarget || !run) return;
    void this.runDoctor(this.newRunId(), run.label, this.doctorTarget);
  }

  /** "Cancel" while the doctor runs: main closes the run's connections and answers the report so far. */
  async cancelDoctor(): Promise<void> {
    const run = this.doctor.get().run;
    if (!run || run.phase !== 'running' || run.cancelling) return;
    this.doctor.update((d) => (d.run ? { run: requestCancel(d.run, run.runId) } : d));
    const result = await this.api.doctorCancel({ runId: run.runId });
    if (!result.ok) this.report(result.error, 'Cancel test');
  }

  /** Closes the doctor's dialog; a run still going is cancelled, so it holds no connection nobody watches. */
  closeDoctor(): void {
    const run = this.doctor.get().run;
    if (run?.phase === 'running') void this.api.doctorCancel({ runId: run.runId });
    this.closeDialog('doctor');
    this.doctor.set(initialDoctor);
    this.doctorTarget = null;
  }

  /** Copies the report as text; the password is never in it. */
  async copyDoctorReport(): Promise<void> {
    const report = this.doctor.get().run?.report;
    if (!report) return;
    const secret = this.doctorTarget && 'password' in this.doctorTarget ? (this.doctorTarget.password ?? '') : '';
    const text = doctorReportText(report, secret ? [secret] : [], this.ui.get().app?.version);
    const result = await this.api.clipboardWriteText({ text });
    if (!result.ok) return this.report(result.error, 'Copy report');
    this.notify('success', 'Report copied', 'The connection test report is on the clipboard (without the password).');
  }

  private newRunId(): string {
    return `doctor-${Date.now().toString(36)}-${this.nextRun++}`;
  }

  private async runDoctor(runId: string, label: string, target: DoctorTarget): Promise<void> {
    this.doctor.set({ run: startRun(runId, label) });
    const request = { ...target, runId } as DoctorRequest;
    const result = await this.api.doctorRun(request);
    this.doctor.update((d) => {
      if (!d.run) return d;
      return { run: result.ok ? finishRun(d.run, runId, result.value) : failRun(d.run, runId, result.error) };
    });
  }

  // ---- folder pair: compare and synchronised browsing -----------------------------------------------

  /** Both panes' folders, when the remote pane shows a connected session. */
  private pairFolders(): { readonly sessionId: string; readonly local: string; readonly remote: string } | null {
    const local = this.local.get();
    const remote = this.remote.get();
    const session = activeSession(this.sessions.get());
    if (!local.path || !remote.path || session?.state !== 'connected' || remote.sessionId !== session.sessionId) return null;
    return { sessionId: session.sessionId, local: local.path, remote: remote.path };
  }

  /** Compare on or off: on, both panes colour what differs between their folders. */
  async toggleCompare(): Promise<void> {
    if (this.pair.get().compare) {
      this.compareSeq++;
      this.pair.update((p) => ({ ...p, compare: false, comparing: false, result: null, compareError: null, onlyDifferences: { local: false, remote: false } }));
      return;
    }
    if (!this.pairFolders()) {
      this.notify('warning', 'Nothing to compare yet', 'Connect to a server first: Compare puts the local folder beside the remote one.');
      return;
    }
    this.pair.update((p) => ({ ...p, compare: true }));
    await this.runCompare();
  }

  /** "Only differences" in one pane. */
  toggleOnlyDifferences(side: PaneSide): void {
    this.pair.update((p) => ({ ...p, onlyDifferences: { ...p.onlyDifferences, [side]: !p.onlyDifferences[side] } }));
  }

  /** Compares the two folders now (the Compare bar's refresh). */
  async runCompare(): Promise<void> {
    if (this.compareTimer) clearTimeout(this.compareTimer);
    this.compareTimer = null;
    if (!this.pair.get().compare) return;
    const folders = this.pairFolders();
    const seq = ++this.compareSeq;
    if (!folders) {
      this.pair.update((p) => ({ ...p, comparing: false, result: null }));
      return;
    }
    this.pair.update((p) => ({ ...p, comparing: true }));
    // The folders shown, not their subfolders: a pane shows one level, and each folder opened compares anew.
    const result = await this.api.syncCompare({ sessionId: folders.sessionId, localRoot: folders.local, remoteRoot: folders.remote, recursive: false });
    if (seq !== this.compareSeq || !this.pair.get().compare) return;
    if (!result.ok) {
      this.pair.update((p) => ({ ...p, comparing: false, result: null, compareError: result.error }));
      return;
    }
    this.pair.update((p) => ({ ...p, comparing: false, result: result.value, compareError: null }));
  }

  /** A burst of listings (both panes moving together, a refresh after transfers) compares once. */
  private scheduleCompare(): void {
    if (!this.pair.get().compare) return;
    if (this.compareTimer) clearTimeout(this.compareTimer);
    this.pair.update((p) => (p.comparing ? p : { ...p, comparing: true }));
    this.compareTimer = setTimeout(() => void this.runCompare(), 150);
  }

  /** Synchronised browsing on or off; on, it starts from the folders both panes show now. */
  toggleSyncBrowsing(): void {
    if (this.pair.get().syncBrowsing) {
      this.pair.update((p) => ({ ...p, syncBrowsing: false, roots: null, note: null }));
      return;
    }
    const folders = this.pairFolders();
    if (!folders) {
      this.notify('warning', 'Nothing to synchronise yet', 'Connect to a server first: synchronised browsing moves the local and remote panes together.');
      return;
    }
    this.pair.update((p) => ({ ...p, syncBrowsing: true, roots: { local: folders.local, remote: folders.remote }, note: null }));
  }

  /** Hides the synchronised-browsing note. */
  dismissPairNote(): void {
    this.pair.update((p) => (p.note ? { ...p, note: null } : p));
  }

  /** Compare and synchronised browsing end when the remote pane leaves its session. */
  private leavePair(): void {
    this.compareSeq++;
    this.pair.update((p) => (p.compare || p.syncBrowsing ? { ...initialPair, onlyDifferences: p.onlyDifferences } : p));
  }

  /** After a pane listed a folder: the other pane follows (synchronised browsing) and the compare is redone. */
  private afterListing(side: PaneSide, before: string | null, path: string): void {
    if (before !== null && before !== path) void this.follow(side, path);
    this.scheduleCompare();
  }

  /** Synchronised browsing: the other pane enters the same relative folder, if it exists; else a note says so. */
  private async follow(side: PaneSide, path: string): Promise<void> {
    const pair = this.pair.get();
    if (!pair.syncBrowsing || !pair.roots || this.following) return;
    const other: PaneSide = side === 'local' ? 'remote' : 'local';
    const separators = { local: this.local.get().separator, remote: '/' };
    const move = followPath(pair.roots, side, path, separators);
    if (move.kind === 'outside') {
      this.pair.update((p) => ({ ...p, note: `Synchronised browsing is waiting: ${move.reason}.` }));
      return;
    }
    const there = this.pane(other).get();
    const where = other === 'remote' ? 'on the server' : 'in the local folder';
    const name = lastSegment(move.path, separators[other]);
    const missing = `“${move.relative || name}” does not exist ${where}: the ${other} pane stays in ${there.path ?? '—'}.`;
    if (there.path === move.path) {
      this.pair.update((p) => ({ ...p, roots: move.roots, note: null }));
      return;
    }
    // Entering a subfolder of the folder the other pane shows: its listing already tells whether it exists.
    if (there.path !== null && joinPath(there.path, name, separators[other]) === move.path) {
      const exists = there.entries.some((e) => e.name === name && (e.type === 'directory' || e.type === 'symlink'));
      if (!exists) {
        this.pair.update((p) => ({ ...p, note: missing }));
        return;
      }
    }
    this.following = true;
    let ok: boolean;
    try {
      ok = other === 'local' ? await this.openLocal(move.path, { quiet: true }) : await this.openRemote(move.path, { quiet: true });
    } finally {
      this.following = false;
    }
    if (!this.pair.get().syncBrowsing) return;
    this.pair.update((p) => (ok ? { ...p, roots: move.roots, note: null } : { ...p, note: missing }));
  }

  // ---- synchronise ----------------------------------------------------------------------------------

  /** "Synchronise…" for the folders both panes show. */
  openSync(): void {
    const folders = this.pairFolders();
    if (!folders) {
      this.notify('warning', 'Nothing to synchronise yet', 'Connect to a server and open the two folders to synchronise, one in each pane.');
      return;
    }
    this.syncSeq++;
    this.sync.set({ dialog: newSyncDialog(folders.sessionId, folders.local, folders.remote) });
    this.openDialog({ kind: 'sync', id: 'sync' });
  }

  /**
   * Closes the dialog; a running sync goes on (the line above the queue shows it) and reports in a notice.
   * A running sync's dialog is only hidden, so Show on that line brings it back as it was.
   */
  closeSync(): void {
    this.closeDialog('sync');
    if (this.sync.get().dialog?.phase !== 'running') this.sync.set(initialSync);
  }

  /**
   * Show on a running sync's line: its dialog, if this window hid it; else (started before a reload, or
   * its dialog replaced by a new one) the queue, where its transfers are.
   */
  showRunningSync(planId: string): void {
    const dialog = this.sync.get().dialog;
    if (dialog?.phase === 'running' && dialog.plan?.planId === planId) {
      this.openDialog({ kind: 'sync', id: 'sync' });
      return;
    }
    this.showBottomTab('queue');
    this.showQueueTab('queued');
  }

  private changeSyncDialog(change: (d: SyncDialogState) => SyncDialogState): void {
    this.sync.update((s) => (s.dialog ? { dialog: change(s.dialog) } : s));
  }

  /** Direction or deletion changed (an existing preview must be made again). */
  setSyncSettings(change: SyncSettingsChange): void {
    this.changeSyncDialog((d) => changeSettings(d, change));
  }

  /** Ticks or unticks one action of the preview. */
  toggleSyncAction(id: string, on?: boolean): void {
    this.changeSyncDialog((d) => toggleAction(d, id, on));
  }

  /** Ticks or unticks every action (of one operation). */
  toggleAllSyncActions(on: boolean, operation?: SyncOperation): void {
    this.changeSyncDialog((d) => toggleAll(d, on, operation));
  }

  /** Makes the preview: every planned action, nothing changed yet. */
  async previewSync(): Promise<void> {
    const dialog = this.sync.get().dialog;
    if (!dialog || dialog.phase === 'planning' || dialog.phase === 'running') return;
    const seq = ++this.syncSeq;
    this.changeSyncDialog((d) => ({ ...d, phase: 'planning', error: null }));
    const result = await this.api.syncPlan({
      sessionId: dialog.sessionId,
      localRoot: dialog.localRoot,
      remoteRoot: dialog.remoteRoot,
      direction: dialog.direction,
      delete: dialog.deleteEnabled,
      ...(dialog.sizeOnly ? { sizeOnly: true } : {}),
    });
    if (seq !== this.syncSeq) return;
    this.changeSyncDialog((d) => (result.ok ? receivePlan(d, result.value) : { ...d, phase: d.plan ? 'preview' : 'setup', error: result.error }));
  }

  /**
   * A sync started, moved on or ended. The end of one this window does not await (started before a reload,
   * or in another window) is reported here: nothing else would say it ended.
   */
  private onSyncProgress(sync: RunningSync): void {
    this.runningSyncs.update((r) => applySyncProgress(r, sync));
    if (!sync.ended || this.syncRunsAwaited.has(sync.planId)) return;
    const counts = `${sync.actionsDone} of ${sync.actionsTotal} actions ended; the queue lists their transfers.`;
    if (sync.cancelled) this.notify('warning', 'Synchronisation cancelled', counts);
    else this.notify('success', 'Synchronisation ended', counts);
  }

  /** "Resume queue" in the sync dialog: the whole queue resumes, and the sync's transfers with it. */
  async resumeQueue(): Promise<void> {
    const result = await this.api.queueResumeAll({});
    if (!result.ok) this.report(result.error, 'Queue');
  }

  /** "Cancel sync" in the dialog: main cancels the sync's transfers still in the queue, and no deletion starts after it. */
  async cancelSync(): Promise<void> {
    const dialog = this.sync.get().dialog;
    if (!dialog?.plan || dialog.phase !== 'running' || dialog.cancelling) return;
    await this.cancelRunningSync(dialog.plan.planId);
  }

  /** "Cancel sync" for any sync main runs (the dialog's, or a line above the queue, after a reload too). */
  async cancelRunningSync(planId: string): Promise<void> {
    this.changeSyncDialog((d) => (d.plan?.planId === planId ? { ...d, cancelling: true } : d));
    const result = await this.api.syncCancel({ planId });
    if (result.ok) return;
    this.report(result.error, 'Cancel sync');
    this.changeSyncDialog((d) => (d.plan?.planId === planId ? { ...d, cancelling: false } : d));
  }

  /** Runs the ticked actions: copies through the queue (verified), deletions through a session. */
  async runSync(): Promise<void> {
    const dialog = this.sync.get().dialog;
    if (!dialog || !dialog.plan || !canRun(dialog)) return;
    const plan = dialog.plan;
    const actionIds = runActionIds(plan, dialog.checked);
    const seq = ++this.syncSeq;
    this.changeSyncDialog((d) => ({ ...d, phase: 'running', error: null }));
    this.showBottomTab('queue');
    this.queue.update((q) => ({ ...q, tab: 'queued' }));
    this.syncRunsAwaited.add(plan.planId);
    const result = await this.api.syncRun({ planId: plan.planId, actionIds }).finally(() => this.syncRunsAwaited.delete(plan.planId));
    const current = seq === this.syncSeq;
    if (result.ok) {
      const { cancelled } = result.value;
      const failed = result.value.summary.failed > 0;
      const title = cancelled ? 'Synchronisation cancelled' : failed ? 'Synchronisation finished with failures' : 'Synchronisation finished';
      this.notify(failed || cancelled ? 'warning' : 'success', title, runSummaryText(result.value));
      if (current) this.changeSyncDialog((d) => ({ ...d, phase: 'done', cancelling: false, result: result.value }));
    } else {
      this.report(result.error, 'Synchronise');
      // The plan was used up: a new preview is needed.
      if (current) this.changeSyncDialog((d) => ({ ...d, phase: 'setup', cancelling: false, plan: null, checked: new Set(), error: result.error }));
    }
    await Promise.all([this.refresh('local'), this.pairFolders() ? this.refresh('remote') : Promise.resolve()]);
  }
}
