import { t } from '../../common/i18n/t';
import { describeIssues } from '../../common/i18n/zod-issues';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { defaultPortFor, type FtpsMode } from '../../common/models/site';
import {
  changesPasswordServer,
  type SiteCreateInput,
  type SiteImportResult,
  type SiteProfile,
  type SiteTree,
  type SiteUpdateInput,
  type StoreWarning,
} from '../../common/models/site-profile';
import { folderPathSchema, siteCreateInputSchema, siteUpdateInputSchema, treeNameSchema } from '../../common/models/site-profile-schema';
import type { CredentialStore } from '../credentials/keychain';
import { WharfError } from '../core/errors';
import type { StoreFs } from './atomic-file';
import { JsonDocumentFile } from './json-document';
import type { SiteImportPlan } from './site-import-plan';
import { SITE_MIGRATIONS, SITES_SCHEMA_VERSION } from './site-migrations';
import {
  addImportedSites, assertFolderExists, assertNameFree, findSite, folderKey, freeName, isUnder, newStoredSite, replaceSite,
  salvageSites, sameName, siblingFolderTaken, sortFolders, sortSites, withFolder, type SitesDocument, type StoredSite,
} from './sites-document';

/** The sites file's name inside the data folder. */
export const SITES_FILE_NAME = 'sites.json';

export { DATA_DIR_ENV, defaultDataDir } from './data-dir';

/** Options for a SiteStore. */
export interface SiteStoreOptions {
  /** The app's user-data folder (see defaultDataDir); sites.json lives directly in it. */
  readonly dataDir: string;
  readonly credentials: CredentialStore;
  /** default: the real file system */
  readonly fs?: StoreFs;
  /** default: the system clock */
  readonly now?: () => Date;
  /** Called when the file was damaged and recovered, or upgraded; the app shows it, the CLI prints it. */
  readonly onWarning?: (warning: StoreWarning) => void;
}

/**
 * The saved sites and their folders, shared by the app and the CLI. Passwords never touch the file: they
 * go to the CredentialStore under the site id, so renaming or moving keeps them and deleting removes them.
 * Every method throws WharfError: 'invalid-input' (bad input, unknown site, name taken), 'keychain',
 * 'local-io' (the file cannot be read or written; it is then left untouched).
 */
export class SiteStore {
  private readonly file: JsonDocumentFile<SitesDocument>;
  private readonly credentials: CredentialStore;
  private readonly now: () => Date;

  constructor(options: SiteStoreOptions) {
    this.credentials = options.credentials;
    this.now = options.now ?? (() => new Date());
    this.file = new JsonDocumentFile<SitesDocument>({
      path: resolve(options.dataDir, SITES_FILE_NAME),
      file: 'sites',
      currentVersion: SITES_SCHEMA_VERSION,
      migrations: SITE_MIGRATIONS,
      empty: () => ({ folders: [], sites: [] }),
      salvage: salvageSites,
      serialize: (doc) => ({ folders: doc.folders, sites: doc.sites }),
      ...(options.fs ? { fs: options.fs } : {}),
      now: this.now,
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    });
  }

  /** The sites file's path, for messages and for the CLI's `wharf site path`. */
  get filePath(): string {
    return this.file.path;
  }

  /** Reads the file once at startup so a damaged or upgraded file is reported before anything else. */
  async open(): Promise<{ readonly warnings: readonly StoreWarning[] }> {
    const { warnings } = await this.file.read();
    return { warnings };
  }

  /** The whole tree, with `hasPassword` read from the keychain. */
  async list(): Promise<SiteTree> {
    const { value } = await this.file.read();
    return { folders: sortFolders(value.folders), sites: await this.withPasswordState(sortSites(value.sites)) };
  }

  /** One site by id. */
  async get(id: string): Promise<SiteProfile> {
    const { value } = await this.file.read();
    const [site] = await this.withPasswordState([findSite(value, id)]);
    return site as SiteProfile;
  }

