// Over 500 lines on purpose: every method and event the window may use is declared here, one entry each, so the preload, the gate and the bridge read one list.
/**
 * # The one IPC contract between the renderer and main
 *
 * Everything the renderer can ask of main, and everything main pushes to it, is declared here once.
 * The preload (`preload/index.ts`), main's registration loop (`main/app/ipc.ts`) and the end-to-end bridge
 * (`test/e2e/bridge/`) are all derived from `WHARF_METHOD_NAMES`, `WHARF_EVENT_NAMES` and the validators in
 * `./schemas.ts`, so they cannot drift apart.
 *
 * ## For the renderer
 * ```ts
 * // window.wharf is typed by common/ipc/window.d.ts (import nothing; it is global in the web tsconfig)
 * const r = await window.wharf.localList({ path: places.home });
 * if (!r.ok) switch (r.error.kind) { case 'local-io': ...; default: ... }   // WharfErrorData, never thrown
 * const off = window.wharf.on('queueUpdate', (u) => queueStore.apply(u));    // returns the unsubscribe
 * const path = window.wharf.getPathForFile(droppedFile);                     // '' for non-OS files
 * await window.wharf.dropIn({ paths: [path] });                              // grants + stats them
 * ```
 * - Every method takes ONE plain object (use `{}` when there is nothing to say) and returns
 *   `Promise<Result<T>>`; it never rejects for an operational failure. Switch on `error.kind`
 *   (`common/models/errors.ts`) and end with an exhaustiveness check.
 * - A payload that fails validation answers `{ ok: false, error: { kind: 'invalid-input', message,
 *   detail: { method, issues } } }` and never reaches a service.
 * - Main owns the truth: sessions (`remoteSessions`), the queue (`queueSnapshot` then `queueUpdate`
 *   events applied with `applyQueueUpdate` from common/models/transfer.ts), open questions
 *   (`questionsPending`), running syncs (`syncRunning` then `syncProgress`) and the log (`logRecent`). On start (and after a reload) ask for those once, then
 *   follow the events.
 * - Local files: only under `allowedRoots` (`localPlaces`): the home folder, folders chosen with
 *   `localChooseFolder` and what the user dropped (`dropIn`). Anything else answers kind `local-io` with
 *   `detail.reason === 'not-allowed'`: offer "Choose folder…".
 * - Drop-in: for each OS `File` of a drop, `getPathForFile(file)`; pass the paths to `dropIn`. The
 *   preload refuses paths it did not produce itself, so a page script cannot grant itself `/etc`.
 * - Drag-out: in `dragstart`, `event.preventDefault()` then `dragOut({ items })`; main downloads remote
 *   items to a temporary folder and starts the OS drag.
 * - Passwords go renderer -> main only (`remoteConnect`, `sitesCreate`, `sitesUpdate`); sites come back
 *   with `hasPassword`.
 * - Links: the OS hands `ftps://`/`ftpes://` links to main, which parses them (never keeping a password).
 *   Subscribe to `openQuickConnect`, then call `linksReady` once for the link that launched the app; fill
 *   the quick connect bar from either and connect only when the user clicks Connect.
 * - Questions: a `certificateQuestion`, `overwriteQuestion` or `editedFileChanged` event opens a dialog;
 *   answer with `answerCertificate` / `answerOverwrite` / `answerEditedFile`; `questionClosed` closes it
 *   (a `choiceQuestion` is answered with `answerChoice`)
 *   (answered elsewhere, or the connection went away).
 * - The CSP forbids inline `<style>` and `style="..."` in HTML; React's `style={{...}}` (set through the
 *   CSSOM) is fine. No network from the renderer (`connect-src 'none'`): everything goes through here.
 *
 * ## Adding a method
 * Add it to `WharfApi`, to `WHARF_METHOD_NAMES` and a validator to `WHARF_VALIDATORS` (schemas.ts), and
 * to `LOCAL_PATHS` in main/services (which local paths it touches) — each is a compile error until done.
 * Then implement it in main/services. Channels are generated: never type one by hand.
 */
