import { t } from '../../common/i18n/t';
import { describeIssues } from '../../common/i18n/zod-issues';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { defaultPortFor } from '../../common/models/site';
import {
  DEFAULT_ALLOW_CLEAR_DATA,
  DEFAULT_KEEP_MODIFIED_TIMES,
  defaultSegmentsFor,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
  type SiteImportSkip,
  type SiteProfile,
} from '../../common/models/site-profile';
import { folderPathSchema, siteCreateInputSchema, siteProfileSchema } from '../../common/models/site-profile-schema';
import { WharfError } from '../core/errors';
import type { Salvaged } from './json-document';
import type { SiteImportPlan } from './site-import-plan';

/*
 * The sites file's document as plain data, for SiteStore (site-store.ts), which adds the file and the
 * keychain: salvaging a damaged file, lookups, the folder tree, free names, display order, new sites and
 * the document side of an import.
 */

/** A site as written to disk: everything but `hasPassword`, which only the keychain knows. */
export type StoredSite = Omit<SiteProfile, 'hasPassword'>;

const storedSiteSchema = siteProfileSchema.omit({ hasPassword: true });

export interface SitesDocument {
  readonly folders: readonly (readonly string[])[];
  readonly sites: readonly StoredSite[];
}

export function salvageSites(doc: unknown): Salvaged<SitesDocument> | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const { sites, folders } = doc as { sites?: unknown; folders?: unknown };
  if (!Array.isArray(sites)) return null;
  const lost: string[] = [];
  const kept: StoredSite[] = [];
  const ids = new Set<string>();
  sites.forEach((entry, index) => {
    const parsed = storedSiteSchema.safeParse(entry);
    const label = describeEntry(entry, index);
    if (!parsed.success) lost.push(label);
    else if (ids.has(parsed.data.id)) lost.push(t('storeWords.duplicateId', { entry: label }));
    else {
      ids.add(parsed.data.id);
      kept.push(parsed.data);
    }
  });
  let folderList: (readonly string[])[] = [];
  if (Array.isArray(folders)) {
    folders.forEach((entry, index) => {
      const parsed = folderPathSchema.min(1).safeParse(entry);
      if (parsed.success) folderList = withFolder(folderList, parsed.data);
      else lost.push(t('storeWords.folder', { number: index + 1 }));
    });
  } else if (folders !== undefined) {
    lost.push(t('storeWords.folderList'));
  }
  for (const site of kept) folderList = withFolder(folderList, site.folderPath);
  return { value: { folders: folderList, sites: kept }, recovered: kept.length, lost };
}

function describeEntry(entry: unknown, index: number): string {
  const name = typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? t('storeWords.namedSite', { name: name.trim().slice(0, 80), number: index + 1 }) : t('storeWords.site', { number: index + 1 });
}

export function findSite(doc: SitesDocument, id: string): StoredSite {
  const site = doc.sites.find((s) => s.id === id);
  if (!site) throw new WharfError('invalid-input', t('sites.noSiteWithId'), { detail: { id: String(id).slice(0, 100) } });
  return site;
}

export function replaceSite(doc: SitesDocument, site: StoredSite): SitesDocument {
  return { folders: doc.folders, sites: doc.sites.map((s) => (s.id === site.id ? site : s)) };
}

export function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase() === b.normalize('NFC').toLocaleLowerCase();
}

export function folderKey(path: readonly string[]): string {
  return path.join('/');
}

export function isUnder(path: readonly string[], folder: readonly string[]): boolean {
  return path.length >= folder.length && folder.every((part, i) => path[i] === part);
}

/** Adds a folder and all its parents, keeping the list free of duplicates. */
export function withFolder(folders: readonly (readonly string[])[], path: readonly string[]): (readonly string[])[] {
  const out = [...folders];
  const keys = new Set(out.map(folderKey));
  for (let depth = 1; depth <= path.length; depth++) {
    const prefix = path.slice(0, depth);
    if (!keys.has(folderKey(prefix))) {
      keys.add(folderKey(prefix));
      out.push(prefix);
    }
  }
  return out;
}

export function siblingFolderTaken(folders: readonly (readonly string[])[], path: readonly string[], except?: readonly string[]): boolean {
  const parent = folderKey(path.slice(0, -1));
  const name = path[path.length - 1] ?? '';
  return folders.some(
    (f) => f.length === path.length && folderKey(f.slice(0, -1)) === parent && sameName(f[f.length - 1] ?? '', name) &&
      (except === undefined || folderKey(f) !== folderKey(except)),
  );
}

export function assertFolderExists(doc: SitesDocument, folder: readonly string[]): void {
  if (!doc.folders.some((f) => folderKey(f) === folderKey(folder))) {
    throw new WharfError('invalid-input', t('sites.noFolder', { folder: folder.join('/') }));
  }
}

