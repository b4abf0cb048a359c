/** What an import file holds, shown before anything is saved. */
import type { MessageId } from '../../common/i18n/catalog';
import { t, translator } from '../../common/i18n/t';
import { useState, type ReactNode } from 'react';
import type { SiteImportSummary } from '../../common/models/site-profile';
import { useDispatcher, useStore } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { protocolName } from '../state/sites-model';
import { Icon } from './icons';
import { Modal } from './modal';
import { RichText } from './rich-text';

/** The import dialog's title for each kind of file. */
const IMPORT_TITLES: Readonly<Record<SiteImportSummary['source'], MessageId>> = {
  filezilla: 'importView.title.filezilla',
  winscp: 'importView.title.winscp',
  cyberduck: 'importView.title.cyberduck',
  wharf: 'importView.title.wharf',
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
      title={t(IMPORT_TITLES[s.source])}
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button primary" disabled={s.sitesFound === 0} onClick={() => void dispatcher.sites.commitImport(dialog.preview.importId, storePasswords && keychainOk)}>
            {t('importView.import', { count: s.sitesFound })}
          </button>
        </>
      }
    >
      <p className="lead">
        <RichText
          id="importView.found"
          values={{ sites: s.sitesFound, sitesShown: translator().number(s.sitesFound), folders: s.foldersFound, foldersShown: translator().number(s.foldersFound) }}
          strong={['sitesShown', 'foldersShown']}
        />
      </p>
      {s.passwordsFound > 0 && (
        <div className="banner warning">
          <Icon name="lock" />
          <div>
            <p>{t('importView.readablePasswords', { count: s.passwordsFound, source: s.source })}</p>
            <label className="check">
              <input type="checkbox" checked={storePasswords && keychainOk} disabled={!keychainOk} onChange={(e) => setStorePasswords(e.target.checked)} />
              <span>{t('importView.movePasswords', { count: s.passwordsFound })}</span>
            </label>
            {!keychainOk && <p className="muted">{t('importView.keychainUnavailable')}</p>}
            <p className="muted">{t('importView.deleteOriginal')}</p>
          </div>
        </div>
      )}
      {s.source === 'cyberduck' && s.sitesFound > 0 && (
        <p className="muted">{t('importView.cyberduckPasswords')}</p>
      )}
      {tlsIfAvailable.length > 0 && (
        <div className="banner info" role="note" aria-label={t('importView.tlsRequired')}>
          <Icon name="shield" />
          <div>
            <p>
              <RichText
                id="importView.tlsIfAvailable"
                values={{ count: tlsIfAvailable.length, option: t('importView.tlsIfAvailableOption'), protocol: protocolName('explicit') }}
                strong={['option', 'protocol']}
              />
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
          <summary>{t('importView.skipped', { count: s.skipped.length })}</summary>
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
          <summary>{t('importView.notes', { count: s.notes.length })}</summary>
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
