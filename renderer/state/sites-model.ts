/**
 * The site manager's pure side: the folder tree with search, the editable draft of a site (port following
 * the protocol until the user types one), validation, and the create/update requests made from a draft.
 */
import type { KeychainStatus, SitesListing } from '../../common/ipc/payloads';
import { parseProxyUrl, type SiteProxyMode } from '../../common/models/proxy';
import { defaultPortFor, PROTOCOL_NAMES, type DataConnectionMode, type FtpsMode, type MinTlsVersion } from '../../common/models/site';
import {
  changesPasswordServer,
  DEFAULT_ALLOW_CLEAR_DATA,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
  DEFAULT_KEEP_MODIFIED_TIMES,
  DEFAULT_SEGMENTS,
  MAX_CONNECTIONS_LIMIT,
  MAX_SEGMENTS,
  MAX_TIMEZONE_OFFSET_MINUTES,
  type PasswordStorage,
  type PinnedCertificate,
  type SiteCreateInput,
  type SiteProfile,
  type SiteReconnectSetting,
  type SiteUpdateInput,
} from '../../common/models/site-profile';

/** The sites mirror: the tree main pushed, whether the keychain works, and the pinned certificates. */
export interface SitesState {
  readonly listing: SitesListing | null;
  readonly keychain: KeychainStatus | null;
  /** Always-trusted certificates, read when their list is shown; null before. */
  readonly pinned: readonly PinnedCertificate[] | null;
}

/** Nothing loaded yet. */
export const initialSites: SitesState = { listing: null, keychain: null, pinned: null };

/** The protocol choices, in the order and words the site manager and quick connect offer them. */
export const PROTOCOL_CHOICES: readonly { readonly value: FtpsMode; readonly label: string; readonly short: string }[] = [
  { value: 'explicit', label: `${PROTOCOL_NAMES.explicit} (AUTH TLS)`, short: PROTOCOL_NAMES.explicit },
  { value: 'implicit', label: `${PROTOCOL_NAMES.implicit} (legacy, port 990)`, short: PROTOCOL_NAMES.implicit },
  { value: 'plain', label: PROTOCOL_NAMES.plain, short: PROTOCOL_NAMES.plain },
];

/** The hint beside the protocol: why explicit is the standard and implicit the legacy one. */
export const PROTOCOL_HINT =
  'Explicit FTPS starts as plain FTP on port 21 and upgrades the connection with AUTH TLS before anything secret is sent, as RFC 4217 specifies. ' +
  'Implicit FTPS negotiates TLS immediately on port 990; it is not defined by any RFC and exists for old servers.';

/** The site manager's checkbox for `uploadViaTemporaryName`. */
export const UPLOAD_VIA_TEMPORARY_NAME_LABEL = 'Upload via a temporary name';

/** The site manager's checkbox for `keepModifiedTimes`, and why it is on. */
export const KEEP_MODIFIED_TIMES_LABEL = 'Keep modification times on upload';
export const KEEP_MODIFIED_TIMES_HINT =
  'After each upload the server file gets the local file\'s modification time (MFMT, else SITE UTIME), so compare and sync do not see files just uploaded as newer on the server.';

/** The site manager's choice for `segments`: off, or up to N ranges at once; and what it does. */
export const SEGMENTS_LABEL = 'Big downloads in segments';
export const SEGMENTS_HINT =
  'A download over 64 MiB is fetched in several ranges at once (REST on each), on connections of this site that are free, never more than its maximum connections; one file, verified as a whole. ' +
  'Turn it off for servers that forbid several connections or REST.';
export const SEGMENTS_CHOICES: readonly { readonly value: string; readonly label: string }[] = [
  { value: '0', label: 'Off (one stream per file)' },
  ...Array.from({ length: MAX_SEGMENTS - 1 }, (_, i) => ({ value: String(i + 2), label: `Up to ${i + 2} at once` })),
];

/** Why the checkbox is there and when to untick it. */
export const UPLOAD_VIA_TEMPORARY_NAME_HINT =
  'Each upload is written as NAME.wharf-part and renamed to NAME only once it is complete and verified, so an interrupted upload never leaves a partial file under the real name. ' +
  'Turn it off for servers that do not allow renaming (some upload-only drop boxes).';

