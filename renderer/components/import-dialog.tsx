/** What an import file holds, shown before anything is saved. */
import { useState, type ReactNode } from 'react';
import { PROTOCOL_NAMES } from '../../common/models/site';
import type { SiteImportSummary } from '../../common/models/site-profile';
import { useDispatcher, useStore } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { Icon } from './icons';
import { Modal } from './modal';

/** The import dialog's title for each kind of file. */
const IMPORT_TITLES: Readonly<Record<SiteImportSummary['source'], string>> = {
  filezilla: 'Import FileZilla sites',
  winscp: 'Import WinSCP sites',
  cyberduck: 'Import Cyberduck bookmarks',
  wharf: 'Import Wharf sites',
};

export function ImportDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'import' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const sites = useStore(dispatcher.stores.sites);
  const s = dialog.preview.summary;
  const keychainOk = sites.keychain?.available ?? false;
  // Ticked by default: a hurried user should not end up with sites that lost their passwords.
  const [storePasswords, setStorePasswords] = useState(true);
  const tlsIfAvailable = s.tlsIfAvailable ?? [];
  const close = () => dispatcher.dialogs.close(dialog.id);
  return (
    <Modal
      top={top}
      title={IMPORT_TITLES[s.source]}
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={s.sitesFound === 0} onClick={() => void dispatcher.sites.commitImport(dialog.preview.importId, storePasswords && keychainOk)}>
            Import {s.sitesFound} site{s.sitesFound === 1 ? '' : 's'}
          </button>
        </>
      }
    >
      <p className="lead">
        Found <strong>{s.sitesFound}</strong> site{s.sitesFound === 1 ? '' : 's'} in <strong>{s.foldersFound}</strong> folder{s.foldersFound === 1 ? '' : 's'}.
      </p>
      {s.passwordsFound > 0 && (
        <div className="banner warning">
          <Icon name="lock" />
          <div>
            <p>
              The file holds {s.passwordsFound} readable password{s.passwordsFound === 1 ? '' : 's'} ({s.source === 'winscp' ? 'WinSCP only scrambles them' : 'FileZilla stores them unencrypted'}).
            </p>
            <label className="check">
              <input type="checkbox" checked={storePasswords && keychainOk} disabled={!keychainOk} onChange={(e) => setStorePasswords(e.target.checked)} />
              <span>Move {s.passwordsFound === 1 ? 'this password' : `these ${s.passwordsFound} passwords`} to the system keychain</span>
            </label>
            {!keychainOk && <p className="muted">The system keychain is unavailable: these sites will ask for their password on connect.</p>}
            <p className="muted">Consider deleting the original file afterwards.</p>
          </div>
        </div>
      )}
      {s.source === 'cyberduck' && s.sitesFound > 0 && (
        <p className="muted">Cyberduck keeps passwords in the system keychain, not in bookmarks: each site asks for its password when it first connects.</p>
      )}
      {tlsIfAvailable.length > 0 && (
        <div className="banner info" role="note" aria-label="TLS required">
          <Icon name="shield" />
          <div>
            <p>
              {tlsIfAvailable.length === 1 ? 'This site was' : `These ${tlsIfAvailable.length} sites were`} set to <strong>Use explicit FTP over TLS if available</strong>. Wharf imports{' '}
              {tlsIfAvailable.length === 1 ? 'it' : 'them'} as <strong>{PROTOCOL_NAMES.explicit}</strong> with TLS required: a server without TLS will then be refused rather than used in clear.
            </p>
            <ul className="name-list">
              {tlsIfAvailable.map((x, i) => (
                <li key={i}>{[...x.folderPath, x.name].join(' / ')}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {s.skipped.length > 0 && (
        <details open>
          <summary>{s.skipped.length} cannot be imported</summary>
          <ul className="name-list">
            {s.skipped.map((x, i) => (
              <li key={i}>
                <strong>{[...x.folderPath, x.name].join(' / ')}</strong>: {x.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {s.notes.length > 0 && (
        <details>
          <summary>{s.notes.length} note{s.notes.length === 1 ? '' : 's'}</summary>
          <ul className="name-list">
            {s.notes.map((x, i) => (
              <li key={i}>
                <strong>{[...x.folderPath, x.name].join(' / ')}</strong>: {x.note}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Modal>
  );
}
