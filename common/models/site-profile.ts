import type { SiteProxyMode } from './proxy';
import type { ConnectionTarget, DataConnectionMode, FtpsMode, MinTlsVersion } from './site';

/**
 * Where a site's password lives. `keychain`: the OS keychain, entry per site id (never a file);
 * `ask`: nowhere, the user types it on connect (the choice offered when the keychain is unavailable).
 */
export type PasswordStorage = 'keychain' | 'ask';

/** Default for `uploadViaTemporaryName`: on, so no partial upload ever sits under its final name. */
export const DEFAULT_UPLOAD_VIA_TEMPORARY_NAME = true;

/** Default for `keepModifiedTimes`: on, so a file uploaded keeps its local modification time (MFMT / SITE UTIME). */
export const DEFAULT_KEEP_MODIFIED_TIMES = true;

/**
 * Default for `segments`: a big download may be fetched in up to 4 ranges at once, on connections of the
 * site's pool that are free (never beyond `maxConnections`). 0 turns it off.
 */
export const DEFAULT_SEGMENTS = 4;

/** Upper bound for `segments`: no more ranges than a site may have connections. */
export const MAX_SEGMENTS = 10;

/** The default for a site: off where only one connection is allowed (servers that forbid several), else DEFAULT_SEGMENTS. */
export function defaultSegmentsFor(maxConnections: number): number {
  return maxConnections <= 1 ? 0 : DEFAULT_SEGMENTS;
}

/** Default for `allowClearData`: off, so a server refusing PROT P is refused rather than used in clear. */
export const DEFAULT_ALLOW_CLEAR_DATA = false;

/** The site manager's words for `allowClearData`; the doctor names the setting by them. */
export const ALLOW_CLEAR_DATA_LABEL = 'Allow unencrypted file data';

/** Default for `maxConnections`: two, so browsing and one transfer can run without a third login. */
export const DEFAULT_MAX_CONNECTIONS = 2;

/** Upper bound for `maxConnections`: servers ban clients that open many more (pure-ftpd's per-IP limit). */
export const MAX_CONNECTIONS_LIMIT = 10;

/** FileZilla allows -24 h to +24 h; we keep the same range so every imported site fits. */
export const MAX_TIMEZONE_OFFSET_MINUTES = 24 * 60;

/**
 * A saved site as the site manager, the CLI and the engine see it: plain readonly data. It never holds a
 * password; `hasPassword` is read from the keychain each time sites are listed.
 */