/** Why "Allow unencrypted file data" is off by default and when to tick it. */
export const ALLOW_CLEAR_DATA_HINT =
  'Off: a server that refuses to encrypt data connections (PROT P) is refused, since listings and files would travel unencrypted. ' +
  'Turn it on only for an old server that cannot encrypt them and files that need no secrecy; user name and password stay encrypted either way.';

/** The warning shown whenever plain FTP is chosen. */
export const PLAIN_FTP_WARNING = 'Plain FTP is not encrypted: your password and your files travel over the network in clear text, readable by anyone on the way.';

/** The port a protocol field shows: the protocol's default while it follows, the user's own otherwise. */
export function followPort(protocol: FtpsMode, port: string, portEdited: boolean): string {
  return portEdited ? port : String(defaultPortFor(protocol));
}

/** The site being edited, as form fields (numbers as typed text). */
export interface SiteDraft {
  /** null for a site not saved yet. */
  readonly id: string | null;
  readonly name: string;
  readonly folderPath: readonly string[];
  readonly protocol: FtpsMode;
  readonly host: string;
  readonly port: string;
  /** True once the user typed a port of their own: it no longer follows the protocol. */
  readonly portEdited: boolean;
  readonly user: string;
  readonly passwordStorage: PasswordStorage;
  /** Typed password; '' keeps the saved one (if any). */
  readonly password: string;
  /** Whether the keychain holds one now (from the profile). */
  readonly hasPassword: boolean;
  /** The user agreed to keep the saved password though the site now points at another server. */
  readonly keepPassword: boolean;
  readonly dataMode: DataConnectionMode;
  readonly localDir: string;
  readonly remoteDir: string;
  readonly encoding: string;
  readonly maxConnections: string;
  readonly timezoneOffsetMinutes: string;
  readonly minTlsVersion: MinTlsVersion;
  readonly uploadViaTemporaryName: boolean;
  readonly keepModifiedTimes: boolean;
  /** 0 (off) or 2..MAX_SEGMENTS, as the select offers it. */
  readonly segments: string;
  /** Client certificate (PEM or PKCS#12) and key paths; '' for none. */
  readonly clientCertPath: string;
  readonly clientKeyPath: string;
  /** Typed passphrase of the client key; '' keeps the saved one (if any). */
  readonly clientKeyPassphrase: string;
  readonly proxyMode: SiteProxyMode;
  readonly proxyUrl: string;
  /** Typed password of the custom proxy; '' keeps the saved one (if any). */
  readonly proxyPassword: string;
  readonly allowClearData: boolean;
  readonly comments: string;
}

/** A new site in a folder; "ask on connect" when the keychain cannot hold passwords. */
export function newDraft(folderPath: readonly string[], keychainAvailable: boolean, name = 'New site'): SiteDraft {
  return {
    id: null,
    name,
    folderPath,
    protocol: 'explicit',
    host: '',
    port: '21',
    portEdited: false,
    user: '',
    passwordStorage: keychainAvailable ? 'keychain' : 'ask',
    password: '',
    hasPassword: false,
    keepPassword: false,
    dataMode: 'passive',
    localDir: '',
    remoteDir: '',
    encoding: 'utf8',
    maxConnections: String(DEFAULT_MAX_CONNECTIONS),
    timezoneOffsetMinutes: '0',
    minTlsVersion: 'TLSv1.2',
    uploadViaTemporaryName: DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
    keepModifiedTimes: DEFAULT_KEEP_MODIFIED_TIMES,
    segments: String(DEFAULT_SEGMENTS),
    ...NO_CONNECTIVITY,
    allowClearData: DEFAULT_ALLOW_CLEAR_DATA,
    comments: '',
  };
}

/** A site's connectivity fields before anything is chosen: no certificate, the app-wide proxy. */
const NO_CONNECTIVITY = { clientCertPath: '', clientKeyPath: '', clientKeyPassphrase: '', proxyMode: 'app', proxyUrl: '', proxyPassword: '' } as const;