import type { UiLocale } from '../i18n/locale';
import type { DoctorReport, DoctorRequest, DoctorStepEvent } from '../models/doctor';
import type { LogLine } from '../models/log';
import type { ProxySettings, ProxySettingsInput } from '../models/proxy';
import type { CompareResult, RunningSync, SyncCompareRequest, SyncPlan, SyncPlanRequest, SyncRunRequest, SyncRunResult } from '../models/sync';
import type { Result } from '../models/result';
import type { SecurityReport } from '../models/security';
import type { PinnedCertificate, SiteCreateInput, SiteImportResult, SiteProfile, SiteUpdateInput } from '../models/site-profile';
import type { OverwriteAnswer, OverwritePolicy, OverwriteQuestion, QueueSnapshot, QueueUpdate, TransferState } from '../models/transfer';
import type {
  AppInfo,
  CertificateQuestionView,
  DragOutItem,
  DroppedEntry,
  EditedFileAction,
  ChoiceQuestion,
  EditedFileQuestion,
  EnqueueResult,
  EnqueueTransfer,
  FoldersChanged,
  KeychainStatus,
  ListingChunk,
  ListingRefreshed,
  LocalListing,
  LocalPlaces,
  LogBatch,
  PendingQuestion,
  QueueMoveTarget,
  QueueSettings,
  QuickConnectFields,
  QuickConnectLink,
  QuestionClosed,
  RawReply,
  RemoteListing,
  SessionInfo,
  SiteExportFormat,
  SiteExportResult,
  SiteImportFormat,
  SiteImportPreview,
  SitesListing,
  TrustDecision,
} from './payloads';

export type * from './payloads';

/** A request with nothing to say: methods still take one object so every call has the same shape. */
export type EmptyRequest = Readonly<Record<string, never>>;

/** Requests naming a browsing session. */
export interface SessionRequest {
  readonly sessionId: string;
}

/** How to open a browsing session: a saved site, or the quick-connect bar. */
export type ConnectRequest =
  | {
      readonly kind: 'site';
      readonly siteId: string;
      /** For a site whose password is asked on connect (or to override the saved one once). */
      readonly password?: string;
      /** The client key's passphrase, asked on connect when none is saved (never saved from here). */
      readonly clientKeyPassphrase?: string;
    }
  | ({ readonly kind: 'quick' } & QuickConnectFields);

/** Queue requests naming items. */
export interface QueueItemsRequest {
  /** 1 to 100,000 item ids. */
  readonly itemIds: readonly string[];
}

/**
 * Every request/response method main offers. One plain request object in, a `Result` out; errors are
 * data (`WharfErrorData`), never thrown across.
 */
export interface WharfApi {
  // --- app and OS ---------------------------------------------------------------------------------------
  /** Name, version and platform, for the about box and platform-specific shortcuts. */
  appInfo(request: EmptyRequest): Promise<Result<AppInfo>>;
  /** Opens an https URL in the user's browser (any other scheme is refused). */
  openExternal(request: { readonly url: string }): Promise<Result<void>>;
  /** Copies text (the log, a fingerprint): the renderer has no clipboard permission of its own. */
  clipboardWriteText(request: { readonly text: string }): Promise<Result<void>>;
  /** Saves text (the log) where the user chooses in a native dialog; `savedTo` null if cancelled. */
  saveTextFile(request: { readonly suggestedName: string; readonly text: string }): Promise<Result<{ readonly savedTo: string | null }>>;
  /**
   * The window is ready for `ftps://`/`ftpes://` links: answers the link that launched the app (or came
   * while the window was loading), once, or null; later links arrive as `openQuickConnect` events. Call it
   * on start and after every reload, after subscribing to `openQuickConnect`.
   */
  linksReady(request: EmptyRequest): Promise<Result<QuickConnectLink | null>>;
  /**
   * The language the window shows (the OS's or the user's choice): main's menus, notices and errors follow
   * it. Call it on start, before asking for anything else, and after each change.
   */
  uiLanguageSet(request: { readonly locale: UiLocale }): Promise<Result<void>>;

