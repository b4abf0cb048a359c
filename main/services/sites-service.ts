import type { MessageId } from '../../common/i18n/catalog';
import { t } from '../../common/i18n/t';
import { randomUUID } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import type { KeychainStatus, SiteExportFormat, SiteExportResult, SiteImportFormat, SiteImportPreview, SitesListing } from '../../common/ipc/payloads';
import type { PinnedCertificate, SiteCreateInput, SiteImportResult, SiteProfile, SiteUpdateInput, StoreWarning } from '../../common/models/site-profile';
import type { CredentialStore } from '../credentials/keychain';
import { WharfError } from '../core/errors';
import { exportFileZillaSiteManager } from '../sites/filezilla-export';
import type { PinnedCertificateStore } from '../sites/pinned-certificates';
import { parseSiteImport, readSiteImport, type SiteImportSource } from '../sites/site-import-file';
import type { ParsedSiteImport } from '../sites/site-import-plan';
import type { SiteStore } from '../sites/site-store';
import { exportSitesJson } from '../sites/wharf-json';
import type { EventHub } from './event-hub';
import type { PlatformPort } from './platform';

/** The site store calls the app makes (SiteStore satisfies it). */
export type SiteStoreLike = Pick<
  SiteStore,
  | 'list' | 'get' | 'getPassword' | 'create' | 'update' | 'duplicate' | 'delete' | 'moveToFolder'
  | 'createFolder' | 'renameFolder' | 'deleteFolder' | 'importSites' | 'snapshot'
>;

/** Dependencies of the sites service. */
export interface SitesServiceDeps {
  readonly store: SiteStoreLike;
  readonly pinned: Pick<PinnedCertificateStore, 'list' | 'remove'>;
  readonly credentials: Pick<CredentialStore, 'isAvailable'>;
  readonly platform: PlatformPort;
  readonly events: EventHub;
  /** A site was updated: open sessions and the queue take over what applies without a new login. */
  readonly onDidUpdateSite?: (site: SiteProfile) => void;
}

/** Import previews kept at once: a user previews one file, maybe a second; older ones are dropped. */
const MAX_PREVIEWS = 4;

type Preview = ParsedSiteImport;

/** The open dialog of each import format: its title and the file names it offers. */
const IMPORT_DIALOGS: Readonly<Record<Exclude<SiteImportFormat, 'cyberduck-folder'>, { readonly title: MessageId; readonly extensions: readonly string[] }>> = {
  auto: { title: 'services.import.auto', extensions: ['xml', 'ini', 'duck', 'json'] },
  filezilla: { title: 'services.import.filezilla', extensions: ['xml'] },
  winscp: { title: 'services.import.winscp', extensions: ['ini'] },
  cyberduck: { title: 'services.import.cyberduck', extensions: ['duck'] },
  'wharf-json': { title: 'services.import.wharfJson', extensions: ['json'] },
};

/**
 * Sites, folders, imports, exports, pinned certificates and keychain status for the site manager, over
 * main/sites and main/credentials. Passwords go in (create, update, an agreed import) and never come out:
 * every site returned carries only `hasPassword`. Each change pushes `sitesChanged`.
 */
export class SitesService {
  private readonly warnings: StoreWarning[] = [];
  private readonly previews = new Map<string, Preview>();

  constructor(private readonly deps: SitesServiceDeps) {}

  /** Keeps a store warning (a corrupt file kept as a backup) for the site manager to show. */
  addWarning(warning: StoreWarning): void {
    this.warnings.push(warning);
  }

  /** The tree and the warnings. */
  async list(): Promise<SitesListing> {
    const tree = await this.deps.store.list();
    return { ...tree, warnings: [...this.warnings] };
  }

  /** One site. */
  get(id: string): Promise<SiteProfile> {
    return this.deps.store.get(id);
  }

  /** Creates a site (its password straight into the keychain). */
  create(input: SiteCreateInput): Promise<SiteProfile> {
    return this.changed(this.deps.store.create(input));
  }

  /** Updates a site, then hands the saved site to whoever uses it while connected. */
  async update(id: string, changes: SiteUpdateInput): Promise<SiteProfile> {
    const site = await this.changed(this.deps.store.update(id, changes));
    this.deps.onDidUpdateSite?.(site);
    return site;
  }

  /** Deletes a site and its secret. */
  delete(id: string): Promise<void> {
    return this.changed(this.deps.store.delete(id));
  }

  /** Copies a site. */
  duplicate(id: string): Promise<SiteProfile> {
    return this.changed(this.deps.store.duplicate(id));
  }

  /** Moves a site to a folder. */
  move(id: string, folderPath: readonly string[]): Promise<SiteProfile> {
    return this.changed(this.deps.store.moveToFolder(id, folderPath));
  }

  /** Creates a folder. */
  createFolder(path: readonly string[]): Promise<void> {
    return this.changed(this.deps.store.createFolder(path));
  }