export interface SiteProfile {
  /** A random UUID; also the keychain account, so renaming or moving a site keeps its password. */
  readonly id: string;
  readonly name: string;
  /** Folder names from the root of the tree down to the site's folder; empty for the root. */
  readonly folderPath: readonly string[];
  readonly protocol: FtpsMode;
  readonly host: string;
  /** default 21, or 990 for implicit FTPS */
  readonly port: number;
  /** True while the port follows the protocol (21/990); false once the user typed a port of their own. */
  readonly portFollowsProtocol: boolean;
  readonly user: string;
  readonly passwordStorage: PasswordStorage;
  /** Whether the keychain holds a password for this site; false when storage is `ask` or the keychain is unavailable. */
  readonly hasPassword: boolean;
  /** default passive */
  readonly dataMode: DataConnectionMode;
  /** Local folder the left pane opens on connect; '' for the user's default. */
  readonly localDir: string;
  /** Remote folder to change to after login; '' for the server's home folder. */
  readonly remoteDir: string;
  /** Control connection charset: 'utf8' (default), 'latin1' or a WHATWG label such as 'windows-1251'. */
  readonly encoding: string;
  /** Connections the transfer queue may open to this site, 1-10; default 2. */
  readonly maxConnections: number;
  /** Listing times are shifted by this many minutes (servers that report local time); default 0. */
  readonly timezoneOffsetMinutes: number;
  /** default TLSv1.2 */
  readonly minTlsVersion: MinTlsVersion;
  /**
   * Uploads go to `NAME.wharf-part` and are renamed to NAME once complete and verified, so a cut upload
   * never leaves a partial file under the real name (WinSCP's "transfer to temporary filename"). Off for
   * servers that refuse renames (some upload-only drop boxes): uploads then write NAME directly. default true
   */
  readonly uploadViaTemporaryName: boolean;
  /**
   * After an upload, set the server file's modification time to the local file's (MFMT, else SITE UTIME),
   * so compare and sync do not see files just uploaded as newer on the server. default true
   */
  readonly keepModifiedTimes: boolean;
  /**
   * Segmented downloads: a big file is fetched in up to this many ranges at once (REST on each), on free
   * connections of the site's pool; 0 (or 1): off, one stream per file, for servers that forbid several
   * connections or REST. default DEFAULT_SEGMENTS, 0 for a site allowed one connection.
   */
  readonly segments: number;
  /**
   * A client certificate for mutual TLS: a PEM certificate, or a PKCS#12 file (.p12/.pfx) holding the key
   * too; '' (or absent in sites saved before #18) for none. Its key's passphrase lives in the keychain
   * (account `<id>:client-key`), or is asked on connect.
   */
  readonly clientCertPath?: string;
  /** The PEM private key of `clientCertPath`; '' when the certificate file holds it (PKCS#12, or a combined PEM). */
  readonly clientKeyPath?: string;
  /** How to reach the server: `app` (the app-wide proxy setting, the default), `none`, `system` or `custom`. */
  readonly proxyMode?: SiteProxyMode;
  /** With `custom`: `socks5://[user@]host:port` or `http://[user@]host:port`; its password in the keychain (account `<id>:proxy`). */
  readonly proxyUrl?: string;
  /**
   * Connect even when the server refuses PROT P: listings and file contents then travel unencrypted (user
   * name and password still do not). For old servers that cannot protect data connections. default false
   */
  readonly allowClearData: boolean;
  readonly comments: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly updatedAt: string;
}

/**
 * What the site manager or the CLI sends to create a site. Everything but name and host has a default. The
 * password travels here once, from the renderer to main, and goes straight into the keychain.
 */
export interface SiteCreateInput {
  readonly name: string;
  /** default [] (the root) */
  readonly folderPath?: readonly string[];
  /** default 'explicit' */
  readonly protocol?: FtpsMode;
  readonly host: string;
  /** default: follows the protocol (21, or 990 for implicit) */
  readonly port?: number;
  /**
   * true: the port follows the protocol and `port` is ignored. false: `port` is the user's own.
   * Absent: follows when `port` is absent or equals the protocol's default.
   */
  readonly portFollowsProtocol?: boolean;
  /** default '' */
  readonly user?: string;
  /** default 'keychain' */
  readonly passwordStorage?: PasswordStorage;
  /** Saved in the keychain, never on disk; only with passwordStorage 'keychain'. */
  readonly password?: string;
  /** default 'passive' */
  readonly dataMode?: DataConnectionMode;
  readonly localDir?: string;
  readonly remoteDir?: string;
  /** default 'utf8' */
  readonly encoding?: string;
  /** default 2 */
  readonly maxConnections?: number;
  /** default 0 */
  readonly timezoneOffsetMinutes?: number;
  /** default 'TLSv1.2' */
  readonly minTlsVersion?: MinTlsVersion;
  /** default true */
  readonly uploadViaTemporaryName?: boolean;
  /** default true */
  readonly keepModifiedTimes?: boolean;
  /** default DEFAULT_SEGMENTS, 0 where maxConnections is 1 */
  readonly segments?: number;
  /** default '' (none) */
  readonly clientCertPath?: string;
  /** default '' */
  readonly clientKeyPath?: string;
  /** Saved in the keychain, never on disk. */
  readonly clientKeyPassphrase?: string;
  /** default 'app' */
  readonly proxyMode?: SiteProxyMode;
  /** default '' */
  readonly proxyUrl?: string;
  /** The custom proxy's password; saved in the keychain, never on disk. */
  readonly proxyPassword?: string;
  /** default false */
  readonly allowClearData?: boolean;
  readonly comments?: string;
}

