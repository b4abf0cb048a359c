/**
 * The plain data shapes that cross the IPC boundary in `common/ipc/contract.ts`, beyond those already in
 * `common/models`. Everything here is readonly JSON-like data (no classes, no Dates, no functions), so it
 * survives structured clone in Electron and JSON over the end-to-end bridge unchanged.
 */
import type { WharfErrorData } from '../models/errors';
import type { LogLine } from '../models/log';
import type { EntryType, RemoteEntry } from '../models/remote-entry';
import type { CertificateInfo, SecurityReport } from '../models/security';
import type { ConnectionTarget, DataConnectionMode, FtpsMode, MinTlsVersion } from '../models/site';
import type { SiteImportSummary, SiteTree, StoreWarning } from '../models/site-profile';
import type { FileFacts, OverwriteQuestion, OverwritePolicy, TransferKind } from '../models/transfer';

// ---------------------------------------------------------------------------------------------------------
// Local file system

/** One entry of a local folder; the same columns as a remote entry so both panes share one grid. */
export interface LocalEntry extends RemoteEntry {
  /** Absolute path, so the renderer never joins paths itself (Windows and POSIX differ). */
  readonly path: string;
  /** Dot-files on POSIX; the renderer's "hidden files" toggle uses it. */
  readonly hidden: boolean;
}

/** A listed local folder. */
export interface LocalListing {
  /** The absolute, normalized path that was listed. */
  readonly path: string;
  /** The parent folder, or null at a file-system root or at the top of an allowed folder. */
  readonly parent: string | null;
  /** Path separator of this OS (`/` or `\`), for breadcrumbs. */
  readonly separator: string;
  readonly entries: readonly LocalEntry[];
}

/** Where the local pane can start and which folders it may open. */
export interface LocalPlaces {
  /** The user's home folder (allowed by default: it is where the local pane opens). */
  readonly home: string;
  /** Every folder the user opened, chose or dropped: the only places local operations may touch. */
  readonly allowedRoots: readonly string[];
  readonly separator: string;
}

/** What the OS drop gave us, after main checked each path exists. */
export interface DroppedEntry {
  readonly path: string;
  readonly name: string;
  readonly type: EntryType;
  readonly size: number;
}

/** One item dragged out of a pane to the OS file manager. */
export type DragOutItem =
  | { readonly side: 'local'; readonly path: string }
  | { readonly side: 'remote'; readonly sessionId: string; readonly path: string };

// ---------------------------------------------------------------------------------------------------------
// Remote sessions

/** The life of a browsing session, as the status bar and the lock badge show it. */
export type SessionStateName = 'connecting' | 'connected' | 'closed' | 'failed';

/**
 * A browsing session as the renderer sees it: one per connected site. Pushed whole on every change (event
 * `sessionState`) and listed by `remoteSessions`, so a reloaded window rebuilds its remote panes.
 */
export interface SessionInfo {
  readonly sessionId: string;
  /** The saved site, or null for a quick connection. */
  readonly siteId: string | null;
  /** The site's name, or `user@host` for a quick connection. */
  readonly label: string;
  readonly target: ConnectionTarget;
  readonly state: SessionStateName;
  /** The folder to show first: the site's default remote folder or the server's working directory. */
  readonly initialPath: string | null;
  /** Present once TLS and login are done; kept current as data connections open. */
  readonly report: SecurityReport | null;
  /** Why the session failed or closed unexpectedly; null otherwise. */
  readonly error: WharfErrorData | null;
}

/** A listed remote folder. */
export interface RemoteListing {
  readonly sessionId: string;
  /** The absolute remote path that was listed. */
  readonly path: string;
  readonly entries: readonly RemoteEntry[];
  /**
   * Asked with a `listingId`: how many entries came before these as `listingChunk` events (the listing is
   * the first `chunked` of them, then `entries`); 0 when the chunks were superseded and `entries` is all.
   */
  readonly chunked?: number;
}

/** Part of a listing asked for with a `listingId`, pushed while the server is still sending the rest. */
export interface ListingChunk {
  readonly listingId: string;
  readonly sessionId: string;
  readonly path: string;
  /** Where these entries start in the listing; 0 after earlier chunks means it started over. */
  readonly from: number;
  readonly entries: readonly RemoteEntry[];
}

/** A listing pushed by main after something changed a folder a pane may be showing. */
export type ListingRefreshed =
  | ({ readonly side: 'local' } & LocalListing)
  | ({ readonly side: 'remote' } & RemoteListing);

/** Folders that finished transfers wrote into, on one side: target folders of downloads are local, of uploads remote. */
export interface FoldersChanged {
  readonly side: 'local' | 'remote';
  /** Absolute paths, each once. */
  readonly folders: readonly string[];
}

/** The answer to a raw FTP command typed by the user. */
export interface RawReply {
  readonly code: number;
  readonly message: string;
}