/** A saved site as form fields. */
export function draftFromSite(site: SiteProfile): SiteDraft {
  return {
    id: site.id,
    name: site.name,
    folderPath: site.folderPath,
    protocol: site.protocol,
    host: site.host,
    port: String(site.port),
    portEdited: !site.portFollowsProtocol,
    user: site.user,
    passwordStorage: site.passwordStorage,
    password: '',
    hasPassword: site.hasPassword,
    keepPassword: false,
    dataMode: site.dataMode,
    localDir: site.localDir,
    remoteDir: site.remoteDir,
    encoding: site.encoding,
    maxConnections: String(site.maxConnections),
    timezoneOffsetMinutes: String(site.timezoneOffsetMinutes),
    minTlsVersion: site.minTlsVersion,
    uploadViaTemporaryName: site.uploadViaTemporaryName,
    keepModifiedTimes: site.keepModifiedTimes,
    segments: String(site.segments > 1 ? site.segments : 0),
    ...NO_CONNECTIVITY,
    clientCertPath: site.clientCertPath ?? '',
    clientKeyPath: site.clientKeyPath ?? '',
    proxyMode: site.proxyMode ?? 'app',
    proxyUrl: site.proxyUrl ?? '',
    allowClearData: site.allowClearData,
    comments: site.comments,
  };
}

/**
 * The draft after main pushed a newer copy of its site (a move, a rename elsewhere): what the user changed
 * since `before` stays as typed; everything else takes the new copy's value. The typed password stays.
 */
export function rebaseDraft(draft: SiteDraft, before: SiteProfile, after: SiteProfile): SiteDraft {
  const old = draftFromSite(before);
  const merged: Record<string, unknown> = { ...draftFromSite(after) };
  for (const key of Object.keys(draft) as (keyof SiteDraft)[]) {
    const changed = key === 'folderPath' ? folderKey(draft.folderPath) !== folderKey(old.folderPath) : draft[key] !== old[key];
    if (changed) merged[key] = draft[key];
  }
  return merged as unknown as SiteDraft;
}

/** A new protocol: the port follows it (21 or 990) unless the user typed one. */
export function withProtocol(draft: SiteDraft, protocol: FtpsMode): SiteDraft {
  return { ...draft, protocol, port: followPort(protocol, draft.port, draft.portEdited) };
}

/** A typed port: from now on it is the user's own; clearing it makes it follow the protocol again. */
export function withPort(draft: SiteDraft, port: string): SiteDraft {
  const text = port.replace(/[^0-9]/g, '').slice(0, 5);
  if (text === '') return { ...draft, port: '', portEdited: false };
  return { ...draft, port: text, portEdited: true };
}

/** Field errors of a draft, by field name; empty when it can be saved. */
export function validateDraft(draft: SiteDraft): Partial<Record<keyof SiteDraft, string>> {
  const errors: Partial<Record<keyof SiteDraft, string>> = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'A name is required.';
  else if (name.includes('/')) errors.name = 'Names cannot contain "/".';
  const host = draft.host.trim();
  if (!host) errors.host = 'A host is required.';
  else if (/[\s/@]/.test(host)) errors.host = 'A host cannot contain spaces, "/" or "@".';
  const port = effectivePort(draft);
  if (!Number.isInteger(port) || port < 1 || port > 65535) errors.port = 'A port is a number from 1 to 65535.';
  const max = Number(draft.maxConnections);
  if (!Number.isInteger(max) || max < 1 || max > MAX_CONNECTIONS_LIMIT) errors.maxConnections = `From 1 to ${MAX_CONNECTIONS_LIMIT}.`;
  const tz = Number(draft.timezoneOffsetMinutes);
  if (!Number.isInteger(tz) || Math.abs(tz) > MAX_TIMEZONE_OFFSET_MINUTES) errors.timezoneOffsetMinutes = 'Minutes, from -1440 to 1440.';
  if (!/^[A-Za-z0-9_.:-]+$/.test(draft.encoding.trim())) errors.encoding = 'A charset such as utf8, latin1 or windows-1251.';
  if (/[\r\n]/.test(draft.user)) errors.user = 'No line breaks.';
  if ([...draft.password].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) errors.password = 'A password cannot contain line breaks or control characters.';
  if (draft.proxyMode === 'custom') {
    const parsed = draft.proxyUrl.trim() === '' ? { error: 'Enter the proxy address, such as socks5://proxy.example:1080.' } : parseProxyUrl(draft.proxyUrl);
    if ('error' in parsed) errors.proxyUrl = parsed.error;
    else if (parsed.password !== null) errors.proxyUrl = 'Leave the password out of the address: enter it in the proxy password field.';
  }
  if (draft.clientKeyPath.trim() !== '' && draft.clientCertPath.trim() === '') errors.clientCertPath = 'Choose the certificate that goes with the key.';
  return errors;
}

