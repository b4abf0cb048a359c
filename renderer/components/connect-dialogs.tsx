/** The questions asked on connect: a password or a client key's passphrase for this connection only, and plain FTP's warning. */
import type { ReactNode } from 'react';
import { PROTOCOL_NAMES } from '../../common/models/site';
import { useDispatcher } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { PLAIN_FTP_WARNING } from '../state/sites-model';
import { SecretPromptDialog } from './form-dialog';
import { Icon } from './icons';
import { Modal } from './modal';

/** Asks for a site's password on connect; it is used for this connection only, not saved. */
export function PasswordDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'password' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  return (
    <SecretPromptDialog
      id={dialog.id}
      top={top}
      title={`Password for ${dialog.siteName}`}
      label="Password"
      inputLabel="Site password"
      connect={(password) => void dispatcher.connections.connectSite({ id: dialog.siteId, name: dialog.siteName, user: dialog.user, passwordStorage: 'ask', hasPassword: false }, password)}
    >
      <p>
        Enter the password of <strong>{dialog.user}</strong>. It is used for this connection only and is not saved.
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
      title={`Client certificate of ${dialog.siteName}`}
      label="Passphrase"
      inputLabel="Client key passphrase"
      connect={(passphrase) => void dispatcher.connections.connectSiteWithPassphrase({ id: dialog.siteId, name: dialog.siteName, user: dialog.user }, passphrase, dialog.password)}
    >
      <p>{dialog.message}</p>
      <p className="muted">Used for this connection only. To save it in the keychain, enter it in the site’s Connectivity tab.</p>
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
      title={testing ? 'Test without encryption?' : 'Connect without encryption?'}
      onClose={close}
      initialFocus=".cancel-button"
      footer={
        <>
          <button type="button" className="button cancel-button" onClick={close}>
            Cancel
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
            {testing ? 'Test unencrypted' : 'Connect unencrypted'}
          </button>
        </>
      }
    >
      <div className="banner danger" role="alert">
        <Icon name="unlock" />
        <p>{PLAIN_FTP_WARNING}</p>
      </div>
      <p>
        Choose <strong>{PROTOCOL_NAMES.explicit}</strong> instead if {dialog.fields.host} supports it.
      </p>
    </Modal>
  );
}