  /**
   * A site by id, by "Folder/Sub/Name" or by a bare name when it is unique: what `wharf get site:NAME/...`
   * resolves. Names compare case-insensitively.
   */
  async find(ref: string): Promise<SiteProfile> {
    const { value } = await this.file.read();
    const byId = value.sites.find((s) => s.id === ref);
    if (byId) return this.get(byId.id);
    const parts = ref.split('/').map((p) => p.trim()).filter((p) => p !== '');
    const name = parts.pop();
    if (!name) throw new WharfError('invalid-input', t('sites.giveSiteName'));
    const candidates = value.sites.filter(
      (s) => sameName(s.name, name) && (parts.length === 0 || folderKey(s.folderPath).toLowerCase() === folderKey(parts).toLowerCase()),
    );
    if (candidates.length === 0) throw new WharfError('invalid-input', t('sites.noSiteNamed', { ref }), { detail: { ref } });
    if (candidates.length > 1) {
      const paths = candidates.map((s) => [...s.folderPath, s.name].join('/'));
      throw new WharfError('invalid-input', t('sites.severalSitesNamed', { name, paths: paths.join(', ') }), {
        detail: { ref },
      });
    }
    return this.get((candidates[0] as StoredSite).id);
  }

  /** Sites whose name or host contains `query` (case-insensitive); all sites for an empty query. */
  async search(query: string): Promise<readonly SiteProfile[]> {
    const { value } = await this.file.read();
    const q = query.trim().toLocaleLowerCase();
    const hits = value.sites.filter((s) => q === '' || s.name.toLocaleLowerCase().includes(q) || s.host.toLocaleLowerCase().includes(q));
    return this.withPasswordState(sortSites(hits));
  }

  /** The password to log in with; null for "ask" sites or when none is saved. Main only: never send it to the renderer. */
  async getPassword(id: string): Promise<string | null> {
    const { value } = await this.file.read();
    const site = findSite(value, id);
    return site.passwordStorage === 'keychain' ? this.credentials.get(site.id) : null;
  }

  /** Creates a site; its password, if given, goes to the keychain before the site is written. */
  async create(input: SiteCreateInput): Promise<SiteProfile> {
    const data = parse(siteCreateInputSchema, input);
    const storage = data.passwordStorage ?? 'keychain';
    if (data.password !== undefined && storage !== 'keychain') throw passwordWithAsk();
    const at = this.now().toISOString();
    const site = newStoredSite(data, data.name, data.folderPath ?? [], at);
    return this.file.update(async (doc) => {
      assertNameFree(doc, site.folderPath, site.name);
      const next = { folders: withFolder(doc.folders, site.folderPath), sites: [...doc.sites, site] };
      await this.saveConnectivitySecrets(site.id, data);
      if (data.password === undefined) return { next, result: { ...site, hasPassword: false } };
      await this.credentials.set(site.id, data.password);
      return { next, result: { ...site, hasPassword: true } };
    }).catch(async (err: unknown) => {
      // The secret was saved but the file could not be: do not leave a password without its site.
      if (data.password !== undefined && !(err instanceof WharfError && (err.kind === 'keychain' || err.kind === 'invalid-input'))) {
        await this.credentials.delete(site.id).catch(() => undefined);
      }
      await this.forgetConnectivitySecrets(site.id);
      throw err;
    });
  }

