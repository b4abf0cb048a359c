/** The questions asked on connect: a password or a client key's passphrase for this connection only, and plain FTP's warning. */
import { t } from '../../common/i18n/t';
import type { ReactNode } from 'react';
import { useDispatcher } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { plainFtpWarning, protocolName } from '../state/sites-model';
import { SecretPromptDialog } from './form-dialog';
import { Icon } from './icons';
import { Modal } from './modal';
import { RichText } from './rich-text';

/** Asks for a site's password on connect; it is used for this connection only, not saved. */
export function PasswordDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'password' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  return (
    <SecretPromptDialog
      id={dialog.id}
      top={top}
      title={t('dialogs.password.title', { site: dialog.siteName })}
      label={t('dialogs.password.label')}
      inputLabel={t('dialogs.password.inputLabel')}
      connect={(password) => void dispatcher.connections.connectSite({ id: dialog.siteId, name: dialog.siteName, user: dialog.user, passwordStorage: 'ask', hasPassword: false }, password)}
    >
      <p>
        <RichText id="dialogs.password.explain" values={{ user: dialog.user }} strong={['user']} />
      </p>
    </SecretPromptDialog>
  );
}

/** Asks for the client key's passphrase on connect; it is used for this connection only, not saved. */
export function PassphraseDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'client-key-passphrase' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  return (
    <SecretPromptDialog
      id={dialog.id}
      top={top}
      title={t('dialogs.passphrase.title', { site: dialog.siteName })}
      label={t('dialogs.passphrase.label')}
      inputLabel={t('dialogs.passphrase.inputLabel')}
      connect={(passphrase) => void dispatcher.connections.connectSiteWithPassphrase({ id: dialog.siteId, name: dialog.siteName, user: dialog.user }, passphrase, dialog.password)}
    >
      <p>{dialog.message}</p>
      <p className="muted">{t('dialogs.passphrase.explain')}</p>
    </SecretPromptDialog>
  );
}

/** Plain FTP sends the password readable: the user agrees first, for a connection or a test. */
export function PlainFtpDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'plain-ftp' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const close = () => dispatcher.dialogs.close(dialog.id);
  const testing = dialog.purpose === 'test';
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone="danger"
      title={testing ? t('dialogs.plain.testTitle') : t('dialogs.plain.connectTitle')}
      onClose={close}
      initialFocus=".cancel-button"
      footer={
        <>
          <button type="button" className="button cancel-button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              close();
              if (testing) dispatcher.doctor.testQuickConnect({ ...dialog.fields, allowPlain: true });
              else void dispatcher.connections.quickConnect({ ...dialog.fields, allowPlain: true });
            }}
          >
            {testing ? t('dialogs.plain.test') : t('dialogs.plain.connect')}
          </button>
        </>
      }
    >
      <div className="banner danger" role="alert">
        <Icon name="unlock" />
        <p>{plainFtpWarning()}</p>
      </div>
      <p>
        <RichText id="dialogs.plain.instead" values={{ protocol: protocolName('explicit'), host: dialog.fields.host }} strong={['protocol']} />
      </p>
    </Modal>
  );
}