/** The port that will be used. */
export function effectivePort(draft: SiteDraft): number {
  return draft.portEdited ? Number(draft.port) : defaultPortFor(draft.protocol);
}

/** The request that creates the draft's site; the password only with keychain storage. */
export function toCreateInput(draft: SiteDraft): SiteCreateInput {
  return {
    name: draft.name.trim(),
    folderPath: draft.folderPath,
    protocol: draft.protocol,
    host: draft.host.trim(),
    ...(draft.portEdited ? { port: Number(draft.port), portFollowsProtocol: false } : { portFollowsProtocol: true }),
    user: draft.user,
    passwordStorage: draft.passwordStorage,
    ...(draft.passwordStorage === 'keychain' && draft.password !== '' ? { password: draft.password } : {}),
    dataMode: draft.dataMode,
    localDir: draft.localDir,
    remoteDir: draft.remoteDir,
    encoding: draft.encoding.trim(),
    maxConnections: Number(draft.maxConnections),
    timezoneOffsetMinutes: Number(draft.timezoneOffsetMinutes),
    minTlsVersion: draft.minTlsVersion,
    uploadViaTemporaryName: draft.uploadViaTemporaryName,
    keepModifiedTimes: draft.keepModifiedTimes,
    segments: Number(draft.segments),
    clientCertPath: draft.clientCertPath.trim(),
    clientKeyPath: draft.clientKeyPath.trim(),
    ...(draft.clientKeyPassphrase !== '' ? { clientKeyPassphrase: draft.clientKeyPassphrase } : {}),
    proxyMode: draft.proxyMode,
    proxyUrl: draft.proxyMode === 'custom' ? draft.proxyUrl.trim() : '',
    ...(draft.proxyMode === 'custom' && draft.proxyPassword !== '' ? { proxyPassword: draft.proxyPassword } : {}),
    allowClearData: draft.allowClearData,
    comments: draft.comments,
  };
}

/**
 * Whether saving the draft would point the site's saved password at another server (host, port, user or
 * protocol changed, no new password typed): it is then forgotten unless the user keeps it.
 */
export function passwordLeavesItsServer(draft: SiteDraft, site: SiteProfile): boolean {
  if (!site.hasPassword || site.passwordStorage !== 'keychain' || draft.passwordStorage !== 'keychain' || draft.password !== '') return false;
  return changesPasswordServer(site, { host: draft.host.trim(), port: effectivePort(draft), user: draft.user, protocol: draft.protocol });
}