  // --- local file system --------------------------------------------------------------------------------
  /** The home folder and every folder the local pane may open. */
  localPlaces(request: EmptyRequest): Promise<Result<LocalPlaces>>;
  /** Lists a local folder (hidden entries included: the renderer filters). */
  localList(request: { readonly path: string }): Promise<Result<LocalListing>>;
  /** Creates a folder (its parent must exist). */
  localMkdir(request: { readonly path: string }): Promise<Result<void>>;
  /** Renames or moves within the allowed folders; refuses to replace an existing target. */
  localRename(request: { readonly from: string; readonly to: string }): Promise<Result<void>>;
  /** Deletes files and folders (recursively); to the OS trash when `toTrash` (default true) and available. */
  localDelete(request: { readonly paths: readonly string[]; readonly toTrash?: boolean }): Promise<Result<void>>;
  /** Opens a file with its default application. */
  localOpen(request: { readonly path: string }): Promise<Result<void>>;
  /** Shows a file or folder in the OS file manager. */
  localReveal(request: { readonly path: string }): Promise<Result<void>>;
  /** The native folder picker; the chosen folder becomes allowed. `path` null if cancelled. */
  localChooseFolder(request: { readonly title?: string; readonly defaultPath?: string }): Promise<Result<{ readonly path: string | null }>>;

  // --- drag and drop with the OS ------------------------------------------------------------------------
  /** Files and folders dropped from the OS (paths from `getPathForFile`): allows and stats them. */
  dropIn(request: { readonly paths: readonly string[] }): Promise<Result<{ readonly entries: readonly DroppedEntry[] }>>;
  /** Starts an OS drag of local files, or of remote files after downloading them to a temporary folder. */
  dragOut(request: { readonly items: readonly DragOutItem[] }): Promise<Result<{ readonly files: readonly string[] }>>;

  // --- remote sessions ----------------------------------------------------------------------------------
  /** Opens a browsing session; may raise a `certificateQuestion` before it resolves. */
  remoteConnect(request: ConnectRequest): Promise<Result<SessionInfo>>;
  /** Closes a browsing session (queued transfers keep their own connections). */
  remoteDisconnect(request: SessionRequest): Promise<Result<void>>;
  /** Every open (or opening) session, so a reloaded window rebuilds its remote panes. */
  remoteSessions(request: EmptyRequest): Promise<Result<readonly SessionInfo[]>>;
  /**
   * Lists a remote folder; without `path`, the server's working directory. With a `listingId` (chosen by
   * the window), entries arrive as `listingChunk` events while the server sends them, and the answer holds
   * only the rest (see `RemoteListing.chunked`); a newer listing with an id on the same session cancels it.
   */
  remoteList(request: SessionRequest & { readonly path?: string; readonly listingId?: string }): Promise<Result<RemoteListing>>;
  /** Creates a remote folder; a `listingRefreshed` for its parent follows. */
  remoteMkdir(request: SessionRequest & { readonly path: string }): Promise<Result<void>>;
  /** Renames or moves a remote file or folder (drag within the remote pane). */
  remoteRename(request: SessionRequest & { readonly from: string; readonly to: string }): Promise<Result<void>>;
  /** Deletes remote files and folders; folders recursively when `recursive`. */
  remoteDelete(request: SessionRequest & { readonly paths: readonly string[]; readonly recursive: boolean }): Promise<Result<void>>;
  /**
   * Downloads a remote file to a temporary folder of its own, verified, and opens it with its default
   * application (View/Edit, as in FileZilla and WinSCP). Main then watches the copy: when it is saved with
   * different content, an `editedFileChanged` question asks whether to upload it back. Watching stops when
   * the session closes, when the user answers `stop`, at quit, or for the oldest of more than 50 opened files.
   */
  remoteOpen(request: SessionRequest & { readonly path: string }): Promise<Result<{ readonly file: string }>>;
  /** SITE CHMOD with an octal mode such as `755`. */
  remoteChmod(request: SessionRequest & { readonly path: string; readonly mode: string }): Promise<Result<void>>;
  /** Sends one raw FTP command typed by the user (one line; USER/PASS/AUTH/PROT are refused). */
  remoteCommand(request: SessionRequest & { readonly command: string }): Promise<Result<RawReply>>;
  /** The session's security report, for the lock badge. */
  remoteSecurityReport(request: SessionRequest): Promise<Result<SecurityReport>>;

