/** A folder selected in the site tree: rename it, see what it holds, delete it, start a site in it. */
import { t } from '../../../common/i18n/t';
import { useState, type ReactNode } from 'react';
import type { SitesListing } from '../../../common/ipc/payloads';
import { folderContents, validateFolderName } from '../../state/sites-model';
import { Icon } from '../icons';
import { Field } from './site-form';

/** A selected folder: its name (renamed here), what it holds, and delete. */
export function FolderPanel({
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
        {inside.sites === 0 && inside.folders === 0 ? t('siteManager.folder.empty') : t('siteManager.folder.holds', { sites: inside.sites, folders: inside.folders })}{' '}
        {t('siteManager.folder.howToMove')}
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
        <Field label={t('siteManager.folder.name')} error={error ?? undefined}>
          <input aria-label={t('siteManager.folder.name')} value={name} spellCheck={false} onChange={(e) => setName(e.target.value)} aria-invalid={error !== null} />
        </Field>
        <button type="submit" className="button" disabled={busy || error !== null || name.trim() === current}>
          <Icon name="edit" /> {t('siteManager.folder.rename')}
        </button>
      </form>
      <div className="folder-actions">
        <button type="button" className="button" onClick={onNewSite}>
          <Icon name="plus" /> {t('siteManager.newSiteHere')}
        </button>
        <button type="button" className="button" onClick={onDelete}>
          <Icon name="trash" /> {t('siteManager.deleteFolder.confirm')}
        </button>
      </div>
    </div>
  );
}
