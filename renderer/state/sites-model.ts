/**
 * The site manager's pure side: the folder tree with search, the editable draft of a site (port following
 * the protocol until the user types one), validation, and the create/update requests made from a draft.
 */
import type { KeychainStatus, SitesListing } from '../../common/ipc/payloads';
import { parseProxyUrl, type SiteProxyMode } from '../../common/models/proxy';
import type { MessageId } from '../../common/i18n/catalog';
import { t } from '../../common/i18n/t';
import { defaultPortFor, type DataConnectionMode, type FtpsMode, type MinTlsVersion } from '../../common/models/site';
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
export const PROTOCOL_CHOICES: readonly { readonly value: FtpsMode; readonly label: string; readonly short: string }[] = (['explicit', 'implicit', 'plain'] as const).map((value) => ({
  value,
  // Getters: the words follow the language at the time they are drawn.
  get label() {
    return t(value === 'plain' ? 'siteManager.protocol.plain' : value === 'explicit' ? 'siteManager.protocol.explicit.choice' : 'siteManager.protocol.implicit.choice');
  },
  get short() {
    return protocolName(value);
  },
}));

/** A protocol's name as people read it (FileZilla's terms in German and Japanese). */
export function protocolName(mode: FtpsMode): string {
  return t(mode === 'explicit' ? 'siteManager.protocol.explicit' : mode === 'implicit' ? 'siteManager.protocol.implicit' : 'siteManager.protocol.plain');
}

/** The hint beside the protocol: why explicit is the standard and implicit the legacy one. */
export const protocolHint = (): string => t('siteManager.protocol.hint');

/** The site manager's checkbox for `uploadViaTemporaryName`, and why it is there and when to untick it. */
export const uploadViaTemporaryNameLabel = (): string => t('siteManager.uploadViaTemporaryName');
export const uploadViaTemporaryNameHint = (): string => t('siteManager.uploadViaTemporaryName.hint');

/** The site manager's checkbox for `keepModifiedTimes`, and why it is on. */
export const keepModifiedTimesLabel = (): string => t('siteManager.keepModifiedTimes');
export const keepModifiedTimesHint = (): string => t('siteManager.keepModifiedTimes.hint');

/** "Allow unencrypted file data", and why it is off by default and when to tick it. */
export const allowClearDataLabel = (): string => t('siteManager.allowClearData');
export const allowClearDataHint = (): string => t('siteManager.allowClearData.hint');

/** The site manager's choice for `segments`: off, or up to N ranges at once; and what it does. */
export const segmentsLabel = (): string => t('siteManager.segments');
export const segmentsHint = (): string => t('siteManager.segments.hint');
export const segmentsChoices = (): readonly { readonly value: string; readonly label: string }[] => [
  { value: '0', label: t('siteManager.segments.off') },
  ...Array.from({ length: MAX_SEGMENTS - 1 }, (_, i) => ({ value: String(i + 2), label: t('siteManager.segments.upTo', { count: i + 2 }) })),
];