  // --- Connection doctor, folder compare and sync ---
  /** Tests a connection step by step and explains what fails; with a runId, each step also arrives as `doctorStep`. */
  doctorRun(request: DoctorRequest): Promise<Result<DoctorReport>>;
  /**
   * Stops the doctor run started with this runId ("Cancel" in the Test connection dialog): its connections
   * close and its `doctorRun` answers the report up to the step it reached (`cancelledAt`). A run that
   * already ended is left alone.
   */
  doctorCancel(request: { readonly runId: string }): Promise<Result<void>>;
  /** Compares a local folder with a remote one of an open session (name, size, time or hash). */
  syncCompare(request: SyncCompareRequest): Promise<Result<CompareResult>>;
  /** Plans a sync (upload, download or mirror): every action with an id for the preview's checkboxes; deletes only when asked. */
  syncPlan(request: SyncPlanRequest): Promise<Result<SyncPlan>>;
  /** Runs the chosen actions of a plan: copies through the queue (verified), deletions through the session. */
  syncRun(request: SyncRunRequest): Promise<Result<SyncRunResult>>;
  /**
   * Stops the sync running this plan: its transfers still in the queue are cancelled and no deletion starts
   * after this; its `syncRun` answers what was done, with `cancelled: true`. A sync that already ended is
   * left alone.
   */
  syncCancel(request: { readonly planId: string }): Promise<Result<void>>;
  /**
   * The syncs under way (started by any window, before a reload too), oldest first; then follow
   * `syncProgress`. The window shows them while their dialog is closed, and cancels them with `syncCancel`.
   */
  syncRunning(request: EmptyRequest): Promise<Result<readonly RunningSync[]>>;

  // --- transfer queue -----------------------------------------------------------------------------------
  /** The whole queue once; then follow `queueUpdate` events. */
  queueSnapshot(request: EmptyRequest): Promise<Result<QueueSnapshot>>;
  /**
   * Queues uploads and downloads over a session's site; folders expand recursively. A download names the
   * listed entry and the local folder: main joins them, and a server's unsafe name fails its own item.
   */
  queueEnqueue(request: SessionRequest & { readonly transfers: readonly EnqueueTransfer[] }): Promise<Result<EnqueueResult>>;
  /** Pauses items; a running one stops its data connection and keeps its offset. */
  queuePause(request: QueueItemsRequest): Promise<Result<void>>;
  /** Resumes paused items from their offsets. */
  queueResume(request: QueueItemsRequest): Promise<Result<void>>;
  /** Cancels items (they stay listed as failed with kind `cancelled`). */
  queueCancel(request: QueueItemsRequest): Promise<Result<void>>;
  /** Retries failed or skipped items. */
  queueRetry(request: QueueItemsRequest): Promise<Result<void>>;
  /** Removes items from the list (running ones are cancelled first). */
  queueRemove(request: QueueItemsRequest): Promise<Result<void>>;
  /** Moves items to the top, up one, down one or to the bottom. */
  queueMove(request: QueueItemsRequest & { readonly to: QueueMoveTarget }): Promise<Result<void>>;
  /** Pauses the whole queue: running items pause, nothing new starts. */
  queuePauseAll(request: EmptyRequest): Promise<Result<void>>;
  /** Resumes the whole queue. */
  queueResumeAll(request: EmptyRequest): Promise<Result<void>>;
  /** Removes every item in the given states (the "clear" buttons of the queue tabs). */
  queueClear(request: { readonly states: readonly TransferState[] }): Promise<Result<void>>;
  /** The queue-wide settings. */
  queueSettings(request: EmptyRequest): Promise<Result<QueueSettings>>;
  /** Sets the default overwrite policy for new items. */
  queueSetOverwritePolicy(request: { readonly policy: OverwritePolicy }): Promise<Result<QueueSettings>>;
  /** Sets or lifts (null) the global speed limit. */
  queueSetSpeedLimit(request: { readonly bytesPerSecond: number | null }): Promise<Result<QueueSettings>>;