/** The changes that make `site` what the draft says; a typed password replaces the saved one. */
export function toUpdateInput(draft: SiteDraft, site: SiteProfile): SiteUpdateInput {
  const changes: { -readonly [K in keyof SiteUpdateInput]: SiteUpdateInput[K] } = {};
  const name = draft.name.trim();
  if (name !== site.name) changes.name = name;
  if (draft.protocol !== site.protocol) changes.protocol = draft.protocol;
  if (draft.host.trim() !== site.host) changes.host = draft.host.trim();
  if (draft.portEdited !== !site.portFollowsProtocol) changes.portFollowsProtocol = !draft.portEdited;
  if (draft.portEdited && Number(draft.port) !== site.port) changes.port = Number(draft.port);
  if (draft.user !== site.user) changes.user = draft.user;
  if (draft.passwordStorage !== site.passwordStorage) changes.passwordStorage = draft.passwordStorage;
  if (draft.passwordStorage === 'keychain' && draft.password !== '') changes.password = draft.password;
  if (draft.keepPassword && passwordLeavesItsServer(draft, site)) changes.keepPassword = true;
  if (draft.dataMode !== site.dataMode) changes.dataMode = draft.dataMode;
  if (draft.localDir !== site.localDir) changes.localDir = draft.localDir;
  if (draft.remoteDir !== site.remoteDir) changes.remoteDir = draft.remoteDir;
  if (draft.encoding.trim() !== site.encoding) changes.encoding = draft.encoding.trim();
  if (Number(draft.maxConnections) !== site.maxConnections) changes.maxConnections = Number(draft.maxConnections);
  if (Number(draft.timezoneOffsetMinutes) !== site.timezoneOffsetMinutes) changes.timezoneOffsetMinutes = Number(draft.timezoneOffsetMinutes);
  if (draft.minTlsVersion !== site.minTlsVersion) changes.minTlsVersion = draft.minTlsVersion;
  if (draft.uploadViaTemporaryName !== site.uploadViaTemporaryName) changes.uploadViaTemporaryName = draft.uploadViaTemporaryName;
  if (draft.keepModifiedTimes !== site.keepModifiedTimes) changes.keepModifiedTimes = draft.keepModifiedTimes;
  if (Number(draft.segments) !== (site.segments > 1 ? site.segments : 0)) changes.segments = Number(draft.segments);
  if (draft.clientCertPath.trim() !== (site.clientCertPath ?? '')) changes.clientCertPath = draft.clientCertPath.trim();
  if (draft.clientKeyPath.trim() !== (site.clientKeyPath ?? '')) changes.clientKeyPath = draft.clientKeyPath.trim();
  if (draft.clientKeyPassphrase !== '') changes.clientKeyPassphrase = draft.clientKeyPassphrase;
  if (draft.proxyMode !== (site.proxyMode ?? 'app')) changes.proxyMode = draft.proxyMode;
  const proxyUrl = draft.proxyMode === 'custom' ? draft.proxyUrl.trim() : '';
  if (proxyUrl !== (site.proxyUrl ?? '')) changes.proxyUrl = proxyUrl;
  if (draft.proxyMode === 'custom' && draft.proxyPassword !== '') changes.proxyPassword = draft.proxyPassword;
  if (draft.allowClearData !== site.allowClearData) changes.allowClearData = draft.allowClearData;
  if (draft.comments !== site.comments) changes.comments = draft.comments;
  return changes;
}

/** The settings an open connection keeps until it reconnects, as the notice names them. */
const RECONNECT_SETTING_WORDS: Record<SiteReconnectSetting, string> = {
  protocol: 'protocol',
  host: 'host',
  port: 'port',
  user: 'user',
  password: 'password',
  dataMode: 'data connection mode',
  encoding: 'charset',
  minTlsVersion: 'minimum TLS version',
  clientCertPath: 'client certificate',
  clientKeyPath: 'client key',
  proxyMode: 'proxy',
  proxyUrl: 'proxy address',
  allowClearData: 'unencrypted file data setting',
};

/**
 * The notice shown when a site was saved while connected to it and some changes wait for a new connection
 * (settingsAwaitingReconnect); the others have already reached the open connection and the queue.
 */
export function reconnectNotice(siteName: string, settings: readonly SiteReconnectSetting[]): { readonly title: string; readonly message: string } {
  const words = settings.map((s) => RECONNECT_SETTING_WORDS[s]);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
  return {
    title: `Reconnect to apply: ${siteName}`,
    message: `The new ${list} ${words.length > 1 ? 'apply' : 'applies'} the next time you connect; the open connection keeps using the old ${words.length > 1 ? 'ones' : 'one'}. Other settings apply at once.`,
  };
}

/** One row of the site tree as drawn. */
export type SiteTreeRow =
  | { readonly kind: 'folder'; readonly key: string; readonly depth: number; readonly path: readonly string[]; readonly name: string; readonly expanded: boolean }
  | { readonly kind: 'site'; readonly key: string; readonly depth: number; readonly site: SiteProfile };

/** A folder path as a key for the expanded set. */
export function folderKey(path: readonly string[]): string {
  return path.join('\u0000');
}

function siteMatches(site: SiteProfile, query: string): boolean {
  return [site.name, site.host, site.user, site.comments].some((s) => s.toLowerCase().includes(query));
}

/** Every folder of the tree: the declared ones and those sites sit in (with their parents). */
export function allFolders(listing: SitesListing | null): (readonly string[])[] {
  if (!listing) return [];
  const folders: (readonly string[])[] = listing.folders.map((f) => [...f]);
  const seen = new Set(folders.map(folderKey));
  for (const site of listing.sites) {
    for (let i = 1; i <= site.folderPath.length; i++) {
      const prefix = site.folderPath.slice(0, i);
      if (!seen.has(folderKey(prefix))) {
        seen.add(folderKey(prefix));
        folders.push(prefix);
      }
    }
  }
  return folders;
}