/** Quick-connect fields, typed by the user in the toolbar. */
export interface QuickConnectFields {
  readonly host: string;
  /** default 21, or 990 for implicit FTPS */
  readonly port?: number;
  /** default explicit */
  readonly mode?: FtpsMode;
  readonly user: string;
  readonly password: string;
  /** default passive */
  readonly dataMode?: DataConnectionMode;
  /** default TLSv1.2 */
  readonly minTlsVersion?: MinTlsVersion;
  /** Must be true for mode `plain`: the renderer showed the "unencrypted" warning and the user agreed. */
  readonly allowPlain?: boolean;
}

/**
 * What an `ftps://` or `ftpes://` link fills into the quick connect bar (main parses it: see
 * main/app/protocol-links.ts). It never carries a password and never connects by itself: the user reads
 * the filled form, types the password and clicks Connect.
 */
export interface QuickConnectLink {
  /** Host name or IP address (an IPv6 address without its brackets). */
  readonly host: string;
  readonly port: number;
  /** `ftps://` is implicit TLS (default port 990), `ftpes://` explicit TLS (AUTH TLS, default port 21). */
  readonly mode: 'implicit' | 'explicit';
  /** The user name, '' when the link has none. */
  readonly user: string;
  /** The folder or file the link points to ('/'-rooted, decoded), or null for the login folder. */
  readonly remotePath: string | null;
  /** The link carried a password, which Wharf ignored (so the form can say why the field is empty). */
  readonly passwordIgnored: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Transfer queue (items, snapshots and updates are in common/models/transfer.ts)

/**
 * One transfer the renderer asks for, from a pane it is showing: the session tells main which site (and
 * which accepted certificate) the queue's own connections use. Folders are expanded by main, recursively,
 * empty folders too.
 */
/**
 * One transfer to queue. An upload names its local source and remote destination. A download names the
 * entry as the server listed it and the folder the user chose: main joins and checks the local path, so a
 * server's name (`../x`, a control character) fails its own queue item and never the whole request.
 */
export type EnqueueTransfer = EnqueueUpload | EnqueueDownload;

/** An upload: the local file or folder and where it goes on the server. */
export interface EnqueueUpload {
  readonly direction: 'upload';
  /** The source file or folder. */
  readonly localPath: string;
  /** The destination, absolute, `/`-separated. */
  readonly remotePath: string;
  /** What the source is, as the pane's listing says. */
  readonly kind?: TransferKind;
  /** default: the queue's policy (see `queueSettings`) */
  readonly overwrite?: OverwritePolicy;
}

/** A download of a listed remote entry into a local folder. */
export interface EnqueueDownload {
  readonly direction: 'download';
  /** The folder the user chose: the local pane's folder or a folder row in it. */
  readonly localFolder: string;
  /** The remote folder the entry was listed in, absolute. */
  readonly remoteFolder: string;
  /** The entry's name exactly as the server listed it (checked in main, not here). */
  readonly name: string;
  /** What the entry is, as the listing says; probed with SIZE when absent. */
  readonly kind?: TransferKind;
  /** default: the queue's policy (see `queueSettings`) */
  readonly overwrite?: OverwritePolicy;
}

/** What queueing did: how many items were added (after expanding folders) and what was left out, and why. */
export interface EnqueueResult {
  readonly added: number;
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

/** Where to move queue items. */
export type QueueMoveTarget = 'top' | 'up' | 'down' | 'bottom';

/** Queue-wide settings the toolbar and the queue tab show. */
export interface QueueSettings {
  /** The policy new items get; `ask` in the app. */
  readonly overwritePolicy: OverwritePolicy;
  /** Global speed limit, bytes per second; null = unlimited. */
  readonly speedLimitBytesPerSecond: number | null;
}

// ---------------------------------------------------------------------------------------------------------
// Sites and credentials (profiles, inputs and the tree are in common/models/site-profile.ts)

/** The site manager's tree plus anything the stores had to tell (a corrupt file kept as a backup, ...). */
export interface SitesListing extends SiteTree {
  readonly warnings: readonly StoreWarning[];
}

/** Whether passwords can be saved, and if not why, in words a person understands. */
export interface KeychainStatus {
  readonly available: boolean;
  /** Why it is unavailable and what to do ("ask for the password on connect"); null when available. */
  readonly message: string | null;
}

/**
 * Formats the site manager can import: `auto` tells FileZilla XML, WinSCP INI, a Cyberduck bookmark and
 * Wharf JSON apart by their content; `cyberduck-folder` reads a folder of Cyberduck bookmarks.
 */
export type SiteImportFormat = 'auto' | 'filezilla' | 'winscp' | 'cyberduck' | 'cyberduck-folder' | 'wharf-json';

/** Formats sites can be exported to: Wharf's JSON, or FileZilla's sitemanager.xml for other clients. */
export type SiteExportFormat = 'wharf-json' | 'filezilla';

/** A parsed import file waiting for the user's agreement: main keeps the sites, the renderer shows the summary. */
export interface SiteImportPreview {
  /** Pass to `sitesImportCommit`; valid until the next preview or an app restart. */
  readonly importId: string;
  readonly summary: SiteImportSummary;
}

/** A site export: the file's text always, and where it was saved if a dialog was used. */
export interface SiteExportResult {
  /** Wharf JSON or FileZilla XML, never with passwords. */
  readonly text: string;
  readonly format: SiteExportFormat;
  readonly savedTo: string | null;
  /** Settings the format could not carry, per site (FileZilla has no minimum TLS version, ...). */
  readonly notes: readonly { readonly name: string; readonly folderPath: readonly string[]; readonly note: string }[];
}

// ---------------------------------------------------------------------------------------------------------
// Questions main asks the user

/** The user's decision on an untrusted certificate. */
export type TrustDecision = 'once' | 'always' | 'reject';

/** "Do you trust this certificate?", raised while connecting. */
export interface CertificateQuestionView {
  /** Answer with `answerCertificate({ questionId: id, decision })`. */
  readonly id: string;
  /** The session being opened; null for a transfer connection. */
  readonly sessionId: string | null;
  readonly host: string;
  readonly port: number;
  readonly certificate: CertificateInfo;
  /** Why it is not trusted, in words. */
  readonly reason: string;
  /** The fingerprint pinned before, when this is a CHANGED certificate on a known site (a red warning). */
  readonly previousFingerprint: string | null;
}

/**
 * "“NAME” was changed. Upload it back?", raised when the local copy of a file opened with `remoteOpen` was
 * saved with different content (View/Edit, as in FileZilla and WinSCP). One question per file at a time;
 * changes made while it is open are covered by it (an upload sends the file as it is then).
 */
export interface EditedFileQuestion {
  /** Answer with `answerEditedFile({ questionId: id, action })`. */
  readonly id: string;
  /** The browsing session the file was opened from; the question is withdrawn when it closes. */
  readonly sessionId: string;
  /** The file's name, as the dialog's title shows it. */
  readonly name: string;
  /** The local copy the user edited (in Wharf's temporary folder, not one of the user's folders). */
  readonly localPath: string;
  readonly remotePath: string;
  /** The session's label (the site's name, or `user@host`), for "Upload it back to SERVER:/path?". */
  readonly server: string;
  /** The local copy now. */
  readonly local: FileFacts;
  /** The server's file when it was opened (or last uploaded back). */
  readonly remoteBefore: FileFacts;
  /** The server's file now; null when it is gone or could not be checked (then `remoteChanged` is true). */
  readonly remoteNow: FileFacts | null;
  /**
   * The server's file changed since it was opened (size or modification time differ), or could not be
   * checked: uploading would overwrite someone else's change, so the dialog's default is not to upload.
   */
  readonly remoteChanged: boolean;
}

/**
 * The answer to an `EditedFileQuestion`: `upload` queues an upload overwriting the server's file (and keeps
 * watching), `ignore` does not upload (and asks again at the next change), `stop` does not upload and stops
 * watching this file.
 */
export type EditedFileAction = 'upload' | 'ignore' | 'stop';

/**
 * A question main asks with a few named answers: going on past a recursion budget, opening a file the OS
 * would run. The dialog shows `title`, `message` and one button per choice; Escape answers `cancelChoice`.
 */
export interface ChoiceQuestion {
  /** Answer with `answerChoice({ questionId: id, choice })`. */
  readonly id: string;
  /** What it is about, for tests and styling: `expansion-budget`, `open-executable`. */
  readonly topic: 'expansion-budget' | 'open-executable';
  readonly title: string;
  readonly message: string;
  /** The buttons, in order; the first is the default. */
  readonly choices: readonly { readonly id: string; readonly label: string }[];
  /** The choice Escape or closing the dialog stands for (the safe one). */
  readonly cancelChoice: string;
}

/** Any open question; `questionsPending` lists them so a reloaded window shows the dialog again. */
export type PendingQuestion =
  | ({ readonly kind: 'certificate' } & CertificateQuestionView)
  | ({ readonly kind: 'overwrite' } & OverwriteQuestion)
  | ({ readonly kind: 'edited-file' } & EditedFileQuestion)
  | ({ readonly kind: 'choice' } & ChoiceQuestion);

/** Why a question went away without (or with) an answer, so the renderer closes its dialog. */
export interface QuestionClosed {
  readonly questionId: string;
  readonly reason: 'answered' | 'cancelled';
}

// ---------------------------------------------------------------------------------------------------------
// App

/** Facts about the running app the renderer shows or adapts to. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** `process.platform` of main: shortcuts and path display differ on darwin and win32. */
  readonly platform: string;
  /** 'electron' in the app, 'bridge' under the end-to-end test host. */
  readonly host: 'electron' | 'bridge';
}

/** A batch of log lines (main batches them so a busy queue never floods IPC). */
export interface LogBatch {
  readonly lines: readonly LogLine[];
}