  // --- sites and credentials ----------------------------------------------------------------------------
  /** The site tree (folders and sites, never passwords) and store warnings. */
  sitesList(request: EmptyRequest): Promise<Result<SitesListing>>;
  /** One site. */
  sitesGet(request: { readonly id: string }): Promise<Result<SiteProfile>>;
  /** Creates a site; its password (if any) goes straight into the keychain. */
  sitesCreate(request: { readonly site: SiteCreateInput }): Promise<Result<SiteProfile>>;
  /** Changes a site; `changes.password` string replaces, null forgets the saved password. */
  sitesUpdate(request: { readonly id: string; readonly changes: SiteUpdateInput }): Promise<Result<SiteProfile>>;
  /** Deletes a site and its keychain entry. */
  sitesDelete(request: { readonly id: string }): Promise<Result<void>>;
  /** Copies a site ("Copy of …"), its saved password included. */
  sitesDuplicate(request: { readonly id: string }): Promise<Result<SiteProfile>>;
  /** Moves a site to another folder of the tree. */
  sitesMove(request: { readonly id: string; readonly folderPath: readonly string[] }): Promise<Result<SiteProfile>>;
  /** Creates a (possibly empty) folder. */
  siteFoldersCreate(request: { readonly folderPath: readonly string[] }): Promise<Result<void>>;
  /** Renames a folder; its sites and subfolders follow. */
  siteFoldersRename(request: { readonly folderPath: readonly string[]; readonly name: string }): Promise<Result<void>>;
  /** Deletes a folder with its subfolders and sites (the renderer confirms first). */
  siteFoldersDelete(request: { readonly folderPath: readonly string[] }): Promise<Result<void>>;
  /**
   * Reads FileZilla's sitemanager.xml or Wharf JSON and says what it holds, saving nothing yet: `text` read
   * by the renderer from a chosen file, or absent for main's native open dialog (`null` if cancelled).
   */
  sitesImportPreview(request: { readonly format: SiteImportFormat; readonly text?: string }): Promise<Result<SiteImportPreview | null>>;
  /** Imports a previewed file once the user agreed; found passwords go into the keychain only if `storePasswords`. */
  sitesImportCommit(request: { readonly importId: string; readonly storePasswords: boolean; readonly intoFolder?: readonly string[] }): Promise<Result<SiteImportResult>>;
  /** Exports sites (all, or `siteIds`) as Wharf JSON (default) or FileZilla XML, without passwords; saved via a dialog if asked. */
  sitesExport(request: { readonly siteIds?: readonly string[]; readonly saveWithDialog: boolean; readonly format?: SiteExportFormat }): Promise<Result<SiteExportResult>>;
  /** Pinned (always trusted) certificates. */
  certificatesList(request: EmptyRequest): Promise<Result<readonly PinnedCertificate[]>>;
  /** Forgets a pinned certificate: the next connection asks again. */
  certificatesRemove(request: { readonly host: string; readonly port: number }): Promise<Result<void>>;
  /** Whether passwords can be saved in the OS keychain, and why not. */
  keychainStatus(request: EmptyRequest): Promise<Result<KeychainStatus>>;
  /** The app-wide proxy, which every site follows unless it says otherwise (default: the environment's). */
  proxySettingsGet(request: EmptyRequest): Promise<Result<ProxySettings>>;
  /** Replaces the app-wide proxy; its password goes to the keychain. Applies from the next connection. */
  proxySettingsSet(request: ProxySettingsInput): Promise<Result<ProxySettings>>;