/** The warning shown whenever plain FTP is chosen. */
export const plainFtpWarning = (): string => t('siteManager.plainWarning');

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
export function newDraft(folderPath: readonly string[], keychainAvailable: boolean, name = t('siteManager.newSite')): SiteDraft {
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
  if (!name) errors.name = t('siteManager.error.nameRequired');
  else if (name.includes('/')) errors.name = t('siteManager.error.nameSlash');
  const host = draft.host.trim();
  if (!host) errors.host = t('siteManager.error.hostRequired');
  else if (/[\s/@]/.test(host)) errors.host = t('siteManager.error.hostChars');
  const port = effectivePort(draft);
  if (!Number.isInteger(port) || port < 1 || port > 65535) errors.port = t('siteManager.error.port');
  const max = Number(draft.maxConnections);
  if (!Number.isInteger(max) || max < 1 || max > MAX_CONNECTIONS_LIMIT) errors.maxConnections = t('siteManager.error.maxConnections', { max: MAX_CONNECTIONS_LIMIT });
  const tz = Number(draft.timezoneOffsetMinutes);
  if (!Number.isInteger(tz) || Math.abs(tz) > MAX_TIMEZONE_OFFSET_MINUTES) errors.timezoneOffsetMinutes = t('siteManager.error.timezone');
  if (!/^[A-Za-z0-9_.:-]+$/.test(draft.encoding.trim())) errors.encoding = t('siteManager.error.charset');
  if (/[\r\n]/.test(draft.user)) errors.user = t('siteManager.error.userLineBreak');
  if ([...draft.password].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) errors.password = t('siteManager.error.passwordControl');
  if (draft.proxyMode === 'custom') {
    const parsed = draft.proxyUrl.trim() === '' ? { error: t('siteManager.error.proxyEmpty') } : parseProxyUrl(draft.proxyUrl);
    if ('error' in parsed) errors.proxyUrl = parsed.error;
    else if (parsed.password !== null) errors.proxyUrl = t('siteManager.error.proxyPasswordInUrl');
  }
  if (draft.clientKeyPath.trim() !== '' && draft.clientCertPath.trim() === '') errors.clientCertPath = t('siteManager.error.keyWithoutCert');
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
const RECONNECT_SETTING_WORDS: Record<SiteReconnectSetting, MessageId> = {
  protocol: 'siteManager.setting.protocol',
  host: 'siteManager.setting.host',
  port: 'siteManager.setting.port',
  user: 'siteManager.setting.user',
  password: 'siteManager.setting.password',
  dataMode: 'siteManager.setting.dataMode',
  encoding: 'siteManager.setting.encoding',
  minTlsVersion: 'siteManager.setting.minTlsVersion',
  clientCertPath: 'siteManager.setting.clientCertPath',
  clientKeyPath: 'siteManager.setting.clientKeyPath',
  proxyMode: 'siteManager.setting.proxyMode',
  proxyUrl: 'siteManager.setting.proxyUrl',
  allowClearData: 'siteManager.setting.allowClearData',
};

/**
 * The notice shown when a site was saved while connected to it and some changes wait for a new connection
 * (settingsAwaitingReconnect); the others have already reached the open connection and the queue.
 */
export function reconnectNotice(siteName: string, settings: readonly SiteReconnectSetting[]): { readonly title: string; readonly message: string } {
  const words = settings.map((s) => t(RECONNECT_SETTING_WORDS[s]));
  let list = words[0] ?? '';
  for (let i = 1; i < words.length; i++) list = t(i === words.length - 1 ? 'siteManager.list.end' : 'siteManager.list.middle', i === words.length - 1 ? { head: list, last: words[i] } : { head: list, next: words[i] });
  return {
    title: t('siteManager.reconnect.title', { site: siteName }),
    message: t('siteManager.reconnect.message', { settings: list, count: words.length }),
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
  return [{ key: folderKey([]), path: [], label: t('siteManager.topLevel') }, ...sorted.map((f) => ({ key: folderKey(f), path: f, label: f.join(' / ') }))];
}

/**
 * Why a folder name cannot be used in `parent` (null when it can): empty, a "/" or a sibling of the same
 * name in any letter case (as the store refuses). `current` is the folder being renamed.
 */
export function validateFolderName(listing: SitesListing | null, parent: readonly string[], name: string, current?: readonly string[]): string | null {
  const n = name.trim();
  if (!n) return t('siteManager.error.nameRequired');
  if (n.includes('/')) return t('siteManager.error.nameSlash');
  if ([...n].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return t('siteManager.error.nameControl');
  const taken = allFolders(listing).some(
    (f) => f.length === parent.length + 1 && isWithinFolder(f, parent) && f[parent.length]!.toLowerCase() === n.toLowerCase() && (!current || folderKey(f) !== folderKey(current)),
  );
  return taken ? t('siteManager.error.folderTaken', { name: n }) : null;
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
