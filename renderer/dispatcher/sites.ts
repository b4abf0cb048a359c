/** Saved sites: create, update, delete, the site tree's folders, the keychain, import and export. */
import { t } from '../../common/i18n/t';
import type { SiteExportFormat, SiteImportFormat } from '../../common/ipc/payloads';
import type { Result } from '../../common/models/result';
import { settingsAwaitingReconnect, type SiteCreateInput, type SiteProfile, type SiteUpdateInput } from '../../common/models/site-profile';
import { reconnectNotice } from '../state/sites-model';
import { wharf } from './api';
import type { DialogsController } from './dialogs';
import type { NoticesController } from './notices';
import type { PanesController } from './panes';
import type { Stores } from './stores';

/** Changes the site list in main; the new list comes back as a `sitesChanged` event into the `sites` store. */
export class SitesController {
  constructor(
    private readonly stores: Pick<Stores, 'sites' | 'sessions' | 'remote'>,
    private readonly notices: NoticesController,
    private readonly dialogs: DialogsController,
    private readonly panes: PanesController,
  ) {}

  /** Creates a site; the password (if any) goes to main once and into the keychain. */
  async create(site: SiteCreateInput): Promise<Result<SiteProfile>> {
    const result = await wharf().sitesCreate({ site });
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.saveSite'));
    return result;
  }

  /**
   * Updates a site. Main hands what needs no new login to the open connections at once; while one is open,
   * a notice names the changes it keeps until it reconnects (not when a new connection follows the save),
   * and the remote pane is listed again when it shows this site with a new timezone offset.
   */
  async update(id: string, changes: SiteUpdateInput, options: { readonly connectingNext?: boolean } = {}): Promise<Result<SiteProfile>> {
    const before = this.stores.sites.get().listing?.sites.find((s) => s.id === id);
    const result = await wharf().sitesUpdate({ id, changes });
    if (!result.ok) {
      this.notices.report(result.error, t('rendererWords.context.saveSite'));
      return result;
    }
    const open = this.stores.sessions.get().sessions.filter((s) => s.siteId === id && s.state === 'connected');
    if (open.length === 0) return result;
    const awaiting = before ? settingsAwaitingReconnect(before, result.value, changes) : [];
    if (awaiting.length > 0 && !options.connectingNext) {
      const notice = reconnectNotice(result.value.name, awaiting);
      this.notices.notify('warning', notice.title, notice.message);
    }
    if (changes.timezoneOffsetMinutes !== undefined && open.some((s) => s.sessionId === this.stores.remote.get().sessionId)) await this.panes.refresh('remote');
    return result;
  }

  /** Deletes a site and its keychain entry. */
  async delete(id: string): Promise<boolean> {
    const result = await wharf().sitesDelete({ id });
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.deleteSite'));
    return result.ok;
  }

  /** Duplicates a site. */
  async duplicate(id: string): Promise<SiteProfile | null> {
    const result = await wharf().sitesDuplicate({ id });
    if (!result.ok) {
      this.notices.report(result.error, t('rendererWords.context.duplicateSite'));
      return null;
    }
    return result.value;
  }

  /** Creates a folder in the site tree. */
  async createFolder(folderPath: readonly string[]): Promise<boolean> {
    const result = await wharf().siteFoldersCreate({ folderPath });
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.newSiteFolder'));
    return result.ok;
  }

  /** Renames a folder of the site tree; its sites and subfolders follow. */
  async renameFolder(folderPath: readonly string[], name: string): Promise<boolean> {
    const result = await wharf().siteFoldersRename({ folderPath, name });
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.renameSiteFolder'));
    return result.ok;
  }

  /** Moves a site to another folder of the tree ([] for the top level). */
  async move(id: string, folderPath: readonly string[]): Promise<SiteProfile | null> {
    const result = await wharf().sitesMove({ id, folderPath });
    if (!result.ok) {
      this.notices.report(result.error, t('rendererWords.context.moveSite'));
      return null;
    }
    return result.value;
  }

  /** Deletes a folder of the site tree with its sites. */
  async deleteFolder(folderPath: readonly string[]): Promise<boolean> {
    const result = await wharf().siteFoldersDelete({ folderPath });
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.deleteSiteFolder'));
    return result.ok;
  }

  /** Re-reads whether the keychain works. */
  async refreshKeychain(): Promise<void> {
    const result = await wharf().keychainStatus({});
    if (result.ok) this.stores.sites.update((s) => ({ ...s, keychain: result.value }));
  }

  /** Reads an import file (main's open dialog) and shows what it holds before anything is saved. */
  async import(format: SiteImportFormat): Promise<void> {
    const result = await wharf().sitesImportPreview({ format });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.import'));
    if (result.value === null) return;
    this.dialogs.open({ kind: 'import', id: 'import', format, preview: result.value });
  }

  /** Imports what the preview showed; passwords move into the keychain only when the user agreed. */
  async commitImport(importId: string, storePasswords: boolean): Promise<void> {
    this.dialogs.close('import');
    const result = await wharf().sitesImportCommit({ importId, storePasswords });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.import'));
    const r = result.value;
    const parts = [t('notices.import.created', { count: r.created.length })];
    if (r.passwordsSaved > 0) parts.push(t('notices.import.passwords', { count: r.passwordsSaved }));
    if (r.renamed.length > 0) parts.push(t('notices.import.renamed', { count: r.renamed.length }));
    if (r.skipped.length > 0) parts.push(t('notices.import.skipped', { count: r.skipped.length }));
    this.notices.notify('success', t('notices.import.title'), t('notices.import.message', { parts: parts.join(', ') }));
  }

  /** Exports sites as Wharf JSON or FileZilla XML (never with passwords) where the user chooses. */
  async export(siteIds?: readonly string[], format: SiteExportFormat = 'wharf-json'): Promise<void> {
    const result = await wharf().sitesExport({ ...(siteIds ? { siteIds } : {}), saveWithDialog: true, format });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.export'));
    const { savedTo, notes } = result.value;
    if (!savedTo) return;
    const left = notes.length > 0 ? t('notices.export.left', { count: notes.length, notes: notes.map((n) => t('notices.export.note', { name: n.name, note: n.note })).join(' ') }) : '';
    this.notices.notify('success', t('notices.export.title'), t('notices.export.message', { path: savedTo }) + left);
  }
}