  // --- questions and log --------------------------------------------------------------------------------
  /** Questions waiting for an answer (after a reload, show their dialogs again). */
  questionsPending(request: EmptyRequest): Promise<Result<readonly PendingQuestion[]>>;
  /** Answers a certificate question: trust once (this session), always (pin it) or reject. */
  answerCertificate(request: { readonly questionId: string; readonly decision: TrustDecision }): Promise<Result<void>>;
  /** Answers an overwrite question; `applyToAll` answers every item still set to `ask`. */
  answerOverwrite(request: OverwriteAnswer): Promise<Result<void>>;
  /**
   * Answers an `editedFileChanged` question: `upload` queues the copy as an upload overwriting the server's
   * file (verified and resumable like any transfer, with the site's settings), `ignore` leaves the server
   * alone until the next change, `stop` leaves it alone and stops watching the file.
   */
  answerEditedFile(request: { readonly questionId: string; readonly action: EditedFileAction }): Promise<Result<void>>;
  /** Answers a `choiceQuestion` with one of its choices' ids. */
  answerChoice(request: { readonly questionId: string; readonly choice: string }): Promise<Result<void>>;
  /** The most recent log lines (up to 5,000), to fill the log tab after a reload. */
  logRecent(request: EmptyRequest): Promise<Result<readonly LogLine[]>>;
}

/** Every event main pushes to the renderer, by name, with its payload. */
export interface WharfEvents {
  /** A session changed state (connecting, connected, closed, failed) or its security report changed. */
  sessionState: SessionInfo;
  /** Main refreshed a folder after changing it (mkdir, rename, delete, a finished transfer). */
  listingRefreshed: ListingRefreshed;
  /** Entries of a `remoteList` asked with a `listingId`, while the rest is still arriving. */
  listingChunk: ListingChunk;
  /** What changed in the queue; at most about 10 a second. Apply with `applyQueueUpdate`. */
  queueUpdate: QueueUpdate;
  /**
   * Finished transfers wrote into these folders (a file's folder, an empty folder created): a pane showing
   * one of them or a folder above them lists again. Sent with the `queueUpdate` that finished them.
   */
  foldersChanged: FoldersChanged;
  /** New log lines (password masked), batched. */
  log: LogBatch;
  /** An untrusted (or changed) certificate needs the user's decision. */
  certificateQuestion: CertificateQuestionView;
  /** A transfer's target exists and the policy is `ask`. */
  overwriteQuestion: OverwriteQuestion;
  /** The local copy of a file opened with `remoteOpen` was saved with new content: upload it back? */
  editedFileChanged: EditedFileQuestion;
  /** A question with named answers (continue past a recursion budget? open a file the OS would run?). */
  choiceQuestion: ChoiceQuestion;
  /** A question was answered or withdrawn: close its dialog. */
  questionClosed: QuestionClosed;
  /** The site tree changed (a create, update, delete, move or import, from any window). */
  sitesChanged: SitesListing;
  /** The OS opened an `ftps://`/`ftpes://` link while the window was up: fill the quick connect bar (never connect). */
  openQuickConnect: QuickConnectLink;
  /** One finished step of a doctor run started with a runId. */
  doctorStep: DoctorStepEvent;
  /**
   * A sync started, moved on (at most about 4 a second), was cancelled, or ended (`ended: true`, its last
   * event): replace what the window shows of it by `planId`.
   */
  syncProgress: RunningSync;
}

/** A method's name. */
export type WharfMethod = keyof WharfApi;

/** An event's name. */
export type WharfEventName = keyof WharfEvents;

/** The request a method takes. */
export type WharfRequest<M extends WharfMethod> = Parameters<WharfApi[M]>[0];

/** The value a method's successful Result carries. */
export type WharfResponse<M extends WharfMethod> = Awaited<ReturnType<WharfApi[M]>> extends Result<infer T> ? T : never;

/**
 * Every method, at run time: the preload, the registration loop and the bridge iterate this. Checked
 * against `WharfApi` both ways: a missing or an extra name fails to compile.
 */
