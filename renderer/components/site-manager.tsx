/** The drag type of a site dragged within the tree (its id). */
const SITE_DRAG_TYPE = 'application/x-wharf-site';

/**
 * The site manager: a searchable folder tree of saved sites and the form of the selected one (every
 * field of a site), with connect, duplicate, delete, import and export. Folders are created, renamed and
 * deleted here; a site moves to a folder by dragging it there or with the Folder field. Passwords go to main once and
 * into the system keychain; they never come back (the form shows only whether one is saved).
 */
import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { SitesListing } from '../../common/ipc/payloads';
import type { SiteProxyMode } from '../../common/models/proxy';
import type { DataConnectionMode, FtpsMode, MinTlsVersion } from '../../common/models/site';
import { ALLOW_CLEAR_DATA_LABEL, type SiteProfile } from '../../common/models/site-profile';
import { dialogId } from '../dispatcher';
import { useDispatcher, useStore } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { doctorPlanFromDraft } from '../state/doctor-model';
import {
  allFolders,
  draftFromSite,
  folderChoices,
  folderContents,
  folderKey,
  isWithinFolder,
  ALLOW_CLEAR_DATA_HINT,
  newDraft,
  passwordLeavesItsServer,
  PLAIN_FTP_WARNING,
  PROTOCOL_CHOICES,
  PROTOCOL_HINT,
  rebaseDraft,
  siteTreeRows,
  toCreateInput,
  toUpdateInput,
  UPLOAD_VIA_TEMPORARY_NAME_HINT,
  UPLOAD_VIA_TEMPORARY_NAME_LABEL,
  validateDraft,
  validateFolderName,
  withPort,
  withProtocol,
  type SiteDraft,
} from '../state/sites-model';
import { Icon } from './icons';
import { Modal } from './modal';
import { siteCreatedMeanwhile } from '../state/site-create';

/** The charsets legacy FTP servers use most, offered in the Charset field. */
const COMMON_CHARSETS = ['utf8', 'latin1', 'windows-1252', 'windows-1250', 'windows-1251', 'iso-8859-2', 'koi8-r', 'shift_jis', 'euc-jp', 'gbk', 'big5', 'euc-kr'];

type Selection = { readonly kind: 'site'; readonly id: string } | { readonly kind: 'folder'; readonly path: readonly string[] } | { readonly kind: 'new' } | null;
type FormTab = 'general' | 'advanced' | 'connectivity' | 'comments';