/** Whether `path` is `folder` itself or lies inside it. */
export function isWithinFolder(path: readonly string[], folder: readonly string[]): boolean {
  return path.length >= folder.length && folder.every((part, i) => path[i] === part);
}

/** What a folder holds, at any depth: deleting it deletes all of this (the renderer confirms first). */
export function folderContents(listing: SitesListing | null, folder: readonly string[]): { readonly sites: number; readonly folders: number } {
  if (!listing) return { sites: 0, folders: 0 };
  return {
    sites: listing.sites.filter((s) => isWithinFolder(s.folderPath, folder)).length,
    folders: allFolders(listing).filter((f) => f.length > folder.length && isWithinFolder(f, folder)).length,
  };
}

/** The folders a site can be moved to, for a select: the top level first, then every folder in tree order. */
export function folderChoices(listing: SitesListing | null): { readonly key: string; readonly path: readonly string[]; readonly label: string }[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const sorted = allFolders(listing).sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = collator.compare(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  });
  return [{ key: folderKey([]), path: [], label: 'Top level' }, ...sorted.map((f) => ({ key: folderKey(f), path: f, label: f.join(' / ') }))];
}

/**
 * Why a folder name cannot be used in `parent` (null when it can): empty, a "/" or a sibling of the same
 * name in any letter case (as the store refuses). `current` is the folder being renamed.
 */
export function validateFolderName(listing: SitesListing | null, parent: readonly string[], name: string, current?: readonly string[]): string | null {
  const n = name.trim();
  if (!n) return 'A name is required.';
  if (n.includes('/')) return 'Names cannot contain "/".';
  if ([...n].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return 'Names cannot contain control characters.';
  const taken = allFolders(listing).some(
    (f) => f.length === parent.length + 1 && isWithinFolder(f, parent) && f[parent.length]!.toLowerCase() === n.toLowerCase() && (!current || folderKey(f) !== folderKey(current)),
  );
  return taken ? `A folder named “${n}” already exists there.` : null;
}

/**
 * The tree as rows, folders before sites at each level. Without a search, collapsed folders hide their
 * content; with one, only matching sites (and folders whose name matches) show, with their folders open.
 */
export function siteTreeRows(listing: SitesListing | null, expanded: ReadonlySet<string>, search: string): SiteTreeRow[] {
  if (!listing) return [];
  const query = search.trim().toLowerCase();
  const folders = allFolders(listing);
  let visibleSites = listing.sites;
  let visibleFolders = folders;
  if (query) {
    const matchingFolders = folders.filter((f) => (f[f.length - 1] ?? '').toLowerCase().includes(query));
    const underMatching = (path: readonly string[]) => matchingFolders.some((m) => m.every((part, i) => path[i] === part) && path.length >= m.length);
    visibleSites = listing.sites.filter((s) => siteMatches(s, query) || underMatching(s.folderPath));
    const needed = new Set<string>();
    for (const s of visibleSites) for (let i = 1; i <= s.folderPath.length; i++) needed.add(folderKey(s.folderPath.slice(0, i)));
    for (const m of matchingFolders) for (let i = 1; i <= m.length; i++) needed.add(folderKey(m.slice(0, i)));
    visibleFolders = folders.filter((f) => needed.has(folderKey(f)));
  }
  const rows: SiteTreeRow[] = [];
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const walk = (parent: readonly string[], depth: number) => {
    const children = visibleFolders
      .filter((f) => f.length === parent.length + 1 && parent.every((p, i) => f[i] === p))
      .sort((a, b) => collator.compare(a[a.length - 1] ?? '', b[b.length - 1] ?? ''));
    for (const f of children) {
      const key = folderKey(f);
      const open = query !== '' || expanded.has(key);
      rows.push({ kind: 'folder', key: `f:${key}`, depth, path: f, name: f[f.length - 1] ?? '', expanded: open });
      if (open) walk(f, depth + 1);
    }
    const sites = visibleSites
      .filter((s) => folderKey(s.folderPath) === folderKey(parent))
      .sort((a, b) => collator.compare(a.name, b.name));
    for (const site of sites) rows.push({ kind: 'site', key: `s:${site.id}`, depth, site });
  };
  walk([], 0);
  return rows;
}