export const WHARF_METHODS = {
  appInfo: true,
  openExternal: true,
  clipboardWriteText: true,
  saveTextFile: true,
  linksReady: true,
  uiLanguageSet: true,
  localPlaces: true,
  localList: true,
  localMkdir: true,
  localRename: true,
  localDelete: true,
  localOpen: true,
  localReveal: true,
  localChooseFolder: true,
  dropIn: true,
  dragOut: true,
  remoteConnect: true,
  remoteDisconnect: true,
  remoteSessions: true,
  remoteList: true,
  remoteMkdir: true,
  remoteRename: true,
  remoteDelete: true,
  remoteOpen: true,
  remoteChmod: true,
  remoteCommand: true,
  remoteSecurityReport: true,
  doctorRun: true,
  doctorCancel: true,
  syncCompare: true,
  syncPlan: true,
  syncRun: true,
  syncCancel: true,
  syncRunning: true,
  queueSnapshot: true,
  queueEnqueue: true,
  queuePause: true,
  queueResume: true,
  queueCancel: true,
  queueRetry: true,
  queueRemove: true,
  queueMove: true,
  queuePauseAll: true,
  queueResumeAll: true,
  queueClear: true,
  queueSettings: true,
  queueSetOverwritePolicy: true,
  queueSetSpeedLimit: true,
  sitesList: true,
  sitesGet: true,
  sitesCreate: true,
  sitesUpdate: true,
  sitesDelete: true,
  sitesDuplicate: true,
  sitesMove: true,
  siteFoldersCreate: true,
  siteFoldersRename: true,
  siteFoldersDelete: true,
  sitesImportPreview: true,
  sitesImportCommit: true,
  sitesExport: true,
  certificatesList: true,
  certificatesRemove: true,
  keychainStatus: true,
  proxySettingsGet: true,
  proxySettingsSet: true,
  questionsPending: true,
  answerCertificate: true,
  answerOverwrite: true,
  answerEditedFile: true,
  answerChoice: true,
  logRecent: true,
} as const satisfies Record<WharfMethod, true>;

/** The method names as a list, in declaration order. */
export const WHARF_METHOD_NAMES = Object.keys(WHARF_METHODS) as readonly WharfMethod[];

/** Every event, at run time, checked against `WharfEvents` the same way. */
export const WHARF_EVENTS = {
  sessionState: true,
  listingRefreshed: true,
  listingChunk: true,
  queueUpdate: true,
  foldersChanged: true,
  log: true,
  certificateQuestion: true,
  overwriteQuestion: true,
  editedFileChanged: true,
  choiceQuestion: true,
  questionClosed: true,
  sitesChanged: true,
  doctorStep: true,
  openQuickConnect: true,
  syncProgress: true,
} as const satisfies Record<WharfEventName, true>;

/** The event names as a list. */
export const WHARF_EVENT_NAMES = Object.keys(WHARF_EVENTS) as readonly WharfEventName[];

/** The prefix of every channel: anything else on IPC is not ours. */
export const CHANNEL_PREFIX = 'wharf:';

/** The channel a method is invoked on: `wharf:<method>`. */
export function methodChannel<M extends WharfMethod>(method: M): `wharf:${M}` {
  return `wharf:${method}`;
}

/** The channel an event is pushed on: `wharf:event:<name>`. */
export function eventChannel<E extends WharfEventName>(event: E): `wharf:event:${E}` {
  return `wharf:event:${event}`;
}

/** True for a known method name (own property only: `toString` or `__proto__` are not methods). */
export function isWharfMethod(name: unknown): name is WharfMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(WHARF_METHODS, name);
}

/** True for a known event name. */
export function isWharfEventName(name: unknown): name is WharfEventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(WHARF_EVENTS, name);
}

/** Something the OS handed the page (a dropped `File`); typed structurally so common needs no DOM. */
export interface OsFileLike {
  readonly name: string;
  readonly size: number;
}

/**
 * `window.wharf`: the contract's methods plus event subscription and the OS path of a dropped file. The
 * preload builds it in Electron; the bridge script builds the same shape in a plain browser.
 */
export type WharfBridge = WharfApi & {
  /** Subscribes to an event; returns the function that unsubscribes. Callbacks get the payload only. */
  on<E extends WharfEventName>(event: E, callback: (payload: WharfEvents[E]) => void): () => void;
  /** The OS path of a File from a drop or a file input; '' for files that exist only in the page. */
  getPathForFile(file: OsFileLike): string;
};