  /**
   * Changes a site. `password`: a string replaces the saved one, null forgets it; switching to "ask" forgets
   * it as well (if the keychain cannot be reached then, deleting the site retries). A new host, port, user or
   * protocol forgets it too, unless `keepPassword` (the site manager asks, the CLI has --keep-password).
   */
  async update(id: string, changes: SiteUpdateInput): Promise<SiteProfile> {
    const data = parse(siteUpdateInputSchema, changes);
    return this.file.update(async (doc) => {
      const current = findSite(doc, id);
      const protocol: FtpsMode = data.protocol ?? current.protocol;
      const follows =
        data.portFollowsProtocol ??
        (data.port !== undefined ? data.port === defaultPortFor(protocol) : current.portFollowsProtocol);
      const storage = data.passwordStorage ?? current.passwordStorage;
      if (typeof data.password === 'string' && storage !== 'keychain') throw passwordWithAsk();
      const name = data.name ?? current.name;
      if (data.name !== undefined) assertNameFree(doc, current.folderPath, name, current.id);
      const next: StoredSite = {
        ...current,
        ...definedOnly({
          name,
          host: data.host,
          user: data.user,
          dataMode: data.dataMode,
          localDir: data.localDir,
          remoteDir: data.remoteDir,
          encoding: data.encoding,
          maxConnections: data.maxConnections,
          timezoneOffsetMinutes: data.timezoneOffsetMinutes,
          minTlsVersion: data.minTlsVersion,
          uploadViaTemporaryName: data.uploadViaTemporaryName,
          keepModifiedTimes: data.keepModifiedTimes,
          segments: data.segments,
          clientCertPath: data.clientCertPath,
          clientKeyPath: data.clientKeyPath,
          proxyMode: data.proxyMode,
          proxyUrl: data.proxyUrl,
          allowClearData: data.allowClearData,
          comments: data.comments,
        }),
        protocol,
        portFollowsProtocol: follows,
        port: follows ? defaultPortFor(protocol) : (data.port ?? current.port),
        passwordStorage: storage,
        updatedAt: this.now().toISOString(),
      };

      await this.saveConnectivitySecrets(id, data);
      let hasPassword: boolean | undefined;
      if (typeof data.password === 'string') {
        await this.credentials.set(id, data.password);
        hasPassword = true;
      } else if (data.password === null) {
        await this.credentials.delete(id);
        hasPassword = false;
      } else if (storage === 'ask' && current.passwordStorage === 'keychain') {
        // The user may be choosing "ask" precisely because the keychain is unreachable: do not block on it.
        await this.credentials.delete(id).catch(() => undefined);
        hasPassword = false;
      } else if (storage === 'keychain' && data.keepPassword !== true && changesPasswordServer(current, next)) {
        // Typed for the old server: sending it to another one (perhaps a typo away from a stranger's) is
        // not the user's decision until they say so. Forgotten before the site is written, so a failure
        // leaves the site pointing at the old server, with its password.
        await this.credentials.delete(id);
        hasPassword = false;
      }
      const result = hasPassword === undefined ? (await this.withPasswordState([next]))[0] : { ...next, hasPassword };
      return { next: replaceSite(doc, next), result: result as SiteProfile };
    });
  }

  /** Renames a site; its password stays, being keyed by the id. */
  rename(id: string, name: string): Promise<SiteProfile> {
    return this.update(id, { name });
  }

  /** Copies a site (and its saved password, client-key passphrase and proxy password) under a new id, named "NAME (copy)". */
  async duplicate(id: string): Promise<SiteProfile> {
    return this.file.update(async (doc) => {
      const source = findSite(doc, id);
      const at = this.now().toISOString();
      const copy: StoredSite = {
        ...source,
        id: randomUUID(),
        name: freeName(doc, source.folderPath, `${source.name} (copy)`),
        createdAt: at,
        updatedAt: at,
      };
      await this.saveConnectivitySecrets(copy.id, {
        clientKeyPassphrase: await this.getClientKeyPassphrase(source.id),
        proxyPassword: await this.getProxyPassword(source.id),
      }).catch(() => undefined);
      let hasPassword = false;
      if (source.passwordStorage === 'keychain') {
        const password = await this.credentials.get(source.id);
        if (password !== null) {
          await this.credentials.set(copy.id, password);
          hasPassword = true;
        }
      }
      return { next: { folders: doc.folders, sites: [...doc.sites, copy] }, result: { ...copy, hasPassword } };
    });
  }

  /**
   * Deletes a site and its keychain secret. The secret goes first, so a password never outlives its site;
   * if the keychain cannot be reached the site stays and the 'keychain' error says why.
   */
  async delete(id: string): Promise<void> {
    await this.file.update(async (doc) => {
      const site = findSite(doc, id);
      await this.forgetSecret(site);
      await this.forgetConnectivitySecrets(site.id);
      return { next: { folders: doc.folders, sites: doc.sites.filter((s) => s.id !== id) }, result: undefined };
    });
  }

