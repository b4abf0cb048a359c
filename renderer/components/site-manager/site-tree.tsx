/** The site tree: search, folders and sites (drag a site onto a folder to move it), and the actions below it. */
import { t } from '../../../common/i18n/t';
import { useMemo, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { SitesListing } from '../../../common/ipc/payloads';
import type { SiteProfile } from '../../../common/models/site-profile';
import { useDispatcher } from '../../hooks';
import { folderKey, siteTreeRows } from '../../state/sites-model';
import { Icon } from '../icons';
import type { SiteDraftState } from './use-site-draft';

/** The drag type of a site dragged within the tree (its id). */
const SITE_DRAG_TYPE = 'application/x-wharf-site';

/** What the shell hands the tree. */
export interface SiteTreeProps {
  readonly listing: SitesListing | null;
  readonly siteDraft: SiteDraftState;
  /** The open folders (their `folderKey`s); the shell opens folders a site moved or was renamed into. */
  readonly expanded: ReadonlySet<string>;
  readonly setExpanded: (change: (x: ReadonlySet<string>) => ReadonlySet<string>) => void;
  /** Saves the draft and connects (Enter). */
  readonly onConnect: () => void;
  /** Connects to a saved site as it is (double-click); the dialog closes first. */
  readonly onOpenSite: (site: SiteProfile) => void;
  readonly onRemove: () => void;
  readonly onDuplicate: () => void;
  readonly onMoveSite: (id: string, folderPath: readonly string[]) => void;
}

/** The left side of the site manager. */
export function SiteTree({ listing, siteDraft, expanded, setExpanded, onConnect, onOpenSite, onRemove, onDuplicate, onMoveSite }: SiteTreeProps): ReactNode {
  const dispatcher = useDispatcher();
  const { selection, setSelection, selectedSite, createdMeanwhile, draft, setDraft, setShowErrors, startNewSite, currentFolder } = siteDraft;
  const [search, setSearch] = useState('');
  const [newFolder, setNewFolder] = useState<string | null>(null);
  /** The folder row a dragged site hovers ('' = the top level). */
  const [dropKey, setDropKey] = useState<string | null>(null);
  const rows = useMemo(() => siteTreeRows(listing, expanded, search), [listing, expanded, search]);

  const draggedSite = (e: DragEvent): boolean => e.dataTransfer.types.includes(SITE_DRAG_TYPE);
  const onFolderDragOver = (e: DragEvent, key: string) => {
    if (!draggedSite(e)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'move';
    setDropKey(key);
  };
  const onFolderDrop = (e: DragEvent, path: readonly string[]) => {
    if (!draggedSite(e)) return;
    e.preventDefault();
    e.stopPropagation();
    setDropKey(null);
    const id = e.dataTransfer.getData(SITE_DRAG_TYPE);
    if (id) onMoveSite(id, path);
  };

  const createFolder = async () => {
    const name = (newFolder ?? '').trim();
    if (!name) return setNewFolder(null);
    const path = [...currentFolder(), name];
    if (await dispatcher.sites.createFolder(path)) {
      setExpanded((e) => new Set([...e, folderKey(currentFolder()), folderKey(path)]));
      setSelection({ kind: 'folder', path });
      setNewFolder(null);
    }
  };

  const onTreeKey = (e: KeyboardEvent) => {
    const index = rows.findIndex((r) => (r.kind === 'site' ? selection?.kind === 'site' && selection.id === r.site.id : selection?.kind === 'folder' && folderKey(selection.path) === folderKey(r.path)));
    const pick = (i: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (!row) return;
      setSelection(row.kind === 'site' ? { kind: 'site', id: row.site.id } : { kind: 'folder', path: row.path });
      if (row.kind === 'folder') setDraft(null);
    };
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      pick(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      pick(index - 1);
    } else if (e.key === 'Enter' && selectedSite) {
      e.preventDefault();
      onConnect();
    } else if (e.key === 'F2' && selection?.kind === 'folder') {
      e.preventDefault();
      document.querySelector<HTMLInputElement>('.folder-rename input')?.focus();
    } else if (e.key === 'Delete' && (selectedSite || selection?.kind === 'folder')) {
      e.preventDefault();
      onRemove();
    } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && selection?.kind === 'folder') {
      e.preventDefault();
      const key = folderKey(selection.path);
      setExpanded((x) => {
        const next = new Set(x);
        if (e.key === 'ArrowRight') next.add(key);
        else next.delete(key);
        return next;
      });
    }
  };

  return (
    <aside className="sm-tree">
      <label className="tree-search filter">
        <Icon name="search" />
        <input type="search" aria-label={t('siteManager.tree.search')} placeholder={t('siteManager.tree.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      <div
        className={`tree${dropKey === '' ? ' drop-here' : ''}`}
        role="tree"
        aria-label={t('siteManager.tree.label')}
        tabIndex={0}
        onKeyDown={onTreeKey}
        onDragOver={(e) => onFolderDragOver(e, '')}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropKey(null);
        }}
        onDrop={(e) => onFolderDrop(e, [])}
      >
        {rows.length === 0 && selection?.kind !== 'new' && <p className="tree-empty muted small">{search ? t('siteManager.tree.noMatch') : t('siteManager.tree.noSites')}</p>}
        {rows.map((row) => {
          if (row.kind === 'folder') {
            const isSel = selection?.kind === 'folder' && folderKey(selection.path) === folderKey(row.path);
            return (
              <div
                key={row.key}
                role="treeitem"
                aria-level={row.depth + 1}
                aria-expanded={row.expanded}
                aria-selected={isSel}
                className={`tree-row folder${isSel ? ' selected' : ''}${dropKey === folderKey(row.path) ? ' drop-target' : ''}`}
                style={{ paddingLeft: 8 + row.depth * 16 }}
                onDragOver={(e) => onFolderDragOver(e, folderKey(row.path))}
                onDragLeave={() => setDropKey((k) => (k === folderKey(row.path) ? null : k))}
                onDrop={(e) => onFolderDrop(e, row.path)}
                onClick={() => {
                  setSelection({ kind: 'folder', path: row.path });
                  setDraft(null);
                  setExpanded((x) => {
                    const next = new Set(x);
                    const key = folderKey(row.path);
                    if (next.has(key)) next.delete(key);
                    else next.add(key);
                    return next;
                  });
                }}
              >
                <Icon name="chevron" className={`twisty${row.expanded ? ' open' : ''}`} />
                <Icon name="folder" />
                <span>{row.name}</span>
              </div>
            );
          }
          const isSel = (selection?.kind === 'site' && selection.id === row.site.id) || createdMeanwhile?.id === row.site.id;
          return (
            <div
              key={row.key}
              role="treeitem"
              aria-level={row.depth + 1}
              aria-selected={isSel}
              className={`tree-row site${isSel ? ' selected' : ''}`}
              style={{ paddingLeft: 24 + row.depth * 16 }}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(SITE_DRAG_TYPE, row.site.id);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragEnd={() => setDropKey(null)}
              onClick={() => {
                setSelection({ kind: 'site', id: row.site.id });
                setShowErrors(false);
              }}
              onDoubleClick={() => {
                setSelection({ kind: 'site', id: row.site.id });
                onOpenSite(row.site);
              }}
            >
              <Icon name={row.site.protocol === 'plain' ? 'unlock' : 'lock'} className={row.site.protocol === 'plain' ? 'insecure' : 'secure'} />
              <span className="site-name">{row.site.name}</span>
              <span className="muted small host">{row.site.host}</span>
            </div>
          );
        })}
        {selection?.kind === 'new' && draft && !createdMeanwhile && (
          <div role="treeitem" aria-level={draft.folderPath.length + 1} aria-selected className="tree-row site selected new" style={{ paddingLeft: 24 + draft.folderPath.length * 16 }}>
            <Icon name="plus" />
            <span className="site-name">{draft.name || t('siteManager.newSite')}</span>
            <span className="muted small">{t('siteManager.tree.unsaved')}</span>
          </div>
        )}
      </div>
      {newFolder !== null && (
        <form
          className="new-folder-row"
          onSubmit={(e) => {
            e.preventDefault();
            void createFolder();
          }}
        >
          <input aria-label={t('siteManager.tree.newFolderName')} value={newFolder} autoFocus onChange={(e) => setNewFolder(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), e.stopPropagation(), setNewFolder(null))} />
          <button type="submit" className="button small">
            {t('siteManager.tree.create')}
          </button>
        </form>
      )}
      <div className="tree-actions">
        <button type="button" className="button small" onClick={startNewSite}>
          <Icon name="plus" /> {t('siteManager.newSite')}
        </button>
        <button type="button" className="button small" onClick={() => setNewFolder('')}>
          <Icon name="new-folder" /> {t('siteManager.tree.newFolder')}
        </button>
        <button type="button" className="button small" disabled={!selectedSite} onClick={onDuplicate}>
          <Icon name="copy" /> {t('siteManager.tree.duplicate')}
        </button>
        <button type="button" className="button small" disabled={!(selectedSite || selection?.kind === 'folder')} onClick={onRemove}>
          <Icon name="trash" /> {t('siteManager.tree.delete')}
        </button>
      </div>
      <div className="tree-actions">
        <button
          type="button"
          className="button small"
          title={t('siteManager.tree.import.hint')}
          onClick={() => void dispatcher.sites.import('auto')}
        >
          <Icon name="import" /> {t('siteManager.tree.import')}
        </button>
        <button
          type="button"
          className="button small"
          title={t('siteManager.tree.importFolder.hint')}
          onClick={() => void dispatcher.sites.import('cyberduck-folder')}
        >
          <Icon name="import" /> {t('siteManager.tree.importFolder')}
        </button>
        <button type="button" className="button small" disabled={(listing?.sites.length ?? 0) === 0} onClick={() => void dispatcher.sites.export()}>
          <Icon name="export" /> {t('siteManager.tree.export')}
        </button>
        <button
          type="button"
          className="button small"
          title={t('siteManager.tree.exportFileZilla.hint')}
          disabled={(listing?.sites.length ?? 0) === 0}
          onClick={() => void dispatcher.sites.export(undefined, 'filezilla')}
        >
          <Icon name="export" /> {t('siteManager.tree.exportFileZilla')}
        </button>
        <button type="button" className="button small wide" onClick={() => dispatcher.dialogs.open({ kind: 'certificates', id: 'certificates' })}>
          <Icon name="shield" /> {t('siteManager.tree.certificates')}
        </button>
        <button type="button" className="button small wide" onClick={() => dispatcher.dialogs.open({ kind: 'proxy-settings', id: 'proxy-settings' })}>
          <Icon name="shield" /> {t('siteManager.tree.proxy')}
        </button>
      </div>
    </aside>
  );
}