/**
 * Changes to a saved site; absent fields stay as they are. `password`: a string replaces the saved one,
 * null forgets it. Switching `passwordStorage` to 'ask' forgets it too. Folder moves go through
 * moveToFolder so a move and an edit never race.
 */
export interface SiteUpdateInput {
  readonly name?: string;
  readonly protocol?: FtpsMode;
  readonly host?: string;
  readonly port?: number;
  readonly portFollowsProtocol?: boolean;
  readonly user?: string;
  readonly passwordStorage?: PasswordStorage;
  readonly password?: string | null;
  readonly dataMode?: DataConnectionMode;
  readonly localDir?: string;
  readonly remoteDir?: string;
  readonly encoding?: string;
  readonly maxConnections?: number;
  readonly timezoneOffsetMinutes?: number;
  readonly minTlsVersion?: MinTlsVersion;
  readonly uploadViaTemporaryName?: boolean;
  readonly keepModifiedTimes?: boolean;
  readonly segments?: number;
  readonly clientCertPath?: string;
  readonly clientKeyPath?: string;
  /** A string replaces the saved passphrase, null forgets it. */
  readonly clientKeyPassphrase?: string | null;
  readonly proxyMode?: SiteProxyMode;
  readonly proxyUrl?: string;
  /** A string replaces the saved proxy password, null forgets it. */
  readonly proxyPassword?: string | null;
  readonly allowClearData?: boolean;
  readonly comments?: string;
  /**
   * A saved password belongs to the server it was typed for: when host, port, user or protocol change
   * and no new password is given, it is forgotten, unless this is true (the user agreed to send it to the
   * new server). default false
   */
  readonly keepPassword?: boolean;
}

/**
 * Whether an update moves a site to another server, as far as its password is concerned: another host
 * (names compared without case), port, user or protocol. A saved password is not sent there unasked.
 */
export function changesPasswordServer(
  before: Pick<SiteProfile, 'host' | 'port' | 'user' | 'protocol'>,
  after: Pick<SiteProfile, 'host' | 'port' | 'user' | 'protocol'>,
): boolean {
  return before.host.toLowerCase() !== after.host.toLowerCase() || before.port !== after.port || before.user !== after.user || before.protocol !== after.protocol;
}

/** The site tree as the site manager draws it: every folder (empty ones too) and every site. */
export interface SiteTree {
  /** Every folder path, parents before children, sorted by name. */
  readonly folders: readonly (readonly string[])[];
  /** Sorted by folder, then name. */
  readonly sites: readonly SiteProfile[];
}

/**
 * Something the user must hear about a store file (sites, trusted certificates) that did not stop it from
 * working: a damaged file kept as a backup, or an upgrade to a new schema (the old file is kept too).
 */
export interface StoreWarning {
  readonly kind: 'corrupt-file' | 'migrated';
  /** The store file concerned. */
  readonly file: string;
  /** The copy of the file as it was before we touched it. */
  readonly backupPath: string;
  /** One or two sentences for a person. */
  readonly message: string;
  /** Entries that could be read and were kept. */
  readonly recovered: number;
  /** Names (or positions) of entries that could not be read; they survive only in the backup. */
  readonly lost: readonly string[];
}

/** The part of a site the engine connects with: one mapping, so the app and the CLI cannot drift apart. */
export function toConnectionTarget(site: SiteProfile): ConnectionTarget {
  return {
    host: site.host,
    port: site.port,
    mode: site.protocol,
    user: site.user,
    dataMode: site.dataMode,
    minTlsVersion: site.minTlsVersion,
    timezoneOffsetMinutes: site.timezoneOffsetMinutes,
    encoding: site.encoding,
    allowClearData: site.allowClearData,
  };
}