  /** Moves a site into a folder (created if missing); [] is the root. */
  async moveToFolder(id: string, folderPath: readonly string[]): Promise<SiteProfile> {
    const target = parse(folderPathSchema, folderPath);
    return this.file.update(async (doc) => {
      const site = findSite(doc, id);
      assertNameFree(doc, target, site.name, site.id);
      const next: StoredSite = { ...site, folderPath: target, updatedAt: this.now().toISOString() };
      const [result] = await this.withPasswordState([next]);
      return { next: { ...replaceSite(doc, next), folders: withFolder(doc.folders, target) }, result: result as SiteProfile };
    });
  }

  /** Creates a folder (and its parents); an existing name, in any letter case, is refused. */
  async createFolder(path: readonly string[]): Promise<void> {
    const folder = parse(folderPathSchema.min(1, t('sites.giveFolderName')), path);
    await this.file.update(async (doc) => {
      if (siblingFolderTaken(doc.folders, folder)) {
        throw new WharfError('invalid-input', t('sites.folderExists', { name: folder[folder.length - 1] }));
      }
      return { next: { ...doc, folders: withFolder(doc.folders, folder) }, result: undefined };
    });
  }

  /** Renames the last folder of `path`; its sites and subfolders move with it (passwords untouched). */
  async renameFolder(path: readonly string[], newName: string): Promise<void> {
    const folder = parse(folderPathSchema.min(1), path);
    const name = parse(treeNameSchema, newName);
    await this.file.update(async (doc) => {
      assertFolderExists(doc, folder);
      const renamed = [...folder.slice(0, -1), name];
      if (folderKey(renamed) === folderKey(folder)) return { result: undefined };
      if (siblingFolderTaken(doc.folders, renamed, folder)) {
        throw new WharfError('invalid-input', t('sites.folderExists', { name }));
      }
      const at = this.now().toISOString();
      const move = (p: readonly string[]) => (isUnder(p, folder) ? [...renamed, ...p.slice(folder.length)] : p);
      return {
        next: {
          folders: doc.folders.map(move),
          sites: doc.sites.map((s) => (isUnder(s.folderPath, folder) ? { ...s, folderPath: move(s.folderPath), updatedAt: at } : s)),
        },
        result: undefined,
      };
    });
  }

  /**
   * Deletes a folder. A folder that holds sites or folders is refused unless `recursive`, which deletes
   * them, secrets included.
   */
  async deleteFolder(path: readonly string[], options: { readonly recursive?: boolean } = {}): Promise<{ readonly deletedSites: number }> {
    const folder = parse(folderPathSchema.min(1), path);
    return this.file.update(async (doc) => {
      assertFolderExists(doc, folder);
      const sites = doc.sites.filter((s) => isUnder(s.folderPath, folder));
      const subfolders = doc.folders.filter((f) => isUnder(f, folder) && f.length > folder.length);
      if (!options.recursive && (sites.length > 0 || subfolders.length > 0)) {
        throw new WharfError('invalid-input', t('sites.folderNotEmpty', { folder: folder.join('/'), sites: sites.length, folders: subfolders.length }));
      }
      for (const site of sites) {
        await this.forgetSecret(site);
        await this.forgetConnectivitySecrets(site.id);
      }
      return {
        next: { folders: doc.folders.filter((f) => !isUnder(f, folder)), sites: doc.sites.filter((s) => !isUnder(s.folderPath, folder)) },
        result: { deletedSites: sites.length },
      };
    });
  }

  /**
   * Creates the sites of an import plan (FileZilla or Wharf JSON) under `intoFolder`. `passwords` (entry key
   * -> password) are saved only when given, i.e. when the user agreed; a keychain failure undoes the secrets
   * already saved and saves nothing, so the user can retry without passwords.
   */
  async importSites(
    plan: SiteImportPlan,
    options: { readonly passwords?: ReadonlyMap<string, string>; readonly intoFolder?: readonly string[] } = {},
  ): Promise<SiteImportResult> {
    const into = parse(folderPathSchema, options.intoFolder ?? []);
    const at = this.now().toISOString();
    const saved: string[] = [];
    try {
      return await this.file.update(async (doc) => {
        const { next, created, renamed, skipped, secrets } = addImportedSites(doc, plan, into, at, options.passwords);
        for (const [id, password] of secrets) {
          await this.credentials.set(id, password);
          saved.push(id);
        }
        const withSecret = new Set(saved);
        return {
          next,
          result: {
            created: sortSites(created).map((s) => ({ ...s, hasPassword: withSecret.has(s.id) })),
            passwordsSaved: saved.length,
            renamed,
            skipped,
          },
        };
      });
    } catch (err) {
      for (const id of saved) await this.credentials.delete(id).catch(() => undefined);
      throw err;
    }
  }