export function assertNameFree(doc: SitesDocument, folderPath: readonly string[], name: string, exceptId?: string): void {
  const taken = doc.sites.some((s) => s.id !== exceptId && folderKey(s.folderPath) === folderKey(folderPath) && sameName(s.name, name));
  if (taken) {
    throw new WharfError(
      'invalid-input',
      folderPath.length ? t('sites.siteExistsInFolder', { name, folder: folderPath.join('/') }) : t('sites.siteExistsAtTop', { name }),
    );
  }
}

/** `name`, or `name (2)`, `name (3)`, ... : the first one not taken in the folder. */
export function freeName(doc: SitesDocument, folderPath: readonly string[], name: string): string {
  const taken = (candidate: string) =>
    doc.sites.some((s) => folderKey(s.folderPath) === folderKey(folderPath) && sameName(s.name, candidate));
  if (!taken(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken(candidate)) return candidate;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareFolders(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = collator.compare(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

export function sortFolders(folders: readonly (readonly string[])[]): (readonly string[])[] {
  return [...folders].sort(compareFolders);
}

export function sortSites<T extends StoredSite>(sites: readonly T[]): T[] {
  return [...sites].sort((a, b) => compareFolders(a.folderPath, b.folderPath) || collator.compare(a.name, b.name));
}

/** A new site from checked create input (a new site or an imported one): what the input leaves out takes its default. */
export function newStoredSite(data: z.output<typeof siteCreateInputSchema>, name: string, folderPath: readonly string[], at: string): StoredSite {
  const protocol = data.protocol ?? 'explicit';
  const follows = data.portFollowsProtocol ?? (data.port === undefined || data.port === defaultPortFor(protocol));
  return {
    id: randomUUID(),
    name,
    folderPath,
    protocol,
    host: data.host,
    port: follows ? defaultPortFor(protocol) : (data.port ?? defaultPortFor(protocol)),
    portFollowsProtocol: follows,
    user: data.user ?? '',
    passwordStorage: data.passwordStorage ?? 'keychain',
    dataMode: data.dataMode ?? 'passive',
    localDir: data.localDir ?? '',
    remoteDir: data.remoteDir ?? '',
    encoding: data.encoding ?? 'utf8',
    maxConnections: data.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    timezoneOffsetMinutes: data.timezoneOffsetMinutes ?? 0,
    minTlsVersion: data.minTlsVersion ?? 'TLSv1.2',
    uploadViaTemporaryName: data.uploadViaTemporaryName ?? DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
    keepModifiedTimes: data.keepModifiedTimes ?? DEFAULT_KEEP_MODIFIED_TIMES,
    segments: data.segments ?? defaultSegmentsFor(data.maxConnections ?? DEFAULT_MAX_CONNECTIONS),
    clientCertPath: data.clientCertPath ?? '',
    clientKeyPath: data.clientKeyPath ?? '',
    proxyMode: data.proxyMode ?? 'app',
    proxyUrl: data.proxyUrl ?? '',
    allowClearData: data.allowClearData ?? DEFAULT_ALLOW_CLEAR_DATA,
    comments: data.comments ?? '',
    createdAt: at,
    updatedAt: at,
  };
}

/** What an import adds to the document; `secrets` (site id, password) are left for the keychain. */
export interface ImportedSites {
  readonly next: SitesDocument;
  readonly created: readonly StoredSite[];
  readonly renamed: readonly { from: string; to: string }[];
  readonly skipped: readonly SiteImportSkip[];
  readonly secrets: readonly [string, string][];
}

/** Adds the sites of an import plan under `into`; entries the schema refuses are skipped with the reason, taken names get ` (2)`. */
export function addImportedSites(
  doc: SitesDocument,
  plan: SiteImportPlan,
  into: readonly string[],
  at: string,
  passwords: ReadonlyMap<string, string> | undefined,
): ImportedSites {
  let folders = withFolder(doc.folders, into);
  for (const f of plan.folders) folders = withFolder(folders, [...into, ...f]);
  const sites = [...doc.sites];
  const created: StoredSite[] = [];
  const renamed: { from: string; to: string }[] = [];
  const skipped: SiteImportSkip[] = [];
  const secrets: [string, string][] = [];
  for (const entry of plan.sites) {
    const checked = siteCreateInputSchema.safeParse({ ...entry.input, folderPath: [...into, ...entry.folderPath] }, { reportInput: true });
    if (!checked.success) {
      const reason = describeIssues(checked.error.issues);
      skipped.push({ name: String(entry.input.name).slice(0, 200), folderPath: entry.folderPath, reason });
      continue;
    }
    const data = checked.data;
    const folderPath = data.folderPath ?? [];
    const name = freeName({ folders, sites }, folderPath, data.name);
    if (name !== data.name) renamed.push({ from: data.name, to: name });
    const site = newStoredSite(data, name, folderPath, at);
    folders = withFolder(folders, folderPath);
    sites.push(site);
    created.push(site);
    const password = passwords?.get(entry.key);
    if (password !== undefined && site.passwordStorage === 'keychain') secrets.push([site.id, password]);
  }
  return { next: { folders, sites }, created, renamed, skipped, secrets };
}