  /** Renames a folder. */
  renameFolder(path: readonly string[], name: string): Promise<void> {
    return this.changed(this.deps.store.renameFolder(path, name));
  }

  /** Deletes a folder with what it holds. */
  async deleteFolder(path: readonly string[]): Promise<void> {
    await this.changed(this.deps.store.deleteFolder(path, { recursive: true }));
  }

  /**
   * Parses an import file (given, or chosen in a native dialog) and keeps it until committed. `auto` tells
   * the format from the content; a file chosen for a named format must be of that format.
   */
  async importPreview(format: SiteImportFormat, text?: string): Promise<SiteImportPreview | null> {
    let preview: Preview;
    if (text !== undefined) {
      if (format === 'cyberduck-folder') throw new WharfError('invalid-input', t('services.import.folderNotText'));
      preview = format === 'auto' ? parseSiteImport(text) : parseSiteImport(text, format);
    } else {
      const path =
        format === 'cyberduck-folder'
          ? await this.deps.platform.chooseFolder({ title: t('services.import.cyberduckFolder') })
          : await this.deps.platform.chooseOpenFile({ title: t(IMPORT_DIALOGS[format].title), extensions: IMPORT_DIALOGS[format].extensions });
      if (path === null) return null;
      if (format === 'cyberduck-folder' && !(await stat(path)).isDirectory()) throw new WharfError('invalid-input', t('services.import.chooseCyberduckFolder'));
      const read = await readSiteImport(path);
      const wanted: SiteImportSource | 'auto' = format === 'cyberduck-folder' ? 'cyberduck' : format;
      if (wanted !== 'auto' && read.format !== wanted) throw new WharfError('invalid-input', t('services.import.wrongFormat', { format: read.format }));
      preview = read;
    }
    const importId = randomUUID();
    this.previews.set(importId, preview);
    while (this.previews.size > MAX_PREVIEWS) this.previews.delete(this.previews.keys().next().value!);
    return { importId, summary: preview.plan.summary };
  }

  /** Imports a previewed file; passwords only if the user agreed. */
  async importCommit(importId: string, storePasswords: boolean, intoFolder?: readonly string[]): Promise<SiteImportResult> {
    const preview = this.previews.get(importId);
    if (!preview) throw new WharfError('invalid-input', t('services.import.gone'), { detail: { importId } });
    const result = await this.changed(
      this.deps.store.importSites(preview.plan, {
        ...(storePasswords ? { passwords: preview.passwords } : {}),
        ...(intoFolder ? { intoFolder } : {}),
      }),
    );
    this.previews.delete(importId);
    return result;
  }

  /**
   * All sites or some as Wharf JSON or FileZilla XML (for FileZilla, WinSCP and the other clients that read
   * it), never with passwords; saved where the user chooses if asked.
   */
  async export(siteIds: readonly string[] | undefined, saveWithDialog: boolean, format: SiteExportFormat = 'wharf-json'): Promise<SiteExportResult> {
    const tree = await this.deps.store.snapshot();
    const wanted = siteIds ? new Set(siteIds) : null;
    const chosen = { folders: wanted ? [] : tree.folders, sites: wanted ? tree.sites.filter((s) => wanted.has(s.id)) : tree.sites };
    const fileZilla = format === 'filezilla' ? exportFileZillaSiteManager(chosen) : null;
    const result: SiteExportResult = { text: fileZilla ? fileZilla.xml : exportSitesJson(chosen), format, notes: fileZilla?.notes ?? [], savedTo: null };
    if (!saveWithDialog) return result;
    const path = await this.deps.platform.chooseSaveFile(
      format === 'filezilla' ? { title: t('services.export.filezilla'), suggestedName: 'sitemanager.xml' } : { title: t('services.export.wharf'), suggestedName: 'wharf-sites.json' },
    );
    if (path === null) return result;
    await writeFile(path, result.text, 'utf8');
    return { ...result, savedTo: path };
  }

  /** Pinned certificates. */
  certificates(): Promise<readonly PinnedCertificate[]> {
    return this.deps.pinned.list();
  }

  /** Forgets a pinned certificate. */
  async removeCertificate(host: string, port: number): Promise<void> {
    await this.deps.pinned.remove(host, port);
  }

  /** Whether the keychain works, in words. */
  async keychainStatus(): Promise<KeychainStatus> {
    const status = await this.deps.credentials.isAvailable();
    return status.available ? { available: true, message: null } : { available: false, message: status.reason };
  }

  /** Awaits a change, then pushes the new tree (a failing list does not fail the change). */
  private async changed<T>(operation: Promise<T>): Promise<T> {
    const result = await operation;
    try {
      this.deps.events.emit('sitesChanged', await this.list());
    } catch {
      // The change is saved; the renderer refreshes on its next sitesList.
    }
    return result;
  }
}