/**
 * Site settings an open connection cannot take over when the site is saved: they decide where and how it
 * logs in (host, port, protocol, user, password, TLS floor), the control connection's charset, already used
 * to read and send every path, and the data connection mode, which the session has already settled (a
 * fallback from EPSV to PASV is kept for its lifetime). They apply from the next connection; the user is
 * told so. Everything else applies at once: the queue's connections and upload setting, the timezone offset
 * (only our listing parser reads it) and the name; the folders and comments are not connection settings.
 */
export const SITE_SETTINGS_APPLIED_ON_RECONNECT = [
  'protocol',
  'host',
  'port',
  'user',
  'password',
  'dataMode',
  'encoding',
  'minTlsVersion',
  'clientCertPath',
  'clientKeyPath',
  'proxyMode',
  'proxyUrl',
  'allowClearData',
] as const satisfies readonly (keyof SiteUpdateInput)[];

/** One of SITE_SETTINGS_APPLIED_ON_RECONNECT. */
export type SiteReconnectSetting = (typeof SITE_SETTINGS_APPLIED_ON_RECONNECT)[number];

/**
 * Which settings an update changed that an open connection keeps until it reconnects: compares the site
 * before and after (so a port that follows the protocol counts as changed), plus a typed password (never
 * returned by main, so only the request shows it).
 */
export function settingsAwaitingReconnect(before: SiteProfile, after: SiteProfile, changes: SiteUpdateInput): SiteReconnectSetting[] {
  return SITE_SETTINGS_APPLIED_ON_RECONNECT.filter((key) => (key === 'password' ? changes.password !== undefined : before[key] !== after[key]));
}

/** Whether a string holds C0 controls or DEL: a CR or LF in a user name or path would inject FTP commands. */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A site an import could not bring over, and why (an SFTP site, a missing host, ...). */
export interface SiteImportSkip {
  readonly name: string;
  readonly folderPath: readonly string[];
  readonly reason: string;
}

/** Something a person should know about an imported site (a setting Wharf has no equivalent for, ...). */
export interface SiteImportNote {
  readonly name: string;
  readonly folderPath: readonly string[];
  readonly note: string;
}

/**
 * What an import file holds, shown before anything is saved so the user can agree to it and decide
 * whether the passwords found move into the keychain. Never carries a password.
 */
export interface SiteImportSummary {
  readonly source: 'filezilla' | 'winscp' | 'cyberduck' | 'wharf';
  /** Sites that can be imported. */
  readonly sitesFound: number;
  readonly foldersFound: number;
  readonly skipped: readonly SiteImportSkip[];
  /** Readable passwords in the file (FileZilla keeps them as plain text or base64, WinSCP obfuscated). */
  readonly passwordsFound: number;
  readonly notes: readonly SiteImportNote[];
  /**
   * FileZilla sites set to "Use explicit FTP over TLS if available": imported as explicit FTPS with TLS
   * required, so a server without TLS is refused rather than used in clear. The preview names them up front.
   */
  readonly tlsIfAvailable?: readonly { readonly name: string; readonly folderPath: readonly string[] }[];
}

/** What an import did once the user agreed. */
export interface SiteImportResult {
  readonly created: readonly SiteProfile[];
  /** Passwords moved into the keychain (0 when the user declined). */
  readonly passwordsSaved: number;
  /** Sites whose name was taken in their folder and got a " (2)" suffix. */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  /** Entries that did not validate once placed (e.g. nested too deep under the target folder). */
  readonly skipped: readonly SiteImportSkip[];
}

/**
 * A certificate the user chose to "always trust" for one host and port (trust on first use). A different
 * certificate there later is a hard stop ('tls-changed') until the user looks at both fingerprints.
 */
export interface PinnedCertificate {
  /** Lower case, IPv6 without brackets. */
  readonly host: string;
  readonly port: number;
  /** `AB:CD:...` upper-case hex, as CertificateInfo and browsers show it. */
  readonly fingerprintSha256: string;
  readonly subject: string;
  /** ISO 8601: when the user chose to trust it. */
  readonly trustedAt: string;
}