  /** The raw tree without keychain lookups, for exports (which never carry passwords anyway). */
  async snapshot(): Promise<{ readonly folders: readonly (readonly string[])[]; readonly sites: readonly Omit<SiteProfile, 'hasPassword'>[] }> {
    const { value } = await this.file.read();
    return { folders: sortFolders(value.folders), sites: sortSites(value.sites) };
  }

  /** The client key's passphrase saved for a site, or null. Main only: never send it to the renderer. */
  async getClientKeyPassphrase(id: string): Promise<string | null> {
    return this.credentials.get(clientKeyAccount(id)).catch(() => null);
  }

  /** The custom proxy's password saved for a site, or null. Main only. */
  async getProxyPassword(id: string): Promise<string | null> {
    return this.credentials.get(proxyAccount(id)).catch(() => null);
  }

  /** A string saves a connectivity secret, null forgets it, absent leaves it. */
  private async saveConnectivitySecrets(id: string, data: { readonly clientKeyPassphrase?: string | null; readonly proxyPassword?: string | null }): Promise<void> {
    for (const [account, value] of [[clientKeyAccount(id), data.clientKeyPassphrase], [proxyAccount(id), data.proxyPassword]] as const) {
      if (typeof value === 'string') await this.credentials.set(account, value);
      else if (value === null) await this.credentials.delete(account);
    }
  }

  /** Best effort: a site without secrets has nothing to forget, and a dead keychain must not block deletion. */
  private async forgetConnectivitySecrets(id: string): Promise<void> {
    await this.credentials.delete(clientKeyAccount(id)).catch(() => undefined);
    await this.credentials.delete(proxyAccount(id)).catch(() => undefined);
  }

  private async forgetSecret(site: StoredSite): Promise<void> {
    if (site.passwordStorage === 'keychain') {
      await this.credentials.delete(site.id);
    } else {
      // "ask" sites should have no secret; one may linger if switching to "ask" happened without a keychain.
      await this.credentials.delete(site.id).catch(() => undefined);
    }
  }

  /**
   * Adds `hasPassword`. Sequential on purpose: on a locked keyring the first lookup may prompt to unlock,
   * and parallel lookups would stack prompts. A keychain error reads as "no password" here; the app shows
   * why through CredentialStore.isAvailable.
   */
  private async withPasswordState(sites: readonly StoredSite[]): Promise<SiteProfile[]> {
    const out: SiteProfile[] = [];
    let keychainUsable = true;
    for (const site of sites) {
      let hasPassword = false;
      if (site.passwordStorage === 'keychain' && keychainUsable) {
        try {
          hasPassword = (await this.credentials.get(site.id)) !== null;
        } catch {
          keychainUsable = false; // one failure is enough: do not wait on a dead keychain once per site
        }
      }
      out.push({ ...site, hasPassword });
    }
    return out;
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  // The input is reported only to tell a missing field from a wrong one: the sentences name fields and rules,
  // never the values, so a password cannot leak through here.
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    throw new WharfError('invalid-input', describeIssues(result.error.issues));
  }
  return result.data;
}

function passwordWithAsk(): WharfError {
  return new WharfError('invalid-input', t('sites.passwordNeedsKeychain'));
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<{ [K in keyof T]: Exclude<T[K], undefined> }>;
}

/** The keychain account of a site's client-key passphrase (the site's password is under the bare id). */
export function clientKeyAccount(siteId: string): string {
  return `${siteId}:client-key`;
}

/** The keychain account of a site's custom proxy password. */
export function proxyAccount(siteId: string): string {
  return `${siteId}:proxy`;
}
