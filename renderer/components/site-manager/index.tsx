/**
 * The site manager: a searchable folder tree of saved sites and the form of the selected one (every
 * field of a site), with connect, duplicate, delete, import and export. Folders are created, renamed and
 * deleted here; a site moves to a folder by dragging it there or with the Folder field. Passwords go to main once and
 * into the system keychain; they never come back (the form shows only whether one is saved).
 */
import { t } from '../../../common/i18n/t';
import { useEffect, useState, type ReactNode } from 'react';
import { dialogId } from '../../dispatcher';
import { useDispatcher, useStore } from '../../hooks';
import type { Dialog } from '../../state/dialogs';
import { doctorPlanFromDraft } from '../../state/doctor-model';
import { allFolders, folderContents, folderKey, isWithinFolder, validateDraft } from '../../state/sites-model';
import { Icon } from '../icons';
import { Modal } from '../modal';
import { FolderPanel } from './folder-panel';
import { SiteForm } from './site-form';
import { SiteTree } from './site-tree';
import { useSiteDraft } from './use-site-draft';

/** The site manager dialog. */
export function SiteManager({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'site-manager' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const { listing, keychain } = useStore(dispatcher.stores.sites);
  const keychainAvailable = keychain?.available ?? false;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set((listing?.folders ?? []).map(folderKey)));
  useEffect(() => {
    void dispatcher.sites.refreshKeychain();
  }, [dispatcher]);

  const siteDraft = useSiteDraft(dispatcher, listing, keychainAvailable, dialog.selectSiteId);
  const { selection, setSelection, selectedSite, draft, setDraft, save, set, err, tab, setTab, busy, setShowErrors, startNewSite } = siteDraft;

  const close = () => dispatcher.dialogs.close(dialog.id);

  const connect = async () => {
    const typed = draft?.passwordStorage === 'ask' && draft.password !== '' ? draft.password : undefined;
    const site = await save({ connectingNext: true });
    if (!site) return;
    close();
    await dispatcher.connections.connectSite(site, typed);
  };

  /** "Test connection" for the form as it is now, saved or not. */
  const testConnection = () => {
    if (!draft) return;
    setShowErrors(true);
    const { host, port } = validateDraft(draft);
    if (host || port) return;
    const saved = draft.id === null ? null : (listing?.sites.find((s) => s.id === draft.id) ?? null);
    dispatcher.doctor.testConnection(doctorPlanFromDraft(draft, saved));
  };

  const duplicate = async () => {
    if (!selectedSite) return;
    const copy = await dispatcher.sites.duplicate(selectedSite.id);
    if (copy) setSelection({ kind: 'site', id: copy.id });
  };

  const remove = () => {
    if (selection?.kind === 'site' && selectedSite) {
      dispatcher.dialogs.open({
        kind: 'confirm',
        id: dialogId('confirm'),
        title: t('siteManager.deleteSite.title', { name: selectedSite.name }),
        message: t('siteManager.deleteSite.message'),
        confirmLabel: t('siteManager.deleteSite.confirm'),
        action: { kind: 'delete-site', siteId: selectedSite.id },
      });
      setSelection(null);
      setDraft(null);
    } else if (selection?.kind === 'folder') {
      void removeFolder(selection.path);
    }
  };

  /** Deletes a folder: at once when it is empty, after a confirmation naming what goes with it otherwise. */
  const removeFolder = async (path: readonly string[]) => {
    const inside = folderContents(listing, path);
    const name = path[path.length - 1];
    if (inside.sites === 0 && inside.folders === 0) {
      if (await dispatcher.sites.deleteFolder(path)) setSelection(null);
      return;
    }
    const saved = listing?.sites.filter((s) => s.hasPassword && isWithinFolder(s.folderPath, path)).length ?? 0;
    const what = inside.sites > 0 && inside.folders > 0 ? 'both' : inside.sites > 0 ? 'sites' : 'folders';
    dispatcher.dialogs.open({
      kind: 'confirm',
      id: dialogId('confirm'),
      title: t('siteManager.deleteFolder.title', { name }),
      message: t('siteManager.deleteFolder.message', { name, what, sites: inside.sites, folders: inside.folders, saved }),
      confirmLabel: t('siteManager.deleteFolder.confirm'),
      action: { kind: 'delete-site-folder', folderPath: path },
    });
  };

  /** Renames a folder; the selection and the open folders follow it. */
  const renameFolder = async (path: readonly string[], name: string): Promise<boolean> => {
    const renamed = [...path.slice(0, -1), name.trim()];
    if (!(await dispatcher.sites.renameFolder(path, name.trim()))) return false;
    const move = (p: readonly string[]) => (isWithinFolder(p, path) ? [...renamed, ...p.slice(path.length)] : p);
    setExpanded((x) => new Set([...x].map((key) => folderKey(move(key === '' ? [] : key.split('\u0000'))))));
    setSelection({ kind: 'folder', path: renamed });
    return true;
  };

  /** Moves a site to a folder (drag and drop, or the Folder field); the folder opens to show it there. */
  const moveSite = async (id: string, folderPath: readonly string[]) => {
    const site = listing?.sites.find((s) => s.id === id);
    if (!site || folderKey(site.folderPath) === folderKey(folderPath)) return;
    const moved = await dispatcher.sites.move(id, folderPath);
    if (!moved) return;
    setExpanded((x) => {
      const next = new Set(x);
      for (let i = 1; i <= folderPath.length; i++) next.add(folderKey(folderPath.slice(0, i)));
      return next;
    });
    setSelection({ kind: 'site', id });
  };

  return (
    <Modal
      top={top}
      className="site-manager"
      title={t('siteManager.title')}
      onClose={close}
      initialFocus=".tree-search input"
      footer={
        <>
          <span className="muted small">{t('siteManager.footerNote')}</span>
          <span className="spacer" />
          <button type="button" className="button" onClick={close}>
            {t('common.close')}
          </button>
          <button
            type="button"
            className="button"
            title={t('siteManager.testConnection.hint')}
            disabled={!draft || busy}
            onClick={testConnection}
          >
            <Icon name="stethoscope" /> {t('siteManager.testConnection')}
          </button>
          <button type="button" className="button" disabled={!draft || busy} onClick={() => void save()}>
            {t('common.save')}
          </button>
          <button type="button" className="button primary" disabled={!draft || busy} onClick={() => void connect()}>
            {t('siteManager.connect')}
          </button>
        </>
      }
    >
      <div className="sm-layout">
        <SiteTree
          listing={listing}
          siteDraft={siteDraft}
          expanded={expanded}
          setExpanded={setExpanded}
          onConnect={() => void connect()}
          onOpenSite={(site) => {
            close();
            void dispatcher.connections.connectSite(site);
          }}
          onRemove={remove}
          onDuplicate={() => void duplicate()}
          onMoveSite={(id, folderPath) => void moveSite(id, folderPath)}
        />
        <section className="sm-form" aria-label={t('siteManager.siteSettings')}>
          {keychain && !keychain.available && (
            <div className="banner warning" role="status">
              <Icon name="warning" />
              <div>
                <strong>{t('siteManager.keychain.unavailable')}</strong>
                <p>{t('siteManager.keychain.consequence', { reason: keychain.message ?? t('siteManager.keychain.cannotSave') })}</p>
              </div>
            </div>
          )}
          {listing?.warnings.map((w) => (
            <div key={w.file + w.kind} className="banner warning" role="status">
              <Icon name="warning" />
              <p>{w.message}</p>
            </div>
          ))}
          {!draft && selection?.kind === 'folder' && allFolders(listing).some((f) => folderKey(f) === folderKey(selection.path)) ? (
            <FolderPanel
              key={folderKey(selection.path)}
              listing={listing}
              path={selection.path}
              onRename={(name) => renameFolder(selection.path, name)}
              onDelete={() => void removeFolder(selection.path)}
              onNewSite={startNewSite}
            />
          ) : !draft ? (
            <div className="sm-empty">
              <Icon name="sites" className="big-icon" />
              <p>{selection?.kind === 'folder' ? t('siteManager.folderSelected', { name: selection.path[selection.path.length - 1] }) : t('siteManager.selectOrCreate')}</p>
              <button type="button" className="button primary" onClick={startNewSite}>
                <Icon name="plus" /> {t('siteManager.newSite')}
              </button>
            </div>
          ) : (
            <SiteForm
              draft={draft}
              set={set}
              setDraft={setDraft}
              err={err}
              tab={tab}
              setTab={setTab}
              keychainAvailable={keychainAvailable}
              listing={listing}
              onMove={(folderPath) => (draft.id === null ? set('folderPath', folderPath) : void moveSite(draft.id, folderPath))}
            />
          )}
        </section>
      </div>
    </Modal>
  );
}