/** The site manager dialog. */
export function SiteManager({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'site-manager' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const { listing, keychain } = useStore(dispatcher.sites);
  const keychainAvailable = keychain?.available ?? false;
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set((listing?.folders ?? []).map(folderKey)));
  const [selection, setSelection] = useState<Selection>(dialog.selectSiteId ? { kind: 'site', id: dialog.selectSiteId } : null);
  const [draft, setDraft] = useState<SiteDraft | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [tab, setTab] = useState<FormTab>('general');
  const [newFolder, setNewFolder] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The folder row a dragged site hovers ('' = the top level). */
  const [dropKey, setDropKey] = useState<string | null>(null);
  /** The saved copy the draft was made from, so a newer copy from main keeps what the user typed since. */
  const derivedFrom = useRef<SiteProfile | null>(null);
  /** The site ids before a new site's save, while it is in flight. */
  const idsBeforeCreate = useRef<ReadonlySet<string> | null>(null);
  const createdMeanwhile = selection?.kind === 'new' && draft ? siteCreatedMeanwhile(listing, idsBeforeCreate.current, draft.name.trim()) : null;

  const rows = useMemo(() => siteTreeRows(listing, expanded, search), [listing, expanded, search]);
  const selectedSite: SiteProfile | null = selection?.kind === 'site' ? (listing?.sites.find((s) => s.id === selection.id) ?? null) : null;

  useEffect(() => {
    void dispatcher.refreshKeychain();
  }, [dispatcher]);

  // The form follows the selected site, and the saved copy after each change pushed by main (a move, a
  // folder rename) without losing what the user typed meanwhile.
  useEffect(() => {
    if (selection?.kind !== 'site') return;
    const site = listing?.sites.find((s) => s.id === selection.id);
    if (!site) return;
    const before = derivedFrom.current;
    derivedFrom.current = site;
    setDraft((d) => (d && before && d.id === site.id && before.id === site.id ? rebaseDraft(d, before, site) : draftFromSite(site)));
  }, [selection, listing]);

  const close = () => dispatcher.closeDialog(dialog.id);
  const currentFolder = (): readonly string[] => {
    if (selection?.kind === 'folder') return selection.path;
    if (selectedSite) return selectedSite.folderPath;
    if (draft) return draft.folderPath;
    return [];
  };
  const startNewSite = () => {
    setSelection({ kind: 'new' });
    setDraft(newDraft(currentFolder(), keychainAvailable));
    setShowErrors(false);
    setTab('general');
  };
  const errors = draft ? validateDraft(draft) : {};
  const valid = Object.keys(errors).length === 0;

  /** Saves the draft; returns the saved site. `connectingNext`: a new connection follows, with every setting. */
  const save = async (options: { readonly connectingNext?: boolean } = {}): Promise<SiteProfile | null> => {
    if (!draft) return null;
    setShowErrors(true);
    if (!valid) return null;
    setBusy(true);
    try {
      if (draft.id === null) {
        idsBeforeCreate.current = new Set((listing?.sites ?? []).map((s) => s.id));
        const result = await dispatcher.createSite(toCreateInput(draft)).finally(() => {
          idsBeforeCreate.current = null;
        });
        if (!result.ok) return null;
        setSelection({ kind: 'site', id: result.value.id });
        setDraft(draftFromSite(result.value));
        setShowErrors(false);
        return result.value;
      }
      const site = listing?.sites.find((s) => s.id === draft.id);
      if (!site) return null;
      const changes = toUpdateInput(draft, site);
      if (Object.keys(changes).length === 0) return site;
      const result = await dispatcher.updateSite(site.id, changes, options);
      if (!result.ok) return null;
      setDraft(draftFromSite(result.value));
      setShowErrors(false);
      return result.value;
    } finally {
      setBusy(false);
    }
  };

  const connect = async () => {
    const typed = draft?.passwordStorage === 'ask' && draft.password !== '' ? draft.password : undefined;
    const site = await save({ connectingNext: true });
    if (!site) return;
    close();
    await dispatcher.connectSite(site, typed);
  };

  /** "Test connection" for the form as it is now, saved or not. */
  const testConnection = () => {
    if (!draft) return;
    setShowErrors(true);
    const { host, port } = validateDraft(draft);
    if (host || port) return;
    const saved = draft.id === null ? null : (listing?.sites.find((s) => s.id === draft.id) ?? null);
    dispatcher.testConnection(doctorPlanFromDraft(draft, saved));
  };

  const duplicate = async () => {
    if (!selectedSite) return;
    const copy = await dispatcher.duplicateSite(selectedSite.id);
    if (copy) setSelection({ kind: 'site', id: copy.id });
  };

  const remove = () => {
    if (selection?.kind === 'site' && selectedSite) {
      dispatcher.openDialog({
        kind: 'confirm',
        id: dialogId('confirm'),
        title: `Delete “${selectedSite.name}”?`,
        message: 'The site and its saved password (in the system keychain) are deleted.',
        confirmLabel: 'Delete site',
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
      if (await dispatcher.deleteSiteFolder(path)) setSelection(null);
      return;
    }
    const saved = listing?.sites.filter((s) => s.hasPassword && isWithinFolder(s.folderPath, path)).length ?? 0;
    const what = [inside.sites > 0 ? `${inside.sites} site${inside.sites === 1 ? '' : 's'}` : '', inside.folders > 0 ? `${inside.folders} folder${inside.folders === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join(' and ');
    dispatcher.openDialog({
      kind: 'confirm',
      id: dialogId('confirm'),
      title: `Delete folder “${name}”?`,
      message: `“${name}” holds ${what}. They are deleted with it${saved > 0 ? `, and ${saved === 1 ? 'the password' : `the ${saved} passwords`} saved in the system keychain` : ''}. This cannot be undone.`,
      confirmLabel: 'Delete folder',
      action: { kind: 'delete-site-folder', folderPath: path },
    });
  };

  /** Renames a folder; the selection and the open folders follow it. */
  const renameFolder = async (path: readonly string[], name: string): Promise<boolean> => {
    const renamed = [...path.slice(0, -1), name.trim()];
    if (!(await dispatcher.renameSiteFolder(path, name.trim()))) return false;
    const move = (p: readonly string[]) => (isWithinFolder(p, path) ? [...renamed, ...p.slice(path.length)] : p);
    setExpanded((x) => new Set([...x].map((key) => folderKey(move(key === '' ? [] : key.split('\u0000'))))));
    setSelection({ kind: 'folder', path: renamed });
    return true;
  };

  /** Moves a site to a folder (drag and drop, or the Folder field); the folder opens to show it there. */
  const moveSite = async (id: string, folderPath: readonly string[]) => {
    const site = listing?.sites.find((s) => s.id === id);
    if (!site || folderKey(site.folderPath) === folderKey(folderPath)) return;
    const moved = await dispatcher.moveSite(id, folderPath);
    if (!moved) return;
    setExpanded((x) => {
      const next = new Set(x);
      for (let i = 1; i <= folderPath.length; i++) next.add(folderKey(folderPath.slice(0, i)));
      return next;
    });
    setSelection({ kind: 'site', id });
  };

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
    if (id) void moveSite(id, path);
  };

  const createFolder = async () => {
    const name = (newFolder ?? '').trim();
    if (!name) return setNewFolder(null);
    const path = [...currentFolder(), name];
    if (await dispatcher.createSiteFolder(path)) {
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
      void connect();
    } else if (e.key === 'F2' && selection?.kind === 'folder') {
      e.preventDefault();
      document.querySelector<HTMLInputElement>('.folder-rename input')?.focus();
    } else if (e.key === 'Delete' && (selectedSite || selection?.kind === 'folder')) {
      e.preventDefault();
      remove();
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

  const set = <K extends keyof SiteDraft>(key: K, value: SiteDraft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  const err = (key: keyof SiteDraft) => (showErrors ? errors[key] : undefined);

  return (
    <Modal
      top={top}
      className="site-manager"
      title="Site Manager"
      onClose={close}
      initialFocus=".tree-search input"
      footer={
        <>
          <span className="muted small">Passwords are kept only in the system keychain, never in a file.</span>
          <span className="spacer" />
          <button type="button" className="button" onClick={close}>
            Close
          </button>
          <button
            type="button"
            className="button"
            title="Test these settings step by step (saved or not) and explain what fails"
            disabled={!draft || busy}
            onClick={testConnection}
          >
            <Icon name="stethoscope" /> Test connection
          </button>
          <button type="button" className="button" disabled={!draft || busy} onClick={() => void save()}>
            Save
          </button>
          <button type="button" className="button primary" disabled={!draft || busy} onClick={() => void connect()}>
            Connect
          </button>
        </>
      }
    >
      <div className="sm-layout">
        <aside className="sm-tree">
          <label className="tree-search filter">
            <Icon name="search" />
            <input type="search" aria-label="Search sites" placeholder="Search sites" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <div
            className={`tree${dropKey === '' ? ' drop-here' : ''}`}
            role="tree"
            aria-label="Sites"
            tabIndex={0}
            onKeyDown={onTreeKey}
            onDragOver={(e) => onFolderDragOver(e, '')}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropKey(null);
            }}
            onDrop={(e) => onFolderDrop(e, [])}
          >
            {rows.length === 0 && selection?.kind !== 'new' && <p className="tree-empty muted small">{search ? 'No site matches.' : 'No saved sites yet.'}</p>}
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
                    close();
                    void dispatcher.connectSite(row.site);
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
                <span className="site-name">{draft.name || 'New site'}</span>
                <span className="muted small">unsaved</span>
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
              <input aria-label="New folder name" value={newFolder} autoFocus onChange={(e) => setNewFolder(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), e.stopPropagation(), setNewFolder(null))} />
              <button type="submit" className="button small">
                Create
              </button>
            </form>
          )}
          <div className="tree-actions">
            <button type="button" className="button small" onClick={startNewSite}>
              <Icon name="plus" /> New site
            </button>
            <button type="button" className="button small" onClick={() => setNewFolder('')}>
              <Icon name="new-folder" /> New folder
            </button>
            <button type="button" className="button small" disabled={!selectedSite} onClick={() => void duplicate()}>
              <Icon name="copy" /> Duplicate
            </button>
            <button type="button" className="button small" disabled={!(selectedSite || selection?.kind === 'folder')} onClick={remove}>
              <Icon name="trash" /> Delete
            </button>
          </div>
          <div className="tree-actions">
            <button
              type="button"
              className="button small"
              title="FileZilla sitemanager.xml, WinSCP.ini, a Cyberduck bookmark or a Wharf export"
              onClick={() => void dispatcher.importSites('auto')}
            >
              <Icon name="import" /> Import…
            </button>
            <button
              type="button"
              className="button small"
              title="A folder of Cyberduck bookmarks (.duck files)"
              onClick={() => void dispatcher.importSites('cyberduck-folder')}
            >
              <Icon name="import" /> Import folder…
            </button>
            <button type="button" className="button small" disabled={(listing?.sites.length ?? 0) === 0} onClick={() => void dispatcher.exportSites()}>
              <Icon name="export" /> Export…
            </button>
            <button
              type="button"
              className="button small"
              title="FileZilla's sitemanager.xml, which FileZilla and WinSCP import (without passwords)"
              disabled={(listing?.sites.length ?? 0) === 0}
              onClick={() => void dispatcher.exportSites(undefined, 'filezilla')}
            >
              <Icon name="export" /> For FileZilla…
            </button>
            <button type="button" className="button small wide" onClick={() => dispatcher.openDialog({ kind: 'certificates', id: 'certificates' })}>
              <Icon name="shield" /> Trusted certificates…
            </button>
            <button type="button" className="button small wide" onClick={() => dispatcher.openDialog({ kind: 'proxy-settings', id: 'proxy-settings' })}>
              <Icon name="shield" /> Proxy…
            </button>
          </div>
        </aside>
        <section className="sm-form" aria-label="Site settings">
          {keychain && !keychain.available && (
            <div className="banner warning" role="status">
              <Icon name="warning" />
              <div>
                <strong>The system keychain is unavailable.</strong>
                <p>{keychain.message ?? 'Passwords cannot be saved.'} Sites will ask for their password on connect; Wharf never stores passwords in a file.</p>
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
              <p>{selection?.kind === 'folder' ? `Folder “${selection.path[selection.path.length - 1]}”` : 'Select a site, or create one.'}</p>
              <button type="button" className="button primary" onClick={startNewSite}>
                <Icon name="plus" /> New site
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

interface SiteFormProps {
  readonly draft: SiteDraft;
  readonly set: <K extends keyof SiteDraft>(key: K, value: SiteDraft[K]) => void;
  readonly setDraft: (change: (d: SiteDraft | null) => SiteDraft | null) => void;
  readonly err: (key: keyof SiteDraft) => string | undefined;
  readonly tab: FormTab;
  readonly setTab: (tab: FormTab) => void;
  readonly keychainAvailable: boolean;
  readonly listing: SitesListing | null;
  /** The Folder field: a new site's draft takes it; a saved site moves at once. */
  readonly onMove: (folderPath: readonly string[]) => void;
}

/** A selected folder: its name (renamed here), what it holds, and delete. */
function FolderPanel({
  listing,
  path,
  onRename,
  onDelete,
  onNewSite,
}: {
  readonly listing: SitesListing | null;
  readonly path: readonly string[];
  readonly onRename: (name: string) => Promise<boolean>;
  readonly onDelete: () => void;
  readonly onNewSite: () => void;
}): ReactNode {
  const current = path[path.length - 1] ?? '';
  const [name, setName] = useState(current);
  const [busy, setBusy] = useState(false);
  const error = name.trim() === current ? null : validateFolderName(listing, path.slice(0, -1), name, path);
  const inside = folderContents(listing, path);
  return (
    <div className="folder-panel">
      <h3>
        <Icon name="folder" /> {path.join(' / ')}
      </h3>
      <p className="muted">
        {inside.sites === 0 && inside.folders === 0
          ? 'This folder is empty.'
          : `Holds ${inside.sites} site${inside.sites === 1 ? '' : 's'}${inside.folders > 0 ? ` and ${inside.folders} folder${inside.folders === 1 ? '' : 's'}` : ''}.`}{' '}
        Drag sites onto a folder in the tree to move them, or choose their Folder in the site’s settings.
      </p>
      <form
        className="folder-rename"
        onSubmit={async (e) => {
          e.preventDefault();
          if (error || name.trim() === current || busy) return;
          setBusy(true);
          await onRename(name);
          setBusy(false);
        }}
      >
        <Field label="Folder name" error={error ?? undefined}>
          <input aria-label="Folder name" value={name} spellCheck={false} onChange={(e) => setName(e.target.value)} aria-invalid={error !== null} />
        </Field>
        <button type="submit" className="button" disabled={busy || error !== null || name.trim() === current}>
          <Icon name="edit" /> Rename folder
        </button>
      </form>
      <div className="folder-actions">
        <button type="button" className="button" onClick={onNewSite}>
          <Icon name="plus" /> New site here
        </button>
        <button type="button" className="button" onClick={onDelete}>
          <Icon name="trash" /> Delete folder
        </button>
      </div>
    </div>
  );
}

function Field({ label, error, children, hint, className }: { readonly label: string; readonly error?: string | undefined; readonly children: ReactNode; readonly hint?: ReactNode; readonly className?: string }): ReactNode {
  return (
    <label className={`field${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <span>{label}</span>
      {children}
      {hint}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

/** The site's client certificate (mutual TLS) and proxy (#18). */
function ConnectivityTab({ draft, set, err }: Pick<SiteFormProps, 'draft' | 'set' | 'err'>): ReactNode {
  return (
    <div className="form-grid" role="tabpanel" aria-label="Connectivity">
      <fieldset className="span2">
        <legend>Client certificate</legend>
        <p className="hint">For servers that require mutual TLS: a PEM certificate and its key, or one PKCS#12 file (.p12, .pfx). Sent only when the server asks for one.</p>
        <Field label="Certificate file" error={err('clientCertPath')} className="span2">
          <input aria-label="Client certificate file" value={draft.clientCertPath} spellCheck={false} onChange={(e) => set('clientCertPath', e.target.value)} placeholder="None — /path/to/client.pem or client.p12" />
        </Field>
        <Field label="Key file (PEM)" className="span2">
          <input aria-label="Client key file" value={draft.clientKeyPath} spellCheck={false} onChange={(e) => set('clientKeyPath', e.target.value)} placeholder="Empty for a PKCS#12 file, or a PEM holding both" />
        </Field>
        <Field label="Key passphrase" className="span2">
          <input
            aria-label="Client key passphrase"
            type="password"
            autoComplete="off"
            value={draft.clientKeyPassphrase}
            onChange={(e) => set('clientKeyPassphrase', e.target.value)}
            placeholder="Saved in the keychain; leave empty to keep the saved one or to be asked on connect"
          />
        </Field>
      </fieldset>
      <fieldset className="span2">
        <legend>Proxy</legend>
        <Field label="Connect" className="span2">
          <select aria-label="Proxy" value={draft.proxyMode} onChange={(e) => set('proxyMode', e.target.value as SiteProxyMode)}>
            <option value="app">As the app setting says</option>
            <option value="none">Directly (no proxy)</option>
            <option value="system">Through the system proxy (ALL_PROXY / HTTPS_PROXY)</option>
            <option value="custom">Through this proxy</option>
          </select>
        </Field>
        {draft.proxyMode === 'custom' && (
          <>
            <Field label="Proxy address" error={err('proxyUrl')} className="span2">
              <input aria-label="Proxy address" value={draft.proxyUrl} spellCheck={false} onChange={(e) => set('proxyUrl', e.target.value)} placeholder="socks5://proxy.example:1080 or http://user@proxy.example:3128" />
            </Field>
            <Field label="Proxy password" className="span2">
              <input aria-label="Proxy password" type="password" autoComplete="off" value={draft.proxyPassword} onChange={(e) => set('proxyPassword', e.target.value)} placeholder="Saved in the keychain; leave empty to keep the saved one" />
            </Field>
          </>
        )}
        <p className="hint">Control and passive data connections go through the proxy; active mode cannot, and is refused behind one.</p>
      </fieldset>
    </div>
  );
}

function SiteForm({ draft, set, setDraft, err, tab, setTab, keychainAvailable, listing, onMove }: SiteFormProps): ReactNode {
  const folders = folderChoices(listing);
  const saved = draft.id === null ? null : (listing?.sites.find((s) => s.id === draft.id) ?? null);
  const currentFolder = folderKey(draft.folderPath);
  if (!folders.some((f) => f.key === currentFolder)) folders.push({ key: currentFolder, path: draft.folderPath, label: draft.folderPath.join(' / ') });
  return (
    <div className="site-form">
      <div role="tablist" aria-label="Site settings" className="segmented">
        {(['general', 'advanced', 'connectivity', 'comments'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'on' : ''} onClick={() => setTab(t)}>
            {t === 'general' ? 'General' : t === 'advanced' ? 'Advanced' : t === 'connectivity' ? 'Connectivity' : 'Comments'}
          </button>
        ))}
      </div>
      {tab === 'general' && (
        <div className="form-grid" role="tabpanel" aria-label="General">
          <Field label="Name" error={err('name')}>
            <input aria-label="Name" value={draft.name} onChange={(e) => set('name', e.target.value)} />
          </Field>
          <Field label="Folder" hint={draft.id !== null ? <span className="muted small">moves the site at once</span> : undefined}>
            <select
              aria-label="Folder"
              value={currentFolder}
              onChange={(e) => {
                const choice = folders.find((f) => f.key === e.target.value);
                if (choice) onMove(choice.path);
              }}
            >
              {folders.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Protocol" className="span2">
            <select aria-label="Protocol" value={draft.protocol} onChange={(e) => setDraft((d) => (d ? withProtocol(d, e.target.value as FtpsMode) : d))}>
              {PROTOCOL_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                  {c.value === 'explicit' ? ' — recommended' : ''}
                </option>
              ))}
            </select>
          </Field>
          <p className="hint span2">{PROTOCOL_HINT}</p>
          {draft.protocol === 'plain' && (
            <div className="banner danger span2" role="alert">
              <Icon name="unlock" />
              <p>{PLAIN_FTP_WARNING}</p>
            </div>
          )}
          <Field label="Host" error={err('host')}>
            <input aria-label="Host" value={draft.host} spellCheck={false} onChange={(e) => set('host', e.target.value)} placeholder="ftp.example.com" />
          </Field>
          <Field label="Port" error={err('port')} className="narrow" hint={!draft.portEdited ? <span className="muted small">follows the protocol</span> : undefined}>
            <input aria-label="Port" inputMode="numeric" value={draft.port} onChange={(e) => setDraft((d) => (d ? withPort(d, e.target.value) : d))} />
          </Field>
          <Field label="User" error={err('user')} className="span2">
            <input aria-label="User" value={draft.user} spellCheck={false} autoComplete="off" onChange={(e) => set('user', e.target.value)} />
          </Field>
          <fieldset className="span2 password-box">
            <legend>Password</legend>
            <label className="radio">
              <input type="radio" name="password-storage" checked={draft.passwordStorage === 'keychain'} disabled={!keychainAvailable} onChange={() => set('passwordStorage', 'keychain')} />
              <span>Save in the system keychain</span>
            </label>
            <label className="radio">
              <input type="radio" name="password-storage" checked={draft.passwordStorage === 'ask'} onChange={() => setDraft((d) => (d ? { ...d, passwordStorage: 'ask', password: '' } : d))} />
              <span>Ask on connect</span>
            </label>
            {draft.passwordStorage === 'keychain' && (
              <Field label="Password" error={err('password')}>
                <input
                  aria-label="Password"
                  type="password"
                  autoComplete="off"
                  value={draft.password}
                  placeholder={draft.hasPassword ? 'Saved in the keychain — type to replace' : ''}
                  onChange={(e) => set('password', e.target.value)}
                />
              </Field>
            )}
            {draft.passwordStorage === 'keychain' && draft.hasPassword && (
              <p className="muted small">
                <Icon name="lock" /> A password is saved in the system keychain.
              </p>
            )}
            {saved && passwordLeavesItsServer(draft, saved) && (
              <div className="banner warning" role="alert" aria-label="Saved password and the new server">
                <Icon name="lock" />
                <div>
                  <p>
                    The saved password was typed for {saved.user || 'anonymous'}@{saved.host}:{saved.port}. Saving removes it, so it is not sent to{' '}
                    {draft.host.trim()} unasked.
                  </p>
                  <label className="check">
                    <input type="checkbox" checked={draft.keepPassword} onChange={(e) => set('keepPassword', e.target.checked)} />
                    <span>Keep the saved password for {draft.host.trim()}</span>
                  </label>
                </div>
              </div>
            )}
          </fieldset>
        </div>
      )}
      {tab === 'advanced' && (
        <div className="form-grid" role="tabpanel" aria-label="Advanced">
          <Field label="Data connection">
            <select aria-label="Data connection" value={draft.dataMode} onChange={(e) => set('dataMode', e.target.value as DataConnectionMode)}>
              <option value="passive">Passive (recommended)</option>
              <option value="active">Active</option>
            </select>
          </Field>
          <Field label="Minimum TLS version">
            <select aria-label="Minimum TLS version" value={draft.minTlsVersion} onChange={(e) => set('minTlsVersion', e.target.value as MinTlsVersion)}>
              <option value="TLSv1.2">TLS 1.2</option>
              <option value="TLSv1.3">TLS 1.3</option>
            </select>
          </Field>
          <Field label="Default local folder" className="span2">
            <input aria-label="Default local folder" value={draft.localDir} spellCheck={false} onChange={(e) => set('localDir', e.target.value)} placeholder="Your home folder" />
          </Field>
          <Field label="Default remote folder" className="span2">
            <input aria-label="Default remote folder" value={draft.remoteDir} spellCheck={false} onChange={(e) => set('remoteDir', e.target.value)} placeholder="The server’s home folder" />
          </Field>
          <Field label="Charset" error={err('encoding')}>
            <input aria-label="Charset" list="site-charsets" value={draft.encoding} spellCheck={false} onChange={(e) => set('encoding', e.target.value)} />
            {/* Suggestions only: any WHATWG label works (the engine refuses the few that cannot carry FTP). */}
            <datalist id="site-charsets">
              {COMMON_CHARSETS.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </Field>
          <Field label="Maximum connections" error={err('maxConnections')}>
            <input aria-label="Maximum connections" type="number" min={1} max={10} value={draft.maxConnections} onChange={(e) => set('maxConnections', e.target.value)} />
          </Field>
          <Field label="Timezone offset (minutes)" error={err('timezoneOffsetMinutes')}>
            <input aria-label="Timezone offset (minutes)" type="number" step={15} value={draft.timezoneOffsetMinutes} onChange={(e) => set('timezoneOffsetMinutes', e.target.value)} />
          </Field>
          <div className="span2">
            <label className="check">
              <input type="checkbox" checked={draft.uploadViaTemporaryName} onChange={(e) => set('uploadViaTemporaryName', e.target.checked)} />
              <span>{UPLOAD_VIA_TEMPORARY_NAME_LABEL}</span>
            </label>
            <p className="hint">{UPLOAD_VIA_TEMPORARY_NAME_HINT}</p>
          </div>
          {draft.protocol !== 'plain' && (
            <div className="span2">
              <label className="check">
                <input type="checkbox" checked={draft.allowClearData} onChange={(e) => set('allowClearData', e.target.checked)} />
                <span>{ALLOW_CLEAR_DATA_LABEL}</span>
              </label>
              <p className="hint">{ALLOW_CLEAR_DATA_HINT}</p>
            </div>
          )}
        </div>
      )}
      {tab === 'connectivity' && <ConnectivityTab draft={draft} set={set} err={err} />}
      {tab === 'comments' && (
        <div className="form-grid" role="tabpanel" aria-label="Comments">
          <Field label="Comments" className="span2">
            <textarea aria-label="Comments" rows={10} value={draft.comments} onChange={(e) => set('comments', e.target.value)} />
          </Field>
        </div>
      )}
    </div>
  );
}
